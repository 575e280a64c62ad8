// The generated TypeScript declarations of the package (pkg/gridward.d.ts, what
// `import … from "gridward"` is typed by) name a real type for everything: no `any`;
// every method of the generated api.js is declared, commands with their context and a
// Receipt; and ErrorCode is the union of the core's real error codes.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";

import { repoRoot, parityFixture } from "./support.mjs";

const read = (...parts) => readFileSync(path.join(repoRoot, ...parts), "utf8");
const text = read("bindings-wasm", "pkg", "gridward.d.ts");
/** The declarations without comments. */
const dts = text.replace(/\/\*[\s\S]*?\*\//g, "").replace(/^\s*\/\/.*$/gm, "");
const api = read("bindings-wasm", "pkg", "api.js");
const surface = JSON.parse(read("core", "src", "surface", "surface.json"));

/** The members of a union type alias, by name. */
function union(name) {
  const match = dts.match(new RegExp(`export type ${name} =([^;]*);`));
  assert.ok(match, `no type ${name}`);
  return match[1].split("|").map((s) => s.trim()).filter(Boolean).map((s) => JSON.parse(s)).sort();
}

/** A class's body in a source text: `class Name { … }` up to its closing brace. */
function classBody(source, name) {
  const start = source.search(new RegExp(`class ${name} \\{`));
  assert.ok(start >= 0, `no class ${name}`);
  const end = source.indexOf("\n}", start);
  return source.slice(start, end);
}

/** The generated capability classes of api.js: name → [method, "execute" | "ask"]. */
function capabilities() {
  const out = {};
  for (const [, name] of api.matchAll(/export class (\w+Capability) \{/g)) {
    out[name] = [...classBody(api, name).matchAll(/\n  (\w+)\(args(?:, context)?\) \{\n\s+return this\.#raw\.(execute|ask)\(/g)]
      .map(([, method, kind]) => [method, kind]);
  }
  return out;
}

test("the package's declarations are the generated ones, and both entries are typed by them", () => {
  assert.equal(text, read("bindings-wasm", "js", "gridward.d.ts"));
  const pkg = JSON.parse(read("bindings-wasm", "pkg", "package.json"));
  const conditions = pkg.exports["."];
  assert.deepEqual(Object.keys(conditions), ["node", "browser", "default"]);
  for (const [condition, { types, default: entry }] of Object.entries(conditions)) {
    // Each entry's types: its own `init`, and everything else from gridward.d.ts.
    assert.equal(types, entry.replace(/\.js$/, ".d.ts"), condition);
    const own = read("bindings-wasm", "pkg", types);
    assert.match(own, /^export \* from "\.\/gridward\.js";$/m, condition);
    assert.match(own, /^export default function init\(input\?: unknown\): Promise<void>;$/m, condition);
  }
  assert.equal(pkg.types, conditions.default.types);
});

test("the .d.ts has no any", () => {
  const offenders = dts.split("\n").filter((line) => /\bany\b/.test(line));
  assert.deepEqual(offenders, []);
});

test("every capability method of api.js is declared: commands with a context and a Receipt", () => {
  const found = capabilities();
  assert.deepEqual(Object.keys(found).sort(), ["AssemblyCapability", "FundCapability", "GridCapability",
    "PartyCapability", "PointsCapability", "ProjectsCapability", "ScoringCapability", "TasksCapability"]);
  for (const [name, methods] of Object.entries(found)) {
    assert.ok(methods.length > 5, name);
    const body = classBody(dts, name);
    for (const [method, kind] of methods) {
      const line = body.match(new RegExp(`\\n  ${method}\\((args\\??): (\\w+)(, context\\?: CommandContext)?\\): ([^;]+);`));
      assert.ok(line, `${name}.${method} is not declared`);
      const [, , argsType, context, returns] = line;
      assert.match(dts, new RegExp(`export (interface ${argsType} \\{|type ${argsType} = )`), `${name}.${method}: ${argsType}`);
      if (kind === "execute") {
        assert.ok(context, `${name}.${method} takes a context`);
        assert.equal(returns, "Receipt", `${name}.${method}`);
      } else {
        assert.equal(context, undefined, `${name}.${method} is a query: no context`);
      }
    }
  }
});

test("the ward, its capabilities and the pure functions are declared with their types", () => {
  const ward = classBody(dts, "Ward");
  for (const line of [
    "readonly grid: GridCapability;", "readonly tasks: TasksCapability;", "readonly fund: FundCapability;",
    "readonly assembly: AssemblyCapability;", "readonly scoring: ScoringCapability;",
    "readonly points: PointsCapability;", "readonly projects: ProjectsCapability;",
    "readonly party: PartyCapability;",
    "constructor(config?: WardConfigIn | null);",
    "static from_journal(text: string, config?: WardConfigIn | null): Ward;",
    "readonly head: Hash;", "readonly journal_length: number;", "state_digest(): Hash;",
    "export_journal(options?: { since?: number | null } | null): string;", "config(): WardConfig;",
    "on_entry(listener: (line: string) => void): () => void;",
    "execute(command: CommandIn, context?: CommandContext): Receipt;",
    "decide(command: CommandIn, context?: CommandContext): Array<Event>;",
  ]) {
    assert.ok(ward.includes(line), `Ward: missing ${line}`);
  }
  for (const line of [
    // The methods the face renames from the core's command names.
    "import_rows(args: GridImportRowsArgs, context?: CommandContext): Receipt;",
    "import_requests(args: TasksImportRequestsArgs, context?: CommandContext): Receipt;",
    "return_request(args: TasksReturnRequestArgs, context?: CommandContext): Receipt;",
    "import_open311(args: TasksImportOpen311Args, context?: CommandContext): Receipt;",
    // Queries answer with their row types; those without arguments may be called with none.
    "unit(args: GridUnitArgs): UnitRow | null;",
    "roots(args?: GridRootsArgs): Array<UnitRow>;",
    "request(args: TasksRequestArgs): RequestRow | null;",
    "indicators(args: TasksIndicatorsArgs): Indicators;",
    "statement(args: FundStatementArgs): Statement;",
    "motion(args: AssemblyMotionArgs): MotionView | null;",
    "volunteer(args: ScoringVolunteerArgs): Volunteer | null;",
    "totals(args?: PointsTotalsArgs): PointsTotals;",
    "import_election(args: ProjectsImportElectionArgs, context?: CommandContext): Receipt;",
    "statement(args: ProjectsStatementArgs): ProjectsStatement;",
    "what_if(args: ProjectsWhatIfArgs): Selection;",
    "export default function init(input?: unknown): Promise<void>;",
    "export declare function is_gridward_error(value: unknown): value is GridwardError;",
    "export declare function verify_journal(args: VerifyJournalArgs): JournalCheck;",
    "export declare function split(args: SplitArgs): Array<Amount>;",
    "export declare function tally(args: TallyArgs): Tally;",
    "export declare function verify_statement(args: VerifyStatementArgs): StatementCheck;",
    "export declare function verify_projects_statement(args: VerifyProjectsStatementArgs): StatementCheck;",
    "export declare function evaluate_communities(args: EvaluateCommunitiesArgs): Array<Evaluation>;",
  ]) {
    assert.ok(dts.includes(line), `missing: ${line}`);
  }
  const functions = [...api.matchAll(/^export function (\w+)\(/gm)].map((m) => m[1]);
  assert.ok(functions.length >= 10);
  for (const name of functions) {
    assert.match(dts, new RegExp(`export declare function ${name}\\(`), name);
  }
  // Decimals and times: strings out, and also numbers and Dates in.
  assert.match(dts, /export interface GridAddHouseholdArgs \{[^}]*area: Decimal \| number;/);
  assert.match(dts, /export interface TasksIndicatorsArgs \{[^}]*start: DateTimeString \| Date;/);
  assert.match(dts, /export interface HouseholdRow \{[^}]*area: Decimal;/);
});

test("GridwardError carries a code of the ErrorCode union, a kind and a field", () => {
  assert.match(dts, /export interface GridwardError extends Error \{\s*name: "GridwardError";\s*code: ErrorCode;\s*kind: ErrorKind;\s*field: string \| null;\s*\}/);
  assert.deepEqual(union("ErrorKind"), ["conflict", "internal", "invalid", "journal", "not_found", "permission_denied"]);
});

test("ErrorCode is the union of the codes the core describes", () => {
  const described = surface.errors.map((e) => e.code).sort();
  assert.deepEqual(union("ErrorCode"), described);
  assert.deepEqual(union("ErrorKind"), [...new Set(surface.errors.map((e) => e.kind))].sort());
});

test("the described codes are the real ones: every code a fixture expects, and every input code", () => {
  const codes = new Set(union("ErrorCode"));
  const expected = new Set();
  const dir = path.join(repoRoot, "tests", "fixtures", "parity");
  for (const file of readdirSync(dir).filter((f) => f.endsWith("_scenario.json"))) {
    for (const step of parityFixture(file).steps) if (step.expect_error) expected.add(step.expect_error);
  }
  for (const c of parityFixture("bad_input.json").cases) expected.add(c.code);
  // The input codes of the description, and refusals the fixtures do not reach.
  for (const code of ["wrong_type", "unknown_field", "missing_field", "unknown_value", "float_not_allowed",
    "naive_datetime", "bad_format", "out_of_range", "invalid_value", "journal_broken", "unknown_request",
    "unknown_fund", "unknown_category", "bad_text"]) {
    expected.add(code);
  }
  assert.ok(expected.size > 40);
  const missing = [...expected].filter((code) => !codes.has(code)).sort();
  assert.deepEqual(missing, [], `ErrorCode lacks ${missing.length} real codes`);
});

// The generated TypeScript declarations name a real type for every domain object: no
// `any` in the API (the web build's low-level `InitOutput` table of raw wasm exports
// is wasm-bindgen's own and is left out).
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import path from "node:path";
import { repoRoot } from "./support.mjs";

function declarations(target) {
  const file = path.join(repoRoot, "bindings-wasm", "pkg", target, "gridward.d.ts");
  return readFileSync(file, "utf8")
    .replace(/\/\*[\s\S]*?\*\//g, "")
    .replace(/^\s*\/\/.*$/gm, "")
    .replace(/export interface InitOutput \{[\s\S]*?\n\}/, "");
}

for (const target of ["web", "node"]) {
  test(`${target}: the .d.ts has no any outside wasm-bindgen's raw export table`, () => {
    const dts = declarations(target);
    const offenders = dts.split("\n").filter((line) => /\bany\b/.test(line));
    assert.deepEqual(offenders, []);
  });

  test(`${target}: methods return the domain types`, () => {
    const dts = declarations(target);
    for (const signature of [
      "addUnit(args: AddUnitArgs, ctx?: Context): Receipt;",
      "importRows(rows: ImportRow[], ctx?: Context): Receipt;",
      "execute(command: GridCommand, ctx?: Context): Receipt;",
      "decide(command: GridCommand, ctx?: Context): WardEvent[];",
      "unit(code: string): Unit | null;",
      "subtree(code: string): TreeRow[];",
      "householdsUnder(code: string): HouseholdRow[];",
      "peopleUnder(code: string): PersonAt[];",
      "counts(scope?: string | null): Counts;",
      "chain(household: string, domain: Domain): Chain;",
      "directiveProgress(id: string): DirectiveProgress;",
      "directiveProgressBy(id: string, level: Level): UnitProgress[];",
      "static fromJournal(text: string, config?: WardConfigInput): Ward;",
      "constructor(config?: WardConfigInput);",
      "readonly head: string;",
      "readonly journalLength: number;",
      "export function verifyJournal(text: string, expected_head?: string | null): VerifyReport;",
    ]) {
      assert.ok(dts.includes(signature), `missing: ${signature}`);
    }
    for (const name of ["Receipt", "Context", "Unit", "TreeRow", "HouseholdRow", "PersonAt",
      "Chain", "CoverageReport", "DirectiveProgress", "UnitProgress", "Counts",
      "VerifyReport", "WardConfig", "GridwardError"]) {
      assert.match(dts, new RegExp(`export interface ${name} `), name);
    }
    for (const name of ["ImportRow", "GridCommand", "Level", "Domain", "Role"]) {
      assert.match(dts, new RegExp(`export type ${name} =`), name);
    }
  });
}

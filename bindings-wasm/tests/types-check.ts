// Compiled (never run) by `tsc -p bindings-wasm/tsconfig.json`: the generated .d.ts must
// type every domain object, so each line below checks a type, and each
// `@ts-expect-error` proves that a wrong use is caught (it would be unused under `any`).
import init, {
  Ward, verifyJournal, isGridwardError,
  type Receipt, type Context, type Unit, type TreeRow, type HouseholdRow, type PersonAt,
  type Chain, type CoverageReport, type DirectiveProgress, type UnitProgress, type Counts,
  type VerifyReport, type ImportRow, type GridCommand, type WardConfig, type WardEvent,
  type Household, type Person, type DirectiveSummary, type Level,
} from "../pkg/web/gridward.js";

export async function typed(): Promise<string> {
  await init();
  const ward = new Ward({ grid: { coverage: { band: [30, 100] } } });
  const config: WardConfig = ward.config;
  const ctx: Context = { actor: "chief", at: new Date(), key: "k1" };
  const r: Receipt = ward.addUnit({ code: "510105", name: "青羊区" }, ctx);
  const seq: number | null = r.seq;
  const head: string = r.head;
  const dup: boolean = r.duplicate;
  ward.addHousehold({ id: "h", unit: "510105001001001001", area: 72.5 });
  ward.addHousehold({ id: "h2", unit: "510105001001001001", area: "89.50" }, { at: "2026-03-02T09:00:00+08:00" });
  ward.addPerson({ id: "p", name: "王芳", party_member: true });
  ward.retireUnit({ code: "510105001001001002", transfer_households_to: null });
  const rows: ImportRow[] = [
    { kind: "unit", code: "510105001001002", name: "二号院落网格" },
    { kind: "household", id: "x", unit: "510105001001002", area: 60 },
    { kind: "role", person: "p", role: "grid_leader", unit: "510105001001002" },
  ];
  ward.importRows(rows);
  const command: GridCommand = { type: "rename_unit", code: "510105", name: "新" };
  ward.execute(command);
  const events: WardEvent[] = ward.decide(command);
  const eventType: string | undefined = events[0].grid?.type;
  ward.issueDirective({ id: "d", unit: "510105", title: "t", due: new Date() });
  ward.acknowledge({ directive: "d", households: ["h"] }, { actor: "w1" });

  const unit: Unit | null = ward.unit("510105");
  const level: Level | undefined = unit?.level;
  const tree: TreeRow[] = ward.subtree("510105");
  const total: number = tree[0].households;
  const households: HouseholdRow[] = ward.householdsUnder("510105");
  const area: string = households[0].area;
  const people: PersonAt[] = ward.peopleUnder("510105");
  const household: Household | null = ward.household("h");
  const person: Person | null = ward.person("p");
  const counts: Counts = ward.counts();
  const scoped: Counts = ward.counts("510105");
  const chain: Chain = ward.chain("h", "fire_safety");
  const coverage: CoverageReport = ward.coverage(null, { band: null });
  const compliance: number = coverage.micro_grid_compliance;
  const progress: DirectiveProgress = ward.directiveProgress("d");
  const byUnit: UnitProgress[] = ward.directiveProgressBy("d", "micro_grid");
  const list: DirectiveSummary[] = ward.directives();
  const report: VerifyReport = verifyJournal(ward.exportJournal(), ward.head);
  const matches: boolean | null = report.head_matches;
  const again: Ward = Ward.fromJournal(ward.exportJournal());
  const digest: string = again.stateDigest();
  const entries: number = ward.journalLength;

  try {
    ward.addUnit({ code: "510105", name: "x" });
  } catch (e) {
    if (isGridwardError(e)) {
      const code: string = e.code;
      const kind: "invalid" | "not_found" | "conflict" | "permission_denied" | "journal" = e.kind;
      void [code, kind];
    }
  }

  // @ts-expect-error domains are Domain names
  ward.addUnit({ code: "510105", name: "x", domains: ["weather"] });
  // @ts-expect-error the field is party_member, as in the JSON form
  ward.addPerson({ id: "p", name: "x", partyMember: true });
  // @ts-expect-error an area is a string or a number
  ward.addHousehold({ id: "h", unit: "510105", area: true });
  // @ts-expect-error a level is one of five names
  ward.directiveProgressBy("d", "building");
  // @ts-expect-error Receipt has no such field
  void r.sequence;
  // @ts-expect-error a TreeRow's households is a number
  const wrong: string = tree[0].households;
  // @ts-expect-error the context has no idempotencyKey
  ward.renameUnit({ code: "510105", name: "x" }, { idempotencyKey: "k" });
  // @ts-expect-error an unknown command type
  ward.execute({ type: "fly" });

  void [config, seq, head, dup, eventType, level, total, area, people, household, person,
    counts, scoped, chain, compliance, progress, byUnit, list, matches, digest, entries, wrong];
  return report.head;
}

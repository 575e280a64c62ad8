// Compiled (never run) by `tsc -p bindings-wasm/tsconfig.json` under --strict: the
// generated .d.ts types the ward, the grid capability, the journal and the errors, so each
// line below checks a type, and each `@ts-expect-error` proves that a wrong use is caught
// (it would go unnoticed, and the directive be unused, under `any`).
import init, {
  Ward, verify_journal, is_gridward_error,
  type Receipt, type CommandContext, type UnitRow, type TreeRow, type HouseholdRow, type PersonAt,
  type ChainView, type CoverageView, type DirectiveProgress, type UnitProgress, type Counts,
  type JournalCheck, type ImportRowIn, type GridCommand, type CommandIn, type WardConfig, type Event,
  type HouseholdView, type PersonView, type DirectiveSummary, type Level, type Hash,
  type ErrorCode, type ErrorKind, type GridwardError, type BatchCommand,
} from "gridward";

export async function typed(): Promise<string> {
  await init();
  const ward = new Ward({ grid: { coverage: { band: [30, 100] } } });
  const { grid } = ward;
  const config: WardConfig = ward.config();
  // The answer's sections are typed optional (see the report): read them with `?.`.
  const band: [number, number] | null | undefined = config.grid?.coverage?.band;
  const ctx: CommandContext = { actor: "chief", at: new Date(), key: "k1" };
  const r: Receipt = grid.add_unit({ code: "510105", name: "青羊区" }, ctx);
  const seq: number | null | undefined = r.seq;
  const head: Hash = r.head;
  const dup: boolean = r.duplicate;
  grid.add_household({ id: "h", unit: "510105001001001001", area: 72 });
  grid.add_household({ id: "h2", unit: "510105001001001001", area: "89.50" }, { at: "2026-03-02T09:00:00+08:00" });
  grid.add_person({ id: "p", name: "王芳", party_member: true });
  grid.retire_unit({ code: "510105001001001002", transfer_households_to: null });
  const rows: ImportRowIn[] = [
    { kind: "unit", code: "510105001001002", name: "二号院落网格" },
    { kind: "household", id: "x", unit: "510105001001002", area: 60 },
    { kind: "role", person: "p", role: "grid_leader", unit: "510105001001002" },
  ];
  grid.import_rows({ rows });
  const command: GridCommand = { type: "rename_unit", code: "510105", name: "新" };
  const wrapped: CommandIn = { grid: command };
  ward.execute(wrapped);
  const events: Event[] = ward.decide(wrapped);
  const batch: BatchCommand[] = [{ command: wrapped, actor: "chief", at: new Date() }, { command: wrapped, key: "k2" }];
  const outcomes: Array<Receipt | GridwardError> = ward.execute_batch(batch);
  const batchSeq: number | null | undefined = is_gridward_error(outcomes[0]) ? null : outcomes[0].seq;
  // @ts-expect-error -- a batch item needs its command
  ward.execute_batch([{ actor: "chief" }]);
  const first = events[0];
  const eventType: string | null = first && "grid" in first ? first.grid.type : null;
  grid.issue_directive({ id: "d", unit: "510105", title: "t", due: new Date() });
  grid.acknowledge({ directive: "d", households: ["h"] }, { actor: "w1" });

  const unit: UnitRow | null = grid.unit({ code: "510105" });
  const level: Level | undefined = unit?.level;
  const roots: UnitRow[] = grid.roots();
  const children: UnitRow[] = grid.children({ code: "510105" });
  const tree: TreeRow[] = grid.subtree({ code: "510105" });
  const total: number = tree[0].households;
  const households: HouseholdRow[] = grid.households_under({ code: "510105" });
  const area: string = households[0].area;
  const people: PersonAt[] = grid.people_under({ code: "510105" });
  const household: HouseholdView | null = grid.household({ id: "h" });
  const person: PersonView | null = grid.person({ id: "p" });
  const counts: Counts = grid.counts();
  const scoped: Counts = grid.counts({ scope: "510105" });
  const chain: ChainView = grid.chain({ household: "h", domain: "fire_safety" });
  const coverage: CoverageView = grid.coverage({ rules: { band: null } });
  const compliance: number = coverage.micro_grid_compliance;
  const progress: DirectiveProgress = grid.directive_progress({ id: "d" });
  const byUnit: UnitProgress[] = grid.directive_progress_by({ id: "d", level: "micro_grid" });
  const list: DirectiveSummary[] = grid.directives();
  const report: JournalCheck = verify_journal({ text: ward.export_journal(), expected_head: ward.head });
  const matches: boolean | null | undefined = report.head_matches;
  const again: Ward = Ward.from_journal(ward.export_journal(), { grid: { coverage: { leaders: false } } });
  const digest: Hash = again.state_digest();
  const entries: number = ward.journal_length;
  const tail: string = ward.export_journal({ since: entries - 1 });
  const stop: () => void = ward.on_entry((line: string) => void line.length);
  stop();
  // @ts-expect-error a listener takes the entry's line
  ward.on_entry((line: number) => line);

  try {
    grid.add_unit({ code: "510105", name: "x" });
  } catch (e) {
    if (is_gridward_error(e)) {
      const error: GridwardError = e;
      const code: ErrorCode = e.code;
      const kind: ErrorKind = e.kind;
      const field: string | null = e.field;
      // ErrorCode is a union of the real codes: a comparison narrows it.
      if (e.code === "unit_exists") {
        const exists: "unit_exists" = e.code;
        void exists;
      }
      switch (e.code) {
        case "wrong_type":
        case "unknown_field":
        case "permission_denied":
        case "journal_broken":
          break;
        default:
          break;
      }
      // @ts-expect-error -- not a code Gridward has
      if (e.code === "no_such_code") void 0;
      // @ts-expect-error -- not a kind of error
      if (e.kind === "fatal") void 0;
      void [error, code, kind, field];
    }
  }

  // @ts-expect-error -- domains are Domain names
  grid.add_unit({ code: "510105", name: "x", domains: ["weather"] });
  // @ts-expect-error -- the field is party_member, as in the JSON form
  grid.add_person({ id: "p", name: "x", partyMember: true });
  // @ts-expect-error -- an area is a decimal string or a number
  grid.add_household({ id: "h", unit: "510105", area: true });
  // @ts-expect-error -- a level is one of five names
  grid.directive_progress_by({ id: "d", level: "building" });
  // @ts-expect-error -- arguments are one object, not positional
  grid.unit("510105");
  // @ts-expect-error -- a query takes no context
  grid.unit({ code: "510105" }, { actor: "chief" });
  // @ts-expect-error -- the face names it import_rows
  grid.import({ rows });
  // @ts-expect-error -- Receipt has no such field
  void r.sequence;
  // @ts-expect-error -- a TreeRow's households is a number
  const wrong: string = tree[0].households;
  // @ts-expect-error -- the context has no idempotencyKey
  grid.rename_unit({ code: "510105", name: "x" }, { idempotencyKey: "k" });
  // @ts-expect-error -- a command names its capability
  ward.execute({ type: "rename_unit", code: "510105", name: "x" });
  // @ts-expect-error -- an unknown command type
  ward.execute({ grid: { type: "fly" } });
  // @ts-expect-error -- the journal is verified from one object of arguments
  verify_journal(ward.export_journal());

  void [config, band, seq, head, dup, eventType, level, roots, children, total, area, people, household,
    person, counts, scoped, chain, compliance, progress, byUnit, list, matches, digest, entries, wrong, batchSeq, tail];
  return report.head;
}

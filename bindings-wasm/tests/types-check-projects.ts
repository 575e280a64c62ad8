// Compiled (never run) by `tsc -p bindings-wasm/tsconfig.json` under --strict: the
// projects capability's methods, an imported election and the statement check take and
// return real types; each `@ts-expect-error` proves a wrong use is caught (it would go
// unnoticed, and the directive be unused, under `any`).
import init, {
  Ward, verify_projects_statement, is_gridward_error, read_pabulib, write_pabulib, select_projects,
  type PbFile,
  type Receipt, type FundView, type Proposal, type Project, type ProjectEvaluation,
  type ProjectsReport, type ProjectsStatement, type StatementCheck, type Selection,
  type ProjectResult, type BalanceRow, type ElectionIn, type RuleIn, type Rule,
  type BallotFormIn, type FundStage, type ProjectStage, type Verdict, type EvaluatorCapacity,
  type ProjectsCommand, type CommandIn, type Amount, type Decimal, type ErrorCode,
} from "gridward";

export async function projects(): Promise<string | null> {
  await init();
  const ward = new Ward();
  const { projects } = ward;
  const at = "2026-02-02T10:00:00+08:00";
  const staff = { actor: "cs", at };
  const opened: Receipt = projects.open_fund({ fund: "f", community: "510105001001", year: 2026,
    source: "guarantee", amount: 200000 }, staff);
  projects.set_council({ community: "510105001001", members: ["owner-2", "owner-3"] }, staff);
  projects.propose({ proposal: "p", fund: "f", title: "楼道照明", description: "d", category: "安全",
    estimate: "60000.00", unit: null }, { actor: "owner-11", at });
  projects.merge_proposals({ into: "p", from: ["q"] }, staff);
  projects.admit_proposal({ proposal: "p", cost: 58000 }, staff);
  projects.publish_shortlist({ fund: "f" }, staff);
  const form: BallotFormIn = { kind: "approval", min_length: 1, max_length: 3, max_sum_cost: "100000" };
  const rule: RuleIn = { rule: "greedy_threshold", min_score: 3 };
  projects.open_decision({ fund: "f", form, voters: "council", rule: { rule: "equal_shares" },
    closes: new Date("2026-03-24T18:00:00+08:00") }, staff);
  projects.cast_ballot({ fund: "f", choices: ["p"] }, { actor: "owner-2" });
  projects.close_decision({ fund: "f" }, staff);
  const election: ElectionIn = { budget: "1000", form: { kind: "cumulative", max_sum_points: 3 },
    candidates: [{ id: "a", cost: 600, name: "A" }, { id: "b", cost: "500.00", category: null }],
    ballots: [{ voter: "1", choices: ["a", "b"], points: [2, 1] }, { voter: "2", choices: ["a"] }] };
  projects.import_election({ fund: "g", election, rule: { rule: "greedy" } }, staff);
  const evaluators: Record<string, EvaluatorCapacity> = { "jw-li": "supervision_committee" };
  projects.name_evaluators({ project: "p", evaluators }, staff);
  projects.pay_tranche({ project: "p", payment: "t1", amount: "100.00", voucher: "PZ-1" }, staff);
  const verdict: Verdict = "accept";
  projects.evaluate({ project: "p", verdict, score: 90, comment: "" }, { actor: "jw-li" });

  const fund: FundView | null = projects.fund({ id: "f" });
  const stage: FundStage | undefined = fund?.stage;
  const balance: Amount | undefined = fund?.balance;
  const selection: Selection | null | undefined = fund?.decision?.selection;
  const proposals: Proposal[] = projects.proposals({ fund: "f" });
  const rows: Project[] = projects.projects({ fund: "f" });
  const projectStage: ProjectStage | undefined = rows[0]?.stage;
  const evaluation: ProjectEvaluation | undefined = rows[0]?.evaluations["jw-li"];
  const report: ProjectsReport = projects.report({ fund: "f" });
  const share: Decimal | null = report.allocated_share;
  const statement: ProjectsStatement = projects.statement({ fund: "f" });
  const books: BalanceRow[] = projects.balances({ fund: "f" });
  const whatIf: Selection = projects.what_if({ fund: "f", rule });
  const chosen: Rule = whatIf.rule;
  const results: ProjectResult[] = whatIf.projects;
  const council: string[] = projects.council({ community: "510105001001" });
  const check: StatementCheck = verify_projects_statement({ journal: ward.export_journal(), statement });
  const verified: boolean = check.verified;

  const c: ProjectsCommand = { type: "publish_shortlist", fund: "f" };
  const any: CommandIn = { projects: c };
  ward.execute(any);

  try {
    projects.cast_ballot({ fund: "f", choices: ["p", "q", "r", "s"] }, { actor: "owner-3" });
  } catch (e) {
    // The projects' refusals narrow ErrorCode.
    if (is_gridward_error(e) && (e.code === "ballot_too_many_choices" || e.code === "ballots_closed")) {
      const code: ErrorCode = e.code;
      const refused: "ballot_too_many_choices" | "ballots_closed" = e.code;
      void [code, refused];
    }
  }

  // @ts-expect-error -- no such rule
  projects.what_if({ fund: "f", rule: { rule: "dhondt" } });
  // @ts-expect-error -- a threshold names its lowest score
  projects.what_if({ fund: "f", rule: { rule: "greedy_threshold" } });
  // @ts-expect-error -- who votes is the council, the residents or an import
  projects.open_decision({ fund: "f", form, voters: "owners", rule, closes: at }, staff);
  // @ts-expect-error -- a ballot's points are numbers
  projects.cast_ballot({ fund: "f", choices: ["p"], points: ["1"] });
  // @ts-expect-error -- an evaluator's score is a number
  projects.evaluate({ project: "p", verdict: "accept", score: "90", comment: "" });
  // @ts-expect-error -- an election's ballots name their voter
  projects.import_election({ fund: "g", election: { ...election, ballots: [{ choices: ["a"] }] }, rule });
  // @ts-expect-error -- a fund's amount is text, not a number
  const wrong: number = report.amount;
  const pb: PbFile = read_pabulib({ text: "META\nkey;value\n" });
  const pbText: string = write_pabulib({ file: pb });
  const pbMeta: Array<[string, string]> = pb.meta;
  const pbSelected: string[] | null | undefined = pb.selected;
  const pbSelection: Selection | null = pb.rule ? select_projects({ election: pb.election, rule: pb.rule }) : null;
  // @ts-expect-error -- the reader takes the file's text by name
  read_pabulib("META");
  // @ts-expect-error -- an election is decided under a rule
  select_projects({ election });

  void [opened, stage, balance, selection, proposals, projectStage, evaluation, share, books,
    chosen, results, council, verified, wrong, pbText, pbMeta, pbSelected, pbSelection];
  return statement.head;
}

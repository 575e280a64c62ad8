// Compiled (never run) by `tsc -p bindings-wasm/tsconfig.json` under --strict: the fund
// and assembly capabilities' methods and the money functions take and return real types;
// each `@ts-expect-error` proves a wrong use is caught (it would go unnoticed, and the
// directive be unused, under `any`).
import init, {
  Ward, split, apply_rate, tally, verify_statement, is_gridward_error,
  type Receipt, type FundSummary, type AccountRow, type BalanceRow, type TrialBalance,
  type HistoryRow, type PostingRow, type Statement, type StatementCheck, type BasisComparison,
  type RateParts, type Tally, type MotionView, type HomeRow, type FundCommand, type AssemblyCommand,
  type CommandIn, type Event, type FundConfig, type Role, type Outcome, type Subject,
  type Amount, type VoucherRow, type ArrearsRow, type SpendingRow, type ErrorCode,
} from "gridward";

export async function fund(): Promise<string | null> {
  await init();
  const ward = new Ward({ fund: { currency: "CNY", approval_threshold: 5000, rounding: "half_up" } });
  const { fund, assembly } = ward;
  const config: FundConfig | undefined = ward.config().fund;
  const role: Role = "fund_supervisor";
  const at = "2026-01-02T09:00:00+08:00";
  const opened: Receipt = fund.open_fund({ fund: "f", name: "基金", unit: "510105001001002",
    fee: { per: "area", rate: 4 }, basis: { basis: "remuneration", percent: "12" },
    approval_threshold: "1000.00", rounding: null }, { at });
  fund.open_account({ fund: "f", account: { name: "assets:deposit" } });
  fund.post({ fund: "f", transactions: [{ id: "t", date: "2026-01-02", postings: [
    { account: "assets:bank", amount: "1.00" }, { account: "equity:fund", amount: -1 }] }] });
  fund.reverse({ fund: "f", transaction: "t-rev", reverses: "t", reason: "x" });
  fund.bill_fees({ fund: "f", month: "2026-01" }, { actor: "pm" });
  fund.record_payment({ fund: "f", payment: "p", household: "1-101", amount: 288 });
  fund.record_income({ fund: "f", id: "i", source: "parking", amount: "100.00" });
  fund.propose_budget({ fund: "f", budget: "b", from: "2026-01-01", to: "2026-12-31",
    lines: [{ line: "cleaning", amount: "100.00" }] });
  fund.propose_amendment({ fund: "f", budget: "b", amendment: "a", lines: [], reason: "x" });
  fund.request_payment({ fund: "f", payment: "q", budget: "b", line: "cleaning", amount: "1.00",
    voucher: { reference: "r", document_hash: "ab", payee: "p", description: "d" } });
  fund.approve_payment({ fund: "f", payment: "q" }, { actor: "sup" });
  fund.reject_payment({ fund: "f", payment: "q", reason: "x" });
  fund.accrue_remuneration({ fund: "f", accrual: "r", from: "2026-01-01", to: "2026-01-31" });
  fund.pay_remuneration({ fund: "f", payment: "rp", amount: "1.00" });
  fund.propose_dividend({ fund: "f", dividend: "d", key: { by: "agreed", weights: [["1-101", 1]] } });
  fund.propose_dividend({ fund: "f", dividend: "d2", key: { by: "rate", per_m2: "4" }, amount: null });
  fund.pay_dividend({ fund: "f", dividend: "d", payment: "dp" });
  assembly.set_owner({ household: "1-101", owner: null });
  assembly.open_motion({ motion: "m", unit: "510105001001002", title: "t",
    subject: { type: "matter", matter: "rebuild" }, closes: new Date() });
  fund.propose_fee({ fund: "f", standard: "2026-02", fee: { per: "household", amount: "100.00" },
    from: "2026-02" });
  assembly.open_motion({ motion: "m-fee", unit: "510105001001002", title: "t",
    subject: { type: "approve_fee", fund: "f", standard: "2026-02" }, closes: new Date() });
  assembly.open_motion({ motion: "m-ads", unit: "510105001001002", title: "t",
    subject: { type: "allow_business_use", fund: "f", uses: ["advertising", "parking"], until: "2026-12-31" },
    closes: new Date() });
  assembly.cast_vote({ motion: "m", choice: "abstain", owner: "o" });
  assembly.close_motion({ motion: "m" });

  const summary: FundSummary | null = fund.fund({ id: "f" });
  const ids: string[] = fund.funds();
  const accounts: AccountRow[] = fund.accounts({ fund: "f" });
  const balances: BalanceRow[] = fund.balances({ fund: "f", date: "2026-01-31" });
  const trial: TrialBalance = fund.trial_balance({ fund: "f" });
  const history: HistoryRow[] = fund.account_history({ fund: "f", account: "assets:bank" });
  const postings: PostingRow[] = fund.transactions({ fund: "f" });
  const statement: Statement = fund.statement({ fund: "f", start: "2026-01-01", end: "2026-12-31" });
  const spending: SpendingRow[] = statement.spending;
  const arrears: ArrearsRow[] = statement.arrears_by_building;
  const vouchers: VoucherRow[] = statement.vouchers;
  const check: StatementCheck = verify_statement({ journal: ward.export_journal(), statement });
  const basis: BasisComparison = fund.basis_comparison({ fund: "f", start: "2026-01-01", end: "2026-12-31" });
  const ledger: string = fund.export_hledger({ fund: "f" }) + fund.export_beancount({ fund: "f" });
  const motion: MotionView | null = assembly.motion({ id: "m" });
  const motions: MotionView[] = assembly.motions();
  const roll: HomeRow[] = assembly.electorate({ unit: "510105001001002" });
  const owner: string | null = assembly.owner({ household: "1-101" });
  const outcome: Outcome | undefined = motion?.tally.outcome;
  const subject: Subject | undefined = motion?.subject;

  const parts: Amount[] = split({ total: "1000.00", weights: ["72", 89, "120.3"] });
  const rate: RateParts = apply_rate({ rate: "4", quantities: [72], rounding: "half_even" });
  const count: Tally = tally({ kind: "special", electorate: [["a", "30"], ["b", 30]], votes: { a: "yes", b: "no" } });

  const f: FundCommand = { type: "bill_fees", fund: "f", month: "2026-02" };
  const a: AssemblyCommand = { type: "close_motion", motion: "m" };
  const any1: CommandIn = { fund: f };
  const any2: CommandIn = { assembly: a };
  const events: Event[] = ward.decide(any1);
  ward.execute(any2);
  const first = events[0];
  const kind = first && "fund" in first ? first.fund.type : null;

  try {
    fund.request_payment({ fund: "f", payment: "q2", budget: "b", line: "cleaning", amount: "9999.00",
      voucher: { reference: "r", document_hash: "ab", payee: "p", description: "d" } });
  } catch (e) {
    // The fund's refusals narrow ErrorCode.
    if (is_gridward_error(e) && (e.code === "over_budget" || e.code === "unknown_budget")) {
      const code: ErrorCode = e.code;
      const refused: "over_budget" | "unknown_budget" = e.code;
      void [code, refused];
    }
  }

  // @ts-expect-error -- the fee needs its basis of charge
  fund.open_fund({ fund: "f", name: "n", unit: "510105001001002", fee: { rate: 4 }, basis: { basis: "fixed_fee" } });
  assembly.open_motion({ motion: "m", unit: "510105001001002", title: "t", closes: new Date(),
    // @ts-expect-error -- a business use is advertising, parking or other
    subject: { type: "allow_business_use", fund: "f", uses: ["lottery"] } });
  // @ts-expect-error -- no such role
  const wrongRole: Role = "treasurer";
  // @ts-expect-error -- a vote is yes, no or abstain
  assembly.cast_vote({ motion: "m", choice: "maybe" });
  // @ts-expect-error -- the statement is checked against journal text
  verify_statement({ journal: statement, statement });
  // @ts-expect-error -- a tally is counted for an ordinary or a special motion
  tally({ kind: "unanimous", electorate: [], votes: {} });
  // @ts-expect-error -- a payment needs its voucher
  fund.request_payment({ fund: "f", payment: "q", budget: "b", line: "cleaning", amount: "1.00" });
  // @ts-expect-error -- the statement's period is start and end
  fund.statement({ fund: "f", from: "2026-01-01", to: "2026-12-31" });
  // @ts-expect-error -- an amount is text or a number, not a boolean
  fund.record_payment({ fund: "f", payment: "p", household: "1-101", amount: true });
  // @ts-expect-error -- amounts come back as text
  const asNumber: number = trial.debits;

  void [config, role, opened, summary, ids, accounts, balances, trial, history, postings,
    spending, arrears, vouchers, check, basis, ledger, motions, roll, owner, outcome, subject,
    parts, rate, count, wrongRole, asNumber];
  return kind;
}

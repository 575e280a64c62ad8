// Compiled (never run) by `tsc -p bindings-wasm/tsconfig.json` under --strict: the fund
// and assembly methods take and return real types; each `@ts-expect-error` proves a wrong
// use is caught (it would go unnoticed, and the directive be unused, under `any`).
import init, {
  Ward, split, applyRate, tally,
  type Receipt, type FundSummary, type AccountRow, type BalanceRow, type TrialBalance,
  type HistoryRow, type PostingRow, type Statement, type StatementCheck, type BasisComparison,
  type RateParts, type Tally, type MotionInfo, type FundCommand, type AssemblyCommand,
  type WardCommand, type WardEvent, type FundConfig, type Role, type Outcome, type Subject,
  type AmountString, type VoucherRow, type ArrearsRow, type SpendingRow,
} from "../pkg/web/gridward.js";

export async function fund(): Promise<string | null> {
  await init();
  const ward = new Ward({ fund: { currency: "CNY", approval_threshold: 5000, rounding: "half_up" } });
  const config: FundConfig = ward.config.fund;
  const role: Role = "fund_supervisor";
  const at = "2026-01-02T09:00:00+08:00";
  const opened: Receipt = ward.openFund({ fund: "f", name: "基金", unit: "510105001001002",
    fee: { per: "area", rate: 4 }, basis: { basis: "remuneration", percent: "12" },
    approval_threshold: "1000.00", rounding: null }, { at });
  ward.openAccount({ fund: "f", account: { name: "assets:deposit" } });
  ward.post({ fund: "f", transactions: [{ id: "t", date: "2026-01-02", postings: [
    { account: "assets:bank", amount: "1.00" }, { account: "equity:fund", amount: -1 }] }] });
  ward.reverse({ fund: "f", transaction: "t-rev", reverses: "t", reason: "x" });
  ward.billFees({ fund: "f", month: "2026-01" }, { actor: "pm" });
  ward.recordPayment({ fund: "f", payment: "p", household: "1-101", amount: 288 });
  ward.recordIncome({ fund: "f", id: "i", source: "parking", amount: "100.00" });
  ward.proposeBudget({ fund: "f", budget: "b", from: "2026-01-01", to: "2026-12-31",
    lines: [{ line: "cleaning", amount: "100.00" }] });
  ward.proposeAmendment({ fund: "f", budget: "b", amendment: "a", lines: [], reason: "x" });
  ward.requestPayment({ fund: "f", payment: "q", budget: "b", line: "cleaning", amount: "1.00",
    voucher: { reference: "r", document_hash: "ab", payee: "p", description: "d" } });
  ward.approvePayment({ fund: "f", payment: "q" }, { actor: "sup" });
  ward.rejectPayment({ fund: "f", payment: "q", reason: "x" });
  ward.accrueRemuneration({ fund: "f", accrual: "r", from: "2026-01-01", to: "2026-01-31" });
  ward.payRemuneration({ fund: "f", payment: "rp", amount: "1.00" });
  ward.proposeDividend({ fund: "f", dividend: "d", key: { by: "agreed", weights: [["1-101", 1]] } });
  ward.proposeDividend({ fund: "f", dividend: "d2", key: { by: "rate", per_m2: "4" }, amount: null });
  ward.payDividend({ fund: "f", dividend: "d", payment: "dp" });
  ward.setOwner({ household: "1-101", owner: null });
  ward.openMotion({ motion: "m", unit: "510105001001002", title: "t",
    subject: { type: "matter", matter: "rebuild" }, closes: new Date() });
  ward.castVote({ motion: "m", choice: "abstain", owner: "o" });
  ward.closeMotion({ motion: "m" });

  const summary: FundSummary | null = ward.fund("f");
  const ids: string[] = ward.funds();
  const accounts: AccountRow[] = ward.accounts("f");
  const balances: BalanceRow[] = ward.balances("f", "2026-01-31");
  const trial: TrialBalance = ward.trialBalance("f");
  const history: HistoryRow[] = ward.accountHistory("f", "assets:bank");
  const postings: PostingRow[] = ward.transactions("f");
  const statement: Statement = ward.statement("f", "2026-01-01", "2026-12-31");
  const spending: SpendingRow[] = statement.spending;
  const arrears: ArrearsRow[] = statement.arrears_by_building;
  const vouchers: VoucherRow[] = statement.vouchers;
  const check: StatementCheck = Ward.verifyStatement(ward.exportJournal(), statement);
  const basis: BasisComparison = ward.basisComparison("f", "2026-01-01", "2026-12-31");
  const ledger: string = ward.exportHledger("f") + ward.exportBeancount("f");
  const motion: MotionInfo | null = ward.motion("m");
  const motions: MotionInfo[] = ward.motions();
  const owner: string | null = ward.owner("1-101");
  const outcome: Outcome | undefined = motion?.tally?.outcome;
  const subject: Subject | undefined = motion?.subject;

  const parts: AmountString[] = split("1000.00", ["72", 89.5, "120.3"]);
  const rate: RateParts = applyRate("4", [72], "half_even");
  const count: Tally = tally("special", [["a", "30"], ["b", 30]], { a: "yes", b: "no" });

  const f: FundCommand = { type: "bill_fees", fund: "f", month: "2026-02" };
  const a: AssemblyCommand = { type: "close_motion", motion: "m" };
  const any1: WardCommand = { fund: f };
  const any2: WardCommand = { assembly: a };
  const events: WardEvent[] = ward.decide(any1);
  ward.execute(any2);
  const first = events[0];
  const kind = first && "fund" in first && first.fund ? first.fund.type : null;

  // @ts-expect-error -- the fee needs its basis of charge
  ward.openFund({ fund: "f", name: "n", unit: "510105001001002", fee: { rate: 4 }, basis: { basis: "fixed_fee" } });
  // @ts-expect-error -- no such role
  const wrongRole: Role = "treasurer";
  // @ts-expect-error -- a vote is yes, no or abstain
  ward.castVote({ motion: "m", choice: "maybe" });
  // @ts-expect-error -- the statement is checked against journal text
  Ward.verifyStatement(statement, statement);
  // @ts-expect-error -- a tally is counted for an ordinary or a special motion
  tally("unanimous", [], {});
  // @ts-expect-error -- a payment needs its voucher
  ward.requestPayment({ fund: "f", payment: "q", budget: "b", line: "cleaning", amount: "1.00" });

  void [config, role, opened, summary, ids, accounts, balances, trial, history, postings,
    spending, arrears, vouchers, check, basis, ledger, motions, owner, outcome, subject,
    parts, rate, count, wrongRole];
  return kind;
}

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
      "execute(command: WardCommand, ctx?: Context): Receipt;",
      "decide(command: WardCommand, ctx?: Context): WardEvent[];",
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

  test(`${target}: the tasks methods take and return the tasks types`, () => {
    const dts = declarations(target);
    for (const signature of [
      "fileRequest(args: FileRequestArgs, ctx?: Context): Receipt;",
      "dispatch(args: DispatchArgs, ctx?: Context): Receipt;",
      "claim(args: ClaimArgs, ctx?: Context): Receipt;",
      "releaseClaim(args: RequestArgs, ctx?: Context): Receipt;",
      "offerHandover(args: OfferHandoverArgs, ctx?: Context): Receipt;",
      "acceptHandover(args: RequestArgs, ctx?: Context): Receipt;",
      "start(args: RequestArgs, ctx?: Context): Receipt;",
      "handle(args: HandleArgs, ctx?: Context): Receipt;",
      "verify(args: VerifyArgs, ctx?: Context): Receipt;",
      "returnRequest(args: ReasonArgs, ctx?: Context): Receipt;",
      "cancel(args: ReasonArgs, ctx?: Context): Receipt;",
      "markDuplicate(args: MarkDuplicateArgs, ctx?: Context): Receipt;",
      "reopen(args: ReasonArgs, ctx?: Context): Receipt;",
      "rate(args: RateArgs, ctx?: Context): Receipt;",
      "extend(args: ReasonArgs, ctx?: Context): Receipt;",
      "whistle(args: WhistleArgs, ctx?: Context): Receipt;",
      "report(args: ReportArgs, ctx?: Context): Receipt;",
      "supervise(args: ReasonArgs, ctx?: Context): Receipt;",
      "sweep(args?: SweepArgs, ctx?: Context): Receipt;",
      "setSkills(args: SetSkillsArgs, ctx?: Context): Receipt;",
      "appointOfficer(args: OfficerArgs, ctx?: Context): Receipt;",
      "removeOfficer(args: OfficerArgs, ctx?: Context): Receipt;",
      "importRequests(requests: ImportedRequestInput[], ctx?: Context): Receipt;",
      "importOpen311(text: string, ctx?: Context): Receipt;",
      "request(id: string): RequestRow | null;",
      "requests(scope?: NodeCode | null, status?: Status | null): RequestRow[];",
      "route(category: string, location: Location): RouteDecision;",
      "claimableBy(person: string): RequestRow[];",
      "indicators(query: IndicatorsQuery): Indicators;",
      "indicatorsBy(level: Level, period: Period): Indicators[];",
      "categories(): CategoryInfo[];",
      "open311Services(): Open311Service[];",
      "open311ServicesJson(): string;",
      'open311Requests(scope?: NodeCode | null, status?: "open" | "closed" | null): Open311Request[];',
      'open311RequestsJson(scope?: NodeCode | null, status?: "open" | "closed" | null): string;',
    ]) {
      assert.ok(dts.includes(signature), `missing: ${signature}`);
    }
    for (const name of ["RequestRow", "WhistleRow", "Indicators", "Category", "CategoryInfo",
      "TasksConfig", "CalendarConfig", "Limit", "Open311Service", "Open311Request",
      "ImportedRequestInput", "FileRequestArgs", "IndicatorsQuery", "Period", "TaskEvent"]) {
      assert.match(dts, new RegExp(`export interface ${name} `), name);
    }
    for (const name of ["Status", "Satisfaction", "Location", "Assignee", "Responsible",
      "RouteDecision", "TaskCommand", "WardCommand", "WardEvent", "Handler"]) {
      assert.match(dts, new RegExp(`export type ${name} =`), name);
    }
  });

  test(`${target}: the fund and assembly methods take and return their types`, () => {
    const dts = declarations(target);
    for (const signature of [
      "openFund(args: OpenFundArgs, ctx?: Context): Receipt;",
      "openAccount(args: OpenAccountArgs, ctx?: Context): Receipt;",
      "post(args: PostArgs, ctx?: Context): Receipt;",
      "reverse(args: ReverseArgs, ctx?: Context): Receipt;",
      "billFees(args: BillFeesArgs, ctx?: Context): Receipt;",
      "recordPayment(args: RecordPaymentArgs, ctx?: Context): Receipt;",
      "recordIncome(args: RecordIncomeArgs, ctx?: Context): Receipt;",
      "proposeBudget(args: ProposeBudgetArgs, ctx?: Context): Receipt;",
      "proposeAmendment(args: ProposeAmendmentArgs, ctx?: Context): Receipt;",
      "requestPayment(args: RequestPaymentArgs, ctx?: Context): Receipt;",
      "approvePayment(args: FundPaymentArgs, ctx?: Context): Receipt;",
      "rejectPayment(args: RejectPaymentArgs, ctx?: Context): Receipt;",
      "accrueRemuneration(args: AccrueRemunerationArgs, ctx?: Context): Receipt;",
      "payRemuneration(args: PayRemunerationArgs, ctx?: Context): Receipt;",
      "proposeDividend(args: ProposeDividendArgs, ctx?: Context): Receipt;",
      "payDividend(args: PayDividendArgs, ctx?: Context): Receipt;",
      "setOwner(args: SetOwnerArgs, ctx?: Context): Receipt;",
      "openMotion(args: OpenMotionArgs, ctx?: Context): Receipt;",
      "castVote(args: CastVoteArgs, ctx?: Context): Receipt;",
      "closeMotion(args: MotionArgs, ctx?: Context): Receipt;",
      "fund(id: string): FundSummary | null;",
      "funds(): string[];",
      "accounts(fund: string): AccountRow[];",
      "balances(fund: string, date?: DayString | null): BalanceRow[];",
      "trialBalance(fund: string, date?: DayString | null): TrialBalance;",
      "accountHistory(fund: string, account: string): HistoryRow[];",
      "transactions(fund: string): PostingRow[];",
      "statement(fund: string, from: DayString, to: DayString): Statement;",
      "static verifyStatement(journal: string, statement: Statement, config?: WardConfigInput): StatementCheck;",
      "basisComparison(fund: string, from: DayString, to: DayString): BasisComparison;",
      "exportHledger(fund: string): string;",
      "exportBeancount(fund: string): string;",
      "motion(id: string): MotionInfo | null;",
      "motions(): MotionInfo[];",
      "owner(household: string): string | null;",
      "export function split(total: DecimalInput, weights: DecimalInput[], method?: SplitMethod | null): AmountString[];",
      "export function applyRate(rate: DecimalInput, quantities: DecimalInput[], rounding?: Rounding | null): RateParts;",
      "export function tally(kind: MotionKind, electorate: [string, DecimalInput][], votes: Record<string, Choice>): Tally;",
    ]) {
      assert.ok(dts.includes(signature), `missing: ${signature}`);
    }
    for (const name of ["FundSummary", "Terms", "Budget", "Payment", "Dividend", "Billing",
      "Accrual", "AccountRow", "BalanceRow", "TrialBalance", "HistoryRow", "PostingRow",
      "Statement", "StatementCheck", "FeeFigures", "VoucherRow", "ArrearsRow", "SpendingRow",
      "BasisComparison", "RateParts", "Tally", "MotionInfo", "FundConfig", "FundEvent",
      "AssemblyEvent"]) {
      assert.match(dts, new RegExp(`export interface ${name} `), name);
    }
    for (const name of ["FundCommand", "AssemblyCommand", "Subject", "SharingKey", "Basis",
      "FeeRate", "MotionKind", "Choice", "Outcome", "Matter", "Rounding"]) {
      assert.match(dts, new RegExp(`export type ${name} =`), name);
    }
    assert.match(dts, /"property_manager" \| "fund_supervisor" \| "owners_committee_member"/);
  });

  test(`${target}: the scoring and points methods take and return their types`, () => {
    const dts = declarations(target);
    for (const signature of [
      "recordService(args: RecordServiceArgs, ctx?: Context): Receipt;",
      "certifyService(args: ServiceArgs, ctx?: Context): Receipt;",
      "rejectService(args: RejectServiceArgs, ctx?: Context): Receipt;",
      "grantStars(args: GrantStarsArgs, ctx?: Context): Receipt;",
      "addItem(args: AddItemArgs, ctx?: Context): Receipt;",
      "restock(args: RestockArgs, ctx?: Context): Receipt;",
      "earnForService(args: EarnForServiceArgs, ctx?: Context): Receipt;",
      "earnForRequest(args: EarnForRequestArgs, ctx?: Context): Receipt;",
      "award(args: AwardArgs, ctx?: Context): Receipt;",
      "redeem(args: RedeemArgs, ctx?: Context): Receipt;",
      "reverseRedemption(args: ReverseRedemptionArgs, ctx?: Context): Receipt;",
      "expirePoints(args: ExpirePointsArgs, ctx?: Context): Receipt;",
      "serviceRecord(id: string): ServiceRecord | null;",
      "serviceRecords(): ServiceRecord[];",
      "volunteer(person: string): Volunteer | null;",
      "volunteers(): Volunteer[];",
      "grantPreview(on: DayString, profile?: StarProfileInput | DecimalInput[] | null): StarChange[];",
      "obligations(unit: NodeCode, fromMonth: MonthString, toMonth: MonthString): ObligationRow[];",
      "handlerScores(unit: NodeCode, period: Period): HandlerScore[];",
      "passbook(person: string): Passbook | null;",
      "availablePoints(person: string, on: DayString): number;",
      "passbookHistory(person: string): HistoryLine[];",
      "items(): Item[];",
      "item(id: string): Item | null;",
      "redemptions(): Redemption[];",
      "redemption(id: string): Redemption | null;",
      "pointsTotals(): PointsTotals;",
      "export function starLevel(hours: DecimalInput, thresholds?: DecimalInput[] | null): number;",
      "export function satisfactionRate(counts: RatingCounts): DecimalString | null;",
      "export function evaluateCommunities(tree: RatingTreeInput | string, data: CommunityDataInput[]): Evaluation[];",
      "export function ratingLosses(evaluations: Evaluation[]): LossRow[];",
      "export function checkRatingTree(tree: RatingTreeInput | string): RatingTreeSummary;",
    ]) {
      assert.ok(dts.includes(signature), `missing: ${signature}`);
    }
    for (const name of ["ServiceRecord", "Volunteer", "StarChange", "StarProfile", "ObligationRow",
      "HandlerScore", "Lot", "Passbook", "HistoryLine", "Item", "Take", "Redemption",
      "PointsTotals", "ScoringConfig", "PointsConfig", "ScoringEvent", "PointsEvent", "Evaluation",
      "ItemScore", "Loss", "LossRow", "RatingTreeInput", "CommunityDataInput", "RatingTreeSummary"]) {
      assert.match(dts, new RegExp(`export interface ${name} `), name);
    }
    for (const name of ["Activity", "ServiceStatus", "Movement", "ScoringCommand", "PointsCommand",
      "Expiry", "Progression", "RatingNodeInput", "NormaliseInput", "Better"]) {
      assert.match(dts, new RegExp(`export type ${name} =`), name);
    }
  });
}

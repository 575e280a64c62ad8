//! TypeScript declarations of the fund and assembly capabilities' objects: fund terms and
//! records, ledger reports, the public statement and its check, motions and their count,
//! the commands' arguments, and the money functions' results. They describe the JSON
//! form of the core's serde types (snake_case fields); amounts are strings at the fen.

use wasm_bindgen::prelude::*;

#[wasm_bindgen(typescript_custom_section)]
const FUND_TYPES: &'static str = r#"
/** An amount of money in yuan as Gridward returns it: a string exact to the fen, "288.00". */
export type AmountString = string;
/** A day, "YYYY-MM-DD". */
export type DayString = string;
/** How a figure with digits below the fen is brought to the fen: half_up (四舍五入, the default), half_even, down, up. */
export type Rounding = "half_up" | "half_even" | "down" | "up";
/** How a sum is shared by weights so that the parts add up exactly. */
export type SplitMethod = "largest_remainder";
/** The kind of a ledger account: the first segment of its name. */
export type AccountKind = "assets" | "liabilities" | "equity" | "income" | "expenses";
/** Sources of common income (Civil Code Art. 282). */
export type IncomeSource = "parking" | "advertising" | "other";
/** Where a budget, an amendment or a dividend stands. */
export type Approval = "proposed" | "approved" | "rejected";
/** Where a payment against a budget line stands. */
export type PaymentStatus = "pending" | "posted" | "rejected" | "reversed";

/** Defaults for new funds. */
export interface FundConfig {
  /** Payments above this need the supervisor's approval first ("5000.00"). */
  approval_threshold: AmountString;
  rounding: Rounding;
  /** The currency named in exports ("CNY"). */
  currency: string;
}
/** Any part of the fund configuration. */
export interface FundConfigInput {
  approval_threshold?: DecimalInput;
  rounding?: Rounding;
  currency?: string;
}

/** How fees are billed each month: yuan per m² of exclusive area, or a flat amount per household. */
export type FeeRate = { per: "area"; rate: DecimalString } | { per: "household"; amount: AmountString };
/** A fee going in. */
export type FeeRateInput = { per: "area"; rate: DecimalInput } | { per: "household"; amount: DecimalInput };
/** How the manager is paid: a percentage of fees collected or a fixed remuneration (酬金制), or the fixed-fee basis (包干制). */
export type Basis =
  | { basis: "remuneration"; percent: DecimalString }
  | { basis: "fixed_remuneration"; amount: AmountString }
  | { basis: "fixed_fee" };
/** A basis going in. */
export type BasisInput =
  | { basis: "remuneration"; percent: DecimalInput }
  | { basis: "fixed_remuneration"; amount: DecimalInput }
  | { basis: "fixed_fee" };
/** How a dividend is shared: by exclusive area (Art. 283), a rate per m², or an agreed weight per household. */
export type SharingKey =
  | { by: "area" }
  | { by: "rate"; per_m2: DecimalString }
  | { by: "agreed"; weights: [string, DecimalString][] };
/** A sharing key going in. */
export type SharingKeyInput =
  | { by: "area" }
  | { by: "rate"; per_m2: DecimalInput }
  | { by: "agreed"; weights: [string, DecimalInput][] };

/** The terms a fund runs on. */
export interface Terms {
  fee: FeeRate;
  basis: Basis;
  approval_threshold: AmountString;
  /** Whether common income counts in the remuneration base (only by the assembly's vote). */
  common_income_in_base: boolean;
  rounding: Rounding;
  split: SplitMethod;
}
/** A budget line: a service (its spending account is expenses:<line>) and its amount. */
export interface LineAmount { line: string; amount: AmountString }
/** A budget line going in. */
export interface LineAmountInput { line: string; amount: DecimalInput }
/** An amendment to a budget. */
export interface Amendment {
  id: string;
  lines: LineAmount[];
  reason: string;
  approval: Approval;
  /** The motion that decided it. */
  motion: string | null;
}
/** An open budget (开放式预算) for a period. */
export interface Budget {
  id: string;
  from: DayString;
  to: DayString;
  /** As approved, amendments applied (as proposed before). */
  lines: LineAmount[];
  approval: Approval;
  motion: string | null;
  amendments: Amendment[];
  /** Posted spending per line, net of reversals. */
  spent: Record<string, AmountString>;
  /** Payments awaiting the supervisor, per line. */
  pending: Record<string, AmountString>;
}
/** The voucher a payment carries (凭证). */
export interface Voucher {
  /** The invoice's or contract's reference. */
  reference: string;
  /** SHA-256 of the scanned document, 64 hex digits. */
  document_hash: string;
  payee: string;
  /** A private person, whose name a statement masks (张*). */
  payee_is_person: boolean;
  description: string;
}
/** A voucher going in: payee_is_person may be left out (false). */
export interface VoucherInput {
  reference: string;
  document_hash: string;
  payee: string;
  payee_is_person?: boolean;
  description: string;
}
/** A payment against a budget line. */
export interface Payment {
  id: string;
  budget: string;
  line: string;
  amount: AmountString;
  voucher: Voucher;
  requested: DayString;
  posted: DayString | null;
  /** The supervisor who approved it, above the threshold. */
  approved_by: string | null;
  status: PaymentStatus;
  reason: string | null;
}
/** A dividend of surplus common income. */
export interface Dividend {
  id: string;
  amount: AmountString;
  key: SharingKey;
  approval: Approval;
  motion: string | null;
  /** [household, share], once approved. */
  shares: [string, AmountString][];
  /** For a rate per m²: the exact rate × area less the shares, kept in the fund. */
  residue: DecimalString;
  /** The transaction that paid it out. */
  paid_by: string | null;
}
/** A month's billing of fees. */
export interface Billing {
  month: string;
  date: DayString;
  households: number;
  billed: AmountString;
  /** The exact rate × area total before rounding. */
  exact: DecimalString;
  /** exact − billed, kept as its own line. */
  residue: DecimalString;
}
/** An accrual of the manager's remuneration. */
export interface Accrual {
  id: string;
  from: DayString;
  to: DayString;
  fees_collected: AmountString;
  common_income: AmountString;
  amount: AmountString;
}
/** A compound's common fund (共有基金): its terms and records. */
export interface FundSummary {
  id: string;
  name: string;
  unit: NodeCode;
  opened: DayString;
  terms: Terms;
  budgets: Budget[];
  payments: Payment[];
  dividends: Dividend[];
  billings: Billing[];
  accruals: Accrual[];
}

/** An account of a fund's ledger. */
export interface AccountRow {
  /** Its full name, "assets:bank". */
  account: string;
  kind: AccountKind;
  description: string;
  /** It may not go below zero in its normal direction. */
  no_negative: boolean;
}
/** An account going in. */
export interface AccountInput { name: string; description?: string; no_negative?: boolean }
/** An account's balance: debits positive, credits negative. */
export interface BalanceRow { account: string; kind: AccountKind; balance: AmountString }
/** A trial balance: non-zero balances, and debit and credit totals, which are equal. */
export interface TrialBalance {
  /** The day, inclusive; null for everything posted. */
  date: DayString | null;
  rows: BalanceRow[];
  debits: AmountString;
  /** Credit balances summed, as a positive amount. */
  credits: AmountString;
}
/** One transaction in an account's history, with the running balance. */
export interface HistoryRow {
  transaction: string;
  date: DayString;
  description: string;
  amount: AmountString;
  balance: AmountString;
}
/** One posting of a transaction. */
export interface PostingRow {
  transaction: string;
  date: DayString;
  description: string;
  account: string;
  amount: AmountString;
  /** For a reversal, the transaction it corrects. */
  reverses: string | null;
}
/** A posting going in: debit positive, credit negative. */
export interface PostingInput { account: string; amount: DecimalInput }
/** A transaction going in: postings summing to zero. */
export interface TransactionInput {
  id: string;
  date: DayString;
  description?: string;
  postings: PostingInput[];
  reverses?: string | null;
}

/** One line of income in a statement: fees billed, then common income by source. */
export interface IncomeRow { source: "fees" | IncomeSource; amount: AmountString }
/** Fees in a statement's period. */
export interface FeeFigures {
  billed: AmountString;
  /** The rounding residue of the period's billings. */
  rounding_residue: DecimalString;
  arrears_opening: AmountString;
  /** Opening arrears plus fees billed. */
  due: AmountString;
  collected: AmountString;
  /** 收缴率 = collected / due, percent with two decimals ("93.72"); null when nothing was due. */
  collection_rate: PercentString | null;
  arrears_closing: AmountString;
}
/** A budget line against its budget. */
export interface SpendingRow {
  budget: string;
  line: string;
  budgeted: AmountString;
  /** Spent in the period. */
  spent: AmountString;
  /** Spent from the budget's start to the period's end. */
  spent_to_date: AmountString;
  remaining: AmountString;
}
/** Arrears of one building (the lowest unit holding the households). */
export interface ArrearsRow { unit: NodeCode; name: string; households: number; amount: AmountString }
/** A posted payment's voucher, for owners to inspect. */
export interface VoucherRow {
  payment: string;
  date: DayString;
  line: string;
  amount: AmountString;
  reference: string;
  document_hash: string;
  /** Masked when a private person (张*). */
  payee: string;
  description: string;
  supervisor_approved: boolean;
}
/** A fund's public statement (公示) for a period, with the journal head it was drawn from. */
export interface Statement {
  fund: string;
  name: string;
  unit: NodeCode;
  from: DayString;
  to: DayString;
  head: HashHex;
  /** The journal's length at that head. */
  journal_entries: number;
  opening_bank: AmountString;
  closing_bank: AmountString;
  income: IncomeRow[];
  fees: FeeFigures;
  spending: SpendingRow[];
  remuneration: AmountString;
  remuneration_owed: AmountString;
  dividends: AmountString;
  /** Income less spending and remuneration (negative: a shortfall). */
  surplus: AmountString;
  arrears_by_building: ArrearsRow[];
  vouchers: VoucherRow[];
}
/** What checking a published statement against a journal found. */
export interface StatementCheck {
  /** Entries in the journal given. */
  entries: number;
  /** The journal's entry at the statement's length has the statement's head. */
  head_matches: boolean;
  /** The statement recomputed from that journal equals the one given. */
  figures_match: boolean;
  verified: boolean;
}
/** What the manager and the owners end with under one basis. */
export interface BasisOutcome { manager: AmountString; owners: AmountString }
/** The remuneration basis (酬金制) against the fixed-fee basis (包干制) over one period. */
export interface BasisComparison {
  from: DayString;
  to: DayString;
  fees_collected: AmountString;
  common_income: AmountString;
  service_costs: AmountString;
  remuneration_basis: BasisOutcome;
  fixed_fee_basis: BasisOutcome;
}
/** A rate applied to quantities: each part rounded on its own, the exact total and the residue (exact − total). */
export interface RateParts {
  parts: AmountString[];
  total: AmountString;
  exact: DecimalString;
  residue: DecimalString;
}

/** The kind of a motion: ordinary (more than half) or special (three quarters). */
export type MotionKind = "ordinary" | "special";
/** An owner's vote. */
export type Choice = "yes" | "no" | "abstain";
/** How a vote ended. */
export type Outcome = "passed" | "rejected" | "no_quorum";
/** The matters of Civil Code Art. 278. */
export type Matter =
  | "rules_of_procedure" | "management_statute" | "elect_committee" | "appoint_manager"
  | "use_maintenance_fund" | "raise_maintenance_fund" | "rebuild"
  | "change_use_of_common_parts" | "business_use_of_common_parts" | "other_major_matter";
/** What a motion decides; fund subjects take effect on the fund when it passes. */
export type Subject =
  | { type: "approve_budget"; fund: string; budget: string }
  | { type: "amend_budget"; fund: string; budget: string; amendment: string }
  | { type: "dividend"; fund: string; dividend: string }
  | { type: "common_income_in_base"; fund: string; include: boolean }
  | { type: "matter"; matter: Matter };
/** The count of a vote (Art. 278): quorum 2/3 of area and owners; majorities on both. */
export interface Tally {
  kind: MotionKind;
  total_area: DecimalString;
  total_owners: number;
  voted_area: DecimalString;
  voted_owners: number;
  yes_area: DecimalString;
  yes_owners: number;
  no_area: DecimalString;
  no_owners: number;
  quorum: boolean;
  area_majority: boolean;
  owner_majority: boolean;
  outcome: Outcome;
}
/** A motion with its votes and count (final once closed, live while open). */
export interface MotionInfo {
  id: string;
  unit: NodeCode;
  title: string;
  subject: Subject;
  kind: MotionKind;
  opened: DateString;
  closes: DateString;
  votes: Record<string, Choice>;
  tally: Tally | null;
  closed: boolean;
}

export interface OpenFundArgs {
  fund: string; name: string; unit: NodeCode; fee: FeeRateInput; basis: BasisInput;
  approval_threshold?: DecimalInput | null; rounding?: Rounding | null;
}
export interface OpenAccountArgs { fund: string; account: AccountInput }
export interface PostArgs { fund: string; transactions: TransactionInput[] }
export interface ReverseArgs { fund: string; transaction: string; reverses: string; reason: string }
export interface BillFeesArgs { fund: string; /** "YYYY-MM" */ month: string }
export interface RecordPaymentArgs { fund: string; payment: string; household: string; amount: DecimalInput }
export interface RecordIncomeArgs { fund: string; id: string; source: IncomeSource; amount: DecimalInput; description?: string }
export interface ProposeBudgetArgs { fund: string; budget: string; from: DayString; to: DayString; lines: LineAmountInput[] }
export interface ProposeAmendmentArgs { fund: string; budget: string; amendment: string; lines: LineAmountInput[]; reason: string }
export interface RequestPaymentArgs { fund: string; payment: string; budget: string; line: string; amount: DecimalInput; voucher: VoucherInput }
export interface FundPaymentArgs { fund: string; payment: string }
export interface RejectPaymentArgs { fund: string; payment: string; reason: string }
export interface AccrueRemunerationArgs { fund: string; accrual: string; from: DayString; to: DayString }
export interface PayRemunerationArgs { fund: string; payment: string; amount: DecimalInput }
export interface ProposeDividendArgs { fund: string; dividend: string; key: SharingKeyInput; amount?: DecimalInput | null }
export interface PayDividendArgs { fund: string; dividend: string; payment: string }
export interface SetOwnerArgs { household: string; owner?: string | null }
export interface OpenMotionArgs { motion: string; unit: NodeCode; title: string; subject: Subject; closes: DateInput }
export interface CastVoteArgs { motion: string; choice: Choice; owner?: string | null }
export interface MotionArgs { motion: string }

/** A fund command in its JSON form, as execute({ fund }) and decide({ fund }) take it. */
export type FundCommand =
  | ({ type: "open_fund" } & OpenFundArgs)
  | ({ type: "open_account" } & OpenAccountArgs)
  | ({ type: "post" } & PostArgs)
  | ({ type: "reverse" } & ReverseArgs)
  | ({ type: "bill_fees" } & BillFeesArgs)
  | ({ type: "record_payment" } & RecordPaymentArgs)
  | ({ type: "record_income" } & RecordIncomeArgs)
  | ({ type: "propose_budget" } & ProposeBudgetArgs)
  | ({ type: "propose_amendment" } & ProposeAmendmentArgs)
  | ({ type: "request_payment" } & RequestPaymentArgs)
  | ({ type: "approve_payment" } & FundPaymentArgs)
  | ({ type: "reject_payment" } & RejectPaymentArgs)
  | ({ type: "accrue_remuneration" } & AccrueRemunerationArgs)
  | ({ type: "pay_remuneration" } & PayRemunerationArgs)
  | ({ type: "propose_dividend" } & ProposeDividendArgs)
  | ({ type: "pay_dividend" } & PayDividendArgs);
/** An assembly command in its JSON form. */
export type AssemblyCommand =
  | ({ type: "set_owner" } & SetOwnerArgs)
  | ({ type: "open_motion" } & OpenMotionArgs)
  | ({ type: "cast_vote" } & CastVoteArgs)
  | ({ type: "close_motion" } & MotionArgs);

/** The type tag of a fund event. */
export type FundEventType =
  | "fund_opened" | "account_opened" | "posted" | "fees_billed" | "budget_proposed"
  | "amendment_proposed" | "budget_decided" | "amendment_decided" | "payment_requested"
  | "payment_made" | "payment_rejected" | "remuneration_accrued" | "dividend_proposed"
  | "dividend_decided" | "common_income_in_base_decided";
/** A fund event in its JSON form: its type and that event's fields. */
export interface FundEvent {
  type: FundEventType;
  fund: string;
  [field: string]: unknown;
}
/** The type tag of an assembly event. */
export type AssemblyEventType = "owner_set" | "motion_opened" | "vote_cast" | "motion_closed";
/** An assembly event in its JSON form. */
export interface AssemblyEvent {
  type: AssemblyEventType;
  [field: string]: unknown;
}
"#;

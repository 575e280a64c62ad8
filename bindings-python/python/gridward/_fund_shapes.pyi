"""The dict shapes of the fund and assembly capabilities, for type checking only (no
runtime module holds them): fund summaries, ledger rows, the public statement and its
check, the bases compared, rate parts, motions and tallies. Amounts, rates and areas
are ``Decimal``; days ``date``; times tz-aware ``datetime``. Shapes with a ``from`` or
``to`` key use TypedDict's functional form, since those are Python keywords."""

from datetime import date, datetime
from decimal import Decimal
from typing import Any, Literal, TypedDict, type_check_only

_Approval = Literal["proposed", "approved", "rejected"]
_PaymentStatus = Literal["pending", "posted", "rejected", "reversed"]
_AccountKind = Literal["assets", "liabilities", "equity", "income", "expenses"]
_Rounding = Literal["half_up", "half_even", "down", "up"]
_Choice = Literal["yes", "no", "abstain"]
_MotionKind = Literal["ordinary", "special"]
_Outcome = Literal["passed", "rejected", "no_quorum"]

@type_check_only
class LineAmountDict(TypedDict):
    line: str
    amount: Decimal

@type_check_only
class TermsDict(TypedDict):
    fee: dict[str, Any]
    basis: dict[str, Any]
    approval_threshold: Decimal
    common_income_in_base: bool
    rounding: _Rounding
    split: str

@type_check_only
class AmendmentDict(TypedDict):
    id: str
    lines: list[LineAmountDict]
    reason: str
    approval: _Approval
    motion: str | None

BudgetDict = TypedDict(
    "BudgetDict",
    {
        "id": str,
        "from": date,
        "to": date,
        "lines": list[LineAmountDict],
        "approval": _Approval,
        "motion": str | None,
        "amendments": list[AmendmentDict],
        "spent": dict[str, Decimal],
        "pending": dict[str, Decimal],
    },
)

@type_check_only
class VoucherDict(TypedDict):
    reference: str
    document_hash: str
    payee: str
    payee_is_person: bool
    description: str

@type_check_only
class PaymentDict(TypedDict):
    id: str
    budget: str
    line: str
    amount: Decimal
    voucher: VoucherDict
    requested: date
    posted: date | None
    approved_by: str | None
    status: _PaymentStatus
    reason: str | None

@type_check_only
class DividendDict(TypedDict):
    id: str
    amount: Decimal
    key: dict[str, Any]
    approval: _Approval
    motion: str | None
    shares: list[tuple[str, Decimal]]
    residue: Decimal
    paid_by: str | None

@type_check_only
class BillingDict(TypedDict):
    month: str
    date: date
    households: int
    billed: Decimal
    exact: Decimal
    residue: Decimal

AccrualDict = TypedDict(
    "AccrualDict",
    {
        "id": str,
        "from": date,
        "to": date,
        "fees_collected": Decimal,
        "common_income": Decimal,
        "amount": Decimal,
    },
)

@type_check_only
class FundDict(TypedDict):
    id: str
    name: str
    unit: str
    opened: date
    terms: TermsDict
    budgets: list[BudgetDict]
    payments: list[PaymentDict]
    dividends: list[DividendDict]
    billings: list[BillingDict]
    accruals: list[AccrualDict]

@type_check_only
class AccountRow(TypedDict):
    account: str
    kind: _AccountKind
    description: str
    no_negative: bool

@type_check_only
class BalanceRow(TypedDict):
    account: str
    kind: _AccountKind
    balance: Decimal

@type_check_only
class TrialBalanceDict(TypedDict):
    date: date | None
    rows: list[BalanceRow]
    debits: Decimal
    credits: Decimal

@type_check_only
class HistoryRow(TypedDict):
    transaction: str
    date: date
    description: str
    amount: Decimal
    balance: Decimal

@type_check_only
class PostingRow(TypedDict):
    transaction: str
    date: date
    description: str
    account: str
    amount: Decimal
    reverses: str | None

@type_check_only
class IncomeRow(TypedDict):
    source: str
    amount: Decimal

@type_check_only
class FeeFigures(TypedDict):
    billed: Decimal
    rounding_residue: Decimal
    arrears_opening: Decimal
    due: Decimal
    collected: Decimal
    collection_rate: Decimal | None
    arrears_closing: Decimal

@type_check_only
class SpendingRow(TypedDict):
    budget: str
    line: str
    budgeted: Decimal
    spent: Decimal
    spent_to_date: Decimal
    remaining: Decimal

@type_check_only
class VoucherRow(TypedDict):
    payment: str
    date: date
    line: str
    amount: Decimal
    reference: str
    document_hash: str
    payee: str
    description: str
    supervisor_approved: bool

@type_check_only
class ArrearsRow(TypedDict):
    unit: str
    name: str
    households: int
    amount: Decimal

StatementDict = TypedDict(
    "StatementDict",
    {
        "fund": str,
        "name": str,
        "unit": str,
        "from": date,
        "to": date,
        "head": str,
        "journal_entries": int,
        "opening_bank": Decimal,
        "closing_bank": Decimal,
        "income": list[IncomeRow],
        "fees": FeeFigures,
        "spending": list[SpendingRow],
        "remuneration": Decimal,
        "remuneration_owed": Decimal,
        "dividends": Decimal,
        "surplus": Decimal,
        "arrears_by_building": list[ArrearsRow],
        "vouchers": list[VoucherRow],
    },
)

@type_check_only
class StatementCheck(TypedDict):
    entries: int
    head_matches: bool
    figures_match: bool
    verified: bool

@type_check_only
class BasisOutcome(TypedDict):
    manager: Decimal
    owners: Decimal

BasisComparisonDict = TypedDict(
    "BasisComparisonDict",
    {
        "from": date,
        "to": date,
        "fees_collected": Decimal,
        "common_income": Decimal,
        "service_costs": Decimal,
        "remuneration_basis": BasisOutcome,
        "fixed_fee_basis": BasisOutcome,
    },
)

@type_check_only
class RateParts(TypedDict):
    parts: list[Decimal]
    total: Decimal
    exact: Decimal
    residue: Decimal

@type_check_only
class TallyDict(TypedDict):
    kind: _MotionKind
    total_area: Decimal
    total_owners: int
    voted_area: Decimal
    voted_owners: int
    yes_area: Decimal
    yes_owners: int
    no_area: Decimal
    no_owners: int
    quorum: bool
    area_majority: bool
    owner_majority: bool
    outcome: _Outcome

@type_check_only
class MotionDict(TypedDict):
    id: str
    unit: str
    title: str
    subject: dict[str, Any]
    kind: _MotionKind
    opened: datetime
    closes: datetime
    votes: dict[str, _Choice]
    tally: TallyDict
    closed: bool

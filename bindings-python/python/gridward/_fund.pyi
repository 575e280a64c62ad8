"""The fund and assembly part of the native module's stubs: the module functions
``split``, ``apply_rate`` and ``tally`` (re-exported by ``_gridward.pyi``) and the
methods of the native ``Ward``, which its stub inherits from ``_FundMethods`` (for type
checking only) so that each stub file stays readable."""

from datetime import date, datetime
from decimal import Decimal
from typing import Any, Iterable, Literal, Mapping, Sequence, type_check_only

from ._fund_shapes import (
    AccountRow,
    BalanceRow,
    BasisComparisonDict,
    FundDict,
    HistoryRow,
    MotionDict,
    PostingRow,
    RateParts,
    StatementCheck,
    StatementDict,
    TallyDict,
    TrialBalanceDict,
    _Choice,
    _MotionKind,
    _Rounding,
)
from ._shapes import Receipt

_Amount = Decimal | int | str
"""An exact amount: ``Decimal``, int or str (floats are refused)."""
_Day = date | str
"""A ``datetime.date`` or ``"YYYY-MM-DD"`` (a ``datetime`` is refused)."""
_Shape = Mapping[str, Any]
_IncomeSource = Literal["parking", "advertising", "other"]

def split(
    total: _Amount, weights: Iterable[_Amount], method: Literal["largest_remainder"] = "largest_remainder"
) -> list[Decimal]:
    """Shares ``total`` by ``weights`` so that the parts add up to it exactly."""

def apply_rate(
    rate: _Amount, quantities: Iterable[_Amount], rounding: _Rounding = "half_up"
) -> RateParts:
    """Applies ``rate`` to each quantity, rounding each part; keeps the residue."""

def tally(
    kind: _MotionKind, electorate: Iterable[tuple[str, _Amount]], votes: Mapping[str, _Choice]
) -> TallyDict:
    """Counts a vote under Civil Code Art. 278."""

@type_check_only
class _FundMethods:
    """Fund (共有基金) and owners' assembly (业主大会) commands and queries."""

    # Fund commands.
    def open_fund(
        self,
        fund: str,
        name: str,
        unit: str,
        fee: _Shape,
        basis: _Shape,
        approval_threshold: _Amount | None = None,
        rounding: _Rounding | None = None,
        *,
        actor: str | None = None,
        at: datetime | None = None,
        key: str | None = None,
    ) -> Receipt:
        """Opens a compound's common fund (共有基金) over the households under ``unit``."""
    def open_account(
        self,
        fund: str,
        account: str | _Shape,
        *,
        actor: str | None = None,
        at: datetime | None = None,
        key: str | None = None,
    ) -> Receipt:
        """Opens another account: a full name or ``{name, description, no_negative}``."""
    def post(
        self,
        fund: str,
        transactions: Sequence[_Shape],
        *,
        actor: str | None = None,
        at: datetime | None = None,
        key: str | None = None,
    ) -> Receipt:
        """Posts transactions by hand, all or none, in date order."""
    def reverse(
        self,
        fund: str,
        transaction: str,
        reverses: str,
        reason: str,
        *,
        actor: str | None = None,
        at: datetime | None = None,
        key: str | None = None,
    ) -> Receipt:
        """Corrects a transaction by posting its mirror image, dated today."""
    def bill_fees(
        self,
        fund: str,
        month: str,
        *,
        actor: str | None = None,
        at: datetime | None = None,
        key: str | None = None,
    ) -> Receipt:
        """Bills a month's fees (``YYYY-MM``) to every household by its area."""
    def record_payment(
        self,
        fund: str,
        payment: str,
        household: str,
        amount: _Amount,
        *,
        actor: str | None = None,
        at: datetime | None = None,
        key: str | None = None,
    ) -> Receipt:
        """Records a household's payment of fees."""
    def record_income(
        self,
        fund: str,
        id: str,
        source: _IncomeSource,
        amount: _Amount,
        description: str = "",
        *,
        actor: str | None = None,
        at: datetime | None = None,
        key: str | None = None,
    ) -> Receipt:
        """Records common income (parking, advertising, other)."""
    def propose_budget(
        self,
        fund: str,
        budget: str,
        start: _Day,
        end: _Day,
        lines: Sequence[_Shape],
        *,
        actor: str | None = None,
        at: datetime | None = None,
        key: str | None = None,
    ) -> Receipt:
        """Proposes an open budget (开放式预算) for ``start..=end`` (the core's ``from``/``to``)."""
    def propose_amendment(
        self,
        fund: str,
        budget: str,
        amendment: str,
        lines: Sequence[_Shape],
        reason: str,
        *,
        actor: str | None = None,
        at: datetime | None = None,
        key: str | None = None,
    ) -> Receipt:
        """Proposes new amounts for lines of an approved budget."""
    def request_payment(
        self,
        fund: str,
        payment: str,
        budget: str,
        line: str,
        amount: _Amount,
        voucher: _Shape,
        *,
        actor: str | None = None,
        at: datetime | None = None,
        key: str | None = None,
    ) -> Receipt:
        """Pays against an approved budget line with a voucher; above the threshold it waits for the supervisor."""
    def approve_payment(
        self,
        fund: str,
        payment: str,
        *,
        actor: str | None = None,
        at: datetime | None = None,
        key: str | None = None,
    ) -> Receipt:
        """The supervisor (监察人) approves a pending payment."""
    def reject_payment(
        self,
        fund: str,
        payment: str,
        reason: str,
        *,
        actor: str | None = None,
        at: datetime | None = None,
        key: str | None = None,
    ) -> Receipt:
        """The supervisor refuses a pending payment."""
    def accrue_remuneration(
        self,
        fund: str,
        accrual: str,
        start: _Day,
        end: _Day,
        *,
        actor: str | None = None,
        at: datetime | None = None,
        key: str | None = None,
    ) -> Receipt:
        """Computes and posts the manager's remuneration for ``start..=end``."""
    def pay_remuneration(
        self,
        fund: str,
        payment: str,
        amount: _Amount,
        *,
        actor: str | None = None,
        at: datetime | None = None,
        key: str | None = None,
    ) -> Receipt:
        """Pays remuneration owed to the manager."""
    def propose_dividend(
        self,
        fund: str,
        dividend: str,
        sharing_key: _Shape,
        amount: _Amount | None = None,
        *,
        actor: str | None = None,
        at: datetime | None = None,
        key: str | None = None,
    ) -> Receipt:
        """Proposes a dividend shared by ``sharing_key`` (the core's ``key``)."""
    def pay_dividend(
        self,
        fund: str,
        dividend: str,
        payment: str,
        *,
        actor: str | None = None,
        at: datetime | None = None,
        key: str | None = None,
    ) -> Receipt:
        """Pays an approved dividend's shares."""

    # Assembly commands.
    def set_owner(
        self,
        household: str,
        owner: str | None = None,
        *,
        actor: str | None = None,
        at: datetime | None = None,
        key: str | None = None,
    ) -> Receipt:
        """Records who owns a home (业主), or clears it."""
    def open_motion(
        self,
        motion: str,
        unit: str,
        title: str,
        subject: _Shape,
        closes: datetime,
        *,
        actor: str | None = None,
        at: datetime | None = None,
        key: str | None = None,
    ) -> Receipt:
        """Puts a motion to the owners of the homes under ``unit`` until ``closes``."""
    def cast_vote(
        self,
        motion: str,
        choice: _Choice,
        owner: str | None = None,
        *,
        actor: str | None = None,
        at: datetime | None = None,
        key: str | None = None,
    ) -> Receipt:
        """An owner's vote, or a paper ballot recorded for ``owner``."""
    def close_motion(
        self,
        motion: str,
        *,
        actor: str | None = None,
        at: datetime | None = None,
        key: str | None = None,
    ) -> Receipt:
        """Counts the votes once voting has ended; a passed fund motion takes effect."""

    # Fund queries.
    def fund(self, id: str) -> FundDict | None:
        """A fund's summary, or None."""
    def funds(self) -> list[str]:
        """The ids of every fund."""
    def accounts(self, fund: str) -> list[AccountRow]:
        """A fund's accounts, in the order opened."""
    def balances(self, fund: str, date: _Day | None = None) -> list[BalanceRow]:
        """Every account's balance at the end of ``date`` (everything when None)."""
    def trial_balance(self, fund: str, date: _Day | None = None) -> TrialBalanceDict:
        """The trial balance at the end of ``date`` (or now)."""
    def account_history(self, fund: str, account: str) -> list[HistoryRow]:
        """An account's transactions with the running balance."""
    def transactions(self, fund: str) -> list[PostingRow]:
        """Every posting, one row each, in the order posted."""
    def statement(self, fund: str, start: _Day, end: _Day) -> StatementDict:
        """The public statement (公示) for ``start..=end``."""
    @staticmethod
    def verify_statement(
        journal: str, statement: Mapping[str, Any], config: Mapping[str, Any] | None = None
    ) -> StatementCheck:
        """Checks a published statement against a journal's JSON lines."""
    def basis_comparison(self, fund: str, start: _Day, end: _Day) -> BasisComparisonDict:
        """The remuneration basis against the fixed-fee basis for ``start..=end``."""
    def export_hledger(self, fund: str) -> str:
        """The fund's ledger as an hledger journal."""
    def export_beancount(self, fund: str) -> str:
        """The fund's ledger as a Beancount file."""

    # Assembly queries.
    def motion(self, id: str) -> MotionDict | None:
        """A motion with its count (final once closed, live before), or None."""
    def motions(self) -> list[MotionDict]:
        """Every motion, in id order."""
    def owner(self, household: str) -> str | None:
        """The recorded owner of a home, or None."""

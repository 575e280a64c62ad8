"""Gridward: neighbourhood governance as Chinese cities practise it (网格化管理).

A :class:`Ward` holds a grid — district → street → community → grid → micro-grid →
household — with the people who answer for it, and records every change in a
hash-chained journal that anyone can verify with SHA-256 and a JSON parser.

>>> from gridward import Ward
>>> ward = Ward()
>>> ward.add_unit("510105", "青羊区")["seq"]
1
>>> ward.subtree("510105").to_pandas()  # doctest: +SKIP

Tables (``subtree``, ``households_under``, ``people_under``, ``children``, ``roots``,
``directive_progress_by``, ``requests``, ``claimable_by``, ``indicators_by``) are lists
of dicts with a ``to_pandas()`` method; the coverage report is a dict with
``findings()`` and ``to_pandas()``. pandas is optional (``pip install gridward[pandas]``)
and imported only when asked for.

Requests (点单 → 派单 → 领单 → 评单) go through ``file_request``, ``dispatch``,
``claim``, ``start``, ``handle``, ``verify`` and ``rate``; ``indicators`` gives the
closure and on-time closure rates (结案率, 按期结案率) as ``Decimal`` percentages.

A compound's common fund (共有基金, trust-based property management) goes through
``open_fund``, ``bill_fees``, ``record_payment``, ``propose_budget``,
``request_payment`` and the rest; the owners' assembly (业主大会) through ``set_owner``,
``open_motion``, ``cast_vote`` and ``close_motion``. Amounts are ``Decimal`` (floats are
refused), days ``datetime.date``. ``balances``, ``transactions``, ``account_history``
and ``accounts`` are tables; ``statement`` gives a :class:`Statement` whose
``to_pandas()`` is a DataFrame per section. ``split``, ``apply_rate`` and ``tally`` are
the core's money and counting rules as functions.

Scoring and points (积分制): ``record_service``, ``certify_service``, ``grant_stars``;
``add_item``, ``earn_for_service``, ``award``, ``redeem`` (with ``key=``),
``reverse_redemption`` and ``expire_points``. ``service_records``, ``volunteers``,
``obligations``, ``handler_scores``, ``passbook_history``, ``items`` and
``redemptions`` are tables (:class:`PointsTable`); ``star_level`` and ``satisfaction_rate``
are the rules as functions, and ``evaluate_communities`` rates communities on an
indicator tree (an :class:`EvaluationTable`; its losses as one DataFrame with
``losses_to_pandas()``).
"""

from __future__ import annotations

from datetime import date, datetime
from typing import TYPE_CHECKING, Any, Iterable, Mapping, Sequence, TypeVar

from . import _gridward
from ._gridward import (
    ConflictError,
    GridwardError,
    InvalidInputError,
    JournalError,
    NotFoundError,
    PermissionDeniedError,
    __version__,
    apply_rate,
    default_config,
    satisfaction_rate,
    split,
    star_level,
    tally,
    verify_journal,
)

if TYPE_CHECKING:
    import pandas  # type: ignore[import-untyped,unused-ignore]

    from ._gridward import (
        CoverageReportDict,
        IndicatorsDict,
        PersonAtRow,
        HouseholdRow,
        RequestRow,
        TreeRow,
        UnitDict,
        UnitProgressRow,
    )
    from ._fund_shapes import (
        AccountRow,
        BalanceRow,
        HistoryRow,
        PostingRow,
        StatementDict,
    )

__all__ = [
    "ConflictError",
    "CoverageReport",
    "GridwardError",
    "InvalidInputError",
    "JournalError",
    "NotFoundError",
    "PermissionDeniedError",
    "EvaluationTable",
    "IndicatorTable",
    "LedgerTable",
    "PointsTable",
    "RequestTable",
    "Statement",
    "Table",
    "Ward",
    "__version__",
    "apply_rate",
    "default_config",
    "evaluate_communities",
    "rating_losses",
    "satisfaction_rate",
    "split",
    "star_level",
    "statement_frames",
    "tally",
    "verify_journal",
]

T = TypeVar("T")


def _pandas() -> Any:
    try:
        import pandas
    except ImportError as e:  # pragma: no cover - exercised only without pandas
        raise ImportError(
            "to_pandas() needs pandas, which is not installed: "
            "pip install 'gridward[pandas]' (or pip install pandas)"
        ) from e
    return pandas


class Table(list[T]):
    """Rows of a query: a plain list of dicts, plus :meth:`to_pandas`."""

    columns: tuple[str, ...]

    def __init__(self, rows: Iterable[T] = (), columns: Sequence[str] = ()) -> None:
        super().__init__(rows)
        self.columns = tuple(columns)

    def to_pandas(self) -> pandas.DataFrame:
        """The rows as a pandas DataFrame, one row per item (pandas imported lazily)."""
        pd = _pandas()
        frame = pd.DataFrame(list(self), columns=list(self.columns) or None)
        return frame


_UNIT = ("code", "name", "level", "parent", "domains", "direct_households")
_TREE = ("code", "parent", "level", "name", "depth", "direct_households", "households")
_HOUSEHOLD = ("id", "unit", "area")
_PERSON_AT = ("person", "role", "unit", "household")
_PROGRESS = ("code", "name", "targets", "acknowledged", "completion_rate")
_FINDING = ("finding", "code", "households", "level", "role", "household")
_REQUEST = (
    "id",
    "category",
    "status",
    "filer",
    "household",
    "unit",
    "dispatcher",
    "responsible",
    "description",
    "filed_at",
    "dispatched_at",
    "response_due",
    "resolution_due",
    "responded_at",
    "handled_at",
    "handled_by",
    "report",
    "verified_by",
    "closed_at",
    "on_time",
    "updated_at",
    "claimed_by",
    "donor",
    "rating",
    "correction_due",
    "reopens",
    "returns",
    "extended",
    "supervised",
    "parked",
    "imported",
    "duplicate_of",
    "whistles",
    "note",
)
_REQUEST_TIMES = (
    "filed_at",
    "dispatched_at",
    "response_due",
    "resolution_due",
    "responded_at",
    "handled_at",
    "closed_at",
    "updated_at",
    "correction_due",
)
_REQUEST_COUNTS = ("reopens", "returns")
_REQUEST_FLAGS = ("extended", "supervised", "parked", "imported")
_INDICATOR_COUNTS = (
    "filed",
    "withdrawn",
    "due",
    "closed",
    "closed_on_time",
    "open",
    "overdue",
    "reopened",
    "extended",
    "response_due",
    "responded_on_time",
    "rated",
    "satisfied",
    "whistled",
    "supervised",
    "parked",
)
_INDICATOR_RATES = (
    "closure_rate",
    "on_time_rate",
    "rework_rate",
    "extension_rate",
    "response_rate",
    "satisfaction_rate",
    "whistle_rate",
)
_INDICATORS = ("unit", *_INDICATOR_COUNTS, *_INDICATOR_RATES)


class CoverageReport(dict[str, Any]):
    """The coverage report (a dict: ``scope``, ``households``, ``micro_grids``,
    ``unassigned_households``, ``out_of_band``, ``without_party_member``,
    ``without_leader``, ``is_clean``, ``micro_grid_compliance``) with its findings as a
    table."""

    def findings(self) -> Table[dict[str, Any]]:
        """One row per finding: ``{finding, code, households, level, role, household}``,
        where ``finding`` is ``"unassigned_household"``, ``"out_of_band"``,
        ``"without_party_member"`` or ``"without_leader"``; fields a finding lacks are
        None (``household`` is set only for unassigned households)."""
        rows: list[dict[str, Any]] = []

        def row(finding: str, **fields: Any) -> None:
            base: dict[str, Any] = dict.fromkeys(_FINDING)
            base.update(finding=finding, **fields)
            rows.append(base)

        for h in self.get("unassigned_households", []):
            row("unassigned_household", household=h)
        for o in self.get("out_of_band", []):
            row("out_of_band", code=o["code"], households=o["households"], level="micro_grid")
        for c in self.get("without_party_member", []):
            row("without_party_member", code=c, level="micro_grid")
        for m in self.get("without_leader", []):
            row("without_leader", code=m["code"], level=m["level"], role=m["role"])
        return Table(rows, _FINDING)

    def to_pandas(self) -> pandas.DataFrame:
        """The findings as a DataFrame, one per row (see :meth:`findings`); the
        ``households`` column is a nullable integer, since most findings lack it."""
        frame = self.findings().to_pandas()
        frame["households"] = frame["households"].astype("Int64")
        return frame


class RequestTable(Table["RequestRow"]):
    """Requests as rows (see :meth:`Ward.requests`); :meth:`to_pandas` types the
    columns."""

    def to_pandas(self) -> pandas.DataFrame:
        """One row per request. Times are tz-aware ``datetime64`` columns in the zone of
        the first filing (NaT where not yet), ``on_time`` is a nullable boolean, counts
        are ``int64`` and flags ``bool``; ``responsible`` holds the id or code of the
        party answering and ``responsible_kind`` says which ("unit", "person",
        "department"); ``whistles`` stays a list of dicts."""
        pd = _pandas()
        frame = super().to_pandas()
        zone = next((r["filed_at"].tzinfo for r in self), None) or "UTC"
        for column in _REQUEST_TIMES:
            frame[column] = pd.to_datetime(frame[column], utc=True).dt.tz_convert(zone)
        frame["on_time"] = frame["on_time"].astype("boolean")
        for column in _REQUEST_COUNTS:
            frame[column] = frame[column].astype("int64")
        for column in _REQUEST_FLAGS:
            frame[column] = frame[column].astype("bool")
        parties = [next(iter(r["responsible"].items())) for r in self]
        at = frame.columns.get_loc("responsible")
        frame["responsible"] = pd.Series([p[1] for p in parties], index=frame.index, dtype=object)
        frame.insert(at, "responsible_kind", [p[0] for p in parties])
        return frame


class IndicatorTable(Table["IndicatorsDict"]):
    """Indicators as rows, one per unit (see :meth:`Ward.indicators_by`)."""

    def to_pandas(self) -> pandas.DataFrame:
        """One row per unit: counts as ``int64``, rates as ``decimal.Decimal`` percentages
        in object columns (None where nothing was there to divide by)."""
        frame = super().to_pandas()
        for column in _INDICATOR_COUNTS:
            frame[column] = frame[column].astype("int64")
        return frame


_ACCOUNT = ("account", "kind", "description", "no_negative")
_BALANCE = ("account", "kind", "balance")
_HISTORY = ("transaction", "date", "description", "amount", "balance")
_POSTING = ("transaction", "date", "description", "account", "amount", "reverses")
_STATEMENT_TABLES: dict[str, tuple[str, ...]] = {
    "income": ("source", "amount"),
    "spending": ("budget", "line", "budgeted", "spent", "spent_to_date", "remaining"),
    "arrears_by_building": ("unit", "name", "households", "amount"),
    "vouchers": (
        "payment",
        "date",
        "line",
        "amount",
        "reference",
        "document_hash",
        "payee",
        "description",
        "supervisor_approved",
    ),
}


class LedgerTable(Table[T]):
    """Rows of a fund's ledger (balances, postings, an account's history);
    :meth:`to_pandas` makes ``date`` a ``datetime64`` column and keeps amounts as
    ``decimal.Decimal`` (object columns), so sums stay exact."""

    def to_pandas(self) -> pandas.DataFrame:
        """One row per item; ``date`` (where present) as ``datetime64[ns]``."""
        pd = _pandas()
        frame = super().to_pandas()
        if "date" in frame.columns:
            frame["date"] = pd.to_datetime(frame["date"])
        return frame


def statement_frames(statement: Mapping[str, Any]) -> dict[str, pandas.DataFrame]:
    """A public statement's tables as DataFrames: ``income``, ``spending``,
    ``arrears_by_building`` and ``vouchers`` (amounts as ``Decimal`` in object columns,
    voucher dates as ``datetime64``). Works on the dict :meth:`Ward.statement` gives."""
    return {
        name: LedgerTable(statement.get(name, []), columns).to_pandas()
        for name, columns in _STATEMENT_TABLES.items()
    }


class Statement(dict[str, Any]):
    """A fund's public statement (公示) for a period (a dict: ``fund``, ``name``,
    ``unit``, ``from``, ``to``, ``head``, ``journal_entries``, ``opening_bank``,
    ``closing_bank``, ``income``, ``fees``, ``spending``, ``remuneration``,
    ``remuneration_owed``, ``dividends``, ``surplus``, ``arrears_by_building``,
    ``vouchers``); pass it to :meth:`Ward.verify_statement` with the journal to check it."""

    def to_pandas(self) -> dict[str, pandas.DataFrame]:
        """The statement's tables as DataFrames (see :func:`statement_frames`)."""
        return statement_frames(self)


# Scoring, points and rating tables build on `Table`, so they are imported once it is
# defined.
from ._points_layer import PointsQueries, PointsTable  # noqa: E402
from ._rating_layer import EvaluationTable, evaluate_communities, rating_losses  # noqa: E402


class Ward(PointsQueries, _gridward.Ward):
    """A ward: the grid with its hash-chained journal (see the native class for every
    command). Table-returning queries give :class:`Table` (scoring and points ones a
    :class:`PointsTable`), and :meth:`coverage` a :class:`CoverageReport`."""

    def roots(self) -> Table[UnitDict]:
        """The districts at the top, in code order."""
        return Table(super().roots(), _UNIT)

    def children(self, code: str) -> Table[UnitDict]:
        """A unit's children, in code order."""
        return Table(super().children(code), _UNIT)

    def subtree(self, code: str) -> Table[TreeRow]:
        """The subtree of a unit, depth first, with household totals."""
        return Table(super().subtree(code), _TREE)

    def households_under(self, code: str) -> Table[HouseholdRow]:
        """Households in a unit's subtree: ``{id, unit, area}``."""
        return Table(super().households_under(code), _HOUSEHOLD)

    def people_under(self, code: str) -> Table[PersonAtRow]:
        """People in a unit's subtree: ``{person, role, unit, household}``."""
        return Table(super().people_under(code), _PERSON_AT)

    def directive_progress_by(self, id: str, level: str) -> Table[UnitProgressRow]:
        """A directive's progress by the units of ``level``."""
        return Table(super().directive_progress_by(id, level), _PROGRESS)

    def coverage(  # type: ignore[override]
        self, scope: str | None = None, rules: dict[str, Any] | None = None
    ) -> CoverageReport:
        """The coverage report of the grid or of a subtree."""
        return CoverageReport(super().coverage(scope, rules))

    def requests(
        self, scope: str | None = None, status: str | None = None
    ) -> RequestTable:
        """Requests under ``scope`` with ``status``, in filing order."""
        return RequestTable(super().requests(scope, status), _REQUEST)

    def claimable_by(self, person: str) -> RequestTable:
        """Pooled requests ``person`` may claim now."""
        return RequestTable(super().claimable_by(person), _REQUEST)

    def indicators_by(
        self, level: str, *, start: datetime, end: datetime
    ) -> IndicatorTable:
        """The indicators of every unit of ``level`` over ``[start, end)``."""
        return IndicatorTable(super().indicators_by(level, start=start, end=end), _INDICATORS)

    def accounts(self, fund: str) -> Table[AccountRow]:
        """A fund's accounts, in the order opened."""
        return Table(super().accounts(fund), _ACCOUNT)

    def balances(self, fund: str, date: date | str | None = None) -> LedgerTable[BalanceRow]:
        """Every account's balance at the end of ``date`` (everything when None)."""
        return LedgerTable(super().balances(fund, date), _BALANCE)

    def account_history(self, fund: str, account: str) -> LedgerTable[HistoryRow]:
        """An account's transactions with the running balance."""
        return LedgerTable(super().account_history(fund, account), _HISTORY)

    def transactions(self, fund: str) -> LedgerTable[PostingRow]:
        """Every posting of a fund's ledger, one row each, in the order posted."""
        return LedgerTable(super().transactions(fund), _POSTING)

    def statement(  # type: ignore[override]
        self, fund: str, start: date | str, end: date | str
    ) -> Statement:
        """The public statement for the days ``start..=end``."""
        return Statement(super().statement(fund, start, end))

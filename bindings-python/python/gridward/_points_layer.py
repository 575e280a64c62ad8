"""The Python layer of scoring and points: their queries as tables with
``to_pandas()`` (service records, volunteers, obligations, handler scores, passbook
histories, the catalog, redemptions)."""

from __future__ import annotations

from datetime import date, datetime
from typing import TYPE_CHECKING, Any, Mapping, TypeVar

# The package imports this module once `Table` is defined (see __init__.py).
from . import Table, _gridward, _pandas

if TYPE_CHECKING:
    import pandas  # type: ignore[import-untyped,unused-ignore]

    from ._points_shapes import (
        HandlerScoreRow,
        HistoryLineRow,
        ItemDict,
        ObligationRow,
        RedemptionRow,
        ServiceRow,
        StarChangeDict,
        VolunteerDict,
    )

    _Base = _gridward.Ward
else:
    _Base = object

T = TypeVar("T")

_SERVICE = (
    "id",
    "person",
    "unit",
    "activity",
    "request",
    "started_at",
    "minutes",
    "travel_minutes",
    "note",
    "status",
    "certified_by",
    "counted_minutes",
    "rejected_reason",
)
_VOLUNTEER = ("person", "hours", "minutes", "services", "level", "since")
_OBLIGATION = ("person", "unit", "month", "services", "hours", "met")
_HANDLER = (
    "person",
    "rank",
    "score",
    "handled",
    "due",
    "closed",
    "closed_on_time",
    "rated",
    "satisfied",
    "closure_rate",
    "on_time_rate",
    "satisfaction_rate",
)
_HISTORY = ("on", "movement", "points", "balance", "reference")
_ITEM = (
    "id",
    "unit",
    "name",
    "cost",
    "stock",
    "per_person",
    "valid_from",
    "valid_until",
    "min_star",
)
_REDEMPTION = (
    "id",
    "person",
    "item",
    "quantity",
    "points",
    "on",
    "taken",
    "reversed_on",
    "reversal_reason",
)
_STAR_CHANGE = ("person", "from", "to")

# Columns typed by to_pandas: days as datetime64, times as tz-aware datetime64, counts
# that may be missing as nullable integers.
_DAYS = ("on", "since", "earned_on", "expires_on", "valid_from", "valid_until", "reversed_on")
_TIMES = ("started_at",)
_OPTIONAL_COUNTS = ("per_person", "min_star", "rank")


class PointsTable(Table[T]):
    """Rows of a scoring, points or rating query (a :class:`Table`): its
    :meth:`to_pandas` types days as ``datetime64``, start times as tz-aware
    ``datetime64`` and counts that may be missing as nullable ``Int64``; hours, scores
    and rates stay ``Decimal`` in object columns, so sums stay exact."""

    def to_pandas(self) -> pandas.DataFrame:
        """One row per item (pandas imported lazily)."""
        pd = _pandas()
        frame = super().to_pandas()
        for column in _DAYS:
            if column in frame.columns:
                frame[column] = pd.to_datetime(frame[column])
        for column in _TIMES:
            if column in frame.columns and len(frame):
                zone = next((r[column].tzinfo for r in self if isinstance(r, dict)), None)
                times = pd.to_datetime(frame[column], utc=True)
                frame[column] = times.dt.tz_convert(zone or "UTC")
        for column in _OPTIONAL_COUNTS:
            if column in frame.columns:
                frame[column] = frame[column].astype("Int64")
        return frame


class PointsQueries(_Base):
    """Scoring and points queries of :class:`gridward.Ward` that give tables."""

    def service_records(self) -> PointsTable[ServiceRow]:
        """Every service record, flat, in the order recorded."""
        return PointsTable(super().service_records(), _SERVICE)

    def volunteers(self) -> PointsTable[VolunteerDict]:
        """Every volunteer with certified time or a level, by person id."""
        return PointsTable(super().volunteers(), _VOLUNTEER)

    def grant_preview(
        self, on: date | str, profile: Mapping[str, Any] | None = None
    ) -> PointsTable[StarChangeDict]:
        """The level changes a star grant on ``on`` would make."""
        return PointsTable(super().grant_preview(on, profile), _STAR_CHANGE)

    def obligations(
        self, unit: str, from_month: str, to_month: str
    ) -> PointsTable[ObligationRow]:
        """Sent-down party members' months under ``unit``, met or not."""
        return PointsTable(super().obligations(unit, from_month, to_month), _OBLIGATION)

    def handler_scores(
        self, unit: str, start: datetime, end: datetime
    ) -> PointsTable[HandlerScoreRow]:
        """Handlers under ``unit`` over ``[start, end)``, ranked, best first."""
        return PointsTable(super().handler_scores(unit, start, end), _HANDLER)

    def passbook_history(self, person: str) -> PointsTable[HistoryLineRow]:
        """A person's passbook history, oldest first."""
        return PointsTable(super().passbook_history(person), _HISTORY)

    def items(self) -> PointsTable[ItemDict]:
        """The catalog, in the order added."""
        return PointsTable(super().items(), _ITEM)

    def redemptions(self) -> PointsTable[RedemptionRow]:
        """Every redemption, flat, in the order made."""
        return PointsTable(super().redemptions(), _REDEMPTION)

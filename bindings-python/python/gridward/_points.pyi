"""The scoring, points and rating part of the native module's stubs: the module
functions ``star_level``, ``satisfaction_rate`` and ``evaluate_communities``
(re-exported by ``_gridward.pyi``) and the methods of the native ``Ward``, which its
stub inherits from ``_PointsMethods`` (for type checking only)."""

from datetime import date, datetime
from decimal import Decimal
from typing import Any, Iterable, Mapping, type_check_only

from ._points_shapes import (
    EvaluationDict,
    HandlerScoreRow,
    HistoryLineRow,
    ItemDict,
    ObligationRow,
    PassbookDict,
    PointsTotalsDict,
    RedemptionDict,
    RedemptionRow,
    ServiceRecordDict,
    ServiceRow,
    StarChangeDict,
    VolunteerDict,
    _Activity,
)
from ._shapes import Receipt

_Hours = Decimal | int | str
"""Exact hours: ``Decimal``, int or str (floats are refused)."""
_Day = date | str
"""A ``datetime.date`` or ``"YYYY-MM-DD"`` (a ``datetime`` is refused)."""
_Moment = datetime | str
"""A tz-aware ``datetime`` or RFC 3339 text with its zone."""

def star_level(hours: _Hours, thresholds: Iterable[_Hours] | None = None) -> int:
    """The star level ``hours`` reach (national profile unless ``thresholds``)."""

def satisfaction_rate(counts: Iterable[int]) -> Decimal | None:
    """The top three levels over all rated, in percent; None if nothing was rated."""

def evaluate_communities(
    tree: Mapping[str, Any] | str, data: Iterable[Mapping[str, Any]] | Any
) -> list[EvaluationDict]:
    """Rates communities on an indicator tree, in data order, each with its rank."""

@type_check_only
class _PointsMethods:
    """Scoring (志愿服务, 星级) and points (积分存折) commands and queries."""

    # Scoring commands.
    def record_service(
        self,
        id: str,
        person: str,
        unit: str,
        activity: _Activity,
        started_at: _Moment,
        minutes: int,
        travel_minutes: int | None = None,
        request: str | None = None,
        note: str | None = None,
        *,
        actor: str | None = None,
        at: datetime | None = None,
        key: str | None = None,
    ) -> Receipt:
        """Records a service; it counts nothing until certified."""
    def certify_service(
        self, id: str, *, actor: str | None = None, at: datetime | None = None, key: str | None = None
    ) -> Receipt:
        """Certifies a pending service record."""
    def reject_service(
        self,
        id: str,
        reason: str,
        *,
        actor: str | None = None,
        at: datetime | None = None,
        key: str | None = None,
    ) -> Receipt:
        """Refuses a pending service record."""
    def grant_stars(
        self, on: _Day, *, actor: str | None = None, at: datetime | None = None, key: str | None = None
    ) -> Receipt:
        """Grants star levels as of ``on`` from certified hours."""

    # Points commands.
    def add_item(
        self,
        id: str,
        unit: str,
        name: str,
        cost: int,
        stock: int,
        per_person: int | None = None,
        valid_from: _Day | None = None,
        valid_until: _Day | None = None,
        min_star: int | None = None,
        *,
        actor: str | None = None,
        at: datetime | None = None,
        key: str | None = None,
    ) -> Receipt:
        """Puts an item in a unit's catalog."""
    def restock(
        self,
        item: str,
        quantity: int,
        *,
        actor: str | None = None,
        at: datetime | None = None,
        key: str | None = None,
    ) -> Receipt:
        """Adds pieces to an item's stock."""
    def earn_for_service(
        self, record: str, *, actor: str | None = None, at: datetime | None = None, key: str | None = None
    ) -> Receipt:
        """Earns the points of a certified service record."""
    def earn_for_request(
        self, request: str, *, actor: str | None = None, at: datetime | None = None, key: str | None = None
    ) -> Receipt:
        """Earns the points of a rated request for its handler."""
    def award(
        self,
        id: str,
        person: str,
        unit: str,
        points: int,
        reason: str,
        *,
        actor: str | None = None,
        at: datetime | None = None,
        key: str | None = None,
    ) -> Receipt:
        """Awards points by hand."""
    def redeem(
        self,
        id: str,
        person: str,
        item: str,
        quantity: int,
        *,
        actor: str | None = None,
        at: datetime | None = None,
        key: str | None = None,
    ) -> Receipt:
        """Redeems an item; needs ``key=``."""
    def reverse_redemption(
        self,
        id: str,
        reason: str,
        *,
        actor: str | None = None,
        at: datetime | None = None,
        key: str | None = None,
    ) -> Receipt:
        """Reverses a redemption: points back to their lots, pieces to stock."""
    def expire_points(
        self, on: _Day, *, actor: str | None = None, at: datetime | None = None, key: str | None = None
    ) -> Receipt:
        """Expires every lot whose last day is before ``on``."""

    # Scoring queries.
    def service_record(self, id: str) -> ServiceRecordDict | None:
        """A service record in the core's dict form."""
    def service_records(self) -> list[ServiceRow]:
        """Every service record as a flat row."""
    def volunteer(self, person: str) -> VolunteerDict | None:
        """A volunteer's hours and level."""
    def volunteers(self) -> list[VolunteerDict]:
        """Every volunteer, by person id."""
    def grant_preview(
        self, on: _Day, profile: Mapping[str, Any] | None = None
    ) -> list[StarChangeDict]:
        """The level changes a star grant would make."""
    def obligations(self, unit: str, from_month: str, to_month: str) -> list[ObligationRow]:
        """Sent-down party members' months, met or not."""
    def handler_scores(self, unit: str, start: datetime, end: datetime) -> list[HandlerScoreRow]:
        """Handlers' scores over ``[start, end)``, best first."""

    # Points queries.
    def passbook(self, person: str) -> PassbookDict | None:
        """A person's passbook with its lots."""
    def available_points(self, person: str, on: _Day) -> int:
        """Points a person may spend on a day."""
    def passbook_history(self, person: str) -> list[HistoryLineRow]:
        """A passbook's history, oldest first."""
    def items(self) -> list[ItemDict]:
        """The catalog."""
    def item(self, id: str) -> ItemDict | None:
        """A catalog item."""
    def redemptions(self) -> list[RedemptionRow]:
        """Every redemption as a flat row."""
    def redemption(self, id: str) -> RedemptionDict | None:
        """A redemption in the core's dict form."""
    def points_totals(self) -> PointsTotalsDict:
        """Points across the ward."""

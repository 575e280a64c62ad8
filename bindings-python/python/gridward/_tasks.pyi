"""The tasks part of the native module's stubs: the request commands (点单 → 派单 → 领单
→ 评单) and queries of the native ``Ward``, which its stub inherits from
``_TasksMethods`` (for type checking only) so that each stub file stays under 600
lines."""

from datetime import datetime
from typing import type_check_only

from ._gridward import _Assignee, _ImportRows, _Location
from ._shapes import (
    CategoryDict,
    IndicatorsDict,
    Open311Request,
    Open311Service,
    Receipt,
    RequestRow,
    RouteDict,
)

@type_check_only
class _TasksMethods:
    """Requests: filing, routing, claims, handling, verification, rating, escalation,
    supervision, imports, indicators and Open311."""

    # Task commands.
    def file_request(
        self,
        id: str,
        category: str,
        location: _Location,
        description: str,
        photos: list[str] | None = None,
        *,
        actor: str | None = None,
        at: datetime | None = None,
        key: str | None = None,
    ) -> Receipt:
        """Files a request (needs `key`)."""
    def dispatch(
        self,
        request: str,
        to: _Assignee | None = None,
        *,
        actor: str | None = None,
        at: datetime | None = None,
        key: str | None = None,
    ) -> Receipt:
        """Dispatches a request by hand, or by the routing rules when `to` is None."""
    def claim(
        self,
        request: str,
        donor: str | None = None,
        *,
        actor: str | None = None,
        at: datetime | None = None,
        key: str | None = None,
    ) -> Receipt:
        """Claims a pooled request."""
    def release_claim(
        self,
        request: str,
        *,
        actor: str | None = None,
        at: datetime | None = None,
        key: str | None = None,
    ) -> Receipt:
        """Gives a claimed request back to the pool."""
    def offer_handover(
        self,
        request: str,
        to: str,
        *,
        actor: str | None = None,
        at: datetime | None = None,
        key: str | None = None,
    ) -> Receipt:
        """Offers the work to another eligible person."""
    def accept_handover(
        self,
        request: str,
        *,
        actor: str | None = None,
        at: datetime | None = None,
        key: str | None = None,
    ) -> Receipt:
        """Accepts a handover offered to the actor."""
    def start(
        self,
        request: str,
        *,
        actor: str | None = None,
        at: datetime | None = None,
        key: str | None = None,
    ) -> Receipt:
        """Starts work."""
    def handle(
        self,
        request: str,
        report: str,
        photos: list[str] | None = None,
        *,
        actor: str | None = None,
        at: datetime | None = None,
        key: str | None = None,
    ) -> Receipt:
        """Reports the work done."""
    def verify(
        self,
        request: str,
        passed: bool,
        note: str = "",
        *,
        actor: str | None = None,
        at: datetime | None = None,
        key: str | None = None,
    ) -> Receipt:
        """Verifies handled work on site (not by its handler)."""
    def return_request(
        self,
        request: str,
        reason: str,
        *,
        actor: str | None = None,
        at: datetime | None = None,
        key: str | None = None,
    ) -> Receipt:
        """Returns a request to its dispatcher with a reason."""
    def cancel(
        self,
        request: str,
        reason: str,
        *,
        actor: str | None = None,
        at: datetime | None = None,
        key: str | None = None,
    ) -> Receipt:
        """Cancels a request."""
    def mark_duplicate(
        self,
        request: str,
        of: str,
        *,
        actor: str | None = None,
        at: datetime | None = None,
        key: str | None = None,
    ) -> Receipt:
        """Closes a request as a duplicate of another."""
    def reopen(
        self,
        request: str,
        reason: str,
        *,
        actor: str | None = None,
        at: datetime | None = None,
        key: str | None = None,
    ) -> Receipt:
        """Reopens a closed request."""
    def rate(
        self,
        request: str,
        level: str,
        comment: str = "",
        *,
        actor: str | None = None,
        at: datetime | None = None,
        key: str | None = None,
    ) -> Receipt:
        """Rates a closed request (its filer only)."""
    def extend(
        self,
        request: str,
        reason: str,
        *,
        actor: str | None = None,
        at: datetime | None = None,
        key: str | None = None,
    ) -> Receipt:
        """Grants the one extension of the resolution limit."""
    def whistle(
        self,
        request: str,
        departments: list[str],
        reason: str,
        *,
        actor: str | None = None,
        at: datetime | None = None,
        key: str | None = None,
    ) -> Receipt:
        """The street calls in departments."""
    def report(
        self,
        request: str,
        department: str,
        report: str,
        *,
        actor: str | None = None,
        at: datetime | None = None,
        key: str | None = None,
    ) -> Receipt:
        """A department called in reports."""
    def supervise(
        self,
        request: str,
        reason: str,
        *,
        actor: str | None = None,
        at: datetime | None = None,
        key: str | None = None,
    ) -> Receipt:
        """Puts a request under supervision."""
    def sweep(
        self,
        scope: str | None = None,
        *,
        actor: str | None = None,
        at: datetime | None = None,
        key: str | None = None,
    ) -> Receipt:
        """Applies the clock: stale claims, supervision, parking, late reports."""
    def set_skills(
        self,
        person: str,
        skills: list[str],
        *,
        actor: str | None = None,
        at: datetime | None = None,
        key: str | None = None,
    ) -> Receipt:
        """Sets a person's skill tags."""
    def appoint_officer(
        self,
        department: str,
        person: str,
        *,
        actor: str | None = None,
        at: datetime | None = None,
        key: str | None = None,
    ) -> Receipt:
        """Makes a person an officer of a department."""
    def remove_officer(
        self,
        department: str,
        person: str,
        *,
        actor: str | None = None,
        at: datetime | None = None,
        key: str | None = None,
    ) -> Receipt:
        """Removes a department officer."""
    def import_requests(
        self,
        requests: _ImportRows,
        *,
        actor: str | None = None,
        at: datetime | None = None,
        key: str | None = None,
    ) -> Receipt:
        """Imports requests from another system, all or none."""
    def import_open311(
        self,
        text: str,
        *,
        actor: str | None = None,
        at: datetime | None = None,
        key: str | None = None,
    ) -> Receipt:
        """Imports an Open311 GeoReport v2 JSON array, all or none."""

    # Task queries.
    def request(self, id: str) -> RequestRow | None:
        """The request with this id, or None."""
    def requests(self, scope: str | None = None, status: str | None = None) -> list[RequestRow]:
        """Requests under a unit with a status, in filing order."""
    def route(self, category: str, location: _Location) -> RouteDict:
        """Where the routing rules would send a request now."""
    def claimable_by(self, person: str) -> list[RequestRow]:
        """Pooled requests a person may claim now."""
    def indicators(
        self, scope: str | None = None, *, start: datetime, end: datetime
    ) -> IndicatorsDict:
        """Case-handling indicators over [start, end)."""
    def indicators_by(self, level: str, *, start: datetime, end: datetime) -> list[IndicatorsDict]:
        """The indicators of every unit of a level."""
    def categories(self) -> list[CategoryDict]:
        """The categories, limits as short text."""
    def open311_services(self) -> list[Open311Service]:
        """The Open311 service list."""
    def open311_services_json(self) -> str:
        """The Open311 service list as JSON text."""
    def open311_requests(
        self, scope: str | None = None, status: str | None = None
    ) -> list[Open311Request]:
        """Requests as Open311 service requests."""
    def open311_requests_json(
        self, scope: str | None = None, status: str | None = None
    ) -> str:
        """Requests as Open311 JSON text."""

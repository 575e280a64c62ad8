"""Type stubs of the native module ``gridward._gridward`` (kept true by stubtest).

Codes are strings of digits; domains, roles, levels, statuses and satisfaction levels
are snake_case names; areas and indicator rates are ``Decimal``; times are tz-aware
``datetime``; fund amounts ``Decimal`` and days ``date``. The TypedDicts of the results
are in ``_shapes.pyi``, ``_fund_shapes.pyi`` and ``_points_shapes.pyi``; the request
methods in ``_tasks.pyi``, the fund and assembly methods in ``_fund.pyi`` and the
scoring and points methods in ``_points.pyi``; all for type checking only.
"""

from datetime import datetime
from decimal import Decimal
from typing import Any, Iterable, Literal, Mapping, Protocol, Self, type_check_only

from typing_extensions import disjoint_base

from ._fund import _FundMethods
from ._fund import apply_rate as apply_rate, split as split, tally as tally
from ._points import _PointsMethods
from ._tasks import _TasksMethods
from ._points import (
    evaluate_communities as evaluate_communities,
    satisfaction_rate as satisfaction_rate,
    star_level as star_level,
)
from ._shapes import (
    Receipt as Receipt,
    UnitDict as UnitDict,
    TreeRow as TreeRow,
    HouseholdRow as HouseholdRow,
    HouseholdDict as HouseholdDict,
    PersonAtRow as PersonAtRow,
    RoleAt as RoleAt,
    PersonDict as PersonDict,
    Counts as Counts,
    Responder as Responder,
    ChainLink as ChainLink,
    DepartmentRef as DepartmentRef,
    ChainDict as ChainDict,
    OutOfBand as OutOfBand,
    MissingLeader as MissingLeader,
    CoverageReportDict as CoverageReportDict,
    DirectiveDict as DirectiveDict,
    DirectiveProgressDict as DirectiveProgressDict,
    UnitProgressRow as UnitProgressRow,
    ChainBreak as ChainBreak,
    VerifyReport as VerifyReport,
    WhistleRow as WhistleRow,
    RequestRow as RequestRow,
    IndicatorsDict as IndicatorsDict,
    RouteDict as RouteDict,
    CategoryDict as CategoryDict,
    Open311Service as Open311Service,
    Open311Request as Open311Request,
)

__all__ = [
    "ConflictError",
    "GridwardError",
    "InvalidInputError",
    "JournalError",
    "NotFoundError",
    "PermissionDeniedError",
    "Ward",
    "apply_rate",
    "default_config",
    "evaluate_communities",
    "satisfaction_rate",
    "split",
    "star_level",
    "tally",
    "verify_journal",
    "__version__",
]


__version__: str

_Kind = Literal["invalid", "not_found", "conflict", "permission_denied", "journal"]
_Area = Decimal | int | str
_Location = Mapping[str, str]
"""``{"household": id}`` or ``{"unit": code}``."""
_Assignee = Mapping[str, str]
"""``{"person": id}``, ``{"department": id}`` or ``{"pool": code}``."""

class GridwardError(Exception):
    """Base of every Gridward error."""

    code: str
    """A stable snake_case code: "unknown_unit", "bad_area", "permission_denied", ..."""
    kind: _Kind
    """The broad kind; one subclass per kind."""

class InvalidInputError(GridwardError):
    """The input is malformed or breaks a rule (kind "invalid")."""

class NotFoundError(GridwardError):
    """Something named does not exist (kind "not_found")."""

class ConflictError(GridwardError):
    """The input clashes with the current state (kind "conflict")."""

class PermissionDeniedError(GridwardError):
    """The actor may not do this, or is not registered (kind "permission_denied")."""

class JournalError(GridwardError):
    """A journal is broken, malformed or not the one expected (kind "journal")."""

@type_check_only
class _Records(Protocol):
    """Anything with pandas' ``to_dict("records")``: a DataFrame."""

    def to_dict(self, orient: Literal["records"]) -> Any: ...

_ImportRows = Iterable[Mapping[str, Any]] | _Records

def verify_journal(text: str, expected_head: str | None = None) -> VerifyReport:
    """Verifies journal text (JSON lines) without raising for a broken chain."""

def default_config() -> dict[str, Any]:
    """The default ward configuration, in its dict form."""

@disjoint_base
class Ward(_TasksMethods, _FundMethods, _PointsMethods):
    """A ward: the grid with every change recorded in a hash-chained journal."""

    def __new__(cls, config: Mapping[str, Any] | None = None) -> Self: ...
    @property
    def head(self) -> str:
        """The journal's head hash (hex)."""
    @property
    def journal_len(self) -> int:
        """Number of journal entries."""
    @property
    def config(self) -> dict[str, Any]:
        """The configuration, in its dict form."""
    def execute(
        self,
        command: Mapping[str, Any],
        *,
        actor: str | None = None,
        at: datetime | None = None,
        key: str | None = None,
    ) -> Receipt:
        """Executes a command in its dict form: a grid command, or {"grid": ...} /
        {"tasks": ...}."""
    def decide(
        self,
        command: Mapping[str, Any],
        *,
        actor: str | None = None,
        at: datetime | None = None,
        key: str | None = None,
    ) -> list[dict[str, Any]]:
        """The events (dict form) a command would cause; nothing changes."""
    def export_journal(self) -> str:
        """The journal as JSON lines."""
    def state_digest(self) -> str:
        """A digest (hex) of the whole state."""
    @classmethod
    def from_journal(cls, text: str, config: Mapping[str, Any] | None = None) -> Self:
        """Verifies and replays an exported journal."""
    def __reduce__(self) -> tuple[type[Self], tuple[dict[str, Any]], str]: ...
    def __setstate__(self, state: str) -> None: ...

    # Grid commands.
    def add_unit(
        self,
        code: str,
        name: str,
        domains: list[str] | None = None,
        *,
        actor: str | None = None,
        at: datetime | None = None,
        key: str | None = None,
    ) -> Receipt:
        """Creates a unit under the parent its code implies."""
    def rename_unit(
        self,
        code: str,
        name: str,
        *,
        actor: str | None = None,
        at: datetime | None = None,
        key: str | None = None,
    ) -> Receipt:
        """Renames a unit."""
    def set_domains(
        self,
        code: str,
        domains: list[str],
        *,
        actor: str | None = None,
        at: datetime | None = None,
        key: str | None = None,
    ) -> Receipt:
        """Replaces the domains a unit answers for."""
    def retire_unit(
        self,
        code: str,
        transfer_households_to: str | None = None,
        *,
        actor: str | None = None,
        at: datetime | None = None,
        key: str | None = None,
    ) -> Receipt:
        """Retires a unit without child units."""
    def add_household(
        self,
        id: str,
        unit: str,
        area: _Area,
        *,
        actor: str | None = None,
        at: datetime | None = None,
        key: str | None = None,
    ) -> Receipt:
        """Registers a household; `area` is Decimal, int or str, never float."""
    def move_household(
        self,
        id: str,
        to: str,
        *,
        actor: str | None = None,
        at: datetime | None = None,
        key: str | None = None,
    ) -> Receipt:
        """Moves a household to another unit."""
    def add_person(
        self,
        id: str,
        name: str,
        phone: str | None = None,
        party_member: bool = False,
        *,
        actor: str | None = None,
        at: datetime | None = None,
        key: str | None = None,
    ) -> Receipt:
        """Registers a person."""
    def register_resident(
        self,
        person: str,
        household: str,
        *,
        actor: str | None = None,
        at: datetime | None = None,
        key: str | None = None,
    ) -> Receipt:
        """Registers a person as living in a household."""
    def grant_role(
        self,
        person: str,
        role: str,
        unit: str,
        *,
        actor: str | None = None,
        at: datetime | None = None,
        key: str | None = None,
    ) -> Receipt:
        """Gives a person a role at a unit: "administrator", "community_staff",
        "chief_grid_leader", "grid_leader", "micro_grid_worker",
        "reporting_party_member", "sent_down_party_member", "volunteer",
        "property_manager", "fund_supervisor" or "owners_committee_member"."""
    def revoke_role(
        self,
        person: str,
        role: str,
        unit: str,
        *,
        actor: str | None = None,
        at: datetime | None = None,
        key: str | None = None,
    ) -> Receipt:
        """Takes a role from a person."""
    def add_department(
        self,
        id: str,
        name: str,
        street: str,
        domains: list[str],
        *,
        actor: str | None = None,
        at: datetime | None = None,
        key: str | None = None,
    ) -> Receipt:
        """Attaches a department to a street."""
    def add_paired_unit(
        self,
        id: str,
        name: str,
        community: str,
        *,
        actor: str | None = None,
        at: datetime | None = None,
        key: str | None = None,
    ) -> Receipt:
        """Attaches a paired unit to a community."""
    def import_rows(
        self,
        rows: _ImportRows,
        *,
        actor: str | None = None,
        at: datetime | None = None,
        key: str | None = None,
    ) -> Receipt:
        """Imports rows (dicts or a DataFrame), all or none."""
    def issue_directive(
        self,
        id: str,
        unit: str,
        title: str,
        due: datetime | None = None,
        *,
        actor: str | None = None,
        at: datetime | None = None,
        key: str | None = None,
    ) -> Receipt:
        """Issues a directive reaching every household below a unit."""
    def acknowledge(
        self,
        directive: str,
        households: list[str],
        *,
        actor: str | None = None,
        at: datetime | None = None,
        key: str | None = None,
    ) -> Receipt:
        """Acknowledges a directive for households."""

    # Grid queries.
    def unit(self, code: str) -> UnitDict | None:
        """The unit with this code, or None."""
    def roots(self) -> list[UnitDict]:
        """The districts, in code order."""
    def children(self, code: str) -> list[UnitDict]:
        """A unit's children, in code order."""
    def subtree(self, code: str) -> list[TreeRow]:
        """A unit's subtree, depth first, with household totals."""
    def households_under(self, code: str) -> list[HouseholdRow]:
        """Households in a unit's subtree."""
    def people_under(self, code: str) -> list[PersonAtRow]:
        """People in a unit's subtree, role holders first."""
    def household(self, id: str) -> HouseholdDict | None:
        """The household with this id, or None."""
    def person(self, id: str) -> PersonDict | None:
        """The person with this id, or None."""
    def counts(self, scope: str | None = None) -> Counts:
        """Sizes of the grid or of a subtree."""
    def chain(self, household: str, domain: str) -> ChainDict:
        """Who answers for a household in a domain."""
    def coverage(
        self, scope: str | None = None, rules: Mapping[str, Any] | None = None
    ) -> CoverageReportDict:
        """The coverage report."""
    def directive_progress(self, id: str) -> DirectiveProgressDict:
        """How far a directive has come."""
    def directive_progress_by(self, id: str, level: str) -> list[UnitProgressRow]:
        """A directive's progress by the units of a level."""
    def directives(self) -> list[DirectiveDict]:
        """All directives, in the order issued."""

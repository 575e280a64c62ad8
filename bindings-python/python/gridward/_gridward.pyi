"""Type stubs of the native module ``gridward._gridward`` (kept true by stubtest).

Codes are strings of digits; domains, roles and levels are snake_case names; areas are
``Decimal``; times are tz-aware ``datetime``. The TypedDicts below exist for type
checking only.
"""

from datetime import datetime
from decimal import Decimal
from typing import Any, Iterable, Literal, Mapping, Protocol, Self, TypedDict, type_check_only

from typing_extensions import disjoint_base

__all__ = [
    "ConflictError",
    "GridwardError",
    "InvalidInputError",
    "JournalError",
    "NotFoundError",
    "PermissionDeniedError",
    "Ward",
    "default_config",
    "verify_journal",
    "__version__",
]


__version__: str

_Level = Literal["district", "street", "community", "grid", "micro_grid"]
_Kind = Literal["invalid", "not_found", "conflict", "permission_denied", "journal"]
_Area = Decimal | int | str

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
class Receipt(TypedDict):
    seq: int | None
    events: int
    head: str
    duplicate: bool

@type_check_only
class UnitDict(TypedDict):
    code: str
    name: str
    level: _Level
    parent: str | None
    domains: list[str]
    direct_households: int

@type_check_only
class TreeRow(TypedDict):
    code: str
    parent: str | None
    level: _Level
    name: str
    depth: int
    direct_households: int
    households: int

@type_check_only
class HouseholdRow(TypedDict):
    id: str
    unit: str
    area: Decimal

@type_check_only
class HouseholdDict(HouseholdRow):
    residents: list[str]

@type_check_only
class PersonAtRow(TypedDict):
    person: str
    role: str | None
    unit: str
    household: str | None

@type_check_only
class RoleAt(TypedDict):
    role: str
    unit: str

@type_check_only
class PersonDict(TypedDict):
    id: str
    name: str
    phone: str | None
    party_member: bool
    home: str | None
    roles: list[RoleAt]

@type_check_only
class Counts(TypedDict):
    districts: int
    streets: int
    communities: int
    grids: int
    micro_grids: int
    households: int
    people: int
    departments: int
    paired_units: int
    directives: int

@type_check_only
class Responder(TypedDict):
    person: str
    name: str
    role: str

@type_check_only
class ChainLink(TypedDict):
    code: str
    level: _Level
    name: str
    responders: list[Responder]

@type_check_only
class DepartmentRef(TypedDict):
    id: str
    name: str

@type_check_only
class ChainDict(TypedDict):
    household: str
    domain: str
    links: list[ChainLink]
    departments: list[DepartmentRef]

@type_check_only
class OutOfBand(TypedDict):
    code: str
    households: int

@type_check_only
class MissingLeader(TypedDict):
    code: str
    level: _Level
    role: str

@type_check_only
class CoverageReportDict(TypedDict):
    scope: str | None
    households: int
    micro_grids: int
    unassigned_households: list[str]
    out_of_band: list[OutOfBand]
    without_party_member: list[str]
    without_leader: list[MissingLeader]
    is_clean: bool
    micro_grid_compliance: float

@type_check_only
class DirectiveDict(TypedDict):
    id: str
    unit: str
    title: str
    issued_at: datetime
    due: datetime | None
    targets: int
    acknowledged: int

@type_check_only
class DirectiveProgressDict(DirectiveDict):
    completion_rate: float
    late: int
    first_after_secs: int | None
    last_after_secs: int | None

@type_check_only
class UnitProgressRow(TypedDict):
    code: str
    name: str
    targets: int
    acknowledged: int
    completion_rate: float

@type_check_only
class ChainBreak(TypedDict):
    line: int
    reason: str

@type_check_only
class VerifyReport(TypedDict):
    entries: int
    head: str
    intact: bool
    first_break: ChainBreak | None
    head_matches: bool | None

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
class Ward:
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
        """Executes a grid command given in its dict form."""
    def decide(
        self, command: Mapping[str, Any], *, actor: str | None = None, at: datetime | None = None
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
        """Gives a person a role at a unit."""
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

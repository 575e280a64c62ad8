"""The dict shapes the native module returns, for type checking only (no runtime
module holds them): receipts, grid rows and reports, request rows, indicators, routing
decisions, categories and Open311 documents."""

from datetime import datetime
from decimal import Decimal
from typing import Literal, TypedDict, type_check_only

_Level = Literal["district", "street", "community", "grid", "micro_grid"]
_Status = Literal[
    "filed",
    "pooled",
    "assigned",
    "claimed",
    "in_progress",
    "handled",
    "closed",
    "cancelled",
    "duplicate",
]
_Satisfaction = Literal[
    "very_satisfied", "satisfied", "basically_satisfied", "dissatisfied", "very_dissatisfied"
]

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
class WhistleRow(TypedDict):
    department: str
    called_at: datetime
    due: datetime
    reported_at: datetime | None
    report: str | None
    late: bool

@type_check_only
class RequestRow(TypedDict):
    id: str
    category: str
    status: _Status
    filer: str | None
    household: str | None
    unit: str
    dispatcher: str
    responsible: dict[str, str]
    description: str
    filed_at: datetime
    dispatched_at: datetime | None
    response_due: datetime | None
    resolution_due: datetime | None
    responded_at: datetime | None
    handled_at: datetime | None
    handled_by: str | None
    report: str | None
    verified_by: str | None
    closed_at: datetime | None
    on_time: bool | None
    updated_at: datetime
    claimed_by: str | None
    donor: str | None
    rating: _Satisfaction | None
    correction_due: datetime | None
    reopens: int
    returns: int
    extended: bool
    supervised: bool
    parked: bool
    imported: bool
    duplicate_of: str | None
    whistles: list[WhistleRow]
    note: str

@type_check_only
class IndicatorsDict(TypedDict):
    unit: str | None
    filed: int
    withdrawn: int
    due: int
    closed: int
    closed_on_time: int
    open: int
    overdue: int
    reopened: int
    extended: int
    response_due: int
    responded_on_time: int
    rated: int
    satisfied: int
    whistled: int
    supervised: int
    parked: int
    closure_rate: Decimal | None
    on_time_rate: Decimal | None
    rework_rate: Decimal | None
    extension_rate: Decimal | None
    response_rate: Decimal | None
    satisfaction_rate: Decimal | None
    whistle_rate: Decimal | None

@type_check_only
class RouteDict(TypedDict, total=False):
    kind: Literal["person", "department", "pool", "locality"]
    person: str
    department: str
    unit: str
    status: Literal["assigned", "pooled"]

@type_check_only
class CategoryDict(TypedDict):
    code: str
    name: str
    description: str
    group: str
    domain: str
    handler: Literal["grid_staff", "claimable", "department"]
    response_limit: str
    resolution_limit: str
    extension: str
    skills: list[str]
    micro_wish: bool

@type_check_only
class Open311Service(TypedDict):
    service_code: str
    service_name: str
    description: str
    metadata: bool
    type: str
    keywords: str
    group: str

@type_check_only
class _Open311RequestRequired(TypedDict):
    service_request_id: str
    status: Literal["open", "closed"]
    service_code: str
    requested_datetime: datetime

@type_check_only
class Open311Request(_Open311RequestRequired, total=False):
    status_notes: str
    service_name: str
    description: str
    agency_responsible: str
    service_notice: str
    updated_datetime: datetime
    expected_datetime: datetime
    address: str
    address_id: str
    zipcode: str
    media_url: str

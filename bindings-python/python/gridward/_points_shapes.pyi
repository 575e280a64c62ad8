"""The dict shapes of the scoring, points and rating capabilities, for type checking
only (no runtime module holds them): service records, volunteers, star changes,
obligations, handler scores, passbooks, their lots and history, catalog items,
redemptions, totals, and community evaluations. Hours, scores and rates are
``Decimal``; points, minutes and counts ``int``; days ``date``; start times tz-aware
``datetime``. Shapes with a ``from`` or ``to`` key use TypedDict's functional form."""

from datetime import date, datetime
from decimal import Decimal
from typing import Literal, TypedDict, type_check_only

_Activity = Literal[
    "handling_request",
    "charity",
    "elder_care",
    "neighbour_help",
    "mediation",
    "patrol",
    "cleanup",
    "other",
]
_ServiceState = Literal["pending", "certified", "rejected"]
_Source = Literal["service", "request", "award"]
_Movement = Literal["earned", "redeemed", "reversed", "expired"]

@type_check_only
class ServiceStatusDict(TypedDict, total=False):
    status: _ServiceState
    by: str | None
    counted: int
    reason: str

@type_check_only
class ServiceRecordDict(TypedDict):
    """A service record in the core's dict form."""

    id: str
    person: str
    unit: str
    activity: _Activity
    request: str | None
    started_at: datetime
    minutes: int
    travel_minutes: int
    note: str
    status: ServiceStatusDict

@type_check_only
class ServiceRow(TypedDict):
    """A service record as a flat row."""

    id: str
    person: str
    unit: str
    activity: _Activity
    request: str | None
    started_at: datetime
    minutes: int
    travel_minutes: int
    note: str
    status: _ServiceState
    certified_by: str | None
    counted_minutes: int
    rejected_reason: str | None

@type_check_only
class VolunteerDict(TypedDict):
    person: str
    hours: Decimal
    minutes: int
    services: int
    level: int
    since: date | None

StarChangeDict = TypedDict("StarChangeDict", {"person": str, "from": int, "to": int})

@type_check_only
class ObligationRow(TypedDict):
    person: str
    unit: str
    month: str
    services: int
    hours: Decimal
    met: bool

@type_check_only
class HandlerScoreRow(TypedDict):
    person: str
    rank: int | None
    score: Decimal | None
    handled: int
    due: int
    closed: int
    closed_on_time: int
    rated: int
    satisfied: int
    closure_rate: Decimal | None
    on_time_rate: Decimal | None
    satisfaction_rate: Decimal | None

@type_check_only
class LotDict(TypedDict):
    id: str
    source: _Source
    earned_on: date
    expires_on: date | None
    points: int
    left: int
    expired: int

@type_check_only
class PassbookDict(TypedDict):
    person: str
    earned: int
    spent: int
    expired: int
    balance: int
    lots: list[LotDict]

@type_check_only
class HistoryLineRow(TypedDict):
    on: date
    movement: _Movement
    points: int
    balance: int
    reference: str

@type_check_only
class ItemDict(TypedDict):
    id: str
    unit: str
    name: str
    cost: int
    stock: int
    per_person: int | None
    valid_from: date | None
    valid_until: date | None
    min_star: int | None

@type_check_only
class TakeDict(TypedDict):
    lot: int
    points: int

@type_check_only
class ReversalDict(TypedDict):
    on: date
    reason: str

@type_check_only
class RedemptionDict(TypedDict):
    """A redemption in the core's dict form."""

    id: str
    person: str
    item: str
    quantity: int
    points: int
    on: date
    taken: list[TakeDict]
    reversed: ReversalDict | None

@type_check_only
class RedemptionRow(TypedDict):
    """A redemption as a flat row."""

    id: str
    person: str
    item: str
    quantity: int
    points: int
    on: date
    taken: list[TakeDict]
    reversed_on: date | None
    reversal_reason: str | None

@type_check_only
class PointsTotalsDict(TypedDict):
    people: int
    earned: int
    spent: int
    expired: int
    balance: int
    redemptions: int
    reversed: int

@type_check_only
class ItemScoreDict(TypedDict):
    """The points of one top-level node of a rating tree."""

    id: str
    name: str
    points: Decimal
    max: Decimal

@type_check_only
class LossDict(TypedDict):
    """Points an indicator lost."""

    indicator: str
    name: str
    item: str
    value: Decimal
    points_lost: Decimal

@type_check_only
class EvaluationDict(TypedDict):
    """A community rated by an indicator tree."""

    community: str
    score: Decimal
    grade: str
    rank: int
    vetoed: list[str]
    items: list[ItemScoreDict]
    lost: list[LossDict]

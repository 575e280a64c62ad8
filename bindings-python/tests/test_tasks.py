"""Requests through the Python face: filing, routing, claims, handling, verification,
rating, returns, escalation, supervision and parking, imports, Open311, the tables and
the indicators — each refusal with its exception class and code, leaving the journal
as it was."""

from __future__ import annotations

import json
import pickle
from datetime import datetime, timedelta
from decimal import ROUND_HALF_UP, Decimal
from typing import Any, Callable

import pytest
from support import (
    COMMUNITY,
    GRID,
    HOME1,
    HOME2,
    MARCH,
    MICRO_1,
    MONDAY,
    STREET,
    build_world,
    file,
    refused,
)
from support import march as t
from support import request_row as row

from gridward import (
    ConflictError,
    InvalidInputError,
    NotFoundError,
    PermissionDeniedError,
    Table,
    Ward,
)


# The cycle -----------------------------------------------------------------------------


def test_file_dispatch_start_handle_verify_rate(world: Ward) -> None:
    receipt = file(world, "r1", "q1", "exposed_rubbish", HOME1)
    assert receipt["events"] == 2 and not receipt["duplicate"]
    q1 = row(world, "q1")
    assert (q1["status"], q1["responsible"], q1["filer"]) == ("assigned", {"person": "w1"}, "r1")
    # 2 working hours to respond, 1 working day to resolve, on the default calendar.
    assert q1["response_due"] == t(2, 11)
    assert q1["resolution_due"] == t(3, 9)
    assert q1["filed_at"].utcoffset() == timedelta(hours=8)

    world.tasks.start("q1", actor="w1", at=t(2, 9, 30))
    assert row(world, "q1")["status"] == "in_progress"
    world.tasks.handle("q1", "已清运", photos=["photo://after.jpg"], actor="w1", at=t(2, 15))
    assert row(world, "q1")["handled_by"] == "w1"

    refused(world, PermissionDeniedError, "verifier_is_handler",
            lambda: world.tasks.verify("q1", True, actor="w1", at=t(2, 16)))
    world.tasks.verify("q1", True, note="现场核查通过", actor="gl", at=t(2, 16))
    q1 = row(world, "q1")
    assert (q1["status"], q1["on_time"], q1["verified_by"]) == ("closed", True, "gl")
    assert q1["closed_at"] == t(2, 16)

    refused(world, PermissionDeniedError, "not_filer",
            lambda: world.tasks.rate("q1", "satisfied", actor="r2", at=t(2, 17)))
    world.tasks.rate("q1", "very_satisfied", comment="很快", actor="r1", at=t(2, 17))
    refused(world, ConflictError, "already_rated",
            lambda: world.tasks.rate("q1", "satisfied", actor="r1", at=t(2, 17, 5)))
    assert row(world, "q1")["rating"] == "very_satisfied"


def test_a_bad_rating_reopens_the_work_with_a_correction_window(world: Ward) -> None:
    file(world, "r1", "q1", "exposed_rubbish", HOME1)
    world.tasks.handle("q1", "ok", actor="w1", at=t(2, 10))
    world.tasks.verify("q1", passed=True, actor="gl", at=t(2, 11))
    world.tasks.rate("q1", "dissatisfied", comment="又堆上了", actor="r1", at=t(2, 12))
    q1 = row(world, "q1")
    assert (q1["status"], q1["responsible"], q1["reopens"]) == ("in_progress", {"person": "w1"}, 1)
    assert q1["closed_at"] is None
    # 15 working days from Monday 2 March 12:00: Monday 23 March 12:00.
    assert q1["correction_due"] == t(23, 12)
    assert q1["resolution_due"] == q1["correction_due"]


def test_dispatch_by_hand_and_by_the_rules() -> None:
    ward = build_world(Ward({"tasks": {"dispatch_on_filing": False}}))
    file(ward, "r1", "q1", "exposed_rubbish", HOME1)
    file(ward, "r1", "q2", "exposed_rubbish", HOME1)
    assert row(ward, "q1")["status"] == "filed"
    assert row(ward, "q1")["responsible"] == {"unit": COMMUNITY}
    refused(ward, PermissionDeniedError, "permission_denied",
            lambda: ward.tasks.dispatch("q1", actor="r1", at=t(2, 9, 5)))
    ward.tasks.dispatch("q1", actor="chief", at=t(2, 9, 5))
    assert row(ward, "q1")["responsible"] == {"person": "w1"}
    ward.tasks.dispatch("q2", to={"person": "w2"}, actor="chief", at=t(2, 9, 5))
    assert row(ward, "q2")["responsible"] == {"person": "w2"}
    assert row(ward, "q2")["dispatched_at"] == t(2, 9, 5)
    ward.tasks.dispatch("q2", to={"pool": MICRO_1}, actor="chief", at=t(2, 9, 10))
    assert (row(ward, "q2")["status"], row(ward, "q2")["responsible"]) == ("pooled", {"unit": MICRO_1})
    with pytest.raises(InvalidInputError) as e:
        ward.tasks.dispatch("q2", to={"somebody": "x"}, actor="chief", at=t(2, 9, 10))
    assert (e.value.code, e.value.field) == ("wrong_type", "to")


def test_claims_are_limited_released_and_handed_over(world: Ward) -> None:
    for i in range(4):
        file(world, "r1", f"h{i}", "neighbour_help", HOME1)
    assert row(world, "h0")["status"] == "pooled"
    claimable = world.tasks.claimable_by("pm1")
    assert isinstance(claimable, Table)
    assert [r["id"] for r in claimable] == ["h0", "h1", "h2", "h3"]
    assert world.tasks.claimable_by("r2") == []
    refused(world, PermissionDeniedError, "not_eligible", lambda: world.tasks.claim("h0", actor="r2"))
    for q in ("h0", "h1", "h2"):
        world.tasks.claim(q, actor="pm1", at=MONDAY)
    refused(world, ConflictError, "claim_limit", lambda: world.tasks.claim("h3", actor="pm1", at=MONDAY))
    world.tasks.claim("h3", actor="vol", at=MONDAY)
    assert row(world, "h3")["claimed_by"] == "vol"

    world.tasks.release_claim("h2", actor="pm1", at=t(2, 9, 30))
    assert (row(world, "h2")["status"], row(world, "h2")["claimed_by"]) == ("pooled", None)

    world.tasks.offer_handover("h0", "vol", actor="pm1", at=t(2, 10))
    refused(world, ConflictError, "no_handover",
            lambda: world.tasks.accept_handover("h0", actor="w1", at=t(2, 10, 5)))
    world.tasks.accept_handover("h0", actor="vol", at=t(2, 10, 10))
    assert row(world, "h0")["claimed_by"] == "vol"

    # Three calendar days without a start: a sweep gives the claim back to the pool.
    world.tasks.sweep(at=t(5, 10, 11))
    h0 = row(world, "h0")
    assert (h0["status"], h0["responsible"]) == ("pooled", {"unit": MICRO_1})


def test_a_micro_wish_is_claimed_for_a_paired_unit(world: Ward) -> None:
    world.grid.add_paired_unit("bank", "建设银行支行", COMMUNITY, at=MONDAY)
    file(world, "r1", "wish", "micro_wish", HOME1)
    world.tasks.claim("wish", donor="bank", actor="r2", at=MONDAY)
    wish = row(world, "wish")
    assert (wish["claimed_by"], wish["donor"]) == ("r2", "bank")


def test_return_goes_back_to_the_community(world: Ward) -> None:
    file(world, "r1", "q1", "exposed_rubbish", HOME1)
    world.tasks.return_request("q1", "不属于本网格", actor="w1", at=t(2, 9, 10))
    q1 = row(world, "q1")
    assert (q1["status"], q1["responsible"], q1["returns"]) == ("filed", {"unit": COMMUNITY}, 1)
    world.tasks.dispatch("q1", to={"person": "w2"}, actor="chief", at=t(2, 9, 20))
    q1 = row(world, "q1")
    assert q1["responsible"] == {"person": "w2"}
    assert q1["resolution_due"] == t(3, 9)  # still from the first dispatch


def test_whistle_report_and_late_departments(world: Ward) -> None:
    file(world, "r1", "c1", "illegal_construction", HOME1)
    assert row(world, "c1")["responsible"] == {"department": "cg"}
    call = lambda who: world.tasks.whistle("c1", ["cg", "sj"], "联合执法", actor=who, at=MONDAY)  # noqa: E731
    refused(world, PermissionDeniedError, "permission_denied", lambda: call("chief"))
    call("sa")
    refused(world, PermissionDeniedError, "not_responsible",
            lambda: world.tasks.report("c1", "cg", "已到场", actor="o2", at=t(3, 9)))
    world.tasks.report("c1", "cg", "已到场", actor="o1", at=t(3, 9))
    refused(world, ConflictError, "no_open_call",
            lambda: world.tasks.report("c1", "cg", "再报", actor="o1", at=t(3, 9, 30)))
    # Two working days: due Wednesday 09:00; at 10:00 sj has not reported.
    world.tasks.sweep(at=t(4, 10))
    whistles = row(world, "c1")["whistles"]
    assert [(w["department"], w["late"]) for w in whistles] == [("cg", False), ("sj", True)]
    assert whistles[0]["reported_at"] == t(3, 9) and whistles[1]["reported_at"] is None
    world.tasks.handle("c1", "已拆除", actor="o1", at=t(5, 9))
    assert row(world, "c1")["handled_by"] == "o1"


def test_sweep_supervises_and_parks_overdue_work_after_its_extension(world: Ward) -> None:
    file(world, "r1", "q1", "exposed_rubbish", HOME1)
    world.tasks.sweep(at=t(2, 11, 1))
    assert row(world, "q1")["supervised"] and not row(world, "q1")["parked"]
    world.tasks.extend("q1", "需要协调物业", actor="chief", at=t(2, 12))
    refused(world, ConflictError, "already_extended",
            lambda: world.tasks.extend("q1", "再延", actor="chief", at=t(2, 12)))
    assert row(world, "q1")["extended"]
    assert row(world, "q1")["resolution_due"] == t(4, 9)
    assert world.tasks.sweep(at=t(4, 9))["seq"] is None  # nothing to do yet
    world.tasks.sweep(at=t(4, 9, 1))
    assert row(world, "q1")["parked"]
    # A person sweeps only where they may supervise, and never the whole ward.
    refused(world, PermissionDeniedError, "permission_denied",
            lambda: world.tasks.sweep(actor="chief", at=t(4, 10)))
    world.tasks.sweep(scope=COMMUNITY, actor="chief", at=t(4, 10))
    world.tasks.handle("q1", "ok", actor="w1", at=t(5, 9))
    world.tasks.verify("q1", True, actor="gl", at=t(5, 10))
    q1 = row(world, "q1")
    assert (q1["parked"], q1["on_time"]) == (False, False)


def test_supervision_by_hand(world: Ward) -> None:
    file(world, "r1", "q1", "exposed_rubbish", HOME1)
    world.tasks.supervise("q1", "群众反映", actor="chief", at=t(2, 10))
    assert row(world, "q1")["supervised"]
    # Supervising again changes nothing.
    assert world.tasks.supervise("q1", "再督", actor="chief", at=t(2, 11))["seq"] is None


def test_duplicates_cancellation_failed_verification_and_reopening(world: Ward) -> None:
    for q in ("q1", "q2", "q3"):
        file(world, "r1", q, "exposed_rubbish", HOME1)
    world.tasks.mark_duplicate("q2", "q1", actor="chief", at=MONDAY)
    assert (row(world, "q2")["status"], row(world, "q2")["duplicate_of"]) == ("duplicate", "q1")
    refused(world, InvalidInputError, "bad_duplicate",
            lambda: world.tasks.mark_duplicate("q3", "q3", actor="chief", at=MONDAY))
    world.tasks.cancel("q3", "已自行解决", actor="r1", at=MONDAY)
    assert row(world, "q3")["status"] == "cancelled"
    world.tasks.handle("q1", "ok", actor="w1", at=t(2, 10))
    world.tasks.verify("q1", False, note="没清干净", actor="gl", at=t(2, 11))
    assert row(world, "q1")["status"] == "in_progress"
    world.tasks.handle("q1", "再清", actor="w1", at=t(2, 12))
    world.tasks.verify("q1", True, actor="gl", at=t(2, 14))
    world.tasks.reopen("q1", "复发", actor="chief", at=t(3, 9))
    q1 = row(world, "q1")
    assert (q1["status"], q1["reopens"], q1["responsible"]) == ("in_progress", 1, {"person": "w1"})
    refused(world, NotFoundError, "unknown_request",
            lambda: world.tasks.start("nope", actor="w1", at=t(3, 9)))


def test_skills_route_elder_care_and_officers_can_be_removed(world: Ward) -> None:
    cats = {c["code"]: c for c in world.tasks.categories()}
    assert cats["elder_care"]["skills"] == ["elder_care"]
    assert (cats["dirty_road"]["response_limit"], cats["dirty_road"]["resolution_limit"]) == ("1wh", "5wh")
    assert cats["illegal_construction"]["resolution_limit"] == "15wd"
    # Nobody has the skill yet: the pool still takes it, but nobody may claim it.
    world.tasks.set_skills("vol", ["elder_care"], at=MONDAY)
    assert world.tasks.route("elder_care", HOME2) == {"kind": "pool", "unit": COMMUNITY, "status": "pooled"}
    assert world.tasks.route("exposed_rubbish", HOME2) == {"kind": "person", "person": "w2", "status": "assigned"}
    assert world.tasks.route("food_safety", {"unit": GRID}) == {
        "kind": "department",
        "department": "sj",
        "status": "assigned",
    }
    file(world, "r2", "e1", "elder_care", HOME2)
    assert [r["id"] for r in world.tasks.claimable_by("vol")] == ["e1"]
    assert world.tasks.claimable_by("pm1") == []
    with pytest.raises(InvalidInputError) as e:
        world.tasks.route("exposed_rubbish", {"street": STREET})
    assert (e.value.code, e.value.field) == ("wrong_type", "location")
    with pytest.raises(NotFoundError):
        world.tasks.route("no_such_category", HOME1)

    world.tasks.remove_officer("cg", "o1", at=MONDAY)
    file(world, "r1", "c1", "illegal_construction", HOME1)
    refused(world, PermissionDeniedError, "not_responsible",
            lambda: world.tasks.start("c1", actor="o1", at=t(2, 10)))


# Keys, the generic command forms, and input checks --------------------------------------


def test_filing_needs_a_key_and_a_retry_has_one_effect(world: Ward) -> None:
    args = ("q1", "exposed_rubbish", HOME1, "垃圾")
    refused(world, InvalidInputError, "key_required",
            lambda: world.tasks.file(*args, actor="r1", at=MONDAY))
    first = world.tasks.file(*args, actor="r1", at=MONDAY, key="k-1")
    again = world.tasks.file(*args, actor="r1", at=MONDAY, key="k-1")
    assert again["duplicate"] and again["seq"] == first["seq"] and again["events"] == 0
    assert again["head"] == first["head"]
    assert len(world.tasks.requests()) == 1
    other = ("q2", "exposed_rubbish", HOME1, "x")
    refused(world, ConflictError, "idempotency_conflict",
            lambda: world.tasks.file(*other, actor="r1", at=MONDAY, key="k-1"))
    not_home = ("q3", "exposed_rubbish", HOME2, "x")
    refused(world, PermissionDeniedError, "permission_denied",
            lambda: world.tasks.file(*not_home, actor="r1", at=MONDAY, key="k-3"))


def test_execute_and_decide_take_commands_by_capability(world: Ward) -> None:
    command = {"tasks": {"type": "file", "id": "q1", "category": "dirty_road",
                         "location": {"unit": GRID}, "description": "路面油污"}}
    head = world.head
    events = world.decide(command, actor="r1", at=MONDAY, key="k")
    assert [next(iter(e)) for e in events] == ["tasks", "tasks"]
    assert [e["tasks"]["type"] for e in events] == ["filed", "dispatched"]
    deadlines = events[1]["tasks"]["deadlines"]
    assert deadlines["resolution"] == t(2, 15, 30)  # 5 working hours, 12:00-13:30 aside
    assert world.head == head
    world.execute(command, actor="r1", at=MONDAY, key="k")
    assert row(world, "q1")["responsible"] == {"person": "gl"}
    # Grid commands too are named by their capability; a bare command is refused.
    grid = world.decide({"grid": {"type": "rename_unit", "code": GRID, "name": "一号网格"}})
    assert grid[0]["grid"]["type"] == "unit_renamed"
    with pytest.raises(InvalidInputError) as e:
        world.decide({"type": "rename_unit", "code": GRID, "name": "一号网格"})
    assert e.value.code == "wrong_type"
    world.execute({"grid": {"type": "rename_unit", "code": GRID, "name": "一号网格"}}, at=MONDAY)
    assert world.grid.unit(GRID)["name"] == "一号网格"  # type: ignore[index]
    with pytest.raises(InvalidInputError) as e:
        world.execute({"points": {"type": "x"}})
    assert (e.value.code, e.value.field) == ("unknown_value", "points.type")


def test_inputs_are_checked_against_the_description(world: Ward) -> None:
    file(world, "r1", "q1", "exposed_rubbish", HOME1)
    cases: list[tuple[str, str, Callable[[], Any]]] = [
        ("unknown_value", "level", lambda: world.tasks.rate("q1", "great", actor="r1")),
        ("wrong_type", "location", lambda: world.tasks.file("q2", "dirty_road", "nowhere", "x", key="k")),
        ("unknown_value", "status", lambda: world.tasks.requests(status="open")),
        ("unknown_value", "status", lambda: world.tasks.open311_requests(status="pending")),
        ("naive_datetime", "start", lambda: world.tasks.indicators(start=datetime(2026, 3, 1), end=MARCH["end"])),
        ("invalid_value", "end", lambda: world.tasks.indicators(start=MARCH["end"], end=MARCH["start"])),
        ("unknown_value", "level", lambda: world.tasks.indicators_by("block", **MARCH)),
    ]
    for code, field, call in cases:
        error = refused(world, InvalidInputError, code, call)
        assert error.field == field, str(error)


def test_the_journal_replays_requests_and_pickles(world: Ward) -> None:
    file(world, "r1", "q1", "exposed_rubbish", HOME1)
    world.tasks.handle("q1", "ok", actor="w1", at=t(2, 10))
    again = Ward.from_journal(world.export_journal())
    assert again.state_digest() == world.state_digest()
    assert again.tasks.request("q1") == world.tasks.request("q1")
    copy = pickle.loads(pickle.dumps(world))
    assert copy.tasks.requests() == world.tasks.requests()
    assert world.tasks.request("nope") is None


# Imports and Open311 --------------------------------------------------------------------


def test_import_requests_from_another_system(world: Ward) -> None:
    rows = [
        {"id": "x1", "category": "exposed_rubbish", "location": HOME1, "description": "旧系统",
         "filed_at": t(1, 9), "status": "open"},
        {"id": "x2", "category": "dirty_road", "location": {"unit": GRID}, "filed_at": t(1, 10),
         "status": "closed", "updated_at": t(1, 15), "status_notes": "已处理", "photos": ["p.jpg"]},
    ]
    world.tasks.import_requests(rows, actor="chief", at=MONDAY)
    x1, x2 = row(world, "x1"), row(world, "x2")
    assert x1["imported"] and x1["filed_at"] == t(1, 9) and x1["status"] != "closed"
    assert (x2["status"], x2["closed_at"]) == ("closed", t(1, 15))
    refused(world, ConflictError, "request_exists",
            lambda: world.tasks.import_requests(rows[:1], actor="chief", at=MONDAY))
    bad = [{**rows[1], "id": "x3", "updated_at": None}]
    with pytest.raises(InvalidInputError):
        world.tasks.import_requests(bad, actor="chief", at=MONDAY)


def test_import_requests_from_a_dataframe(world: Ward) -> None:
    pd = pytest.importorskip("pandas")
    frame = pd.DataFrame([
        {"id": "y1", "category": "exposed_rubbish", "location": HOME1, "filed_at": t(1, 9),
         "status": "open", "updated_at": None},
        {"id": "y2", "category": "exposed_rubbish", "location": HOME2, "filed_at": t(1, 9),
         "status": "closed", "updated_at": t(1, 12)},
    ])
    # Timestamps come in as pandas Timestamps, the missing one as NaT.
    world.tasks.import_requests(frame, actor="chief", at=MONDAY)
    assert [r["id"] for r in world.tasks.requests(status="closed")] == ["y2"]
    assert row(world, "y2")["closed_at"] == t(1, 12)


def test_open311_export_and_import_round_trip(world: Ward) -> None:
    file(world, "r1", "q1", "exposed_rubbish", HOME1)
    file(world, "r2", "q2", "dirty_road", {"unit": GRID}, at=t(2, 10))
    world.tasks.handle("q2", "已冲洗", actor="gl", at=t(2, 11))
    world.tasks.verify("q2", True, actor="chief", at=t(2, 12))

    services = world.tasks.open311_services()
    assert [s["service_code"] for s in services] == [c["code"] for c in world.tasks.categories()]
    assert json.loads(world.tasks.open311_services_json()) == [dict(s) for s in services]

    exported = world.tasks.open311_requests()
    assert [(r["service_request_id"], r["status"]) for r in exported] == [("q1", "open"), ("q2", "closed")]
    assert exported[0]["requested_datetime"] == MONDAY
    assert exported[0]["address_id"] == HOME1["household"]
    assert [r["service_request_id"] for r in world.tasks.open311_requests(scope=GRID, status="closed")] == ["q2"]
    text = world.tasks.open311_requests_json()
    assert [r["service_request_id"] for r in json.loads(text)] == ["q1", "q2"]

    other = build_world(Ward())
    other.tasks.import_open311(text, actor="chief", at=t(3, 9))
    for id, status in (("q1", "open"), ("q2", "closed")):
        theirs, ours = row(other, id), row(world, id)
        assert theirs["imported"]
        assert (theirs["category"], theirs["unit"], theirs["filed_at"]) == (
            ours["category"], ours["unit"], ours["filed_at"])
        assert (theirs["status"] == "closed") == (status == "closed")
    assert row(other, "q2")["closed_at"] == row(world, "q2")["updated_at"]
    # The exported text of the imported requests names the same requests, open or closed.
    again = [(r["service_request_id"], r["status"], r["service_code"]) for r in other.tasks.open311_requests()]
    assert again == [(r["service_request_id"], r["status"], r["service_code"]) for r in exported]

    refused(other, InvalidInputError, "open311_not_json", lambda: other.tasks.import_open311("[{", actor="chief"))
    refused(other, ConflictError, "request_exists", lambda: other.tasks.import_open311(text, actor="chief"))


# Tables and indicators ------------------------------------------------------------------


def month(ward: Ward) -> None:
    """A small month: on time, late, open past its limit, withdrawn, rated, whistled."""
    file(ward, "r1", "a", "exposed_rubbish", HOME1, at=t(2, 9))  # closed on time, rated well
    ward.tasks.start("a", actor="w1", at=t(2, 9, 30))
    ward.tasks.handle("a", "ok", actor="w1", at=t(2, 10))
    ward.tasks.verify("a", True, actor="gl", at=t(2, 11))
    ward.tasks.rate("a", "satisfied", actor="r1", at=t(2, 12))
    file(ward, "r2", "b", "exposed_rubbish", HOME2, at=t(3, 9))  # closed late, rated badly
    ward.tasks.handle("b", "ok", actor="w2", at=t(5, 9))
    ward.tasks.verify("b", True, actor="gl", at=t(5, 10))
    ward.tasks.rate("b", "very_dissatisfied", actor="r2", at=t(5, 11))  # reopens it
    ward.tasks.handle("b", "again", actor="w2", at=t(5, 15))
    ward.tasks.verify("b", True, actor="gl", at=t(5, 16))
    file(ward, "r1", "c", "fire_hazard", HOME1, at=t(4, 9))  # open, past its limit
    file(ward, "r1", "d", "exposed_rubbish", HOME1, at=t(4, 10))  # cancelled
    ward.tasks.cancel("d", "已自行解决", actor="r1", at=t(4, 11))
    file(ward, "r1", "e", "illegal_construction", HOME1, at=t(9, 9))  # whistled, open
    ward.tasks.whistle("e", ["cg"], "联合执法", actor="sa", at=t(9, 10))
    ward.tasks.extend("e", "协调", actor="chief", at=t(10, 9))
    file(ward, "r2", "f", "dirty_road", {"unit": GRID}, at=t(30, 9))  # open, not yet due
    ward.tasks.sweep(at=t(31, 18))


def percent(part: int, whole: int) -> Decimal | None:
    if whole == 0:
        return None
    return (Decimal(part) * 100 / Decimal(whole)).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


def by_hand(rows: list[Any], start: datetime, end: datetime) -> dict[str, Any]:
    """The indicators recomputed from request rows, by RULES.md's definitions."""
    counted = [r for r in rows if start <= r["filed_at"] < end]
    live = [r for r in counted if r["status"] not in ("cancelled", "duplicate")]
    closed = [r for r in live if r["status"] == "closed" and r["closed_at"] < end]
    still = [r for r in live if r not in closed]
    overdue = [r for r in still if r["resolution_due"] is not None and r["resolution_due"] < end]
    due = len(closed) + len(overdue)
    on_time = sum(bool(r["on_time"]) for r in closed)
    answered = [r for r in live if r["response_due"] is not None and (
        (r["responded_at"] is not None and r["responded_at"] < end) or r["response_due"] < end)]
    answered_on_time = sum(
        r["responded_at"] is not None and r["responded_at"] < end and r["responded_at"] <= r["response_due"]
        for r in answered)
    rated = [r for r in live if r["rating"] is not None]
    satisfied = sum(r["rating"] in ("very_satisfied", "satisfied", "basically_satisfied") for r in rated)
    whistled = sum(bool(r["whistles"]) for r in live)
    reopened = sum(r["reopens"] > 0 for r in live)
    # Closed at least once: closed now, or reopened (which only a closed request can be).
    closed_once = sum(r["reopens"] > 0 or r in closed for r in live)
    extended = sum(r["extended"] for r in live)
    return {
        "filed": len(counted),
        "withdrawn": len(counted) - len(live),
        "due": due,
        "closed": len(closed),
        "closed_on_time": on_time,
        "open": len(still),
        "overdue": len(overdue),
        "closure_rate": percent(len(closed), due),
        "on_time_rate": percent(on_time, due),
        "closed_once": closed_once,
        "rework_rate": percent(reopened, closed_once),
        "extension_rate": percent(extended, due),
        "response_rate": percent(answered_on_time, len(answered)),
        "satisfaction_rate": percent(satisfied, len(rated)),
        "whistle_rate": percent(whistled, len(live)),
    }


def test_indicators_recomputed_by_hand(world: Ward) -> None:
    month(world)
    got = world.tasks.indicators(**MARCH, scope=COMMUNITY)
    want = by_hand(list(world.tasks.requests()), **MARCH)
    assert {k: got[k] for k in want} == want  # type: ignore[literal-required]
    # The scenario's own numbers, spelled out: 5 counted, 2 closed (1 on time), 2 open
    # past their limit (c, e) → due 4; a is satisfied, b not.
    counts = (got["filed"], got["withdrawn"], got["due"], got["closed"], got["closed_on_time"])
    assert counts == (6, 1, 4, 2, 1)
    assert got["closure_rate"] == Decimal("50.00") and got["on_time_rate"] == Decimal("25.00")
    assert got["satisfaction_rate"] == Decimal("50.00") and got["rework_rate"] == Decimal("50.00")
    assert got["whistle_rate"] == Decimal("20.00")
    assert got["unit"] == COMMUNITY
    # A month with nothing filed has no rates.
    empty = world.tasks.indicators(start=t(1, 0) - timedelta(days=40), end=t(1, 0) - timedelta(days=10))
    assert empty["filed"] == 0 and empty["closure_rate"] is None


def test_a_past_month_does_not_move_when_april_changes_its_requests(world: Ward) -> None:
    month(world)
    before = world.tasks.indicators(**MARCH, scope=COMMUNITY)
    april = datetime(2026, 4, 1, 9, tzinfo=MARCH["start"].tzinfo)
    world.tasks.reopen("a", "居民再次反映", actor="chief", at=april)
    world.tasks.handle("c", "已整改", actor="w1", at=april + timedelta(hours=1))
    world.tasks.verify("c", True, actor="gl", at=april + timedelta(hours=2))
    world.tasks.rate("c", "very_dissatisfied", actor="r1", at=april + timedelta(hours=3))
    world.tasks.supervise("e", "群众反映", actor="sa", at=april + timedelta(hours=4))
    world.tasks.cancel("f", "已自行解决", actor="r2", at=april + timedelta(hours=5))
    world.tasks.sweep(at=april + timedelta(days=20))
    assert (row(world, "a")["status"], row(world, "f")["status"]) == ("in_progress", "cancelled")
    assert world.tasks.indicators(**MARCH, scope=COMMUNITY) == before
    # a reopened while open, b reopened and closed again: both below the rework line.
    spring = world.tasks.indicators(MARCH["start"], april + timedelta(days=30), scope=COMMUNITY)
    assert (spring["reopened"], spring["closed_once"]) == (3, 3)


def test_a_streets_whistle_rate_is_watched_against_its_band() -> None:
    bands = {"default": {"low": "30", "high": "60"},
             "streets": [{"street": STREET, "band": {"low": "0", "high": "10"}}]}
    ward = build_world(Ward({"tasks": {"whistle_bands": bands}}))
    month(ward)
    street = ward.tasks.indicators(**MARCH, scope=STREET)
    assert street["whistle_rate"] == Decimal("20.00")
    assert street["whistle_band"] == {"low": Decimal("0"), "high": Decimal("10")}
    assert street["whistle_flag"] == "too_high"
    assert list(ward.tasks.indicators_by("street", **MARCH)) == [street]
    community = ward.tasks.indicators(**MARCH, scope=COMMUNITY)
    assert (community["whistle_band"], community["whistle_flag"]) == (None, None)
    # Without a band of its own the street is held to the default: 20% is too low.
    ward = build_world(Ward({"tasks": {"whistle_bands": {"default": bands["default"]}}}))
    month(ward)
    assert ward.tasks.indicators(**MARCH, scope=STREET)["whistle_flag"] == "too_low"
    assert ward.config()["tasks"]["whistle_bands"]["default"]["high"] == Decimal("60")


@pytest.mark.parametrize(("bands", "field", "words"), [
    ({"default": {"low": "-1", "high": "10"}}, "default.low", "not a percentage from 0 to 100"),
    ({"default": {"low": "5", "high": "101"}}, "default.high", "not a percentage from 0 to 100"),
    ({"streets": [{"street": STREET, "band": {"low": "12", "high": "10"}}]},
     "streets[0].band", "high 10 is below low (12)"),
    ({"streets": [{"street": COMMUNITY, "band": {"low": "1", "high": "10"}}]},
     "", "is not a street's code"),
])
def test_a_bad_whistle_band_is_refused_naming_the_field(bands: Any, field: str, words: str) -> None:
    with pytest.raises(InvalidInputError) as e:
        Ward({"tasks": {"whistle_bands": bands}})
    assert e.value.field == ("config.tasks.whistle_bands." + field).rstrip(".")
    assert words in str(e.value)


def test_requests_to_pandas_has_typed_columns(world: Ward) -> None:
    pd = pytest.importorskip("pandas")
    month(world)
    table = world.tasks.requests(scope=COMMUNITY)
    frame = table.to_pandas()
    assert list(frame["id"]) == ["a", "b", "c", "d", "e", "f"]
    for column in ("filed_at", "closed_at", "resolution_due", "correction_due", "handled_at"):
        dtype = frame[column].dtype
        assert isinstance(dtype, pd.DatetimeTZDtype), (column, dtype)
        assert dtype.tz.utcoffset(None) == timedelta(hours=8)
    assert frame.loc[0, "filed_at"] == pd.Timestamp(t(2, 9))
    assert pd.isna(frame.loc[2, "closed_at"])
    assert str(frame["on_time"].dtype) == "boolean" and frame["on_time"].isna().sum() == 4
    assert frame["reopens"].dtype == "int64" and frame["supervised"].dtype == "bool"
    # A cancelled request keeps the party that last answered for it; `responsible` holds
    # the party as the core gives it, one key naming its kind.
    kinds = ["person", "person", "person", "person", "department", "person"]
    assert [next(iter(r)) for r in frame["responsible"]] == kinds
    assert frame.loc[4, "responsible"] == {"department": "cg"}
    assert frame["status"].value_counts()["closed"] == 2
    # Filtered by status, and empty tables keep their columns.
    assert list(world.tasks.requests(status="closed").to_pandas()["id"]) == ["a", "b"]
    none = world.tasks.requests(status="duplicate").to_pandas()
    assert len(none) == 0 and list(none.columns) == list(frame.columns)


def test_indicators_by_community_to_pandas(world: Ward) -> None:
    pytest.importorskip("pandas")
    world.grid.add_unit("510105001002", "另一社区", at=MONDAY)
    month(world)
    table = world.tasks.indicators_by("community", **MARCH)
    assert [r["unit"] for r in table] == [COMMUNITY, "510105001002"]
    frame = table.to_pandas()
    assert frame["filed"].dtype == "int64" and frame["due"].dtype == "int64"
    assert frame.loc[0, "closure_rate"] == Decimal("50.00")
    assert isinstance(frame.loc[0, "on_time_rate"], Decimal)
    assert frame.loc[1, "filed"] == 0 and frame.loc[1, "closure_rate"] is None
    assert dict(frame.loc[0, ["filed", "closed"]]) == {"filed": 6, "closed": 2}

"""Scoring through the Python face: service records, certification and refusal, hours
by the rules, star levels (RULES' vectors) and grants, the monthly obligation of
sent-down party members, handlers' scores, satisfaction rates — each refusal with its
exception class and code, leaving the journal as it was."""

from __future__ import annotations

from datetime import date, datetime, timezone
from decimal import Decimal
from typing import Any, Callable

import pytest
from support import AT, COMMUNITY, CST, GRID, HOME1, HOME2, MICRO_1, build_community, build_world, file, refused

from gridward import (
    ConflictError,
    InvalidInputError,
    NotFoundError,
    PermissionDeniedError,
    Table,
    Ward,
    satisfaction_rate,
    star_level,
)

# A local profile with low thresholds, so a few services reach a star.
LOCAL: Any = {"scoring": {"stars": {"name": "local", "thresholds": ["1", "2.5"]}}}


def t(day: int, hour: int = 9) -> datetime:
    """A moment of March 2026 in Chengdu."""
    return datetime(2026, 3, day, hour, tzinfo=CST)


@pytest.fixture
def local() -> Ward:
    return build_community(Ward(LOCAL))


def serve(ward: Ward, id: str, minutes: int, day: int = 2, person: str = "res1") -> None:
    """`person` records a service at micro-grid 1 and the worker certifies it."""
    ward.scoring.record_service(id, person, MICRO_1, "elder_care", t(day), minutes, actor=person, at=t(day, 12))
    ward.scoring.certify_service(id, actor="w1", at=t(day, 13))


# Records ------------------------------------------------------------------------------


def test_record_certify_and_read_a_service(ward: Ward) -> None:
    receipt = ward.scoring.record_service(
        "s1", "res1", MICRO_1, "elder_care", t(2), 90, travel_minutes=30, note="陪老人就医", actor="res1", at=t(2, 12)
    )
    assert receipt["events"] == 1 and receipt["seq"] is not None
    record = ward.scoring.service_record("s1")
    assert record is not None
    assert record["status"] == {"status": "pending"}
    assert record["started_at"] == t(2) and record["started_at"].utcoffset() == t(2).utcoffset()
    assert ward.scoring.volunteer("res1") is None

    ward.scoring.certify_service("s1", actor="w1", at=t(2, 13))
    record = ward.scoring.service_record("s1")
    assert record is not None
    # Travel is left out by the national rule: 90 of 120 minutes count.
    assert record["status"] == {"status": "certified", "by": "w1", "counted": 90}
    assert ward.scoring.volunteer("res1") == {
        "person": "res1",
        "hours": Decimal("1.50"),
        "minutes": 90,
        "services": 1,
        "level": 0,
        "since": None,
    }
    assert ward.scoring.service_record("nope") is None


def test_refusals_leave_no_trace(ward: Ward) -> None:
    ward.scoring.record_service("s1", "res1", MICRO_1, "patrol", t(2), 60, actor="res1", at=t(2, 12))
    ward.scoring.record_service("own", "w1", MICRO_1, "patrol", t(2), 60, actor="w1", at=t(2, 12))
    refused(ward, PermissionDeniedError, "own_service",
            lambda: ward.scoring.certify_service("own", actor="w1"))
    refused(ward, PermissionDeniedError, "permission_denied",
            lambda: ward.scoring.certify_service("s1", actor="res2"))
    refused(ward, NotFoundError, "unknown_service_record",
            lambda: ward.scoring.certify_service("s9", actor="w1"))
    refused(ward, ConflictError, "service_record_exists",
            lambda: ward.scoring.record_service("s1", "res1", MICRO_1, "patrol", t(2), 60, actor="res1"))
    refused(ward, InvalidInputError, "bad_minutes",
            lambda: ward.scoring.record_service("s2", "res1", MICRO_1, "patrol", t(2), 0, actor="res1"))
    refused(ward, InvalidInputError, "bad_text",
            lambda: ward.scoring.reject_service("s1", "", actor="w1"))
    ward.scoring.reject_service("s1", "没有签到记录", actor="w1", at=t(2, 13))
    refused(ward, ConflictError, "service_not_pending",
            lambda: ward.scoring.certify_service("s1", actor="w1"))
    refused(ward, PermissionDeniedError, "permission_denied",
            lambda: ward.scoring.grant_stars(date(2026, 3, 31), actor="res1"))


def test_inputs_are_checked_in_the_binding(ward: Ward) -> None:
    def record(**changes: Any) -> Callable[[], Any]:
        fields: dict[str, Any] = {
            "id": "s1", "person": "res1", "unit": MICRO_1, "activity": "charity",
            "started_at": t(2), "minutes": 60,
        }
        fields.update(changes)
        return lambda: ward.scoring.record_service(**fields, actor="res1")

    cases: list[tuple[str, str | None, Callable[[], Any]]] = [
        ("wrong_type", "minutes", record(minutes=60.0)),
        ("out_of_range", "minutes", record(minutes=-5)),
        ("wrong_type", "minutes", record(minutes=True)),
        ("wrong_type", "minutes", record(minutes=Decimal(60))),
        ("out_of_range", "travel_minutes", record(travel_minutes=2**40)),
        ("unknown_value", "activity", record(activity="dancing")),
        ("naive_datetime", "started_at", record(started_at=datetime(2026, 3, 2, 9))),
        ("bad_format", "started_at", record(started_at="2026-03-02 09:00")),
        ("bad_format", "unit", record(unit="51010x")),
        ("bad_format", "on", lambda: ward.scoring.grant_stars(t(2), actor=None)),
        ("bad_format", "on", lambda: ward.scoring.grant_stars("31/03/2026")),
        ("missing_field", "profile.name", lambda: ward.scoring.grant_preview(date(2026, 3, 2), profile={"thresholds": [1]})),
        # Well-formed, but the core refuses the thresholds.
        ("bad_star_profile", None,
         lambda: ward.scoring.grant_preview(date(2026, 3, 2), profile={"name": "x", "thresholds": [2, 1]})),
    ]
    for code, field, call in cases:
        assert refused(ward, InvalidInputError, code, call).field == field, code
    # RFC 3339 text with a zone is a start time too.
    ward.scoring.record_service("s1", "res1", MICRO_1, "charity", "2026-03-02T09:00:00+08:00", 60, actor="res1")
    record_ = ward.scoring.service_record("s1")
    assert record_ is not None and record_["started_at"] == t(2)


def test_service_records_as_a_table(ward: Ward) -> None:
    serve(ward, "s1", 45)
    ward.scoring.record_service("s2", "res2", MICRO_1, "cleanup", t(3), 30, request=None, actor="res2", at=t(3, 12))
    ward.scoring.record_service("s3", "res2", MICRO_1, "other", t(3), 30, actor="res2", at=t(3, 12))
    ward.scoring.reject_service("s3", "重复登记", actor="w1", at=t(3, 13))
    rows = ward.scoring.service_records()
    assert isinstance(rows, Table)
    assert [(r["id"], r["status"], r["certified_by"], r["counted_minutes"]) for r in rows] == [
        ("s1", "certified", "w1", 45),
        ("s2", "pending", None, 0),
        ("s3", "rejected", None, 0),
    ]
    assert rows[2]["rejected_reason"] == "重复登记"
    frame = rows.to_pandas()
    assert list(frame.columns) == list(rows.columns)
    assert str(frame["started_at"].dt.tz) == "UTC+08:00"
    assert frame["counted_minutes"].sum() == 45


# Hours and stars ---------------------------------------------------------------------


def test_rules_star_level_vectors() -> None:
    vectors = [("99.99", 0), ("100", 1), ("299.5", 1), ("300", 2), ("999", 3), ("1000", 4), ("1500", 5)]
    for hours, level in vectors:
        assert star_level(Decimal(hours)) == level, hours
    assert star_level(100) == 1 and star_level("1500") == 5
    # 张家港's local profile.
    assert star_level(Decimal("60"), thresholds=[30, 60, 100, 200, 300]) == 2
    with pytest.raises(InvalidInputError) as e:
        star_level(99.99)
    assert (e.value.code, e.value.field) == ("float_not_allowed", "hours")
    with pytest.raises(InvalidInputError) as e:
        star_level(10, thresholds=[5, 5])
    assert e.value.code == "bad_star_profile"


def test_satisfaction_rate_vectors() -> None:
    # 70 very satisfied, 20 satisfied, 10 dissatisfied → 90%.
    assert satisfaction_rate([70, 20, 0, 10, 0]) == Decimal("90.00")
    assert satisfaction_rate((0, 0, 1, 0, 3)) == Decimal("25.00")
    assert satisfaction_rate([0] * 5) is None
    for bad, code, field in (
        ([1, 2, 3], "invalid_value", "counts"),
        ([1] * 6, "invalid_value", "counts"),
        ([1.0, 0, 0, 0, 0], "wrong_type", "counts[0]"),
        ([-1, 0, 0, 0, 0], "out_of_range", "counts[0]"),
    ):
        with pytest.raises(InvalidInputError) as e:
            satisfaction_rate(bad)
        assert (e.value.code, e.value.field) == (code, field)


def test_grant_preview_and_grant(local: Ward) -> None:
    serve(local, "s1", 90, day=2)
    serve(local, "s2", 100, day=3, person="res2")
    on = date(2026, 3, 31)
    preview = local.scoring.grant_preview(on)
    assert isinstance(preview, Table)
    assert preview == [{"person": "res1", "from": 0, "to": 1}, {"person": "res2", "from": 0, "to": 1}]
    # Another profile, given as a dict with int thresholds, changes nothing recorded.
    assert local.scoring.grant_preview("2026-03-31", profile={"name": "x", "thresholds": [1, Decimal("1.5")]}) == [
        {"person": "res1", "from": 0, "to": 2},
        {"person": "res2", "from": 0, "to": 2},
    ]
    head = local.head
    assert local.head == head
    local.scoring.grant_stars(on, at=t(31))
    volunteers = local.scoring.volunteers()
    assert [(v["person"], v["level"], v["since"]) for v in volunteers] == [
        ("res1", 1, on),
        ("res2", 1, on),
    ]
    frame = volunteers.to_pandas()
    assert frame["hours"].tolist() == [Decimal("1.50"), Decimal("1.66")]
    assert str(frame["since"].dtype).startswith("datetime64")
    assert local.scoring.grant_preview(on) == []
    refused(local, ConflictError, "grant_backdated",
            lambda: local.scoring.grant_stars(date(2026, 3, 30), at=t(31)))


def test_daily_cap_from_the_config() -> None:
    ward = build_community(Ward({"scoring": {"hours": {"daily_cap_minutes": 120}}}))
    serve(ward, "s1", 90)
    serve(ward, "s2", 90)
    counted = [r["counted_minutes"] for r in ward.scoring.service_records()]
    assert counted == [90, 30]


# Obligations and handlers -------------------------------------------------------------


def test_obligations_of_sent_down_party_members(ward: Ward) -> None:
    ward.grid.add_person("pm", "下沉党员", at=AT)
    ward.grid.grant_role("pm", "sent_down_party_member", COMMUNITY, at=AT)
    ward.scoring.record_service("s1", "pm", COMMUNITY, "patrol", t(5), 150, actor="pm", at=t(5, 12))
    ward.scoring.certify_service("s1", actor="chief", at=t(5, 13))
    # Two 1-hour visits in April: 2 hours in all, but at least 2 hours each time is owed.
    for id, day in (("s2", 6), ("s3", 7)):
        april = datetime(2026, 4, day, 9, tzinfo=CST)
        ward.scoring.record_service(id, "pm", COMMUNITY, "patrol", april, 60, actor="pm", at=april)
        ward.scoring.certify_service(id, actor="chief", at=april)
    rows = ward.scoring.obligations(COMMUNITY, "2026-03", "2026-04")
    seen = [(r["person"], r["unit"], r["month"], r["services"], r["hours"], r["qualifying_visits"],
             r["short_visits"], r["met"]) for r in rows]
    assert seen == [
        ("pm", COMMUNITY, "2026-03", 1, Decimal("2.50"), 1, 0, True),
        ("pm", COMMUNITY, "2026-04", 2, Decimal("2.00"), 0, 2, False),
    ]
    assert rows.to_pandas()["met"].tolist() == [True, False]
    refused(ward, InvalidInputError, "bad_months",
            lambda: ward.scoring.obligations(COMMUNITY, "2026-04", "2026-03"))
    with pytest.raises(NotFoundError) as e:
        ward.scoring.obligations("510105001009", "2026-03", "2026-03")
    assert e.value.code == "unknown_unit"


def test_handler_scores_over_a_period() -> None:
    world = build_world(Ward())
    start = datetime(2026, 3, 1, tzinfo=CST)
    end = datetime(2026, 4, 1, tzinfo=CST)
    file(world, "r1", "q1", "exposed_rubbish", HOME1)
    world.tasks.start("q1", actor="w1", at=t(2, 10))
    world.tasks.handle("q1", "已清运", actor="w1", at=t(2, 11))
    world.tasks.verify("q1", True, actor="gl", at=t(2, 12))
    world.tasks.rate("q1", "very_satisfied", actor="r1", at=t(2, 13))
    rows = world.scoring.handler_scores(GRID, start, end)
    assert len(rows) == 1
    row = rows[0]
    assert (row["person"], row["rank"], row["handled"], row["closed"]) == ("w1", 1, 1, 1)
    assert row["score"] == Decimal("100.00") and row["satisfaction_rate"] == Decimal("100.00")
    assert row["held_overdue"] == 0
    assert world.scoring.handler_scores(GRID, start=start, end=start) == []
    assert rows.to_pandas()["rank"].dtype.kind == "i"
    # q2 goes to w2, who lets it run past its limit (3 March 09:00) without handling it.
    file(world, "r2", "q2", "exposed_rubbish", HOME2)
    rows = world.scoring.handler_scores(GRID, start, end)
    assert [(r["person"], r["rank"], r["score"], r["handled"], r["held_overdue"], r["due"]) for r in rows] == [
        ("w1", 1, Decimal("100.00"), 1, 0, 1),
        ("w2", 2, Decimal("0.00"), 0, 1, 1),
    ]
    with pytest.raises(InvalidInputError) as e:
        world.scoring.handler_scores(GRID, end, start)
    assert (e.value.code, e.value.field) == ("invalid_value", "end")


def test_execute_decide_and_replay_take_scoring_commands(ward: Ward) -> None:
    command = {"scoring": {"type": "record_service", "id": "s1", "person": "res1", "unit": MICRO_1,
                           "activity": "mediation", "started_at": "2026-03-02T09:00:00+08:00",
                           "minutes": 30}}
    events = ward.decide(command, actor="res1")
    assert events[0]["scoring"]["type"] == "service_recorded"
    ward.execute(command, actor="res1", at=t(2, 10))
    ward.scoring.certify_service("s1", actor="w1", at=datetime(2026, 3, 2, 3, tzinfo=timezone.utc))
    again = Ward.from_journal(ward.export_journal())
    assert again.state_digest() == ward.state_digest()
    assert again.scoring.service_records() == ward.scoring.service_records()

"""Scoring through the Python face: service records, certification and refusal, hours
by the rules, star levels (RULES' vectors) and grants, the monthly obligation of
sent-down party members, handlers' scores, satisfaction rates — each refusal with its
exception class and code, leaving the journal as it was."""

from __future__ import annotations

from datetime import date, datetime, timezone
from decimal import Decimal
from typing import Any, Callable

import pytest
from conftest import AT, COMMUNITY, CST, GRID, MICRO_1, build_community
from test_tasks import HOME1, build_world, file

from gridward import (
    ConflictError,
    GridwardError,
    InvalidInputError,
    NotFoundError,
    PermissionDeniedError,
    PointsTable,
    Ward,
    satisfaction_rate,
    star_level,
)

# A local profile with low thresholds, so a few services reach a star.
LOCAL = {"scoring": {"stars": {"name": "local", "thresholds": ["1", "2.5"]}}}


def t(day: int, hour: int = 9) -> datetime:
    """A moment of March 2026 in Chengdu."""
    return datetime(2026, 3, day, hour, tzinfo=CST)


def refused(ward: Ward, cls: type[GridwardError], code: str, call: Callable[[], Any]) -> None:
    """The call raises `cls` with `code`, and the journal does not move."""
    head, size = ward.head, ward.journal_len
    with pytest.raises(cls) as e:
        call()
    assert e.value.code == code, str(e.value)
    assert ward.head == head and ward.journal_len == size


@pytest.fixture
def local() -> Ward:
    return build_community(Ward(LOCAL))


def serve(ward: Ward, id: str, minutes: int, day: int = 2, person: str = "res1") -> None:
    """`person` records a service at micro-grid 1 and the worker certifies it."""
    ward.record_service(id, person, MICRO_1, "elder_care", t(day), minutes, actor=person, at=t(day, 12))
    ward.certify_service(id, actor="w1", at=t(day, 13))


# Records ------------------------------------------------------------------------------


def test_record_certify_and_read_a_service(ward: Ward) -> None:
    receipt = ward.record_service(
        "s1", "res1", MICRO_1, "elder_care", t(2), 90, 30, note="陪老人就医", actor="res1", at=t(2, 12)
    )
    assert receipt["events"] == 1 and receipt["seq"] is not None
    record = ward.service_record("s1")
    assert record is not None
    assert record["status"] == {"status": "pending"}
    assert record["started_at"] == t(2) and record["started_at"].utcoffset() == t(2).utcoffset()
    assert ward.volunteer("res1") is None

    ward.certify_service("s1", actor="w1", at=t(2, 13))
    record = ward.service_record("s1")
    assert record is not None
    # Travel is left out by the national rule: 90 of 120 minutes count.
    assert record["status"] == {"status": "certified", "by": "w1", "counted": 90}
    assert ward.volunteer("res1") == {
        "person": "res1",
        "hours": Decimal("1.50"),
        "minutes": 90,
        "services": 1,
        "level": 0,
        "since": None,
    }
    assert ward.service_record("nope") is None


def test_refusals_leave_no_trace(ward: Ward) -> None:
    ward.record_service("s1", "res1", MICRO_1, "patrol", t(2), 60, actor="res1", at=t(2, 12))
    ward.record_service("own", "w1", MICRO_1, "patrol", t(2), 60, actor="w1", at=t(2, 12))
    refused(ward, PermissionDeniedError, "own_service",
            lambda: ward.certify_service("own", actor="w1"))
    refused(ward, PermissionDeniedError, "permission_denied",
            lambda: ward.certify_service("s1", actor="res2"))
    refused(ward, NotFoundError, "unknown_service_record",
            lambda: ward.certify_service("s9", actor="w1"))
    refused(ward, ConflictError, "service_record_exists",
            lambda: ward.record_service("s1", "res1", MICRO_1, "patrol", t(2), 60, actor="res1"))
    refused(ward, InvalidInputError, "bad_minutes",
            lambda: ward.record_service("s2", "res1", MICRO_1, "patrol", t(2), 0, actor="res1"))
    refused(ward, InvalidInputError, "bad_text",
            lambda: ward.reject_service("s1", "", actor="w1"))
    ward.reject_service("s1", "没有签到记录", actor="w1", at=t(2, 13))
    refused(ward, ConflictError, "service_not_pending",
            lambda: ward.certify_service("s1", actor="w1"))
    refused(ward, PermissionDeniedError, "permission_denied",
            lambda: ward.grant_stars(date(2026, 3, 31), actor="res1"))


def test_inputs_are_checked_in_the_binding(ward: Ward) -> None:
    def record(**changes: Any) -> Callable[[], Any]:
        fields: dict[str, Any] = {
            "id": "s1", "person": "res1", "unit": MICRO_1, "activity": "charity",
            "started_at": t(2), "minutes": 60,
        }
        fields.update(changes)
        return lambda: ward.record_service(**fields, actor="res1")

    cases = [
        ("invalid_integer", record(minutes=60.0)),
        ("invalid_integer", record(minutes=-5)),
        ("invalid_integer", record(minutes=True)),
        ("invalid_integer", record(minutes=Decimal(60))),
        ("invalid_integer", record(travel_minutes=2**40)),
        ("invalid_activity", record(activity="dancing")),
        ("naive_datetime", record(started_at=datetime(2026, 3, 2, 9))),
        ("invalid_datetime", record(started_at="2026-03-02 09:00")),
        ("invalid_code", record(unit="51010x")),
        ("invalid_date", lambda: ward.grant_stars(t(2), actor=None)),
        ("invalid_date", lambda: ward.grant_stars("31/03/2026")),
        ("invalid_profile", lambda: ward.grant_preview(date(2026, 3, 2), {"thresholds": [1]})),
        ("bad_star_profile", lambda: ward.grant_preview(date(2026, 3, 2), {"name": "x", "thresholds": [2, 1]})),
    ]
    for code, call in cases:
        refused(ward, InvalidInputError, code, call)
    # RFC 3339 text with a zone is a start time too.
    ward.record_service("s1", "res1", MICRO_1, "charity", "2026-03-02T09:00:00+08:00", 60, actor="res1")
    record_ = ward.service_record("s1")
    assert record_ is not None and record_["started_at"] == t(2)


def test_service_records_as_a_table(ward: Ward) -> None:
    serve(ward, "s1", 45)
    ward.record_service("s2", "res2", MICRO_1, "cleanup", t(3), 30, request=None, actor="res2", at=t(3, 12))
    ward.record_service("s3", "res2", MICRO_1, "other", t(3), 30, actor="res2", at=t(3, 12))
    ward.reject_service("s3", "重复登记", actor="w1", at=t(3, 13))
    rows = ward.service_records()
    assert isinstance(rows, PointsTable)
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
    assert star_level(Decimal("60"), [30, 60, 100, 200, 300]) == 2
    with pytest.raises(InvalidInputError) as e:
        star_level(99.99)
    assert e.value.code == "float_not_allowed"
    with pytest.raises(InvalidInputError) as e:
        star_level(10, [5, 5])
    assert e.value.code == "bad_star_profile"


def test_satisfaction_rate_vectors() -> None:
    # 70 very satisfied, 20 satisfied, 10 dissatisfied → 90%.
    assert satisfaction_rate([70, 20, 0, 10, 0]) == Decimal("90.00")
    assert satisfaction_rate((0, 0, 1, 0, 3)) == Decimal("25.00")
    assert satisfaction_rate([0] * 5) is None
    for bad, code in (([1, 2, 3], "invalid_counts"), ([1] * 6, "invalid_counts"),
                      ([1.0, 0, 0, 0, 0], "invalid_integer"), ([-1, 0, 0, 0, 0], "invalid_integer")):
        with pytest.raises(InvalidInputError) as e:
            satisfaction_rate(bad)
        assert e.value.code == code


def test_grant_preview_and_grant(local: Ward) -> None:
    serve(local, "s1", 90, day=2)
    serve(local, "s2", 100, day=3, person="res2")
    on = date(2026, 3, 31)
    preview = local.grant_preview(on)
    assert isinstance(preview, PointsTable)
    assert preview == [{"person": "res1", "from": 0, "to": 1}, {"person": "res2", "from": 0, "to": 1}]
    # Another profile, given as a dict with int thresholds, changes nothing recorded.
    assert local.grant_preview("2026-03-31", {"name": "x", "thresholds": [1, Decimal("1.5")]}) == [
        {"person": "res1", "from": 0, "to": 2},
        {"person": "res2", "from": 0, "to": 2},
    ]
    head = local.head
    assert local.head == head
    local.grant_stars(on, at=t(31))
    volunteers = local.volunteers()
    assert [(v["person"], v["level"], v["since"]) for v in volunteers] == [
        ("res1", 1, on),
        ("res2", 1, on),
    ]
    frame = volunteers.to_pandas()
    assert frame["hours"].tolist() == [Decimal("1.50"), Decimal("1.66")]
    assert str(frame["since"].dtype).startswith("datetime64")
    assert local.grant_preview(on) == []
    refused(local, ConflictError, "grant_backdated",
            lambda: local.grant_stars(date(2026, 3, 30), at=t(31)))


def test_daily_cap_from_the_config() -> None:
    ward = build_community(Ward({"scoring": {"hours": {"daily_cap_minutes": 120}}}))
    serve(ward, "s1", 90)
    serve(ward, "s2", 90)
    counted = [r["counted_minutes"] for r in ward.service_records()]
    assert counted == [90, 30]


# Obligations and handlers -------------------------------------------------------------


def test_obligations_of_sent_down_party_members(ward: Ward) -> None:
    ward.add_person("pm", "下沉党员", at=AT)
    ward.grant_role("pm", "sent_down_party_member", COMMUNITY, at=AT)
    ward.record_service("s1", "pm", COMMUNITY, "patrol", t(5), 150, actor="pm", at=t(5, 12))
    ward.certify_service("s1", actor="chief", at=t(5, 13))
    rows = ward.obligations(COMMUNITY, "2026-03", "2026-04")
    assert [(r["person"], r["unit"], r["month"], r["services"], r["hours"], r["met"]) for r in rows] == [
        ("pm", COMMUNITY, "2026-03", 1, Decimal("2.50"), True),
        ("pm", COMMUNITY, "2026-04", 0, Decimal("0.00"), False),
    ]
    assert rows.to_pandas()["met"].tolist() == [True, False]
    refused(ward, InvalidInputError, "bad_months",
            lambda: ward.obligations(COMMUNITY, "2026-04", "2026-03"))
    with pytest.raises(NotFoundError) as e:
        ward.obligations("510105001009", "2026-03", "2026-03")
    assert e.value.code == "unknown_unit"


def test_handler_scores_over_a_period() -> None:
    world = build_world(Ward())
    start = datetime(2026, 3, 1, tzinfo=CST)
    end = datetime(2026, 4, 1, tzinfo=CST)
    file(world, "r1", "q1", "exposed_rubbish", HOME1)
    world.start("q1", actor="w1", at=t(2, 10))
    world.handle("q1", "已清运", actor="w1", at=t(2, 11))
    world.verify("q1", True, actor="gl", at=t(2, 12))
    world.rate("q1", "very_satisfied", actor="r1", at=t(2, 13))
    rows = world.handler_scores(GRID, start, end)
    assert len(rows) == 1
    row = rows[0]
    assert (row["person"], row["rank"], row["handled"], row["closed"]) == ("w1", 1, 1, 1)
    assert row["score"] == Decimal("100.00") and row["satisfaction_rate"] == Decimal("100.00")
    assert world.handler_scores(GRID, start=start, end=start) == []
    assert rows.to_pandas()["rank"].dtype == "Int64"
    with pytest.raises(InvalidInputError) as e:
        world.handler_scores(GRID, end, start)
    assert e.value.code == "invalid_period"


def test_execute_decide_and_replay_take_scoring_commands(ward: Ward) -> None:
    command = {"scoring": {"type": "record_service", "id": "s1", "person": "res1", "unit": MICRO_1,
                           "activity": "mediation", "started_at": "2026-03-02T09:00:00+08:00",
                           "minutes": 30}}
    events = ward.decide(command, actor="res1")
    assert events[0]["scoring"]["type"] == "service_recorded"
    ward.execute(command, actor="res1", at=t(2, 10))
    ward.certify_service("s1", actor="w1", at=datetime(2026, 3, 2, 3, tzinfo=timezone.utc))
    again = Ward.from_journal(ward.export_journal())
    assert again.state_digest() == ward.state_digest()
    assert again.service_records() == ward.service_records()

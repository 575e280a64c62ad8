"""Points through the Python face: the passbook's dated lots, earning by the rules and
by award, the catalog, redemption with its key, reversal and expiry, with RULES'
vectors (spending order, insufficient points, stock and per-person limits, reversal
with the original expiry) — each refusal with its exception class and code, leaving
the journal as it was."""

from __future__ import annotations

import pickle
from datetime import date, datetime
from typing import Any, Callable

import pytest
from support import AT, COMMUNITY, CST, MICRO_1, build_community, refused

from gridward import (
    ConflictError,
    InvalidInputError,
    NotFoundError,
    PermissionDeniedError,
    Table,
    Ward,
)


def t(month: int, day: int, hour: int = 10) -> datetime:
    """A moment of 2026 in Chengdu."""
    return datetime(2026, month, day, hour, tzinfo=CST)


def award(ward: Ward, id: str, person: str, points: int, at: datetime) -> None:
    ward.points.award(id, person, COMMUNITY, points, "社区表彰", actor="chief", at=at)


def left(ward: Ward, person: str) -> list[int]:
    book = ward.points.passbook(person)
    assert book is not None
    return [lot["left"] for lot in book["lots"]]


@pytest.fixture
def yearly() -> Ward:
    """Points expire at the end of the year they were earned in."""
    return build_community(Ward({"points": {"expiry": {"rule": "end_of_year"}}}))


# RULES' vectors -----------------------------------------------------------------------


def test_spending_takes_the_older_lot_first_and_refuses_what_is_not_there(ward: Ward) -> None:
    award(ward, "a", "res1", 100, t(1, 5))
    award(ward, "b", "res1", 50, t(2, 5))
    ward.points.add_item("gift", COMMUNITY, "大米", 120, 5, actor="chief", at=t(1, 1))
    ward.points.redeem("r1", "res1", "gift", 1, actor="res1", at=t(3, 1), key="r1")
    assert left(ward, "res1") == [0, 30]
    award(ward, "c", "res1", 100, t(3, 2))
    assert ward.points.available_points("res1", date(2026, 3, 2)) == 130
    ward.points.add_item("big", COMMUNITY, "电饭煲", 131, 5, actor="chief", at=t(3, 2))
    before = ward.points.passbook("res1")
    refused(ward, ConflictError, "insufficient_points",
            lambda: ward.points.redeem("r2", "res1", "big", 1, actor="res1", at=t(3, 3), key="r2"))
    assert ward.points.passbook("res1") == before
    assert ward.points.item("big") is not None and ward.points.item("big")["stock"] == 5  # type: ignore[index]


def test_stock_and_per_person_limits() -> None:
    ward = build_community(Ward())
    people = [f"p{i}" for i in range(11)]
    for p in people:
        ward.grid.add_person(p, "居民", at=AT)
        award(ward, f"w-{p}", p, 10, t(1, 2))
    ward.points.add_item("ticket", COMMUNITY, "公交卡", 1, 10, per_person=1, actor="chief", at=t(1, 2))
    ward.points.redeem("x0", "p0", "ticket", 1, actor="p0", at=t(1, 3), key="x0")
    refused(ward, ConflictError, "limit_reached",
            lambda: ward.points.redeem("x0b", "p0", "ticket", 1, actor="p0", at=t(1, 3), key="x0b"))
    for p in people[1:10]:
        ward.points.redeem(f"x-{p}", p, "ticket", 1, actor=p, at=t(1, 3), key=f"x-{p}")
    item = ward.points.item("ticket")
    assert item is not None and item["stock"] == 0
    refused(ward, ConflictError, "out_of_stock",
            lambda: ward.points.redeem("x10", "p10", "ticket", 1, actor="p10", at=t(1, 3), key="x10"))
    ward.points.restock("ticket", 1, actor="chief", at=t(1, 4))
    ward.points.redeem("x10", "p10", "ticket", 1, actor="p10", at=t(1, 4), key="x10")
    assert ward.points.totals()["redemptions"] == 11


def test_a_reversal_restores_the_lots_with_their_original_expiry(yearly: Ward) -> None:
    award(yearly, "old", "res1", 100, t(12, 20).replace(year=2025))
    award(yearly, "new", "res1", 50, t(1, 10))
    before = yearly.points.passbook("res1")
    assert before is not None
    assert [lot["expires_on"] for lot in before["lots"]] == [date(2025, 12, 31), date(2026, 12, 31)]
    # In 2026 the 2025 lot is past its last day: only the new one can be spent.
    assert yearly.points.available_points("res1", date(2026, 1, 10)) == 50
    yearly.points.add_item("oil", COMMUNITY, "食用油", 40, 3, actor="chief", at=t(1, 10))
    yearly.points.redeem("r1", "res1", "oil", 1, actor="res1", at=t(1, 11), key="r1")
    assert left(yearly, "res1") == [100, 10]
    yearly.points.reverse("r1", "领错了", actor="chief", at=t(1, 12))
    after = yearly.points.passbook("res1")
    assert after == before
    redemption = yearly.points.redemption("r1")
    assert redemption is not None
    assert redemption["reversed"] == {"on": date(2026, 1, 12), "reason": "领错了"}
    assert redemption["taken"] == [{"lot": 1, "points": 40}]
    item = yearly.points.item("oil")
    assert item is not None and item["stock"] == 3
    refused(yearly, ConflictError, "already_reversed",
            lambda: yearly.points.reverse("r1", "again", actor="chief", at=t(1, 13)))
    history = yearly.points.passbook_history("res1")
    assert [(h["movement"], h["points"], h["balance"], h["reference"]) for h in history] == [
        ("earned", 100, 100, "award:old"),
        ("earned", 50, 150, "award:new"),
        ("redeemed", 40, 110, "r1"),
        ("reversed", 40, 150, "r1"),
    ]
    totals = yearly.points.totals()
    assert (totals["redemptions"], totals["reversed"], totals["spent"]) == (0, 1, 0)


# Commands -----------------------------------------------------------------------------


def test_redeem_needs_a_key_and_a_retry_has_one_effect(ward: Ward) -> None:
    award(ward, "a", "res1", 30, t(1, 5))
    ward.points.add_item("soap", COMMUNITY, "肥皂", 10, 5, actor="chief", at=t(1, 5))
    refused(ward, InvalidInputError, "key_required",
            lambda: ward.points.redeem("r1", "res1", "soap", 1, actor="res1", at=t(1, 6)))
    first = ward.points.redeem("r1", "res1", "soap", 2, actor="res1", at=t(1, 6), key="k1")
    again = ward.points.redeem("r1", "res1", "soap", 2, actor="res1", at=t(1, 6), key="k1")
    assert not first["duplicate"] and again["duplicate"]
    assert ward.points.available_points("res1", "2026-01-06") == 10
    refused(ward, PermissionDeniedError, "permission_denied",
            lambda: ward.points.redeem("r2", "res1", "soap", 1, actor="res2", at=t(1, 6), key="k2"))


def test_earning_for_a_certified_service_by_the_rules() -> None:
    config = {"points": {"per_hour": "10", "per_activity": {"elder_care": 5}}}
    ward = build_community(Ward(config))
    ward.scoring.record_service("s1", "res1", MICRO_1, "elder_care", t(3, 2, 9), 90, actor="res1", at=t(3, 2, 12))
    refused(ward, InvalidInputError, "not_earnable",
            lambda: ward.points.earn_for_service("s1", actor="chief", at=t(3, 2, 13)))
    ward.scoring.certify_service("s1", actor="w1", at=t(3, 2, 13))
    ward.points.earn_for_service("s1", actor="chief", at=t(3, 2, 14))
    # 1.5 h × 10 + 5 for elder care; earning twice has one effect.
    assert ward.points.earn_for_service("s1", actor="chief", at=t(3, 2, 15))["events"] == 0
    book = ward.points.passbook("res1")
    assert book is not None
    assert (book["earned"], book["balance"], book["lots"][0]["source"]) == (20, 20, "service")
    refused(ward, NotFoundError, "unknown_service_record",
            lambda: ward.points.earn_for_service("s9", actor="chief"))
    refused(ward, NotFoundError, "unknown_request",
            lambda: ward.points.earn_for_request("q9", actor="chief"))


def test_expiry_runs_and_every_point_is_kept() -> None:
    ward = build_community(Ward({"points": {"expiry": {"rule": "days", "days": 30}}}))
    award(ward, "a", "res1", 60, t(1, 1))
    award(ward, "b", "res1", 40, t(2, 15))
    refused(ward, PermissionDeniedError, "permission_denied",
            lambda: ward.points.expire(date(2026, 3, 1), actor="res1", at=t(3, 1)))
    ward.points.expire(date(2026, 3, 1), actor="chief", at=t(3, 1))
    book = ward.points.passbook("res1")
    assert book is not None
    assert [(lot["left"], lot["expired"]) for lot in book["lots"]] == [(0, 60), (40, 0)]
    assert book["earned"] == book["spent"] + book["expired"] + book["balance"]
    assert ward.points.passbook_history("res1")[-1]["movement"] == "expired"
    assert ward.points.expire("2026-03-01", actor="chief", at=t(3, 1))["events"] == 0


def test_catalog_windows_stars_and_restock(ward: Ward) -> None:
    award(ward, "a", "res1", 100, t(1, 5))
    ward.points.add_item("bus", COMMUNITY, "免费乘车", 1, 100, per_person=None, valid_from=date(2026, 2, 1),
                  valid_until="2026-02-28", min_star=1, actor="chief", at=t(1, 5))
    refused(ward, ConflictError, "not_on_offer",
            lambda: ward.points.redeem("r1", "res1", "bus", 1, actor="res1", at=t(1, 6), key="r1"))
    refused(ward, PermissionDeniedError, "stars_needed",
            lambda: ward.points.redeem("r1", "res1", "bus", 1, actor="res1", at=t(2, 6), key="r1"))
    refused(ward, ConflictError, "item_exists",
            lambda: ward.points.add_item("bus", COMMUNITY, "x", 1, 1, actor="chief"))
    refused(ward, NotFoundError, "unknown_item", lambda: ward.points.restock("nope", 1, actor="chief"))
    ward.points.restock("bus", 5, actor="chief", at=t(1, 6))
    items = ward.points.items()
    assert isinstance(items, Table)
    assert items == [{
        "id": "bus", "unit": COMMUNITY, "name": "免费乘车", "cost": 1, "stock": 105,
        "per_person": None, "valid_from": date(2026, 2, 1), "valid_until": date(2026, 2, 28),
        "min_star": 1,
    }]
    frame = items.to_pandas()
    # No limit per person anywhere: the column is all missing; the star needed a whole number.
    assert frame["per_person"].isna().all() and frame["min_star"].tolist() == [1]
    assert str(frame["valid_from"].dtype).startswith("datetime64")


def test_inputs_are_checked_in_the_binding(ward: Ward) -> None:
    cases: list[tuple[str, str | None, Callable[[], Any]]] = [
        ("wrong_type", "points", lambda: ward.points.award("a", "res1", COMMUNITY, 1.5, "x", actor="chief")),
        ("out_of_range", "points", lambda: ward.points.award("a", "res1", COMMUNITY, -3, "x", actor="chief")),
        ("wrong_type", "points", lambda: ward.points.award("a", "res1", COMMUNITY, "10", "x", actor="chief")),
        ("wrong_type", "points", lambda: ward.points.award("a", "res1", COMMUNITY, True, "x", actor="chief")),
        ("out_of_range", "stock", lambda: ward.points.add_item("i", COMMUNITY, "x", 1, 2**33, actor="chief")),
        ("out_of_range", "min_star",
         lambda: ward.points.add_item("i", COMMUNITY, "x", 1, 1, min_star=300, actor="chief")),
        ("wrong_type", "quantity", lambda: ward.points.redeem("r", "res1", "i", 0.5, actor="res1", key="k")),
        ("bad_format", "on", lambda: ward.points.expire(t(3, 1), actor="chief")),
        ("bad_format", "valid_from",
         lambda: ward.points.add_item("i", COMMUNITY, "x", 1, 1, valid_from="soon", actor="chief")),
        ("bad_format", "unit", lambda: ward.points.award("a", "res1", "x", 1, "x", actor="chief")),
        # A whole number, but the core wants at least one point.
        ("bad_number", None, lambda: ward.points.award("a", "res1", COMMUNITY, 0, "x", actor="chief")),
    ]
    for code, field, call in cases:
        assert refused(ward, InvalidInputError, code, call).field == field, code
    with pytest.raises(NotFoundError) as e:
        ward.points.available_points("nobody", date(2026, 1, 1))
    assert e.value.code == "unknown_person"
    assert ward.points.available_points("res2", date(2026, 1, 1)) == 0
    assert ward.points.passbook("res2") is None and ward.points.passbook_history("res2") == []


def test_tables_and_replay(yearly: Ward) -> None:
    award(yearly, "a", "res1", 100, t(1, 5))
    yearly.points.add_item("oil", COMMUNITY, "食用油", 40, 3, actor="chief", at=t(1, 5))
    yearly.points.redeem("r1", "res1", "oil", 2, actor="res1", at=t(1, 6), key="r1")
    rows = yearly.points.redemptions()
    assert rows == [{
        "id": "r1", "person": "res1", "item": "oil", "quantity": 2, "points": 80,
        "on": date(2026, 1, 6), "taken": [{"lot": 0, "points": 80}],
        "reversed_on": None, "reversal_reason": None,
    }]
    frame = rows.to_pandas()
    assert frame["points"].sum() == 80 and str(frame["on"].dtype).startswith("datetime64")
    history = yearly.points.passbook_history("res1").to_pandas()
    assert history["balance"].tolist() == [100, 20]
    assert yearly.points.totals() == {
        "people": 1, "earned": 100, "spent": 80, "expired": 0, "balance": 20,
        "redemptions": 1, "reversed": 0,
    }
    again = Ward.from_journal(yearly.export_journal(), yearly.config())
    assert again.state_digest() == yearly.state_digest()
    copy = pickle.loads(pickle.dumps(yearly))
    assert copy.points.passbook("res1") == yearly.points.passbook("res1")
    events = yearly.decide({"points": {"type": "restock", "item": "oil", "quantity": 1}}, actor="chief")
    assert events == [{"points": {"type": "restocked", "item": "oil", "quantity": 1}}]
    assert isinstance(yearly.scoring.volunteers(), Table)

"""Grid building, every mutation and every query through `ward.grid`."""

from __future__ import annotations

from datetime import datetime, timedelta
from decimal import Decimal
from typing import Any

import pytest
from support import AT, COMMUNITY, DISTRICT, GRID, MICRO_1, MICRO_2, STREET, build_community

from gridward import NotFoundError, Table, Ward, coverage_findings

MERGED = [
    "politics_and_law",
    "market_supervision",
    "emergency_management",
    "civil_affairs",
    "fire_safety",
]


def _values(tree: Any, key: str) -> list[Any]:
    """Every value under `key` anywhere in nested dicts and lists."""
    if isinstance(tree, dict):
        found = [tree[key]] if key in tree else []
        return found + [v for x in tree.values() for v in _values(x, key)]
    if isinstance(tree, list):
        return [v for x in tree for v in _values(x, key)]
    return []


def test_receipts_count_entries_and_carry_the_head(ward: Ward) -> None:
    n = ward.journal_length
    r = ward.grid.add_unit("510105001001002", "二号院落网格", at=AT)
    assert r == {"seq": n + 1, "events": 1, "head": ward.head, "duplicate": False}
    assert len(r["head"]) == 64


def test_add_unit_takes_default_or_given_domains(ward: Ward) -> None:
    assert ward.grid.unit(DISTRICT) == {
        "code": DISTRICT,
        "name": "青羊区",
        "level": "district",
        "parent": None,
        "domains": MERGED,
        "direct_households": 0,
    }
    ward.grid.add_unit("510105001001002", "消防网格", domains=["fire_safety", "health"], at=AT)
    unit = ward.grid.unit("510105001001002")
    assert unit is not None
    assert unit["domains"] == ["fire_safety", "health"]
    assert unit["level"] == "grid" and unit["parent"] == COMMUNITY


def test_rename_and_set_domains(ward: Ward) -> None:
    ward.grid.rename_unit(GRID, "一号院", at=AT)
    ward.grid.set_domains(GRID, ["housing"], at=AT)
    unit = ward.grid.unit(GRID)
    assert unit is not None
    assert (unit["name"], unit["domains"]) == ("一号院", ["housing"])


def test_retire_unit_moves_its_households(ward: Ward) -> None:
    ward.grid.retire_unit(MICRO_2, transfer_households_to=MICRO_1, at=AT)
    assert ward.grid.unit(MICRO_2) is None
    assert [h["id"] for h in ward.grid.households_under(MICRO_1)] == [
        "1-101",
        "1-102",
        "2-101",
        "2-102",
    ]
    with pytest.raises(NotFoundError):
        ward.grid.children(MICRO_2)


def test_households_keep_exact_decimal_areas(ward: Ward) -> None:
    rows = ward.grid.households_under(GRID)
    assert [(h["id"], h["unit"], h["area"]) for h in rows] == [
        ("1-101", MICRO_1, Decimal("72.50")),
        ("1-102", MICRO_1, Decimal("89")),
        ("2-101", MICRO_2, Decimal("64.3")),
        ("2-102", MICRO_2, Decimal("101")),
    ]
    assert all(isinstance(h["area"], Decimal) for h in rows)


def test_move_household(ward: Ward) -> None:
    ward.grid.move_household("2-102", MICRO_1, at=AT)
    h = ward.grid.household("2-102")
    assert h is not None and h["unit"] == MICRO_1


def test_people_residents_and_roles(ward: Ward) -> None:
    assert ward.grid.household("1-101") == {
        "id": "1-101",
        "unit": MICRO_1,
        "area": Decimal("72.50"),
        "residents": ["res1"],
    }
    assert ward.grid.household("nope") is None
    assert ward.grid.person("chief") == {
        "id": "chief",
        "name": "李书记",
        "phone": "13800000001",
        "party_member": True,
        "home": None,
        "roles": [{"role": "chief_grid_leader", "unit": COMMUNITY}],
    }
    res1 = ward.grid.person("res1")
    assert res1 is not None and res1["home"] == "1-101" and res1["roles"] == []
    assert ward.grid.person("nobody") is None


def test_register_moves_a_resident_home(ward: Ward) -> None:
    ward.grid.register_resident("res1", "2-102", at=AT)
    res1 = ward.grid.person("res1")
    assert res1 is not None and res1["home"] == "2-102"
    h = ward.grid.household("1-101")
    assert h is not None and h["residents"] == []


def test_grant_and_revoke_roles(ward: Ward) -> None:
    ward.grid.grant_role("res2", "reporting_party_member", MICRO_2, at=AT)
    holder = {"person": "res2", "role": "reporting_party_member", "unit": MICRO_2, "household": None}
    assert holder in ward.grid.people_under(MICRO_2)
    ward.grid.revoke_role("res2", "reporting_party_member", MICRO_2, at=AT)
    assert all(p["role"] is None for p in ward.grid.people_under(MICRO_2))


def test_people_under_lists_role_holders_then_residents(ward: Ward) -> None:
    rows = ward.grid.people_under(COMMUNITY)
    assert rows == [
        {"person": "chief", "role": "chief_grid_leader", "unit": COMMUNITY, "household": None},
        {"person": "gl", "role": "grid_leader", "unit": GRID, "household": None},
        {"person": "w1", "role": "micro_grid_worker", "unit": MICRO_1, "household": None},
        {"person": "res1", "role": None, "unit": MICRO_1, "household": "1-101"},
        {"person": "res2", "role": None, "unit": MICRO_2, "household": "2-101"},
    ]


def test_departments_paired_units_and_the_chain(ward: Ward) -> None:
    ward.grid.add_department("fire", "消防救援站", STREET, ["fire_safety"], at=AT)
    ward.grid.add_department("market", "市场监管所", STREET, ["market_supervision"], at=AT)
    ward.grid.add_paired_unit("bank", "某银行支行", COMMUNITY, at=AT)
    counts = ward.grid.counts()
    assert (counts["departments"], counts["paired_units"]) == (2, 1)
    chain = ward.grid.chain("1-102", "fire_safety")
    assert chain["household"] == "1-102" and chain["domain"] == "fire_safety"
    assert [(link["code"], link["level"]) for link in chain["links"]] == [
        (MICRO_1, "micro_grid"),
        (GRID, "grid"),
        (COMMUNITY, "community"),
        (STREET, "street"),
    ]
    assert chain["links"][0]["responders"] == [
        {"person": "w1", "name": "王微网格员", "role": "micro_grid_worker"}
    ]
    assert chain["departments"] == [{"id": "fire", "name": "消防救援站"}]


def test_tree_queries(ward: Ward) -> None:
    roots = ward.grid.roots()
    assert isinstance(roots, Table) and [u["code"] for u in roots] == [DISTRICT]
    kids = ward.grid.children(GRID)
    assert isinstance(kids, Table) and [u["code"] for u in kids] == [MICRO_1, MICRO_2]
    tree = ward.grid.subtree(STREET)
    assert isinstance(tree, Table)
    assert [(r["code"], r["depth"], r["households"]) for r in tree] == [
        (STREET, 0, 4),
        (COMMUNITY, 1, 4),
        (GRID, 2, 4),
        (MICRO_1, 3, 2),
        (MICRO_2, 3, 2),
    ]
    assert tree[3] == {
        "code": MICRO_1,
        "parent": GRID,
        "level": "micro_grid",
        "name": "1栋微网格",
        "depth": 3,
        "direct_households": 2,
        "households": 2,
    }


def test_counts_of_the_whole_and_a_subtree(ward: Ward) -> None:
    assert ward.grid.counts() == {
        "districts": 1,
        "streets": 1,
        "communities": 1,
        "grids": 1,
        "micro_grids": 2,
        "households": 4,
        "people": 5,
        "departments": 0,
        "paired_units": 0,
        "directives": 0,
    }
    assert ward.grid.counts(scope=MICRO_2)["households"] == 2


def test_import_rows_all_or_none(ward: Ward) -> None:
    rows: Any = [
        {"kind": "unit", "code": "510105001001002", "parent": COMMUNITY, "name": "二号院落网格"},
        {"kind": "unit", "code": "510105001001002001", "name": "3栋微网格"},
        {"kind": "household", "id": "3-101", "unit": "510105001001002001", "area": Decimal("55.5")},
        {"kind": "household", "id": "3-102", "unit": "510105001001002001", "area": 60},
        {"kind": "person", "id": "res3", "name": "孙居民", "household": "3-101", "party_member": True},
        {"kind": "role", "person": "res3", "role": "volunteer", "unit": "510105001001002001"},
        {"kind": "department", "id": "civil", "name": "民政办", "street": STREET, "domains": ["civil_affairs"]},
        {"kind": "paired_unit", "id": "school", "name": "某中学", "community": COMMUNITY},
    ]
    r = ward.grid.import_rows(rows, at=AT)
    assert r["events"] >= len(rows) and r["seq"] == ward.journal_length
    h = ward.grid.household("3-102")
    assert h is not None and h["area"] == Decimal(60)
    res3 = ward.grid.person("res3")
    assert res3 is not None and res3["home"] == "3-101"
    before = ward.head
    with pytest.raises(NotFoundError) as e:
        ward.grid.import_rows(
            [
                {"kind": "unit", "code": "510105001001003", "name": "三号院落网格"},
                {"kind": "household", "id": "x", "unit": "510105001001009001", "area": "1"},
            ],
            at=AT,
        )
    assert e.value.code == "unknown_unit"
    assert ward.head == before and ward.grid.unit("510105001001003") is None


def test_directives_progress_and_acknowledgements(ward: Ward) -> None:
    due = AT + timedelta(hours=8)
    ward.grid.issue_directive("d1", COMMUNITY, "燃气安全入户排查", due=due, actor="chief", at=AT)
    ward.grid.acknowledge("d1", ["1-101", "1-102"], actor="w1", at=AT + timedelta(minutes=5))
    ward.grid.acknowledge("d1", ["2-101"], actor="res2", at=AT + timedelta(hours=9))
    # Already acknowledged households are passed over.
    r = ward.grid.acknowledge("d1", ["1-101"], actor="w1", at=AT + timedelta(hours=1))
    assert r["events"] == 0 and r["seq"] is None
    p = ward.grid.directive_progress("d1")
    assert isinstance(p["issued_at"], datetime) and p["issued_at"] == AT
    assert p["due"] == due and p["due"].utcoffset() == timedelta(hours=8)
    assert (p["targets"], p["acknowledged"], p["late"]) == (4, 3, 1)
    assert p["completion_rate"] == 0.75
    assert (p["first_after_secs"], p["last_after_secs"]) == (300, 9 * 3600)
    by = ward.grid.directive_progress_by("d1", "micro_grid")
    assert isinstance(by, Table)
    assert by == [
        {"code": MICRO_1, "name": "1栋微网格", "targets": 2, "acknowledged": 2, "completion_rate": 1.0},
        {"code": MICRO_2, "name": "2栋微网格", "targets": 2, "acknowledged": 1, "completion_rate": 0.5},
    ]
    assert ward.grid.directives() == [
        {
            "id": "d1",
            "unit": COMMUNITY,
            "title": "燃气安全入户排查",
            "issued_at": AT,
            "due": due,
            "targets": 4,
            "acknowledged": 3,
        }
    ]


def test_coverage_report_and_findings(ward: Ward) -> None:
    report = ward.grid.coverage()
    assert report["households"] == 4 and report["micro_grids"] == 2
    assert report["out_of_band"] == [
        {"code": MICRO_1, "households": 2},
        {"code": MICRO_2, "households": 2},
    ]
    assert report["without_party_member"] == [MICRO_2]
    assert report["without_leader"] == [
        {"code": MICRO_2, "level": "micro_grid", "role": "micro_grid_worker"}
    ]
    assert report["is_clean"] is False and report["micro_grid_compliance"] == 0.0
    relaxed = ward.grid.coverage(rules={"band": (1, 10), "leaders": False})
    assert relaxed["without_party_member"] == [MICRO_2]
    relaxed = ward.grid.coverage(
        rules={"band": (1, 10), "leaders": False, "party_member_per_micro_grid": False}
    )
    # No party bodies were set up: the party organisation's rule finds every unit.
    assert relaxed["is_clean"] is False and len(relaxed["without_party_body"]) == 4
    relaxed = ward.grid.coverage(
        rules={"band": (1, 10), "leaders": False, "party_member_per_micro_grid": False, "party_bodies": False}
    )
    assert relaxed["is_clean"] is True and relaxed["micro_grid_compliance"] == 1.0
    scoped = ward.grid.coverage(scope=MICRO_1)
    assert scoped["scope"] == MICRO_1 and scoped["micro_grids"] == 1
    findings = coverage_findings(report)
    assert isinstance(findings, Table)
    assert [f["finding"] for f in findings] == [
        "out_of_band",
        "out_of_band",
        "without_party_member",
        "without_leader",
    ] + ["without_party_body"] * 4
    assert findings[4]["code"] == COMMUNITY and findings[4]["level"] == "community"
    assert findings[3] == {
        "finding": "without_leader",
        "code": MICRO_2,
        "households": None,
        "level": "micro_grid",
        "role": "micro_grid_worker",
        "household": None,
    }
    assert coverage_findings(relaxed) == []


def test_configured_band_applies() -> None:
    small = Ward({"grid": {"coverage": {"band": (1, 5)}}})
    assert small.config()["grid"]["coverage"]["band"] == (1, 5)
    build_community(small)
    assert small.grid.coverage()["out_of_band"] == []


def test_generic_execute_and_decide(ward: Ward) -> None:
    command: Any = {"grid": {"type": "rename_unit", "code": GRID, "name": "一号院"}}
    head = ward.head
    events = ward.decide(command, actor="chief", at=AT)
    assert events == [{"grid": {"type": "unit_renamed", "code": GRID, "name": "一号院"}}]
    assert ward.head == head
    ward.execute(command, actor="chief", at=AT)
    unit = ward.grid.unit(GRID)
    assert unit is not None and unit["name"] == "一号院"
    events = ward.decide(
        {"grid": {"type": "add_household", "id": "9", "unit": MICRO_1, "area": 50}}, at=AT
    )
    assert Decimal(50) in _values(events, "area")
    assert all(isinstance(a, Decimal) for a in _values(events, "area"))
    events = ward.decide(
        {"grid": {"type": "issue_directive", "id": "d9", "unit": GRID, "title": "t"}}, at=AT
    )
    assert events[0]["grid"]["issued_at"] == AT  # type: ignore[typeddict-item]


def test_omitted_time_is_now_in_utc() -> None:
    ward = Ward()
    ward.grid.add_unit(DISTRICT, "青羊区")
    ward.grid.add_unit(STREET, "街道")
    ward.grid.add_unit(COMMUNITY, "社区")
    ward.grid.add_household("h", COMMUNITY, 1)
    ward.grid.issue_directive("d", COMMUNITY, "now")
    issued = ward.grid.directive_progress("d")["issued_at"]
    assert issued.utcoffset() == timedelta(0)
    assert abs((datetime.now(issued.tzinfo) - issued).total_seconds()) < 60


def test_repr_mentions_the_journal(ward: Ward) -> None:
    assert repr(ward) == f"<gridward.Ward: {ward.journal_length} entries, head {ward.head[:12]}>"

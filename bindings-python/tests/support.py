"""What the tests share: the places and times, the small worlds they build through the
typed capability methods (a community, a community with requests, a compound with its
fund), and the check that a refused call leaves the ward as it was."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone
from decimal import Decimal
from typing import Any, Callable

import pytest

from gridward import GridwardError, Ward

CST = timezone(timedelta(hours=8))
AT = datetime(2026, 3, 2, 9, 0, tzinfo=CST)

DISTRICT = "510105"
STREET = "510105001"
COMMUNITY = "510105001001"
GRID = "510105001001001"
MICRO_1 = "510105001001001001"
MICRO_2 = "510105001001001002"


def refused(ward: Ward, cls: type[GridwardError], code: str, call: Callable[[], Any]) -> GridwardError:
    """The call raises `cls` with `code`, and the ward does not move: same journal head
    and length, same state digest (so same passbooks, ledgers, …)."""
    head, size, digest = ward.head, ward.journal_length, ward.state_digest()
    with pytest.raises(cls) as e:
        call()
    assert e.value.code == code, str(e.value)
    assert (ward.head, ward.journal_length, ward.state_digest()) == (head, size, digest)
    return e.value


# A community ----------------------------------------------------------------------------


def build_community(ward: Ward) -> Ward:
    """District → street → community → grid → two micro-grids, four households, a
    chief grid leader, a grid leader, a worker and two residents."""
    grid = ward.grid
    for code, name in [
        (DISTRICT, "青羊区"),
        (STREET, "草市街街道"),
        (COMMUNITY, "吉福社区"),
        (GRID, "一号院落网格"),
        (MICRO_1, "1栋微网格"),
        (MICRO_2, "2栋微网格"),
    ]:
        grid.add_unit(code, name, at=AT)
    grid.add_household("1-101", MICRO_1, Decimal("72.50"), at=AT)
    grid.add_household("1-102", MICRO_1, 89, at=AT)
    grid.add_household("2-101", MICRO_2, "64.3", at=AT)
    grid.add_household("2-102", MICRO_2, Decimal("101"), at=AT)
    grid.add_person("chief", "李书记", phone="13800000001", party_member=True, at=AT)
    grid.add_person("gl", "张网格长", at=AT)
    grid.add_person("w1", "王微网格员", phone="13800000003", at=AT)
    grid.add_person("res1", "赵居民", party_member=True, at=AT)
    grid.add_person("res2", "钱居民", at=AT)
    grid.grant_role("chief", "chief_grid_leader", COMMUNITY, at=AT)
    grid.grant_role("gl", "grid_leader", GRID, at=AT)
    grid.grant_role("w1", "micro_grid_worker", MICRO_1, at=AT)
    grid.register_resident("res1", "1-101", at=AT)
    grid.register_resident("res2", "2-101", at=AT)
    return ward


# A community with requests --------------------------------------------------------------

MONDAY = datetime(2026, 3, 2, 9, 0, tzinfo=CST)
HOME1: Any = {"household": f"{MICRO_1}-0"}
HOME2: Any = {"household": f"{MICRO_2}-0"}
MARCH: Any = {"start": datetime(2026, 3, 1, tzinfo=CST), "end": datetime(2026, 4, 1, tzinfo=CST)}


def march(day: int, hour: int, minute: int = 0) -> datetime:
    """A moment of March 2026 in Chengdu."""
    return datetime(2026, 3, day, hour, minute, tzinfo=CST)


def build_world(ward: Ward) -> Ward:
    """The community of the core's request tests: staff chief, gl, w1, w2; claimers pm1
    (party member at micro-grid 1) and vol (volunteer of the community); residents r1
    and r2; street administrator sa; departments cg (城管, officer o1) and sj (市场监管,
    officer o2)."""
    at = datetime(2026, 3, 2, 8, 0, tzinfo=CST)
    grid = ward.grid
    for code in (DISTRICT, STREET, COMMUNITY, GRID, MICRO_1, MICRO_2):
        grid.add_unit(code, code, at=at)
    community = grid.unit(COMMUNITY)
    assert community is not None
    domains: Any = [*community["domains"], "urban_management", "housing"]
    for code in (COMMUNITY, GRID, MICRO_1, MICRO_2):
        grid.set_domains(code, domains, at=at)
    for micro in (MICRO_1, MICRO_2):
        for i in range(3):
            grid.add_household(f"{micro}-{i}", micro, 60, at=at)
    staff: list[tuple[str, Any, str]] = [
        ("chief", "chief_grid_leader", COMMUNITY),
        ("gl", "grid_leader", GRID),
        ("w1", "micro_grid_worker", MICRO_1),
        ("w2", "micro_grid_worker", MICRO_2),
        ("pm1", "reporting_party_member", MICRO_1),
        ("vol", "volunteer", COMMUNITY),
        ("sa", "administrator", STREET),
    ]
    for person, role, unit in staff:
        grid.add_person(person, "某人", at=at)
        grid.grant_role(person, role, unit, at=at)
    for person, home in (("r1", HOME1), ("r2", HOME2)):
        grid.add_person(person, "居民", at=at)
        grid.register_resident(person, home["household"], at=at)
    for dept, name, domain, officer in (
        ("cg", "城管执法中队", "urban_management", "o1"),
        ("sj", "市场监管所", "market_supervision", "o2"),
    ):
        grid.add_department(dept, name, STREET, [domain], at=at)
        grid.add_person(officer, "某人", at=at)
        ward.tasks.appoint_officer(dept, officer, at=at)
    return ward


def file(ward: Ward, who: str, id: str, category: str, location: Any, at: datetime = MONDAY) -> Any:
    """Files a request as `who`, keyed by its id."""
    return ward.tasks.file(id, category, location, "楼道堆放杂物", actor=who, at=at, key=f"file-{id}")


def request_row(ward: Ward, id: str) -> Any:
    """The request `id`, which must exist."""
    found = ward.tasks.request(id)
    assert found is not None
    return found


# A compound and its common fund ---------------------------------------------------------

COMPOUND = "510105001001002"
B1, B2 = f"{COMPOUND}001", f"{COMPOUND}002"
FUND = "jf"
# Four homes: the RULES areas, and a round one.
HOMES = [("1-101", B1, "72"), ("1-102", B1, "89.5"), ("2-101", B2, "120.3"), ("2-102", B2, "100")]
OWNERS = ["o1", "o2", "o3", "o4"]
LINES: Any = [{"line": "cleaning", "amount": Decimal("20000.00")}, {"line": "repairs", "amount": 8000}]
VOUCHER: Any = {
    "reference": "INV-1",
    "document_hash": "ab" * 32,
    "payee": "洁美保洁公司",
    "payee_is_person": False,
    "description": "cleaning, January",
}


def in_2026(month: int, day: int, hour: int = 10) -> datetime:
    """A moment of 2026 in Chengdu."""
    return datetime(2026, month, day, hour, tzinfo=CST)


def build_compound(ward: Ward) -> Ward:
    """A compound grid with two buildings and four homes; a property manager (pm), a
    supervisor (sup), an owners' committee member (oc), and one owner per home."""
    at = in_2026(1, 2, 9)
    grid = ward.grid
    for code in ("510105", "510105001", "510105001001", COMPOUND, B1, B2):
        grid.add_unit(code, f"unit {code}", at=at)
    roles: list[tuple[str, Any]] = [
        ("pm", "property_manager"),
        ("sup", "fund_supervisor"),
        ("oc", "owners_committee_member"),
    ]
    for person, role in roles:
        grid.add_person(person, person, at=at)
        grid.grant_role(person, role, COMPOUND, at=at)
    for (home, unit, area), owner in zip(HOMES, OWNERS):
        grid.add_household(home, unit, Decimal(area), at=at)
        grid.add_person(owner, f"业主{home}", at=at)
        ward.assembly.set_owner(home, owner=owner, actor="oc", at=at)
    return ward


def open_fund(ward: Ward, rate: Any = Decimal("4.00")) -> Ward:
    """The compound's fund: fees of `rate` a m² a month, the manager paid 12% of them; the
    owners approve the fee and allow every business use of common parts on 2 January."""
    ward.fund.open_fund(
        FUND,
        "吉福小区共有基金",
        COMPOUND,
        {"per": "area", "rate": rate},
        {"basis": "remuneration", "percent": Decimal("12")},
        at=in_2026(1, 2, 10),
    )
    owners_pass(ward, "m-fee", {"type": "approve_fee", "fund": FUND, "standard": "opening"})
    uses: Any = {"type": "allow_business_use", "fund": FUND, "uses": ["parking", "advertising", "other"]}
    owners_pass(ward, "m-uses", uses)
    return ward


def owners_pass(ward: Ward, motion: str, subject: Any, month: int = 1, day: int = 2) -> None:
    """A motion put to the owners on the day, every owner voting yes, closed that evening."""
    at = in_2026(month, day, 11)
    ward.assembly.open_motion(motion, COMPOUND, motion, subject, in_2026(month, day, 18), actor="oc", at=at)
    for owner in OWNERS:
        ward.assembly.cast_vote(motion, "yes", actor=owner, at=in_2026(month, day, 12))
    ward.assembly.close_motion(motion, actor="oc", at=in_2026(month, day, 19))


def approve_budget(ward: Ward) -> None:
    """The 2026 budget, proposed by the manager and approved by every owner."""
    ward.fund.propose_budget(
        FUND, "2026", date(2026, 1, 1), "2026-12-31", LINES, actor="pm", at=in_2026(1, 3)
    )
    subject: Any = {"type": "approve_budget", "fund": FUND, "budget": "2026"}
    ward.assembly.open_motion(
        "m-budget", COMPOUND, "2026年度预算", subject, in_2026(1, 9, 18), actor="oc", at=in_2026(1, 3, 11)
    )
    for owner in OWNERS:
        ward.assembly.cast_vote("m-budget", "yes", actor=owner, at=in_2026(1, 5))
    ward.assembly.close_motion("m-budget", actor="oc", at=in_2026(1, 9, 19))


# Answers in the JSON form the Rust runner writes ----------------------------------------


def plain(value: Any, decimal: Callable[[Decimal], str] = str) -> Any:
    """`value` with Decimals, days and times as text, tuples as lists."""
    if isinstance(value, Decimal):
        return decimal(value)
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    if isinstance(value, dict):
        return {k: plain(v, decimal) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [plain(v, decimal) for v in value]
    return value

"""Typed use of the package, checked with `mypy --strict` by test_stubs.py: the stubs
and the Python layer's annotations must let ordinary code type-check."""

from __future__ import annotations

from datetime import datetime, timezone
from decimal import Decimal

import gridward
from gridward import CoverageReport, GridwardError, Table, Ward, verify_journal

at = datetime(2026, 3, 2, 9, 0, tzinfo=timezone.utc)
ward: Ward = Ward({"grid": {"coverage": {"band": [30, 100]}}})
receipt = ward.add_unit("510105", "青羊区", at=at, key="district")
seq: int | None = receipt["seq"]
duplicate: bool = receipt["duplicate"]
ward.add_unit("510105001", "草市街街道", ["fire_safety"], actor=None, at=at)
ward.add_unit("510105001001", "吉福社区", at=at)
ward.add_household("h1", "510105001001", Decimal("72.5"), at=at)
ward.add_household("h2", "510105001001", 60, at=at)
ward.import_rows([{"kind": "person", "id": "p1", "name": "王"}], at=at)

tree: Table[gridward._gridward.TreeRow] = ward.subtree("510105")
total: int = tree[0]["households"]
areas: list[Decimal] = [h["area"] for h in ward.households_under("510105")]
unit = ward.unit("510105")
name: str | None = unit["name"] if unit is not None else None
report: CoverageReport = ward.coverage()
findings = report.findings()
counts: int = ward.counts()["households"]
head: str = ward.head
size: int = ward.journal_len
check = verify_journal(ward.export_journal(), head)
intact: bool = check["intact"]
line: int | None = check["first_break"]["line"] if check["first_break"] else None
again: Ward = Ward.from_journal(ward.export_journal())
digest: str = again.state_digest()

try:
    ward.rename_unit("510105", "x", actor="nobody", at=at)
except GridwardError as e:
    code: str = e.code
    kind: str = e.kind

# Requests.
ward.add_person("r1", "居民", at=at)
filed = ward.file_request(
    "q1", "exposed_rubbish", {"household": "h1"}, "垃圾", ["p.jpg"], actor="r1", at=at, key="q1"
)
again_filed: bool = filed["duplicate"]
ward.dispatch("q1", {"person": "p1"}, at=at)
ward.claim("q1", donor=None, actor="p1", at=at)
ward.handle("q1", "已清运", actor="p1", at=at)
ward.verify("q1", True, note="ok", actor="p1", at=at)
ward.rate("q1", "very_satisfied", comment="好", actor="r1", at=at)
ward.sweep("510105001001", at=at)
request = ward.request("q1")
status: str | None = request["status"] if request is not None else None
rows: gridward.RequestTable = ward.requests("510105001001", "closed")
filed_at: datetime = rows[0]["filed_at"]
route = ward.route("exposed_rubbish", {"unit": "510105001001"})
route_kind: str = route["kind"]
rates = ward.indicators("510105001001", start=at, end=at)
closure: Decimal | None = rates["closure_rate"]
by_community: gridward.IndicatorTable = ward.indicators_by("community", start=at, end=at)
limit: str = ward.categories()[0]["resolution_limit"]
open311: str = ward.open311_requests_json(status="open")
when: datetime = ward.open311_requests()[0]["requested_datetime"]
ward.import_open311(open311, actor=None, at=at)
ward.import_requests(
    [{"id": "x1", "category": "dirty_road", "location": {"unit": "510105001001"},
      "filed_at": at, "status": "open"}],
    at=at,
)
events = ward.decide({"tasks": {"type": "start", "request": "q1"}}, actor="p1", at=at)

# The common fund and the owners' assembly.
from datetime import date  # noqa: E402

from gridward import Statement, apply_rate, split, statement_frames, tally  # noqa: E402

ward.grant_role("p1", "property_manager", "510105001001", at=at)
ward.open_fund(
    "f", "小区基金", "510105001001", {"per": "area", "rate": Decimal("4")}, {"basis": "fixed_fee"}, at=at
)
ward.bill_fees("f", "2026-03", actor="p1", at=at)
ward.record_payment("f", "pay-1", "h1", Decimal("290.00"), actor="p1", at=at, key="pay-1")
ward.propose_budget("f", "b", date(2026, 1, 1), "2026-12-31", [{"line": "cleaning", "amount": 100}], actor="p1", at=at)
ward.propose_dividend("f", "d", {"by": "area"}, Decimal("1.00"), actor="p1", at=at)
fund = ward.fund("f")
opened: date | None = fund["opened"] if fund is not None else None
bank: Decimal = ward.balances("f")[0]["balance"]
tb_equal: bool = ward.trial_balance("f", date(2026, 3, 31))["debits"] == ward.trial_balance("f")["credits"]
statement: Statement = ward.statement("f", date(2026, 1, 1), date(2026, 12, 31))
frames = statement_frames(statement)
checked: bool = Ward.verify_statement(ward.export_journal(), statement)["verified"]
hledger: str = ward.export_hledger("f")
ward.set_owner("h1", "p1", at=at)
ward.open_motion("m", "510105001001", "重建", {"type": "matter", "matter": "rebuild"}, at, at=at)
ward.cast_vote("m", "yes", actor="p1", at=at)
motion = ward.motion("m")
outcome: str | None = motion["tally"]["outcome"] if motion is not None else None
parts: list[Decimal] = split(Decimal("1000.00"), [72, "89.5", Decimal("120.3")])
residue: Decimal = apply_rate(4, [72], rounding="half_even")["residue"]
passed: bool = tally("special", [("a", 10), ("b", 10)], {"a": "yes"})["quorum"]

# Scoring and points.
from gridward import (  # noqa: E402
    EvaluationTable,
    PointsTable,
    evaluate_communities,
    rating_losses,
    satisfaction_rate,
    star_level,
)

ward.record_service("s1", "p1", "510105001001", "elder_care", at, 90, note="陪诊", actor="p1", at=at)
ward.record_service("s2", "p1", "510105001001", "patrol", "2026-03-02T09:00:00+08:00", 30, 10)
ward.certify_service("s1", at=at)
ward.reject_service("s2", "无人见证", at=at)
ward.grant_stars(date(2026, 3, 31), at=at)
service_status: str = ward.service_records()[0]["status"]
record = ward.service_record("s1")
counted: int | None = record["status"].get("counted") if record is not None else None
volunteer = ward.volunteer("p1")
hours: Decimal | None = volunteer["hours"] if volunteer is not None else None
level: int = ward.volunteers()[0]["level"]
changes: PointsTable[gridward._points_shapes.StarChangeDict] = ward.grant_preview("2026-06-30")
month_met: bool = ward.obligations("510105001001", "2026-03", "2026-04")[0]["met"]
score: Decimal | None = ward.handler_scores("510105001001", at, at)[0]["score"]
ward.add_item("rice", "510105001001", "大米", 30, 10, per_person=2, valid_until=date(2026, 12, 31))
ward.restock("rice", 5)
ward.award("a1", "p1", "510105001001", 50, "表彰", at=at)
ward.earn_for_service("s1")
ward.redeem("r1", "p1", "rice", 1, actor="p1", at=at, key="r1")
ward.reverse_redemption("r1", "领错", at=at)
ward.expire_points("2026-12-31")
book = ward.passbook("p1")
balance: int = book["balance"] if book is not None else 0
expires: date | None = book["lots"][0]["expires_on"] if book is not None else None
spendable: int = ward.available_points("p1", date(2026, 4, 1))
movement: str = ward.passbook_history("p1")[0]["movement"]
stock: int = ward.items()[0]["stock"]
taken: int = ward.redemptions()[0]["taken"][0]["points"]
totals_spent: int = ward.points_totals()["spent"]
stars: int = star_level(Decimal("299.5")) + star_level(60, [30, 60, 100])
rate: Decimal | None = satisfaction_rate([70, 20, 0, 10, 0])
rated: EvaluationTable = evaluate_communities({"name": "t", "items": []}, [])
best: Decimal | None = rated[0]["score"] if rated else None
lost_points: Decimal = rated[0]["lost"][0]["points_lost"]
losses = rated.losses_to_pandas()
same_losses = rating_losses(rated)

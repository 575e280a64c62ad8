"""Typed use of the package, checked with `mypy --strict` by test_stubs.py: the generated
capabilities, their TypedDict answers, `Table[...]` rows, `Decimal`, `date` and
`datetime` values, the `ErrorCode` literal and the hand-written views must let ordinary
code type-check without casts."""

from __future__ import annotations

from datetime import date, datetime, timezone
from decimal import Decimal

import pandas  # type: ignore[import-untyped]

import gridward
from gridward import (
    ERROR_KINDS,
    ChainView,
    CoverageFinding,
    CoverageView,
    DirectiveProgress,
    ErrorCode,
    ErrorKind,
    ElectionIn,
    Evaluation,
    FundView,
    GridwardError,
    HandlerScore,
    HistoryLine,
    Indicators,
    Item,
    ItemScoreRow,
    JournalCheck,
    LossRow,
    MotionView,
    PbFile,
    PassbookView,
    PersonView,
    PointsTotals,
    Project,
    ProjectEvaluation,
    ProjectsReport,
    ProjectsStatement,
    Proposal,
    RateParts,
    Receipt,
    RequestRow,
    RouteView,
    Selection,
    ServiceRow,
    Statement,
    StatementCheck,
    StatementFrames,
    Table,
    Tally,
    TreeRow,
    TrialBalance,
    UnitRow,
    Volunteer,
    Ward,
    WardConfig,
)

at = datetime(2026, 3, 2, 9, 0, tzinfo=timezone.utc)
COMMUNITY = "510105001001"

# The grid.
ward: Ward = Ward({"grid": {"coverage": {"band": (30, 100)}}})
receipt: Receipt = ward.grid.add_unit("510105", "青羊区", at=at, key="district")
seq: int | None = receipt["seq"]
duplicate: bool = receipt["duplicate"]
ward.grid.add_unit("510105001", "草市街街道", domains=["fire_safety"], actor=None, at=at)
ward.grid.add_unit(COMMUNITY, "吉福社区", at="2026-03-02T09:00:00+08:00")
ward.grid.add_household("h1", COMMUNITY, Decimal("72.5"), at=at)
ward.grid.add_household("h2", COMMUNITY, 60, at=at)
ward.grid.import_rows([{"kind": "person", "id": "p1", "name": "王"}], at=at)
ward.grid.add_person("r1", "居民", party_member=False, phone=None, at=at)
ward.grid.issue_directive("d1", COMMUNITY, "燃气安全", due=at, at=at)

tree: Table[TreeRow] = ward.grid.subtree("510105")
total: int = tree[0]["households"]
areas: list[Decimal] = [h["area"] for h in ward.grid.households_under("510105")]
unit: UnitRow | None = ward.grid.unit("510105")
name: str | None = unit["name"] if unit is not None else None
person: PersonView | None = ward.grid.person("p1")
report: CoverageView = ward.grid.coverage(scope=COMMUNITY)
compliance: float = report["micro_grid_compliance"]
findings: Table[CoverageFinding] = gridward.coverage_findings(report)
finding_code: str | None = findings[0]["code"] if findings else None
chain: ChainView = ward.grid.chain("h1", "fire_safety")
progress: DirectiveProgress = ward.grid.directive_progress("d1")
issued: datetime = progress["issued_at"]
counted: int = ward.grid.counts()["households"]
head: str = ward.head
size: int = ward.journal_length
check: JournalCheck = gridward.verify_journal(ward.export_journal(), expected_head=head)
intact: bool = check["intact"]
broken = check.get("first_break")
line: int | None = broken["line"] if broken else None
again: Ward = Ward.from_journal(ward.export_journal(), ward.config())
config: WardConfig = again.config()
digest: str = again.state_digest()

# Errors: the class, the stable code, its kind, the field at fault.
try:
    ward.grid.rename_unit("510105", "x", actor="nobody", at=at)
except GridwardError as e:
    code: str = e.code
    kind: str = e.kind
    field: str | None = e.field
known: ErrorCode = "permission_denied"
kind_of_known: str = ERROR_KINDS[known]
denied: ErrorKind = "permission_denied"

# Requests.
filed: Receipt = ward.tasks.file(
    "q1", "exposed_rubbish", {"household": "h1"}, "垃圾", photos=["p.jpg"], actor="r1", at=at, key="q1"
)
ward.tasks.dispatch("q1", to={"person": "p1"}, at=at)
ward.tasks.claim("q1", donor=None, actor="p1", at=at)
ward.tasks.handle("q1", "已清运", actor="p1", at=at)
ward.tasks.verify("q1", True, note="ok", actor="p1", at=at)
ward.tasks.rate("q1", "very_satisfied", comment="好", actor="r1", at=at)
ward.tasks.return_request("q1", "不属于本网格", actor="p1", at=at)
ward.tasks.sweep(scope=COMMUNITY, at=at)
request: RequestRow | None = ward.tasks.request("q1")
filed_at: datetime | None = request["filed_at"] if request is not None else None
rows: Table[RequestRow] = ward.tasks.requests(scope=COMMUNITY, status="closed")
route: RouteView = ward.tasks.route("exposed_rubbish", {"unit": COMMUNITY})
rates: Indicators = ward.tasks.indicators(at, at, scope=COMMUNITY)
closure: Decimal | None = rates.get("closure_rate")
by_community: Table[Indicators] = ward.tasks.indicators_by("community", at, at)
requests_frame: pandas.DataFrame = rows.to_pandas()
open311: str = ward.tasks.open311_requests_json(status="open")
ward.tasks.import_open311(open311, actor=None, at=at)
ward.tasks.import_requests(
    [{"id": "x1", "category": "dirty_road", "location": {"unit": COMMUNITY}, "filed_at": at, "status": "open"}],
    at=at,
)
events = ward.decide({"tasks": {"type": "start", "request": "q1"}}, actor="p1", at=at)

# The common fund and the owners' assembly.
ward.grid.grant_role("p1", "property_manager", COMMUNITY, at=at)
ward.fund.open_fund("f", "小区基金", COMMUNITY, {"per": "area", "rate": Decimal("4")}, {"basis": "fixed_fee"}, at=at)
ward.fund.open_account("f", {"name": "assets:deposit", "description": "押金"}, actor="p1", at=at)
ward.fund.bill_fees("f", "2026-03", actor="p1", at=at)
ward.fund.record_payment("f", "pay-1", "h1", Decimal("290.00"), actor="p1", at=at, key="pay-1")
ward.fund.propose_budget("f", "b", date(2026, 1, 1), "2026-12-31", [{"line": "cleaning", "amount": 100}], actor="p1")
ward.fund.propose_dividend("f", "d", {"by": "area"}, amount=Decimal("1.00"), actor="p1", at=at)
ward.fund.accrue_remuneration("f", "rem", date(2026, 3, 1), date(2026, 3, 31), actor="p1", at=at)
summary = ward.fund.fund("f")
opened: date | None = summary["opened"] if summary is not None else None
bank: Decimal = ward.fund.balances("f", date=date(2026, 3, 31))[0]["balance"]
trial: TrialBalance = ward.fund.trial_balance("f")
balanced: bool = trial["debits"] == trial["credits"]
statement: Statement = ward.fund.statement("f", date(2026, 1, 1), date(2026, 12, 31))
surplus: Decimal = statement["surplus"]
frames: StatementFrames = gridward.statement_frames(statement)
vouchers: pandas.DataFrame = frames["vouchers"]
# A statement as `statement` gives it is what `verify_statement` checks: parameters take
# an answer back as it is.
verified: StatementCheck = gridward.verify_statement(ward.export_journal(), statement)
ok: bool = verified["verified"]
hledger: str = ward.fund.export_hledger("f")
ward.assembly.set_owner("h1", owner="p1", at=at)
ward.assembly.open_motion("m", COMMUNITY, "重建", {"type": "matter", "matter": "rebuild"}, at, at=at)
ward.assembly.cast_vote("m", "yes", actor="p1", at=at)
motion: MotionView | None = ward.assembly.motion("m")
outcome: str | None = motion["tally"]["outcome"] if motion is not None else None
parts: list[Decimal] = gridward.split(Decimal("1000.00"), [72, "89.5", Decimal("120.3")])
rated_parts: RateParts = gridward.apply_rate(4, [72], rounding="half_even")
residue: Decimal = rated_parts["residue"]
counted_votes: Tally = gridward.tally("special", [("a", 10), ("b", Decimal("10"))], {"a": "yes"})
quorum: bool = counted_votes["quorum"]

# Scoring and points.
ward.scoring.record_service("s1", "p1", COMMUNITY, "elder_care", at, 90, note="陪诊", actor="p1", at=at)
ward.scoring.record_service("s2", "p1", COMMUNITY, "patrol", "2026-03-02T09:00:00+08:00", 30, travel_minutes=10)
ward.scoring.certify_service("s1", at=at)
ward.scoring.reject_service("s2", "无人见证", at=at)
ward.scoring.grant_stars(date(2026, 3, 31), at=at)
services: Table[ServiceRow] = ward.scoring.service_records()
started: datetime = services[0]["started_at"]
volunteer: Volunteer | None = ward.scoring.volunteer("p1")
hours: Decimal | None = volunteer["hours"] if volunteer is not None else None
preview = ward.scoring.grant_preview("2026-06-30", profile={"name": "local", "thresholds": [1, "2.5"]})
month_met: bool = ward.scoring.obligations(COMMUNITY, "2026-03", "2026-04")[0]["met"]
scores: Table[HandlerScore] = ward.scoring.handler_scores(COMMUNITY, at, at)
ward.points.add_item("rice", COMMUNITY, "大米", 30, 10, per_person=2, valid_until=date(2026, 12, 31))
ward.points.restock("rice", 5)
ward.points.award("a1", "p1", COMMUNITY, 50, "表彰", at=at)
ward.points.earn_for_service("s1")
ward.points.redeem("r1", "p1", "rice", 1, actor="p1", at=at, key="r1")
ward.points.reverse("r1", "领错", at=at)
ward.points.expire("2026-12-31")
book: PassbookView | None = ward.points.passbook("p1")
balance: int = book["balance"] if book is not None else 0
expires: date | None = book["lots"][0]["expires_on"] if book is not None else None
spendable: int = ward.points.available_points("p1", date(2026, 4, 1))
history: Table[HistoryLine] = ward.points.passbook_history("p1")
item: Item | None = ward.points.item("rice")
totals: PointsTotals = ward.points.totals()
stars: int = gridward.star_level(Decimal("299.5")) + gridward.star_level(60, thresholds=[30, 60, 100])
satisfaction: Decimal | None = gridward.satisfaction_rate([70, 20, 0, 10, 0])
rated: Table[Evaluation] = gridward.evaluate_communities({"name": "t", "items": []}, [])
best: Decimal | None = rated[0]["score"] if rated else None
# Evaluations as `evaluate_communities` gives them.
losses: Table[LossRow] = gridward.rating_losses(rated)
lost_points: Decimal = losses[0]["points_lost"]
items: Table[ItemScoreRow] = gridward.rating_items(rated)
losses_frame: pandas.DataFrame = losses.to_pandas()

# Community project funds.
ward.projects.open_fund("pf", COMMUNITY, 2026, "guarantee", Decimal("200000.00"), actor="cs", at=at)
ward.projects.set_council(COMMUNITY, ["r1"], at=at)
ward.projects.propose("p", "pf", "楼道照明", "d", "安全", 60000, unit=None, actor="r1", at=at)
ward.projects.merge_proposals("p", ["q"], at=at)
ward.projects.admit_proposal("p", "58000.00", at=at)
ward.projects.open_decision(
    "pf", {"kind": "approval", "max_length": 3}, "council", {"rule": "equal_shares"}, at, at=at
)
ward.projects.cast_ballot("pf", ["p"], actor="r1", at=at)
election: ElectionIn = {
    "budget": Decimal("1000"),
    "form": {"kind": "cumulative", "max_sum_points": 3},
    "candidates": [{"id": "a", "cost": 600}, {"id": "b", "cost": "500.00", "category": None}],
    "ballots": [{"voter": "1", "choices": ["a", "b"], "points": [2, 1]}, {"voter": "2", "choices": ["a"]}],
}
ward.projects.import_election("pg", election, {"rule": "greedy_threshold", "min_score": Decimal(3)}, at=at)
ward.projects.name_evaluators("p", {"jw-li": "supervision_committee"}, at=at)
ward.projects.pay_tranche("p", "t1", Decimal("100.00"), "PZ-1", final_tranche=False, at=at)
ward.projects.evaluate("p", "accept", 90, comment="", actor="jw-li", at=at)
fund_view: FundView | None = ward.projects.fund("pf")
fund_balance: Decimal | None = fund_view["balance"] if fund_view is not None else None
proposals: Table[Proposal] = ward.projects.proposals("pf")
proposal_cost: Decimal | None = proposals[0]["cost"] if proposals else None
delivered: Table[Project] = ward.projects.projects("pf")
verdicts: dict[str, ProjectEvaluation] = delivered[0]["evaluations"] if delivered else {}
project_report: ProjectsReport = ward.projects.report("pf")
allocated: Decimal = project_report["allocated"]
what_if: Selection = ward.projects.what_if("pf", {"rule": "greedy"})
project_cost: Decimal = what_if["projects"][0]["cost"]
project_statement: ProjectsStatement = ward.projects.statement("pf")
statement_check: StatementCheck = gridward.verify_projects_statement(ward.export_journal(), project_statement)
pb_file: PbFile = gridward.read_pabulib("META\nkey;value\n")
pb_rule = pb_file.get("rule")
pb_selected: list[str] | None = pb_file.get("selected")
pb_budget: Decimal = pb_file["election"]["budget"]
pb_meta: list[tuple[str, str]] = pb_file["meta"]
pb_text: str = gridward.write_pabulib(pb_file)
if pb_rule is not None:
    pb_selection: Selection = gridward.select_projects(pb_file["election"], pb_rule)
selected_here: Selection = gridward.select_projects(election, {"rule": "equal_shares"})
batch: list[gridward.BatchCommand] = [
    {"command": {"grid": {"type": "add_person", "id": "p9", "name": "某人"}}, "actor": None, "key": "k9"},
]
for batch_outcome in ward.execute_batch(batch):
    if isinstance(batch_outcome, gridward.GridwardError):
        refused_code: str = batch_outcome.code
    else:
        batch_seq: int | None = batch_outcome["seq"]


def keep_on_disk(path: str) -> str | None:
    """A ward kept on disk, as the types describe it (checked, not run)."""
    with Ward.open(path, sync=16, snapshot_every=1000) as stored:
        stored.sync()
        tail: str = stored.export_journal(since=3)
        taken: str = stored.snapshot()
        state: bytes = stored.snapshot_bytes()
        copy: Ward = Ward.from_snapshot(state, stored.export_journal(), stored.config())
        try:
            Ward.open(path, sync="request").close()
        except gridward.StorageError as e:
            damaged_line: int | None = e.line
        return stored.path

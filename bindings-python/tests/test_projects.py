"""The projects capability through the Python face on real elections and on the parity
scenario: each of the thirteen Pabulib files of tests/fixtures/pabulib, imported into a
ward's fund with `ward.projects.import_election` under the rule its META declares, funds
exactly the projects its `selected` column names; `what_if` tries every rule on the
scenario's ballots without moving the journal; an imported decision goes on to
delivery and its statement verifies; a broken election is refused and leaves no
trace."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal
from typing import Any

import pabulib
import pytest
from pabulib import COMMUNITY, IMPORTED, STAFF, fund_ward
from parity import load, run
from support import CST, plain, refused

from gridward import GridwardError, Ward, verify_projects_statement

FUND = "pb-2026"


def _imported(name: str) -> tuple[pabulib.PbFile, Ward]:
    """A file imported into a fresh ward's fund under its declared rule."""
    file = pabulib.read(pabulib.text(name))
    ward = fund_ward(FUND, file.election["budget"])
    ward.projects.import_election(FUND, file.election, file.rule, actor=STAFF, at=IMPORTED)
    return file, ward


def test_thirteen_files_declare_the_five_rules() -> None:
    names = pabulib.files()
    assert len(names) == 13
    rules = {pabulib.read(pabulib.text(n)).rule["rule"] for n in names}
    assert rules == {"greedy", "greedy_no_skip", "greedy_threshold", "equal_shares", "equal_shares_comparison"}


@pytest.mark.parametrize("name", pabulib.files())
def test_an_imported_election_selects_its_official_projects(name: str) -> None:
    file, ward = _imported(name)
    fund = ward.projects.fund(FUND)
    assert fund is not None
    assert fund["stage"] == "decided"
    decision = fund["decision"]
    assert decision is not None
    assert decision["voters"] == "imported"
    assert decision["ballots"] == len(file.election["ballots"])
    assert decision["rule"] == file.rule
    assert decision["candidates"] == [c["id"] for c in file.election["candidates"]]
    selection = decision["selection"]
    assert selection is not None
    assert sorted(selection["selected"]) == sorted(file.selected), f"{name} under {file.rule}"
    # Exact amounts: the selection's cost is the sum of the selected projects' costs.
    costs = {c["id"]: c["cost"] for c in file.election["candidates"]}
    assert isinstance(selection["cost"], Decimal)
    assert selection["cost"] == sum((costs[p] for p in selection["selected"]), Decimal(0))
    assert selection["cost"] <= file.election["budget"]
    assert len(ward.projects.proposals(FUND)) == len(file.election["candidates"])
    assert sorted(p["id"] for p in ward.projects.projects(FUND)) == sorted(file.selected)


def test_the_reader_accepts_a_byte_order_mark_and_crlf() -> None:
    source = pabulib.text("Netherlands_Assen_2024.pb")
    plain_file = pabulib.read(source)
    lf = source.replace("\r\n", "\n")
    assert pabulib.read("\ufeff" + lf) == plain_file
    assert pabulib.read(lf.replace("\n", "\r\n")) == plain_file


def test_what_if_tries_every_rule_on_the_scenario_ballots_and_moves_nothing() -> None:
    scenario = load("projects_scenario.json")
    expected = load("projects_expected.json")
    ward = Ward(scenario["config"])
    run(ward, scenario)
    fund = scenario["queries"]["fund"]
    before = (ward.head, ward.journal_length, ward.state_digest())
    view = ward.projects.fund(fund)
    assert view is not None and view["decision"] is not None
    decided = view["decision"]["selection"]
    assert decided is not None
    # The decision's own rule gives its selection again.
    assert ward.projects.what_if(fund, {"rule": "equal_shares"}) == decided
    greedy = ward.projects.what_if(fund, {"rule": "greedy"})
    threshold = ward.projects.what_if(fund, {"rule": "greedy_threshold", "min_score": Decimal(3)})
    assert plain(greedy, decimal=lambda d: format(d, "f")) == expected["what_if"][0]
    assert plain(threshold, decimal=lambda d: format(d, "f")) == expected["what_if"][2]
    # The majority's three projects under greedy; Equal Shares gives the minority theirs.
    assert greedy["selected"] == ["p-cctv", "p-light", "p-play"]
    assert set(decided["selected"]) - set(greedy["selected"]), "Equal Shares and greedy part"
    assert all(isinstance(p["cost"], Decimal) for p in greedy["projects"])
    assert (ward.head, ward.journal_length, ward.state_digest()) == before


def test_an_imported_decision_goes_on_to_delivery_and_its_statement_verifies() -> None:
    file, ward = _imported("Poland_Gdynia_2022_Pogorze__small.pb")
    (first, *_) = file.selected
    cost = next(c["cost"] for c in file.election["candidates"] if c["id"] == first)
    at = datetime(2026, 4, 1, 9, 0, tzinfo=CST)
    ward.grid.add_person("org-a", "锦城社工服务中心", at=at)
    ward.projects.register_organisation("sg-jc", "锦城社工服务中心", "org-a", actor=STAFF, at=at)
    ward.projects.apply_to_deliver(first, "sg-jc", cost, "两个月完成", actor="org-a", at=at)
    ward.projects.choose_deliverer(first, "sg-jc", actor=STAFF, at=at)
    ward.projects.pay_tranche(first, f"{first}-t1", Decimal("100.00"), "PZ-1", actor=STAFF, at=at)
    project = ward.projects.project(first)
    assert project is not None
    assert project["deliverer"] == "sg-jc"
    assert project["contracted"] == cost
    fund = ward.projects.fund(FUND)
    assert fund is not None
    assert fund["balance"] == file.election["budget"] - Decimal("100.00")
    statement = ward.projects.statement(FUND)
    assert statement["head"] == ward.head
    check = verify_projects_statement(ward.export_journal(), statement)
    assert check["verified"] is True


def test_a_broken_election_is_refused_and_leaves_the_ward_as_it_was() -> None:
    file = pabulib.read(pabulib.text("Poland_Gdynia_2022_Pogorze__small.pb"))
    election: Any = file.election
    ward = fund_ward(FUND, election["budget"])
    rule: Any = {"rule": "greedy"}

    def importing(e: Any, actor: str = STAFF) -> Any:
        return lambda: ward.projects.import_election(FUND, e, rule, actor=actor, at=IMPORTED)

    unknown = {**election, "ballots": [{"voter": "x", "choices": ["no-such-project"]}, *election["ballots"]]}
    refused(ward, GridwardError, "ballot_unknown_project", importing(unknown))
    twice = {**election, "ballots": [election["ballots"][0], *election["ballots"]]}
    refused(ward, GridwardError, "bad_text", importing(twice))
    other_budget = {**election, "budget": Decimal("1.00")}
    refused(ward, GridwardError, "bad_text", importing(other_budget))
    refused(ward, GridwardError, "empty_roll", importing({**election, "ballots": []}))
    refused(ward, GridwardError, "unknown_actor", importing(election, actor="someone"))
    # A float is not an amount.
    error = refused(ward, GridwardError, "float_not_allowed", importing({**election, "budget": 1.5}))
    assert error.field is not None and "budget" in error.field
    # The intact election imports once; a second time the fund has decided.
    ward.projects.import_election(FUND, election, rule, actor=STAFF, at=IMPORTED)
    refused(ward, GridwardError, "project_fund_stage", importing(election))
    assert ward.projects.council(COMMUNITY) == []

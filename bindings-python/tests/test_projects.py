"""The projects capability through the Python face on real elections and on the parity
scenario: each of the thirteen Pabulib files of tests/fixtures/pabulib, read with
`read_pabulib`, is decided by `select_projects` under the rule its META declares and,
imported into a ward's fund with `ward.projects.import_election`, funds exactly the
projects its `selected` column names; `write_pabulib` writes a file that reads back the
same; a bad file is refused with its line number; `what_if` tries every rule on the
scenario's ballots without moving the journal; an imported decision goes on to delivery
and its statement verifies; a broken election is refused and leaves no trace."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from parity import load, run
from support import CST, COMMUNITY, plain, refused

from gridward import (
    GridwardError,
    PbFile,
    Ward,
    read_pabulib,
    select_projects,
    verify_projects_statement,
    write_pabulib,
)

PABULIB = Path(__file__).resolve().parents[2] / "tests" / "fixtures" / "pabulib"
FILES = sorted(p.name for p in PABULIB.glob("*.pb"))
FUND = "pb-2026"
STAFF = "cs"
UNITS = [("510105", "青羊区"), ("510105001", "草市街街道"), (COMMUNITY, "吉福社区")]
OPENED = datetime(2026, 2, 2, 10, 0, tzinfo=CST)
IMPORTED = datetime(2026, 3, 1, 9, 0, tzinfo=CST)


def _text(name: str) -> str:
    """A fixture file's text, line ends as written."""
    return (PABULIB / name).read_bytes().decode("utf-8")


def _read(name: str) -> PbFile:
    return read_pabulib(_text(name))


def fund_ward(fund: str, amount: Decimal, source: Any = "guarantee") -> Ward:
    """A ward with a community and its staff member, and a fund of `amount` for 2026."""
    ward = Ward()
    at = datetime(2026, 2, 1, 9, 0, tzinfo=CST)
    for code, name in UNITS:
        ward.grid.add_unit(code, name, at=at)
    ward.grid.add_person(STAFF, "社区工作者", at=at)
    ward.grid.grant_role(STAFF, "community_staff", COMMUNITY, at=at)
    ward.projects.open_fund(fund, COMMUNITY, 2026, source, amount, actor=STAFF, at=OPENED)
    return ward


def _imported(name: str) -> tuple[PbFile, Ward]:
    """A file imported into a fresh ward's fund under its declared rule."""
    file = _read(name)
    rule = file.get("rule")
    assert rule is not None, name
    ward = fund_ward(FUND, file["election"]["budget"])
    ward.projects.import_election(FUND, file["election"], rule, actor=STAFF, at=IMPORTED)
    return file, ward


def test_thirteen_files_declare_the_five_rules() -> None:
    assert len(FILES) == 13
    rules = set()
    for name in FILES:
        rule = _read(name).get("rule")
        assert rule is not None, name
        rules.add(rule["rule"])
    assert rules == {"greedy", "greedy_no_skip", "greedy_threshold", "equal_shares", "equal_shares_comparison"}


@pytest.mark.parametrize("name", FILES)
def test_select_projects_gives_a_file_its_official_projects(name: str) -> None:
    file = _read(name)
    rule, official = file.get("rule"), file.get("selected")
    assert rule is not None and official is not None, name
    selection = select_projects(file["election"], rule)
    assert selection["rule"] == rule
    assert sorted(selection["selected"]) == sorted(official), f"{name} under {rule}"
    costs = {c["id"]: c["cost"] for c in file["election"]["candidates"]}
    assert isinstance(selection["cost"], Decimal)
    assert selection["cost"] == sum((costs[p] for p in selection["selected"]), Decimal(0))


@pytest.mark.parametrize("name", FILES)
def test_an_imported_election_selects_its_official_projects(name: str) -> None:
    file, ward = _imported(name)
    election, official = file["election"], file.get("selected")
    assert official is not None
    fund = ward.projects.fund(FUND)
    assert fund is not None
    assert fund["stage"] == "decided"
    decision = fund["decision"]
    assert decision is not None
    assert decision["voters"] == "imported"
    assert decision["ballots"] == len(election["ballots"])
    assert decision["rule"] == file.get("rule")
    assert decision["candidates"] == [c["id"] for c in election["candidates"]]
    selection = decision["selection"]
    assert selection is not None
    assert sorted(selection["selected"]) == sorted(official), f"{name} under {file.get('rule')}"
    # Exact amounts: the selection's cost is the sum of the selected projects' costs.
    costs = {c["id"]: c["cost"] for c in election["candidates"]}
    assert isinstance(selection["cost"], Decimal)
    assert selection["cost"] == sum((costs[p] for p in selection["selected"]), Decimal(0))
    assert selection["cost"] <= election["budget"]
    assert len(ward.projects.proposals(FUND)) == len(election["candidates"])
    assert sorted(p["id"] for p in ward.projects.projects(FUND)) == sorted(official)


@pytest.mark.parametrize("name", FILES)
def test_a_written_file_reads_back_the_same(name: str) -> None:
    file = _read(name)
    again = read_pabulib(write_pabulib(file))
    assert again["election"] == file["election"]
    assert again.get("rule") == file.get("rule")
    assert again.get("selected") == file.get("selected")
    assert again == file


def _bad(lines: list[str], line: int, replacement: str) -> str:
    """The file with its line `line` (1-based) replaced."""
    return "\n".join([*lines[: line - 1], replacement, *lines[line:]])


def test_a_bad_file_is_refused_with_its_line_number() -> None:
    lines = _text("Netherlands_Assen_2024.pb").replace("\r\n", "\n").split("\n")
    # Line 22 is project 8's row: project_id;cost;votes;name;selected;description.
    assert lines[18] == "project_id;cost;votes;name;selected;description"
    assert lines[21].startswith("8;40000;")
    short = _bad(lines, 22, "8;40000;25")
    not_a_number = _bad(lines, 22, "8;lots;25;Crossbaan in Peelo;0;Een baan")
    for text in (short, not_a_number):
        with pytest.raises(GridwardError) as e:
            read_pabulib(text)
        assert e.value.code.startswith("pabulib_"), e.value.code
        assert "line 22" in str(e.value), str(e.value)
    no_projects = "\n".join(lines[:17] + lines[lines.index("VOTES"):])
    with pytest.raises(GridwardError) as e:
        read_pabulib(no_projects)
    assert e.value.code.startswith("pabulib_"), e.value.code


def test_the_reader_accepts_a_byte_order_mark_and_crlf() -> None:
    source = _text("Poland_Katowice_2020_Kostuchna.pb")
    assert "\r" not in source, "the file is written with LF"
    file = read_pabulib(source)
    assert read_pabulib("\ufeff" + source) == file
    assert read_pabulib(source.replace("\n", "\r\n")) == file
    assert read_pabulib("\ufeff" + source.replace("\n", "\r\n")) == file
    rule = file.get("rule")
    assert rule is not None
    crlf = read_pabulib("\ufeff" + source.replace("\n", "\r\n"))
    assert select_projects(crlf["election"], rule) == select_projects(file["election"], rule)


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
    (first, *_) = file.get("selected") or []
    cost = next(c["cost"] for c in file["election"]["candidates"] if c["id"] == first)
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
    assert fund["balance"] == file["election"]["budget"] - Decimal("100.00")
    statement = ward.projects.statement(FUND)
    assert statement["head"] == ward.head
    check = verify_projects_statement(ward.export_journal(), statement)
    assert check["verified"] is True


def test_a_broken_election_is_refused_and_leaves_the_ward_as_it_was() -> None:
    election: Any = _read("Poland_Gdynia_2022_Pogorze__small.pb")["election"]
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

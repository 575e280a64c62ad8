"""The projects parity fixture: a year of a community's project fund — proposals and
supports, a merge, a decline, the shortlist, the residents' council voting under Equal
Shares, delivery in tranches, a rejected delivery redone, acceptance and the public
statement — which the Rust face runs (tests/parity.rs), run here through the typed
Python methods — grid, assembly and projects — must reach the same journal head, fund,
proposals, projects, report, statement, books and every rule's selection."""

from __future__ import annotations

import hashlib
import json
from decimal import Decimal
from typing import Any

from parity import load, run, run_generic
from support import plain

from gridward import Ward, verify_projects_statement


def _plain(value: object) -> object:
    """The JSON form the Rust runner writes, amounts in plain notation."""
    return plain(value, decimal=lambda d: format(d, "f"))


def _rule(rule: dict[str, Any]) -> Any:
    """A rule as a Python caller passes it: a threshold as a Decimal."""
    if "min_score" in rule:
        return {**rule, "min_score": Decimal(rule["min_score"])}
    return rule


def test_projects_scenario_matches_the_rust_face() -> None:
    scenario = load("projects_scenario.json")
    expected = load("projects_expected.json")
    ward = Ward(scenario["config"])
    errors, duplicates = run(ward, scenario)
    assert duplicates == 0

    q = scenario["queries"]
    fund = q["fund"]
    statement = ward.projects.statement(fund)
    compact = json.dumps(_plain(statement), ensure_ascii=False, separators=(",", ":"))
    observed = {
        "head": ward.head,
        "digest": ward.state_digest(),
        "journal_entries": ward.journal_length,
        "errors": errors,
        "fund": _plain(ward.projects.fund(fund)),
        "proposals": _plain(list(ward.projects.proposals(fund))),
        "projects": _plain(list(ward.projects.projects(fund))),
        "report": _plain(ward.projects.report(fund)),
        "statement": _plain(statement),
        "verify": verify_projects_statement(ward.export_journal(), statement, config=scenario["config"]),
        "balances": _plain(list(ward.projects.balances(fund))),
        "what_if": [_plain(ward.projects.what_if(fund, _rule(r))) for r in q["what_if"]],
        # The statement's compact JSON, its fields in the order the core writes them.
        "statement_sha256": hashlib.sha256(compact.encode("utf-8")).hexdigest(),
    }
    for key in expected:
        assert observed[key] == expected[key], key
    assert observed == expected


def test_generic_execute_reaches_the_same_head_and_the_journal_replays() -> None:
    scenario = load("projects_scenario.json")
    expected = load("projects_expected.json")
    ward = Ward(scenario["config"])
    run_generic(ward, scenario)
    assert ward.head == expected["head"]
    assert ward.state_digest() == expected["digest"]
    again = Ward.from_journal(ward.export_journal(), scenario["config"])
    assert again.state_digest() == expected["digest"]
    assert _plain(again.projects.statement(scenario["queries"]["fund"])) == expected["statement"]


def test_the_statement_survives_a_json_round_trip_and_still_verifies() -> None:
    """The statement published as JSON (amounts, days and times as text) verifies
    against the journal; a forged figure does not."""
    scenario = load("projects_scenario.json")
    expected = load("projects_expected.json")
    ward = Ward(scenario["config"])
    run(ward, scenario)
    journal = ward.export_journal()
    published: Any = json.loads(json.dumps(expected["statement"]))
    assert verify_projects_statement(journal, published) == expected["verify"]
    forged: Any = dict(published, balance="70249.00")
    check = verify_projects_statement(journal, forged)
    assert check["head_matches"] is True
    assert check["verified"] is False

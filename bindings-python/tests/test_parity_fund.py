"""The fund parity fixture: a year of a small compound's common fund and its owners'
votes, which the Rust face runs (tests/parity.rs), run here through the typed Python
methods — grid, fund and assembly — must reach the same journal head, statement, trial
balance, vote counts and exports."""

from __future__ import annotations

import hashlib
import json
from datetime import date

from parity import load, run, run_generic
from support import plain

from gridward import Ward, verify_statement


def _plain(value: object) -> object:
    """The JSON form the Rust runner writes, amounts in plain notation."""
    return plain(value, decimal=lambda d: format(d, "f"))


def _sha(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def test_fund_scenario_matches_the_rust_face() -> None:
    scenario = load("fund_scenario.json")
    expected = load("fund_expected.json")
    ward = Ward(scenario["config"])
    errors, duplicates = run(ward, scenario)

    q = scenario["queries"]
    fund = q["fund"]
    statement = ward.fund.statement(fund, date.fromisoformat(q["from"]), date.fromisoformat(q["to"]))
    motions = []
    for m in ward.assembly.motions():
        tally = m["tally"] if m["closed"] else None
        motions.append(
            {"id": m["id"], "outcome": tally["outcome"] if tally else None, "tally": tally}
        )
    observed = {
        "head": ward.head,
        "digest": ward.state_digest(),
        "journal_entries": ward.journal_length,
        "errors": errors,
        "duplicates": duplicates,
        "statement": _plain(dict(statement)),
        "trial_balance": _plain(ward.fund.trial_balance(fund)),
        "motions": _plain(motions),
        "verify": verify_statement(ward.export_journal(), statement, config=scenario["config"]),
        "hledger_sha256": _sha(ward.fund.export_hledger(fund)),
        "beancount_sha256": _sha(ward.fund.export_beancount(fund)),
    }
    for key in expected:
        assert observed[key] == expected[key], key
    assert observed == expected


def test_the_statement_survives_a_json_round_trip_and_still_verifies() -> None:
    """The generic `execute` reaches the same head, and the statement published as
    JSON (amounts and days as text) verifies against the journal; a forged figure
    does not."""
    scenario = load("fund_scenario.json")
    expected = load("fund_expected.json")
    ward = Ward(scenario["config"])
    run_generic(ward, scenario)
    assert ward.head == expected["head"]
    journal = ward.export_journal()
    published = json.loads(json.dumps(expected["statement"]))
    assert verify_statement(journal, published) == expected["verify"]
    forged = dict(published, surplus="1.00")
    check = verify_statement(journal, forged)
    assert check["head_matches"] is True
    assert check["verified"] is False

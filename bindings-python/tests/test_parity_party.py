"""The party organisation parity fixture: a community's party committee, a compound's
branch and a building's group, a first secretary, the two committees, 双报到 with the
paired units' service ledger, public-order requests routed to the community police, and
a week of cadres on station. The Rust face runs it (tests/parity.rs); run here through the
typed Python methods — grid, tasks and party — it must reach the same journal head,
bodies, coverage, chains, ledgers and weekly report."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from parity import load, run, run_generic
from support import plain

from gridward import InvalidInputError, Ward


def _observe(ward: Ward, scenario: dict[str, Any], errors: list[str]) -> dict[str, Any]:
    q = scenario["queries"]
    on = date.fromisoformat(q["on"])
    requests = []
    for rid in ["wish-1", "order-1", "order-2"]:
        row = ward.tasks.request(rid)
        assert row is not None
        requests.append({"id": row["id"], "status": row["status"], "responsible": row["responsible"]})
    category, household = q["route"]
    return {
        "head": ward.head,
        "digest": ward.state_digest(),
        "journal_entries": ward.journal_length,
        "errors": errors,
        "bodies": plain(list(ward.party.bodies())),
        "first_secretaries": plain(list(ward.party.first_secretaries(community=q["community"]))),
        "serving": plain(list(ward.party.first_secretaries(on=on))),
        "two_committees": plain(ward.party.two_committees(q["community"])),
        "coverage": plain(ward.grid.coverage(scope=q["community"], rules=q["rules"])),
        "chains": plain([ward.grid.party_for(h, on=on) for h in q["households"]]),
        "ledgers": plain([
            ward.party.service_ledger(date.fromisoformat(a), date.fromisoformat(b), scope=q["community"])
            for a, b in q["periods"]
        ]),
        "stations": plain(list(ward.party.stations())),
        "station_week": plain(list(ward.party.station_week(date.fromisoformat(q["week_of"])))),
        "requests": plain(requests),
        "route": plain(ward.tasks.route(category, {"household": household})),
    }


def test_party_scenario_matches_the_rust_face() -> None:
    scenario = load("party_scenario.json")
    expected = load("party_expected.json")
    ward = Ward(scenario["config"])
    errors, _ = run(ward, scenario)
    observed = _observe(ward, scenario, errors)
    for key in expected:
        assert observed.get(key) == expected[key], key
    assert observed == expected


def test_generic_execute_reaches_the_same_head_and_the_journal_replays() -> None:
    scenario = load("party_scenario.json")
    expected = load("party_expected.json")
    ward = Ward(scenario["config"])
    run_generic(ward, scenario)
    assert ward.head == expected["head"]
    again = Ward.from_journal(ward.export_journal(), scenario["config"])
    assert again.state_digest() == expected["digest"]
    assert plain(list(again.party.bodies())) == expected["bodies"]


def test_a_refused_party_command_names_its_field_and_changes_nothing() -> None:
    scenario = load("party_scenario.json")
    ward = Ward(scenario["config"])
    run(ward, scenario)
    head = ward.head
    with pytest.raises(InvalidInputError) as refused:
        ward.party.appoint("510104002003", "m2", "member", actor="staff", at="2026-05-04T09:00:00+08:00")
    assert refused.value.code == "not_a_party_member" and "m2" in str(refused.value)
    with pytest.raises(InvalidInputError) as future:
        ward.party.record_station_day(
            "staff", "510104002003001", date(2026, 5, 9), actor="staff", at="2026-05-04T09:00:00+08:00"
        )
    assert future.value.code == "future_day" and "on:" in str(future.value)
    assert ward.head == head

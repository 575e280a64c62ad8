"""The points parity fixture: a community's month of requests turned into certified
service, points by the rules, stars, a catalog with redemptions and a reversal, expiry,
and four communities rated by an indicator tree. The Rust face runs it
(tests/parity.rs); run here through the typed Python methods — grid, tasks, scoring and
points — it must reach the same journal head, records, passbooks, catalog, obligations,
handler scores and evaluations."""

from __future__ import annotations

import json
from datetime import date, datetime
from typing import Any

from parity import load, run, run_generic
from support import plain

import gridward
from gridward import Ward


def _passbook(ward: Ward, person: str) -> dict[str, Any]:
    book = ward.points.passbook(person)
    figures: dict[str, Any] = {"person": person, "earned": 0, "spent": 0, "expired": 0,
                               "balance": 0, "lots": []}
    if book is not None:
        figures.update(book)
    figures["history"] = list(ward.points.passbook_history(person))
    return figures


def test_points_scenario_matches_the_rust_face() -> None:
    scenario = load("points_scenario.json")
    expected = load("points_expected.json")
    ward = Ward(scenario["config"])
    errors, duplicates = run(ward, scenario)
    q = scenario["queries"]
    rating = scenario["rating"]
    records = [ward.scoring.service_record(r["id"]) for r in ward.scoring.service_records()]
    redemptions = [ward.points.redemption(r["id"]) for r in ward.points.redemptions()]
    observed = {
        "head": ward.head,
        "digest": ward.state_digest(),
        "journal_entries": ward.journal_length,
        "errors": errors,
        "duplicates": duplicates,
        "records": plain(records),
        "volunteers": plain(list(ward.scoring.volunteers())),
        "passbooks": plain([_passbook(ward, p) for p in q["people"]]),
        "items": plain(list(ward.points.items())),
        "redemptions": plain(redemptions),
        "totals": ward.points.totals(),
        "obligations": plain(list(ward.scoring.obligations(q["unit"], q["from_month"], q["to_month"]))),
        "handler_scores": plain(list(ward.scoring.handler_scores(
            q["unit"],
            datetime.fromisoformat(q["period_from"]),
            datetime.fromisoformat(q["period_to"]),
        ))),
        "grant_preview": plain(list(ward.scoring.grant_preview(date.fromisoformat(q["grant_preview_on"])))),
        "evaluation": plain(list(gridward.evaluate_communities(rating["tree"], rating["data"]))),
    }
    for key in expected:
        assert observed.get(key) == expected[key], key
    assert observed == expected


def test_generic_execute_reaches_the_same_head_and_the_tree_from_json_text() -> None:
    scenario = load("points_scenario.json")
    expected = load("points_expected.json")
    ward = Ward(scenario["config"])
    run_generic(ward, scenario)
    assert ward.head == expected["head"]
    assert Ward.from_journal(ward.export_journal(), scenario["config"]).state_digest() == expected["digest"]
    # The tree as published JSON text, parsed by the caller (the tree is an object).
    rating = scenario["rating"]
    tree = json.loads(json.dumps(rating["tree"], ensure_ascii=False))
    assert plain(list(gridward.evaluate_communities(tree, rating["data"]))) == expected["evaluation"]

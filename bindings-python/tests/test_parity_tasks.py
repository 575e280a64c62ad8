"""The requests parity fixture: the scenario the Rust face runs (tests/parity.rs), run
here through the typed Python methods — grid and tasks — must reach the same journal
head, request states, indicators, and their counts merged."""

from __future__ import annotations

from datetime import datetime

from parity import load, run, run_generic
from support import plain

from gridward import GridwardError, Ward, indicators_from_counts, merge_indicator_counts

_REQUEST_FIELDS = (
    "id",
    "category",
    "status",
    "responsible",
    "filer",
    "handled_by",
    "verified_by",
    "claimed_by",
    "rating",
    "reopens",
    "returns",
    "extended",
    "supervised",
    "parked",
    "on_time",
    "resolution_due",
    "closed_at",
)


def test_python_face_matches_the_expected_request_numbers() -> None:
    scenario = load("tasks_scenario.json")
    expected = load("tasks_expected.json")
    ward = Ward(scenario.get("config"))
    errors, duplicates = run(ward, scenario)

    q = scenario["queries"]
    start = datetime.fromisoformat(q["period"]["from"])
    end = datetime.fromisoformat(q["period"]["to"])
    requests = [
        {
            **{k: row[k] for k in _REQUEST_FIELDS},  # type: ignore[literal-required]
            "late_reports": sum(w["late"] for w in row["whistles"]),
        }
        for row in ward.tasks.requests()
    ]
    routes = []
    for r in q["routes"]:
        decision = dict(ward.tasks.route(r["category"], r["location"]))
        decision.pop("status")
        routes.append(decision)
    # The counts of every unit of the level, each row's unit dropped, merged into one.
    parts = [{**row, "unit": None} for row in ward.tasks.indicator_counts_by(q["level"], start, end)]
    merged = merge_indicator_counts(parts)
    observed = {
        "head": ward.head,
        "digest": ward.state_digest(),
        "journal_entries": ward.journal_length,
        "duplicates": duplicates,
        "errors": errors,
        "requests": plain(requests),
        "indicators": plain(dict(ward.tasks.indicators(start, end, scope=q["scope"]))),
        "indicators_by": plain(list(ward.tasks.indicators_by(q["level"], start, end))),
        "indicator_counts": plain(dict(ward.tasks.indicator_counts(start, end, scope=q["scope"]))),
        "merged_indicators": plain(dict(indicators_from_counts(merged[0]))),
        "routes": routes,
        "claimable": {p: [row["id"] for row in ward.tasks.claimable_by(p)] for p in q["claimable_by"]},
    }
    assert observed == expected


def test_generic_execute_reaches_the_same_head() -> None:
    scenario = load("tasks_scenario.json")
    expected = load("tasks_expected.json")
    ward = Ward(scenario.get("config"))
    run_generic(ward, scenario)
    assert (ward.head, ward.state_digest()) == (expected["head"], expected["digest"])


def test_the_scenario_in_one_batch_reaches_the_same_head() -> None:
    scenario = load("tasks_scenario.json")
    expected = load("tasks_batched_expected.json")
    ward = Ward(scenario.get("config"))
    batch = [
        {
            "command": step["command"],
            "actor": step["actor"],
            "at": datetime.fromisoformat(step["at"]),
            "key": step.get("key"),
        }
        for step in scenario["steps"]
    ]
    outcomes = ward.execute_batch(batch)
    observed = {
        "head": ward.head,
        "digest": ward.state_digest(),
        "journal_entries": ward.journal_length,
        "duplicates": sum(1 for o in outcomes if not isinstance(o, GridwardError) and o["duplicate"]),
        "outcomes": [o.code if isinstance(o, GridwardError) else None for o in outcomes],
    }
    assert observed == expected
    # The same state as one command at a time.
    assert observed["digest"] == load("tasks_expected.json")["digest"]

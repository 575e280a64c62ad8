"""Simulation from Python: the parity fixture's district gives the Rust face's report, the
districts' counts merge to one ward's, and a district travels as its journal."""

from __future__ import annotations

from typing import Any

from parity import load
from support import plain

import gridward
from gridward import InvalidInputError, Ward, indicators_from_counts, merge_indicator_counts


def test_the_fixture_district_gives_the_rust_report() -> None:
    scenario = load("sim_run.json")
    expected = load("sim_expected.json")
    report = gridward.simulate_district(**scenario)
    assert plain(report) == expected


def _district(d: int, **extra: Any) -> gridward.DistrictReport:
    scenario = load("sim_run.json")
    return gridward.simulate_district(**{**scenario, "district": d, **extra})


def test_districts_merge_with_rates_after_merging() -> None:
    parts = [_district(0), _district(1)]
    whole = merge_indicator_counts([{**p["whole"], "unit": None} for p in parts])
    assert len(whole) == 1 and whole[0]["filed"] == 600
    rates = indicators_from_counts(whole[0])
    closed = sum(p["whole"]["closed"] for p in parts)
    due = sum(p["whole"]["due"] for p in parts)
    assert str(rates["closure_rate"]) == f"{round(closed * 100 / due, 2):.2f}"
    # Unit by unit: the grids of both districts, none shared.
    grids = merge_indicator_counts([row for p in parts for row in p["counts"]])
    assert len(grids) == sum(len(p["counts"]) for p in parts)


def test_a_district_travels_as_its_journal() -> None:
    report = _district(1, journal=True)
    assert report["journal"] is not None and report["config"] is not None
    again = Ward.from_journal(report["journal"], config=report["config"])
    assert (again.state_digest(), again.head) == (report["digest"], report["head"])
    lean = _district(1)
    assert (lean["journal"], lean["config"]) == (None, None)
    # Without the journal asked for, its entries are dropped as the days go: every
    # other figure, the head and the entry count included, is the same.
    assert {**lean, "journal": report["journal"], "config": report["config"]} == report


def test_a_bad_shape_is_refused_naming_the_field() -> None:
    scenario = load("sim_run.json")
    shape = {**scenario["shape"], "streets": 0}
    try:
        gridward.simulate_district(**{**scenario, "shape": shape})
    except InvalidInputError as e:
        assert (e.code, e.field) == ("out_of_range", "shape.streets")
    else:
        raise AssertionError("a shape without streets was accepted")

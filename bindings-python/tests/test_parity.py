"""The cross-face parity fixture: the scenario the Rust face runs, run here through the
typed Python methods, must reach the same journal head and the same numbers."""

from __future__ import annotations

from parity import load, run, run_generic

from gridward import Ward


def test_python_face_matches_the_expected_numbers() -> None:
    scenario = load("grid_scenario.json")
    expected = load("grid_expected.json")
    ward = Ward()
    errors, _ = run(ward, scenario)

    q = scenario["queries"]
    coverage = ward.grid.coverage()
    progress = ward.grid.directive_progress(q["directive"])
    chain = ward.grid.chain(q["chain_household"], q["chain_domain"])
    observed = {
        "head": ward.head,
        "digest": ward.state_digest(),
        "journal_entries": ward.journal_length,
        "counts": dict(ward.grid.counts()),
        "coverage": {
            k: coverage[k]
            for k in (
                "scope",
                "households",
                "micro_grids",
                "unassigned_households",
                "out_of_band",
                "without_party_member",
                "without_leader",
            )
        },
        "progress": {
            k: progress[k]  # type: ignore[literal-required]
            for k in (
                "targets",
                "acknowledged",
                "completion_rate",
                "late",
                "first_after_secs",
                "last_after_secs",
            )
        },
        "progress_by": list(ward.grid.directive_progress_by(q["directive"], q["progress_level"])),
        "chain": {
            "household": chain["household"],
            "domain": chain["domain"],
            "links": [
                {
                    "code": link["code"],
                    "responders": [
                        {"person": r["person"], "role": r["role"]} for r in link["responders"]
                    ],
                }
                for link in chain["links"]
            ],
            "departments": [d["id"] for d in chain["departments"]],
        },
        "errors": errors,
    }
    assert observed == expected


def test_generic_execute_reaches_the_same_head() -> None:
    scenario = load("grid_scenario.json")
    expected = load("grid_expected.json")
    ward = Ward()
    run_generic(ward, scenario)
    assert (ward.head, ward.state_digest()) == (expected["head"], expected["digest"])

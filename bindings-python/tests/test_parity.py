"""The cross-face parity fixture: the scenario the Rust face runs, run here through the
typed Python methods, must reach the same journal head and the same numbers."""

from __future__ import annotations

import json
from datetime import datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from gridward import GridwardError, Ward

FIXTURES = Path(__file__).resolve().parents[2] / "tests" / "fixtures" / "parity"


def _load(name: str) -> Any:
    path = FIXTURES / name
    if not path.exists():
        pytest.skip(f"parity fixture {path} is missing")
    return json.loads(path.read_text(encoding="utf-8"))


def _typed_call(ward: Ward, command: dict[str, Any], **ctx: Any) -> Any:
    """Runs a command's JSON form through the typed method named by its type."""
    fields = dict(command)
    kind = fields.pop("type")
    if "area" in fields:
        fields["area"] = Decimal(fields["area"])
    if fields.get("due") is not None:
        fields["due"] = datetime.fromisoformat(fields["due"])
    method = "import_rows" if kind == "import" else kind
    return getattr(ward, method)(**fields, **ctx)


def test_python_face_matches_the_expected_numbers() -> None:
    scenario = _load("grid_scenario.json")
    expected = _load("grid_expected.json")
    ward = Ward()
    errors: list[str] = []
    for i, step in enumerate(scenario["steps"]):
        ctx = {"actor": step["actor"], "at": datetime.fromisoformat(step["at"])}
        if step.get("key") is not None:
            ctx["key"] = step["key"]
        want = step.get("expect_error")
        head = ward.head
        if want is None:
            _typed_call(ward, step["command"], **ctx)
            continue
        with pytest.raises(GridwardError) as e:
            _typed_call(ward, step["command"], **ctx)
        assert e.value.code == want, f"step {i}: {e.value}"
        assert ward.head == head, f"step {i}: a refused command changed the journal"
        errors.append(e.value.code)

    q = scenario["queries"]
    coverage = ward.coverage()
    progress = ward.directive_progress(q["directive"])
    chain = ward.chain(q["chain_household"], q["chain_domain"])
    observed = {
        "head": ward.head,
        "digest": ward.state_digest(),
        "journal_entries": ward.journal_len,
        "counts": dict(ward.counts()),
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
        "progress_by": list(ward.directive_progress_by(q["directive"], q["progress_level"])),
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

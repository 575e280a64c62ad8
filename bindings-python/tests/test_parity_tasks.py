"""The requests parity fixture: the scenario the Rust face runs (tests/parity.rs), run
here through the typed Python methods — grid and tasks — must reach the same journal
head, request states and indicators."""

from __future__ import annotations

import json
from datetime import datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from gridward import GridwardError, Ward

FIXTURES = Path(__file__).resolve().parents[2] / "tests" / "fixtures" / "parity"

# Command types whose typed method has another name than the type.
_GRID_METHODS = {"import": "import_rows"}
_TASK_METHODS = {"file": "file_request", "return": "return_request", "import": "import_requests"}


def _load(name: str) -> Any:
    path = FIXTURES / name
    if not path.exists():
        pytest.skip(f"parity fixture {path} is missing")
    return json.loads(path.read_text(encoding="utf-8"))


def _grid_fields(fields: dict[str, Any]) -> dict[str, Any]:
    if "area" in fields:
        fields["area"] = Decimal(fields["area"])
    if fields.get("due") is not None:
        fields["due"] = datetime.fromisoformat(fields["due"])
    return fields


def _task_fields(fields: dict[str, Any]) -> dict[str, Any]:
    # Imported requests carry times; the typed method takes datetimes.
    for row in fields.get("requests", []):
        for key in ("filed_at", "updated_at"):
            if row.get(key) is not None:
                row[key] = datetime.fromisoformat(row[key])
    return fields


def _typed_call(ward: Ward, command: dict[str, Any], **ctx: Any) -> Any:
    """Runs a command's `Command` JSON form through the typed method for its
    capability and type."""
    ((capability, body),) = command.items()
    fields = dict(body)
    kind = fields.pop("type")
    if capability == "grid":
        method = _GRID_METHODS.get(kind, kind)
        fields = _grid_fields(fields)
    elif capability == "tasks":
        method = _TASK_METHODS.get(kind, kind)
        fields = _task_fields(fields)
    else:  # pragma: no cover - the fixture has only these two
        raise AssertionError(f"unknown capability {capability!r}")
    return getattr(ward, method)(**fields, **ctx)


def _plain(value: Any) -> Any:
    """The JSON form the Rust runner writes: Decimals and datetimes as text."""
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, datetime):
        return value.isoformat()
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    return value


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
    scenario = _load("tasks_scenario.json")
    expected = _load("tasks_expected.json")
    ward = Ward(scenario.get("config"))
    errors: list[str] = []
    duplicates = 0
    for i, step in enumerate(scenario["steps"]):
        ctx = {"actor": step["actor"], "at": datetime.fromisoformat(step["at"])}
        if step.get("key") is not None:
            ctx["key"] = step["key"]
        want = step.get("expect_error")
        head = ward.head
        if want is None:
            receipt = _typed_call(ward, step["command"], **ctx)
            duplicates += int(receipt["duplicate"])
            continue
        with pytest.raises(GridwardError) as e:
            _typed_call(ward, step["command"], **ctx)
        assert e.value.code == want, f"step {i}: {e.value}"
        assert ward.head == head, f"step {i}: a refused command changed the journal"
        errors.append(e.value.code)

    q = scenario["queries"]
    start = datetime.fromisoformat(q["period"]["from"])
    end = datetime.fromisoformat(q["period"]["to"])
    requests = [
        {
            **{k: row[k] for k in _REQUEST_FIELDS},  # type: ignore[literal-required]
            "late_reports": sum(w["late"] for w in row["whistles"]),
        }
        for row in ward.requests()
    ]
    routes = []
    for r in q["routes"]:
        decision = dict(ward.route(r["category"], r["location"]))
        decision.pop("status")
        routes.append(decision)
    observed = {
        "head": ward.head,
        "digest": ward.state_digest(),
        "journal_entries": ward.journal_len,
        "duplicates": duplicates,
        "errors": errors,
        "requests": _plain(requests),
        "indicators": _plain(dict(ward.indicators(q["scope"], start=start, end=end))),
        "indicators_by": _plain(list(ward.indicators_by(q["level"], start=start, end=end))),
        "routes": routes,
        "claimable": {p: [row["id"] for row in ward.claimable_by(p)] for p in q["claimable_by"]},
    }
    assert observed == expected

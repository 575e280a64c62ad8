"""The points parity fixture: a community's month of requests turned into certified
service, points by the rules, stars, a catalog with redemptions and a reversal, expiry,
and four communities rated by an indicator tree. The Rust face runs it
(tests/parity.rs); run here through the typed Python methods — grid, tasks, scoring and
points — it must reach the same journal head, records, passbooks, catalog, obligations,
handler scores and evaluations."""

from __future__ import annotations

import json
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from test_parity_tasks import _GRID_METHODS, _TASK_METHODS, _grid_fields, _task_fields

import gridward
from gridward import GridwardError, Ward

FIXTURES = Path(__file__).resolve().parents[2] / "tests" / "fixtures" / "parity"

# Command types whose typed method has another name than the type.
_POINTS_METHODS = {"reverse": "reverse_redemption", "expire": "expire_points"}
_DAY_FIELDS = ("on", "valid_from", "valid_until")


def _load(name: str) -> Any:
    path = FIXTURES / name
    if not path.exists():
        pytest.skip(f"parity fixture {path} is missing")
    return json.loads(path.read_text(encoding="utf-8"))


def _scoring_fields(fields: dict[str, Any]) -> dict[str, Any]:
    """Days as `date` and start times as `datetime`, as a Python caller passes them."""
    for k in _DAY_FIELDS:
        if isinstance(fields.get(k), str):
            fields[k] = date.fromisoformat(fields[k])
    if isinstance(fields.get("started_at"), str):
        fields["started_at"] = datetime.fromisoformat(fields["started_at"])
    return fields


def _typed_call(ward: Ward, command: dict[str, Any], **ctx: Any) -> Any:
    """Runs a command's `Command` JSON form through the typed method for its
    capability and type."""
    ((capability, body),) = command.items()
    fields = dict(body)
    kind = fields.pop("type")
    if capability == "grid":
        method, fields = _GRID_METHODS.get(kind, kind), _grid_fields(fields)
    elif capability == "tasks":
        method, fields = _TASK_METHODS.get(kind, kind), _task_fields(fields)
    elif capability == "scoring":
        method, fields = kind, _scoring_fields(fields)
    elif capability == "points":
        method, fields = _POINTS_METHODS.get(kind, kind), _scoring_fields(fields)
    else:  # pragma: no cover - the fixture has only these four
        raise AssertionError(f"unknown capability {capability!r}")
    return getattr(ward, method)(**fields, **ctx)


def _plain(value: Any) -> Any:
    """The JSON form the Rust runner writes: Decimals, days and times as text."""
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    return value


def _run(scenario: dict[str, Any]) -> tuple[Ward, list[str], int]:
    ward = Ward(scenario["config"])
    errors: list[str] = []
    duplicates = 0
    for i, step in enumerate(scenario["steps"]):
        ctx: dict[str, Any] = {"actor": step["actor"], "at": datetime.fromisoformat(step["at"])}
        if step.get("key") is not None:
            ctx["key"] = step["key"]
        want = step.get("expect_error")
        if want is None:
            receipt = _typed_call(ward, step["command"], **ctx)
            duplicates += receipt["duplicate"]
            continue
        head = ward.head
        with pytest.raises(GridwardError) as raised:
            _typed_call(ward, step["command"], **ctx)
        assert raised.value.code == want, f"step {i}: {raised.value}"
        assert ward.head == head, f"step {i} left a trace"
        errors.append(raised.value.code)
    return ward, errors, duplicates


def _passbook(ward: Ward, person: str) -> dict[str, Any]:
    book = ward.passbook(person)
    figures: dict[str, Any] = {"person": person, "earned": 0, "spent": 0, "expired": 0,
                               "balance": 0, "lots": []}
    if book is not None:
        figures.update(book)
    figures["history"] = list(ward.passbook_history(person))
    return figures


def test_points_scenario_matches_the_rust_face() -> None:
    scenario = _load("points_scenario.json")
    expected = _load("points_expected.json")
    ward, errors, duplicates = _run(scenario)
    q = scenario["queries"]
    rating = scenario["rating"]
    records = [ward.service_record(r["id"]) for r in ward.service_records()]
    redemptions = [ward.redemption(r["id"]) for r in ward.redemptions()]
    observed = {
        "head": ward.head,
        "digest": ward.state_digest(),
        "journal_entries": ward.journal_len,
        "errors": errors,
        "duplicates": duplicates,
        "records": _plain(records),
        "volunteers": _plain(list(ward.volunteers())),
        "passbooks": _plain([_passbook(ward, p) for p in q["people"]]),
        "items": _plain(list(ward.items())),
        "redemptions": _plain(redemptions),
        "totals": ward.points_totals(),
        "obligations": _plain(list(ward.obligations(q["unit"], q["from_month"], q["to_month"]))),
        "handler_scores": _plain(list(ward.handler_scores(
            q["unit"],
            datetime.fromisoformat(q["period_from"]),
            datetime.fromisoformat(q["period_to"]),
        ))),
        "grant_preview": _plain(list(ward.grant_preview(date.fromisoformat(q["grant_preview_on"])))),
        "evaluation": _plain(list(gridward.evaluate_communities(rating["tree"], rating["data"]))),
    }
    for key in expected:
        assert observed.get(key) == expected[key], key
    assert observed == expected


def test_generic_execute_reaches_the_same_head_and_the_tree_reads_json_text() -> None:
    scenario = _load("points_scenario.json")
    expected = _load("points_expected.json")
    ward = Ward(scenario["config"])
    for step in scenario["steps"]:
        if step.get("expect_error") is not None:
            continue
        at = datetime.fromisoformat(step["at"])
        ward.execute(step["command"], actor=step["actor"], at=at, key=step.get("key"))
    assert ward.head == expected["head"]
    assert Ward.from_journal(ward.export_journal(), scenario["config"]).state_digest() == expected["digest"]
    rating = scenario["rating"]
    as_text = gridward.evaluate_communities(json.dumps(rating["tree"], ensure_ascii=False), rating["data"])
    assert _plain(list(as_text)) == expected["evaluation"]

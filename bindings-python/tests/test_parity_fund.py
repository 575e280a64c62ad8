"""The fund parity fixture: a year of a small compound's common fund and its owners'
votes, which the Rust face runs (tests/parity.rs), run here through the typed Python
methods — grid, fund and assembly — must reach the same journal head, statement, trial
balance, vote counts and exports."""

from __future__ import annotations

import hashlib
import json
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from gridward import GridwardError, Ward

FIXTURES = Path(__file__).resolve().parents[2] / "tests" / "fixtures" / "parity"

# Fields whose Python name differs from the core's: Python has no parameter `from`, and
# `key` is the idempotency key.
_RENAMED = {"from": "start", "to": "end", "key": "sharing_key"}
_GRID_METHODS = {"import": "import_rows"}
_DAY_FIELDS = ("start", "end")
_AMOUNT_FIELDS = ("amount", "approval_threshold", "area")


def _load(name: str) -> Any:
    path = FIXTURES / name
    if not path.exists():
        pytest.skip(f"parity fixture {path} is missing")
    return json.loads(path.read_text(encoding="utf-8"))


def _native(fields: dict[str, Any]) -> dict[str, Any]:
    """The typed method's arguments: the core's names mapped, amounts as Decimal,
    days as date, times as datetime (as a Python caller would pass them)."""
    out = {_RENAMED.get(k, k): v for k, v in fields.items()}
    for k in _AMOUNT_FIELDS:
        if isinstance(out.get(k), str):
            out[k] = Decimal(out[k])
    for k in _DAY_FIELDS:
        if isinstance(out.get(k), str):
            out[k] = date.fromisoformat(out[k])
    for k in ("closes", "due"):
        if isinstance(out.get(k), str):
            out[k] = datetime.fromisoformat(out[k])
    for tx in out.get("transactions", []):
        tx["date"] = date.fromisoformat(tx["date"])
        for p in tx["postings"]:
            p["amount"] = Decimal(p["amount"])
    return out


def _typed_call(ward: Ward, command: dict[str, Any], **ctx: Any) -> Any:
    """Runs a command's `Command` JSON form through the typed method for its type."""
    ((capability, body),) = command.items()
    fields = dict(body)
    kind = fields.pop("type")
    assert capability in ("grid", "fund", "assembly"), capability
    method = _GRID_METHODS.get(kind, kind) if capability == "grid" else kind
    return getattr(ward, method)(**_native(fields), **ctx)


def _plain(value: Any) -> Any:
    """The JSON form the Rust runner writes: Decimals, dates and times as text."""
    if isinstance(value, Decimal):
        return format(value, "f")
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    return value


def _sha(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def test_fund_scenario_matches_the_rust_face() -> None:
    scenario = _load("fund_scenario.json")
    expected = _load("fund_expected.json")
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

    q = scenario["queries"]
    fund = q["fund"]
    statement = ward.statement(fund, date.fromisoformat(q["from"]), date.fromisoformat(q["to"]))
    motions = []
    for m in ward.motions():
        tally = m["tally"] if m["closed"] else None
        motions.append(
            {"id": m["id"], "outcome": tally["outcome"] if tally else None, "tally": tally}
        )
    observed = {
        "head": ward.head,
        "digest": ward.state_digest(),
        "journal_entries": ward.journal_len,
        "errors": errors,
        "duplicates": duplicates,
        "statement": _plain(dict(statement)),
        "trial_balance": _plain(ward.trial_balance(fund)),
        "motions": _plain(motions),
        "verify": Ward.verify_statement(ward.export_journal(), statement, scenario["config"]),
        "hledger_sha256": _sha(ward.export_hledger(fund)),
        "beancount_sha256": _sha(ward.export_beancount(fund)),
    }
    for key in expected:
        assert observed[key] == expected[key], key
    assert observed == expected


def test_the_statement_survives_a_json_round_trip_and_still_verifies() -> None:
    """The generic `execute` reaches the same head, and the statement published as
    JSON (amounts and days as text) verifies against the journal; a forged figure
    does not."""
    scenario = _load("fund_scenario.json")
    expected = _load("fund_expected.json")
    ward = Ward(scenario["config"])
    for step in scenario["steps"]:
        if step.get("expect_error") is not None:
            continue
        at = datetime.fromisoformat(step["at"])
        ward.execute(step["command"], actor=step["actor"], at=at, key=step.get("key"))
    assert ward.head == expected["head"]
    journal = ward.export_journal()
    published = json.loads(json.dumps(expected["statement"]))
    assert Ward.verify_statement(journal, published) == expected["verify"]
    forged = dict(published, surplus="1.00")
    check = Ward.verify_statement(journal, forged)
    assert check["head_matches"] is True
    assert check["verified"] is False

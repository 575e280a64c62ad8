"""Running the cross-face parity scenarios (tests/fixtures/parity/*_scenario.json)
through the typed Python methods: each step's command, in the core's JSON form, becomes
`getattr(getattr(ward, capability), method)(**fields, actor=..., at=..., key=...)`, with
its values as a Python caller passes them (Decimal, date, aware datetime)."""

from __future__ import annotations

import json
import keyword
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from gridward import GridwardError, Ward

FIXTURES = Path(__file__).resolve().parents[2] / "tests" / "fixtures" / "parity"

# Commands whose typed method has another name than the command.
METHODS = {
    ("grid", "import"): "import_rows",
    ("tasks", "import"): "import_requests",
    ("tasks", "return"): "return_request",
}
# Fields whose parameter has another name than the field (besides Python keywords,
# which take a trailing underscore): the dividend's sharing key, as `key` is the
# idempotency key.
PARAMETERS = {("fund", "propose_dividend", "key"): "sharing_key"}

# Fields given as Python values, by capability: exact amounts, days and times.
_AMOUNTS = {
    "grid": ("area",),
    "fund": ("amount", "approval_threshold"),
    "projects": ("amount", "estimate", "cost", "quote"),
    "party": ("hours",),
}
_DAYS = {
    "fund": ("from", "to"),
    "scoring": ("on",),
    "points": ("on", "valid_from", "valid_until"),
    "party": ("on", "from", "to"),
}
_TIMES = {"grid": ("due",), "assembly": ("closes",), "scoring": ("started_at",), "projects": ("closes",)}


def load(name: str) -> Any:
    """A parity fixture, or a skip when it has not been generated."""
    path = FIXTURES / name
    if not path.exists():
        pytest.skip(f"parity fixture {path} is missing")
    return json.loads(path.read_text(encoding="utf-8"))


def parameter(capability: str, command: str, field: str) -> str:
    """The typed method's parameter for a command's field."""
    renamed = PARAMETERS.get((capability, command, field))
    if renamed is not None:
        return renamed
    return f"{field}_" if keyword.iskeyword(field) else field


def _python(capability: str, fields: dict[str, Any]) -> dict[str, Any]:
    """The fields' values as a Python caller passes them."""
    out = dict(fields)
    for k in _AMOUNTS.get(capability, ()):
        if isinstance(out.get(k), str):
            out[k] = Decimal(out[k])
    for k in _DAYS.get(capability, ()):
        if isinstance(out.get(k), str):
            out[k] = date.fromisoformat(out[k])
    for k in _TIMES.get(capability, ()):
        if isinstance(out.get(k), str):
            out[k] = datetime.fromisoformat(out[k])
    if capability == "fund" and "transactions" in out:
        out["transactions"] = [
            {
                **tx,
                "date": date.fromisoformat(tx["date"]),
                "postings": [{**p, "amount": Decimal(p["amount"])} for p in tx["postings"]],
            }
            for tx in out["transactions"]
        ]
    if capability == "tasks" and "requests" in out:
        out["requests"] = [
            {k: datetime.fromisoformat(v) if k in ("filed_at", "updated_at") and v else v for k, v in row.items()}
            for row in out["requests"]
        ]
    return out


def typed_call(ward: Ward, command: dict[str, Any], **context: Any) -> Any:
    """Runs a command's JSON form (`{"tasks": {"type": "file", ...}}`, or a bare grid
    command) through the typed method for its capability and type."""
    if "type" in command:
        capability, body = "grid", command
    else:
        ((capability, body),) = command.items()
    fields = dict(body)
    kind = fields.pop("type")
    method = METHODS.get((capability, kind), kind)
    args = {parameter(capability, kind, k): v for k, v in _python(capability, fields).items()}
    return getattr(getattr(ward, capability), method)(**args, **context)


def run(ward: Ward, scenario: dict[str, Any]) -> tuple[list[str], int]:
    """Runs every step of a scenario; a step that expects an error must raise it and
    leave the journal as it was. Returns the refusals' codes and the number of
    duplicate receipts."""
    errors: list[str] = []
    duplicates = 0
    for i, step in enumerate(scenario["steps"]):
        context: dict[str, Any] = {"actor": step["actor"], "at": datetime.fromisoformat(step["at"])}
        if step.get("key") is not None:
            context["key"] = step["key"]
        want = step.get("expect_error")
        if want is None:
            receipt = typed_call(ward, step["command"], **context)
            duplicates += int(receipt["duplicate"])
            continue
        head = ward.head
        with pytest.raises(GridwardError) as raised:
            typed_call(ward, step["command"], **context)
        assert raised.value.code == want, f"step {i}: {raised.value}"
        assert ward.head == head, f"step {i}: a refused command changed the journal"
        errors.append(raised.value.code)
    return errors, duplicates


def run_generic(ward: Ward, scenario: dict[str, Any]) -> None:
    """Runs every step that should succeed through the generic `execute`."""
    for step in scenario["steps"]:
        if step.get("expect_error") is not None:
            continue
        command = step["command"]
        if "type" in command:  # the grid fixture's bare commands
            command = {"grid": command}
        at = datetime.fromisoformat(step["at"])
        ward.execute(command, actor=step["actor"], at=at, key=step.get("key"))

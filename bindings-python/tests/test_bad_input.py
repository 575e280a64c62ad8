"""Bad input gets the same typed error on every face: for each field of every command,
a value of the wrong type (a float for a decimal, a date-time without its offset, a name
outside an enumeration, a number for a text …) is refused with the code and field that
the shared fixture gives, and the ward is untouched. The fixture is generated from the
description and confirmed against the core; the JavaScript face runs the same cases."""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest

from gridward import GridwardError, InvalidInputError, Ward

FIXTURE = Path(__file__).resolve().parents[2] / "tests" / "fixtures" / "parity" / "bad_input.json"
CASES: list[dict[str, Any]] = json.loads(FIXTURE.read_text(encoding="utf-8"))["cases"]


def _ward() -> Ward:
    ward = Ward()
    ward.grid.add_unit("510105", "青羊区", at="2026-03-02T09:00:00+08:00")
    return ward


def _method(ward: Ward, case: dict[str, Any]) -> Any:
    return getattr(getattr(ward, case["capability"]), case["method"])


def _kwargs(case: dict[str, Any]) -> dict[str, Any]:
    params = case["python_params"]
    return {params[k]: v for k, v in case["args"].items() if k in params}


@pytest.mark.parametrize(
    "case", CASES, ids=[f"{c['capability']}.{c['command']}:{c['field']}" for c in CASES]
)
def test_each_field_refuses_a_wrong_type(case: dict[str, Any]) -> None:
    ward = _ward()
    head, digest = ward.head, ward.state_digest()
    method = _method(ward, case)
    if case.get("top_level_unknown"):
        # A keyword the method does not take: Python's own refusal, naming it.
        with pytest.raises(TypeError, match="no_such_field"):
            method(**_kwargs(case), no_such_field=1)
    else:
        with pytest.raises(InvalidInputError) as refused:
            method(**_kwargs(case))
        assert isinstance(refused.value, GridwardError)
        assert (refused.value.code, refused.value.field) == (case["code"], case["field"])
        assert refused.value.kind == "invalid"
        assert case["field"] in str(refused.value)
    assert (ward.head, ward.state_digest()) == (head, digest)


NAIVE = [c for c in CASES if c["code"] == "naive_datetime"]


@pytest.mark.parametrize("case", NAIVE, ids=[f"{c['capability']}.{c['command']}" for c in NAIVE])
def test_a_naive_datetime_object_is_refused_naming_the_field(case: dict[str, Any]) -> None:
    ward = _ward()
    kwargs = _kwargs(case)
    param = case["python_params"][case["field"]]
    kwargs[param] = datetime.fromisoformat(case["args"][case["field"]])
    with pytest.raises(InvalidInputError) as refused:
        _method(ward, case)(**kwargs)
    assert (refused.value.code, refused.value.field) == ("naive_datetime", case["field"])


def test_the_context_refuses_a_naive_time() -> None:
    ward = _ward()
    with pytest.raises(InvalidInputError) as refused:
        ward.grid.add_unit("510106", "锦江区", at=datetime(2026, 3, 2, 9, 0))
    assert (refused.value.code, refused.value.field) == ("naive_datetime", "at")


def test_the_cases_cover_every_command_and_each_kind_of_fault() -> None:
    codes = {c["code"] for c in CASES}
    assert {"wrong_type", "unknown_field", "unknown_value", "float_not_allowed", "naive_datetime", "bad_format"} <= codes
    commands = {(c["capability"], c["command"]) for c in CASES if c.get("top_level_unknown")}
    assert len(commands) == len({(c["capability"], c["command"]) for c in CASES})

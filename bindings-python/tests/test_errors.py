"""Every error kind maps to its exception class with the core's stable code; input that
breaks the description is refused with a generic code and the path of the field at
fault; and a refused command leaves the journal exactly as it was."""

from __future__ import annotations

import hashlib
import json
from datetime import datetime
from decimal import Decimal
from typing import Any, Callable

import pytest

from support import AT, COMMUNITY, DISTRICT, GRID, MICRO_1, MICRO_2, STREET

import gridward
from gridward import (
    ConflictError,
    GridwardError,
    InternalError,
    InvalidInputError,
    JournalError,
    NotFoundError,
    PermissionDeniedError,
    Ward,
)

KIND_OF = {
    InvalidInputError: "invalid",
    NotFoundError: "not_found",
    ConflictError: "conflict",
    PermissionDeniedError: "permission_denied",
    JournalError: "journal",
    InternalError: "internal",
}

Call = Callable[[Ward], Any]

CASES: list[tuple[str, type[GridwardError], Call]] = [
    # invalid: from the core
    ("bad_area", InvalidInputError, lambda w: w.grid.add_household("x", MICRO_1, "-3", at=AT)),
    ("bad_area", InvalidInputError, lambda w: w.grid.add_household("x", MICRO_1, "1.234", at=AT)),
    ("bad_text", InvalidInputError, lambda w: w.grid.add_person("p", "", at=AT)),
    ("role_level", InvalidInputError, lambda w: w.grid.grant_role("res1", "grid_leader", MICRO_1, at=AT)),
    ("wrong_level", InvalidInputError, lambda w: w.grid.add_household("x", STREET, 1, at=AT)),
    (
        "due_before_issue",
        InvalidInputError,
        lambda w: w.grid.issue_directive("d", GRID, "t", due=datetime(2020, 1, 1, tzinfo=AT.tzinfo), at=AT),
    ),
    # not found
    ("unknown_unit", NotFoundError, lambda w: w.grid.rename_unit("510105001001009", "x", at=AT)),
    ("unknown_unit", NotFoundError, lambda w: w.grid.subtree("510106")),
    ("parent_missing", NotFoundError, lambda w: w.grid.add_unit("510105001001009001", "x", at=AT)),
    ("unknown_household", NotFoundError, lambda w: w.grid.move_household("nope", GRID, at=AT)),
    ("unknown_household", NotFoundError, lambda w: w.grid.chain("nope", "fire_safety")),
    ("unknown_person", NotFoundError, lambda w: w.grid.register_resident("nobody", "1-101", at=AT)),
    ("unknown_directive", NotFoundError, lambda w: w.grid.directive_progress("nope")),
    ("unknown_directive", NotFoundError, lambda w: w.grid.acknowledge("nope", ["1-101"], at=AT)),
    # conflict
    ("unit_exists", ConflictError, lambda w: w.grid.add_unit(DISTRICT, "again", at=AT)),
    ("household_exists", ConflictError, lambda w: w.grid.add_household("1-101", MICRO_1, 1, at=AT)),
    ("person_exists", ConflictError, lambda w: w.grid.add_person("res1", "again", at=AT)),
    ("unit_not_empty", ConflictError, lambda w: w.grid.retire_unit(GRID, at=AT)),
    ("role_held", ConflictError, lambda w: w.grid.grant_role("w1", "micro_grid_worker", MICRO_1, at=AT)),
    ("already_resident", ConflictError, lambda w: w.grid.register_resident("res1", "1-101", at=AT)),
    # permission denied
    ("permission_denied", PermissionDeniedError, lambda w: w.grid.rename_unit(GRID, "x", actor="res1", at=AT)),
    ("permission_denied", PermissionDeniedError, lambda w: w.grid.add_household("x", MICRO_2, 1, actor="w1", at=AT)),
    ("permission_denied", PermissionDeniedError, lambda w: w.grid.add_unit("510106", "x", actor="chief", at=AT)),
    ("unknown_actor", PermissionDeniedError, lambda w: w.grid.rename_unit(GRID, "x", actor="ghost", at=AT)),
]

# Input refused against the description, with the path of the field at fault. A unit
# code the core would refuse (`invalid_code` on the old face) is a `bad_format` now.
INPUT_CASES: list[tuple[str, str, Call]] = [
    ("bad_format", "code", lambda w: w.grid.add_unit("5101x5", "x", at=AT)),
    ("bad_format", "code", lambda w: w.grid.unit("510100")),
    ("float_not_allowed", "area", lambda w: w.grid.add_household("x", MICRO_1, 72.5, at=AT)),
    (
        "float_not_allowed",
        "grid.area",
        lambda w: w.execute({"grid": {"type": "add_household", "id": "x", "unit": MICRO_1, "area": 1.5}}),
    ),
    ("bad_format", "area", lambda w: w.grid.add_household("x", MICRO_1, "abc", at=AT)),
    ("bad_format", "area", lambda w: w.grid.add_household("x", MICRO_1, Decimal("NaN"), at=AT)),
    ("naive_datetime", "at", lambda w: w.grid.add_unit("510106", "x", at=datetime(2026, 1, 1))),
    ("bad_format", "at", lambda w: w.grid.add_unit("510106", "x", at="2026-01-01")),
    ("unknown_value", "domains[0]", lambda w: w.grid.set_domains(GRID, ["weather"], at=AT)),
    ("unknown_value", "role", lambda w: w.grid.grant_role("res1", "king", GRID, at=AT)),
    ("unknown_value", "level", lambda w: w.grid.directive_progress_by("d", "planet")),
    ("unknown_value", "grid.type", lambda w: w.execute({"grid": {"type": "fly"}}, at=AT)),
    # The whole command is at fault, not a field of it: no field is named.
    ("wrong_type", None, lambda w: w.execute({"type": "fly"}, at=AT)),
    ("missing_field", "rows[0].code", lambda w: w.grid.import_rows([{"kind": "unit"}], at=AT)),
    ("unknown_value", "rows[0].kind", lambda w: w.grid.import_rows([{"kind": "planet"}], at=AT)),
    ("wrong_type", "config.grid.coverage.band", lambda w: Ward({"grid": {"coverage": {"band": "wide"}}})),
    ("bad_format", "expected_head", lambda w: gridward.verify_journal("", expected_head="not-a-hash")),
]


@pytest.mark.parametrize(("code", "cls", "call"), CASES, ids=[f"{c[0]}-{i}" for i, c in enumerate(CASES)])
def test_error_maps_to_its_class_and_changes_nothing(
    ward: Ward, code: str, cls: type[GridwardError], call: Call
) -> None:
    head, n, digest = ward.head, ward.journal_length, ward.state_digest()
    with pytest.raises(cls) as e:
        call(ward)
    err = e.value
    assert isinstance(err, GridwardError)
    assert err.code == code
    assert err.kind == KIND_OF[cls]
    assert str(err)
    assert (ward.head, ward.journal_length, ward.state_digest()) == (head, n, digest)


@pytest.mark.parametrize(
    ("code", "field", "call"), INPUT_CASES, ids=[f"{c[0]}-{c[1]}" for c in INPUT_CASES]
)
def test_bad_input_names_its_field_and_changes_nothing(
    ward: Ward, code: str, field: str | None, call: Call
) -> None:
    head, n, digest = ward.head, ward.journal_length, ward.state_digest()
    with pytest.raises(InvalidInputError) as e:
        call(ward)
    assert (e.value.code, e.value.kind, e.value.field) == (code, "invalid", field)
    assert field is None or field in str(e.value)
    assert (ward.head, ward.journal_length, ward.state_digest()) == (head, n, digest)


def test_exception_hierarchy() -> None:
    for cls in KIND_OF:
        assert issubclass(cls, GridwardError)
        assert cls.__module__ == "gridward"
    assert issubclass(GridwardError, Exception)


def test_permission_denied_leaves_head_unchanged(ward: Ward) -> None:
    head = ward.head
    with pytest.raises(PermissionDeniedError) as e:
        ward.grid.issue_directive("d", COMMUNITY, "t", actor="w1", at=AT)
    assert e.value.code == "permission_denied"
    assert ward.head == head
    assert ward.grid.directives() == []
    # The same command from someone allowed goes through.
    ward.grid.issue_directive("d", COMMUNITY, "t", actor="chief", at=AT)
    assert ward.head != head


def test_idempotency_key(ward: Ward) -> None:
    first = ward.grid.add_person("p9", "周", at=AT, key="k-1")
    assert first["duplicate"] is False and first["seq"] == ward.journal_length
    head = ward.head
    again = ward.grid.add_person("p9", "周", at=AT, key="k-1")
    assert again == {"seq": first["seq"], "events": 0, "head": head, "duplicate": True}
    assert ward.head == head
    with pytest.raises(ConflictError) as e:
        ward.grid.add_person("p10", "吴", at=AT, key="k-1")
    assert e.value.code == "idempotency_conflict" and e.value.kind == "conflict"
    assert ward.head == head
    # Keys survive a replay of the journal.
    back = Ward.from_journal(ward.export_journal())
    assert back.grid.add_person("p9", "周", at=AT, key="k-1")["duplicate"] is True
    with pytest.raises(InvalidInputError) as bad:
        ward.grid.add_person("p11", "郑", at=AT, key="")
    assert bad.value.code == "bad_text"


def _entry(seq: int, prev: str, body: Any) -> tuple[str, str]:
    text = json.dumps(body, separators=(",", ":"), ensure_ascii=False)
    digest = hashlib.sha256(f"{seq}\n{prev}\n{text}".encode()).hexdigest()
    line = f'{{"seq":{seq},"prev":"{prev}","hash":"{digest}","body":{text}}}'
    return line, digest


def test_journal_errors() -> None:
    zero = "0" * 64
    # A chain whose hashes hold but whose body is not Gridward's.
    forged, _ = _entry(1, zero, {"hello": "world"})
    with pytest.raises(JournalError) as e:
        Ward.from_journal(forged + "\n")
    assert (e.value.code, e.value.kind) == ("journal_malformed", "journal")
    # A well-formed entry that cannot be replayed: renaming a unit that does not exist.
    body = {
        "at": "2026-03-02T09:00:00+08:00",
        "actor": "system",
        "events": [{"grid": {"type": "unit_renamed", "code": "510105", "name": "x"}}],
    }
    forged, _ = _entry(1, zero, body)
    with pytest.raises(JournalError) as e:
        Ward.from_journal(forged + "\n")
    assert e.value.code == "journal_replay"
    with pytest.raises(JournalError) as e:
        Ward.from_journal("not json\n")
    assert e.value.code == "journal_broken"

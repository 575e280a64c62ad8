"""Every error kind maps to its exception class with the core's stable code, and a
refused command leaves the journal exactly as it was."""

from __future__ import annotations

import hashlib
import json
from datetime import datetime
from decimal import Decimal
from typing import Any, Callable

import pytest

from conftest import AT, COMMUNITY, DISTRICT, GRID, MICRO_1, MICRO_2, STREET
import gridward
from gridward import (
    ConflictError,
    GridwardError,
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
}

Call = Callable[[Ward], Any]

CASES: list[tuple[str, type[GridwardError], Call]] = [
    # invalid: from the core
    ("bad_area", InvalidInputError, lambda w: w.add_household("x", MICRO_1, "-3", at=AT)),
    ("bad_area", InvalidInputError, lambda w: w.add_household("x", MICRO_1, "1.234", at=AT)),
    ("invalid_code", InvalidInputError, lambda w: w.add_unit("5101x5", "x", at=AT)),
    ("invalid_code", InvalidInputError, lambda w: w.unit("510100")),
    ("bad_text", InvalidInputError, lambda w: w.add_person("p", "", at=AT)),
    ("role_level", InvalidInputError, lambda w: w.grant_role("res1", "grid_leader", MICRO_1, at=AT)),
    ("wrong_level", InvalidInputError, lambda w: w.add_household("x", STREET, 1, at=AT)),
    (
        "due_before_issue",
        InvalidInputError,
        lambda w: w.issue_directive("d", GRID, "t", datetime(2020, 1, 1, tzinfo=AT.tzinfo), at=AT),
    ),
    # invalid: found by the binding
    ("float_not_allowed", InvalidInputError, lambda w: w.add_household("x", MICRO_1, 72.5, at=AT)),
    (
        "float_not_allowed",
        InvalidInputError,
        lambda w: w.execute({"type": "add_household", "id": "x", "unit": MICRO_1, "area": 1.5}),
    ),
    ("invalid_decimal", InvalidInputError, lambda w: w.add_household("x", MICRO_1, "abc", at=AT)),
    (
        "invalid_decimal",
        InvalidInputError,
        lambda w: w.add_household("x", MICRO_1, Decimal("NaN"), at=AT),
    ),
    ("naive_datetime", InvalidInputError, lambda w: w.add_unit("510106", "x", at=datetime(2026, 1, 1))),
    ("invalid_datetime", InvalidInputError, lambda w: w.add_unit("510106", "x", at="2026-01-01")),  # type: ignore[arg-type]
    ("invalid_domain", InvalidInputError, lambda w: w.set_domains(GRID, ["weather"], at=AT)),
    ("invalid_role", InvalidInputError, lambda w: w.grant_role("res1", "king", GRID, at=AT)),
    ("invalid_level", InvalidInputError, lambda w: w.directive_progress_by("d", "planet")),
    ("invalid_command", InvalidInputError, lambda w: w.execute({"type": "fly"}, at=AT)),
    ("invalid_row", InvalidInputError, lambda w: w.import_rows([{"kind": "unit"}], at=AT)),
    ("invalid_config", InvalidInputError, lambda w: Ward({"grid": {"coverage": {"band": "wide"}}})),
    ("bad_hash", InvalidInputError, lambda w: gridward.verify_journal("", "not-a-hash")),
    # not found
    ("unknown_unit", NotFoundError, lambda w: w.rename_unit("510105001001009", "x", at=AT)),
    ("unknown_unit", NotFoundError, lambda w: w.subtree("510106")),
    ("parent_missing", NotFoundError, lambda w: w.add_unit("510105001001009001", "x", at=AT)),
    ("unknown_household", NotFoundError, lambda w: w.move_household("nope", GRID, at=AT)),
    ("unknown_household", NotFoundError, lambda w: w.chain("nope", "fire_safety")),
    ("unknown_person", NotFoundError, lambda w: w.register_resident("nobody", "1-101", at=AT)),
    ("unknown_directive", NotFoundError, lambda w: w.directive_progress("nope")),
    ("unknown_directive", NotFoundError, lambda w: w.acknowledge("nope", ["1-101"], at=AT)),
    # conflict
    ("unit_exists", ConflictError, lambda w: w.add_unit(DISTRICT, "again", at=AT)),
    ("household_exists", ConflictError, lambda w: w.add_household("1-101", MICRO_1, 1, at=AT)),
    ("person_exists", ConflictError, lambda w: w.add_person("res1", "again", at=AT)),
    ("unit_not_empty", ConflictError, lambda w: w.retire_unit(GRID, at=AT)),
    ("role_held", ConflictError, lambda w: w.grant_role("w1", "micro_grid_worker", MICRO_1, at=AT)),
    ("already_resident", ConflictError, lambda w: w.register_resident("res1", "1-101", at=AT)),
    # permission denied
    ("permission_denied", PermissionDeniedError, lambda w: w.rename_unit(GRID, "x", actor="res1", at=AT)),
    ("permission_denied", PermissionDeniedError, lambda w: w.add_household("x", MICRO_2, 1, actor="w1", at=AT)),
    ("permission_denied", PermissionDeniedError, lambda w: w.add_unit("510106", "x", actor="chief", at=AT)),
    ("unknown_actor", PermissionDeniedError, lambda w: w.rename_unit(GRID, "x", actor="ghost", at=AT)),
]


@pytest.mark.parametrize(("code", "cls", "call"), CASES, ids=[f"{c[0]}-{i}" for i, c in enumerate(CASES)])
def test_error_maps_to_its_class_and_changes_nothing(
    ward: Ward, code: str, cls: type[GridwardError], call: Call
) -> None:
    head, n, digest = ward.head, ward.journal_len, ward.state_digest()
    with pytest.raises(cls) as e:
        call(ward)
    err = e.value
    assert isinstance(err, GridwardError)
    assert err.code == code
    assert err.kind == KIND_OF[cls]
    assert str(err)
    assert (ward.head, ward.journal_len, ward.state_digest()) == (head, n, digest)


def test_exception_hierarchy() -> None:
    for cls in KIND_OF:
        assert issubclass(cls, GridwardError)
        assert cls.__module__ == "gridward"
    assert issubclass(GridwardError, Exception)


def test_permission_denied_leaves_head_unchanged(ward: Ward) -> None:
    head = ward.head
    with pytest.raises(PermissionDeniedError) as e:
        ward.issue_directive("d", COMMUNITY, "t", actor="w1", at=AT)
    assert e.value.code == "permission_denied"
    assert ward.head == head
    assert ward.directives() == []
    # The same command from someone allowed goes through.
    ward.issue_directive("d", COMMUNITY, "t", actor="chief", at=AT)
    assert ward.head != head


def test_idempotency_key(ward: Ward) -> None:
    first = ward.add_person("p9", "周", at=AT, key="k-1")
    assert first["duplicate"] is False and first["seq"] == ward.journal_len
    head = ward.head
    again = ward.add_person("p9", "周", at=AT, key="k-1")
    assert again == {"seq": first["seq"], "events": 0, "head": head, "duplicate": True}
    assert ward.head == head
    with pytest.raises(ConflictError) as e:
        ward.add_person("p10", "吴", at=AT, key="k-1")
    assert e.value.code == "idempotency_conflict" and e.value.kind == "conflict"
    assert ward.head == head
    # Keys survive a replay of the journal.
    back = Ward.from_journal(ward.export_journal())
    assert back.add_person("p9", "周", at=AT, key="k-1")["duplicate"] is True
    with pytest.raises(InvalidInputError) as bad:
        ward.add_person("p11", "郑", at=AT, key="")
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

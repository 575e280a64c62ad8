"""Batched execution through the Python face: each command decided as `execute` would
decide it, the accepted ones in one journal entry, refusals returned in place and
leaving no trace, bad items named by their index."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import gridward
from gridward import GridwardError, Ward

START = datetime(2026, 1, 5, 8, 0, tzinfo=timezone(timedelta(hours=8)))


def person(i: str) -> dict[str, object]:
    return {"grid": {"type": "add_person", "id": i, "name": "某人", "phone": None, "party_member": False}}


def test_a_batch_records_the_accepted_commands_in_one_entry() -> None:
    ward = Ward()
    ward.grid.add_unit("510105", "青羊区", at=START)
    outcomes = ward.execute_batch(
        [
            {"command": person("p1"), "at": START},
            {"command": person("p1"), "at": START},
            {"command": person("p2"), "at": START + timedelta(minutes=1), "key": "k2"},
            {"command": person("p2"), "at": START + timedelta(minutes=1), "key": "k2"},
        ]
    )
    assert ward.journal_length == 2
    first, refused, second, retry = outcomes
    assert isinstance(refused, gridward.ConflictError)
    assert refused.code == "person_exists"
    assert not isinstance(first, GridwardError) and first["seq"] == 2
    assert not isinstance(second, GridwardError) and second["seq"] == 2
    assert not isinstance(retry, GridwardError) and retry["duplicate"]
    assert {first["head"], second["head"]} == {ward.head}
    # The batch's entry lists the two accepted commands, each with its own time and key.
    entry = ward.export_journal().splitlines()[1]
    assert entry.count('"person_added"') == 2 and '"key":"k2"' in entry
    again = Ward.from_journal(ward.export_journal())
    assert (again.head, again.state_digest()) == (ward.head, ward.state_digest())


def test_a_bad_item_is_refused_in_place_naming_its_index() -> None:
    ward = Ward()
    outcomes = ward.execute_batch(
        [
            {"command": {"grid": {"type": "add_unit", "code": "510105", "name": "青羊区"}}, "at": START},
            "not a command",
            {"command": person("p1"), "colour": "red"},
            {"actor": "p1"},
            {"command": {"grid": {"type": "add_unit", "code": "510105001", "name": 7}}},
            {"command": {"grid": {"type": "add_unit", "code": "510105001", "name": "街道"}}, "at": START},
        ]
    )
    fields = [o.field if isinstance(o, GridwardError) else None for o in outcomes]
    assert fields == [
        None,
        "commands[1]",
        "commands[2].colour",
        "commands[3].command",
        "commands[4].command.grid.name",
        None,
    ]
    assert all(isinstance(o, gridward.InvalidInputError) for o in outcomes[1:5])
    assert ward.journal_length == 1
    single = Ward()
    single.grid.add_unit("510105", "青羊区", at=START)
    single.grid.add_unit("510105001", "街道", at=START)
    assert ward.state_digest() == single.state_digest()


def test_an_empty_batch_writes_nothing() -> None:
    ward = Ward()
    assert ward.execute_batch([]) == []
    assert ward.journal_length == 0

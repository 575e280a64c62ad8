"""Snapshots from Python: a stored ward takes them into its folder (on request or every n
entries) and reopens from the newest that checks; any ward gives its snapshot as bytes and
is rebuilt from them without a replay; pickling goes through a snapshot; damaged or foreign
snapshots are refused with their own codes."""

from __future__ import annotations

import pickle
from pathlib import Path

import pytest
from support import AT, build_compound, build_world, open_fund

from gridward import InvalidInputError, JournalError, StorageError, Ward


def snapshot_files(folder: Path) -> list[Path]:
    return sorted(folder.glob("snapshot-*.bin"))


def test_a_stored_ward_reopens_from_its_snapshot(tmp_path: Path) -> None:
    folder = tmp_path / "jifu"
    with Ward.open(folder) as ward:
        build_world(ward)
        path = ward.snapshot()
        at = ward.journal_length
        ward.grid.rename_unit("510105", "青羊", at=AT)
        head, digest, text = ward.head, ward.state_digest(), ward.export_journal()
    assert Path(path) == snapshot_files(folder)[0]
    assert Path(path).name == f"snapshot-{at:012}.bin"
    assert Path(path).read_bytes().startswith(b"GRIDWARD-SNAPSHOT 1\n")
    with Ward.open(folder) as again:
        assert (again.head, again.state_digest()) == (head, digest)
        # The entries before the snapshot are given back: the journal is whole.
        assert again.export_journal() == text
    # A damaged snapshot is passed over: the journal alone gives the same ward.
    data = bytearray(Path(path).read_bytes())
    data[-1] ^= 1
    Path(path).write_bytes(bytes(data))
    with Ward.open(folder) as again:
        assert (again.head, again.state_digest()) == (head, digest)


def test_snapshots_every_n_entries_keep_the_newest_two(tmp_path: Path) -> None:
    folder = tmp_path / "w"
    with Ward.open(folder, snapshot_every=3) as ward:
        build_world(ward)
        length = ward.journal_length
    names = [p.name for p in snapshot_files(folder)]
    assert len(names) == 2
    assert names[-1] == f"snapshot-{length // 3 * 3:012}.bin"
    for bad in (0, True, "3", -1):
        with pytest.raises(InvalidInputError) as e:
            Ward.open(tmp_path / "other", snapshot_every=bad)  # type: ignore[arg-type]
        assert e.value.field == "snapshot_every"


def test_a_ward_in_memory_has_no_store_to_snapshot_into() -> None:
    ward = build_world(Ward())
    with pytest.raises(StorageError) as e:
        ward.snapshot()
    assert e.value.code == "store_not_a_store"
    assert "snapshot_bytes()" in str(e.value)


def test_snapshot_bytes_rebuild_the_ward_without_its_journal_or_with_it() -> None:
    ward = open_fund(build_compound(Ward()))
    data = ward.snapshot_bytes()
    assert data.startswith(b"GRIDWARD-SNAPSHOT 1\n")

    bare = Ward.from_snapshot(data, config=ward.config())
    assert (bare.head, bare.state_digest(), bare.journal_length) == (
        ward.head,
        ward.state_digest(),
        ward.journal_length,
    )
    # None of the entries before the snapshot; new ones chain on from its head.
    assert bare.export_journal() == ""
    whole = Ward.from_snapshot(data, ward.export_journal(), ward.config())
    assert whole.export_journal() == ward.export_journal()
    for w in (ward, bare, whole):
        w.grid.rename_unit("510105", "青羊", at=AT)
    assert bare.head == ward.head == whole.head
    assert bare.state_digest() == ward.state_digest()


def test_a_damaged_or_foreign_snapshot_is_refused() -> None:
    ward = build_world(Ward())
    data = ward.snapshot_bytes()
    damaged = bytearray(data)
    damaged[-1] ^= 1
    cases = [
        (bytes(damaged), None, None, "snapshot_damaged"),
        (data[:-5], None, None, "snapshot_damaged"),
        (b"not a snapshot\n", None, None, "snapshot_not_a_snapshot"),
        (data, None, {"tasks": {"max_open_claims": 9}}, "snapshot_config_differs"),
        # A journal that does not end at the snapshot's head.
        (data, "".join(ward.export_journal().splitlines(True)[:-1]), None, "journal_head_mismatch"),
    ]
    for snapshot, journal, config, code in cases:
        with pytest.raises(JournalError) as e:
            Ward.from_snapshot(snapshot, journal, config)  # type: ignore[arg-type]
        assert e.value.code == code
    with pytest.raises(InvalidInputError) as i:
        Ward.from_snapshot("GRIDWARD-SNAPSHOT 1")  # type: ignore[arg-type]
    assert i.value.field == "snapshot"


def test_pickling_goes_through_a_snapshot(tmp_path: Path) -> None:
    ward = build_world(Ward())
    _, args = ward.__reduce__()
    assert isinstance(args[0], bytes) and args[0].startswith(b"GRIDWARD-SNAPSHOT 1\n")
    back = pickle.loads(pickle.dumps(ward))
    assert (back.head, back.state_digest()) == (ward.head, ward.state_digest())
    assert back.export_journal() == ward.export_journal()
    with Ward.open(tmp_path / "w") as stored:
        build_world(stored)
        copy = pickle.loads(pickle.dumps(stored))
    assert copy.path is None and copy.state_digest() == stored.state_digest()

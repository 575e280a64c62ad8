"""A ward kept on disk (`Ward.open`): every command is in the folder's journal file
before it returns, the store reopens to the same ward, a torn last line is cut off,
damage is named by its line, and one process writes a store at a time."""

from __future__ import annotations

import pickle
import subprocess
import sys
from pathlib import Path

import pytest
from support import AT, DISTRICT, build_world, refused

import gridward
from gridward import ConflictError, InvalidInputError, StorageError, Ward


def journal_file(folder: Path) -> Path:
    return folder / "journal.jsonl"


def test_a_stored_ward_reopens_to_the_same_ward(tmp_path: Path) -> None:
    folder = tmp_path / "jifu"
    with Ward.open(folder) as ward:
        assert ward.path == str(folder)
        build_world(ward)
        head, digest, length = ward.head, ward.state_digest(), ward.journal_length
        # The file is the journal, line for line.
        assert journal_file(folder).read_text(encoding="utf-8") == ward.export_journal()
    assert length > 5
    again = Ward.open(str(folder))
    assert (again.head, again.state_digest(), again.journal_length) == (head, digest, length)
    assert again.grid.unit(DISTRICT)["code"] == DISTRICT
    # The same journal, replayed in memory, is the same ward.
    plain = Ward.from_journal(again.export_journal())
    assert plain.state_digest() == digest
    again.close()


def test_a_refused_command_writes_nothing(tmp_path: Path) -> None:
    with Ward.open(tmp_path / "w") as ward:
        build_world(ward)
        size = journal_file(tmp_path / "w").stat().st_size
        refused(ward, ConflictError, "unit_exists", lambda: ward.grid.add_unit(DISTRICT, "again", at=AT))
        assert journal_file(tmp_path / "w").stat().st_size == size


def test_a_closed_ward_refuses_commands_and_frees_the_store(tmp_path: Path) -> None:
    ward = Ward.open(tmp_path / "w")
    ward.grid.add_unit(DISTRICT, "青羊区", at=AT)
    ward.close()
    ward.close()  # closing twice does nothing
    with pytest.raises(StorageError) as e:
        ward.grid.rename_unit(DISTRICT, "青羊", at=AT)
    assert e.value.code == "store_must_reopen" and e.value.kind == "storage"
    assert ward.journal_length == 1
    with Ward.open(tmp_path / "w") as again:
        assert again.journal_length == 1


def test_a_second_writer_is_refused_here_and_in_another_process(tmp_path: Path) -> None:
    folder = tmp_path / "w"
    with Ward.open(folder):
        with pytest.raises(StorageError) as e:
            Ward.open(folder)
        assert e.value.code == "store_locked", str(e.value)
        child = (
            "import sys, gridward\n"
            "try:\n"
            "    gridward.Ward.open(sys.argv[1])\n"
            "    print('opened')\n"
            "except gridward.StorageError as e:\n"
            "    print(e.code)\n"
        )
        said = subprocess.run([sys.executable, "-c", child, str(folder)], capture_output=True, text=True, check=True)
        assert said.stdout.strip() == "store_locked", said.stderr
    said = subprocess.run([sys.executable, "-c", child, str(folder)], capture_output=True, text=True, check=True)
    assert said.stdout.strip() == "opened", said.stderr


def test_a_torn_last_line_is_cut_off_and_damage_is_named_by_its_line(tmp_path: Path) -> None:
    folder = tmp_path / "w"
    with Ward.open(folder) as ward:
        build_world(ward)
        head = ward.head
    text = journal_file(folder).read_text(encoding="utf-8")
    with journal_file(folder).open("a", encoding="utf-8") as f:
        f.write('{"seq":')
    with Ward.open(folder) as ward:
        assert ward.head == head
    assert journal_file(folder).read_text(encoding="utf-8") == text

    lines = text.splitlines(keepends=True)
    lines[2] = lines[2].replace('"seq":3', '"seq":4')
    journal_file(folder).write_text("".join(lines), encoding="utf-8")
    with pytest.raises(StorageError) as e:
        Ward.open(folder)
    assert e.value.code == "store_damaged" and e.value.line == 3, str(e.value)


def test_export_since_gives_the_entries_after(tmp_path: Path) -> None:
    ward = build_world(Ward())
    whole = ward.export_journal()
    assert ward.export_journal(0) == whole
    assert ward.export_journal(2) == "".join(whole.splitlines(keepends=True)[2:])
    assert ward.export_journal(10**6) == ""
    for junk in (-1, 2**64, "2", 1.5, True):
        with pytest.raises(InvalidInputError) as e:
            ward.export_journal(junk)  # type: ignore[arg-type]
        assert e.value.field == "since", str(e.value)


def test_sync_policies_and_a_bad_one(tmp_path: Path) -> None:
    for n, sync in enumerate(("request", 3, "command")):
        folder = tmp_path / f"w{n}"
        with Ward.open(folder, sync=sync) as ward:  # type: ignore[arg-type]
            build_world(ward)
            ward.sync()
            digest = ward.state_digest()
        with Ward.open(folder) as again:
            assert again.state_digest() == digest
    for junk in ("often", 0, -2, True, 1.5):
        with pytest.raises(InvalidInputError) as e:
            Ward.open(tmp_path / "bad", sync=junk)  # type: ignore[arg-type]
        assert e.value.field == "sync", str(e.value)
    assert not (tmp_path / "bad").exists()


def test_another_configuration_is_refused_for_an_existing_store(tmp_path: Path) -> None:
    folder = tmp_path / "w"
    Ward.open(folder).close()
    other = Ward().config()
    other["grid"]["default_domains"] = ["fire_safety"]  # type: ignore[typeddict-item]
    with pytest.raises(StorageError) as e:
        Ward.open(folder, other)
    assert e.value.code == "store_not_a_store", str(e.value)
    Ward.open(folder, Ward().config()).close()


def test_a_batch_on_a_stored_ward_is_one_entry_in_its_file(tmp_path: Path) -> None:
    commands = [
        {"command": {"grid": {"type": "add_unit", "code": DISTRICT, "name": "青羊区"}}, "at": AT},
        {"command": {"grid": {"type": "add_unit", "code": DISTRICT, "name": "again"}}, "at": AT},
        {"command": {"grid": {"type": "rename_unit", "code": DISTRICT, "name": "青羊"}}, "at": AT, "key": "k1"},
    ]
    memory = Ward().execute_batch(commands)  # type: ignore[arg-type]
    folder = tmp_path / "w"
    with Ward.open(folder) as ward:
        stored = ward.execute_batch(commands)  # type: ignore[arg-type]
        assert [type(o) for o in stored] == [type(o) for o in memory]
        assert isinstance(stored[1], ConflictError) and stored[1].code == "unit_exists"
        digest = ward.state_digest()
        # The accepted commands share one entry, in the file as in memory.
        assert ward.journal_length == 1
        assert journal_file(folder).read_text(encoding="utf-8") == ward.export_journal()
    with Ward.open(folder) as again:
        assert again.state_digest() == digest
        memory_ward = Ward()
        memory_ward.execute_batch(commands)  # type: ignore[arg-type]
        assert again.head == memory_ward.head


def test_a_stored_ward_pickles_as_a_ward_in_memory(tmp_path: Path) -> None:
    with Ward.open(tmp_path / "w") as ward:
        build_world(ward)
        copy = pickle.loads(pickle.dumps(ward))
    assert copy.path is None
    assert copy.state_digest() == ward.state_digest()
    assert isinstance(copy, gridward.Ward)


def test_opening_reports_its_progress_and_a_failing_callback_stops_it(tmp_path: Path) -> None:
    folder = tmp_path / "w"
    with Ward.open(folder) as ward:
        build_world(ward)
        digest = ward.state_digest()
    size = journal_file(folder).stat().st_size
    seen: list[tuple[int, int]] = []
    with Ward.open(folder, progress=lambda done, total: seen.append((done, total))) as again:
        assert again.state_digest() == digest
    assert seen and seen[-1] == (size, size)
    assert all(total == size for _, total in seen)
    assert [done for done, _ in seen] == sorted(done for done, _ in seen)

    def stop(done: int, total: int) -> None:
        raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        Ward.open(folder, progress=stop)
    # The store was closed with the failed opening: it opens again.
    Ward.open(folder).close()
    with pytest.raises(InvalidInputError) as e:
        Ward.open(folder, progress=42)  # type: ignore[arg-type]
    assert e.value.field == "progress"


def test_a_journal_file_is_read_line_by_line(tmp_path: Path) -> None:
    ward = build_world(Ward())
    text = ward.export_journal()
    path = tmp_path / "journal.jsonl"
    path.write_text(text, encoding="utf-8")
    seen: list[int] = []
    again = Ward.from_journal_file(path, progress=lambda done, total: seen.append(done))
    assert (again.head, again.state_digest(), again.export_journal()) == (ward.head, ward.state_digest(), text)
    assert seen[-1] == len(text.encode())
    # Without its last newline, as a hand-made file may be.
    path.write_text(text.rstrip("\n"), encoding="utf-8")
    assert Ward.from_journal_file(str(path)).head == ward.head
    lines = text.splitlines(keepends=True)
    lines[1] = lines[1].replace('"seq":2', '"seq":7')
    path.write_text("".join(lines), encoding="utf-8")
    with pytest.raises(StorageError) as e:
        Ward.from_journal_file(path)
    assert e.value.code == "store_damaged" and e.value.line == 2, str(e.value)

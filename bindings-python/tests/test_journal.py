"""The journal: export, verification, tampering, replay, pickling — and an independent
verification in plain Python (hashlib and json only), which shows anyone can check a
published journal without Gridward."""

from __future__ import annotations

import copy
import hashlib
import json
import pickle
from datetime import timedelta

import pytest

from support import AT, COMMUNITY, MICRO_1, build_community

from gridward import JournalError, Ward, verify_journal

ZERO = "0" * 64


def test_export_and_verify(ward: Ward) -> None:
    text = ward.export_journal()
    lines = text.splitlines()
    assert len(lines) == ward.journal_length and text.endswith("\n")
    report = verify_journal(text, expected_head=ward.head)
    assert report == {
        "entries": ward.journal_length,
        "head": ward.head,
        "intact": True,
        "first_break": None,
        "head_matches": True,
    }
    assert verify_journal(text)["head_matches"] is None
    assert verify_journal(text, expected_head=ZERO)["head_matches"] is False
    # Dropping the last entry keeps the chain intact but no longer reaches the head.
    short = "\n".join(lines[:-1]) + "\n"
    dropped = verify_journal(short, expected_head=ward.head)
    assert dropped["intact"] is True and dropped["head_matches"] is False
    assert verify_journal("") == {
        "entries": 0,
        "head": ZERO,
        "intact": True,
        "first_break": None,
        "head_matches": None,
    }


def test_tampering_with_one_line_is_found(ward: Ward) -> None:
    text = ward.export_journal()
    lines = text.splitlines()
    target = next(i for i, line in enumerate(lines) if "1-102" in line)
    assert '"area":"89"' in lines[target]
    lines[target] = lines[target].replace('"area":"89"', '"area":"8.9"')
    tampered = "\n".join(lines) + "\n"
    report = verify_journal(tampered, expected_head=ward.head)
    assert report["intact"] is False and report["head_matches"] is False
    assert report["first_break"] is not None
    assert report["first_break"]["line"] == target + 1
    assert "hash" in report["first_break"]["reason"]
    assert report["entries"] == target
    with pytest.raises(JournalError) as e:
        Ward.from_journal(tampered)
    assert e.value.code == "journal_broken"


def test_from_journal_round_trip(ward: Ward) -> None:
    ward.grid.issue_directive("d1", COMMUNITY, "排查", due=AT + timedelta(hours=2), at=AT)
    ward.grid.acknowledge("d1", ["1-101"], actor="w1", at=AT + timedelta(minutes=3))
    back = Ward.from_journal(ward.export_journal())
    assert isinstance(back, Ward)
    assert back.state_digest() == ward.state_digest()
    assert (back.head, back.journal_length) == (ward.head, ward.journal_length)
    assert back.grid.subtree("510105") == ward.grid.subtree("510105")
    assert back.grid.directive_progress("d1") == ward.grid.directive_progress("d1")
    # The replayed ward goes on exactly as the original does.
    for w in (ward, back):
        w.grid.add_household("1-103", MICRO_1, "66.6", at=AT)
    assert back.head == ward.head


def test_state_digest_is_independent_of_history() -> None:
    a = build_community(Ward())
    b = build_community(Ward())
    b.grid.rename_unit(MICRO_1, "临时", at=AT)
    b.grid.rename_unit(MICRO_1, "1栋微网格", at=AT)
    assert a.state_digest() == b.state_digest()
    assert a.head != b.head


def test_pure_python_verification(ward: Ward) -> None:
    """hash = sha256(f"{seq}\\n{prev}\\n" + body), body = compact JSON of the entry's body."""
    ward.grid.issue_directive("d1", COMMUNITY, "燃气安全", at=AT)
    text = ward.export_journal()
    prev = ZERO
    n = 0
    for n, line in enumerate(text.splitlines(), start=1):
        entry = json.loads(line)
        assert entry["seq"] == n and entry["prev"] == prev
        body = json.dumps(entry["body"], separators=(",", ":"), ensure_ascii=False)
        digest = hashlib.sha256(f"{entry['seq']}\n{entry['prev']}\n{body}".encode()).hexdigest()
        assert digest == entry["hash"], f"line {n}"
        prev = digest
    assert n == ward.journal_length and prev == ward.head


def test_pickling_round_trip() -> None:
    ward = build_community(Ward({"grid": {"coverage": {"band": [1, 5]}}}))
    ward.grid.add_person("p9", "周", at=AT, key="k")
    for back in (pickle.loads(pickle.dumps(ward)), copy.deepcopy(ward), copy.copy(ward)):
        assert type(back) is Ward
        assert back.state_digest() == ward.state_digest()
        assert back.head == ward.head
        assert back.config() == ward.config()
        assert back.grid.coverage()["out_of_band"] == []
        assert back.grid.add_person("p9", "周", at=AT, key="k")["duplicate"] is True
    clone = pickle.loads(pickle.dumps(ward))
    clone.grid.rename_unit(MICRO_1, "改", at=AT)
    assert clone.head != ward.head

"""The owners' assembly through the Python face: the roll of owners, motions, votes
in person and on paper, the count under Civil Code Art. 278 at its exact boundaries,
and a passed fund motion taking effect — each refusal with its exception class and
code, leaving the journal as it was."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal

import pytest
from support import COMPOUND, FUND, OWNERS, approve_budget, open_fund
from support import in_2026 as t
from support import refused as unchanged

from gridward import (
    ConflictError,
    InvalidInputError,
    NotFoundError,
    PermissionDeniedError,
    Ward,
    tally,
)

REBUILD = {"type": "matter", "matter": "rebuild"}


@pytest.fixture
def ward(compound: Ward) -> Ward:
    return compound


# The count at its boundaries (RULES).


def test_quorum_is_met_at_exactly_two_thirds_of_area_and_owners() -> None:
    three = [("a", 10), ("b", 10), ("c", 10)]
    met = tally("ordinary", three, {"a": "yes", "b": "no"})
    assert met["quorum"] is True and met["voted_area"] == Decimal("20")
    short = tally("ordinary", three, {"a": "yes"})
    assert short["quorum"] is False and short["outcome"] == "no_quorum"
    # Two thirds of the area, but one owner in three: no quorum.
    lopsided = tally("ordinary", [("a", "20"), ("b", 5), ("c", Decimal("5"))], {"a": "yes"})
    assert lopsided["voted_area"] * 3 == lopsided["total_area"] * 2
    assert lopsided["quorum"] is False


def test_special_motions_pass_at_exactly_three_quarters() -> None:
    four = [("a", 10), ("b", 10), ("c", 10), ("d", 10)]
    at = tally("special", four, {"a": "yes", "b": "yes", "c": "yes", "d": "no"})
    assert at["area_majority"] and at["owner_majority"] and at["outcome"] == "passed"
    below = tally("special", four, {"a": "yes", "b": "yes", "c": "abstain", "d": "no"})
    assert below["outcome"] == "rejected" and below["yes_owners"] == 2


def test_ordinary_motions_need_more_than_half() -> None:
    four = [("a", 10), ("b", 10), ("c", 10), ("d", 10)]
    half = tally("ordinary", four, {"a": "yes", "b": "yes", "c": "no", "d": "no"})
    assert half["area_majority"] is False and half["outcome"] == "rejected"
    more = tally("ordinary", four, {"a": "yes", "b": "yes", "c": "yes", "d": "no"})
    assert more["outcome"] == "passed"
    # An owner of two homes counts once, with both areas.
    two_homes = tally("ordinary", [("a", 10), ("a", 10), ("b", 10)], {"a": "yes", "b": "no"})
    assert two_homes["total_owners"] == 2 and two_homes["yes_area"] == Decimal("20")


def test_tally_refuses_bad_input() -> None:
    cases = [
        ("unknown_value", "kind", lambda: tally("urgent", [("a", 1)], {})),
        ("unknown_value", "votes.a", lambda: tally("ordinary", [("a", 1)], {"a": "maybe"})),
        ("float_not_allowed", "electorate[0][1]", lambda: tally("ordinary", [("a", 1.5)], {})),
        ("wrong_type", "electorate[0]", lambda: tally("ordinary", ["a"], {})),
    ]
    for code, field, call in cases:
        with pytest.raises(InvalidInputError) as e:
            call()
        assert (e.value.code, e.value.field) == (code, field), str(e.value)


# The roll and motions on the ward.


def test_the_roll_of_owners(ward: Ward) -> None:
    assert ward.assembly.owner("1-101") == "o1"
    ward.assembly.set_owner("1-101", owner=None, actor="oc", at=t(1, 3))
    assert ward.assembly.owner("1-101") is None
    unchanged(
        ward, NotFoundError, "unknown_household", lambda: ward.assembly.set_owner("9-999", owner="o1", actor="oc")
    )
    unchanged(
        ward, NotFoundError, "unknown_person", lambda: ward.assembly.set_owner("1-101", owner="ghost", actor="oc")
    )
    unchanged(
        ward,
        PermissionDeniedError,
        "permission_denied",
        lambda: ward.assembly.set_owner("1-101", owner="o2", actor="o2"),
    )


def test_a_special_motion_in_person_and_on_paper(ward: Ward) -> None:
    ward.assembly.open_motion("m-rebuild", COMPOUND, "重建2栋", REBUILD, t(1, 9, 18), actor="oc", at=t(1, 3))
    ward.assembly.cast_vote("m-rebuild", "yes", actor="o1", at=t(1, 4))
    ward.assembly.cast_vote("m-rebuild", "no", owner="o2", actor="oc", at=t(1, 4))
    live = ward.assembly.motion("m-rebuild")
    assert live is not None
    assert live["kind"] == "special" and live["closed"] is False
    assert live["subject"] == REBUILD and live["closes"] == t(1, 9, 18)
    assert live["votes"] == {"o1": "yes", "o2": "no"}
    assert live["tally"]["voted_owners"] == 2 and live["tally"]["outcome"] == "no_quorum"
    unchanged(
        ward,
        ConflictError,
        "voted_already",
        lambda: ward.assembly.cast_vote("m-rebuild", "no", actor="o1", at=t(1, 5)),
    )
    unchanged(
        ward,
        ConflictError,
        "voting_open",
        lambda: ward.assembly.close_motion("m-rebuild", actor="oc", at=t(1, 8)),
    )
    unchanged(
        ward,
        InvalidInputError,
        "unknown_value",
        lambda: ward.assembly.cast_vote("m-rebuild", "maybe", actor="o3", at=t(1, 5)),
    )
    ward.assembly.cast_vote("m-rebuild", "yes", actor="o3", at=t(1, 5))
    ward.assembly.cast_vote("m-rebuild", "yes", actor="o4", at=t(1, 5))
    ward.assembly.close_motion("m-rebuild", actor="oc", at=t(1, 9, 19))
    closed = ward.assembly.motion("m-rebuild")
    assert closed is not None and closed["closed"] is True
    assert closed["tally"]["outcome"] == "passed"  # 3 of 4 owners; 292.3 of 381.8 m² ≥ 3/4
    unchanged(
        ward,
        ConflictError,
        "motion_closed",
        lambda: ward.assembly.cast_vote("m-rebuild", "no", actor="o4", at=t(1, 10)),
    )
    assert [m["id"] for m in ward.assembly.motions()] == ["m-rebuild"]
    assert ward.assembly.motion("nope") is None


def test_open_motion_refusals_leave_no_trace(ward: Ward) -> None:
    closes = t(1, 9, 18)
    unchanged(
        ward,
        PermissionDeniedError,
        "permission_denied",
        lambda: ward.assembly.open_motion("m", COMPOUND, "x", REBUILD, closes, actor="o1", at=t(1, 3)),
    )
    unchanged(
        ward,
        InvalidInputError,
        "unknown_value",
        lambda: ward.assembly.open_motion(
            "m", COMPOUND, "x", {"type": "coup"}, closes, actor="oc", at=t(1, 3)
        ),
    )
    unchanged(
        ward,
        InvalidInputError,
        "naive_datetime",
        lambda: ward.assembly.open_motion(
            "m", COMPOUND, "x", REBUILD, datetime(2026, 1, 9), actor="oc", at=t(1, 3)
        ),
    )
    unchanged(
        ward,
        InvalidInputError,
        "bad_format",
        lambda: ward.assembly.open_motion("m", "51x", "x", REBUILD, closes, actor="oc", at=t(1, 3)),
    )
    unchanged(
        ward,
        NotFoundError,
        "unknown_fund",
        lambda: ward.assembly.open_motion(
            "m",
            COMPOUND,
            "x",
            {"type": "approve_budget", "fund": "nope", "budget": "b"},
            closes,
            actor="oc",
            at=t(1, 3),
        ),
    )
    ward.assembly.open_motion("m", COMPOUND, "x", REBUILD, closes, actor="oc", at=t(1, 3))
    unchanged(
        ward,
        ConflictError,
        "motion_exists",
        lambda: ward.assembly.open_motion("m", COMPOUND, "x", REBUILD, closes, actor="oc", at=t(1, 3)),
    )


def test_a_passed_budget_motion_takes_effect_in_the_same_entry(ward: Ward) -> None:
    open_fund(ward)
    before = ward.journal_length
    approve_budget(ward)
    # propose, open, one vote per owner, close: the approval rides on the close.
    assert ward.journal_length == before + 3 + len(OWNERS)
    budget = ward.fund.fund(FUND)["budgets"][0]  # type: ignore[index]
    assert budget["approval"] == "approved" and budget["motion"] == "m-budget"

"""Holiday presets through the Python face: the State Council's tables of 2025 and 2026
are in the default calendar, a configuration selects them by name, a deadline through a
year without a table carries a typed warning, and a strict calendar refuses it."""

from __future__ import annotations

from datetime import datetime
from typing import Any

import pytest
from support import CST, HOME1, build_world, file, refused
from support import request_row as row

from gridward import InvalidInputError, Ward, deadline

# Friday 3 April 2026, before Qingming (Saturday 4 to Monday 6 April off).
BEFORE_QINGMING = datetime(2026, 4, 3, 9, 0, tzinfo=CST)
# Friday 5 February 2027: no State Council table for 2027 is built in.
IN_2027 = datetime(2027, 2, 5, 9, 0, tzinfo=CST)


def calendar(**fields: Any) -> Ward:
    """A community with requests on a ward whose calendar has these fields."""
    return build_world(Ward({"tasks": {"calendar": fields}}))


def test_the_default_calendar_keeps_qingming(world: Ward) -> None:
    # One working day to resolve: Monday 6 April is a holiday, so Tuesday 7 April.
    file(world, "r1", "q1", "exposed_rubbish", HOME1, at=BEFORE_QINGMING)
    q1 = row(world, "q1")
    assert q1["resolution_due"] == datetime(2026, 4, 7, 9, 0, tzinfo=CST)
    assert q1["calendar_warnings"] == []


def test_a_preset_is_selected_by_name() -> None:
    ward = calendar(presets=["cn-2026"])
    file(ward, "r1", "q1", "exposed_rubbish", HOME1, at=BEFORE_QINGMING)
    assert row(ward, "q1")["resolution_due"] == datetime(2026, 4, 7, 9, 0, tzinfo=CST)


def test_no_presets_counts_the_holiday_and_warns() -> None:
    ward = calendar(presets=[])
    file(ward, "r1", "q1", "exposed_rubbish", HOME1, at=BEFORE_QINGMING)
    q1 = row(ward, "q1")
    assert q1["resolution_due"] == datetime(2026, 4, 6, 9, 0, tzinfo=CST)
    assert q1["calendar_warnings"] == [{"code": "uncovered_year", "year": 2026}]


def test_a_year_without_a_table_is_warned_of(world: Ward) -> None:
    file(world, "r1", "q1", "exposed_rubbish", HOME1, at=IN_2027)
    q1 = row(world, "q1")
    assert q1["resolution_due"] == datetime(2027, 2, 8, 9, 0, tzinfo=CST)
    assert q1["calendar_warnings"] == [{"code": "uncovered_year", "year": 2027}]


def test_a_year_declared_covered_is_not_warned_of() -> None:
    ward = calendar(covered_years=[2027])
    file(ward, "r1", "q1", "exposed_rubbish", HOME1, at=IN_2027)
    assert row(ward, "q1")["calendar_warnings"] == []


def test_a_strict_calendar_refuses_and_the_ward_stays() -> None:
    ward = calendar(strict=True)
    e = refused(ward, InvalidInputError, "uncovered_year",
                lambda: file(ward, "r1", "q1", "exposed_rubbish", HOME1, at=IN_2027))
    assert "2027" in str(e)
    assert ward.tasks.request("q1") is None
    # Within the tables' years the strict calendar counts as the default one does.
    file(ward, "r1", "q2", "exposed_rubbish", HOME1, at=BEFORE_QINGMING)
    assert row(ward, "q2")["resolution_due"] == datetime(2026, 4, 7, 9, 0, tzinfo=CST)


@pytest.mark.parametrize("presets", [["cn-2099"], ["2026"]])
def test_an_unknown_preset_is_refused_by_field(presets: Any) -> None:
    with pytest.raises(InvalidInputError) as e:
        Ward({"tasks": {"calendar": {"presets": presets}}})
    assert e.value.code == "unknown_value"
    assert e.value.field == "config.tasks.calendar.presets[0]"


def test_the_deadline_function_counts_on_any_calendar() -> None:
    # One working day from Friday 3 April 2026: Monday 6 April is Qingming.
    counted = deadline(BEFORE_QINGMING, "1wd")
    assert counted == {"due": datetime(2026, 4, 7, 9, 0, tzinfo=CST), "warnings": []}
    # Spring Festival 2026 (15–23 February), filed on the make-up Saturday before it.
    saturday = datetime(2026, 2, 14, 10, 0, tzinfo=CST)
    assert deadline(saturday, {"amount": 1, "unit": "working_days"})["due"] == datetime(
        2026, 2, 24, 10, 0, tzinfo=CST)
    # Natural time ignores the calendar and warns of nothing.
    assert deadline(IN_2027, "24h") == {"due": datetime(2027, 2, 6, 9, 0, tzinfo=CST), "warnings": []}
    assert deadline(IN_2027, "5wd")["warnings"] == [{"code": "uncovered_year", "year": 2027}]
    strict: Any = {"presets": ["cn-2026"], "strict": True}
    with pytest.raises(InvalidInputError) as e:
        deadline(IN_2027, "5wd", calendar=strict)
    assert e.value.code == "uncovered_year"

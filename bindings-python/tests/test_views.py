"""The hand-written views (gridward/_views.py): a coverage report's findings as one
table, and a public statement's sections as DataFrames."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from support import COMMUNITY, FUND, GRID, MICRO_1, MICRO_2, in_2026

from gridward import Table, Ward, coverage_findings, statement_frames


def test_findings_come_in_the_report_order_with_missing_fields_as_none(ward: Ward) -> None:
    ward.grid.add_household("loose", COMMUNITY, 50)
    report = ward.grid.coverage()
    findings = coverage_findings(report)
    assert isinstance(findings, Table)
    assert findings.columns == ("finding", "code", "households", "level", "role", "household")
    assert [(f["finding"], f["code"] or f["household"]) for f in findings] == [
        ("unassigned_household", "loose"),
        ("out_of_band", MICRO_1),
        ("out_of_band", MICRO_2),
        ("without_party_member", MICRO_2),
        ("without_leader", MICRO_2),
        ("without_party_body", COMMUNITY),
        ("without_party_body", GRID),
        ("without_party_body", MICRO_1),
        ("without_party_body", MICRO_2),
    ]
    assert findings[0] == {
        "finding": "unassigned_household",
        "code": None,
        "households": None,
        "level": None,
        "role": None,
        "household": "loose",
    }
    assert findings[1]["households"] == 2 and findings[1]["level"] == "micro_grid"


def test_a_clean_report_has_no_findings_and_an_empty_frame_keeps_its_columns(ward: Ward) -> None:
    pytest.importorskip("pandas")
    rules = {"band": None, "leaders": False, "party_member_per_micro_grid": False, "party_bodies": False}
    clean = ward.grid.coverage(rules=rules)
    assert clean["is_clean"] and coverage_findings(clean) == []
    frame = coverage_findings(clean).to_pandas()
    assert frame.empty and list(frame.columns) == list(coverage_findings(clean).columns)


def test_statement_frames_give_every_section_with_exact_amounts(fund_ward: Ward) -> None:
    pytest.importorskip("pandas")
    ward = fund_ward
    ward.fund.bill_fees(FUND, "2026-01", actor="pm", at=in_2026(1, 10))
    ward.fund.record_payment(FUND, "p1", "1-101", "288.00", actor="pm", at=in_2026(1, 11), key="p1")
    ward.fund.record_income(FUND, "park", "parking", "600.00", actor="pm", at=in_2026(1, 12))
    statement = ward.fund.statement(FUND, date(2026, 1, 1), date(2026, 1, 31))
    frames = statement_frames(statement)
    assert set(frames) == {"income", "spending", "arrears_by_building", "vouchers"}
    income = frames["income"]
    assert list(income.columns) == ["source", "amount"]
    assert income["amount"].sum() == sum((r["amount"] for r in statement["income"]), Decimal(0))
    assert all(isinstance(a, Decimal) for a in income["amount"])
    arrears = frames["arrears_by_building"]
    assert arrears["amount"].sum() == statement["fees"]["arrears_closing"]
    # Nothing was spent: the sections are empty, with their columns.
    assert frames["vouchers"].empty and "supervisor_approved" in frames["vouchers"].columns
    assert frames["spending"].empty and list(frames["spending"].columns) == [
        "budget", "line", "budgeted", "spent", "spent_to_date", "remaining"]

"""Spending and reporting of the common fund through the Python face: a budget approved
by the owners, payments with vouchers and the supervisor's approval, an amendment, the
public statement as DataFrames and its verification, remuneration, the bases compared,
a dividend at a rate per m², and the exports — each refusal with its exception class
and code, leaving the journal as it was."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from support import COMPOUND, FUND, HOMES, LINES, OWNERS, VOUCHER, approve_budget
from support import in_2026 as t
from support import refused as unchanged

from gridward import (
    ConflictError,
    InvalidInputError,
    NotFoundError,
    PermissionDeniedError,
    Ward,
    statement_frames,
    verify_statement,
)


@pytest.fixture
def ward(fund_ward: Ward) -> Ward:
    return fund_ward


# Budget, spending, the supervisor.


def test_spending_within_the_approved_budget(ward: Ward) -> None:
    ward.fund.propose_budget(
        FUND, "2026", date(2026, 1, 1), date(2026, 12, 31), LINES, actor="pm", at=t(1, 3)
    )
    unchanged(
        ward,
        ConflictError,
        "wrong_state",
        lambda: ward.fund.request_payment(
            FUND, "early", "2026", "cleaning", 100, VOUCHER, actor="pm", at=t(1, 3)
        ),
    )
    subject = {"type": "approve_budget", "fund": FUND, "budget": "2026"}
    ward.assembly.open_motion("m-budget", COMPOUND, "预算", subject, t(1, 9, 18), actor="oc", at=t(1, 3, 11))
    for owner in OWNERS:
        ward.assembly.cast_vote("m-budget", "yes", actor=owner, at=t(1, 5))
    ward.assembly.close_motion("m-budget", actor="oc", at=t(1, 9, 19))
    budget = ward.fund.fund(FUND)["budgets"][0]  # type: ignore[index]
    assert budget["approval"] == "approved" and budget["from"] == date(2026, 1, 1)
    assert budget["lines"][1] == {"line": "repairs", "amount": Decimal("8000.00")}

    ward.fund.post(
        FUND,
        [
            {
                "id": "opening",
                "date": "2026-01-10",
                "postings": [
                    {"account": "assets:bank", "amount": "30000.00"},
                    {"account": "equity:fund", "amount": "-30000.00"},
                ],
            }
        ],
        actor="pm",
        at=t(1, 10),
    )
    ward.fund.request_payment(
        FUND, "clean-1", "2026", "cleaning", Decimal("1200.50"), VOUCHER, actor="pm", at=t(1, 31)
    )
    big = dict(VOUCHER, reference="INV-2", payee="张三丰", payee_is_person=True)
    ward.fund.request_payment(
        FUND, "roof", "2026", "repairs", Decimal("6000.00"), big, actor="pm", at=t(2, 2)
    )
    ward.fund.request_payment(
        FUND, "gate", "2026", "repairs", Decimal("1500.00"), VOUCHER, actor="pm", at=t(2, 2)
    )
    payments = {p["id"]: p for p in ward.fund.fund(FUND)["payments"]}  # type: ignore[index]
    assert payments["roof"]["status"] == "pending" and payments["clean-1"]["posted"] == date(
        2026, 1, 31
    )
    unchanged(
        ward,
        PermissionDeniedError,
        "permission_denied",
        lambda: ward.fund.approve_payment(FUND, "roof", actor="pm", at=t(2, 3)),
    )
    unchanged(
        ward,
        ConflictError,
        "over_budget",
        lambda: ward.fund.request_payment(
            FUND, "more", "2026", "repairs", 600, VOUCHER, actor="pm", at=t(2, 3)
        ),
    )
    unchanged(
        ward,
        NotFoundError,
        "unknown_line",
        lambda: ward.fund.request_payment(
            FUND, "x", "2026", "lifts", 1, VOUCHER, actor="pm", at=t(2, 3)
        ),
    )
    incomplete = unchanged(
        ward,
        InvalidInputError,
        "missing_field",
        lambda: ward.fund.request_payment(
            FUND, "x", "2026", "repairs", 1, {"reference": "r"}, actor="pm", at=t(2, 3)
        ),
    )
    assert incomplete.field is not None and incomplete.field.startswith("voucher.")
    ward.fund.approve_payment(FUND, "roof", actor="sup", at=t(2, 4))
    ward.fund.request_payment(
        FUND, "lift", "2026", "cleaning", Decimal("5000.01"), VOUCHER, actor="pm", at=t(2, 5)
    )
    ward.fund.reject_payment(FUND, "lift", "报价过高", actor="sup", at=t(2, 6))
    payments = {p["id"]: p for p in ward.fund.fund(FUND)["payments"]}  # type: ignore[index]
    assert (
        payments["roof"]["approved_by"] == "sup" and payments["lift"]["status"] == "rejected"
    )

    ward.fund.propose_amendment(
        FUND,
        "2026",
        "a1",
        [{"line": "repairs", "amount": "9000"}],
        "屋面防水",
        actor="pm",
        at=t(2, 7),
    )
    amendment = ward.fund.fund(FUND)["budgets"][0]["amendments"][0]  # type: ignore[index]
    assert amendment["id"] == "a1" and amendment["approval"] == "proposed"

    statement = ward.fund.statement(FUND, date(2026, 1, 1), "2026-12-31")
    assert (
        statement["from"] == date(2026, 1, 1) and statement["journal_entries"] == ward.journal_length
    )
    roof = next(v for v in statement["vouchers"] if v["payment"] == "roof")
    assert roof["payee"] == "张**" and roof["supervisor_approved"] is True
    spending = {(r["line"]): r for r in statement["spending"]}
    assert spending["repairs"]["spent"] == Decimal("7500.00")
    assert spending["repairs"]["remaining"] == Decimal("500.00")
    frames = statement_frames(statement)
    assert set(frames) == {"income", "spending", "arrears_by_building", "vouchers"}
    assert list(frames["vouchers"]["payment"]) == ["clean-1", "gate", "roof"]
    assert frames["spending"]["spent"].sum() == Decimal("8700.50")
    check = verify_statement(ward.export_journal(), statement)
    assert check == {
        "entries": ward.journal_length,
        "head_matches": True,
        "figures_match": True,
        "verified": True,
    }
    unchanged(
        ward,
        InvalidInputError,
        "bad_period",
        lambda: ward.fund.statement(FUND, "2026-12-31", "2026-01-01"),
    )


# Remuneration, dividends, comparisons, exports.


def test_remuneration_dividends_and_exports(ward: Ward) -> None:
    approve_budget(ward)
    ward.fund.bill_fees(FUND, "2026-01", actor="pm", at=t(1, 10))
    for home, _, area in HOMES:
        ward.fund.record_payment(FUND, f"pay-{home}", home, Decimal(area) * 4, actor="pm", at=t(1, 12))
    ward.fund.record_income(FUND, "ads-1", "advertising", 2000, actor="pm", at=t(1, 20))
    ward.fund.accrue_remuneration(
        FUND, "rem-01", date(2026, 1, 1), date(2026, 1, 31), actor="pm", at=t(1, 31)
    )
    accrual = ward.fund.fund(FUND)["accruals"][0]  # type: ignore[index]
    assert accrual["fees_collected"] == Decimal("1527.20")
    assert accrual["amount"] == Decimal("183.26")  # 12% of 1527.20, half up
    ward.fund.pay_remuneration(FUND, "rem-paid-01", accrual["amount"], actor="pm", at=t(1, 31, 12))

    comparison = ward.fund.basis_comparison(FUND, "2026-01-01", "2026-01-31")
    assert comparison["remuneration_basis"]["manager"] == Decimal("183.26")
    assert comparison["common_income"] == Decimal("2000.00")

    ward.fund.propose_dividend(FUND, "d1", sharing_key={"by": "rate", "per_m2": 4}, actor="pm", at=t(2, 1))
    dividend = ward.fund.fund(FUND)["dividends"][0]  # type: ignore[index]
    assert dividend["key"] == {"by": "rate", "per_m2": Decimal("4")}
    unchanged(
        ward,
        ConflictError,
        "not_available",
        lambda: ward.fund.propose_dividend(
            FUND, "d2", {"by": "area"}, amount=Decimal("9999999.00"), actor="pm", at=t(2, 1)
        ),
    )
    # The field is named as the core names it: `key` (the parameter `sharing_key`).
    luck = unchanged(
        ward,
        InvalidInputError,
        "unknown_value",
        lambda: ward.fund.propose_dividend(FUND, "d2", {"by": "luck"}, actor="pm", at=t(2, 1)),
    )
    assert luck.field == "key.by"
    subject = {"type": "dividend", "fund": FUND, "dividend": "d1"}
    ward.assembly.open_motion("m-div", COMPOUND, "分红", subject, t(2, 8, 18), actor="oc", at=t(2, 1, 11))
    for owner in OWNERS:
        ward.assembly.cast_vote("m-div", "yes", actor=owner, at=t(2, 3))
    ward.assembly.close_motion("m-div", actor="oc", at=t(2, 9))
    dividend = ward.fund.fund(FUND)["dividends"][0]  # type: ignore[index]
    assert dividend["approval"] == "approved"
    assert dividend["shares"][0] == ("1-101", Decimal("288.00"))
    assert sum(s for _, s in dividend["shares"]) == dividend["amount"] == Decimal("1527.20")
    ward.fund.pay_dividend(FUND, "d1", "d1-paid", actor="pm", at=t(2, 10))
    assert ward.fund.fund(FUND)["dividends"][0]["paid_by"] == "d1-paid"  # type: ignore[index]

    hledger = ward.fund.export_hledger(FUND)
    assert "assets:bank" in hledger and " CNY" in hledger
    assert "Assets:Bank" in ward.fund.export_beancount(FUND)
    yuan = Ward({"fund": {"currency": "RMB"}})
    assert yuan.config()["fund"]["currency"] == "RMB"


def test_bad_currency_is_an_invalid_input_on_export(ward: Ward) -> None:
    odd = Ward.from_journal(ward.export_journal(), {"fund": {"currency": "cny 1"}})
    with pytest.raises(InvalidInputError) as e:
        odd.fund.export_beancount(FUND)
    assert e.value.code == "bad_export_currency"

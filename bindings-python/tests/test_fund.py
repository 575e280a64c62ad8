"""The common fund through the Python face: opening, accounts, hand postings and
reversals, fees billed by area, payments, common income, a budget approved by the
owners, payments with vouchers and the supervisor's approval, remuneration, dividends,
the statement and its verification, exports, and the money rules as functions — each
refusal with its exception class and code, leaving the journal as it was."""

from __future__ import annotations

import pickle
from datetime import date, datetime
from decimal import Decimal
from typing import Any, Callable

import pytest
from support import COMPOUND, FUND, LINES, approve_budget, owners_pass
from support import in_2026 as t
from support import refused as unchanged

from gridward import (
    ConflictError,
    GridwardError,
    InvalidInputError,
    NotFoundError,
    PermissionDeniedError,
    Table,
    Ward,
    apply_rate,
    split,
)


@pytest.fixture
def ward(fund_ward: Ward) -> Ward:
    return fund_ward


# The RULES vectors.


def test_split_shares_exactly_by_largest_remainder() -> None:
    parts = split(Decimal("1000.00"), [72, "89.5", Decimal("120.3")])
    assert parts == [Decimal("255.50"), Decimal("317.60"), Decimal("426.90")]
    assert [str(p) for p in parts] == ["255.50", "317.60", "426.90"]
    assert sum(parts) == Decimal("1000.00")
    assert split("0.01", [1, 1]) == [Decimal("0.01"), Decimal("0.00")]


def test_apply_rate_rounds_each_part_and_keeps_the_residue() -> None:
    got = apply_rate(4, [72])
    assert got["parts"] == [Decimal("288.00")] and str(got["total"]) == "288.00"
    odd = apply_rate("2.35", ["72.33", "88.17"])
    assert odd["exact"] == Decimal("2.35") * (Decimal("72.33") + Decimal("88.17"))
    assert odd["residue"] == odd["exact"] - odd["total"]
    assert apply_rate("0.125", [1], rounding="half_even")["parts"] == [Decimal("0.12")]
    assert apply_rate("0.125", [1])["parts"] == [Decimal("0.13")]


def test_money_functions_refuse_floats_and_bad_names() -> None:
    cases: list[tuple[str, str | None, Callable[[], Any]]] = [
        ("float_not_allowed", "total", lambda: split(1000.0, [1, 2])),
        ("float_not_allowed", "quantities[0]", lambda: apply_rate(4, [72.5])),
        ("unknown_value", "rounding", lambda: apply_rate(4, [72], rounding="bankers")),
        # More than two decimals is not an amount of money: refused against the description.
        ("bad_format", "total", lambda: split("10.005", [1])),
        # Nothing to split by: refused by the core.
        ("bad_amount", None, lambda: split("10.00", [])),
    ]
    for code, field, call in cases:
        with pytest.raises(InvalidInputError) as e:
            call()
        assert (e.value.code, e.value.field) == (code, field), str(e.value)


# Opening and the ledger.


def test_the_owners_decide_the_fee_and_the_business_use_of_common_parts(compound: Ward) -> None:
    ward = compound
    ward.fund.open_fund(
        FUND, "吉福小区共有基金", COMPOUND, {"per": "area", "rate": "4.00"}, {"basis": "fixed_fee"}, at=t(1, 2)
    )
    e = unchanged(
        ward, ConflictError, "no_fee_standard", lambda: ward.fund.bill_fees(FUND, "2026-01", actor="pm", at=t(1, 3))
    )
    assert "2026-01" in str(e)
    e = unchanged(
        ward,
        ConflictError,
        "business_use_not_allowed",
        lambda: ward.fund.record_income(FUND, "ads-1", "advertising", "2000.00", actor="pm", at=t(1, 3)),
    )
    assert "advertising" in str(e)
    owners_pass(ward, "m-fee", {"type": "approve_fee", "fund": FUND, "standard": "opening"}, 1, 3)
    ads: Any = {"type": "allow_business_use", "fund": FUND, "uses": ["advertising"], "until": date(2026, 6, 30)}
    owners_pass(ward, "m-ads", ads, 1, 3)
    assert ward.assembly.motion("m-ads")["kind"] == "special"  # type: ignore[index]
    ward.fund.bill_fees(FUND, "2026-01", actor="pm", at=t(1, 10))
    ward.fund.record_income(FUND, "ads-1", "advertising", "2000.00", actor="pm", at=t(1, 10))
    unchanged(
        ward,
        ConflictError,
        "business_use_not_allowed",
        lambda: ward.fund.record_income(FUND, "park-1", "parking", "600.00", actor="pm", at=t(1, 10)),
    )
    raise_: Any = {"per": "area", "rate": "4.50"}
    ward.fund.propose_fee(FUND, "2026-03", raise_, "2026-03", actor="pm", at=t(1, 11))
    owners_pass(ward, "m-raise", {"type": "approve_fee", "fund": FUND, "standard": "2026-03"}, 1, 12)
    ward.fund.bill_fees(FUND, "2026-02", actor="pm", at=t(2, 1))
    ward.fund.bill_fees(FUND, "2026-03", actor="pm", at=t(3, 1))
    billings = ward.fund.fund(FUND)["billings"]  # type: ignore[index]
    assert [(b["billed"], b["standard"]) for b in billings] == [
        (Decimal("1527.20"), "opening"),
        (Decimal("1527.20"), "opening"),
        (Decimal("1718.10"), "2026-03"),
    ]


def test_open_fund_gives_a_summary_with_decimals_and_dates(ward: Ward) -> None:
    assert ward.fund.funds() == [FUND]
    f = ward.fund.fund(FUND)
    assert f is not None
    assert f["unit"] == COMPOUND and f["opened"] == date(2026, 1, 2)
    opening = f["fee_standards"][0]
    assert opening["fee"] == {"per": "area", "rate": Decimal("4.00")} and opening["from"] == "2026-01"
    assert (opening["id"], opening["approval"], opening["motion"]) == ("opening", "approved", "m-fee")
    assert f["business_uses"][0]["uses"] == ["parking", "advertising", "other"]
    assert f["terms"]["basis"] == {"basis": "remuneration", "percent": Decimal("12")}
    assert f["terms"]["approval_threshold"] == Decimal("5000.00")
    assert f["terms"]["rounding"] == "half_up"
    assert f["budgets"] == f["payments"] == f["dividends"] == f["billings"] == f["accruals"] == []
    assert ward.fund.fund("nope") is None
    accounts = ward.fund.accounts(FUND)
    bank = next(a for a in accounts if a["account"] == "assets:bank")
    assert bank["kind"] == "assets" and bank["no_negative"] is True


def test_open_fund_refusals_leave_no_trace(ward: Ward) -> None:
    fee = {"per": "area", "rate": "4"}
    basis = {"basis": "fixed_fee"}
    unchanged(
        ward, ConflictError, "fund_exists", lambda: ward.fund.open_fund(FUND, "x", COMPOUND, fee, basis)
    )
    bad_input: list[tuple[str, str, Callable[[], Any]]] = [
        ("unknown_value", "fee.per", lambda: ward.fund.open_fund("f2", "x", COMPOUND, {"per": "m2"}, basis)),
        (
            "float_not_allowed",
            "fee.rate",
            lambda: ward.fund.open_fund("f2", "x", COMPOUND, {"per": "area", "rate": 4.0}, basis),
        ),
        (
            "unknown_value",
            "basis.basis",
            lambda: ward.fund.open_fund("f2", "x", COMPOUND, fee, {"basis": "commission"}),
        ),
        (
            "unknown_value",
            "rounding",
            lambda: ward.fund.open_fund("f2", "x", COMPOUND, fee, basis, rounding="nearest"),
        ),
    ]
    for code, field, call in bad_input:
        assert unchanged(ward, InvalidInputError, code, call).field == field
    unchanged(
        ward,
        PermissionDeniedError,
        "permission_denied",
        lambda: ward.fund.open_fund("f2", "x", COMPOUND, fee, basis, actor="o1"),
    )


def test_post_reverse_and_the_ledger_tables(ward: Ward) -> None:
    ward.fund.open_account(FUND, {"name": "assets:deposit"}, actor="pm", at=t(1, 2, 11))
    ward.fund.open_account(
        FUND, {"name": "liabilities:held", "description": "押金"}, actor="pm", at=t(1, 2, 11)
    )
    opening = {
        "id": "opening",
        "date": date(2026, 1, 2),
        "description": "balance carried over",
        "postings": [
            {"account": "assets:bank", "amount": Decimal("1000.00")},
            {"account": "equity:fund", "amount": "-1000.00"},
        ],
    }
    deposit = {
        "id": "deposit",
        "date": "2026-01-03",
        "postings": [
            {"account": "assets:deposit", "amount": 200},
            {"account": "liabilities:held", "amount": -200},
        ],
    }
    receipt = ward.fund.post(FUND, [opening, deposit], actor="pm", at=t(1, 3))
    assert receipt["events"] >= 1
    # Posting the same ids with the same content again does nothing.
    again = ward.fund.post(FUND, [opening], actor="pm", at=t(1, 3))
    assert again["seq"] is None
    ward.fund.reverse(FUND, "deposit-rev", "deposit", "entered by mistake", actor="pm", at=t(1, 4))

    balances = ward.fund.balances(FUND)
    assert isinstance(balances, Table)
    by = {r["account"]: r["balance"] for r in balances}
    assert by["assets:bank"] == Decimal("1000.00") and by["assets:deposit"] == Decimal("0.00")
    assert {r["account"]: r["balance"] for r in ward.fund.balances(FUND, date=date(2026, 1, 3))}[
        "assets:deposit"
    ] == Decimal("200.00")
    tb = ward.fund.trial_balance(FUND)
    assert tb["date"] is None and tb["debits"] == tb["credits"] == Decimal("1000.00")
    assert ward.fund.trial_balance(FUND, date="2026-01-03")["date"] == date(2026, 1, 3)

    history = ward.fund.account_history(FUND, "assets:deposit")
    assert [(h["transaction"], h["balance"]) for h in history] == [
        ("deposit", Decimal("200.00")),
        ("deposit-rev", Decimal("0.00")),
    ]
    postings = ward.fund.transactions(FUND)
    assert len(postings) == 6
    assert postings[-1]["reverses"] == "deposit" and postings[0]["reverses"] is None
    frame = postings.to_pandas()
    assert list(frame.columns) == [
        "transaction",
        "date",
        "description",
        "account",
        "amount",
        "reverses",
    ]
    assert str(frame["date"].dtype).startswith("datetime64")
    assert frame["amount"].sum() == Decimal("0.00")


def test_ledger_refusals_leave_no_trace(ward: Ward) -> None:
    unbalanced = {
        "id": "x",
        "date": "2026-01-02",
        "postings": [
            {"account": "assets:bank", "amount": 5},
            {"account": "equity:fund", "amount": -4},
        ],
    }
    with pytest.raises(GridwardError) as e:
        ward.fund.post(FUND, [unbalanced], actor="pm", at=t(1, 3))
    assert e.value.kind == "invalid"
    overdraw = {
        "id": "y",
        "date": "2026-01-02",
        "postings": [
            {"account": "assets:bank", "amount": -5},
            {"account": "equity:fund", "amount": 5},
        ],
    }
    unchanged(
        ward,
        ConflictError,
        "negative_balance",
        lambda: ward.fund.post(FUND, [overdraw], actor="pm", at=t(1, 3)),
    )
    missing = unchanged(
        ward,
        InvalidInputError,
        "missing_field",
        lambda: ward.fund.post(FUND, [{"id": "z"}], actor="pm"),
    )
    assert missing.field == "transactions[0].date"
    undated = unchanged(
        ward,
        InvalidInputError,
        "bad_format",
        lambda: ward.fund.post(FUND, [dict(unbalanced, date="2 Jan")], actor="pm"),
    )
    assert undated.field == "transactions[0].date"
    unchanged(ward, NotFoundError, "unknown_fund", lambda: ward.fund.post("nope", [], actor="pm"))
    unchanged(
        ward,
        PermissionDeniedError,
        "permission_denied",
        lambda: ward.fund.reverse(FUND, "r", "opening", "x", actor="o1"),
    )
    with pytest.raises(NotFoundError) as nf:
        ward.fund.balances("nope")
    assert nf.value.code == "unknown_fund"
    with pytest.raises(NotFoundError):
        ward.fund.account_history(FUND, "assets:nothing")


# Fees, payments, income.


def test_fees_by_area_and_payments(ward: Ward) -> None:
    approve_budget(ward)
    ward.fund.bill_fees(FUND, "2026-01", actor="pm", at=t(1, 10))
    receivable = {r["account"]: r["balance"] for r in ward.fund.balances(FUND)}
    assert receivable["assets:receivable:1-101"] == Decimal("288.00")  # 72 m² × 4
    billing = ward.fund.fund(FUND)["billings"][0]  # type: ignore[index]
    assert billing["month"] == "2026-01" and billing["households"] == 4
    assert billing["billed"] == Decimal("1527.20") and billing["residue"] == Decimal("0")
    unchanged(
        ward,
        ConflictError,
        "billed_already",
        lambda: ward.fund.bill_fees(FUND, "2026-01", actor="pm", at=t(1, 10)),
    )

    first = ward.fund.record_payment(
        FUND, "p1", "1-101", Decimal("288.00"), actor="pm", at=t(1, 11), key="p1"
    )
    retry = ward.fund.record_payment(
        FUND, "p1", "1-101", Decimal("288.00"), actor="pm", at=t(1, 11), key="p1"
    )
    assert retry["duplicate"] is True and retry["seq"] == first["seq"]
    unchanged(
        ward,
        InvalidInputError,
        "float_not_allowed",
        lambda: ward.fund.record_payment(FUND, "p2", "1-102", 358.0, actor="pm", at=t(1, 12)),
    )
    unchanged(
        ward,
        InvalidInputError,
        "bad_format",
        lambda: ward.fund.record_payment(FUND, "p2", "1-102", "358.005", actor="pm", at=t(1, 12)),
    )
    unchanged(
        ward,
        PermissionDeniedError,
        "permission_denied",
        lambda: ward.fund.record_payment(FUND, "p2", "1-102", 358, actor="o2", at=t(1, 12)),
    )

    ward.fund.record_income(FUND, "park-1", "parking", "600.00", description="车位费", actor="pm", at=t(1, 20))
    unchanged(
        ward,
        InvalidInputError,
        "unknown_value",
        lambda: ward.fund.record_income(FUND, "x", "lottery", 1, actor="pm", at=t(1, 21)),
    )
    bank = {r["account"]: r["balance"] for r in ward.fund.balances(FUND)}["assets:bank"]
    assert bank == Decimal("888.00")


# Inputs, generic commands, pickling.


def test_days_accept_dates_and_text_and_refuse_datetimes(ward: Ward) -> None:
    args: dict[str, Any] = {"actor": "pm", "at": t(1, 3)}
    # The field is named as the core names it (`from`; the Python parameter is `from_`).
    a_time = unchanged(
        ward,
        InvalidInputError,
        "bad_format",
        lambda: ward.fund.propose_budget(FUND, "b", t(1, 1), "2026-12-31", LINES, **args),
    )
    assert a_time.field == "from"
    slashed = unchanged(
        ward,
        InvalidInputError,
        "bad_format",
        lambda: ward.fund.propose_budget(FUND, "b", "2026/01/01", "2026-12-31", LINES, **args),
    )
    assert slashed.field == "from"
    no_amount = unchanged(
        ward,
        InvalidInputError,
        "missing_field",
        lambda: ward.fund.propose_budget(FUND, "b", "2026-01-01", "2026-12-31", [{"line": "x"}], **args),
    )
    assert no_amount.field == "lines[0].amount"
    unchanged(
        ward,
        InvalidInputError,
        "naive_datetime",
        lambda: ward.fund.bill_fees(FUND, "2026-01", actor="pm", at=datetime(2026, 1, 10)),
    )


def test_execute_and_decide_take_fund_commands(ward: Ward) -> None:
    command = {
        "fund": {
            "type": "propose_budget",
            "fund": FUND,
            "budget": "b",
            "from": "2026-01-01",
            "to": "2026-06-30",
            "lines": [{"line": "cleaning", "amount": "100.00"}],
        }
    }
    events = ward.decide(command, actor="pm", at=t(1, 3))
    assert events[0]["fund"]["type"] == "budget_proposed"
    ward.execute(command, actor="pm", at=t(1, 3))
    assert ward.fund.fund(FUND)["budgets"][0]["to"] == date(2026, 6, 30)  # type: ignore[index]


def test_a_ward_with_a_fund_pickles_and_replays(ward: Ward) -> None:
    approve_budget(ward)
    ward.fund.bill_fees(FUND, "2026-01", actor="pm", at=t(1, 10))
    again = pickle.loads(pickle.dumps(ward))
    assert again.head == ward.head and again.state_digest() == ward.state_digest()
    assert again.fund.fund(FUND) == ward.fund.fund(FUND)
    replayed = Ward.from_journal(ward.export_journal())
    assert replayed.fund.trial_balance(FUND) == ward.fund.trial_balance(FUND)

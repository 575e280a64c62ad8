"""The common fund through the Python face: opening, accounts, hand postings and
reversals, fees billed by area, payments, common income, a budget approved by the
owners, payments with vouchers and the supervisor's approval, remuneration, dividends,
the statement and its verification, exports, and the money rules as functions — each
refusal with its exception class and code, leaving the journal as it was."""

from __future__ import annotations

import pickle
from datetime import date, datetime, timedelta, timezone
from decimal import Decimal
from typing import Any, Callable

import pytest

from gridward import (
    ConflictError,
    GridwardError,
    InvalidInputError,
    LedgerTable,
    NotFoundError,
    PermissionDeniedError,
    Ward,
    apply_rate,
    split,
)

CST = timezone(timedelta(hours=8))
COMPOUND = "510105001001002"
B1, B2 = f"{COMPOUND}001", f"{COMPOUND}002"
FUND = "jf"
# Four homes: the RULES areas, and a round one.
HOMES = [("1-101", B1, "72"), ("1-102", B1, "89.5"), ("2-101", B2, "120.3"), ("2-102", B2, "100")]
OWNERS = ["o1", "o2", "o3", "o4"]
LINES = [{"line": "cleaning", "amount": Decimal("20000.00")}, {"line": "repairs", "amount": 8000}]
VOUCHER = {
    "reference": "INV-1",
    "document_hash": "ab" * 32,
    "payee": "洁美保洁公司",
    "payee_is_person": False,
    "description": "cleaning, January",
}


def t(month: int, day: int, hour: int = 10) -> datetime:
    """A moment of 2026 in Chengdu."""
    return datetime(2026, month, day, hour, tzinfo=CST)


def build_compound(ward: Ward) -> Ward:
    """A compound grid with two buildings and four homes; a property manager (pm), a
    supervisor (sup), an owners' committee member (oc), and one owner per home."""
    at = t(1, 2, 9)
    for code in ("510105", "510105001", "510105001001", COMPOUND, B1, B2):
        ward.add_unit(code, f"unit {code}", at=at)
    for person, role in (
        ("pm", "property_manager"),
        ("sup", "fund_supervisor"),
        ("oc", "owners_committee_member"),
    ):
        ward.add_person(person, person, at=at)
        ward.grant_role(person, role, COMPOUND, at=at)
    for (home, unit, area), owner in zip(HOMES, OWNERS):
        ward.add_household(home, unit, Decimal(area), at=at)
        ward.add_person(owner, f"业主{home}", at=at)
        ward.set_owner(home, owner, actor="oc", at=at)
    return ward


def open_fund(ward: Ward, rate: Any = Decimal("4.00")) -> Ward:
    ward.open_fund(
        FUND,
        "吉福小区共有基金",
        COMPOUND,
        {"per": "area", "rate": rate},
        {"basis": "remuneration", "percent": Decimal("12")},
        at=t(1, 2, 10),
    )
    return ward


def approve_budget(ward: Ward) -> None:
    """The 2026 budget, proposed by the manager and approved by every owner."""
    ward.propose_budget(FUND, "2026", date(2026, 1, 1), "2026-12-31", LINES, actor="pm", at=t(1, 3))
    subject = {"type": "approve_budget", "fund": FUND, "budget": "2026"}
    ward.open_motion(
        "m-budget", COMPOUND, "2026年度预算", subject, t(1, 9, 18), actor="oc", at=t(1, 3, 11)
    )
    for owner in OWNERS:
        ward.cast_vote("m-budget", "yes", actor=owner, at=t(1, 5))
    ward.close_motion("m-budget", actor="oc", at=t(1, 9, 19))


@pytest.fixture
def ward() -> Ward:
    return open_fund(build_compound(Ward()))


def unchanged(ward: Ward, error: type[GridwardError], code: str, call: Callable[[], Any]) -> None:
    """`call` raises `error` with `code` and leaves the journal as it was."""
    head, length = ward.head, ward.journal_len
    with pytest.raises(error) as raised:
        call()
    assert raised.value.code == code, raised.value
    assert (ward.head, ward.journal_len) == (head, length)


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
    with pytest.raises(InvalidInputError) as e:
        split(1000.0, [1, 2])
    assert e.value.code == "float_not_allowed"
    with pytest.raises(InvalidInputError) as e:
        apply_rate(4, [72.5])
    assert e.value.code == "float_not_allowed"
    with pytest.raises(InvalidInputError) as e:
        apply_rate(4, [72], rounding="bankers")
    assert e.value.code == "invalid_rounding"
    with pytest.raises(InvalidInputError) as e:
        split("10.005", [1])
    assert e.value.code == "bad_amount"
    with pytest.raises(InvalidInputError) as e:
        split("10.00", [])
    assert e.value.code == "bad_amount"


# Opening and the ledger.


def test_open_fund_gives_a_summary_with_decimals_and_dates(ward: Ward) -> None:
    assert ward.funds() == [FUND]
    f = ward.fund(FUND)
    assert f is not None
    assert f["unit"] == COMPOUND and f["opened"] == date(2026, 1, 2)
    assert f["terms"]["fee"] == {"per": "area", "rate": Decimal("4.00")}
    assert f["terms"]["basis"] == {"basis": "remuneration", "percent": Decimal("12")}
    assert f["terms"]["approval_threshold"] == Decimal("5000.00")
    assert f["terms"]["rounding"] == "half_up"
    assert f["budgets"] == f["payments"] == f["dividends"] == f["billings"] == f["accruals"] == []
    assert ward.fund("nope") is None
    accounts = ward.accounts(FUND)
    bank = next(a for a in accounts if a["account"] == "assets:bank")
    assert bank["kind"] == "assets" and bank["no_negative"] is True


def test_open_fund_refusals_leave_no_trace(ward: Ward) -> None:
    fee = {"per": "area", "rate": "4"}
    basis = {"basis": "fixed_fee"}
    unchanged(
        ward, ConflictError, "fund_exists", lambda: ward.open_fund(FUND, "x", COMPOUND, fee, basis)
    )
    unchanged(
        ward,
        InvalidInputError,
        "invalid_fee",
        lambda: ward.open_fund("f2", "x", COMPOUND, {"per": "m2"}, basis),
    )
    unchanged(
        ward,
        InvalidInputError,
        "float_not_allowed",
        lambda: ward.open_fund("f2", "x", COMPOUND, {"per": "area", "rate": 4.0}, basis),
    )
    unchanged(
        ward,
        InvalidInputError,
        "invalid_basis",
        lambda: ward.open_fund("f2", "x", COMPOUND, fee, {"basis": "commission"}),
    )
    unchanged(
        ward,
        InvalidInputError,
        "invalid_rounding",
        lambda: ward.open_fund("f2", "x", COMPOUND, fee, basis, rounding="nearest"),
    )
    unchanged(
        ward,
        PermissionDeniedError,
        "permission_denied",
        lambda: ward.open_fund("f2", "x", COMPOUND, fee, basis, actor="o1"),
    )


def test_post_reverse_and_the_ledger_tables(ward: Ward) -> None:
    ward.open_account(FUND, "assets:deposit", actor="pm", at=t(1, 2, 11))
    ward.open_account(
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
    receipt = ward.post(FUND, [opening, deposit], actor="pm", at=t(1, 3))
    assert receipt["events"] >= 1
    # Posting the same ids with the same content again does nothing.
    again = ward.post(FUND, [opening], actor="pm", at=t(1, 3))
    assert again["seq"] is None
    ward.reverse(FUND, "deposit-rev", "deposit", "entered by mistake", actor="pm", at=t(1, 4))

    balances = ward.balances(FUND)
    assert isinstance(balances, LedgerTable)
    by = {r["account"]: r["balance"] for r in balances}
    assert by["assets:bank"] == Decimal("1000.00") and by["assets:deposit"] == Decimal("0.00")
    assert {r["account"]: r["balance"] for r in ward.balances(FUND, date(2026, 1, 3))}[
        "assets:deposit"
    ] == Decimal("200.00")
    tb = ward.trial_balance(FUND)
    assert tb["date"] is None and tb["debits"] == tb["credits"] == Decimal("1000.00")
    assert ward.trial_balance(FUND, "2026-01-03")["date"] == date(2026, 1, 3)

    history = ward.account_history(FUND, "assets:deposit")
    assert [(h["transaction"], h["balance"]) for h in history] == [
        ("deposit", Decimal("200.00")),
        ("deposit-rev", Decimal("0.00")),
    ]
    postings = ward.transactions(FUND)
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
        ward.post(FUND, [unbalanced], actor="pm", at=t(1, 3))
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
        lambda: ward.post(FUND, [overdraw], actor="pm", at=t(1, 3)),
    )
    unchanged(
        ward,
        InvalidInputError,
        "invalid_transaction",
        lambda: ward.post(FUND, [{"id": "z"}], actor="pm"),
    )
    unchanged(
        ward,
        InvalidInputError,
        "invalid_transaction",
        lambda: ward.post(FUND, [dict(unbalanced, date="2 Jan")], actor="pm"),
    )
    unchanged(ward, NotFoundError, "unknown_fund", lambda: ward.post("nope", [], actor="pm"))
    unchanged(
        ward,
        PermissionDeniedError,
        "permission_denied",
        lambda: ward.reverse(FUND, "r", "opening", "x", actor="o1"),
    )
    with pytest.raises(NotFoundError) as nf:
        ward.balances("nope")
    assert nf.value.code == "unknown_fund"
    with pytest.raises(NotFoundError):
        ward.account_history(FUND, "assets:nothing")


# Fees, payments, income.


def test_fees_by_area_and_payments(ward: Ward) -> None:
    approve_budget(ward)
    ward.bill_fees(FUND, "2026-01", actor="pm", at=t(1, 10))
    receivable = {r["account"]: r["balance"] for r in ward.balances(FUND)}
    assert receivable["assets:receivable:1-101"] == Decimal("288.00")  # 72 m² × 4
    billing = ward.fund(FUND)["billings"][0]  # type: ignore[index]
    assert billing["month"] == "2026-01" and billing["households"] == 4
    assert billing["billed"] == Decimal("1527.20") and billing["residue"] == Decimal("0")
    unchanged(
        ward,
        ConflictError,
        "billed_already",
        lambda: ward.bill_fees(FUND, "2026-01", actor="pm", at=t(1, 10)),
    )

    first = ward.record_payment(
        FUND, "p1", "1-101", Decimal("288.00"), actor="pm", at=t(1, 11), key="p1"
    )
    retry = ward.record_payment(
        FUND, "p1", "1-101", Decimal("288.00"), actor="pm", at=t(1, 11), key="p1"
    )
    assert retry["duplicate"] is True and retry["seq"] == first["seq"]
    unchanged(
        ward,
        InvalidInputError,
        "float_not_allowed",
        lambda: ward.record_payment(FUND, "p2", "1-102", 358.0, actor="pm", at=t(1, 12)),
    )
    unchanged(
        ward,
        InvalidInputError,
        "bad_amount",
        lambda: ward.record_payment(FUND, "p2", "1-102", "358.005", actor="pm", at=t(1, 12)),
    )
    unchanged(
        ward,
        PermissionDeniedError,
        "permission_denied",
        lambda: ward.record_payment(FUND, "p2", "1-102", 358, actor="o2", at=t(1, 12)),
    )

    ward.record_income(FUND, "park-1", "parking", "600.00", "车位费", actor="pm", at=t(1, 20))
    unchanged(
        ward,
        InvalidInputError,
        "invalid_income_source",
        lambda: ward.record_income(FUND, "x", "lottery", 1, actor="pm", at=t(1, 21)),
    )
    bank = {r["account"]: r["balance"] for r in ward.balances(FUND)}["assets:bank"]
    assert bank == Decimal("888.00")


# Inputs, generic commands, pickling.


def test_days_accept_dates_and_text_and_refuse_datetimes(ward: Ward) -> None:
    args: dict[str, Any] = {"actor": "pm", "at": t(1, 3)}
    unchanged(
        ward,
        InvalidInputError,
        "invalid_date",
        lambda: ward.propose_budget(FUND, "b", t(1, 1), "2026-12-31", LINES, **args),
    )
    unchanged(
        ward,
        InvalidInputError,
        "invalid_date",
        lambda: ward.propose_budget(FUND, "b", "2026/01/01", "2026-12-31", LINES, **args),
    )
    unchanged(
        ward,
        InvalidInputError,
        "invalid_lines",
        lambda: ward.propose_budget(FUND, "b", "2026-01-01", "2026-12-31", [{"line": "x"}], **args),
    )
    unchanged(
        ward,
        InvalidInputError,
        "naive_datetime",
        lambda: ward.bill_fees(FUND, "2026-01", actor="pm", at=datetime(2026, 1, 10)),
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
    assert ward.fund(FUND)["budgets"][0]["to"] == date(2026, 6, 30)  # type: ignore[index]


def test_a_ward_with_a_fund_pickles_and_replays(ward: Ward) -> None:
    approve_budget(ward)
    ward.bill_fees(FUND, "2026-01", actor="pm", at=t(1, 10))
    again = pickle.loads(pickle.dumps(ward))
    assert again.head == ward.head and again.state_digest() == ward.state_digest()
    assert again.fund(FUND) == ward.fund(FUND)
    replayed = Ward.from_journal(ward.export_journal())
    assert replayed.trial_balance(FUND) == ward.trial_balance(FUND)

//! A fund journal whose hashes are recomputed can still be forged: replay checks every
//! fund event against the state it meets, for the entry's actor at the entry's time, and
//! refuses, naming the entry, whatever the fund's rules could not have recorded.

mod common;

use common::fund::*;
use gridward::assembly::Subject;
use gridward::fund::ledger::{Posting, Transaction};
use gridward::fund::{Basis, FundCommand, FundSubject, IncomeSource, SharingKey};
use gridward::{Actor, Ward, WardConfig};
use gridward_scenarios::parity::forged;
use rust_decimal::Decimal;
use serde_json::Value;

/// A compound of three homes whose owners approved the fee, every business use and a
/// cleaning budget of 3,000.00; January billed, 288.00 received from h0, two payments
/// (p1 100.00, p2 50.00), January's remuneration accrued (10%), and a motion counting
/// common income in the remuneration base passed in February.
fn ward() -> Ward {
    let basis = Basis::Remuneration {
        percent: Decimal::new(10, 0),
    };
    let mut w = compound(&["72.00", "88.20", "120.00"], basis);
    approve_budget(&mut w, 3, &[("cleaning", "3000.00")]);
    let bill = FundCommand::BillFees {
        fund: FUND.into(),
        month: "2026-01".into(),
    };
    act(&mut w, Some("pm"), &when(1, 6), bill).unwrap();
    act(
        &mut w,
        Some("pm"),
        &when(1, 7),
        receipt("r0", "h0", yuan("288.00")),
    )
    .unwrap();
    act(
        &mut w,
        Some("pm"),
        &when(1, 8),
        spend("p1", "cleaning", yuan("100.00")),
    )
    .unwrap();
    act(
        &mut w,
        Some("pm"),
        &when(1, 9),
        spend("p2", "cleaning", yuan("50.00")),
    )
    .unwrap();
    let accrue = FundCommand::AccrueRemuneration {
        fund: FUND.into(),
        accrual: "a1".into(),
        from: day(1, 1),
        to: day(1, 31),
    };
    act(&mut w, Some("pm"), &when(1, 31), accrue).unwrap();
    let base = FundSubject::CommonIncomeInBase {
        fund: FUND.into(),
        include: true,
    };
    pass(&mut w, 3, "m-base", Subject::Fund(base), 2, 1);
    let parking = FundCommand::RecordIncome {
        fund: FUND.into(),
        id: "i1".into(),
        source: IncomeSource::Parking,
        amount: yuan("500.00"),
        description: String::new(),
    };
    act(&mut w, Some("pm"), &when(2, 3), parking).unwrap();
    let dividend = FundCommand::ProposeDividend {
        fund: FUND.into(),
        dividend: "d1".into(),
        amount: Some(yuan("300.00")),
        key: SharingKey::Area,
    };
    act(&mut w, Some("pm"), &when(2, 3), dividend).unwrap();
    let shared = FundSubject::Dividend {
        fund: FUND.into(),
        dividend: "d1".into(),
    };
    pass(&mut w, 3, "m-d", Subject::Fund(shared), 2, 4);
    let pay = FundCommand::PayDividend {
        fund: FUND.into(),
        dividend: "d1".into(),
        payment: "dp1".into(),
    };
    act(&mut w, Some("pm"), &when(2, 6), pay).unwrap();
    // A transaction posted by hand: the balance carried over from the last manager.
    let carried = Transaction::new(
        "carried",
        day(2, 7),
        "balance carried over",
        vec![
            Posting::new("assets:bank", yuan("40.00")),
            Posting::new("equity:fund", yuan("-40.00")),
        ],
    );
    let post = FundCommand::Post {
        fund: FUND.into(),
        transactions: vec![carried],
    };
    act(&mut w, Some("pm"), &when(2, 7), post).unwrap();
    w
}

/// The fund events of an entry's body.
fn fund_events(body: &mut Value) -> impl Iterator<Item = &mut Value> {
    body["events"]
        .as_array_mut()
        .into_iter()
        .flatten()
        .filter_map(|e| e.get_mut("fund"))
}

/// Forges the first entry `edit` changes, and asserts replay refuses that entry with a
/// message holding `needle`.
fn refused(edit: impl FnMut(&mut Value) -> bool, needle: &str) {
    let (text, seq) = forged(&ward().to_jsonl(), edit);
    assert!(seq > 0, "nothing was forged");
    let err = Ward::from_jsonl(WardConfig::default(), &text).unwrap_err();
    assert_eq!(err.code(), "journal_replay", "{err}");
    let message = err.to_string();
    assert!(
        message.contains(&format!("entry {seq} cannot")),
        "{message}"
    );
    assert!(message.contains(needle), "{needle:?} not in {message}");
}

/// Edits the first fund event of type `kind` for which `edit` returns true.
fn first(
    kind: &'static str,
    mut edit: impl FnMut(&mut Value) -> bool,
) -> impl FnMut(&mut Value) -> bool {
    move |body| {
        fund_events(body)
            .filter(|e| e["type"] == kind)
            .any(&mut edit)
    }
}

fn is_payment(e: &Value, id: &str) -> bool {
    e["payment"]["id"] == id || e["purpose"]["payment"] == id
}

#[test]
fn the_legal_journal_replays_to_the_same_state() {
    let w = ward();
    let again = Ward::from_jsonl(WardConfig::default(), &w.to_jsonl()).unwrap();
    assert_eq!(again.state_digest(), w.state_digest());
    // The forger's edit below finds what it edits.
    let (_, seq) = forged(
        &w.to_jsonl(),
        first("payment_made", |e| is_payment(e, "p2")),
    );
    assert!(seq > 0);
}

#[test]
fn a_payment_made_twice_is_refused() {
    refused(
        |body| {
            let mut changed = false;
            for e in fund_events(body) {
                if is_payment(e, "p2") {
                    e["payment"]["id"] = Value::from("p1");
                    e["purpose"]["payment"] = Value::from("p1");
                    changed = true;
                }
            }
            changed
        },
        "payment \"p1\" is posted; cannot make it again",
    );
}

#[test]
fn a_payment_made_as_approved_without_a_request_is_refused() {
    let edit = first("payment_made", |e| {
        let hit = is_payment(e, "p2");
        if hit {
            e["payment"]["approved_by"] = Value::from("sup");
        }
        hit
    });
    refused(edit, "payment.approved_by differs");
}

#[test]
fn a_payment_overdrawing_the_bank_is_refused() {
    // 2,000.00 is within the line (2,900.00 left) but the bank holds 188.00.
    refused(
        |body| {
            let mut changed = false;
            for e in fund_events(body).filter(|e| is_payment(e, "p2")) {
                if e["type"] == "payment_made" {
                    e["payment"]["amount"] = Value::from("2000.00");
                }
                if let Some(postings) = e["transaction"]["postings"].as_array_mut() {
                    postings[0]["amount"] = Value::from("2000.00");
                    postings[1]["amount"] = Value::from("-2000.00");
                }
                changed = true;
            }
            changed
        },
        "assets:bank",
    );
}

#[test]
fn a_payment_posted_for_another_amount_than_made_is_refused() {
    let edit = first("posted", |e| {
        let hit = is_payment(e, "p1");
        if hit {
            e["transaction"]["postings"][0]["amount"] = Value::from("60.00");
            e["transaction"]["postings"][1]["amount"] = Value::from("-60.00");
        }
        hit
    });
    refused(edit, "transaction.postings differs");
}

#[test]
fn fees_billed_with_no_approved_standard_are_refused() {
    // The approved standard applies from January 2026: none is in force in December.
    let edit = first("fees_billed", |e| {
        e["billing"]["month"] = Value::from("2025-12");
        true
    });
    refused(edit, "no fee standard approved");
}

#[test]
fn a_fee_billed_to_a_household_outside_the_compound_is_refused() {
    let edit = first("posted", |e| {
        let hit = e["purpose"]["for"] == "fee";
        if hit {
            e["purpose"]["household"] = Value::from("zz");
        }
        hit
    });
    refused(edit, "household \"zz\" is not in the compound");
}

#[test]
fn a_forged_remuneration_is_refused() {
    let edit = first("remuneration_accrued", |e| {
        e["accrual"]["amount"] = Value::from("99.00");
        true
    });
    refused(edit, "accrual.amount differs");
}

#[test]
fn a_decision_on_an_already_decided_budget_is_refused() {
    // The closing of m-base records instead that the approved budget was rejected.
    let edit = first("common_income_in_base_decided", |e| {
        *e = serde_json::json!({
            "type": "budget_decided",
            "fund": FUND,
            "budget": "b",
            "motion": "m-base",
            "approved": false,
        });
        true
    });
    refused(edit, "budget \"b\" is approved");
}

/// Rewrites the entry recording transaction `id` as the owner o1's, who does not keep
/// the accounts.
fn as_owner(id: &'static str) -> impl FnMut(&mut Value) -> bool {
    move |body| {
        let hit = fund_events(body).any(|e| e["transaction"]["id"] == id);
        if hit {
            body["actor"] = serde_json::to_value(Actor::person("o1")).unwrap();
        }
        hit
    }
}

#[test]
fn a_fee_receipt_recorded_by_an_owner_is_refused() {
    // The entry recording r0 is rewritten as an owner's, who does not keep the accounts.
    refused(as_owner("r0"), "keep_accounts");
}

#[test]
fn a_decision_recorded_by_someone_who_cannot_close_motions_is_refused() {
    // The property manager keeps the accounts but does not convene the assembly.
    refused(
        |body| {
            let hit = fund_events(body).any(|e| e["type"] == "common_income_in_base_decided");
            if hit {
                body["actor"] = serde_json::to_value(Actor::person("pm")).unwrap();
            }
            hit
        },
        "convene_assembly",
    );
}

#[test]
fn a_dividend_shared_otherwise_than_by_area_is_refused() {
    // Ten yuan moved from one home's share to another's: the total still adds up.
    let edit = first("dividend_decided", |e| {
        let shares = e["shares"].as_array_mut().unwrap();
        let (a, b) = (shares[0][1].clone(), shares[1][1].clone());
        let moved = |v: &Value, by: i64| {
            let fen: i64 = v.as_str().unwrap().replace('.', "").parse().unwrap();
            Value::from(format!("{:.2}", (fen + by) as f64 / 100.0))
        };
        shares[0][1] = moved(&a, -1000);
        shares[1][1] = moved(&b, 1000);
        true
    });
    refused(edit, "shares differs");
}

#[test]
fn a_dividend_paid_twice_is_refused() {
    // The payout's entry pays the dividend a second time under another id.
    refused(
        |body| {
            let events = body["events"].as_array_mut().unwrap();
            let paid = events
                .iter()
                .find(|e| e["fund"]["purpose"]["for"] == "dividend_paid")
                .cloned();
            let Some(mut again) = paid else {
                return false;
            };
            again["fund"]["transaction"]["id"] = Value::from("dp2");
            events.push(again);
            true
        },
        // The households' dividend accounts, paid already, would go negative.
        "transaction \"dp2\" would leave \"liabilities:dividends:",
    );
}

#[test]
fn a_transaction_posted_by_hand_by_an_owner_is_refused() {
    // The entry posting "carried" by hand is rewritten as an owner's.
    refused(as_owner("carried"), "keep_accounts");
}

#[test]
fn spending_posted_by_hand_is_refused() {
    // The hand posting is rewritten to take the money out as remuneration, which only a
    // budget's payment or an accrual may record.
    refused(
        first("posted", |e| {
            let hit = e["transaction"]["id"] == "carried";
            if hit {
                e["transaction"]["postings"][1]["account"] = "expenses:remuneration".into();
            }
            hit
        }),
        "posts to expense account",
    );
}

#[test]
fn a_correction_posted_as_an_entry_is_refused() {
    // A reversal recorded as a plain entry would skip the reverse command's checks.
    refused(
        first("posted", |e| {
            let hit = e["transaction"]["id"] == "carried";
            if hit {
                e["transaction"]["reverses"] = "r0".into();
            }
            hit
        }),
        "does not reverse",
    );
}

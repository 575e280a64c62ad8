//! Property tests of the common fund: no sequence of payments, income, spending,
//! approvals, refusals, reversals, billing and remuneration leaves debits unequal to
//! credits, the bank below zero, or a line spent beyond what the owners approved; a
//! refused command leaves no trace; and replaying the journal gives the same state.

mod common;

use common::fund::*;
use gridward::fund::{Basis, FundCommand, IncomeSource};
use gridward::{Ward, WardConfig};
use proptest::prelude::*;
use rust_decimal::Decimal;

const LINES: [&str; 2] = ["cleaning", "repairs"];

#[derive(Clone, Debug)]
enum Op {
    Pay(usize, i64),
    Income(i64),
    Spend(usize, i64),
    Approve(usize),
    Reject(usize),
    Reverse(usize),
    Bill,
    Accrue,
    PayManager(i64),
}

fn op() -> impl Strategy<Value = Op> {
    prop_oneof![
        (0usize..4, 1i64..200_000).prop_map(|(h, f)| Op::Pay(h, f)),
        (1i64..300_000).prop_map(Op::Income),
        (0usize..2, 1i64..900_000).prop_map(|(l, f)| Op::Spend(l, f)),
        (0usize..40).prop_map(Op::Approve),
        (0usize..40).prop_map(Op::Reject),
        (0usize..80).prop_map(Op::Reverse),
        Just(Op::Bill),
        Just(Op::Accrue),
        (1i64..50_000).prop_map(Op::PayManager),
    ]
}

fn command(w: &Ward, i: usize, op: &Op, month: u32) -> FundCommand {
    let f = w.fund(FUND).unwrap();
    let fund = FUND.to_owned();
    let fen = |x: i64| gridward::money::Amount::from_fen(x);
    let nth_payment = |n: usize| {
        f.payments
            .keys()
            .nth(n % f.payments.len().max(1))
            .cloned()
            .unwrap_or_default()
    };
    match op {
        Op::Pay(h, x) => receipt(&format!("r{i}"), &format!("h{h}"), fen(*x)),
        Op::Income(x) => FundCommand::RecordIncome {
            fund,
            id: format!("i{i}"),
            source: IncomeSource::Parking,
            amount: fen(*x),
            description: String::new(),
        },
        Op::Spend(l, x) => spend(&format!("p{i}"), LINES[*l], fen(*x)),
        Op::Approve(n) => FundCommand::ApprovePayment {
            fund,
            payment: nth_payment(*n),
        },
        Op::Reject(n) => FundCommand::RejectPayment {
            fund,
            payment: nth_payment(*n),
            reason: "no".into(),
        },
        Op::Reverse(n) => {
            let ids: Vec<String> = f.ledger.transactions().map(|t| t.id).collect();
            FundCommand::Reverse {
                fund,
                transaction: format!("x{i}"),
                reverses: ids[n % ids.len()].clone(),
                reason: "mistake".into(),
            }
        }
        Op::Bill => FundCommand::BillFees {
            fund,
            month: format!("2026-{month:02}"),
        },
        Op::Accrue => FundCommand::AccrueRemuneration {
            fund,
            accrual: format!("a{i}"),
            from: day(month, 1),
            to: day(month, 28),
        },
        Op::PayManager(x) => FundCommand::PayRemuneration {
            fund,
            payment: format!("m{i}"),
            amount: fen(*x),
        },
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(120))]
    #[test]
    fn the_books_stay_square_and_within_budget(ops in proptest::collection::vec(op(), 1..60)) {
        let mut w = compound(&["72", "89.5", "120.3", "100"], Basis::Remuneration { percent: Decimal::from(12) });
        act(&mut w, Some("pm"), &when(1, 3), FundCommand::RecordIncome {
            fund: FUND.into(), id: "seed".into(), source: IncomeSource::Other, amount: yuan("3000"), description: String::new(),
        }).unwrap();
        approve_budget(&mut w, 4, &[("cleaning", "12000"), ("repairs", "8000")]);
        for (i, op) in ops.iter().enumerate() {
            let month = 1 + (i as u32 * 12 / 60).min(11);
            let at = format!("2026-{month:02}-{:02}T{:02}:00:00+08:00", 10 + i % 18, 8 + i % 10);
            let actor = if matches!(op, Op::Approve(_) | Op::Reject(_)) { "sup" } else { "pm" };
            let (head, digest) = (w.head(), w.state_digest());
            let c = command(&w, i, op, month);
            if act(&mut w, Some(actor), &at, c).is_err() {
                prop_assert_eq!((w.head(), w.state_digest()), (head, digest));
            }
            let f = w.fund(FUND).unwrap();
            let tb = f.ledger.trial_balance(None);
            prop_assert_eq!(tb.debits, tb.credits);
            prop_assert!(!f.ledger.balance("assets:bank").unwrap().is_negative());
            for line in LINES {
                prop_assert!(!f.budgets["b"].remaining(line).unwrap().is_negative(), "{} overspent", line);
            }
        }
        let again = Ward::from_jsonl(WardConfig::default(), &w.to_jsonl()).unwrap();
        prop_assert_eq!(again.state_digest(), w.state_digest());
    }
}

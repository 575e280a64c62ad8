use chrono::NaiveDate;
use proptest::prelude::*;

use super::*;

fn day(d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 1, d).unwrap()
}

fn yuan(s: &str) -> Amount {
    s.parse().unwrap()
}

fn tx(id: &str, d: u32, lines: &[(&str, &str)]) -> Transaction {
    let postings = lines
        .iter()
        .map(|(a, x)| Posting::new(*a, yuan(x)))
        .collect();
    Transaction::new(id, day(d), "test", postings)
}

fn ledger() -> Ledger {
    let mut l = Ledger::new();
    l.open(Account::new("assets:bank", "bank").no_negative())
        .unwrap();
    l.open(Account::new("income:parking", "")).unwrap();
    l.open(Account::new("expenses:cleaning", "")).unwrap();
    l
}

#[test]
fn a_balanced_transaction_posts_and_balances_follow() {
    let mut l = ledger();
    let t = tx(
        "t1",
        1,
        &[("assets:bank", "100.00"), ("income:parking", "-100.00")],
    );
    assert_eq!(l.post(t.clone()), Ok(Posted::New));
    assert_eq!(l.post(t), Ok(Posted::Duplicate));
    assert_eq!(l.len(), 1);
    assert_eq!(l.balance("assets:bank"), Ok(yuan("100")));
    let tb = l.trial_balance(None);
    assert_eq!((tb.debits, tb.credits), (yuan("100"), yuan("100")));
}

#[test]
fn refusals_change_nothing() {
    let mut l = ledger();
    l.post(tx(
        "t1",
        2,
        &[("assets:bank", "100"), ("income:parking", "-100")],
    ))
    .unwrap();
    let before = l.clone();
    let cases = [
        (
            tx("t1", 2, &[("assets:bank", "5"), ("income:parking", "-5")]),
            "transaction_id_reused",
        ),
        (
            tx("t2", 2, &[("assets:bank", "5"), ("income:parking", "-4")]),
            "unbalanced",
        ),
        (tx("t3", 2, &[("assets:bank", "5")]), "too_few_postings"),
        (
            tx("t4", 2, &[("assets:bank", "0"), ("income:parking", "0")]),
            "zero_posting",
        ),
        (
            tx("t5", 2, &[("assets:cash", "5"), ("income:parking", "-5")]),
            "unknown_account",
        ),
        (
            tx("t6", 1, &[("assets:bank", "5"), ("income:parking", "-5")]),
            "backdated",
        ),
        (
            tx(
                "t7",
                3,
                &[("expenses:cleaning", "100.01"), ("assets:bank", "-100.01")],
            ),
            "negative_balance",
        ),
        (
            tx(" ", 3, &[("assets:bank", "5"), ("income:parking", "-5")]),
            "bad_text",
        ),
    ];
    for (t, code) in cases {
        assert_eq!(l.post(t).map_err(|e| e.code()), Err(code));
        assert_eq!(l, before);
    }
    // Exactly the balance may be spent.
    l.post(tx(
        "t8",
        3,
        &[("expenses:cleaning", "100"), ("assets:bank", "-100")],
    ))
    .unwrap();
    assert!(l.balance("assets:bank").unwrap().is_zero());
}

#[test]
fn a_reversal_mirrors_its_original_once() {
    let mut l = ledger();
    l.post(tx(
        "t1",
        1,
        &[("assets:bank", "80"), ("income:parking", "-80")],
    ))
    .unwrap();
    let mut wrong = tx("r1", 2, &[("assets:bank", "-70"), ("income:parking", "70")]);
    wrong.reverses = Some("t1".into());
    assert_eq!(l.post(wrong).map_err(|e| e.code()), Err("not_a_reversal"));
    let mut r = tx("r1", 2, &[("assets:bank", "-80"), ("income:parking", "80")]);
    r.reverses = Some("t1".into());
    l.post(r).unwrap();
    assert_eq!(l.reversed_by("t1"), Some("r1"));
    let mut again = tx("r2", 2, &[("assets:bank", "-80"), ("income:parking", "80")]);
    again.reverses = Some("t1".into());
    assert_eq!(l.post(again).map_err(|e| e.code()), Err("already_reversed"));
    let mut of_reversal = tx("r3", 2, &[("assets:bank", "80"), ("income:parking", "-80")]);
    of_reversal.reverses = Some("r1".into());
    assert_eq!(
        l.post(of_reversal).map_err(|e| e.code()),
        Err("not_a_reversal")
    );
    assert!(l.balance("assets:bank").unwrap().is_zero());
}

#[test]
fn balances_at_a_date_movements_and_history() {
    let mut l = ledger();
    l.post(tx(
        "t1",
        1,
        &[("assets:bank", "100"), ("income:parking", "-100")],
    ))
    .unwrap();
    l.post(tx(
        "t2",
        5,
        &[("assets:bank", "50"), ("income:parking", "-50")],
    ))
    .unwrap();
    l.post(tx(
        "t3",
        9,
        &[("expenses:cleaning", "30"), ("assets:bank", "-30")],
    ))
    .unwrap();
    let at = |d| l.balances_at(Some(day(d)))[0].balance;
    assert_eq!(
        (at(1), at(4), at(5), at(31)),
        (yuan("100"), yuan("100"), yuan("150"), yuan("120"))
    );
    assert_eq!(
        l.movement("income:parking", day(2), day(9)),
        Ok(yuan("-50"))
    );
    assert_eq!(l.movements(day(6), day(9))[2].balance, yuan("30"));
    let h = l.history("assets:bank").unwrap();
    let running: Vec<String> = h.iter().map(|r| r.balance.to_string()).collect();
    assert_eq!(running, ["100.00", "150.00", "120.00"]);
    assert_eq!(
        l.history("assets:cash").map_err(|e| e.code()),
        Err("unknown_account")
    );
}

proptest! {
    #[test]
    fn random_transactions_keep_the_books_square(
        txs in proptest::collection::vec(
            (0usize..4, 0usize..4, 1i64..50_000, proptest::bool::ANY), 1..120)
    ) {
        let names = ["assets:bank", "income:parking", "expenses:cleaning", "liabilities:due"];
        let mut l = ledger();
        l.open(Account::new("liabilities:due", "").no_negative()).unwrap();
        for (i, (from, to, fen, third)) in txs.into_iter().enumerate() {
            let amount = Amount::from_fen(fen);
            let mut postings = vec![Posting::new(names[to], amount)];
            if third {
                let half = Amount::from_fen(fen / 2);
                postings.push(Posting::new(names[from], half.neg()));
                postings.push(Posting::new(names[(from + 1) % 4], amount.checked_sub(half).unwrap().neg()));
            } else {
                postings.push(Posting::new(names[from], amount.neg()));
            }
            let before = l.clone();
            let t = Transaction::new(format!("t{i}"), day(1 + (i as u32 % 28)).max(l.last_date().unwrap_or(day(1))), "", postings);
            if l.post(t).is_err() {
                prop_assert_eq!(&l, &before);
            }
            let tb = l.trial_balance(None);
            prop_assert_eq!(tb.debits, tb.credits);
            prop_assert!(!l.balance("assets:bank").unwrap().is_negative());
            prop_assert!(!l.balance("liabilities:due").unwrap().is_positive());
        }
    }
}

#[test]
fn a_batch_is_checked_in_order_and_posts_all_or_none() {
    let mut l = ledger();
    let good = vec![
        tx("b1", 1, &[("assets:bank", "50"), ("income:parking", "-50")]),
        tx(
            "b2",
            2,
            &[("expenses:cleaning", "50"), ("assets:bank", "-50")],
        ),
    ];
    assert_eq!(l.check_batch(&good).map(|v| v.len()), Ok(2));
    let overdraw = vec![
        good[0].clone(),
        tx(
            "b3",
            2,
            &[("expenses:cleaning", "50.01"), ("assets:bank", "-50.01")],
        ),
    ];
    let before = l.clone();
    assert_eq!(
        l.post_batch(overdraw).map_err(|e| e.code()),
        Err("negative_balance")
    );
    assert_eq!(l, before);
    let reused = vec![
        good[0].clone(),
        tx("b1", 2, &[("assets:bank", "1"), ("income:parking", "-1")]),
    ];
    assert_eq!(
        l.check_batch(&reused).map_err(|e| e.code()),
        Err("transaction_id_reused")
    );
    let twice = vec![good[0].clone(), good[0].clone()];
    assert_eq!(
        l.check_batch(&twice),
        Ok(vec![Posted::New, Posted::Duplicate])
    );
    assert_eq!(l.post_batch(good).map(|v| v.len()), Ok(2));
    assert!(l.balance("assets:bank").unwrap().is_zero());
}

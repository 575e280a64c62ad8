//! The common fund through the ward: RULES.md's vectors, the budget's rules, the
//! supervisor's threshold, remuneration, idempotency, and statements checked against the
//! journal.

mod common;

use common::fund::*;
use gridward::assembly::Subject;
use gridward::fund::{
    Basis, FundCommand, FundSubject, IncomeSource, LineAmount, PaymentStatus, SharingKey,
};
use gridward::{Ward, WardConfig};
use rust_decimal::Decimal;

fn pct(n: i64) -> Basis {
    Basis::Remuneration {
        percent: Decimal::from(n),
    }
}

fn income(w: &mut gridward::Ward, id: &str, m: u32, amount: &str) {
    let c = FundCommand::RecordIncome {
        fund: FUND.into(),
        id: id.into(),
        source: IncomeSource::Parking,
        amount: yuan(amount),
        description: String::new(),
    };
    act(w, Some("pm"), &when(m, 5), c).unwrap();
}

#[test]
fn vector_a_dividend_of_4_yuan_per_m2_gives_a_72_m2_home_288_yuan() {
    let mut w = compound(&["72", "89.5", "120.3"], pct(10));
    income(&mut w, "park", 1, "5000");
    let propose = FundCommand::ProposeDividend {
        fund: FUND.into(),
        dividend: "d".into(),
        amount: None,
        key: SharingKey::Rate {
            per_m2: Decimal::from(4),
        },
    };
    act(&mut w, Some("pm"), &when(1, 6), propose).unwrap();
    pass(
        &mut w,
        3,
        "m-d",
        Subject::Fund(FundSubject::Dividend {
            fund: FUND.into(),
            dividend: "d".into(),
        }),
        1,
        7,
    );
    let d = &w.fund(FUND).unwrap().dividends["d"];
    let shares: Vec<String> = d.shares.iter().map(|(_, s)| s.to_string()).collect();
    assert_eq!(shares, ["288.00", "358.00", "481.20"]);
    assert_eq!(d.amount, yuan("1127.20"));
    let payable = w
        .fund(FUND)
        .unwrap()
        .ledger
        .balance("liabilities:dividends:h0")
        .unwrap();
    assert_eq!(payable, yuan("-288.00"));
}

#[test]
fn vector_a_thousand_yuan_shared_by_area_adds_up_exactly() {
    let mut w = compound(&["72", "89.5", "120.3"], pct(10));
    income(&mut w, "park", 1, "1000");
    let propose = FundCommand::ProposeDividend {
        fund: FUND.into(),
        dividend: "d".into(),
        amount: Some(yuan("1000")),
        key: SharingKey::Area,
    };
    act(&mut w, Some("pm"), &when(1, 6), propose).unwrap();
    pass(
        &mut w,
        3,
        "m-d",
        Subject::Fund(FundSubject::Dividend {
            fund: FUND.into(),
            dividend: "d".into(),
        }),
        1,
        7,
    );
    let shares: Vec<String> = w.fund(FUND).unwrap().dividends["d"]
        .shares
        .iter()
        .map(|(_, s)| s.to_string())
        .collect();
    assert_eq!(shares, ["255.50", "317.60", "426.90"]);
    // Paid out of the bank in one transaction; the payables are settled.
    let pay = FundCommand::PayDividend {
        fund: FUND.into(),
        dividend: "d".into(),
        payment: "d-paid".into(),
    };
    act(&mut w, Some("pm"), &when(1, 9), pay).unwrap();
    let f = w.fund(FUND).unwrap();
    assert!(f.ledger.balance("assets:bank").unwrap().is_zero());
    assert!(f
        .ledger
        .balance("liabilities:dividends:h2")
        .unwrap()
        .is_zero());
}

#[test]
fn fees_by_area_keep_their_rounding_residue() {
    let mut w = compound(&["72.33", "88.81"], pct(10));
    act(
        &mut w,
        Some("pm"),
        &when(1, 1),
        FundCommand::BillFees {
            fund: FUND.into(),
            month: "2026-01".into(),
        },
    )
    .unwrap();
    let b = &w.fund(FUND).unwrap().billings["2026-01"];
    // 4 × 72.33 = 289.32 and 4 × 88.81 = 355.24: exact, no residue.
    assert_eq!((b.billed, b.residue), (yuan("644.56"), Decimal::ZERO));
    refused(
        &mut w,
        Some("pm"),
        &when(1, 2),
        FundCommand::BillFees {
            fund: FUND.into(),
            month: "2026-01".into(),
        },
        "billed_already",
    );
    refused(
        &mut w,
        Some("pm"),
        &when(1, 2),
        FundCommand::BillFees {
            fund: FUND.into(),
            month: "2026-13".into(),
        },
        "bad_text",
    );
}

#[test]
fn spending_only_against_an_approved_line_within_what_remains() {
    let mut w = compound(&["100", "100", "100"], pct(10));
    income(&mut w, "park", 1, "20000");
    let pay = |id: &str, line: &str, amount: &str| spend(id, line, yuan(amount));
    // No budget approved yet.
    act(
        &mut w,
        Some("pm"),
        &when(1, 3),
        FundCommand::ProposeBudget {
            fund: FUND.into(),
            budget: "b".into(),
            from: day(1, 1),
            to: day(12, 31),
            lines: vec![LineAmount {
                line: "cleaning".into(),
                amount: yuan("3000"),
            }],
            fee: None,
        },
    )
    .unwrap();
    refused(
        &mut w,
        Some("pm"),
        &when(1, 3),
        pay("p0", "cleaning", "100"),
        "wrong_state",
    );
    pass(
        &mut w,
        3,
        "m-b",
        Subject::Fund(FundSubject::ApproveBudget {
            fund: FUND.into(),
            budget: "b".into(),
        }),
        1,
        4,
    );
    act(
        &mut w,
        Some("pm"),
        &when(1, 6),
        pay("p1", "cleaning", "2500"),
    )
    .unwrap();
    refused(
        &mut w,
        Some("pm"),
        &when(1, 6),
        pay("p2", "cleaning", "500.01"),
        "over_budget",
    );
    refused(
        &mut w,
        Some("pm"),
        &when(1, 6),
        pay("p2", "security", "10"),
        "unknown_line",
    );
    refused(
        &mut w,
        Some("o1"),
        &when(1, 6),
        pay("p2", "cleaning", "10"),
        "permission_denied",
    );
    // Exactly what remains is allowed.
    act(
        &mut w,
        Some("pm"),
        &when(1, 6),
        pay("p2", "cleaning", "500"),
    )
    .unwrap();
    // An amendment approved by the owners raises the line.
    let amend = FundCommand::ProposeAmendment {
        fund: FUND.into(),
        budget: "b".into(),
        amendment: "a".into(),
        lines: vec![LineAmount {
            line: "cleaning".into(),
            amount: yuan("4000"),
        }],
        reason: "more cleaning".into(),
    };
    act(&mut w, Some("pm"), &when(2, 1), amend).unwrap();
    refused(
        &mut w,
        Some("pm"),
        &when(2, 1),
        pay("p3", "cleaning", "1"),
        "over_budget",
    );
    pass(
        &mut w,
        3,
        "m-a",
        Subject::Fund(FundSubject::AmendBudget {
            fund: FUND.into(),
            budget: "b".into(),
            amendment: "a".into(),
        }),
        2,
        2,
    );
    act(
        &mut w,
        Some("pm"),
        &when(2, 4),
        pay("p3", "cleaning", "1000"),
    )
    .unwrap();
    let b = &w.fund(FUND).unwrap().budgets["b"];
    assert_eq!(b.remaining("cleaning"), Some(yuan("0")));
    // Outside the budget's period.
    refused(
        &mut w,
        Some("pm"),
        "2027-01-05T10:00:00+08:00",
        pay("p4", "cleaning", "1"),
        "outside_period",
    );
}

#[test]
fn payments_above_the_threshold_wait_for_the_supervisor() {
    let mut w = compound(&["100", "100", "100"], pct(10));
    income(&mut w, "park", 1, "50000");
    approve_budget(&mut w, 3, &[("repairs", "40000")]);
    let big = spend("big", "repairs", yuan("5000.01"));
    act(&mut w, Some("pm"), &when(2, 1), big).unwrap();
    let f = w.fund(FUND).unwrap();
    assert_eq!(f.payments["big"].status, PaymentStatus::Pending);
    assert_eq!(f.ledger.balance("assets:bank").unwrap(), yuan("50000"));
    assert_eq!(f.budgets["b"].remaining("repairs"), Some(yuan("34999.99")));
    let approve = || FundCommand::ApprovePayment {
        fund: FUND.into(),
        payment: "big".into(),
    };
    refused(
        &mut w,
        Some("pm"),
        &when(2, 2),
        approve(),
        "permission_denied",
    );
    act(&mut w, Some("sup"), &when(2, 2), approve()).unwrap();
    let f = w.fund(FUND).unwrap();
    assert_eq!(f.payments["big"].status, PaymentStatus::Posted);
    assert_eq!(f.payments["big"].approved_by.as_deref(), Some("sup"));
    assert_eq!(f.ledger.balance("assets:bank").unwrap(), yuan("44999.99"));
    refused(&mut w, Some("sup"), &when(2, 3), approve(), "wrong_state");
    // Up to the threshold it posts at once; a refusal frees what was held.
    let at_threshold = spend("t", "repairs", yuan("5000"));
    act(&mut w, Some("pm"), &when(2, 4), at_threshold).unwrap();
    assert_eq!(
        w.fund(FUND).unwrap().payments["t"].status,
        PaymentStatus::Posted
    );
    let another = spend("x", "repairs", yuan("9000"));
    act(&mut w, Some("pm"), &when(2, 4), another).unwrap();
    act(
        &mut w,
        Some("sup"),
        &when(2, 5),
        FundCommand::RejectPayment {
            fund: FUND.into(),
            payment: "x".into(),
            reason: "no quote".into(),
        },
    )
    .unwrap();
    assert_eq!(
        w.fund(FUND).unwrap().budgets["b"].remaining("repairs"),
        Some(yuan("29999.99"))
    );
}

#[test]
fn the_bank_never_goes_negative_and_ids_are_idempotent() {
    let mut w = compound(&["100"], pct(10));
    income(&mut w, "park", 1, "100");
    approve_budget(&mut w, 1, &[("repairs", "1000")]);
    let pay = spend("p", "repairs", yuan("100.01"));
    refused(&mut w, Some("pm"), &when(2, 1), pay, "negative_balance");
    let paid = receipt("r1", "h0", yuan("400"));
    act(&mut w, Some("pm"), &when(2, 1), paid.clone()).unwrap();
    let again = act(&mut w, Some("pm"), &when(2, 1), paid).unwrap();
    assert_eq!((again.seq, again.events), (None, 0));
    let other = receipt("r1", "h0", yuan("401"));
    refused(
        &mut w,
        Some("pm"),
        &when(2, 1),
        other,
        "transaction_id_reused",
    );
    let outsider = receipt("r2", "nobody", yuan("1"));
    refused(&mut w, Some("pm"), &when(2, 1), outsider, "not_in_compound");
}

#[test]
fn remuneration_is_a_share_of_fees_collected_and_of_common_income_only_if_agreed() {
    let mut w = compound(&["100", "100", "100"], pct(12));
    for (i, h) in ["h0", "h1"].iter().enumerate() {
        let c = receipt(&format!("r{i}"), h, yuan("400"));
        act(&mut w, Some("pm"), &when(1, 3), c).unwrap();
    }
    income(&mut w, "park", 1, "1000");
    let accrue = |id: &str, m: u32| FundCommand::AccrueRemuneration {
        fund: FUND.into(),
        accrual: id.into(),
        from: day(m, 1),
        to: day(m, 28),
    };
    act(&mut w, Some("pm"), &when(1, 28), accrue("jan", 1)).unwrap();
    assert_eq!(w.fund(FUND).unwrap().accruals[0].amount, yuan("96.00"));
    refused(
        &mut w,
        Some("pm"),
        &when(1, 28),
        accrue("jan-again", 1),
        "exists",
    );
    pass(
        &mut w,
        3,
        "m-base",
        Subject::Fund(FundSubject::CommonIncomeInBase {
            fund: FUND.into(),
            include: true,
        }),
        2,
        1,
    );
    let c = receipt("r9", "h2", yuan("400"));
    act(&mut w, Some("pm"), &when(2, 3), c).unwrap();
    income(&mut w, "park2", 2, "1000");
    act(&mut w, Some("pm"), &when(2, 28), accrue("feb", 2)).unwrap();
    // 12% of (400 + 1000).
    assert_eq!(w.fund(FUND).unwrap().accruals[1].amount, yuan("168.00"));
    let cmp = w.basis_comparison(FUND, day(2, 1), day(2, 28)).unwrap();
    assert_eq!(cmp.remuneration_basis.manager, yuan("168.00"));
    assert_eq!(cmp.fixed_fee_basis.manager, yuan("400.00"));
    assert_eq!(cmp.fixed_fee_basis.owners, yuan("1000.00"));
    let over = FundCommand::PayRemuneration {
        fund: FUND.into(),
        payment: "over".into(),
        amount: yuan("264.01"),
    };
    refused(&mut w, Some("pm"), &when(3, 1), over, "negative_balance");
    let exact = FundCommand::PayRemuneration {
        fund: FUND.into(),
        payment: "paid".into(),
        amount: yuan("264.00"),
    };
    act(&mut w, Some("pm"), &when(3, 1), exact).unwrap();
}

#[test]
fn the_fixed_fee_basis_has_no_remuneration_to_accrue() {
    let mut w = compound(&["100"], Basis::FixedFee);
    let accrue = FundCommand::AccrueRemuneration {
        fund: FUND.into(),
        accrual: "a".into(),
        from: day(1, 1),
        to: day(1, 31),
    };
    refused(&mut w, Some("pm"), &when(1, 31), accrue, "fixed_fee_basis");
}

#[test]
fn a_statement_verifies_against_its_journal_and_nothing_else() {
    let mut w = compound(&["72", "89.5"], pct(10));
    act(
        &mut w,
        Some("pm"),
        &when(1, 1),
        FundCommand::BillFees {
            fund: FUND.into(),
            month: "2026-01".into(),
        },
    )
    .unwrap();
    let c = receipt("r0", "h0", yuan("288"));
    act(&mut w, Some("pm"), &when(1, 10), c).unwrap();
    let statement = w.statement(FUND, day(1, 1), day(1, 31)).unwrap();
    assert_eq!(statement.fees.billed, yuan("646.00"));
    assert_eq!(statement.fees.collection_rate, Some(Decimal::new(4458, 2)));
    assert_eq!(statement.arrears_by_building.len(), 1);
    assert_eq!(statement.arrears_by_building[0].amount, yuan("358.00"));
    let text = w.to_jsonl();
    let ok = Ward::verify_statement(WardConfig::default(), &text, &statement).unwrap();
    assert!(ok.verified);
    // Later entries do not spoil the check: the statement names its own length.
    income(&mut w, "later", 2, "10");
    assert!(
        Ward::verify_statement(WardConfig::default(), &w.to_jsonl(), &statement)
            .unwrap()
            .verified
    );
    let mut forged = statement.clone();
    forged.fees.collected = yuan("646.00");
    let bad = Ward::verify_statement(WardConfig::default(), &text, &forged).unwrap();
    assert!(bad.head_matches && !bad.figures_match && !bad.verified);
    let short: String = text.lines().take(3).map(|l| format!("{l}\n")).collect();
    assert!(
        !Ward::verify_statement(WardConfig::default(), &short, &statement)
            .unwrap()
            .head_matches
    );
}

#[test]
fn the_compound_year_replays_to_the_same_state() {
    use gridward_scenarios::compound::{year, Shape};
    use gridward_scenarios::parity::run_steps;
    let mut w = Ward::new(WardConfig::default());
    let ran = run_steps(&mut w, &year(Shape::SMALL)).unwrap();
    assert!(!ran.errors.is_empty());
    let again = Ward::from_jsonl(WardConfig::default(), &w.to_jsonl()).unwrap();
    assert_eq!(again.state_digest(), w.state_digest());
    assert_eq!(again.head(), w.head());
}

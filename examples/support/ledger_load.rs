//! A compound's ledger at any length, for the ledger benchmarks and the comparison with
//! hledger: the bank (which may not go negative), 600 households' receivables with ids
//! like `3栋-2-801`, income and expense lines, the manager's remuneration; each month
//! every household billed, most paying, common income, forty payments, remuneration.

use chrono::{Days, NaiveDate};
use gridward::fund::ledger::{segment_for, Account, Posting, Transaction};
use gridward::fund::{Basis, FeeRate, FundCommand};
use gridward::grid::{GridCommand, NodeCode};
use gridward::money::Amount;
use gridward::{Actor, Context, Error, Ward, WardConfig};
use rust_decimal::Decimal;

use crate::{at, Mix};

/// The fund's id in [`ledger_ward`].
pub const FUND: &str = "f";

/// A ward with the compound's units and one fund, [`FUND`], holding every account of
/// [`accounts`], ready for the transactions to be posted.
pub fn ledger_ward() -> Result<Ward, Error> {
    let mut ward = Ward::new(WardConfig::default());
    let ctx = Context::new(Actor::System, at("2020-01-01T08:00:00+08:00"));
    for (code, name) in [
        ("510105", "青羊区"),
        ("510105001", "草市街街道"),
        ("510105001001", "吉福社区"),
    ] {
        let cmd = GridCommand::AddUnit {
            code: NodeCode::parse(code)?,
            name: name.into(),
            domains: None,
        };
        ward.execute(&ctx, cmd)?;
    }
    let open = FundCommand::OpenFund {
        fund: FUND.into(),
        name: "compound".into(),
        unit: NodeCode::parse("510105001001")?,
        fee: FeeRate::Area {
            rate: Decimal::new(235, 2),
        },
        basis: Basis::Remuneration {
            percent: Decimal::from(12),
        },
        approval_threshold: None,
        rounding: None,
    };
    ward.execute(&ctx, open)?;
    for account in accounts() {
        // Opening the fund opened some of them already.
        if !ward.fund(FUND)?.ledger.has_account(&account.name) {
            let cmd = FundCommand::OpenAccount {
                fund: FUND.into(),
                account,
            };
            ward.execute(&ctx, cmd)?;
        }
    }
    Ok(ward)
}

/// Common income accounts.
pub const INCOME: [&str; 3] = ["income:parking", "income:advertising", "income:other"];
/// Spending accounts.
pub const EXPENSES: [&str; 7] = [
    "expenses:cleaning",
    "expenses:security",
    "expenses:greening",
    "expenses:repairs:elevator",
    "expenses:repairs:water",
    "expenses:utilities",
    "expenses:insurance",
];

/// The accounts: the bank first, then 600 receivables, then the rest.
pub fn accounts() -> Vec<Account> {
    let mut out = vec![Account::new("assets:bank", "the common fund's bank account").no_negative()];
    // 12 buildings × 5 units × 10 floors = 600 households.
    for building in 1..=12 {
        for unit in 1..=5 {
            for floor in 1..=10 {
                let id = format!("{building}栋-{unit}-{floor}01");
                out.push(Account::new(
                    format!("assets:receivable:{}", segment_for(&id)),
                    id,
                ));
            }
        }
    }
    let rest = ["income:fees"]
        .into_iter()
        .chain(INCOME)
        .chain(EXPENSES)
        .chain([
            "expenses:remuneration",
            "liabilities:remuneration",
            "equity:fund",
        ]);
    out.extend(rest.map(|name| Account::new(name, "")));
    out
}

fn fen(mix: &mut Mix, lo: u64, hi: u64) -> Amount {
    Amount::from_fen(mix.between(lo, hi) as i64)
}

/// `n` transactions in date order, ids `t1`, `t2` …, which a ledger holding
/// [`accounts`] accepts in order.
pub fn transactions(n: usize, seed: u64) -> Vec<Transaction> {
    let mut mix = Mix::new(seed);
    let receivables: Vec<String> = accounts()
        .into_iter()
        .map(|a| a.name)
        .filter(|a| a.starts_with("assets:receivable:"))
        .collect();
    let mut out: Vec<Transaction> = Vec::with_capacity(n);
    let mut date = NaiveDate::from_ymd_opt(2020, 1, 1).unwrap_or_default();
    let push = |out: &mut Vec<Transaction>, date, what: &str, postings: Vec<Posting>| {
        if out.len() < n {
            let id = format!("t{}", out.len() + 1);
            out.push(Transaction::new(id, date, what, postings));
        }
    };
    let opening = Amount::from_fen(50_000_000);
    push(
        &mut out,
        date,
        "opening balance",
        vec![
            Posting::new("assets:bank", opening),
            Posting::new("equity:fund", opening.neg()),
        ],
    );
    while out.len() < n {
        for h in &receivables {
            let fee = fen(&mut mix, 15_000, 40_000);
            push(
                &mut out,
                date,
                "monthly fee",
                vec![
                    Posting::new(h.as_str(), fee),
                    Posting::new("income:fees", fee.neg()),
                ],
            );
        }
        date = date + Days::new(10);
        for h in &receivables {
            if mix.chance(90) {
                let paid = fen(&mut mix, 10_000, 40_000);
                push(
                    &mut out,
                    date,
                    "payment",
                    vec![
                        Posting::new("assets:bank", paid),
                        Posting::new(h.as_str(), paid.neg()),
                    ],
                );
            }
        }
        for line in INCOME {
            let x = fen(&mut mix, 10_000, 500_000);
            push(
                &mut out,
                date,
                "common income",
                vec![Posting::new("assets:bank", x), Posting::new(line, x.neg())],
            );
        }
        for _ in 0..40 {
            let line = EXPENSES[mix.between(0, EXPENSES.len() as u64 - 1) as usize];
            let x = fen(&mut mix, 1_000, 300_000);
            push(
                &mut out,
                date,
                "spending",
                vec![Posting::new(line, x), Posting::new("assets:bank", x.neg())],
            );
        }
        let pay = fen(&mut mix, 1_000_000, 2_000_000);
        push(
            &mut out,
            date,
            "remuneration",
            vec![
                Posting::new("expenses:remuneration", pay),
                Posting::new("liabilities:remuneration", pay.neg()),
            ],
        );
        date = date + Days::new(20);
    }
    out
}

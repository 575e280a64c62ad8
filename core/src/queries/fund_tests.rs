//! The fund's queries and `verify_statement` on a compound of four homes (the RULES
//! areas 72 / 89.5 / 120.3 and a round 100 m²) over January and February 2026: a budget
//! with fees at 4 yuan/m² the owners approve, payments, advertising income the owners
//! allow, spending with a
//! voucher the supervisor approves, remuneration at 12 % and a dividend at 4 yuan/m².

use serde_json::{json, Value};

use super::*;
use crate::access::Actor;
use crate::access::Context;
use crate::fund::{Approval, PaymentStatus, SharingKey};
use crate::money::Amount;
use crate::surface::Catalog;
use crate::ward::Command;

/// The compound's unit.
pub(crate) const COMPOUND: &str = "510105001001002";
/// The fund.
pub(crate) const FUND: &str = "jf";
/// Homes as (id, building, area).
pub(crate) const HOMES: [(&str, &str, &str); 4] = [
    ("1-101", "510105001001002001", "72"),
    ("1-102", "510105001001002001", "89.5"),
    ("2-101", "510105001001002002", "120.3"),
    ("2-102", "510105001001002002", "100"),
];
/// The owners of the homes, in order.
pub(crate) const OWNERS: [&str; 4] = ["o1", "o2", "o3", "o4"];

/// A moment of 2026 in Chengdu.
pub(crate) fn at(month: u32, day: u32, hour: u32) -> String {
    format!("2026-{month:02}-{day:02}T{hour:02}:00:00+08:00")
}

pub(crate) fn yuan(text: &str) -> Amount {
    text.parse().expect("an amount")
}

pub(crate) fn day(text: &str) -> NaiveDate {
    text.parse().expect("a day")
}

/// Runs a command given in its JSON form (`{"fund": {"type": …}}`).
pub(crate) fn run(ward: &mut Ward, actor: Option<&str>, when: &str, command: Value) {
    let result = try_run(ward, actor, when, command.clone());
    result.unwrap_or_else(|e| panic!("{command} was refused: {e}"));
}

/// Runs a command, returning the error if it was refused.
pub(crate) fn try_run(
    ward: &mut Ward,
    actor: Option<&str>,
    when: &str,
    command: Value,
) -> Result<(), Error> {
    let command: Command = serde_json::from_value(command).expect("a command");
    let actor = actor.map_or(Actor::System, Actor::person);
    let when = chrono::DateTime::parse_from_rfc3339(when).expect("a date-time");
    ward.execute(&Context::new(actor, when), command)
        .map(|_| ())
}

/// The compound: two buildings, four homes each with its owner, a property manager
/// (`pm`), a supervisor (`sup`) and an owners' committee member (`oc`).
pub(crate) fn compound() -> Ward {
    let mut w = Ward::new(WardConfig::default());
    let t = at(1, 2, 9);
    let buildings = [HOMES[0].1, HOMES[2].1];
    for code in ["510105", "510105001", "510105001001", COMPOUND]
        .into_iter()
        .chain(buildings)
    {
        let unit = json!({"grid": {"type": "add_unit", "code": code, "name": code}});
        run(&mut w, None, &t, unit);
    }
    for (person, role) in [
        ("pm", "property_manager"),
        ("sup", "fund_supervisor"),
        ("oc", "owners_committee_member"),
    ] {
        let add = json!({"grid": {"type": "add_person", "id": person, "name": person}});
        run(&mut w, None, &t, add);
        let grant = json!({"grid": {"type": "grant_role", "person": person, "role": role,
            "unit": COMPOUND}});
        run(&mut w, None, &t, grant);
    }
    for ((home, unit, area), owner) in HOMES.into_iter().zip(OWNERS) {
        let add = json!({"grid": {"type": "add_household", "id": home, "unit": unit,
            "area": area}});
        run(&mut w, None, &t, add);
        let person = json!({"grid": {"type": "add_person", "id": owner, "name": "业主"}});
        run(&mut w, None, &t, person);
        let own = json!({"assembly": {"type": "set_owner", "household": home, "owner": owner}});
        run(&mut w, Some("oc"), &t, own);
    }
    w
}

/// Puts a motion to the compound's owners and has every owner vote yes.
pub(crate) fn pass(w: &mut Ward, motion: &str, subject: Value, month: u32, day: u32) {
    let open = json!({"assembly": {"type": "open_motion", "motion": motion, "unit": COMPOUND,
        "title": motion, "subject": subject, "closes": at(month, day + 3, 18)}});
    run(w, Some("oc"), &at(month, day, 11), open);
    for owner in OWNERS {
        let vote = json!({"assembly": {"type": "cast_vote", "motion": motion, "choice": "yes"}});
        run(w, Some(owner), &at(month, day + 1, 10), vote);
    }
    let close = json!({"assembly": {"type": "close_motion", "motion": motion}});
    run(w, Some("oc"), &at(month, day + 3, 19), close);
}

fn fund_command(w: &mut Ward, actor: &str, when: &str, body: Value) {
    run(w, Some(actor), when, json!({ "fund": body }));
}

fn pay(w: &mut Ward, when: &str, id: &str, line: &str, amount: &str, payee: (&str, bool)) {
    let voucher = json!({"reference": format!("INV-{id}"), "document_hash": "ab".repeat(32),
        "payee": payee.0, "payee_is_person": payee.1, "description": line});
    let body = json!({"type": "request_payment", "fund": FUND, "payment": id, "budget": "2026",
        "line": line, "amount": amount, "voucher": voucher});
    fund_command(w, "pm", when, body);
}

/// The compound's fund through January and February 2026.
pub(crate) fn year() -> Ward {
    let mut w = compound();
    let open = json!({"type": "open_fund", "fund": FUND, "name": "吉福小区共有基金",
        "unit": COMPOUND, "fee": {"per": "area", "rate": "4.00"},
        "basis": {"basis": "remuneration", "percent": "12"}});
    run(&mut w, None, &at(1, 2, 10), json!({ "fund": open }));
    let lines = [
        json!({"line": "cleaning", "amount": "20000.00"}),
        json!({"line": "repairs", "amount": "8000.00"}),
    ];
    let budget = json!({"type": "propose_budget", "fund": FUND, "budget": "2026",
        "from": "2026-01-01", "to": "2026-12-31", "lines": lines,
        "fee": {"per": "area", "rate": "4.00"}});
    fund_command(&mut w, "pm", &at(1, 3, 10), budget);
    let approve = json!({"type": "approve_budget", "fund": FUND, "budget": "2026"});
    pass(&mut w, "m-budget", approve, 1, 3);
    let postings = [
        json!({"account": "assets:bank", "amount": "30000.00"}),
        json!({"account": "equity:fund", "amount": "-30000.00"}),
    ];
    let opening = json!({"type": "post", "fund": FUND, "transactions": [{"id": "opening",
        "date": "2026-01-10", "description": "balance carried over", "postings": postings}]});
    fund_command(&mut w, "pm", &at(1, 10, 9), opening);
    let bill = json!({"type": "bill_fees", "fund": FUND, "month": "2026-01"});
    fund_command(&mut w, "pm", &at(1, 10, 10), bill);
    for (home, fee) in HOMES
        .map(|h| h.0)
        .into_iter()
        .zip(["288", "358", "481.2", "400"])
    {
        let paid = json!({"type": "record_payment", "fund": FUND, "payment": format!("pay-{home}"),
            "household": home, "amount": fee});
        fund_command(&mut w, "pm", &at(1, 12, 10), paid);
    }
    let allow = json!({"type": "allow_business_use", "fund": FUND, "uses": ["advertising"]});
    pass(&mut w, "m-ads", allow, 1, 13);
    let ads = json!({"type": "record_income", "fund": FUND, "id": "ads-1",
        "source": "advertising", "amount": "2000", "description": "电梯广告"});
    fund_command(&mut w, "pm", &at(1, 20, 10), ads);
    pay(
        &mut w,
        &at(1, 31, 9),
        "clean-1",
        "cleaning",
        "1200.50",
        ("洁美保洁公司", false),
    );
    let accrue = json!({"type": "accrue_remuneration", "fund": FUND, "accrual": "rem-01",
        "from": "2026-01-01", "to": "2026-01-31"});
    fund_command(&mut w, "pm", &at(1, 31, 10), accrue);
    let paid = json!({"type": "pay_remuneration", "fund": FUND, "payment": "rem-paid-01",
        "amount": "183.26"});
    fund_command(&mut w, "pm", &at(1, 31, 12), paid);
    pay(
        &mut w,
        &at(2, 2, 10),
        "roof",
        "repairs",
        "6000.00",
        ("张三丰", true),
    );
    pay(
        &mut w,
        &at(2, 2, 11),
        "gate",
        "repairs",
        "1500.00",
        ("门禁公司", false),
    );
    let approve = json!({"type": "approve_payment", "fund": FUND, "payment": "roof"});
    fund_command(&mut w, "sup", &at(2, 4, 10), approve);
    let dividend = json!({"type": "propose_dividend", "fund": FUND, "dividend": "d1",
        "key": {"by": "rate", "per_m2": "4"}});
    fund_command(&mut w, "pm", &at(2, 5, 10), dividend);
    let decide = json!({"type": "dividend", "fund": FUND, "dividend": "d1"});
    pass(&mut w, "m-div", decide, 2, 5);
    w
}

fn code(result: Result<impl std::fmt::Debug, Error>) -> &'static str {
    result.expect_err("the query must be refused").code()
}

#[test]
fn a_fund_summary_holds_its_terms_and_records() {
    let w = year();
    assert_eq!(w.ask(Funds {}).unwrap(), [FUND]);
    assert_eq!(w.ask(Fund { id: "nope".into() }).unwrap(), None);
    let f = w.ask(Fund { id: FUND.into() }).unwrap().expect("the fund");
    assert_eq!(
        (f.unit.to_string(), f.opened),
        (COMPOUND.into(), day("2026-01-02"))
    );
    assert_eq!(f.terms.approval_threshold, yuan("5000.00"));
    let standards: Vec<_> = f
        .fee_standards
        .iter()
        .map(|s| (s.id.as_str(), s.approval, s.from.as_str()))
        .collect();
    assert_eq!(
        standards,
        [
            ("opening", Approval::Proposed, "2026-01"),
            ("2026", Approval::Approved, "2026-01")
        ],
        "the fee the budget carries is the one the owners approved"
    );
    assert_eq!(f.billings[0].standard.as_deref(), Some("2026"));
    assert_eq!(f.business_uses[0].motion, "m-ads");
    let budget = &f.budgets[0];
    assert_eq!(
        (budget.approval, budget.motion.as_deref()),
        (Approval::Approved, Some("m-budget"))
    );
    assert_eq!(budget.spent["repairs"], yuan("7500.00"));
    let ids: Vec<&str> = f.payments.iter().map(|p| p.id.as_str()).collect();
    assert_eq!(ids, ["clean-1", "gate", "roof"]);
    let roof = &f.payments[2];
    assert_eq!(
        (roof.status, roof.approved_by.as_deref()),
        (PaymentStatus::Posted, Some("sup"))
    );
    assert_eq!(
        (f.billings[0].households, f.billings[0].billed),
        (4, yuan("1527.20"))
    );
    assert_eq!(
        f.accruals[0].amount,
        yuan("183.26"),
        "12 % of 1527.20, half up"
    );
    let d = &f.dividends[0];
    assert!(matches!(d.key, SharingKey::Rate { .. }));
    assert_eq!(
        d.shares[0],
        ("1-101".to_owned(), yuan("288.00")),
        "72 m² at 4 yuan/m²"
    );
    assert_eq!(d.amount, yuan("1527.20"));
}

#[test]
fn accounts_balances_and_the_trial_balance() {
    let w = year();
    let accounts = w.ask(Accounts { fund: FUND.into() }).unwrap();
    let bank = accounts
        .iter()
        .find(|a| a.account == "assets:bank")
        .unwrap();
    assert_eq!(bank.kind, crate::fund::ledger::AccountKind::Assets);
    assert!(bank.no_negative);
    let balance = |date: Option<&str>, account: &str| {
        let rows = w
            .ask(Balances {
                fund: FUND.into(),
                date: date.map(day),
            })
            .unwrap();
        rows.into_iter()
            .find(|r| r.account == account)
            .map(|r| r.balance)
    };
    // 30000 + 1527.20 + 2000 − 1200.50 − 183.26 − 6000 − 1500.
    assert_eq!(balance(None, "assets:bank"), Some(yuan("24643.44")));
    assert_eq!(
        balance(Some("2026-01-10"), "assets:bank"),
        Some(yuan("30000.00"))
    );
    assert_eq!(
        balance(Some("2026-01-10"), "assets:receivable:1-101"),
        Some(yuan("288.00"))
    );
    assert_eq!(balance(None, "assets:receivable:1-101"), Some(yuan("0.00")));
    let tb = w
        .ask(TrialBalanceAt {
            fund: FUND.into(),
            date: None,
        })
        .unwrap();
    assert_eq!(tb.date, None);
    assert_eq!(tb.debits, tb.credits);
    let early = w.ask(TrialBalanceAt {
        fund: FUND.into(),
        date: Some(day("2026-01-10")),
    });
    let early = early.unwrap();
    assert_eq!(
        (early.date, early.debits),
        (Some(day("2026-01-10")), yuan("31527.20"))
    );
    assert_eq!(
        code(w.ask(Balances {
            fund: "nope".into(),
            date: None
        })),
        "unknown_fund"
    );
    assert_eq!(
        code(w.ask(Accounts {
            fund: "nope".into()
        })),
        "unknown_fund"
    );
}

#[test]
fn an_account_history_and_every_posting() {
    let w = year();
    let history = w.ask(AccountHistory {
        fund: FUND.into(),
        account: "assets:receivable:1-101".into(),
    });
    let rows: Vec<(Amount, Amount)> = history
        .unwrap()
        .into_iter()
        .map(|r| (r.amount, r.balance))
        .collect();
    assert_eq!(
        rows,
        [
            (yuan("288.00"), yuan("288.00")),
            (yuan("-288.00"), yuan("0.00"))
        ]
    );
    let missing = w.ask(AccountHistory {
        fund: FUND.into(),
        account: "assets:nothing".into(),
    });
    assert_eq!(
        missing.unwrap_err().kind(),
        crate::error::ErrorKind::NotFound
    );

    let postings = w.ask(Transactions { fund: FUND.into() }).unwrap();
    let first = &postings[0];
    assert_eq!(
        (
            first.transaction.as_str(),
            first.account.as_str(),
            first.amount
        ),
        ("opening", "assets:bank", yuan("30000.00"))
    );
    assert_eq!(first.description, "balance carried over");
    assert!(postings.iter().all(|p| p.reverses.is_none()));
    let sum = Amount::try_sum(postings.iter().map(|p| p.amount)).unwrap();
    assert!(sum.is_zero(), "every transaction balances");
    let transactions = w.fund(FUND).unwrap().ledger.transactions();
    let count: usize = transactions.map(|t| t.postings.len()).sum();
    assert_eq!(postings.len(), count);
}

#[test]
fn a_reversal_shows_in_the_postings() {
    let mut w = year();
    let reverse = json!({"type": "reverse", "fund": FUND, "transaction": "gate-rev",
        "reverses": "gate", "reason": "entered twice"});
    fund_command(&mut w, "pm", &at(2, 10, 10), reverse);
    let postings = w.ask(Transactions { fund: FUND.into() }).unwrap();
    let last = postings.last().unwrap();
    assert_eq!(
        (last.transaction.as_str(), last.reverses.as_deref()),
        ("gate-rev", Some("gate"))
    );
}

#[test]
fn the_statement_and_the_bases_compared() {
    let w = year();
    let s = w
        .ask(StatementOf {
            fund: FUND.into(),
            start: day("2026-01-01"),
            end: day("2026-12-31"),
        })
        .unwrap();
    assert_eq!(
        (s.from, s.journal_entries),
        (day("2026-01-01"), w.journal().len() as u64)
    );
    assert_eq!(
        (s.fees.billed, s.fees.collected),
        (yuan("1527.20"), yuan("1527.20"))
    );
    assert_eq!(s.fees.collection_rate, Some("100".parse().unwrap()));
    assert_eq!(s.closing_bank, yuan("24643.44"));
    let roof = s.vouchers.iter().find(|v| v.payment == "roof").unwrap();
    assert_eq!(
        (roof.payee.as_str(), roof.supervisor_approved),
        ("张**", true)
    );
    let repairs = s.spending.iter().find(|r| r.line == "repairs").unwrap();
    assert_eq!(
        (repairs.spent, repairs.remaining),
        (yuan("7500.00"), yuan("500.00"))
    );
    let backwards = StatementOf {
        fund: FUND.into(),
        start: day("2026-12-31"),
        end: day("2026-01-01"),
    };
    assert_eq!(code(w.ask(backwards)), "bad_period");

    let january = BasisComparisonOf {
        fund: FUND.into(),
        start: day("2026-01-01"),
        end: day("2026-01-31"),
    };
    let c = w.ask(january).unwrap();
    assert_eq!(c.remuneration_basis.manager, yuan("183.26"));
    assert_eq!(
        (c.fees_collected, c.common_income),
        (yuan("1527.20"), yuan("2000.00"))
    );
    let unknown = BasisComparisonOf {
        fund: "nope".into(),
        start: c.from,
        end: c.to,
    };
    assert_eq!(code(w.ask(unknown)), "unknown_fund");
}

#[test]
fn the_exports_are_text_in_the_configured_currency() {
    let w = year();
    let hledger = w.ask(ExportHledger { fund: FUND.into() }).unwrap();
    assert!(
        hledger.contains("assets:bank") && hledger.contains(" CNY"),
        "{hledger}"
    );
    let beancount = w.ask(ExportBeancount { fund: FUND.into() }).unwrap();
    assert!(beancount.contains("Assets:Bank"), "{beancount}");
    let mut config = WardConfig::default();
    config.fund.currency = "cny 1".into();
    let odd = Ward::replay(config, w.journal().clone()).unwrap();
    assert_eq!(
        code(odd.ask(ExportBeancount { fund: FUND.into() })),
        "bad_export_currency"
    );
    assert_eq!(
        code(w.ask(ExportHledger {
            fund: "nope".into()
        })),
        "unknown_fund"
    );
}

#[test]
fn a_published_statement_verifies_against_its_journal_and_a_forgery_does_not() {
    let w = year();
    let statement = w
        .ask(StatementOf {
            fund: FUND.into(),
            start: day("2026-01-01"),
            end: day("2026-01-31"),
        })
        .unwrap();
    let journal = w.to_jsonl();
    let check = |statement: Statement, config: Option<WardConfig>| {
        VerifyStatement {
            journal: journal.clone(),
            statement,
            config,
        }
        .call()
        .unwrap()
    };
    let good = check(statement.clone(), None);
    assert_eq!(
        (
            good.entries,
            good.head_matches,
            good.figures_match,
            good.verified
        ),
        (w.journal().len() as u64, true, true, true)
    );
    assert!(check(statement.clone(), Some(WardConfig::default())).verified);
    let mut forged = statement.clone();
    forged.closing_bank = yuan("99999.00");
    let bad = check(forged, None);
    assert_eq!(
        (bad.head_matches, bad.figures_match, bad.verified),
        (true, false, false)
    );
    let mut elsewhere = statement.clone();
    elsewhere.journal_entries -= 1;
    assert!(!check(elsewhere, None).head_matches);
    let broken = VerifyStatement {
        journal: "not a journal".into(),
        statement,
        config: None,
    };
    assert_eq!(
        broken.call().unwrap_err().kind(),
        crate::error::ErrorKind::Journal
    );
}

#[test]
fn the_faces_reach_the_queries_and_the_check_through_the_catalog() {
    let w = year();
    let catalog = Catalog::embedded().unwrap();
    let ask = |name: &str, args: Value| catalog.ask(&w, "fund", name, args).map(|(v, _)| v);
    assert_eq!(ask("funds", json!({})).unwrap(), json!([FUND]));
    let f = ask("fund", json!({"id": FUND})).unwrap();
    assert_eq!(
        f["fee_standards"][1]["fee"],
        json!({"per": "area", "rate": "4.00"})
    );
    let period = json!({"fund": FUND, "start": "2026-01-01", "end": "2026-01-31"});
    let statement = ask("statement", period.clone()).unwrap();
    assert_eq!(statement["fees"]["collection_rate"], json!("100.00"));
    let comparison = ask("basis_comparison", period).unwrap();
    assert_eq!(comparison["remuneration_basis"]["manager"], json!("183.26"));
    let balances = ask("balances", json!({"fund": FUND, "date": "2026-01-10"})).unwrap();
    assert_eq!(
        balances[0],
        json!({"account": "assets:bank", "kind": "assets", "balance": "30000.00"})
    );
    let bad_day = ask("balances", json!({"fund": FUND, "date": "10/01/2026"}));
    assert_eq!(
        bad_day.unwrap_err().kind(),
        crate::error::ErrorKind::Invalid
    );
    let stray = ask("trial_balance", json!({"fund": FUND, "day": "2026-01-10"}));
    assert_eq!(stray.unwrap_err().kind(), crate::error::ErrorKind::Invalid);
    for (name, args) in [
        ("accounts", json!({"fund": FUND})),
        (
            "account_history",
            json!({"fund": FUND, "account": "assets:bank"}),
        ),
        ("transactions", json!({"fund": FUND})),
        ("export_hledger", json!({"fund": FUND})),
        ("export_beancount", json!({"fund": FUND})),
    ] {
        ask(name, args).unwrap_or_else(|e| panic!("{name}: {e}"));
    }
    let args = json!({"journal": w.to_jsonl(), "statement": statement});
    let (check, _) = catalog.call("verify_statement", args).unwrap();
    assert_eq!(check["verified"], json!(true));
}

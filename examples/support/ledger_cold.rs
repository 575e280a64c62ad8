//! The cold-load comparison's ward and the reading of each tool's balance report
//! (`examples/ledger_cold.rs`): the compound's transactions posted through a ward, and
//! every tool's output read into account → amount, so that all can be compared.

use std::collections::BTreeMap;

use gridward::fund::export::account_from_beancount;
use gridward::fund::ledger::Transaction;
use gridward::fund::FundCommand;
use gridward::{Actor, Context, Ward};
use rust_decimal::Decimal;

use crate::at;
pub use crate::ledger_load::FUND;
use crate::ledger_load::{ledger_ward, transactions};

/// Transactions posted per `post` command.
pub const BATCH: usize = 1_000;

/// An account's balance by name, zero balances left out (hledger and ledger omit them).
pub type Balances = BTreeMap<String, Decimal>;

/// The first `n` of the compound's transactions that a ward's `post` command accepts:
/// spending and remuneration go through their own commands, so the transactions
/// touching an expense account are left out, as in the fund bench.
pub fn ward_transactions(n: usize) -> Vec<Transaction> {
    // About 3.5% of the workload touches an expense account.
    let out: Vec<Transaction> = transactions(n + n / 20 + 2_000, 2026)
        .into_iter()
        .filter(|t| {
            t.postings
                .iter()
                .all(|p| !p.account.starts_with("expenses:"))
        })
        .take(n)
        .collect();
    debug_assert_eq!(out.len(), n);
    out
}

/// A ward with one fund holding the compound's accounts, into which the transactions
/// are posted `BATCH` at a time, each batch a command of its own.
pub fn ward_with(txs: Vec<Transaction>) -> Result<Ward, Box<dyn std::error::Error>> {
    let mut ward = ledger_ward()?;
    let ctx = Context::new(Actor::System, at("2020-01-01T08:00:00+08:00"));
    let mut txs = txs.into_iter().peekable();
    while txs.peek().is_some() {
        let cmd = FundCommand::Post {
            fund: FUND.into(),
            transactions: txs.by_ref().take(BATCH).collect(),
        };
        ward.execute(&ctx, cmd)?;
    }
    Ok(ward)
}

fn figure(text: &str, line: &str) -> Result<Decimal, String> {
    let text = text.trim().trim_matches('"');
    let number = text
        .split_whitespace()
        .find(|w| w.starts_with(|c: char| c.is_ascii_digit() || c == '-'))
        .ok_or_else(|| format!("no amount in {line:?}"))?;
    number
        .replace(',', "")
        .parse()
        .map_err(|e| format!("amount {number:?} in {line:?}: {e}"))
}

fn insert(out: &mut Balances, account: &str, amount: Decimal) {
    if !amount.is_zero() {
        out.insert(account.to_owned(), amount);
    }
}

/// Lines `account<TAB>amount` (Gridward's own report, and ledger's with the
/// comparison's `--format`); the amount may carry a commodity.
pub fn tab_lines(text: &str) -> Result<Balances, String> {
    let mut out = Balances::new();
    for line in text.lines().filter(|l| !l.trim().is_empty()) {
        let (account, amount) = line
            .split_once('\t')
            .ok_or_else(|| format!("no tab in {line:?}"))?;
        insert(&mut out, account.trim(), figure(amount, line)?);
    }
    Ok(out)
}

/// hledger's `bal --flat --no-total -O csv`: a header, then `"account","1234.56 CNY"`.
pub fn hledger_csv(text: &str) -> Result<Balances, String> {
    let mut out = Balances::new();
    for line in text.lines().skip(1).filter(|l| !l.is_empty()) {
        // Account names and figures hold no quotes or commas.
        let (account, amount) = line
            .split_once(',')
            .ok_or_else(|| format!("unexpected hledger row {line:?}"))?;
        insert(&mut out, account.trim_matches('"'), figure(amount, line)?);
    }
    Ok(out)
}

/// bean-query's `-f csv` output of `SELECT account, sum(position) GROUP BY account`: a
/// header, then `Assets:Bank,1234.56 CNY`, the names mapped back to Gridward's.
pub fn beanquery_csv(text: &str) -> Result<Balances, String> {
    let mut out = Balances::new();
    for line in text.lines().skip(1).filter(|l| !l.trim().is_empty()) {
        let (account, amount) = line
            .split_once(',')
            .ok_or_else(|| format!("unexpected bean-query row {line:?}"))?;
        let name = account_from_beancount(account.trim()).map_err(|e| e.to_string())?;
        insert(&mut out, &name, figure(amount, line)?);
    }
    Ok(out)
}

/// Fails, naming the first account where `theirs` (from `tool`) differs from Gridward's.
pub fn agree(tool: &str, ours: &Balances, theirs: &Balances) -> Result<(), String> {
    for account in ours.keys().chain(theirs.keys()) {
        let (a, b) = (ours.get(account), theirs.get(account));
        if a != b {
            let show = |x: Option<&Decimal>| x.map_or("none".to_owned(), |d| d.to_string());
            return Err(format!(
                "{tool} disagrees on {account}: Gridward {}, {tool} {}",
                show(a),
                show(b)
            ));
        }
    }
    Ok(())
}

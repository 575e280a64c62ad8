//! Reports over a ledger: balances at a date or over a period, the trial balance, and
//! an account's history.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::{AccountKind, Ledger, LedgerError};
use crate::money::Amount;

/// An account's balance (debit positive, credit negative).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct BalanceRow {
    /// The account.
    pub account: String,
    /// Its kind.
    pub kind: AccountKind,
    /// The balance.
    pub balance: Amount,
}

/// A trial balance: each account's balance as a debit or a credit, and the two totals,
/// which are equal in any ledger Gridward keeps.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct TrialBalance {
    /// The date, inclusive; `None` for everything posted.
    pub date: Option<NaiveDate>,
    /// Accounts with a non-zero balance, in the order opened.
    pub rows: Vec<BalanceRow>,
    /// The sum of debit balances.
    pub debits: Amount,
    /// The sum of credit balances, as a positive amount.
    pub credits: Amount,
}

/// One transaction in an account's history.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct HistoryRow {
    /// The transaction.
    pub transaction: String,
    /// Its date.
    pub date: NaiveDate,
    /// Its description.
    pub description: String,
    /// What it posted to the account.
    pub amount: Amount,
    /// The account's balance after it.
    pub balance: Amount,
}

impl Ledger {
    /// The number of transactions dated on or before `date`.
    fn upto(&self, date: NaiveDate) -> usize {
        self.transactions.partition_point(|t| t.date <= date)
    }

    /// The number of transactions dated before `date`.
    fn before(&self, date: NaiveDate) -> usize {
        self.transactions.partition_point(|t| t.date < date)
    }

    fn sums(&self, from: usize, to: usize) -> Vec<Amount> {
        let mut sums = vec![Amount::ZERO; self.accounts.len()];
        if from >= to {
            return sums;
        }
        let (start, end) = (
            self.transactions[from].start as usize,
            self.transactions[to - 1].end as usize,
        );
        for &(a, amount) in &self.postings[start..end] {
            let s = &mut sums[a as usize];
            *s = s.plus(amount);
        }
        sums
    }

    fn rows(&self, sums: Vec<Amount>) -> Vec<BalanceRow> {
        self.accounts
            .iter()
            .zip(sums)
            .map(|(a, balance)| BalanceRow {
                account: a.account.name.clone(),
                kind: a.kind,
                balance,
            })
            .collect()
    }

    /// The current balance of an account.
    pub fn balance(&self, account: &str) -> Result<Amount, LedgerError> {
        self.index_of(account)
            .map(|ix| self.balances[ix as usize])
            .ok_or_else(|| LedgerError::UnknownAccount(account.to_owned()))
    }

    /// Every account's balance at the end of `date` (or now, for `None`), in the order
    /// opened, zero balances included.
    pub fn balances_at(&self, date: Option<NaiveDate>) -> Vec<BalanceRow> {
        match date {
            None => self.rows(self.balances.clone()),
            Some(d) => self.rows(self.sums(0, self.upto(d))),
        }
    }

    /// Every account's movement over the days `from..=to`.
    pub fn movements(&self, from: NaiveDate, to: NaiveDate) -> Vec<BalanceRow> {
        self.rows(self.sums(self.before(from), self.upto(to)))
    }

    /// One account's movement over the days `from..=to`.
    pub fn movement(
        &self,
        account: &str,
        from: NaiveDate,
        to: NaiveDate,
    ) -> Result<Amount, LedgerError> {
        let ix = self
            .index_of(account)
            .ok_or_else(|| LedgerError::UnknownAccount(account.to_owned()))?;
        let (lo, hi) = (self.before(from), self.upto(to));
        let txs = &self.accounts[ix as usize].transactions;
        let first = txs.partition_point(|&t| (t as usize) < lo);
        let mut sum = Amount::ZERO;
        for &t in txs[first..].iter().take_while(|&&t| (t as usize) < hi) {
            let stored = &self.transactions[t as usize];
            for &(a, amount) in &self.postings[stored.start as usize..stored.end as usize] {
                if a == ix {
                    sum = sum.plus(amount);
                }
            }
        }
        Ok(sum)
    }

    /// The trial balance at the end of `date` (or now).
    pub fn trial_balance(&self, date: Option<NaiveDate>) -> TrialBalance {
        let rows: Vec<BalanceRow> = self
            .balances_at(date)
            .into_iter()
            .filter(|r| !r.balance.is_zero())
            .collect();
        let debits = rows
            .iter()
            .map(|r| r.balance)
            .filter(|b| b.is_positive())
            .sum();
        let credits = rows
            .iter()
            .map(|r| r.balance)
            .filter(|b| b.is_negative())
            .map(Amount::neg)
            .sum();
        TrialBalance {
            date,
            rows,
            debits,
            credits,
        }
    }

    /// An account's history: every transaction that touched it, with the running balance.
    pub fn history(&self, account: &str) -> Result<Vec<HistoryRow>, LedgerError> {
        let ix = self
            .index_of(account)
            .ok_or_else(|| LedgerError::UnknownAccount(account.to_owned()))?;
        let mut balance = Amount::ZERO;
        let mut rows = Vec::new();
        for &t in &self.accounts[ix as usize].transactions {
            let stored = &self.transactions[t as usize];
            let amount: Amount = self.postings[stored.start as usize..stored.end as usize]
                .iter()
                .filter(|(a, _)| *a == ix)
                .map(|&(_, x)| x)
                .sum();
            balance = balance.plus(amount);
            rows.push(HistoryRow {
                transaction: stored.id.to_string(),
                date: stored.date,
                description: stored.description.to_string(),
                amount,
                balance,
            });
        }
        Ok(rows)
    }
}

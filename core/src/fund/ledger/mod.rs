//! A double-entry ledger in exact decimals.
//!
//! Every transaction has two or more postings that sum to exactly zero (debits positive,
//! credits negative, as in hledger). Transactions are immutable and dated in order; a
//! mistake is corrected by a reversal that names the transaction it corrects. Posting an
//! id again with the same content does nothing; with different content it is refused.
//! Accounts may forbid a negative balance, and a transaction that would break that is
//! refused whole. Every check runs before anything changes.

mod account;
mod error;
mod report;
mod transaction;

pub use account::{kind_of, segment_for, Account, AccountKind};
pub use error::LedgerError;
pub use report::{BalanceRow, HistoryRow, TrialBalance};
pub use transaction::{Posting, Transaction};

use transaction::Stored;

use std::collections::BTreeMap;

use chrono::NaiveDate;
use hashbrown::HashMap;

use crate::ids::IdIndex;
use crate::money::Amount;
use crate::text::check;
use crate::text::TextKind::{Key, Note};

#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "snapshot", derive(serde::Serialize, serde::Deserialize))]
pub(crate) struct OpenAccount {
    pub(crate) account: Account,
    pub(crate) kind: AccountKind,
    /// Transactions touching the account, in order.
    pub(crate) transactions: Vec<u32>,
}

/// What a batch under check would have done so far: balances moved, ids taken,
/// transactions reversed, the last date. Ordered maps cost nothing to create, which
/// matters when a single transaction is checked.
#[derive(Default)]
struct Pending {
    deltas: BTreeMap<u32, Amount>,
    ids: BTreeMap<String, usize>,
    reversed: BTreeMap<u32, String>,
    last: Option<NaiveDate>,
    /// Whether to keep what each transaction would do, for the ones after it in a batch.
    tracking: bool,
    opened: Vec<(Account, AccountKind)>,
    opened_names: BTreeMap<String, u32>,
    /// The accounts of the last transaction checked, posting by posting.
    resolved: Slots,
}

/// Account positions of one transaction's postings, inline for the usual few.
#[derive(Default)]
struct Slots {
    len: usize,
    inline: [u32; 8],
    more: Vec<u32>,
}

impl Slots {
    fn clear(&mut self) {
        self.len = 0;
        self.more.clear();
    }

    fn push(&mut self, ix: u32) {
        if self.len < self.inline.len() {
            self.inline[self.len] = ix;
            self.len += 1;
        } else {
            self.more.push(ix);
        }
    }

    fn all(&self) -> impl Iterator<Item = u32> + '_ {
        self.inline[..self.len]
            .iter()
            .chain(self.more.iter())
            .copied()
    }
}

/// What a transaction moves, per account: inline for the usual few accounts, so that
/// checking allocates nothing.
#[derive(Default)]
struct Deltas {
    len: usize,
    inline: [(u32, Amount); 6],
    more: Vec<(u32, Amount)>,
}

impl Deltas {
    fn add(&mut self, ix: u32, amount: Amount) -> Result<(), crate::money::MoneyError> {
        if let Some((_, d)) = self.inline[..self.len]
            .iter_mut()
            .chain(self.more.iter_mut())
            .find(|(a, _)| *a == ix)
        {
            *d = d.checked_add(amount)?;
        } else if self.len < self.inline.len() {
            self.inline[self.len] = (ix, amount);
            self.len += 1;
        } else {
            self.more.push((ix, amount));
        }
        Ok(())
    }

    fn all(&self) -> impl Iterator<Item = &(u32, Amount)> + '_ {
        self.inline[..self.len].iter().chain(self.more.iter())
    }
}

/// What posting a transaction did.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Posted {
    /// The transaction was recorded.
    New,
    /// The same transaction had been posted before; nothing changed.
    Duplicate,
}

/// A double-entry ledger.
#[derive(Clone, Debug, Default)]
#[cfg_attr(feature = "snapshot", derive(serde::Serialize, serde::Deserialize))]
pub struct Ledger {
    pub(crate) accounts: Vec<OpenAccount>,
    names: HashMap<Box<str>, u32>,
    pub(crate) balances: Vec<Amount>,
    pub(crate) transactions: Vec<Stored>,
    pub(crate) postings: Vec<(u32, Amount)>,
    #[cfg_attr(feature = "snapshot", serde(skip))]
    ids: IdIndex,
}

impl PartialEq for Ledger {
    /// Equal accounts, balances and transactions (the id index follows from them).
    fn eq(&self, other: &Ledger) -> bool {
        self.accounts == other.accounts
            && self.balances == other.balances
            && self.transactions == other.transactions
            && self.postings == other.postings
    }
}

impl Eq for Ledger {}

impl Ledger {
    /// The ledger read back from a snapshot, with its index of transaction ids
    /// rebuilt, or what in it does not hold together.
    #[cfg(feature = "snapshot")]
    pub(crate) fn restored(mut self) -> Result<Ledger, String> {
        self.check_indices()?;
        let stored = &self.transactions;
        self.ids = IdIndex::of((0..).zip(stored.iter().map(|t| &*t.id)), |ix| {
            stored.get(ix as usize).map_or("", |t| &t.id)
        })
        .map_err(|id| format!("two transactions have the id {id:?}"))?;
        Ok(self)
    }

    /// Checks that every position the ledger holds points at what exists.
    #[cfg(feature = "snapshot")]
    fn check_indices(&self) -> Result<(), String> {
        let (accounts, transactions) = (self.accounts.len(), self.transactions.len());
        let within = |ix: u32, len: usize, what: &str| {
            if (ix as usize) < len {
                Ok(())
            } else {
                Err(format!("{what} names entry {ix} of {len}"))
            }
        };
        if self.balances.len() != accounts {
            return Err(format!(
                "{} balances for {accounts} accounts",
                self.balances.len()
            ));
        }
        for a in &self.accounts {
            for &t in &a.transactions {
                within(t, transactions, "an account's transactions")?;
            }
        }
        for &ix in self.names.values() {
            within(ix, accounts, "the index of account names")?;
        }
        for &(a, _) in &self.postings {
            within(a, accounts, "a posting")?;
        }
        for t in &self.transactions {
            if t.start > t.end || t.end as usize > self.postings.len() {
                return Err(format!(
                    "transaction {} has postings {}..{} of {}",
                    t.id,
                    t.start,
                    t.end,
                    self.postings.len()
                ));
            }
            for r in t.reverses.iter().chain(&t.reversed_by) {
                within(*r, transactions, "a reversal")?;
            }
        }
        Ok(())
    }

    /// An empty ledger.
    pub fn new() -> Ledger {
        Ledger::default()
    }

    /// Checks that an account may be opened.
    pub fn check_open(&self, account: &Account) -> Result<AccountKind, LedgerError> {
        let kind = account.kind()?;
        check(Note, "account description", &account.description)?;
        if self.names.contains_key(account.name.as_str()) {
            return Err(LedgerError::AccountExists(account.name.clone()));
        }
        Ok(kind)
    }

    /// Opens an account.
    pub fn open(&mut self, account: Account) -> Result<(), LedgerError> {
        let kind = self.check_open(&account)?;
        self.record_open(account, kind);
        Ok(())
    }

    /// Opens an account known to pass [`Ledger::check_open`].
    pub(crate) fn record_open(&mut self, account: Account, kind: AccountKind) {
        let ix = self.accounts.len() as u32;
        self.names.insert(account.name.as_str().into(), ix);
        self.accounts.push(OpenAccount {
            account,
            kind,
            transactions: Vec::new(),
        });
        self.balances.push(Amount::ZERO);
    }

    /// Whether an account is open.
    pub fn has_account(&self, name: &str) -> bool {
        self.names.contains_key(name)
    }

    /// The account with this name.
    pub fn account(&self, name: &str) -> Option<&Account> {
        let ix = *self.names.get(name)?;
        Some(&self.accounts[ix as usize].account)
    }

    /// The kind of the open account named `name`, as found when it was opened.
    pub fn account_kind(&self, name: &str) -> Option<AccountKind> {
        let ix = *self.names.get(name)?;
        Some(self.accounts[ix as usize].kind)
    }

    /// Every account, in the order opened.
    pub fn accounts(&self) -> impl Iterator<Item = &Account> + '_ {
        self.accounts.iter().map(|a| &a.account)
    }

    /// Transactions posted.
    pub fn len(&self) -> usize {
        self.transactions.len()
    }

    /// True before the first transaction.
    pub fn is_empty(&self) -> bool {
        self.transactions.is_empty()
    }

    /// The date of the last transaction.
    pub fn last_date(&self) -> Option<NaiveDate> {
        self.transactions.last().map(|t| t.date)
    }

    /// Checks a transaction against every rule without changing anything:
    /// `Posted::Duplicate` if the same transaction was posted already.
    pub fn check(&self, tx: &Transaction) -> Result<Posted, LedgerError> {
        self.check_with(tx, &mut Pending::default(), &[])
    }

    /// Checks transactions as if posted one after another, all or none: each is checked
    /// against the ledger with the ones before it in the batch already posted.
    pub fn check_batch(&self, txs: &[Transaction]) -> Result<Vec<Posted>, LedgerError> {
        self.check_batch_opening(&[], txs)
    }

    /// Like [`Ledger::check_batch`], with `accounts` opened first (each must pass
    /// [`Ledger::check_open`] and appear once).
    pub fn check_batch_opening(
        &self,
        accounts: &[Account],
        txs: &[Transaction],
    ) -> Result<Vec<Posted>, LedgerError> {
        let mut pending = Pending {
            tracking: true,
            ..Pending::default()
        };
        for a in accounts {
            let kind = self.check_open(a)?;
            if pending.opened_names.contains_key(a.name.as_str()) {
                return Err(LedgerError::AccountExists(a.name.clone()));
            }
            let ix = (self.accounts.len() + pending.opened.len()) as u32;
            pending.opened_names.insert(a.name.clone(), ix);
            pending.opened.push((a.clone(), kind));
        }
        let mut out = Vec::with_capacity(txs.len());
        for (i, tx) in txs.iter().enumerate() {
            let posted = self.check_with(tx, &mut pending, &txs[..i])?;
            out.push(posted);
        }
        Ok(out)
    }

    /// Checks and records a batch, all or none.
    pub fn post_batch(&mut self, txs: Vec<Transaction>) -> Result<Vec<Posted>, LedgerError> {
        let posted = self.check_batch(&txs)?;
        for (tx, p) in txs.into_iter().zip(&posted) {
            if *p == Posted::New {
                self.record(tx);
            }
        }
        Ok(posted)
    }

    fn check_with(
        &self,
        tx: &Transaction,
        pending: &mut Pending,
        earlier: &[Transaction],
    ) -> Result<Posted, LedgerError> {
        check(Key, "transaction id", &tx.id)?;
        if let Some(ix) = self.tx_ix(&tx.id) {
            return if self.transaction_at(ix) == *tx {
                Ok(Posted::Duplicate)
            } else {
                Err(LedgerError::IdReused(tx.id.clone()))
            };
        }
        if let Some(&i) = pending.ids.get(tx.id.as_str()) {
            return if earlier.get(i) == Some(tx) {
                Ok(Posted::Duplicate)
            } else {
                Err(LedgerError::IdReused(tx.id.clone()))
            };
        }
        check(Note, "description", &tx.description)?;
        if tx.postings.len() < 2 {
            return Err(LedgerError::TooFewPostings(tx.id.clone()));
        }
        if let Some(last) = pending.last.or(self.last_date()) {
            if tx.date < last {
                return Err(LedgerError::Backdated {
                    id: tx.id.clone(),
                    date: tx.date,
                    last,
                });
            }
        }
        let mut sum = Amount::ZERO;
        let mut deltas = Deltas::default();
        pending.resolved.clear();
        for p in &tx.postings {
            let ix = self
                .names
                .get(p.account.as_str())
                .or_else(|| pending.opened_names.get(p.account.as_str()))
                .copied()
                .ok_or_else(|| LedgerError::UnknownAccount(p.account.clone()))?;
            if p.amount.is_zero() {
                return Err(LedgerError::ZeroPosting {
                    id: tx.id.clone(),
                    account: p.account.clone(),
                });
            }
            sum = sum.checked_add(p.amount)?;
            deltas.add(ix, p.amount)?;
            pending.resolved.push(ix);
        }
        if !sum.is_zero() {
            return Err(LedgerError::Unbalanced {
                id: tx.id.clone(),
                off: sum,
            });
        }
        if let Some(target) = &tx.reverses {
            self.check_reversal(tx, target, pending)?;
        }
        for &(ix, delta) in deltas.all() {
            let (account, kind, balance) = match self.accounts.get(ix as usize) {
                Some(open) => (&open.account, open.kind, self.balances[ix as usize]),
                None => {
                    let (a, k) = &pending.opened[ix as usize - self.accounts.len()];
                    (a, *k, Amount::ZERO)
                }
            };
            let before = match pending.deltas.get(&ix) {
                Some(d) => balance.checked_add(*d)?,
                None => balance,
            };
            let after = before.checked_add(delta)?;
            if account.no_negative {
                let normal = if kind.debit_normal() {
                    after
                } else {
                    after.neg()
                };
                if normal.is_negative() {
                    return Err(LedgerError::NegativeBalance {
                        id: tx.id.clone(),
                        account: account.name.clone(),
                        balance: normal,
                    });
                }
            }
        }
        if pending.tracking {
            for &(ix, delta) in deltas.all() {
                let d = pending.deltas.entry(ix).or_insert(Amount::ZERO);
                *d = d.checked_add(delta)?;
            }
            pending.ids.insert(tx.id.clone(), earlier.len());
            pending.last = Some(tx.date);
        }
        Ok(Posted::New)
    }

    fn check_reversal(
        &self,
        tx: &Transaction,
        target: &str,
        pending: &mut Pending,
    ) -> Result<(), LedgerError> {
        let not = |why| LedgerError::NotAReversal {
            id: tx.id.clone(),
            reverses: target.to_owned(),
            why,
        };
        let ix = self
            .tx_ix(target)
            .ok_or_else(|| LedgerError::UnknownTransaction(target.to_owned()))?;
        let original = &self.transactions[ix as usize];
        if let Some(by) = original.reversed_by {
            return Err(LedgerError::AlreadyReversed {
                id: target.to_owned(),
                by: self.transactions[by as usize].id.to_string(),
            });
        }
        if let Some(by) = pending.reversed.get(&ix) {
            return Err(LedgerError::AlreadyReversed {
                id: target.to_owned(),
                by: by.clone(),
            });
        }
        if original.reverses.is_some() {
            return Err(not(
                "a reversal is not reversed; post the original again instead",
            ));
        }
        let postings = &self.postings[original.start as usize..original.end as usize];
        let mirrors = postings.len() == tx.postings.len()
            && postings.iter().zip(&tx.postings).all(|(&(a, amount), p)| {
                self.accounts[a as usize].account.name == p.account && amount == p.amount.neg()
            });
        if mirrors {
            if pending.tracking {
                pending.reversed.insert(ix, tx.id.clone());
            }
            Ok(())
        } else {
            Err(not(
                "its postings must be the original's, in order, with signs turned",
            ))
        }
    }

    /// Checks a transaction and records it, or refuses it and changes nothing.
    pub fn post(&mut self, tx: Transaction) -> Result<Posted, LedgerError> {
        let mut pending = Pending::default();
        let posted = self.check_with(&tx, &mut pending, &[])?;
        if posted == Posted::New {
            let accounts: Slots = std::mem::take(&mut pending.resolved);
            self.record_into(tx, accounts.all());
        }
        Ok(posted)
    }

    /// Records a transaction known to pass [`Ledger::check`] as new.
    pub(crate) fn record(&mut self, tx: Transaction) {
        let accounts: Vec<u32> = tx
            .postings
            .iter()
            .map(|p| {
                self.names
                    .get(p.account.as_str())
                    .copied()
                    .unwrap_or(u32::MAX)
            })
            .collect();
        self.record_into(tx, accounts.into_iter());
    }

    /// Records a checked transaction whose postings' accounts are already found.
    fn record_into(&mut self, tx: Transaction, accounts: impl Iterator<Item = u32>) {
        let ix = self.transactions.len() as u32;
        let start = self.postings.len() as u32;
        for (p, a) in tx.postings.into_iter().zip(accounts) {
            if a as usize >= self.accounts.len() {
                continue;
            }
            let balance = &mut self.balances[a as usize];
            *balance = balance.plus(p.amount);
            let touched = &mut self.accounts[a as usize].transactions;
            if touched.last() != Some(&ix) {
                touched.push(ix);
            }
            self.postings.push((a, p.amount));
        }
        let reverses = tx.reverses.and_then(|r| self.tx_ix(&r));
        if let Some(r) = reverses {
            self.transactions[r as usize].reversed_by = Some(ix);
        }
        self.transactions.push(Stored {
            id: tx.id.into(),
            date: tx.date,
            description: tx.description.into(),
            start,
            end: self.postings.len() as u32,
            reverses,
            reversed_by: None,
        });
        if let Some(stored) = self.transactions.last() {
            self.ids.insert(&stored.id, ix);
        }
    }

    /// The position of the transaction with this id.
    fn tx_ix(&self, id: &str) -> Option<u32> {
        self.ids.get(id, |ix| {
            self.transactions.get(ix as usize).map_or("", |t| &t.id)
        })
    }

    /// The transaction with this id.
    pub fn transaction(&self, id: &str) -> Option<Transaction> {
        self.tx_ix(id).map(|ix| self.transaction_at(ix))
    }

    /// The id of the transaction that reversed this one, if any.
    pub fn reversed_by(&self, id: &str) -> Option<&str> {
        let ix = self.tx_ix(id)?;
        let by = self.transactions[ix as usize].reversed_by?;
        Some(&self.transactions[by as usize].id)
    }

    /// Every transaction, in the order posted.
    pub fn transactions(&self) -> impl Iterator<Item = Transaction> + '_ {
        (0..self.transactions.len() as u32).map(|ix| self.transaction_at(ix))
    }

    pub(crate) fn transaction_at(&self, ix: u32) -> Transaction {
        let t = &self.transactions[ix as usize];
        Transaction {
            id: t.id.to_string(),
            date: t.date,
            description: t.description.to_string(),
            postings: self.postings[t.start as usize..t.end as usize]
                .iter()
                .map(|&(a, amount)| Posting {
                    account: self.accounts[a as usize].account.name.clone(),
                    amount,
                })
                .collect(),
            reverses: t
                .reverses
                .map(|r| self.transactions[r as usize].id.to_string()),
        }
    }

    pub(crate) fn index_of(&self, name: &str) -> Option<u32> {
        self.names.get(name).copied()
    }
}

#[cfg(test)]
mod tests;

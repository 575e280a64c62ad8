//! The fund's things as plain rows: what its queries answer with, in every face.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::ledger::{Account, AccountKind, Ledger, LedgerError};
use super::model::{Accrual, Billing, Budget, Dividend, Fund, Payment, Terms};
use super::model::{BusinessUse, FeeStandard};
use crate::grid::NodeCode;
use crate::money::Amount;

/// A compound's common fund (共有基金): its terms and records, without the ledger (read
/// that through the balances, the transactions and the other ledger queries).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct FundSummary {
    /// The fund's id.
    pub id: String,
    /// Its name.
    pub name: String,
    /// The grid unit whose households own the compound.
    pub unit: NodeCode,
    /// When it was opened.
    pub opened: NaiveDate,
    /// Its terms: the basis, the approval threshold, whether common income counts in the
    /// remuneration base, the rounding and the split.
    pub terms: Terms,
    /// Fee standards, in the order proposed (the approved ones billable from their
    /// first month, a later approved one replacing the earlier).
    pub fee_standards: Vec<FeeStandard>,
    /// Resolutions allowing business use of common parts, in the order passed.
    pub business_uses: Vec<BusinessUse>,
    /// Budgets, by id.
    pub budgets: Vec<Budget>,
    /// Payments against budget lines, by id.
    pub payments: Vec<Payment>,
    /// Dividends, by id.
    pub dividends: Vec<Dividend>,
    /// Billings of fees, by month.
    pub billings: Vec<Billing>,
    /// Accruals of the manager's remuneration, in the order accrued.
    pub accruals: Vec<Accrual>,
}

impl FundSummary {
    /// The summary of a fund.
    pub fn of(fund: &Fund) -> FundSummary {
        FundSummary {
            id: fund.id.clone(),
            name: fund.name.clone(),
            unit: fund.unit,
            opened: fund.opened,
            terms: fund.terms.clone(),
            fee_standards: fund.fee_standards.clone(),
            business_uses: fund.business_uses.clone(),
            budgets: fund.budgets.values().cloned().collect(),
            payments: fund.payments.values().cloned().collect(),
            dividends: fund.dividends.values().cloned().collect(),
            billings: fund.billings.values().cloned().collect(),
            accruals: fund.accruals.clone(),
        }
    }
}

/// An account of a fund's ledger.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct AccountRow {
    /// Its full name (`assets:bank`).
    pub account: String,
    /// Its kind, the first segment of its name.
    pub kind: AccountKind,
    /// What it is for, in words.
    pub description: String,
    /// Whether it may not go below zero in its normal direction.
    pub no_negative: bool,
}

impl AccountRow {
    /// The row of an account; refused only for a name that is not an account's.
    pub fn of(account: &Account) -> Result<AccountRow, LedgerError> {
        Ok(AccountRow {
            account: account.name.clone(),
            kind: account.kind()?,
            description: account.description.clone(),
            no_negative: account.no_negative,
        })
    }

    /// Every account of a ledger, in the order opened.
    pub fn all(ledger: &Ledger) -> Result<Vec<AccountRow>, LedgerError> {
        ledger.accounts().map(AccountRow::of).collect()
    }
}

/// One posting of a transaction, with the transaction's id, date and description.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct PostingRow {
    /// The transaction.
    pub transaction: String,
    /// Its date.
    pub date: NaiveDate,
    /// Its description.
    pub description: String,
    /// The account.
    pub account: String,
    /// Debit (positive) or credit (negative).
    pub amount: Amount,
    /// For a reversal, the transaction it corrects.
    pub reverses: Option<String>,
}

impl PostingRow {
    /// One row per posting of every transaction of a ledger, in the order posted.
    pub fn all(ledger: &Ledger) -> Vec<PostingRow> {
        ledger
            .transactions()
            .flat_map(|t| {
                let (id, date, description, reverses) = (t.id, t.date, t.description, t.reverses);
                t.postings.into_iter().map(move |p| PostingRow {
                    transaction: id.clone(),
                    date,
                    description: description.clone(),
                    account: p.account,
                    amount: p.amount,
                    reverses: reverses.clone(),
                })
            })
            .collect()
    }
}

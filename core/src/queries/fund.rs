//! The fund's queries: a fund's summary, its accounts, balances, trial balance, histories
//! and postings, the public statement (公示), the two bases compared, and the exports for
//! hledger and Beancount; and the pure check of a published statement against a journal.

use chrono::NaiveDate;
use serde::Deserialize;

use crate::error::Error;
use crate::fund::export::{to_beancount, to_hledger};
use crate::fund::ledger::{BalanceRow, HistoryRow, TrialBalance};
use crate::fund::{
    AccountRow, BasisComparison, FundError, FundSummary, PostingRow, Statement, StatementCheck,
};
use crate::queries::typed::{Function, Query};
use crate::ward::{Ward, WardConfig};

crate::query_set! {
    pub static FUND_QUERIES for "fund" {
        "fund" => Fund,
        "funds" => Funds,
        "accounts" => Accounts,
        "balances" => Balances,
        "trial_balance" => TrialBalanceAt,
        "account_history" => AccountHistory,
        "transactions" => Transactions,
        "statement" => StatementOf,
        "basis_comparison" => BasisComparisonOf,
        "export_hledger" => ExportHledger,
        "export_beancount" => ExportBeancount,
    }
}

/// A fund's terms and records (budgets, payments, dividends, billings, accruals), or none.
#[derive(Clone, Debug, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Fund {
    /// The fund's id.
    pub id: String,
}

impl Query for Fund {
    type Answer = Option<FundSummary>;

    fn ask(self, ward: &Ward) -> Result<Self::Answer, Error> {
        Ok(ward.funds().get(&self.id).map(FundSummary::of))
    }
}

/// The ids of every fund, in order.
#[derive(Clone, Debug, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Funds {}

impl Query for Funds {
    type Answer = Vec<String>;

    fn ask(self, ward: &Ward) -> Result<Self::Answer, Error> {
        Ok(ward.funds().iter().map(|f| f.id.clone()).collect())
    }
}

/// A fund's accounts, in the order opened.
#[derive(Clone, Debug, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Accounts {
    /// The fund.
    pub fund: String,
}

impl Query for Accounts {
    type Answer = Vec<AccountRow>;

    fn ask(self, ward: &Ward) -> Result<Self::Answer, Error> {
        let ledger = &ward.fund(&self.fund)?.ledger;
        AccountRow::all(ledger).map_err(|e| FundError::from(e).into())
    }
}

/// Every account's balance at the end of a day (everything posted when no day is
/// given), in the order opened: debits positive, credits negative, zero balances
/// included.
#[derive(Clone, Debug, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Balances {
    /// The fund.
    pub fund: String,
    /// The day, included; everything posted when absent.
    #[serde(default)]
    pub date: Option<NaiveDate>,
}

impl Query for Balances {
    type Answer = Vec<BalanceRow>;

    fn ask(self, ward: &Ward) -> Result<Self::Answer, Error> {
        Ok(ward.fund(&self.fund)?.ledger.balances_at(self.date))
    }
}

/// The trial balance at the end of a day (everything posted when no day is given): the
/// accounts with a balance, and the debit and credit totals, which are equal.
#[derive(Clone, Debug, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct TrialBalanceAt {
    /// The fund.
    pub fund: String,
    /// The day, included; everything posted when absent.
    #[serde(default)]
    pub date: Option<NaiveDate>,
}

impl Query for TrialBalanceAt {
    type Answer = TrialBalance;

    fn ask(self, ward: &Ward) -> Result<Self::Answer, Error> {
        Ok(ward.fund(&self.fund)?.ledger.trial_balance(self.date))
    }
}

/// Every transaction that touched an account, in the order posted, with the running
/// balance.
#[derive(Clone, Debug, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct AccountHistory {
    /// The fund.
    pub fund: String,
    /// The account's full name (`assets:bank`).
    pub account: String,
}

impl Query for AccountHistory {
    type Answer = Vec<HistoryRow>;

    fn ask(self, ward: &Ward) -> Result<Self::Answer, Error> {
        let ledger = &ward.fund(&self.fund)?.ledger;
        ledger
            .history(&self.account)
            .map_err(|e| FundError::from(e).into())
    }
}

/// Every posting of a fund's ledger, one row each, in the order posted.
#[derive(Clone, Debug, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Transactions {
    /// The fund.
    pub fund: String,
}

impl Query for Transactions {
    type Answer = Vec<PostingRow>;

    fn ask(self, ward: &Ward) -> Result<Self::Answer, Error> {
        Ok(PostingRow::all(&ward.fund(&self.fund)?.ledger))
    }
}

/// The public statement (公示) of a fund for the days `start` to `end` (both included):
/// income, fees with arrears and the collection rate (收缴率), spending against budget,
/// remuneration, dividends, the surplus, arrears by building and the vouchers — private
/// payees masked — stamped with the journal head and length it was drawn from, so that
/// anyone holding the journal can check it (`verify_statement`).
#[derive(Clone, Debug, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct StatementOf {
    /// The fund.
    pub fund: String,
    /// The period's first day.
    pub start: NaiveDate,
    /// The period's last day, included.
    pub end: NaiveDate,
}

impl Query for StatementOf {
    type Answer = Statement;

    fn ask(self, ward: &Ward) -> Result<Self::Answer, Error> {
        ward.statement(&self.fund, self.start, self.end)
    }
}

/// What the manager and the owners end with over the days `start` to `end` (both
/// included) under the fund's remuneration basis (酬金制) and under the fixed-fee basis
/// (包干制).
#[derive(Clone, Debug, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct BasisComparisonOf {
    /// The fund.
    pub fund: String,
    /// The period's first day.
    pub start: NaiveDate,
    /// The period's last day, included.
    pub end: NaiveDate,
}

impl Query for BasisComparisonOf {
    type Answer = BasisComparison;

    fn ask(self, ward: &Ward) -> Result<Self::Answer, Error> {
        ward.basis_comparison(&self.fund, self.start, self.end)
    }
}

/// The fund's ledger as an hledger journal, in the configured currency (`CNY` by
/// default): `hledger -f - balance` agrees with `balances` to the fen.
#[derive(Clone, Debug, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct ExportHledger {
    /// The fund.
    pub fund: String,
}

impl Query for ExportHledger {
    type Answer = String;

    fn ask(self, ward: &Ward) -> Result<Self::Answer, Error> {
        let currency = &ward.config().fund.currency;
        Ok(to_hledger(&ward.fund(&self.fund)?.ledger, currency))
    }
}

/// The fund's ledger as a Beancount file, in the configured currency.
#[derive(Clone, Debug, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct ExportBeancount {
    /// The fund.
    pub fund: String,
}

impl Query for ExportBeancount {
    type Answer = String;

    fn ask(self, ward: &Ward) -> Result<Self::Answer, Error> {
        let currency = &ward.config().fund.currency;
        Ok(to_beancount(&ward.fund(&self.fund)?.ledger, currency)?)
    }
}

/// Checks a published statement against a journal's text without trusting either: the
/// chain must be intact, its entry at the statement's length must carry the statement's
/// head, and the statement recomputed from the journal up to there must equal the one
/// given.
#[derive(Clone, Debug, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct VerifyStatement {
    /// The journal's text, one entry per line.
    pub journal: String,
    /// The statement as published.
    pub statement: Statement,
    /// The configuration the ward ran under; the default when absent.
    #[serde(default)]
    pub config: Option<WardConfig>,
}

impl Function for VerifyStatement {
    type Answer = StatementCheck;

    fn call(self) -> Result<Self::Answer, Error> {
        let config = self.config.unwrap_or_default();
        Ward::verify_statement(config, &self.journal, &self.statement)
    }
}

#[cfg(test)]
#[path = "fund_tests.rs"]
pub(crate) mod tests;

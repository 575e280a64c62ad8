//! Errors of the fund capability.

use super::ledger::LedgerError;
use crate::error::ErrorKind;
use crate::money::{Amount, MoneyError};

/// Why a fund command or event was refused.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum FundError {
    /// The ledger refused a transaction or an account.
    #[error(transparent)]
    Ledger(#[from] LedgerError),
    /// An amount is not exact to the fen or out of range.
    #[error(transparent)]
    Money(#[from] MoneyError),
    /// No fund has this id.
    #[error("no fund with id {0:?}")]
    UnknownFund(String),
    /// A fund with this id exists already.
    #[error("a fund with id {0:?} exists already")]
    FundExists(String),
    /// A text field is empty, too long or holds control characters.
    #[error("bad {what} {value:?}: {why}")]
    BadText {
        /// Which field.
        what: &'static str,
        /// The value given.
        value: String,
        /// Why not.
        why: &'static str,
    },
    /// A figure is out of its allowed range.
    #[error("bad {what} {value}: {why}")]
    BadFigure {
        /// Which figure.
        what: &'static str,
        /// The value given.
        value: String,
        /// Why not.
        why: &'static str,
    },
    /// The household is not in the fund's compound.
    #[error("household {household:?} is not in the compound of fund {fund:?}")]
    NotInCompound {
        /// The fund.
        fund: String,
        /// The household.
        household: String,
    },
    /// Fees for the month were billed already.
    #[error("fees for {month} were billed already in fund {fund:?}")]
    BilledAlready {
        /// The fund.
        fund: String,
        /// The month.
        month: String,
    },
    /// The compound holds no household to bill or share with.
    #[error("fund {0:?} has no household in its compound")]
    NoHouseholds(String),
    /// No budget has this id.
    #[error("no budget {budget:?} in fund {fund:?}")]
    UnknownBudget {
        /// The fund.
        fund: String,
        /// The budget.
        budget: String,
    },
    /// A budget, amendment, payment or dividend with this id exists already.
    #[error("{what} {id:?} exists already")]
    Exists {
        /// What kind of thing.
        what: &'static str,
        /// Its id.
        id: String,
    },
    /// Something named does not exist.
    #[error("no {what} {id:?}")]
    Unknown {
        /// What kind of thing.
        what: &'static str,
        /// Its id.
        id: String,
    },
    /// The thing is not in a state that allows the action.
    #[error("{what} {id:?} is {state}; cannot {action}")]
    WrongState {
        /// What kind of thing.
        what: &'static str,
        /// Its id.
        id: String,
        /// Its state.
        state: &'static str,
        /// What was tried.
        action: &'static str,
    },
    /// The budget has no such line.
    #[error("budget {budget:?} has no line {line:?}")]
    UnknownLine {
        /// The budget.
        budget: String,
        /// The line.
        line: String,
    },
    /// A payment would go beyond what remains of its approved line.
    #[error("line {line:?} of budget {budget:?} has {remaining} left; {amount} needs an approved amendment")]
    OverBudget {
        /// The budget.
        budget: String,
        /// The line.
        line: String,
        /// What remains (approved less spent and pending).
        remaining: Amount,
        /// What was asked.
        amount: Amount,
    },
    /// The date is outside the budget's period.
    #[error("{date} is outside budget {budget:?} ({from} to {to})")]
    OutsidePeriod {
        /// The budget.
        budget: String,
        /// The date.
        date: chrono::NaiveDate,
        /// Its first day.
        from: chrono::NaiveDate,
        /// Its last day.
        to: chrono::NaiveDate,
    },
    /// Spending goes through a payment against a budget line, not a free transaction.
    #[error("transaction {id:?} posts to expense account {account:?}; spending goes through request_payment against an approved budget line")]
    SpendingOutsideBudget {
        /// The transaction.
        id: String,
        /// The expense account.
        account: String,
    },
    /// A sum is more than the fund can pay or share.
    #[error("{what}: {amount} asked, {available} available")]
    NotAvailable {
        /// What was asked for.
        what: &'static str,
        /// The amount asked.
        amount: Amount,
        /// What is available.
        available: Amount,
    },
    /// The fund is on the fixed-fee basis (包干制): there is no remuneration to accrue.
    #[error(
        "fund {0:?} is on the fixed-fee basis; remuneration applies to the remuneration basis only"
    )]
    FixedFeeBasis(String),
    /// A period's last day is before its first.
    #[error("the period {from} to {to} ends before it starts")]
    BadPeriod {
        /// Its first day.
        from: chrono::NaiveDate,
        /// Its last day.
        to: chrono::NaiveDate,
    },
}

impl FundError {
    /// A stable snake_case code.
    pub fn code(&self) -> &'static str {
        match self {
            FundError::Ledger(e) => e.code(),
            FundError::Money(MoneyError::Overflow) => "amount_overflow",
            FundError::Money(_) => "bad_amount",
            FundError::UnknownFund(_) => "unknown_fund",
            FundError::FundExists(_) => "fund_exists",
            FundError::BadText { .. } => "bad_text",
            FundError::BadFigure { .. } => "bad_figure",
            FundError::NotInCompound { .. } => "not_in_compound",
            FundError::BilledAlready { .. } => "billed_already",
            FundError::NoHouseholds(_) => "no_households",
            FundError::UnknownBudget { .. } => "unknown_budget",
            FundError::Exists { .. } => "exists",
            FundError::Unknown { .. } => "not_found",
            FundError::WrongState { .. } => "wrong_state",
            FundError::UnknownLine { .. } => "unknown_line",
            FundError::OverBudget { .. } => "over_budget",
            FundError::OutsidePeriod { .. } => "outside_period",
            FundError::SpendingOutsideBudget { .. } => "spending_outside_budget",
            FundError::NotAvailable { .. } => "not_available",
            FundError::FixedFeeBasis(_) => "fixed_fee_basis",
            FundError::BadPeriod { .. } => "bad_period",
        }
    }

    /// The broad kind.
    pub fn kind(&self) -> ErrorKind {
        match self {
            FundError::Ledger(e) if e.is_not_found() => ErrorKind::NotFound,
            FundError::Ledger(e) if e.is_conflict() => ErrorKind::Conflict,
            FundError::UnknownFund(_)
            | FundError::UnknownBudget { .. }
            | FundError::Unknown { .. }
            | FundError::UnknownLine { .. } => ErrorKind::NotFound,
            FundError::FundExists(_)
            | FundError::Exists { .. }
            | FundError::BilledAlready { .. }
            | FundError::WrongState { .. }
            | FundError::OverBudget { .. }
            | FundError::NotAvailable { .. }
            | FundError::FixedFeeBasis(_) => ErrorKind::Conflict,
            _ => ErrorKind::Invalid,
        }
    }
}

//! Errors of the fund capability.

use super::ledger::LedgerError;
use super::model::IncomeSource;
use crate::error::kind::error_codes;
use crate::money::{Amount, MoneyError};
use crate::text::TextError;

/// Why a fund command or event was refused.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
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
    /// An id, a name or another text breaks its rule.
    #[error(transparent)]
    Text(#[from] TextError),
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
    /// No fee standard approved by the owners is in force for the month.
    #[error("no fee standard approved by the owners' assembly is in force in fund {fund:?} for {month}; the owners approve one in a budget or by an approve_fee motion")]
    NoFeeStandard {
        /// The fund.
        fund: String,
        /// The month.
        month: String,
    },
    /// No resolution of the owners allows this business use of common parts today.
    #[error("no resolution of the owners' assembly allowing {} use of common parts is in force in fund {fund:?}; it is a special matter (Civil Code Art. 278: 3/4 of the participating area and owners)", .income.as_str())]
    BusinessUseNotAllowed {
        /// The fund.
        fund: String,
        /// The source of the income refused.
        income: IncomeSource,
    },
    /// A period's last day is before its first.
    #[error("the period {from} to {to} ends before it starts")]
    BadPeriod {
        /// Its first day.
        from: chrono::NaiveDate,
        /// Its last day.
        to: chrono::NaiveDate,
    },
    /// A replayed event is not what the fund's rules record from the state it meets, for
    /// its entry's actor at its entry's time.
    #[error("{event} {id:?} is not what the fund's rules record from this state for this actor and day: {field} differs")]
    NotRecorded {
        /// The event's type.
        event: &'static str,
        /// The id of what it records (payment, budget, transaction, account…).
        id: String,
        /// The first field that differs (`type` when the rules record no such event).
        field: String,
    },
}

error_codes! {
    FundError {
        Ledger(inner) => delegate LedgerError,
        Money(inner) => delegate MoneyError,
        UnknownFund(..) => ("unknown_fund", NotFound),
        FundExists(..) => ("fund_exists", Conflict),
        Text(inner) => delegate TextError,
        BadFigure { .. } => ("bad_figure", Invalid),
        NotInCompound { .. } => ("not_in_compound", Invalid),
        BilledAlready { .. } => ("billed_already", Conflict),
        NoHouseholds(..) => ("no_households", Invalid),
        UnknownBudget { .. } => ("unknown_budget", NotFound),
        Exists { .. } => ("exists", Conflict),
        Unknown { .. } => ("not_found", NotFound),
        WrongState { .. } => ("wrong_state", Conflict),
        UnknownLine { .. } => ("unknown_line", NotFound),
        OverBudget { .. } => ("over_budget", Conflict),
        OutsidePeriod { .. } => ("outside_period", Invalid),
        SpendingOutsideBudget { .. } => ("spending_outside_budget", Invalid),
        NotAvailable { .. } => ("not_available", Conflict),
        FixedFeeBasis(..) => ("fixed_fee_basis", Conflict),
        BadPeriod { .. } => ("bad_period", Invalid),
        NoFeeStandard { .. } => ("no_fee_standard", Conflict),
        BusinessUseNotAllowed { .. } => ("business_use_not_allowed", Conflict),
        NotRecorded { .. } => ("not_recorded", Invalid),
    }
}

//! Events of the fund capability: what happened, applied to state by code that cannot fail.

use chrono::NaiveDate;
use serde::Serialize;

use super::ledger::{Account, Transaction};
use super::model::{Accrual, Amendment, Billing, Budget, IncomeSource, Payment, SharingKey, Terms};
use super::model::{BusinessUse, FeeStandard};
use crate::grid::NodeCode;
use crate::money::decimal_text;
use crate::money::Amount;

/// Why a transaction was posted; it keeps the fund's records beside the ledger.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, gridward_derive::TaggedDeserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(tag = "for", rename_all = "snake_case")]
#[non_exhaustive]
pub enum Purpose {
    /// Posted by hand.
    Entry,
    /// A month's fee billed to a household.
    Fee {
        /// The month.
        month: String,
        /// The household.
        household: String,
    },
    /// A household paid fees.
    FeePayment {
        /// The household.
        household: String,
    },
    /// Common income.
    Income {
        /// Its source.
        source: IncomeSource,
    },
    /// A payment against a budget line.
    Spending {
        /// The payment.
        payment: String,
    },
    /// The manager's remuneration accrued.
    Remuneration,
    /// Remuneration paid to the manager.
    RemunerationPaid,
    /// A dividend's shares owed to households.
    Dividend {
        /// The dividend.
        dividend: String,
    },
    /// A dividend paid out.
    DividendPaid {
        /// The dividend.
        dividend: String,
    },
    /// A correction of an earlier transaction.
    Reversal {
        /// Why.
        reason: String,
    },
}

/// Something that happened to a fund.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, gridward_derive::TaggedDeserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(tag = "type", rename_all = "snake_case")]
#[non_exhaustive]
pub enum FundEvent {
    /// A fund was opened.
    FundOpened {
        /// The fund.
        fund: String,
        /// Its name.
        name: String,
        /// Its compound's unit.
        unit: NodeCode,
        /// The day.
        date: NaiveDate,
        /// Its terms.
        terms: Terms,
    },
    /// An account was opened.
    AccountOpened {
        /// The fund.
        fund: String,
        /// The account.
        account: Account,
    },
    /// A transaction was posted.
    Posted {
        /// The fund.
        fund: String,
        /// The transaction.
        transaction: Transaction,
        /// Why.
        purpose: Purpose,
    },
    /// A month's fees were billed (the transactions follow, one per household).
    FeesBilled {
        /// The fund.
        fund: String,
        /// The billing.
        billing: Billing,
    },
    /// A budget was proposed.
    BudgetProposed {
        /// The fund.
        fund: String,
        /// The budget, as proposed.
        budget: Budget,
    },
    /// An amendment was proposed.
    AmendmentProposed {
        /// The fund.
        fund: String,
        /// The budget.
        budget: String,
        /// The amendment.
        amendment: Amendment,
    },
    /// The assembly decided a budget.
    BudgetDecided {
        /// The fund.
        fund: String,
        /// The budget.
        budget: String,
        /// The motion.
        motion: String,
        /// Approved or not.
        approved: bool,
    },
    /// The assembly decided an amendment.
    AmendmentDecided {
        /// The fund.
        fund: String,
        /// The budget.
        budget: String,
        /// The amendment.
        amendment: String,
        /// The motion.
        motion: String,
        /// Approved or not.
        approved: bool,
    },
    /// A payment above the threshold awaits the supervisor.
    PaymentRequested {
        /// The fund.
        fund: String,
        /// The payment.
        payment: Payment,
    },
    /// A payment was recorded as approved and posted (its transaction follows).
    PaymentMade {
        /// The fund.
        fund: String,
        /// The payment, as posted.
        payment: Payment,
    },
    /// The supervisor refused a payment.
    PaymentRejected {
        /// The fund.
        fund: String,
        /// The payment.
        payment: String,
        /// Who refused.
        by: String,
        /// Why.
        reason: String,
    },
    /// Remuneration was computed (its transaction follows).
    RemunerationAccrued {
        /// The fund.
        fund: String,
        /// The accrual.
        accrual: Accrual,
    },
    /// A dividend was proposed.
    DividendProposed {
        /// The fund.
        fund: String,
        /// The dividend.
        dividend: String,
        /// The total.
        amount: Amount,
        /// How it is shared.
        key: SharingKey,
    },
    /// The assembly decided a dividend; when approved its shares are fixed here and
    /// their transaction follows.
    DividendDecided {
        /// The fund.
        fund: String,
        /// The dividend.
        dividend: String,
        /// The motion.
        motion: String,
        /// Approved or not.
        approved: bool,
        /// The shares by household (empty when not approved).
        shares: Vec<(String, Amount)>,
        /// For a rate per m²: what rounding left in the fund.
        #[serde(default)]
        #[serde(
            serialize_with = "decimal_text::write",
            deserialize_with = "decimal_text::read"
        )]
        residue: rust_decimal::Decimal,
    },
    /// The assembly decided whether common income counts in the remuneration base.
    CommonIncomeInBaseDecided {
        /// The fund.
        fund: String,
        /// The motion.
        motion: String,
        /// The new setting.
        include: bool,
    },
    /// A fee standard was proposed (with the fund, in a budget, or on its own).
    FeeProposed {
        /// The fund.
        fund: String,
        /// The standard, as proposed.
        standard: FeeStandard,
    },
    /// The assembly decided a fee standard; approved, it is billable from its first month.
    FeeDecided {
        /// The fund.
        fund: String,
        /// The standard.
        standard: String,
        /// The motion.
        motion: String,
        /// Approved or not.
        approved: bool,
    },
    /// The assembly allowed business use of common parts (a special matter).
    BusinessUseAllowed {
        /// The fund.
        fund: String,
        /// The resolution.
        resolution: BusinessUse,
    },
}

impl FundEvent {
    /// The event's type, as named in JSON.
    pub(crate) fn kind(&self) -> &'static str {
        match self {
            FundEvent::FundOpened { .. } => "fund_opened",
            FundEvent::AccountOpened { .. } => "account_opened",
            FundEvent::Posted { .. } => "posted",
            FundEvent::FeesBilled { .. } => "fees_billed",
            FundEvent::BudgetProposed { .. } => "budget_proposed",
            FundEvent::AmendmentProposed { .. } => "amendment_proposed",
            FundEvent::BudgetDecided { .. } => "budget_decided",
            FundEvent::AmendmentDecided { .. } => "amendment_decided",
            FundEvent::PaymentRequested { .. } => "payment_requested",
            FundEvent::PaymentMade { .. } => "payment_made",
            FundEvent::PaymentRejected { .. } => "payment_rejected",
            FundEvent::RemunerationAccrued { .. } => "remuneration_accrued",
            FundEvent::DividendProposed { .. } => "dividend_proposed",
            FundEvent::DividendDecided { .. } => "dividend_decided",
            FundEvent::CommonIncomeInBaseDecided { .. } => "common_income_in_base_decided",
            FundEvent::FeeProposed { .. } => "fee_proposed",
            FundEvent::FeeDecided { .. } => "fee_decided",
            FundEvent::BusinessUseAllowed { .. } => "business_use_allowed",
        }
    }

    /// The id of what the event records: the fund opened, the account, the transaction,
    /// the month billed, the budget, amendment, payment, accrual, dividend or standard,
    /// or the motion that decided a setting.
    pub(crate) fn id(&self) -> &str {
        match self {
            FundEvent::FundOpened { fund, .. } => fund,
            FundEvent::AccountOpened { account, .. } => &account.name,
            FundEvent::Posted { transaction, .. } => &transaction.id,
            FundEvent::FeesBilled { billing, .. } => &billing.month,
            FundEvent::BudgetProposed { budget, .. } => &budget.id,
            FundEvent::AmendmentProposed { amendment, .. } => &amendment.id,
            FundEvent::BudgetDecided { budget, .. } => budget,
            FundEvent::AmendmentDecided { amendment, .. } => amendment,
            FundEvent::PaymentRequested { payment, .. }
            | FundEvent::PaymentMade { payment, .. } => &payment.id,
            FundEvent::PaymentRejected { payment, .. } => payment,
            FundEvent::RemunerationAccrued { accrual, .. } => &accrual.id,
            FundEvent::DividendProposed { dividend, .. }
            | FundEvent::DividendDecided { dividend, .. } => dividend,
            FundEvent::CommonIncomeInBaseDecided { motion, .. } => motion,
            FundEvent::FeeProposed { standard, .. } => &standard.id,
            FundEvent::FeeDecided { standard, .. } => standard,
            FundEvent::BusinessUseAllowed { resolution, .. } => &resolution.motion,
        }
    }

    /// The fund the event belongs to.
    pub fn fund(&self) -> &str {
        match self {
            FundEvent::FundOpened { fund, .. }
            | FundEvent::AccountOpened { fund, .. }
            | FundEvent::Posted { fund, .. }
            | FundEvent::FeesBilled { fund, .. }
            | FundEvent::BudgetProposed { fund, .. }
            | FundEvent::AmendmentProposed { fund, .. }
            | FundEvent::BudgetDecided { fund, .. }
            | FundEvent::AmendmentDecided { fund, .. }
            | FundEvent::PaymentRequested { fund, .. }
            | FundEvent::PaymentMade { fund, .. }
            | FundEvent::PaymentRejected { fund, .. }
            | FundEvent::RemunerationAccrued { fund, .. }
            | FundEvent::DividendProposed { fund, .. }
            | FundEvent::DividendDecided { fund, .. }
            | FundEvent::CommonIncomeInBaseDecided { fund, .. }
            | FundEvent::FeeProposed { fund, .. }
            | FundEvent::FeeDecided { fund, .. }
            | FundEvent::BusinessUseAllowed { fund, .. } => fund,
        }
    }
}

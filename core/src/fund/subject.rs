//! The fund's matters that only the owners decide: a budget, an amendment to it, a
//! dividend, whether common income counts in the manager's remuneration base, a fee
//! standard, and business use of common parts. The
//! owners' assembly puts one to the vote as a motion's subject; when the motion closes,
//! the decision takes effect on the fund.

use chrono::NaiveDate;
use serde::Serialize;

use super::model::IncomeSource;

/// A fund matter put to the owners' vote. Every one is an ordinary matter (Civil Code
/// Art. 278's "other matters") except business use of common parts, a special one.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, gridward_derive::TaggedDeserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum FundSubject {
    /// Approve a fund's proposed budget.
    ApproveBudget {
        /// The fund.
        fund: String,
        /// The budget.
        budget: String,
    },
    /// Approve an amendment to a fund's budget.
    AmendBudget {
        /// The fund.
        fund: String,
        /// The budget.
        budget: String,
        /// The amendment.
        amendment: String,
    },
    /// Approve a dividend of surplus common income.
    Dividend {
        /// The fund.
        fund: String,
        /// The dividend.
        dividend: String,
    },
    /// Count common income in the manager's remuneration base (or stop counting it).
    CommonIncomeInBase {
        /// The fund.
        fund: String,
        /// Count it or not.
        include: bool,
    },
    /// Approve a fee standard proposed with the fund or on its own (one proposed in a
    /// budget is decided with the budget).
    ApproveFee {
        /// The fund.
        fund: String,
        /// The standard.
        standard: String,
    },
    /// Allow business use of common parts (Civil Code Art. 278 (8), a special matter:
    /// ¾ of the participating area and ¾ of the participating owners); the income of the
    /// uses named may be recorded from the day it passes until `until`, if given.
    AllowBusinessUse {
        /// The fund.
        fund: String,
        /// The uses allowed (advertising, parking, other).
        uses: Vec<IncomeSource>,
        /// The last day allowed; none for no end.
        #[serde(default)]
        until: Option<NaiveDate>,
    },
}

impl FundSubject {
    /// The fund the matter belongs to.
    pub fn fund(&self) -> &str {
        match self {
            FundSubject::ApproveBudget { fund, .. }
            | FundSubject::AmendBudget { fund, .. }
            | FundSubject::Dividend { fund, .. }
            | FundSubject::CommonIncomeInBase { fund, .. }
            | FundSubject::ApproveFee { fund, .. }
            | FundSubject::AllowBusinessUse { fund, .. } => fund,
        }
    }
}

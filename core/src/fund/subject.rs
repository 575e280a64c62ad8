//! The fund's matters that only the owners decide: a budget, an amendment to it, a
//! dividend, and whether common income counts in the manager's remuneration base. The
//! owners' assembly puts one to the vote as a motion's subject; when the motion closes,
//! the decision takes effect on the fund.

use serde::{Deserialize, Serialize};

/// A fund matter put to the owners' vote. Every one is an ordinary matter (Civil Code
/// Art. 278's "other matters").
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
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
}

impl FundSubject {
    /// The fund the matter belongs to.
    pub fn fund(&self) -> &str {
        match self {
            FundSubject::ApproveBudget { fund, .. }
            | FundSubject::AmendBudget { fund, .. }
            | FundSubject::Dividend { fund, .. }
            | FundSubject::CommonIncomeInBase { fund, .. } => fund,
        }
    }
}

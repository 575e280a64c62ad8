//! What only the owners decide about money coming in: the fee standard (收费标准), which
//! takes effect when the owners' assembly approves it (in the open budget or in a motion
//! of its own), and the business use of common parts (advertising, parking contracts),
//! whose income may be recorded only while a resolution allowing it is in force.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::decide::{parse_month, Desk};
use super::event::FundEvent;
use super::model::{Approval, FeeRate, Fund, IncomeSource};
use super::FundError;
use crate::error::Error;
use crate::text::check;
use crate::text::TextKind::Key;

/// The id of the fee standard proposed when a fund is opened.
pub const OPENING_STANDARD: &str = "opening";

/// A fee standard (收费标准): the monthly fee, proposed by the fund's keepers and billable
/// only once the owners' assembly approves it, from its first month on. A later approved
/// standard replaces the earlier ones from its own first month; months already billed
/// keep their bills, each of which names the standard it used.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct FeeStandard {
    /// The standard's id: `opening` for the one proposed with the fund, the budget's id
    /// for one proposed in a budget.
    pub id: String,
    /// The monthly fee.
    pub fee: FeeRate,
    /// The first month it applies to, `YYYY-MM`.
    pub from: String,
    /// The budget that carries it, if it was proposed in a budget.
    #[serde(default)]
    pub budget: Option<String>,
    /// Where it stands.
    pub approval: Approval,
    /// The motion that decided it.
    #[serde(default)]
    pub motion: Option<String>,
}

/// A resolution of the owners' assembly allowing business use of common parts (Civil
/// Code Art. 278 (8), a special matter): the income it allows may be recorded from the
/// day it passed until its last day, if it has one.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct BusinessUse {
    /// The motion that passed it.
    pub motion: String,
    /// The uses it allows.
    pub uses: Vec<IncomeSource>,
    /// The day it passed.
    pub from: NaiveDate,
    /// Its last day; none for no end.
    #[serde(default)]
    pub until: Option<NaiveDate>,
}

impl BusinessUse {
    /// Whether it allows income from `source` on `date`.
    pub fn allows(&self, source: IncomeSource, date: NaiveDate) -> bool {
        self.uses.contains(&source) && self.from <= date && self.until.is_none_or(|u| date <= u)
    }
}

impl Fund {
    /// The approved fee standard in force for a month (`YYYY-MM`): of the approved
    /// standards whose first month is not after it, the one approved last.
    pub fn fee_standard(&self, month: &str) -> Option<&FeeStandard> {
        self.fee_history
            .iter()
            .rev()
            .filter_map(|id| self.fee_standards.iter().find(|s| &s.id == id))
            .find(|s| s.from.as_str() <= month)
    }

    /// Whether a resolution in force allows income from `source` on `date`.
    pub fn business_use_allowed(&self, source: IncomeSource, date: NaiveDate) -> bool {
        self.business_uses.iter().any(|b| b.allows(source, date))
    }
}

impl Desk<'_> {
    /// The events proposing a fee standard, after checking it.
    pub(super) fn propose_fee(
        &self,
        f: &Fund,
        id: String,
        fee: FeeRate,
        from: String,
        budget: Option<String>,
    ) -> Result<Vec<FundEvent>, Error> {
        check(Key, "fee standard id", &id).map_err(FundError::Text)?;
        parse_month(&from)?;
        check_fee(&fee)?;
        if f.fee_standards.iter().any(|s| s.id == id) {
            return Err(FundError::Exists {
                what: "fee standard",
                id,
            }
            .into());
        }
        Ok(vec![FundEvent::FeeProposed {
            fund: f.id.clone(),
            standard: FeeStandard {
                id,
                fee,
                from,
                budget,
                approval: Approval::Proposed,
                motion: None,
            },
        }])
    }
}

/// Checks a fee is positive (a rate with at most 4 decimals).
pub(crate) fn check_fee(fee: &FeeRate) -> Result<(), Error> {
    let bad = |what, value: String, why| FundError::BadFigure { what, value, why }.into();
    match fee {
        FeeRate::Area { rate } if rate.is_sign_negative() || rate.is_zero() || rate.scale() > 4 => {
            Err(bad(
                "fee rate",
                rate.to_string(),
                "it must be positive, with at most 4 decimals",
            ))
        }
        FeeRate::Household { amount } if !amount.is_positive() => {
            Err(bad("fee", amount.to_string(), "it must be positive"))
        }
        _ => Ok(()),
    }
}

#[cfg(test)]
#[path = "standard_tests.rs"]
mod tests;

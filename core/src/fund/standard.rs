//! What only the owners decide about money coming in: the fee standard (收费标准), which
//! takes effect when the owners' assembly approves it (in the open budget or in a motion
//! of its own), and the business use of common parts (advertising, parking contracts),
//! whose income may be recorded only while a resolution allowing it is in force.

use chrono::NaiveDate;

use super::decide::{parse_month, Desk};
use super::event::FundEvent;
use super::fee::check_fee;
use super::model::{Approval, FeeRate, FeeStandard, Fund, IncomeSource};
use super::FundError;
use crate::error::Error;
use crate::text::check;
use crate::text::TextKind::Key;

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

#[cfg(test)]
#[path = "standard_tests.rs"]
mod tests;

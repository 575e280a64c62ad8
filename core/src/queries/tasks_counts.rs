//! The counts behind the case-handling indicators, as queries, and the pure functions that
//! merge counts from several wards and compute the rates of merged counts.

use chrono::{DateTime, FixedOffset};
use serde::Deserialize;

use super::period::period;
use crate::error::Error;
use crate::grid::{Level, NodeCode};
use crate::queries::typed::{Function, Query};
use crate::tasks::{self, merge_counts, IndicatorCounts};
use crate::ward::Ward;

/// The counts behind a unit's indicators (the whole ward's when absent) over a period:
/// whole numbers that merge exactly across wards holding different requests, so that
/// rates are computed after merging (`indicators_from_counts`).
#[derive(Clone, Debug, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Counts {
    /// The subtree's root; the whole ward when absent.
    #[serde(default)]
    pub scope: Option<NodeCode>,
    /// The first moment of the period.
    pub start: DateTime<FixedOffset>,
    /// The first moment after the period.
    pub end: DateTime<FixedOffset>,
}

impl Query for Counts {
    type Answer = IndicatorCounts;

    fn ask(self, ward: &Ward) -> Result<Self::Answer, Error> {
        ward.indicator_counts(self.scope, &period(self.start, self.end)?)
    }
}

/// The counts behind the indicators of every unit of a level over a period, in code
/// order; units without requests have rows of zeros.
#[derive(Clone, Debug, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct CountsBy {
    /// The level of the units.
    pub level: Level,
    /// The first moment of the period.
    pub start: DateTime<FixedOffset>,
    /// The first moment after the period.
    pub end: DateTime<FixedOffset>,
}

impl Query for CountsBy {
    type Answer = Vec<IndicatorCounts>;

    fn ask(self, ward: &Ward) -> Result<Self::Answer, Error> {
        Ok(ward.indicator_counts_by(self.level, &period(self.start, self.end)?))
    }
}

/// Merges counts from several parts (wards of different districts, say) unit by unit:
/// one row per unit, the whole (no unit) first, then in code order.
#[derive(Clone, Debug, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct MergeIndicatorCounts {
    /// The parts' counts, in any order.
    pub parts: Vec<IndicatorCounts>,
}

impl Function for MergeIndicatorCounts {
    type Answer = Vec<IndicatorCounts>;

    fn call(self) -> Result<Self::Answer, Error> {
        Ok(merge_counts(&self.parts))
    }
}

/// The indicators of counts: the counts, and every rate computed from them (in percent
/// with two decimals, none when nothing is there to divide by), as one ward holding
/// every part would give them, but without a street's whistle band.
#[derive(Clone, Debug, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct IndicatorsFromCounts {
    /// The counts, merged or not.
    pub counts: IndicatorCounts,
}

impl Function for IndicatorsFromCounts {
    type Answer = tasks::Indicators;

    fn call(self) -> Result<Self::Answer, Error> {
        Ok(self.counts.indicators())
    }
}

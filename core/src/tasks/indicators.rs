//! Case-handling indicators (结案率, 按期结案率 …) for any unit and period.
//!
//! The requests counted are those filed in the period under the unit, those cancelled or
//! marked duplicate by the period's end aside. Each is counted as it stood at the
//! period's end, from its history up to then (see `history`): what happened later — a
//! reopening, a new close, a rating, parking, an extension, a department called in —
//! does not move a past period's figures, which are the same whenever they are asked for.
//! - *due* (应结案): closed at the end, plus those still open past the resolution limit in
//!   force at the end;
//! - closure rate = closed / due; on-time closure rate = closed within the limit / due,
//!   where a request once closed late stays late (see [`Request::closed_on_time`]);
//! - rework rate = requests reopened at least once / requests closed at least once, both
//!   by the end. Every reopened request was closed before, so each one counted above the
//!   line is counted below it too, whether it is closed again by the end or still open;
//! - extension rate = requests given their extension / due;
//! - response rate = first actions (a start, a claim, a report of work done) within the
//!   response limit / requests whose response was made or has fallen due;
//! - satisfaction rate = the top three levels / rated (unrated aside), each request by
//!   its latest rating before the end;
//! - whistle rate = requests on which departments were called in / requests counted. It
//!   is watched both ways: a street's indicators carry the band the configuration holds
//!   the street to ([`WhistleBands`]) and a flag when the rate lies below or above it.
//!
//! Rates are percentages with two decimals, rounded half away from zero; a rate whose
//! denominator is zero is absent.

use chrono::{DateTime, FixedOffset};
use rust_decimal::{Decimal, RoundingStrategy};
use serde::{Deserialize, Serialize};

use super::whistle_band::{WhistleBand, WhistleBands, WhistleFlag};
use crate::grid::{Level, NodeCode};
use crate::money::decimal_text;

/// A period: from (inclusive) to (exclusive).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Period {
    /// The first moment in it.
    pub from: DateTime<FixedOffset>,
    /// The first moment after it.
    pub to: DateTime<FixedOffset>,
}

impl Period {
    /// Whether `t` falls in the period.
    pub fn contains(&self, t: DateTime<FixedOffset>) -> bool {
        self.from <= t && t < self.to
    }
}

/// The indicators of a unit (or the whole ward) over a period.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Indicators {
    /// The unit, or `None` for the whole ward.
    pub unit: Option<NodeCode>,
    /// Requests filed in the period (all of them).
    pub filed: u64,
    /// Cancelled or marked duplicate by the end.
    pub withdrawn: u64,
    /// Due to close (应结案).
    pub due: u64,
    /// Closed by the period's end.
    pub closed: u64,
    /// Closed within the resolution limit.
    pub closed_on_time: u64,
    /// Still open at the end.
    pub open: u64,
    /// Open at the end and past the resolution limit.
    pub overdue: u64,
    /// Closed at least once by the end, reopened since or not: the rework rate's
    /// denominator.
    pub closed_once: u64,
    /// Reopened at least once.
    pub reopened: u64,
    /// Given their one extension.
    pub extended: u64,
    /// Whose first action was due or made by the end.
    pub response_due: u64,
    /// Whose first action came within the response limit.
    pub responded_on_time: u64,
    /// Rated.
    pub rated: u64,
    /// Rated in the top three levels.
    pub satisfied: u64,
    /// On which departments were called in.
    pub whistled: u64,
    /// Put under supervision.
    pub supervised: u64,
    /// Parked (挂账) and still open.
    pub parked: u64,
    /// 结案率, %.
    #[serde(default)]
    #[serde(
        serialize_with = "decimal_text::write",
        deserialize_with = "decimal_text::read"
    )]
    #[cfg_attr(feature = "schema", schemars(!default))]
    pub closure_rate: Option<Decimal>,
    /// 按期结案率, %.
    #[serde(default)]
    #[serde(
        serialize_with = "decimal_text::write",
        deserialize_with = "decimal_text::read"
    )]
    #[cfg_attr(feature = "schema", schemars(!default))]
    pub on_time_rate: Option<Decimal>,
    /// Rework rate, %.
    #[serde(default)]
    #[serde(
        serialize_with = "decimal_text::write",
        deserialize_with = "decimal_text::read"
    )]
    #[cfg_attr(feature = "schema", schemars(!default))]
    pub rework_rate: Option<Decimal>,
    /// Extension rate, %.
    #[serde(default)]
    #[serde(
        serialize_with = "decimal_text::write",
        deserialize_with = "decimal_text::read"
    )]
    #[cfg_attr(feature = "schema", schemars(!default))]
    pub extension_rate: Option<Decimal>,
    /// Response rate, %.
    #[serde(default)]
    #[serde(
        serialize_with = "decimal_text::write",
        deserialize_with = "decimal_text::read"
    )]
    #[cfg_attr(feature = "schema", schemars(!default))]
    pub response_rate: Option<Decimal>,
    /// Satisfaction rate, %.
    #[serde(default)]
    #[serde(
        serialize_with = "decimal_text::write",
        deserialize_with = "decimal_text::read"
    )]
    #[cfg_attr(feature = "schema", schemars(!default))]
    pub satisfaction_rate: Option<Decimal>,
    /// Whistle rate (吹哨率), %.
    #[serde(default)]
    #[serde(
        serialize_with = "decimal_text::write",
        deserialize_with = "decimal_text::read"
    )]
    #[cfg_attr(feature = "schema", schemars(!default))]
    pub whistle_rate: Option<Decimal>,
    /// For a street: the band its whistle rate is watched against (its own, or the
    /// default). Absent for other units and the whole ward.
    pub whistle_band: Option<WhistleBand>,
    /// For a street: whether its whistle rate lies below or above its band. Absent inside
    /// the band, without a rate, and for other units.
    pub whistle_flag: Option<WhistleFlag>,
}

/// `part / whole` as a percentage with two decimals, rounded half away from zero; `None`
/// when `whole` is zero.
pub fn percent(part: u64, whole: u64) -> Option<Decimal> {
    if whole == 0 {
        return None;
    }
    let value = Decimal::from(part) * Decimal::ONE_HUNDRED / Decimal::from(whole);
    let mut rounded = value.round_dp_with_strategy(2, RoundingStrategy::MidpointAwayFromZero);
    rounded.rescale(2);
    Some(rounded)
}

impl Indicators {
    /// For a street, its whistle band and whether its rate lies outside it.
    pub(crate) fn watched(mut self, bands: &WhistleBands) -> Indicators {
        if let Some(street) = self.unit.filter(|u| u.level() == Level::Street) {
            let band = bands.band_of(street);
            self.whistle_band = Some(band);
            self.whistle_flag = self.whistle_rate.and_then(|rate| band.flag(rate));
        }
        self
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tianmen_vector() {
        // 911 closed and 737 on time of 972 due → 93.72% and 75.82% (天门).
        assert_eq!(percent(911, 972), Some(Decimal::new(9372, 2)));
        assert_eq!(percent(737, 972), Some(Decimal::new(7582, 2)));
        assert_eq!(percent(1, 0), None);
        // Half away from zero: 1/8 = 12.5% exactly; 1/16 = 6.25%; 1/32 = 3.125% → 3.13.
        assert_eq!(percent(1, 32), Some(Decimal::new(313, 2)));
    }

    #[test]
    fn satisfaction_vector() {
        // 70 / 20 / 10 of three levels → 90% when the third is dissatisfied.
        assert_eq!(percent(70 + 20, 100), Some(Decimal::new(9000, 2)));
    }
}

//! Case-handling indicators (结案率, 按期结案率 …) for any unit and period.
//!
//! The requests counted are those filed in the period under the unit, cancelled ones and
//! duplicates aside, seen as they stood at the period's end:
//! - *due* (应结案): closed by the end, plus those still open past their resolution limit;
//! - closure rate = closed / due; on-time closure rate = closed within the limit / due,
//!   where a request once closed late stays late (see [`Request::closed_on_time`]);
//! - rework rate = requests reopened at least once / closed;
//! - extension rate = requests given their extension / due;
//! - response rate = first actions (a start, a claim, a report of work done) within the
//!   response limit / requests whose response was made or has fallen due;
//! - satisfaction rate = the top three levels / rated (unrated aside);
//! - whistle rate = requests on which departments were called in / requests counted.
//!
//! Rates are percentages with two decimals, rounded half away from zero; a rate whose
//! denominator is zero is absent.

use chrono::{DateTime, FixedOffset};
use hashbrown::HashMap;
use rust_decimal::{Decimal, RoundingStrategy};
use serde::{Deserialize, Serialize};

use super::model::{Request, Status};
use super::Tasks;
use crate::grid::{Grid, Level, NodeCode};
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
    /// Cancelled or marked duplicate.
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
    pub(crate) fn add(&mut self, r: &Request, period: &Period) {
        if !period.contains(r.filed_at) {
            return;
        }
        self.filed += 1;
        if matches!(r.status, Status::Cancelled | Status::Duplicate) {
            self.withdrawn += 1;
            return;
        }
        let end = period.to;
        let closed = r.status == Status::Closed && r.closed_at.is_some_and(|c| c < end);
        let deadlines = r.deadlines;
        if closed {
            self.closed += 1;
            self.due += 1;
            if r.closed_on_time() {
                self.closed_on_time += 1;
            }
        } else {
            self.open += 1;
            if deadlines.is_some_and(|d| d.resolution < end) {
                self.overdue += 1;
                self.due += 1;
            }
            if r.parked {
                self.parked += 1;
            }
        }
        if let Some(d) = deadlines {
            match r.responded_at {
                Some(t) if t < end => {
                    self.response_due += 1;
                    if t <= d.response {
                        self.responded_on_time += 1;
                    }
                }
                _ if d.response < end => self.response_due += 1,
                _ => {}
            }
        }
        self.reopened += u64::from(r.reopens > 0);
        self.extended += u64::from(r.extended);
        self.whistled += u64::from(!r.whistles.is_empty());
        self.supervised += u64::from(r.supervised);
        if let Some(level) = r.rating {
            self.rated += 1;
            self.satisfied += u64::from(level.is_satisfied());
        }
    }

    pub(crate) fn finish(mut self) -> Indicators {
        let counted = self.filed - self.withdrawn;
        self.closure_rate = percent(self.closed, self.due);
        self.on_time_rate = percent(self.closed_on_time, self.due);
        self.rework_rate = percent(self.reopened, self.closed);
        self.extension_rate = percent(self.extended, self.due);
        self.response_rate = percent(self.responded_on_time, self.response_due);
        self.satisfaction_rate = percent(self.satisfied, self.rated);
        self.whistle_rate = percent(self.whistled, counted);
        self
    }
}

impl Tasks {
    /// The indicators of requests under `scope` (the whole ward when `None`) filed in
    /// `period`.
    pub fn indicators(&self, scope: Option<NodeCode>, period: &Period) -> Indicators {
        let mut out = Indicators {
            unit: scope,
            ..Indicators::default()
        };
        for r in &self.requests {
            if scope.is_none_or_contains(r.unit) {
                out.add(r, period);
            }
        }
        out.finish()
    }

    /// The indicators of every unit of a level (every community, say), by code, in one
    /// pass over the requests. Units without requests have a row of zeros.
    pub fn indicators_by(&self, grid: &Grid, level: Level, period: &Period) -> Vec<Indicators> {
        let mut rows: HashMap<NodeCode, Indicators> = grid
            .units
            .keys()
            .filter(|c| c.level() == level)
            .map(|&c| {
                (
                    c,
                    Indicators {
                        unit: Some(c),
                        ..Indicators::default()
                    },
                )
            })
            .collect();
        for r in &self.requests {
            if let Some(row) = r.unit.at_level(level).and_then(|c| rows.get_mut(&c)) {
                row.add(r, period);
            }
        }
        let mut out: Vec<Indicators> = rows.into_values().map(Indicators::finish).collect();
        out.sort_by_key(|i| i.unit);
        out
    }
}

trait Scope {
    fn is_none_or_contains(&self, unit: NodeCode) -> bool;
}

impl Scope for Option<NodeCode> {
    fn is_none_or_contains(&self, unit: NodeCode) -> bool {
        self.is_none_or(|s| s.contains(unit))
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

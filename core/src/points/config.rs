//! The earning rules as configuration: points per certified hour (1 by default; 昆山
//! gives 10), points per kind of activity, per rated request, caps per person and
//! period, and when earned points expire.

use std::collections::BTreeMap;

use chrono::{Datelike, Days, NaiveDate};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use crate::money::decimal_text;
use crate::scoring::Activity;
use crate::tasks::Satisfaction;

/// When a lot of points expires.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, gridward_derive::TaggedDeserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case", tag = "rule")]
pub enum Expiry {
    /// Never.
    Never,
    /// After this many days: a lot earned on day D may be spent through day D + N − 1.
    Days {
        /// Days of validity (at least 1).
        days: u32,
    },
    /// At the end of the month it was earned in.
    EndOfMonth,
    /// At the end of the natural year it was earned in.
    EndOfYear,
}

impl Expiry {
    /// The last day a lot earned on `earned` may be spent, or `None` if never.
    pub fn last_day(self, earned: NaiveDate) -> Option<NaiveDate> {
        match self {
            Expiry::Never => None,
            Expiry::Days { days } => earned.checked_add_days(Days::new(u64::from(days.max(1)) - 1)),
            Expiry::EndOfMonth => {
                let (y, m) = if earned.month() == 12 {
                    (earned.year() + 1, 1)
                } else {
                    (earned.year(), earned.month() + 1)
                };
                NaiveDate::from_ymd_opt(y, m, 1).and_then(|d| d.pred_opt())
            }
            Expiry::EndOfYear => NaiveDate::from_ymd_opt(earned.year(), 12, 31),
        }
    }
}

/// The period a cap counts over.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum CapPeriod {
    /// A calendar month.
    Month,
    /// A natural year.
    Year,
}

impl CapPeriod {
    /// The first day of the period holding `day`.
    pub fn start(self, day: NaiveDate) -> NaiveDate {
        match self {
            CapPeriod::Month => day.with_day(1).unwrap_or(day),
            CapPeriod::Year => NaiveDate::from_ymd_opt(day.year(), 1, 1).unwrap_or(day),
        }
    }
}

/// At most `points` earned by one person in one period.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Cap {
    /// The period.
    pub period: CapPeriod,
    /// The most that may be earned in it.
    pub points: u64,
}

/// Points for a rated request, by the filer's level, to the person who handled it.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(default, deny_unknown_fields)]
pub struct RatingPoints {
    /// Very satisfied.
    pub very_satisfied: u64,
    /// Satisfied.
    pub satisfied: u64,
    /// Basically satisfied.
    pub basically_satisfied: u64,
    /// Dissatisfied.
    pub dissatisfied: u64,
    /// Very dissatisfied.
    pub very_dissatisfied: u64,
}

impl RatingPoints {
    /// The points a level earns.
    pub fn of(&self, level: Satisfaction) -> u64 {
        match level {
            Satisfaction::VerySatisfied => self.very_satisfied,
            Satisfaction::Satisfied => self.satisfied,
            Satisfaction::BasicallySatisfied => self.basically_satisfied,
            Satisfaction::Dissatisfied => self.dissatisfied,
            Satisfaction::VeryDissatisfied => self.very_dissatisfied,
        }
    }
}

/// Configuration of the points capability.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(default, deny_unknown_fields)]
#[non_exhaustive]
pub struct PointsConfig {
    /// Points per certified hour, counted minutes × rate ÷ 60 rounded down (1 by default).
    #[serde(
        serialize_with = "decimal_text::write",
        deserialize_with = "decimal_text::read"
    )]
    pub per_hour: Decimal,
    /// Points a certified service earns for its kind, on top of its hours.
    pub per_activity: BTreeMap<Activity, u64>,
    /// Points a rated request earns its handler.
    pub per_rating: RatingPoints,
    /// Caps per person and period.
    pub caps: Vec<Cap>,
    /// When earned points expire.
    pub expiry: Expiry,
}

impl Default for PointsConfig {
    fn default() -> Self {
        PointsConfig {
            per_hour: Decimal::ONE,
            per_activity: BTreeMap::new(),
            per_rating: RatingPoints::default(),
            caps: Vec::new(),
            expiry: Expiry::Never,
        }
    }
}

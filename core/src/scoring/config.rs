//! The scoring rules as configuration, with RULES' defaults: how service time counts,
//! the star-level profile, the monthly obligation of sent-down party members, and the
//! weights of a handler's score.

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use super::stars::StarProfile;
use crate::money::decimal_text;

/// How a service record's time is counted (all in whole minutes).
///
/// Only actual service counts; travel is left out unless `exclude_travel` is turned off.
/// The other caps are local rules (海林: 8 h a day, units of half an hour rounded down, 2 h
/// per activity) and are off by default.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(default, deny_unknown_fields)]
#[non_exhaustive]
pub struct HoursRules {
    /// Leave travel time out (the national rule). On by default.
    pub exclude_travel: bool,
    /// At most this many minutes counted for one activity.
    pub per_activity_cap_minutes: Option<u32>,
    /// Count in units of this many minutes (30 for half hours).
    pub unit_minutes: Option<u32>,
    /// How a part unit is rounded.
    pub unit_rounding: UnitRounding,
    /// At most this many minutes counted for one person on one day.
    pub daily_cap_minutes: Option<u32>,
}

impl Default for HoursRules {
    fn default() -> Self {
        HoursRules {
            exclude_travel: true,
            per_activity_cap_minutes: None,
            unit_minutes: None,
            unit_rounding: UnitRounding::Down,
            daily_cap_minutes: None,
        }
    }
}

impl HoursRules {
    /// 海林's local rules: 8 h a day, half-hour units rounded down, 2 h per activity.
    pub fn hailin() -> HoursRules {
        HoursRules {
            exclude_travel: true,
            per_activity_cap_minutes: Some(120),
            unit_minutes: Some(30),
            unit_rounding: UnitRounding::Down,
            daily_cap_minutes: Some(480),
        }
    }

    /// The minutes one record counts before the daily cap: service (and travel, when it
    /// counts), capped per activity, then rounded to whole units.
    pub fn record_minutes(&self, service: u32, travel: u32) -> u32 {
        let mut minutes = if self.exclude_travel {
            service
        } else {
            service.saturating_add(travel)
        };
        if let Some(cap) = self.per_activity_cap_minutes {
            minutes = minutes.min(cap);
        }
        match self.unit_minutes {
            Some(unit) if unit > 0 => {
                let whole = minutes / unit;
                let part = minutes % unit;
                let units = match self.unit_rounding {
                    UnitRounding::Down => whole,
                    UnitRounding::HalfUp if part * 2 >= unit => whole + 1,
                    UnitRounding::HalfUp => whole,
                    UnitRounding::Up if part > 0 => whole + 1,
                    UnitRounding::Up => whole,
                };
                units.saturating_mul(unit)
            }
            _ => minutes,
        }
    }

    /// What a record counts given what the person already has counted that day.
    pub fn counted(&self, service: u32, travel: u32, counted_today: u32) -> u32 {
        let minutes = self.record_minutes(service, travel);
        match self.daily_cap_minutes {
            Some(cap) => minutes.min(cap.saturating_sub(counted_today)),
            None => minutes,
        }
    }
}

/// How a part unit of service time is rounded.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum UnitRounding {
    /// Drop the part unit (the local rule).
    Down,
    /// Count a part of at least half a unit as a whole one.
    HalfUp,
    /// Count any part as a whole unit.
    Up,
}

/// The monthly service a role owes: sent-down party members serve in their community at
/// least once a month, at least 2 hours each time (每月不少于1次、每次不少于2小时).
///
/// A visit counts toward the month only if it is certified and counts at least
/// `minutes_per_service` minutes on its own; shorter visits do not add up to one.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(default, deny_unknown_fields)]
#[non_exhaustive]
pub struct Obligation {
    /// Qualifying visits needed in a month (1 by default).
    pub services_per_month: u32,
    /// Counted minutes one certified visit needs to qualify (120 by default).
    pub minutes_per_service: u32,
}

impl Default for Obligation {
    fn default() -> Self {
        Obligation {
            services_per_month: 1,
            minutes_per_service: 120,
        }
    }
}

impl Obligation {
    /// Whether a certified visit counting `counted` minutes qualifies.
    pub fn qualifies(&self, counted: u32) -> bool {
        counted >= self.minutes_per_service
    }
}

/// The weights of a handler's score over closure, on-time closure and satisfaction
/// rates; a rate that cannot be computed (nothing due, nothing rated) is left out and
/// the others carry the score.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(default, deny_unknown_fields)]
#[non_exhaustive]
pub struct HandlerWeights {
    /// Weight of the closure rate.
    #[serde(
        serialize_with = "decimal_text::write",
        deserialize_with = "decimal_text::read"
    )]
    pub closure: Decimal,
    /// Weight of the on-time closure rate.
    #[serde(
        serialize_with = "decimal_text::write",
        deserialize_with = "decimal_text::read"
    )]
    pub on_time: Decimal,
    /// Weight of the satisfaction rate.
    #[serde(
        serialize_with = "decimal_text::write",
        deserialize_with = "decimal_text::read"
    )]
    pub satisfaction: Decimal,
}

impl Default for HandlerWeights {
    fn default() -> Self {
        HandlerWeights {
            closure: Decimal::from(30),
            on_time: Decimal::from(30),
            satisfaction: Decimal::from(40),
        }
    }
}

/// Configuration of the scoring capability.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(default, deny_unknown_fields)]
#[non_exhaustive]
pub struct ScoringConfig {
    /// How service time counts.
    pub hours: HoursRules,
    /// The star-level profile (the national one by default).
    pub stars: StarProfile,
    /// What sent-down party members owe each month.
    pub obligation: Obligation,
    /// Weights of a handler's score.
    pub handler_weights: HandlerWeights,
}

//! Star levels (星级志愿者) from cumulative certified hours.
//!
//! The national profile (中国注册志愿者管理办法) grants one to five stars at 100, 300, 600,
//! 1000 and 1500 hours; local profiles differ (张家港: 30/60/100/200/300). A profile may
//! also ask that each level be held for a while before the next is granted, one level at
//! a time.

use chrono::NaiveDate;
use rust_decimal::prelude::ToPrimitive;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use super::error::ScoringError;
use crate::money::decimal_text;

/// How levels are granted as hours grow.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, gridward_derive::TaggedDeserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case", tag = "rule")]
pub enum Progression {
    /// Straight to the level the hours reach.
    Direct,
    /// One level per grant, and only after the current level has been held this many
    /// days (a first star needs no wait).
    Stepwise {
        /// Days a level must be held before the next.
        min_days_held: u32,
    },
}

/// A star-level profile: the cumulative hours each level needs, lowest first.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct StarProfile {
    /// The profile's name.
    pub name: String,
    /// Hours for levels 1, 2, … (strictly increasing, positive).
    #[serde(
        serialize_with = "decimal_text::write",
        deserialize_with = "decimal_text::read"
    )]
    pub thresholds: Vec<Decimal>,
    /// How levels are granted.
    #[serde(default = "direct")]
    pub progression: Progression,
}

fn direct() -> Progression {
    Progression::Direct
}

impl Default for StarProfile {
    fn default() -> Self {
        StarProfile::national()
    }
}

impl StarProfile {
    /// The national profile: 100 / 300 / 600 / 1000 / 1500 hours → 1–5 stars.
    pub fn national() -> StarProfile {
        StarProfile::of("national", &[100, 300, 600, 1000, 1500])
    }

    /// 张家港's local profile: 30 / 60 / 100 / 200 / 300 hours.
    pub fn zhangjiagang() -> StarProfile {
        StarProfile::of("zhangjiagang", &[30, 60, 100, 200, 300])
    }

    fn of(name: &str, hours: &[i64]) -> StarProfile {
        StarProfile {
            name: name.to_owned(),
            thresholds: hours.iter().map(|&h| Decimal::from(h)).collect(),
            progression: Progression::Direct,
        }
    }

    /// Checks the thresholds: one to ten, positive, strictly increasing, at most 100,000 h.
    pub fn validate(&self) -> Result<(), ScoringError> {
        let bad = |why: &'static str| ScoringError::BadProfile {
            profile: self.name.clone(),
            why,
        };
        if self.thresholds.is_empty() || self.thresholds.len() > 10 {
            return Err(bad("it needs one to ten levels"));
        }
        let mut last = Decimal::ZERO;
        for &t in &self.thresholds {
            if t <= last {
                return Err(bad("thresholds must be positive and strictly increasing"));
            }
            if t > Decimal::from(100_000) {
                return Err(bad("a threshold may not exceed 100,000 hours"));
            }
            last = t;
        }
        Ok(())
    }

    /// The level `hours` reach, 0 below the first threshold.
    pub fn level(&self, hours: Decimal) -> u8 {
        self.thresholds.iter().take_while(|&&t| hours >= t).count() as u8
    }

    /// The thresholds in whole minutes (a time in minutes reaches a level when it is at
    /// least the threshold rounded up to the minute), for counting many volunteers.
    pub fn cutoffs(&self) -> Cutoffs {
        let sixty = Decimal::from(60);
        Cutoffs {
            minutes: self
                .thresholds
                .iter()
                .map(|t| (t * sixty).ceil().to_u64().unwrap_or(u64::MAX))
                .collect(),
            progression: self.progression.clone(),
        }
    }
}

/// A profile's thresholds in minutes, ready to grade many volunteers.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Cutoffs {
    minutes: Vec<u64>,
    progression: Progression,
}

impl Cutoffs {
    /// The level `minutes` of service reach.
    pub fn level(&self, minutes: u64) -> u8 {
        self.minutes.iter().take_while(|&&m| minutes >= m).count() as u8
    }

    /// The level to grant on `on` to a volunteer with `minutes` counted who holds
    /// `current` since `since`: levels never go down.
    pub fn grant(&self, minutes: u64, current: u8, since: Option<NaiveDate>, on: NaiveDate) -> u8 {
        let reached = self.level(minutes);
        if reached <= current {
            return current;
        }
        match self.progression {
            Progression::Direct => reached,
            Progression::Stepwise { min_days_held } => {
                let held = match since {
                    Some(from) if current > 0 => (on - from).num_days(),
                    _ => i64::MAX,
                };
                if held >= i64::from(min_days_held) {
                    current + 1
                } else {
                    current
                }
            }
        }
    }
}

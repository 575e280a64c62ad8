//! A policy to simulate under: how residents and workers behave, and the rules the ward
//! is configured with.

use serde::{Deserialize, Serialize};

use super::city::out_of_range;
use crate::calendar::Limit;
use crate::error::Error;
use crate::ward::WardConfig;

/// How a simulated period goes, and under which rules. Every field has a default; the
/// defaults are the benchmarks' simulation.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(default, deny_unknown_fields)]
pub struct Policy {
    /// Percent of requests rated dissatisfied and reworked (default 5).
    pub bad_rating_percent: u8,
    /// Percent of on-site verifications that fail, sending the work back (default 0).
    pub failed_verification_percent: u8,
    /// Percent of requests in a category party members claim from the pool (邻里互助),
    /// where the micro-grid has one (default 20, at most 65).
    pub claimable_percent: u8,
    /// Percent of food-safety requests on which the street's department is called in
    /// (default 10).
    pub whistle_percent: u8,
    /// How many open claims one person may hold at once (the configuration's when
    /// absent).
    pub max_open_claims: Option<u32>,
    /// Every category's resolution limit (the configured ones when absent).
    pub resolution_limit: Option<Limit>,
    /// Every category's response limit (the configured ones when absent).
    pub response_limit: Option<Limit>,
    /// Whether requests are routed as they are filed (the configuration's when absent);
    /// otherwise they wait for dispatch, which the simulation does not give.
    pub dispatch_on_filing: Option<bool>,
}

impl Default for Policy {
    fn default() -> Policy {
        Policy {
            bad_rating_percent: 5,
            failed_verification_percent: 0,
            claimable_percent: 20,
            whistle_percent: 10,
            max_open_claims: None,
            resolution_limit: None,
            response_limit: None,
            dispatch_on_filing: None,
        }
    }
}

impl Policy {
    /// Refuses percentages out of range, naming the field.
    pub fn check(&self) -> Result<(), Error> {
        let percent = |field: &str, n: u8, most: u8| {
            if n > most {
                return Err(out_of_range(
                    &format!("policy.{field}"),
                    format!("{n} is not in 0..={most}"),
                ));
            }
            Ok(())
        };
        percent("bad_rating_percent", self.bad_rating_percent, 100)?;
        percent(
            "failed_verification_percent",
            self.failed_verification_percent,
            100,
        )?;
        percent("claimable_percent", self.claimable_percent, 65)?;
        percent("whistle_percent", self.whistle_percent, 100)
    }

    /// The configuration with this policy's rules in place of the defaults.
    pub fn configure(&self, mut config: WardConfig) -> WardConfig {
        let tasks = &mut config.tasks;
        if let Some(n) = self.max_open_claims {
            tasks.max_open_claims = n;
        }
        if let Some(on) = self.dispatch_on_filing {
            tasks.dispatch_on_filing = on;
        }
        for category in &mut tasks.categories {
            if let Some(limit) = self.resolution_limit {
                category.resolution_limit = limit;
            }
            if let Some(limit) = self.response_limit {
                category.response_limit = limit;
            }
        }
        config
    }
}

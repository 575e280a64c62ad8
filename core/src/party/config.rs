//! The party capability's section of the ward's configuration.

use serde::{Deserialize, Serialize};

use super::error::PartyError;

/// The party capability's configuration.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(default, deny_unknown_fields)]
#[non_exhaustive]
pub struct PartyConfig {
    /// The fewest days a week a cadre serves on station at their compounds (大冶: at least
    /// three), 1 to 7.
    pub station_days_per_week: u8,
}

impl Default for PartyConfig {
    fn default() -> Self {
        PartyConfig {
            station_days_per_week: 3,
        }
    }
}

impl PartyConfig {
    /// The configuration with this weekly number of station days.
    pub fn with_station_days_per_week(mut self, days: u8) -> Self {
        self.station_days_per_week = days;
        self
    }

    /// Refuses values out of range, naming the field.
    pub fn validate(&self) -> Result<(), PartyError> {
        if !(1..=7).contains(&self.station_days_per_week) {
            return Err(PartyError::BadConfig {
                field: "party.station_days_per_week",
                rule: "1 to 7",
            });
        }
        Ok(())
    }
}

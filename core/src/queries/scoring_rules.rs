//! Scoring's rules as pure functions: the star level hours reach, and the satisfaction
//! rate of ratings counted by level.

use rust_decimal::Decimal;
use serde::Deserialize;
use serde_json::Value;

use crate::error::Error;
use crate::money::decimal_text;
use crate::queries::typed::{encode, Function};
use crate::scoring::{satisfaction_rate, Progression, StarProfile};

/// The star level (星级) hours of certified service reach: 0 below the first threshold.
/// The thresholds default to the national profile (100 / 300 / 600 / 1000 / 1500 hours).
#[derive(Clone, Debug, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct StarLevel {
    /// Hours of certified service.
    #[serde(
        serialize_with = "decimal_text::write",
        deserialize_with = "decimal_text::read"
    )]
    pub hours: Decimal,
    /// Hours for levels 1, 2, … (positive, strictly increasing, one to ten of them); the
    /// national profile's when absent.
    #[serde(default)]
    #[serde(
        serialize_with = "decimal_text::write",
        deserialize_with = "decimal_text::read"
    )]
    pub thresholds: Option<Vec<Decimal>>,
}

impl Function for StarLevel {
    type Answer = u8;

    fn call(self) -> Result<Self::Answer, Error> {
        let profile = match self.thresholds {
            Some(thresholds) => StarProfile {
                name: "custom".to_owned(),
                thresholds,
                progression: Progression::Direct,
            },
            None => StarProfile::national(),
        };
        profile.validate()?;
        Ok(profile.level(self.hours))
    }
}

/// The satisfaction rate (满意率) of ratings counted by level: the three top levels over
/// all rated, in percent with two decimals, or none when nothing was rated.
#[derive(Clone, Debug, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct SatisfactionRate {
    /// Five counts, most satisfied first: very satisfied, satisfied, basically
    /// satisfied, dissatisfied, very dissatisfied.
    pub counts: [u64; 5],
}

impl Function for SatisfactionRate {
    type Answer = Option<Decimal>;

    fn call(self) -> Result<Self::Answer, Error> {
        Ok(satisfaction_rate(self.counts))
    }

    fn answer_json(answer: &Self::Answer) -> Result<Value, Error> {
        encode(&decimal_text::Text(answer))
    }
}

//! The band a street's whistle rate (吹哨率) is watched against. The rate is watched both
//! ways: too low means the street does not use its power to call departments in, too high
//! means its routine handling fails and it calls them in for everything. The sources give
//! no figures, so the default band is the whole 0–100% and flags nothing until a
//! district sets its own; a street may have a band of its own.
//!
//! In the configuration: `"whistle_bands": {"default": {"low": "2", "high": "15"},
//! "streets": [{"street": "510105001", "band": {"low": "1", "high": "10"}}]}`. Reading
//! checks each band (both ends from 0 to 100, `low` not above `high`) and the streets
//! (street codes, each listed once), naming the field at fault.

use rust_decimal::Decimal;
use serde::{Deserialize, Deserializer, Serialize};

use crate::error::kind::error_codes;
use crate::grid::{Level, NodeCode};
use crate::money::decimal_text;

/// A whistle band of the configuration that was refused.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("whistle band: {field} {why}")]
pub struct WhistleBandError {
    /// The field at fault: `low`, `high` or `streets`.
    pub field: &'static str,
    /// What is wrong with it.
    pub why: String,
}

error_codes!(WhistleBandError => ("bad_whistle_band", Invalid));

/// A band of whistle rates, in percent: a street's rate below `low` or above `high` is
/// flagged. Both ends lie from 0 to 100 and `low` is not above `high`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(try_from = "BandText", into = "BandText")]
pub struct WhistleBand {
    low: Decimal,
    high: Decimal,
}

/// A band as written in the configuration; reading it checks it.
#[derive(Clone, Copy, Debug, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
struct BandText {
    /// The lowest rate not flagged, in percent (0 to 100).
    #[serde(serialize_with = "decimal_text::write", deserialize_with = "low")]
    low: Decimal,
    /// The highest rate not flagged, in percent (0 to 100, not below `low`).
    #[serde(serialize_with = "decimal_text::write", deserialize_with = "high")]
    high: Decimal,
}

fn percent(field: &'static str, value: Decimal) -> Result<Decimal, WhistleBandError> {
    if value < Decimal::ZERO || value > Decimal::ONE_HUNDRED {
        return Err(WhistleBandError {
            field,
            why: format!("{value} is not a percentage from 0 to 100"),
        });
    }
    Ok(value)
}

fn low<'de, D: Deserializer<'de>>(d: D) -> Result<Decimal, D::Error> {
    let value: Decimal = decimal_text::read(d)?;
    percent("low", value).map_err(serde::de::Error::custom)
}

fn high<'de, D: Deserializer<'de>>(d: D) -> Result<Decimal, D::Error> {
    let value: Decimal = decimal_text::read(d)?;
    percent("high", value).map_err(serde::de::Error::custom)
}

impl TryFrom<BandText> for WhistleBand {
    type Error = WhistleBandError;

    fn try_from(t: BandText) -> Result<WhistleBand, WhistleBandError> {
        WhistleBand::new(t.low, t.high)
    }
}

impl From<WhistleBand> for BandText {
    fn from(b: WhistleBand) -> BandText {
        BandText {
            low: b.low,
            high: b.high,
        }
    }
}

impl Default for WhistleBand {
    /// The whole range, 0 to 100%: nothing is flagged.
    fn default() -> WhistleBand {
        WhistleBand::FULL
    }
}

/// Whether a whistle rate lies outside its street's band.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum WhistleFlag {
    /// Below the band: the street hardly calls departments in.
    TooLow,
    /// Above the band: departments are called in for what routine handling should solve.
    TooHigh,
}

impl WhistleBand {
    /// The whole range, 0 to 100%: nothing is flagged.
    pub const FULL: WhistleBand = WhistleBand {
        low: Decimal::ZERO,
        high: Decimal::ONE_HUNDRED,
    };

    /// A band from `low` to `high` percent, refused unless both lie from 0 to 100 and
    /// `low` is not above `high`.
    pub fn new(low: Decimal, high: Decimal) -> Result<WhistleBand, WhistleBandError> {
        let (low, high) = (percent("low", low)?, percent("high", high)?);
        if low > high {
            return Err(WhistleBandError {
                field: "high",
                why: format!("{high} is below low ({low})"),
            });
        }
        Ok(WhistleBand { low, high })
    }

    /// The lowest rate not flagged, in percent.
    pub fn low(&self) -> Decimal {
        self.low
    }

    /// The highest rate not flagged, in percent.
    pub fn high(&self) -> Decimal {
        self.high
    }

    /// Whether `rate` lies below or above the band; `None` inside it (ends included).
    pub fn flag(&self, rate: Decimal) -> Option<WhistleFlag> {
        if rate < self.low {
            Some(WhistleFlag::TooLow)
        } else if rate > self.high {
            Some(WhistleFlag::TooHigh)
        } else {
            None
        }
    }
}

/// A street's own band.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct StreetBand {
    /// The street (a 9-digit code).
    pub street: NodeCode,
    /// Its band.
    pub band: WhistleBand,
}

/// The whistle bands of a ward: a default, and streets with bands of their own.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(try_from = "BandsText", into = "BandsText")]
pub struct WhistleBands {
    default: WhistleBand,
    streets: Vec<StreetBand>,
}

/// The bands as written in the configuration; reading them checks them.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(default, deny_unknown_fields)]
struct BandsText {
    /// The band of every street not listed (0 to 100 when absent: nothing flagged).
    default: WhistleBand,
    /// Streets with bands of their own, each listed once.
    streets: Vec<StreetBand>,
}

impl TryFrom<BandsText> for WhistleBands {
    type Error = WhistleBandError;

    fn try_from(t: BandsText) -> Result<WhistleBands, WhistleBandError> {
        WhistleBands::new(t.default, t.streets)
    }
}

impl From<WhistleBands> for BandsText {
    fn from(b: WhistleBands) -> BandsText {
        BandsText {
            default: b.default,
            streets: b.streets,
        }
    }
}

impl WhistleBands {
    /// A default band and streets' own bands, refused when a code is not a street's or a
    /// street is listed twice.
    pub fn new(
        default: WhistleBand,
        streets: Vec<StreetBand>,
    ) -> Result<WhistleBands, WhistleBandError> {
        for (i, s) in streets.iter().enumerate() {
            let why = if s.street.level() != Level::Street {
                "is not a street's code"
            } else if streets[..i].iter().any(|o| o.street == s.street) {
                "is listed twice"
            } else {
                continue;
            };
            return Err(WhistleBandError {
                field: "streets",
                why: format!("{} {why}", s.street),
            });
        }
        Ok(WhistleBands { default, streets })
    }

    /// The band of every street not listed.
    pub fn default_band(&self) -> WhistleBand {
        self.default
    }

    /// The streets with bands of their own.
    pub fn streets(&self) -> &[StreetBand] {
        &self.streets
    }

    /// The band a street is held to: its own, or the default.
    pub fn band_of(&self, street: NodeCode) -> WhistleBand {
        self.streets
            .iter()
            .find(|s| s.street == street)
            .map_or(self.default, |s| s.band)
    }
}

#[cfg(test)]
#[path = "whistle_band_tests.rs"]
mod tests;

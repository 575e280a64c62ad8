//! The money rules as pure functions: a fixed sum split by weights so that the parts add
//! up to it exactly, and a rate applied to quantities with its rounding residue kept.

use rust_decimal::Decimal;
use serde::Deserialize;

use crate::error::Error;
use crate::fund::FundError;
use crate::money::decimal_text;
use crate::money::{self, Amount, RateParts, Rounding, SplitMethod};
use crate::queries::typed::Function;

/// Shares a sum by weights (floor areas, or any agreed key) so that the parts add up to
/// it exactly, in the order of the weights: by largest remainder unless another method is
/// named (each part its exact share rounded down to the fen, the fen left over to the
/// largest remainders, ties to the earlier entry). 1,000.00 by 72 / 89.5 / 120.3 gives
/// 255.50 / 317.60 / 426.90.
#[derive(Clone, Debug, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Split {
    /// The sum to share.
    pub total: Amount,
    /// The weights, none negative, not all zero.
    #[serde(
        serialize_with = "decimal_text::write",
        deserialize_with = "decimal_text::read"
    )]
    pub weights: Vec<Decimal>,
    /// The method; largest remainder when absent.
    #[serde(default)]
    pub method: Option<SplitMethod>,
}

impl Function for Split {
    type Answer = Vec<Amount>;

    fn call(self) -> Result<Self::Answer, Error> {
        let method = self.method.unwrap_or_default();
        money::split(self.total, &self.weights, method).map_err(|e| FundError::Money(e).into())
    }
}

/// Applies a rate (yuan per unit: 4 yuan per m²) to each quantity, each part rounded to
/// the fen on its own; the exact total and the rounding residue come back as their own
/// figures rather than hidden in a part. 72 m² at 4 yuan/m² gives 288.00.
#[derive(Clone, Debug, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct ApplyRate {
    /// Yuan per unit.
    #[serde(
        serialize_with = "decimal_text::write",
        deserialize_with = "decimal_text::read"
    )]
    pub rate: Decimal,
    /// The quantities (areas in m²).
    #[serde(
        serialize_with = "decimal_text::write",
        deserialize_with = "decimal_text::read"
    )]
    pub quantities: Vec<Decimal>,
    /// The rounding of each part; half away from zero (四舍五入) when absent.
    #[serde(default)]
    pub rounding: Option<Rounding>,
}

impl Function for ApplyRate {
    type Answer = RateParts;

    fn call(self) -> Result<Self::Answer, Error> {
        let rounding = self.rounding.unwrap_or(Rounding::HalfUp);
        money::apply_rate(self.rate, &self.quantities, rounding)
            .map_err(|e| FundError::Money(e).into())
    }
}

#[cfg(test)]
#[path = "money_tests.rs"]
mod tests;

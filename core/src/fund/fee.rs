//! The one check of a fee's figure, shared by opening a fund and proposing a standard.

use super::error::FundError;
use super::model::FeeRate;

/// Checks a fee is positive (a rate with at most 4 decimals).
pub(crate) fn check_fee(fee: &FeeRate) -> Result<(), FundError> {
    let bad = |what, value: String, why| FundError::BadFigure { what, value, why };
    match fee {
        FeeRate::Area { rate } if rate.is_sign_negative() || rate.is_zero() || rate.scale() > 4 => {
            Err(bad(
                "fee rate",
                rate.to_string(),
                "it must be positive, with at most 4 decimals",
            ))
        }
        FeeRate::Household { amount } if !amount.is_positive() => {
            Err(bad("fee", amount.to_string(), "it must be positive"))
        }
        _ => Ok(()),
    }
}

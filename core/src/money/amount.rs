//! The amount type: a `Decimal` held at exactly two decimal places.

use std::fmt;
use std::iter::Sum;
use std::ops::Neg;
use std::str::FromStr;

use rust_decimal::{Decimal, RoundingStrategy};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::error::kind::error_codes;

/// Why a figure is not an amount of money.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum MoneyError {
    /// The figure has digits below the fen; round it with a named [`Rounding`] first.
    #[error("{0} has digits below the fen (0.01); round it with a named rounding first")]
    BelowFen(Decimal),
    /// The text is not a decimal number.
    #[error("{0:?} is not a decimal amount")]
    NotANumber(String),
    /// A sum or product left the range of exact decimals.
    #[error("the amount overflowed the range of exact decimals")]
    Overflow,
    /// A split needs at least one weight, no negative weight and a positive total.
    #[error("cannot split by these weights: {0}")]
    BadWeights(&'static str),
}

error_codes! {
    MoneyError {
        BelowFen(..) => ("bad_amount", Invalid),
        NotANumber(..) => ("bad_amount", Invalid),
        Overflow => ("amount_overflow", Invalid),
        BadWeights(..) => ("bad_amount", Invalid),
    }
}

/// How a figure with digits below the fen is brought to the fen. Every rounding in
/// Gridward names one of these.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Rounding {
    /// Half away from zero (四舍五入): 0.125 → 0.13, −0.125 → −0.13. The default.
    #[default]
    HalfUp,
    /// Half to even (banker's rounding): 0.125 → 0.12, 0.135 → 0.14.
    HalfEven,
    /// Toward zero (truncation): 0.129 → 0.12.
    Down,
    /// Away from zero: 0.121 → 0.13.
    Up,
}

impl Rounding {
    fn strategy(self) -> RoundingStrategy {
        match self {
            Rounding::HalfUp => RoundingStrategy::MidpointAwayFromZero,
            Rounding::HalfEven => RoundingStrategy::MidpointNearestEven,
            Rounding::Down => RoundingStrategy::ToZero,
            Rounding::Up => RoundingStrategy::AwayFromZero,
        }
    }
}

/// An amount of money in yuan, exact to the fen. It is always held at scale 2, so it
/// prints as `288.00`; in JSON it is a string, never a float.
#[derive(Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Amount(Decimal);

impl Amount {
    /// Zero yuan.
    pub const ZERO: Amount = Amount(Decimal::from_parts(0, 0, 0, false, 2));

    /// An amount from a decimal that has no digits below the fen (`72.5` is `72.50`;
    /// `72.505` is refused).
    pub fn new(value: Decimal) -> Result<Amount, MoneyError> {
        let v = value.normalize();
        if v.scale() > 2 {
            return Err(MoneyError::BelowFen(value));
        }
        Amount::fit(v)
    }

    /// An amount from a whole number of fen (`28800` is `288.00`).
    pub fn from_fen(fen: i64) -> Amount {
        Amount(Decimal::new(fen, 2))
    }

    /// A figure brought to the fen with the named rounding.
    pub fn round(value: Decimal, rounding: Rounding) -> Amount {
        // Rounding a figure in range to fewer places stays in range.
        Amount::at_scale(value.round_dp_with_strategy(2, rounding.strategy()))
    }

    /// The amount as a decimal at scale 2.
    pub fn value(self) -> Decimal {
        self.0
    }

    /// The amount in whole fen, if it fits an `i64`.
    pub fn fen(self) -> Option<i64> {
        i64::try_from(self.0.mantissa()).ok()
    }

    /// True for zero.
    pub fn is_zero(self) -> bool {
        self.0.is_zero()
    }

    /// True below zero.
    pub fn is_negative(self) -> bool {
        self.0.is_sign_negative() && !self.0.is_zero()
    }

    /// True above zero.
    pub fn is_positive(self) -> bool {
        self.0.is_sign_positive() && !self.0.is_zero()
    }

    /// The sum, or an overflow error.
    pub fn checked_add(self, other: Amount) -> Result<Amount, MoneyError> {
        self.0
            .checked_add(other.0)
            .ok_or(MoneyError::Overflow)
            .and_then(Amount::fit)
    }

    /// The difference, or an overflow error.
    pub fn checked_sub(self, other: Amount) -> Result<Amount, MoneyError> {
        self.0
            .checked_sub(other.0)
            .ok_or(MoneyError::Overflow)
            .and_then(Amount::fit)
    }

    /// The absolute amount.
    pub fn abs(self) -> Amount {
        Amount::at_scale(self.0.abs())
    }

    /// The sum of two amounts already known to be in range (balances a ledger has
    /// checked); on the impossible overflow it saturates rather than panics.
    pub(crate) fn plus(self, other: Amount) -> Amount {
        match self.0.checked_add(other.0) {
            Some(v) if v.scale() == 2 => Amount(v),
            Some(v) => Amount::at_scale(v),
            None => Amount::at_scale(self.0.saturating_add(other.0)),
        }
    }

    /// The sum of many amounts, or an overflow error.
    pub fn try_sum(amounts: impl IntoIterator<Item = Amount>) -> Result<Amount, MoneyError> {
        amounts
            .into_iter()
            .try_fold(Amount::ZERO, |acc, a| acc.checked_add(a))
    }

    /// `part` as a percentage of `self`, with two decimals, half away from zero; `None`
    /// when `self` is zero.
    pub fn percent_of(self, part: Amount) -> Option<Decimal> {
        if self.is_zero() {
            return None;
        }
        let p = part
            .0
            .checked_mul(Decimal::ONE_HUNDRED)?
            .checked_div(self.0)?;
        let mut p = p.round_dp_with_strategy(2, RoundingStrategy::MidpointAwayFromZero);
        p.rescale(2);
        Some(p)
    }

    /// Largest magnitude held exactly at the fen (a decimal's 96-bit mantissa at scale 2).
    fn fit(mut v: Decimal) -> Result<Amount, MoneyError> {
        v.rescale(2);
        if v.is_zero() {
            v.set_sign_positive(true);
        }
        if v.scale() == 2 {
            Ok(Amount(v))
        } else {
            Err(MoneyError::Overflow)
        }
    }

    fn at_scale(mut v: Decimal) -> Amount {
        // Only for values already held at the fen (negation, absolute value, sums known
        // to be in range): rescaling them is exact. Zero has no sign (never "-0.00").
        v.rescale(2);
        if v.is_zero() {
            v.set_sign_positive(true);
        }
        Amount(v)
    }
}

impl fmt::Display for Amount {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.0)
    }
}

impl fmt::Debug for Amount {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Amount({})", self.0)
    }
}

impl Amount {
    /// The amount with its sign turned (also `-amount`).
    #[allow(clippy::should_implement_trait)]
    pub fn neg(self) -> Amount {
        Amount::at_scale(-self.0)
    }
}

impl Neg for Amount {
    type Output = Amount;

    /// The amount with its sign turned.
    fn neg(self) -> Amount {
        Amount::at_scale(-self.0)
    }
}

impl FromStr for Amount {
    type Err = MoneyError;

    fn from_str(s: &str) -> Result<Amount, MoneyError> {
        let d = Decimal::from_str_exact(s.trim()).map_err(|_| MoneyError::NotANumber(s.into()))?;
        Amount::new(d)
    }
}

impl TryFrom<Decimal> for Amount {
    type Error = MoneyError;

    fn try_from(value: Decimal) -> Result<Amount, MoneyError> {
        Amount::new(value)
    }
}

impl From<Amount> for Decimal {
    fn from(a: Amount) -> Decimal {
        a.0
    }
}

impl Sum for Amount {
    /// Sums amounts known to be in range (a ledger's balances); use
    /// [`Amount::try_sum`] on input.
    fn sum<I: Iterator<Item = Amount>>(iter: I) -> Amount {
        iter.fold(Amount::ZERO, Amount::plus)
    }
}

#[cfg(feature = "schema")]
impl schemars::JsonSchema for Amount {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Amount".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "type": "string",
            "format": "amount",
            "description": "An exact amount in yuan with two decimals, as text (\"358.00\")."
        })
    }
}

impl Serialize for Amount {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(&self.0)
    }
}

impl<'de> Deserialize<'de> for Amount {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Amount, D::Error> {
        #[derive(Deserialize)]
        #[serde(untagged)]
        enum Repr {
            Text(String),
            Whole(i64),
        }
        match Repr::deserialize(d)? {
            Repr::Text(s) => s.parse().map_err(serde::de::Error::custom),
            Repr::Whole(n) => Amount::new(Decimal::from(n)).map_err(serde::de::Error::custom),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Decimal {
        Decimal::from_str_exact(s).unwrap()
    }

    #[test]
    fn amounts_hold_two_places_and_refuse_fractions_of_a_fen() {
        assert_eq!(Amount::new(d("72.5")).unwrap().to_string(), "72.50");
        assert_eq!(Amount::new(d("72.500")).unwrap().to_string(), "72.50");
        assert_eq!(
            Amount::new(d("72.505")),
            Err(MoneyError::BelowFen(d("72.505")))
        );
        assert_eq!("288".parse::<Amount>().unwrap().to_string(), "288.00");
        assert!("2,88".parse::<Amount>().is_err());
        assert_eq!(Amount::from_fen(28_800).to_string(), "288.00");
        assert_eq!(Amount::ZERO.neg().to_string(), "0.00");
        assert_eq!(Amount::new(d("-0.000")).unwrap().to_string(), "0.00");
    }

    #[test]
    fn each_rounding_does_what_its_name_says() {
        let cases = [
            ("0.125", Rounding::HalfUp, "0.13"),
            ("-0.125", Rounding::HalfUp, "-0.13"),
            ("0.125", Rounding::HalfEven, "0.12"),
            ("0.135", Rounding::HalfEven, "0.14"),
            ("0.129", Rounding::Down, "0.12"),
            ("0.121", Rounding::Up, "0.13"),
            ("288", Rounding::HalfUp, "288.00"),
        ];
        for (v, r, want) in cases {
            assert_eq!(Amount::round(d(v), r).to_string(), want, "{v} {r:?}");
        }
    }

    #[test]
    fn json_is_a_string_and_floats_are_not_read() {
        let a = Amount::new(d("288")).unwrap();
        assert_eq!(serde_json::to_string(&a).unwrap(), "\"288.00\"");
        assert_eq!(serde_json::from_str::<Amount>("\"288.00\"").unwrap(), a);
        assert_eq!(serde_json::from_str::<Amount>("288").unwrap(), a);
        assert!(serde_json::from_str::<Amount>("288.5").is_err());
    }

    #[test]
    fn overflow_is_an_error_not_a_panic() {
        assert_eq!(Amount::new(Decimal::MAX), Err(MoneyError::Overflow));
        let big = Amount::new(d("500000000000000000000000000")).unwrap();
        let sum = (0..20).try_fold(Amount::ZERO, |acc, _| acc.checked_add(big));
        assert_eq!(sum, Err(MoneyError::Overflow));
    }

    #[test]
    fn percentages_round_half_away_from_zero() {
        let due = Amount::from_fen(300);
        assert_eq!(due.percent_of(Amount::from_fen(200)), Some(d("66.67")));
        assert_eq!(Amount::ZERO.percent_of(due), None);
    }
}

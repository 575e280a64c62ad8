//! Sharing a sum by weights, and applying a rate to quantities.

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use super::amount::{Amount, MoneyError, Rounding};
use crate::money::decimal_text;

/// How a fixed sum is shared by weights so that the parts add up to it exactly.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum SplitMethod {
    /// Largest remainder (Hamilton): each part is first its exact share rounded down to
    /// the fen; the fen left over go one each to the parts with the largest remainders,
    /// ties to the earlier entry. The default.
    #[default]
    LargestRemainder,
}

/// Shares `total` by `weights` (floor areas, or any agreed key) with the named method.
/// The parts are in the order of the weights and add up to `total` exactly; a zero
/// weight gets nothing. A negative total is shared as its absolute value, negated.
pub fn split(
    total: Amount,
    weights: &[Decimal],
    method: SplitMethod,
) -> Result<Vec<Amount>, MoneyError> {
    let SplitMethod::LargestRemainder = method;
    if weights.is_empty() {
        return Err(MoneyError::BadWeights("there are no weights"));
    }
    if weights.iter().any(|w| w.is_sign_negative() && !w.is_zero()) {
        return Err(MoneyError::BadWeights("a weight is negative"));
    }
    let ints = integer_weights(weights)?;
    let sum = ints
        .iter()
        .try_fold(0u128, |acc, &w| acc.checked_add(w))
        .ok_or(MoneyError::Overflow)?;
    if sum == 0 {
        return Err(MoneyError::BadWeights("the weights add up to zero"));
    }
    let fen = total.value().mantissa();
    let whole = fen.unsigned_abs();
    let mut parts = Vec::with_capacity(ints.len());
    let mut remainders = Vec::with_capacity(ints.len());
    let mut given = 0u128;
    for &w in &ints {
        let product = whole.checked_mul(w).ok_or(MoneyError::Overflow)?;
        parts.push(product / sum);
        remainders.push(product % sum);
        given += product / sum;
    }
    let mut order: Vec<usize> = (0..ints.len()).collect();
    crate::order::sort_by(&mut order, |&a, &b| {
        remainders[b].cmp(&remainders[a]).then(a.cmp(&b))
    });
    // The floors fall short of the whole by less than one fen per part.
    let short = usize::try_from(whole - given).map_err(|_| MoneyError::Overflow)?;
    for &i in order.iter().take(short) {
        parts[i] += 1;
    }
    parts
        .into_iter()
        .map(|p| {
            let p = i128::try_from(p).map_err(|_| MoneyError::Overflow)?;
            let signed = if fen < 0 { -p } else { p };
            Decimal::try_from_i128_with_scale(signed, 2)
                .map_err(|_| MoneyError::Overflow)
                .and_then(Amount::new)
        })
        .collect()
}

/// Weights as integers at their largest common scale.
fn integer_weights(weights: &[Decimal]) -> Result<Vec<u128>, MoneyError> {
    let scale = weights
        .iter()
        .map(|w| w.normalize().scale())
        .max()
        .unwrap_or(0);
    weights
        .iter()
        .map(|w| {
            let w = w.normalize();
            let up = 10u128
                .checked_pow(scale - w.scale())
                .ok_or(MoneyError::Overflow)?;
            w.mantissa()
                .unsigned_abs()
                .checked_mul(up)
                .ok_or(MoneyError::Overflow)
        })
        .collect()
}

/// A rate applied to quantities: each part rounded on its own, and the residue.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct RateParts {
    /// `rate × quantity`, rounded with the named rounding, in the order of the quantities.
    pub parts: Vec<Amount>,
    /// The sum of the parts.
    pub total: Amount,
    /// The exact `rate × Σ quantities`, unrounded.
    #[serde(
        serialize_with = "decimal_text::write",
        deserialize_with = "decimal_text::read"
    )]
    pub exact: Decimal,
    /// `exact − total`: what rounding each part left out (or added), kept as its own
    /// line rather than hidden in a part.
    #[serde(
        serialize_with = "decimal_text::write",
        deserialize_with = "decimal_text::read"
    )]
    pub residue: Decimal,
}

/// Applies `rate` (yuan per unit: 4 yuan per m² per month) to each quantity, rounding
/// each part to the fen with `rounding`. Unlike [`split`], nothing forces the parts to a
/// total: the difference between the exact figure and the rounded parts is returned as
/// [`RateParts::residue`].
pub fn apply_rate(
    rate: Decimal,
    quantities: &[Decimal],
    rounding: Rounding,
) -> Result<RateParts, MoneyError> {
    let mut parts = Vec::with_capacity(quantities.len());
    let mut exact = Decimal::ZERO;
    for &q in quantities {
        let product = rate.checked_mul(q).ok_or(MoneyError::Overflow)?;
        exact = exact.checked_add(product).ok_or(MoneyError::Overflow)?;
        parts.push(Amount::round(product, rounding));
    }
    let total = Amount::try_sum(parts.iter().copied())?;
    let residue = exact
        .checked_sub(total.value())
        .ok_or(MoneyError::Overflow)?
        .normalize();
    Ok(RateParts {
        parts,
        total,
        exact: exact.normalize(),
        residue,
    })
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;

    fn d(s: &str) -> Decimal {
        Decimal::from_str_exact(s).unwrap()
    }

    fn texts(parts: &[Amount]) -> Vec<String> {
        parts.iter().map(|a| a.to_string()).collect()
    }

    #[test]
    fn vector_thousand_yuan_by_three_areas() {
        let total = Amount::new(d("1000")).unwrap();
        let parts = split(
            total,
            &[d("72"), d("89.5"), d("120.3")],
            SplitMethod::LargestRemainder,
        )
        .unwrap();
        assert_eq!(texts(&parts), ["255.50", "317.60", "426.90"]);
    }

    #[test]
    fn vector_four_yuan_on_seventy_two_square_metres() {
        let r = apply_rate(d("4"), &[d("72")], Rounding::HalfUp).unwrap();
        assert_eq!(texts(&r.parts), ["288.00"]);
        assert!(r.residue.is_zero());
    }

    #[test]
    fn ties_go_to_the_earlier_entry() {
        let parts = split(
            Amount::from_fen(100),
            &[d("1"); 3],
            SplitMethod::LargestRemainder,
        );
        assert_eq!(texts(&parts.unwrap()), ["0.34", "0.33", "0.33"]);
        let neg = split(
            Amount::from_fen(-100),
            &[d("1"); 3],
            SplitMethod::LargestRemainder,
        );
        assert_eq!(texts(&neg.unwrap()), ["-0.34", "-0.33", "-0.33"]);
    }

    #[test]
    fn zero_weights_get_nothing_and_bad_weights_are_refused() {
        let parts = split(
            Amount::from_fen(101),
            &[d("0"), d("2")],
            SplitMethod::default(),
        );
        assert_eq!(texts(&parts.unwrap()), ["0.00", "1.01"]);
        for bad in [vec![], vec![d("0")], vec![d("1"), d("-1")]] {
            let r = split(Amount::from_fen(1), &bad, SplitMethod::default());
            assert!(matches!(r, Err(MoneyError::BadWeights(_))), "{bad:?}");
        }
    }

    #[test]
    fn a_rate_keeps_its_rounding_residue() {
        let r = apply_rate(d("1.35"), &[d("72.33"), d("88.81")], Rounding::HalfUp).unwrap();
        // 97.6455 → 97.65 and 119.8935 → 119.89.
        assert_eq!(texts(&r.parts), ["97.65", "119.89"]);
        assert_eq!(r.exact, d("217.539"));
        assert_eq!(r.residue, d("-0.001"));
        assert_eq!(r.total.value() + r.residue, r.exact);
    }

    proptest! {
        #[test]
        fn splits_always_add_up(
            fen in -10_000_000_000i64..10_000_000_000,
            weights in proptest::collection::vec(0u32..1_000_000, 1..40),
        ) {
            prop_assume!(weights.iter().any(|&w| w > 0));
            let ws: Vec<Decimal> = weights.iter().map(|&w| Decimal::new(i64::from(w), 2)).collect();
            let total = Amount::from_fen(fen);
            let parts = split(total, &ws, SplitMethod::LargestRemainder).unwrap();
            prop_assert_eq!(Amount::try_sum(parts.iter().copied()).unwrap(), total);
            let sum: Decimal = ws.iter().sum();
            for (p, w) in parts.iter().zip(&ws) {
                // Each part is within one fen of its exact share.
                let exact = total.value() * w / sum;
                prop_assert!((p.value() - exact).abs() < Decimal::new(1, 2));
                if w.is_zero() {
                    prop_assert!(p.is_zero());
                }
            }
        }
    }
}

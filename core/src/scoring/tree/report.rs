//! What an evaluation reports for each community, and how communities are ranked.

use std::sync::Arc;

use crate::money::decimal_text;
use rust_decimal::Decimal;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// One community's result.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Evaluation {
    /// The community, as given in the data.
    pub community: String,
    /// The score out of 100, rounded half away from zero to two decimals ("90.00").
    #[serde(
        serialize_with = "decimal_text::write",
        deserialize_with = "decimal_text::read"
    )]
    pub score: Decimal,
    /// The grade: the band the rounded score reaches, or the lowest grade when a veto
    /// fired.
    pub grade: String,
    /// The competition rank (1, 2, 2, 4): communities without a fired veto first, then by
    /// score, highest first; equal scores share a rank.
    pub rank: u32,
    /// The ids of the vetoes that fired, in tree order.
    pub vetoed: Vec<String>,
    /// The points of each top-level node of the tree, in tree order.
    pub items: Vec<ItemScore>,
    /// The indicators that lost points, most points lost first, then in tree order.
    pub lost: Vec<Loss>,
}

/// The points of one top-level node.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct ItemScore {
    /// The node's id.
    pub id: String,
    /// The node's name.
    pub name: String,
    /// The points earned, two decimals.
    #[serde(
        serialize_with = "decimal_text::write",
        deserialize_with = "decimal_text::read"
    )]
    pub points: Decimal,
    /// The most points it can give, two decimals.
    #[serde(
        serialize_with = "decimal_text::write",
        deserialize_with = "decimal_text::read"
    )]
    pub max: Decimal,
}

/// Points an indicator lost: why a community's score is below 100.
///
/// Unrounded, the losses add up to 100 minus the unrounded score; an indicator that lost
/// less than half a hundredth is listed with `0.00`.
// The texts are shared with the other losses of the same indicator (`Arc<str>`), as there
// is one loss per indicator and community; in JSON they are plain strings.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Loss {
    /// The indicator's id.
    #[serde(with = "shared_str")]
    #[cfg_attr(feature = "schema", schemars(with = "String"))]
    pub indicator: Arc<str>,
    /// The indicator's name.
    #[serde(with = "shared_str")]
    #[cfg_attr(feature = "schema", schemars(with = "String"))]
    pub name: Arc<str>,
    /// The id of the top-level node it sits under.
    #[serde(with = "shared_str")]
    #[cfg_attr(feature = "schema", schemars(with = "String"))]
    pub item: Arc<str>,
    /// The community's value.
    #[serde(
        serialize_with = "decimal_text::write",
        deserialize_with = "decimal_text::read"
    )]
    pub value: Decimal,
    /// The points lost, two decimals.
    #[serde(
        serialize_with = "decimal_text::write",
        deserialize_with = "decimal_text::read"
    )]
    pub points_lost: Decimal,
}

/// A shared text as a JSON string.
mod shared_str {
    use super::*;

    pub(super) fn serialize<S: Serializer>(text: &Arc<str>, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(text)
    }

    pub(super) fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Arc<str>, D::Error> {
        String::deserialize(d).map(Arc::from)
    }
}

/// Rounds half away from zero to two decimals and keeps both decimals ("90.00").
pub(crate) fn round2(value: Decimal) -> Decimal {
    Decimal::from_i128_with_scale(hundredths(value), 2)
}

/// The value in hundredths, rounded half away from zero: the same as
/// `round_dp_with_strategy(2, MidpointAwayFromZero)`, in integers, as it runs once per
/// lost indicator.
pub(crate) fn hundredths(value: Decimal) -> i128 {
    let mantissa = value.mantissa();
    let scale = value.scale();
    if scale <= 2 {
        // |mantissa| < 2^96, so ×100 fits.
        return mantissa * 10i128.pow(2 - scale);
    }
    let unit = 10i128.pow(scale - 2);
    let (whole, rest) = (mantissa / unit, mantissa % unit);
    if rest.abs() * 2 >= unit {
        whole + mantissa.signum()
    } else {
        whole
    }
}

/// Competition ranks for `(vetoed, rounded score)` keys, in the keys' order.
pub(crate) fn competition_ranks(keys: &[(bool, Decimal)]) -> Vec<u32> {
    let mut order: Vec<usize> = (0..keys.len()).collect();
    // Not vetoed (false) sorts first; then the higher score.
    let better = |a: &(bool, Decimal), b: &(bool, Decimal)| a.0.cmp(&b.0).then(b.1.cmp(&a.1));
    order.sort_by(|&a, &b| better(&keys[a], &keys[b]));
    let mut ranks = vec![0u32; keys.len()];
    let mut rank = 1u32;
    for (pos, &i) in order.iter().enumerate() {
        let tied = pos > 0 && keys[order[pos - 1]] == keys[i];
        if !tied {
            rank = u32::try_from(pos + 1).unwrap_or(u32::MAX);
        }
        ranks[i] = rank;
    }
    ranks
}

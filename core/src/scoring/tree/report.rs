//! What an evaluation reports for each community, and how communities are ranked.

use std::sync::Arc;

use crate::money::decimal_text;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize, Serializer};

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
// In JSON the node's names are fields of their own: `{"id", "name", "points", "max"}`.
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
#[serde(from = "ItemFields<String>")]
#[cfg_attr(
    feature = "schema",
    derive(schemars::JsonSchema),
    schemars(with = "ItemFields<String>")
)]
pub struct ItemScore {
    /// The node's id and name, shared with every other community's score of the node.
    pub item: Arc<ItemNames>,
    /// The points earned, two decimals.
    pub points: Decimal,
    /// The most points it can give, two decimals.
    pub max: Decimal,
}

/// A top-level node's id and name, as its scores repeat them.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct ItemNames {
    /// The node's id.
    pub id: String,
    /// The node's name.
    pub name: String,
}

/// An [`ItemScore`] as its JSON reads: `T` is `&str` when written, `String` when read.
#[derive(Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
struct ItemFields<T> {
    /// The node's id.
    id: T,
    /// The node's name.
    name: T,
    /// The points earned, two decimals.
    #[serde(
        serialize_with = "decimal_text::write",
        deserialize_with = "decimal_text::read"
    )]
    points: Decimal,
    /// The most points it can give, two decimals.
    #[serde(
        serialize_with = "decimal_text::write",
        deserialize_with = "decimal_text::read"
    )]
    max: Decimal,
}

impl From<ItemFields<String>> for ItemScore {
    fn from(f: ItemFields<String>) -> ItemScore {
        let item = Arc::new(ItemNames {
            id: f.id,
            name: f.name,
        });
        ItemScore {
            item,
            points: f.points,
            max: f.max,
        }
    }
}

impl Serialize for ItemScore {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        ItemFields {
            id: self.item.id.as_str(),
            name: self.item.name.as_str(),
            points: self.points,
            max: self.max,
        }
        .serialize(s)
    }
}

/// Points an indicator lost: why a community's score is below 100.
///
/// Unrounded, the losses add up to 100 minus the unrounded score; an indicator that lost
/// less than half a hundredth is listed with `0.00`.
// In JSON the indicator's names are fields of their own:
// `{"indicator", "name", "item", "value", "points_lost"}`.
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
#[serde(from = "LossFields<String>")]
#[cfg_attr(
    feature = "schema",
    derive(schemars::JsonSchema),
    schemars(with = "LossFields<String>")
)]
pub struct Loss {
    /// The indicator's id, its name and its top-level node's id, shared with every other
    /// community's loss of the indicator (there is one loss per indicator and community).
    pub indicator: Arc<IndicatorNames>,
    /// The community's value.
    pub value: Decimal,
    /// The points lost, two decimals.
    pub points_lost: Decimal,
}

/// The texts that name an indicator where it lost points.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct IndicatorNames {
    /// The indicator's id.
    pub id: String,
    /// The indicator's name.
    pub name: String,
    /// The id of the top-level node it sits under.
    pub item: String,
}

/// A [`Loss`] as its JSON reads: `T` is `&str` when written, `String` when read.
#[derive(Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
struct LossFields<T> {
    /// The indicator's id.
    indicator: T,
    /// The indicator's name.
    name: T,
    /// The id of the top-level node it sits under.
    item: T,
    /// The community's value.
    #[serde(
        serialize_with = "decimal_text::write",
        deserialize_with = "decimal_text::read"
    )]
    value: Decimal,
    /// The points lost, two decimals.
    #[serde(
        serialize_with = "decimal_text::write",
        deserialize_with = "decimal_text::read"
    )]
    points_lost: Decimal,
}

impl From<LossFields<String>> for Loss {
    fn from(f: LossFields<String>) -> Loss {
        let indicator = Arc::new(IndicatorNames {
            id: f.indicator,
            name: f.name,
            item: f.item,
        });
        Loss {
            indicator,
            value: f.value,
            points_lost: f.points_lost,
        }
    }
}

impl Serialize for Loss {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        LossFields {
            indicator: self.indicator.id.as_str(),
            name: self.indicator.name.as_str(),
            item: self.indicator.item.as_str(),
            value: self.value,
            points_lost: self.points_lost,
        }
        .serialize(s)
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
    crate::order::sort_by(&mut order, |&a, &b| better(&keys[a], &keys[b]));
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

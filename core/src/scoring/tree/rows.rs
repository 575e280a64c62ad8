//! A tree's summary, and evaluations laid out as long tables: one row per community and
//! lost indicator, or per community and top-level node.

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use super::model::Tree;
use super::report::Evaluation;
use crate::money::decimal_text;

/// The parts of a valid rating tree, counted.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "schema", schemars(rename = "RatingTreeSummary"))]
pub struct TreeSummary {
    /// The scheme's name.
    pub name: String,
    /// Top-level nodes.
    pub top_level: u64,
    /// Items (考核项目): the groups just above the indicators.
    pub items: u64,
    /// Indicators (指标): the leaves.
    pub indicators: u64,
    /// Veto items (一票否决).
    pub vetoes: u64,
}

impl Tree {
    /// Counts the tree's parts (it is not validated here).
    pub fn summary(&self) -> TreeSummary {
        TreeSummary {
            name: self.name.clone(),
            top_level: self.items.len() as u64,
            items: self.item_count() as u64,
            indicators: self.indicators().len() as u64,
            vetoes: self.vetoes.len() as u64,
        }
    }
}

/// An indicator that lost points, with its community's grade and rank.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct LossRow {
    /// The community.
    pub community: String,
    /// The community's grade.
    pub grade: String,
    /// The community's rank.
    pub rank: u32,
    /// The indicator's id.
    pub indicator: String,
    /// The indicator's name.
    pub name: String,
    /// The id of the top-level node it sits under.
    pub item: String,
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

/// The points of one top-level node for one community, with its grade and rank.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct ItemScoreRow {
    /// The community.
    pub community: String,
    /// The community's grade.
    pub grade: String,
    /// The community's rank.
    pub rank: u32,
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

/// Every lost indicator of the evaluations, community by community, each community's
/// losses most points lost first.
pub fn loss_rows(evaluations: &[Evaluation]) -> Vec<LossRow> {
    evaluations
        .iter()
        .flat_map(|e| {
            e.lost.iter().map(move |l| LossRow {
                community: e.community.clone(),
                grade: e.grade.clone(),
                rank: e.rank,
                indicator: l.indicator.id.clone(),
                name: l.indicator.name.clone(),
                item: l.indicator.item.clone(),
                value: l.value,
                points_lost: l.points_lost,
            })
        })
        .collect()
}

/// Every top-level node's points of the evaluations, community by community, in tree
/// order.
pub fn item_score_rows(evaluations: &[Evaluation]) -> Vec<ItemScoreRow> {
    evaluations
        .iter()
        .flat_map(|e| {
            e.items.iter().map(move |i| ItemScoreRow {
                community: e.community.clone(),
                grade: e.grade.clone(),
                rank: e.rank,
                id: i.item.id.clone(),
                name: i.item.name.clone(),
                points: i.points,
                max: i.max,
            })
        })
        .collect()
}

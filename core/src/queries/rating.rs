//! The community rating tree (社区考核评价指标体系) as pure functions: rate communities on
//! a tree, check a tree, and lay evaluations out as long tables of losses or of items.

use serde::Deserialize;

use crate::error::Error;
use crate::queries::typed::Function;
use crate::scoring::tree::{
    evaluate, item_score_rows, loss_rows, CommunityData, Evaluation, ItemScoreRow, LossRow, Tree,
    TreeSummary,
};

/// Rates communities on a rating tree: one evaluation per community, in the order of the
/// data, each with its score out of 100, grade, competition rank (1, 2, 2, 4;
/// communities with a fired veto 一票否决 rank last, with the lowest grade), the fired
/// vetoes, the points of each top-level node and the indicators that lost points, most
/// lost first.
#[derive(Clone, Debug, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct EvaluateCommunities {
    /// The rating tree: weighted groups down to indicators, veto items and grade bands.
    pub tree: Tree,
    /// Each community's value for every indicator, and the vetoes that fired.
    pub data: Vec<CommunityData>,
}

impl Function for EvaluateCommunities {
    type Answer = Vec<Evaluation>;

    fn call(self) -> Result<Self::Answer, Error> {
        Ok(evaluate(&self.tree, &self.data)?)
    }
}

/// Checks a rating tree (ids unique, weights and targets above 0, groups not empty, at
/// most 8 levels, bands descending …) and counts its parts; a tree that breaks a rule is
/// refused with the path of the node at fault (`items[3].children[1]`).
#[derive(Clone, Debug, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct CheckRatingTree {
    /// The rating tree.
    pub tree: Tree,
}

impl Function for CheckRatingTree {
    type Answer = TreeSummary;

    fn call(self) -> Result<Self::Answer, Error> {
        self.tree.validate()?;
        Ok(self.tree.summary())
    }
}

/// Every indicator that lost points, over the evaluations given (as
/// `evaluate_communities` returns them), as one long table: one row per community and
/// indicator, with the community's grade and rank, community by community.
#[derive(Clone, Debug, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct RatingLosses {
    /// The evaluations.
    pub evaluations: Vec<Evaluation>,
}

impl Function for RatingLosses {
    type Answer = Vec<LossRow>;

    fn call(self) -> Result<Self::Answer, Error> {
        Ok(loss_rows(&self.evaluations))
    }
}

/// The points of every top-level node, over the evaluations given (as
/// `evaluate_communities` returns them), as one long table: one row per community and
/// node, with the community's grade and rank, community by community.
#[derive(Clone, Debug, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct RatingItems {
    /// The evaluations.
    pub evaluations: Vec<Evaluation>,
}

impl Function for RatingItems {
    type Answer = Vec<ItemScoreRow>;

    fn call(self) -> Result<Self::Answer, Error> {
        Ok(item_score_rows(&self.evaluations))
    }
}

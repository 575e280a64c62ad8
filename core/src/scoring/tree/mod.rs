//! The community rating tree (社区考核评价指标体系): a rating scheme held as data, such as
//! 宝鸡's "four types" communities (四型社区: 48 items, 133 indicators), with weights per
//! level, veto items (一票否决) and grade bands (优秀 ≥ 90, 良好 ≥ 80, 合格 ≥ 60, else
//! 不合格).
//!
//! A [`Tree`] is loaded from JSON with [`Tree::from_json`] (unknown fields are refused)
//! and checked by [`Tree::validate`]; [`evaluate`] scores communities' [`CommunityData`]
//! on it and returns one [`Evaluation`] per community: score, grade, rank, fired vetoes,
//! the points of each top-level node and the indicators that lost points.
//!
//! ## Levels and words
//!
//! - The **top-level nodes** are `Tree::items` (the four types in the sample scheme);
//!   [`Evaluation::items`] and [`IndicatorNames::item`] refer to them.
//! - An **indicator** (指标) is a leaf: a node with `normalise`.
//! - An **item** (考核项目) of a scheme, as counted by [`Tree::item_count`], is a group
//!   with at least one indicator among its children, the level just above the leaves. In
//!   the sample scheme that is the second level: 4 types → 48 items → 133 indicators.
//!
//! ## Scoring
//!
//! Weights are relative among siblings at every level. An indicator's share of 100 is
//! 100 × the product of the normalised weights on its path; its score `s` in 0..=1 comes
//! from its [`Normalise`] rule; a community's score is Σ share × s, rounded half away
//! from zero to two decimals, and the grade is read from the rounded score. Any fired
//! veto forces the `lowest` grade whatever the score, and ranks the community after
//! every community without one.
//!
//! ## JSON
//!
//! Decimals are strings, as everywhere in Gridward. A group has `children`, an
//! indicator has `normalise` (`method` is `target`, `min_max` or `flag`); `vetoes`,
//! `bands` and `lowest` may be left out for none and the defaults.
//!
//! ```
//! use gridward::scoring::tree::{evaluate, CommunityData, Tree};
//!
//! # fn main() -> Result<(), Box<dyn std::error::Error>> {
//! let tree = Tree::from_json(r#"{
//!   "name": "示例",
//!   "items": [
//!     {"id": "convenient", "name": "便利型", "weight": "60", "children": [
//!       {"id": "closure_rate", "name": "结案率", "weight": "1",
//!        "normalise": {"method": "target", "target": "95", "better": "higher"}}
//!     ]},
//!     {"id": "safety_plan", "name": "应急预案", "weight": "40",
//!      "normalise": {"method": "flag"}}
//!   ],
//!   "vetoes": [{"id": "major_accident", "name": "发生重大安全责任事故"}]
//! }"#)?;
//! let data: Vec<CommunityData> = serde_json::from_str(r#"[
//!   {"community": "渭滨社区", "values": {"closure_rate": "85.5", "safety_plan": "1"}},
//!   {"community": "金台社区", "values": {"closure_rate": "99", "safety_plan": "1"},
//!    "vetoes": ["major_accident"]}
//! ]"#)?;
//! let result = evaluate(&tree, &data)?;
//! assert_eq!(result[0].score.to_string(), "94.00"); // 60 × 85.5/95 + 40
//! assert_eq!((result[0].grade.as_str(), result[0].rank), ("优秀", 1));
//! assert_eq!(result[0].lost[0].indicator.id, "closure_rate");
//! assert_eq!((result[1].grade.as_str(), result[1].rank), ("不合格", 2));
//! # Ok(())
//! # }
//! ```

mod error;
mod evaluate;
mod model;
mod report;
mod rows;
mod validate;

#[cfg(test)]
mod tests;
#[cfg(test)]
mod tests_errors;
#[cfg(test)]
mod tests_parts;
#[cfg(test)]
mod tests_sample;

pub use error::TreeError;
pub use evaluate::evaluate;
pub use model::{
    default_bands, default_lowest, Band, Better, CommunityData, Node, NodeKind, Normalise, Tree,
    Veto,
};
pub(crate) use report::{competition_ranks, round2};
pub use report::{Evaluation, IndicatorNames, ItemNames, ItemScore, Loss};
pub use rows::{item_score_rows, loss_rows, ItemScoreRow, LossRow, TreeSummary};
pub use validate::{MAX_DEPTH, MAX_TEXT};

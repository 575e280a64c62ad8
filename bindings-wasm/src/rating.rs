//! The community rating tree (社区考核评价指标体系) as free functions: `evaluateCommunities`
//! scores communities' data on a rating scheme held as data (weighted groups down to
//! indicators, veto items 一票否决, grade bands 优秀 / 良好 / 合格 / 不合格);
//! `ratingLosses` lays the indicators that lost points out as one long table; and
//! `checkRatingTree` validates a scheme and counts its parts.
//!
//! A tree is given as an object in its JSON form or as JSON text; decimals (weights,
//! targets, band minimums, values) as strings or numbers (read through their shortest
//! decimal text). Scores and points come out as strings with two decimals (`"90.00"`).

use gridward::scoring::tree::{evaluate, Evaluation};
use serde::Serialize;
use wasm_bindgen::prelude::*;

use crate::error::WardError;
use crate::js;

/// Scores communities on a rating tree: one evaluation per community, in the order given,
/// each with its score out of 100, grade, rank (1, 2, 2, 4 — communities without a fired
/// veto first), fired vetoes, the points of each top-level item and the indicators that
/// lost points, most lost first.
///
/// ```js
/// const [first] = evaluateCommunities(tree, [
///   { community: "渭滨社区", values: { closure_rate: "85.5", safety_plan: 1 } }]);
/// console.log(first.score, first.grade, first.lost[0].indicator);
/// ```
#[wasm_bindgen(js_name = evaluateCommunities, unchecked_return_type = "Evaluation[]")]
pub fn evaluate_communities(
    #[wasm_bindgen(unchecked_param_type = "RatingTreeInput | string")] tree: JsValue,
    #[wasm_bindgen(unchecked_param_type = "CommunityDataInput[]")] data: JsValue,
) -> Result<JsValue, WardError> {
    let tree = js::rating_tree(&tree)?;
    let data = js::community_data(&data)?;
    js::to_js(&evaluate(&tree, &data)?)
}

/// An indicator that lost points, with its community: the rows of `ratingLosses`.
#[derive(Serialize)]
struct LossRow<'a> {
    community: &'a str,
    grade: &'a str,
    rank: u32,
    indicator: &'a str,
    name: &'a str,
    item: &'a str,
    value: rust_decimal::Decimal,
    points_lost: rust_decimal::Decimal,
}

/// Every indicator that lost points, over all the evaluations given (as
/// `evaluateCommunities` returned them), as one long table: `{ community, grade, rank,
/// indicator, name, item, value, points_lost }`, community by community.
#[wasm_bindgen(js_name = ratingLosses, unchecked_return_type = "LossRow[]")]
pub fn rating_losses(
    #[wasm_bindgen(unchecked_param_type = "Evaluation[]")] evaluations: JsValue,
) -> Result<JsValue, WardError> {
    let evaluations: Vec<Evaluation> = js::evaluations(&evaluations)?;
    let rows: Vec<LossRow<'_>> = evaluations
        .iter()
        .flat_map(|e| {
            e.lost.iter().map(move |l| LossRow {
                community: &e.community,
                grade: &e.grade,
                rank: e.rank,
                indicator: &l.indicator,
                name: &l.name,
                item: &l.item,
                value: l.value,
                points_lost: l.points_lost,
            })
        })
        .collect();
    js::to_js(&rows)
}

/// What `checkRatingTree` reports of a valid tree.
#[derive(Serialize)]
struct TreeSummary<'a> {
    name: &'a str,
    top_level: usize,
    items: usize,
    indicators: usize,
    vetoes: usize,
}

/// Validates a rating tree (ids unique, weights and targets positive, bands descending,
/// at most 8 levels …) and counts its parts: `{ name, top_level, items, indicators,
/// vetoes }`, items being the groups just above the indicators. Throws a `GridwardError`
/// whose message gives the offending node's path (`items[3].children[1]`).
#[wasm_bindgen(js_name = checkRatingTree, unchecked_return_type = "RatingTreeSummary")]
pub fn check_rating_tree(
    #[wasm_bindgen(unchecked_param_type = "RatingTreeInput | string")] tree: JsValue,
) -> Result<JsValue, WardError> {
    let tree = js::rating_tree(&tree)?;
    js::to_js(&TreeSummary {
        name: &tree.name,
        top_level: tree.items.len(),
        items: tree.item_count(),
        indicators: tree.indicators().len(),
        vetoes: tree.vetoes.len(),
    })
}

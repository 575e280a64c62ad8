//! Conversion for the community rating tree: a tree as an object or JSON text, the
//! communities' data, and evaluations given back (for `ratingLosses`).
//!
//! Numbers where the core holds decimals (weights, targets, band minimums, values) are
//! read through their shortest decimal text, as amounts are; `null` means absent. A tree
//! the core cannot read or that fails validation throws the core's own code
//! (`tree_json`, `duplicate_id`, `bad_weight` …); data of the wrong shape throws
//! `invalid_rating_data`, naming the community's place in the list.

use gridward::scoring::tree::{CommunityData, Evaluation, Tree};
use js_sys::Array;
use wasm_bindgen::{JsCast, JsValue};

use super::{from_json, is_plain_object, non_finite, tidy, to_json};
use crate::error::WardError;

const DATA: &str = "invalid_rating_data";

/// A rating tree: JSON text, or an object in the tree's JSON form. Validated.
pub fn rating_tree(value: &JsValue) -> Result<Tree, WardError> {
    if let Some(text) = value.as_string() {
        return Ok(Tree::from_json(&text)?);
    }
    if !is_plain_object(value) {
        return Err(WardError::input(
            "invalid_rating_tree",
            "tree: expected an object { name, items, vetoes?, bands?, lowest? } or its JSON text",
        ));
    }
    if let Some(path) = non_finite(value, "tree") {
        return Err(WardError::input(
            "invalid_decimal",
            format!("{path}: NaN or an infinity is not a decimal number"),
        ));
    }
    let mut json = to_json(value, "invalid_rating_tree", "tree")?;
    tidy(&mut json)?;
    let text = serde_json::to_string(&json).map_err(|e| WardError::Output(e.to_string()))?;
    Ok(Tree::from_json(&text)?)
}

/// The communities' data: `[{ community, values: { indicator: value }, vetoes? }]`.
pub fn community_data(value: &JsValue) -> Result<Vec<CommunityData>, WardError> {
    let list = value.dyn_ref::<Array>().ok_or_else(|| {
        WardError::input(
            DATA,
            "data: expected an array of { community, values, vetoes? }",
        )
    })?;
    list.iter()
        .enumerate()
        .map(|(i, row)| {
            let what = format!("data[{i}]");
            if !is_plain_object(&row) {
                return Err(WardError::input(
                    DATA,
                    format!("{what}: expected an object"),
                ));
            }
            if let Some(path) = non_finite(&row, &what) {
                return Err(WardError::input(
                    "invalid_decimal",
                    format!("{path}: NaN or an infinity is not a decimal number"),
                ));
            }
            let mut json = to_json(&row, DATA, &what)?;
            tidy(&mut json)?;
            from_json(json, DATA, &what)
        })
        .collect()
}

/// Evaluations as `evaluateCommunities` returned them.
pub fn evaluations(value: &JsValue) -> Result<Vec<Evaluation>, WardError> {
    const CODE: &str = "invalid_evaluations";
    if !value.is_instance_of::<Array>() {
        return Err(WardError::input(
            CODE,
            "evaluations: expected the array evaluateCommunities returned",
        ));
    }
    from_json(to_json(value, CODE, "evaluations")?, CODE, "evaluations")
}

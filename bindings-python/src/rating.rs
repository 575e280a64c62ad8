//! The community rating tree (社区考核评价指标体系) as a module function:
//! `evaluate_communities(tree, data)` scores communities on a data-driven indicator tree
//! with weights, veto items (一票否决) and grade bands, and says where each one lost
//! points.
//!
//! The tree is a dict or JSON text (`{"name", "items": [{"id", "name", "weight",
//! "children" | "normalise"}], "vetoes", "bands", "lowest"}`); the data a list of dicts
//! `{"community", "values": {indicator: value}, "vetoes": [ids]}` (or a DataFrame with
//! those columns). Weights, targets, band minimums and values are `Decimal`, int or str;
//! floats are refused. Scores and points come back as `Decimal`.

use gridward::scoring::tree::{evaluate, CommunityData, Tree};
use gridward::Error;
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyString};
use serde_json::Value;

use crate::convert::{to_value, Missing};
use crate::error::{core, invalid};
use crate::points_convert as pc;

/// Keys of an evaluation whose text values are decimals (beside the shared ones).
const EVALUATION_DECIMALS: [&str; 4] = ["points", "max", "value", "points_lost"];

/// Every number in a tree or its data is a decimal, which the core reads from text.
fn numbers_to_text(value: Value) -> Value {
    match value {
        Value::Number(n) => Value::String(n.to_string()),
        Value::Array(items) => Value::Array(items.into_iter().map(numbers_to_text).collect()),
        Value::Object(map) => Value::Object(
            map.into_iter()
                .map(|(k, v)| (k, numbers_to_text(v)))
                .collect(),
        ),
        other => other,
    }
}

/// A tree from JSON text or a dict, checked by the core (`tree_json` when malformed).
fn read_tree(obj: &Bound<'_, PyAny>) -> PyResult<Tree> {
    let text = if let Ok(s) = obj.downcast::<PyString>() {
        s.to_cow()?.into_owned()
    } else {
        let value = numbers_to_text(to_value(obj, Missing::Keep)?);
        serde_json::to_string(&value).map_err(|e| invalid("encode", e.to_string()))?
    };
    Tree::from_json(&text).map_err(|e| core(Error::from(e)))
}

/// Community data from a list of dicts or anything with pandas' `to_dict("records")`.
fn read_data(obj: &Bound<'_, PyAny>) -> PyResult<Vec<CommunityData>> {
    let rows = if obj.hasattr("to_dict")? && !obj.is_instance_of::<PyDict>() {
        obj.call_method1("to_dict", ("records",))?
    } else {
        obj.clone()
    };
    let mut data = Vec::new();
    for (i, row) in rows.try_iter()?.enumerate() {
        let value = numbers_to_text(to_value(&row?, Missing::Drop)?);
        let community = serde_json::from_value(value).map_err(|e| {
            invalid(
                "invalid_row",
                format!(
                    "community data {i}: {e}; give {{\"community\", \"values\": {{indicator: \
                     value}}, \"vetoes\": [ids]}}"
                ),
            )
        })?;
        data.push(community);
    }
    Ok(data)
}

/// Rates communities on an indicator tree: one evaluation per community, in the order
/// of the data, each with its competition rank (communities with a fired veto rank
/// last, with the lowest grade) — `{community, score, grade, rank, vetoed,
/// items: [{id, name, points, max}], lost: [{indicator, name, item, value,
/// points_lost}]}` with scores and points as `Decimal`. `tree` is a dict or JSON text;
/// `data` a list of `{"community", "values", "vetoes"}` dicts.
///
/// >>> evaluate_communities(tree, [{"community": "渭滨社区",
/// ...     "values": {"closure_rate": "85.5"}}])[0]["score"]  # doctest: +SKIP
/// Decimal('94.00')
#[pyfunction]
pub fn evaluate_communities<'py>(
    py: Python<'py>,
    tree: &Bound<'py, PyAny>,
    data: &Bound<'py, PyAny>,
) -> PyResult<Bound<'py, PyAny>> {
    let tree = read_tree(tree)?;
    let data = read_data(data)?;
    let evaluations = evaluate(&tree, &data).map_err(|e| core(Error::from(e)))?;
    pc::to_py_with(py, &pc::json(&evaluations)?, &EVALUATION_DECIMALS)
}

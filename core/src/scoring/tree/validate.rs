//! The rules a tree must keep; errors name the path of the offending node.

use std::collections::HashMap;

use rust_decimal::Decimal;

use super::error::TreeError;
use super::model::{Node, NodeKind, Normalise, Tree};
use crate::text::why_bad;

/// The longest id, name or label, in characters.
pub const MAX_TEXT: usize = 200;
/// The most levels a tree may have (top-level items are level 1).
pub const MAX_DEPTH: usize = 8;

impl Tree {
    /// Checks the tree: ids unique across nodes and vetoes, ids, names and labels
    /// non-empty and at most [`MAX_TEXT`] characters, weights and targets above 0, groups
    /// non-empty, at most [`MAX_DEPTH`] levels, bands strictly descending within 0..=100
    /// with distinct labels.
    pub fn validate(&self) -> Result<(), TreeError> {
        text("name", "name", &self.name)?;
        let mut ids: HashMap<&str, String> = HashMap::new();
        nodes(&self.items, "items", 1, &mut ids)?;
        for (i, veto) in self.vetoes.iter().enumerate() {
            let path = format!("vetoes[{i}]");
            text(&path, "id", &veto.id)?;
            text(&path, "name", &veto.name)?;
            unique(&veto.id, path, &mut ids)?;
        }
        bands(self)
    }
}

fn text(path: &str, what: &'static str, value: &str) -> Result<(), TreeError> {
    match why_bad(value, MAX_TEXT, false) {
        Some(why) => Err(TreeError::BadText {
            path: path.into(),
            what,
            value: value.into(),
            why,
        }),
        None => Ok(()),
    }
}

fn unique<'t>(
    id: &'t str,
    path: String,
    ids: &mut HashMap<&'t str, String>,
) -> Result<(), TreeError> {
    if let Some(first) = ids.get(id) {
        return Err(TreeError::DuplicateId {
            id: id.into(),
            path,
            first: first.clone(),
        });
    }
    ids.insert(id, path);
    Ok(())
}

/// Checks siblings under `parent` (`items` or a group's `….children`) at `depth`.
fn nodes<'t>(
    list: &'t [Node],
    parent: &str,
    depth: usize,
    ids: &mut HashMap<&'t str, String>,
) -> Result<(), TreeError> {
    if list.is_empty() {
        return Err(TreeError::EmptyGroup {
            path: parent.into(),
        });
    }
    let mut sum = Decimal::ZERO;
    for (i, node) in list.iter().enumerate() {
        let path = format!("{parent}[{i}]");
        if depth > MAX_DEPTH {
            return Err(TreeError::TooDeep {
                path,
                max: MAX_DEPTH,
            });
        }
        text(&path, "id", &node.id)?;
        text(&path, "name", &node.name)?;
        if node.weight <= Decimal::ZERO {
            return Err(TreeError::BadWeight {
                path,
                weight: node.weight,
            });
        }
        sum = sum
            .checked_add(node.weight)
            .ok_or_else(|| TreeError::WeightsTooLarge {
                path: parent.into(),
            })?;
        unique(&node.id, path.clone(), ids)?;
        match &node.kind {
            NodeKind::Group { children } => {
                nodes(children, &format!("{path}.children"), depth + 1, ids)?;
            }
            NodeKind::Indicator {
                normalise: Normalise::Target { target, .. },
            } if *target <= Decimal::ZERO => {
                return Err(TreeError::BadTarget {
                    path,
                    target: *target,
                });
            }
            NodeKind::Indicator { .. } => {}
        }
    }
    Ok(())
}

fn bands(tree: &Tree) -> Result<(), TreeError> {
    text("lowest", "label", &tree.lowest)?;
    let hundred = Decimal::ONE_HUNDRED;
    for (i, band) in tree.bands.iter().enumerate() {
        let path = format!("bands[{i}]");
        text(&path, "label", &band.label)?;
        let bad = |why: String| TreeError::BadBand {
            path: path.clone(),
            why,
        };
        if band.min < Decimal::ZERO || band.min > hundred {
            return Err(bad(format!("min {} is not within 0..=100", band.min)));
        }
        if let Some(before) = i.checked_sub(1).and_then(|j| tree.bands.get(j)) {
            if band.min >= before.min {
                return Err(bad(format!(
                    "min {} is not below the band before it ({})",
                    band.min, before.min
                )));
            }
        }
        let repeated = tree.bands[..i].iter().any(|b| b.label == band.label);
        if repeated || band.label == tree.lowest {
            return Err(bad(format!("label {:?} is used twice", band.label)));
        }
    }
    Ok(())
}

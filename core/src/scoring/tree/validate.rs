//! The rules a tree must keep; errors name the path of the offending node.

use std::collections::HashMap;

use rust_decimal::Decimal;

use super::error::TreeError;
use super::model::{Node, NodeKind, Normalise, Tree};
use crate::text::TextKind::{Key, Name};
use crate::text::{check, TextError, TextKind};

/// The longest name or label, in characters (an id follows [`TextKind::Key`]: at most
/// 128).
pub const MAX_TEXT: usize = TextKind::Name.max_chars();
/// The most levels a tree may have (top-level items are level 1).
pub const MAX_DEPTH: usize = 8;

impl Tree {
    /// Checks the tree: ids unique across nodes and vetoes, ids keys and names and labels
    /// names by the [text rule](crate::text) (a name at most [`MAX_TEXT`] characters),
    /// weights and targets above 0, groups non-empty, at most [`MAX_DEPTH`] levels, bands
    /// strictly descending within 0..=100 with distinct labels.
    pub fn validate(&self) -> Result<(), TreeError> {
        check(Name, "name", &self.name).map_err(at("name"))?;
        let mut ids: HashMap<&str, String> = HashMap::new();
        nodes(&self.items, "items", 1, &mut ids)?;
        for (i, veto) in self.vetoes.iter().enumerate() {
            let path = format!("vetoes[{i}]");
            check(Key, "id", &veto.id).map_err(at(&path))?;
            check(Name, "name", &veto.name).map_err(at(&path))?;
            unique(&veto.id, path, &mut ids)?;
        }
        bands(self)
    }
}

/// Places a refused text at `path` in the tree.
fn at(path: &str) -> impl FnOnce(TextError) -> TreeError + '_ {
    move |source| TreeError::Text {
        path: path.to_owned(),
        source,
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
        check(Key, "id", &node.id).map_err(at(&path))?;
        check(Name, "name", &node.name).map_err(at(&path))?;
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
    check(Name, "label", &tree.lowest).map_err(at("lowest"))?;
    let hundred = Decimal::ONE_HUNDRED;
    for (i, band) in tree.bands.iter().enumerate() {
        let path = format!("bands[{i}]");
        check(Name, "label", &band.label).map_err(at(&path))?;
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

//! Scoring communities on a tree: each leaf's share of 100 is computed once, the data is
//! checked in full and min–max bounds found in one pass, then each community is scored.

use std::cmp::Ordering;
use std::collections::HashSet;
use std::sync::Arc;

use rust_decimal::Decimal;

use super::error::TreeError;
use super::model::{Better, CommunityData, Node, NodeKind, Normalise, Tree};
use super::report::{competition_ranks, hundredths, round2, Evaluation, ItemScore, Loss};
use crate::text::{check, TextKind};

/// An indicator with its place in the tree resolved.
struct Leaf<'t> {
    node: &'t Node,
    normalise: &'t Normalise,
    /// 100 × the product of the normalised weights on its path.
    share: Decimal,
    /// The index of its top-level node.
    top: usize,
    /// The texts every loss of this indicator repeats, allocated once.
    id: Arc<str>,
    name: Arc<str>,
    item: Arc<str>,
}

fn plan_leaves<'t>(
    nodes: &'t [Node],
    share: Decimal,
    top: Option<(usize, &Arc<str>)>,
    out: &mut Vec<Leaf<'t>>,
) {
    // Validation has checked that weights are positive and their sum fits.
    let sum: Decimal = nodes.iter().map(|n| n.weight).sum();
    for (i, node) in nodes.iter().enumerate() {
        let part = share * (node.weight / sum);
        let own;
        let top = match top {
            Some(top) => top,
            None => {
                own = Arc::from(node.id.as_str());
                (i, &own)
            }
        };
        match &node.kind {
            NodeKind::Group { children } => plan_leaves(children, part, Some(top), out),
            NodeKind::Indicator { normalise } => out.push(Leaf {
                node,
                normalise,
                share: part,
                top: top.0,
                id: Arc::from(node.id.as_str()),
                name: Arc::from(node.name.as_str()),
                item: Arc::clone(top.1),
            }),
        }
    }
}

/// Scores every community on the tree and ranks them.
///
/// The results are in the data's order. Min–max indicators are normalised across the
/// communities given together. The tree is validated first; the data is checked in full
/// before anything is scored: an unknown indicator or veto id, a missing value, a
/// negative value for a target indicator, a flag other than 0 or 1, or a community given
/// twice is an error that names the community and the id.
pub fn evaluate(tree: &Tree, data: &[CommunityData]) -> Result<Vec<Evaluation>, TreeError> {
    tree.validate()?;
    let mut leaves = Vec::new();
    plan_leaves(&tree.items, Decimal::ONE_HUNDRED, None, &mut leaves);
    let width = leaves.len();
    // Leaf indices by id, in the byte order a community's `BTreeMap` iterates in.
    let mut by_id: Vec<usize> = (0..width).collect();
    by_id.sort_by(|&a, &b| leaves[a].node.id.cmp(&leaves[b].node.id));

    let mut fired = vec![false; tree.vetoes.len() * data.len()];
    let mut bounds: Vec<Option<(Decimal, Decimal)>> = vec![None; width];
    let mut seen: HashSet<&str> = HashSet::with_capacity(data.len());
    for (c, community) in data.iter().enumerate() {
        let name = &community.community;
        if let Err(source) = check(TextKind::Name, "community", name) {
            let path = format!("data[{c}]");
            return Err(TreeError::Text { path, source });
        }
        if !seen.insert(name) {
            return Err(TreeError::DuplicateCommunity(name.clone()));
        }
        let row_fired = &mut fired[c * tree.vetoes.len()..(c + 1) * tree.vetoes.len()];
        for id in &community.vetoes {
            let index = tree.vetoes.iter().position(|v| &v.id == id);
            let index = index.ok_or_else(|| TreeError::UnknownVeto {
                community: name.clone(),
                id: id.clone(),
            })?;
            if std::mem::replace(&mut row_fired[index], true) {
                return Err(TreeError::RepeatedVeto {
                    community: name.clone(),
                    id: id.clone(),
                });
            }
        }
        check_values(community, &leaves, &by_id, &mut bounds)?;
    }

    // The spread of each min–max indicator, found once.
    let mut spreads = vec![Decimal::ZERO; width];
    for (i, bound) in bounds.iter().enumerate() {
        if let Some((lo, hi)) = bound {
            spreads[i] = hi
                .checked_sub(*lo)
                .ok_or_else(|| TreeError::ValueOutOfRange {
                    indicator: leaves[i].node.id.clone(),
                })?;
        }
    }

    // Each top-level node's most points, unrounded; a community's points are these less
    // its losses.
    let mut item_max = vec![Decimal::ZERO; tree.items.len()];
    for leaf in &leaves {
        item_max[leaf.top] += leaf.share;
    }
    let mut lost_by_item = vec![Decimal::ZERO; tree.items.len()];
    // One community's losses: sort keys, and the hundredths and value by leaf.
    let mut order: Vec<u64> = Vec::with_capacity(width);
    let mut found = vec![(0i128, Decimal::ZERO); width];
    let mut out = Vec::with_capacity(data.len());
    for (c, community) in data.iter().enumerate() {
        lost_by_item.iter_mut().for_each(|p| *p = Decimal::ZERO);
        order.clear();
        // Checked above: the values' keys are exactly the leaf ids, in `by_id` order.
        for (&i, &value) in by_id.iter().zip(community.values.values()) {
            let leaf = &leaves[i];
            if let Some(loss) = points_lost(leaf, value, bounds[i], spreads[i]) {
                lost_by_item[leaf.top] += loss;
                let lost = hundredths(loss);
                found[i] = (lost, value);
                order.push(sort_key(lost, i));
            }
        }
        // Most lost first; equal losses in tree order (leaf indices are unique).
        order.sort_unstable();
        let lost = order
            .iter()
            .map(|&key| {
                let (i, leaf) = leaf_of(key, &leaves);
                Loss {
                    indicator: Arc::clone(&leaf.id),
                    name: Arc::clone(&leaf.name),
                    item: Arc::clone(&leaf.item),
                    value: found[i].1,
                    points_lost: Decimal::from_i128_with_scale(found[i].0, 2),
                }
            })
            .collect();
        let points = item_max
            .iter()
            .zip(&lost_by_item)
            .map(|(max, lost)| max - lost);
        let score: Decimal = points.clone().sum();
        let score = round2(score);
        let vetoed: Vec<String> = tree
            .vetoes
            .iter()
            .zip(&fired[c * tree.vetoes.len()..(c + 1) * tree.vetoes.len()])
            .filter(|(_, &f)| f)
            .map(|(v, _)| v.id.clone())
            .collect();
        let grade = if vetoed.is_empty() {
            tree.grade(score)
        } else {
            tree.lowest.as_str()
        };
        let items = tree
            .items
            .iter()
            .zip(points)
            .zip(&item_max)
            .map(|((node, p), &max)| ItemScore {
                id: node.id.clone(),
                name: node.name.clone(),
                points: round2(p),
                max: round2(max),
            })
            .collect();
        out.push(Evaluation {
            community: community.community.clone(),
            score,
            grade: grade.into(),
            rank: 0,
            vetoed,
            items,
            lost,
        });
    }

    let keys: Vec<(bool, Decimal)> = out
        .iter()
        .map(|e| (!e.vetoed.is_empty(), e.score))
        .collect();
    for (e, rank) in out.iter_mut().zip(competition_ranks(&keys)) {
        e.rank = rank;
    }
    Ok(out)
}

/// A key that sorts the most points lost first, then tree order. A loss is at most its
/// leaf's share of 100, so 10,000 hundredths; anything above would only sort first.
/// Trees have far fewer than 2^32 leaves.
fn sort_key(hundredths: i128, leaf: usize) -> u64 {
    let low = u64::from(u32::MAX);
    let lost = u64::try_from(hundredths).unwrap_or(0).min(low);
    ((low - lost) << 32) | (leaf as u64 & low)
}

/// The leaf a sort key names.
fn leaf_of<'a, 't>(key: u64, leaves: &'a [Leaf<'t>]) -> (usize, &'a Leaf<'t>) {
    let i = (key & u64::from(u32::MAX)) as usize;
    (i, &leaves[i])
}

/// Checks one community's values against the leaves, walking both in id order, and
/// widens the min–max bounds.
fn check_values(
    community: &CommunityData,
    leaves: &[Leaf<'_>],
    by_id: &[usize],
    bounds: &mut [Option<(Decimal, Decimal)>],
) -> Result<(), TreeError> {
    let who = || community.community.clone();
    let mut given = community.values.iter().peekable();
    for &i in by_id {
        let leaf = &leaves[i];
        let id = leaf.node.id.as_str();
        let value = match given
            .peek()
            .map(|(key, &value)| (key.as_str().cmp(id), key, value))
        {
            Some((Ordering::Equal, _, value)) => {
                given.next();
                value
            }
            Some((Ordering::Less, key, _)) => {
                return Err(TreeError::UnknownIndicator {
                    community: who(),
                    id: (*key).clone(),
                })
            }
            _ => {
                return Err(TreeError::MissingValue {
                    community: who(),
                    indicator: id.into(),
                })
            }
        };
        match leaf.normalise {
            Normalise::Target { .. } if value < Decimal::ZERO => {
                return Err(TreeError::NegativeValue {
                    community: who(),
                    indicator: id.into(),
                    value,
                })
            }
            Normalise::Flag {} if value != Decimal::ZERO && value != Decimal::ONE => {
                return Err(TreeError::NotAFlag {
                    community: who(),
                    indicator: id.into(),
                    value,
                })
            }
            Normalise::MinMax { .. } => {
                bounds[i] = Some(match bounds[i] {
                    Some((lo, hi)) => (lo.min(value), hi.max(value)),
                    None => (value, value),
                });
            }
            _ => {}
        }
    }
    match given.next() {
        Some((key, _)) => Err(TreeError::UnknownIndicator {
            community: who(),
            id: key.clone(),
        }),
        None => Ok(()),
    }
}

/// The points a checked value loses, if any: share × (1 − s), where s in 0..=1 is the
/// indicator's normalised score. Written as share × difference / denominator so that a
/// loss that is a short decimal comes out exact.
fn points_lost(
    leaf: &Leaf<'_>,
    value: Decimal,
    bounds: Option<(Decimal, Decimal)>,
    spread: Decimal,
) -> Option<Decimal> {
    let (missing, whole) = match *leaf.normalise {
        // Higher: s = v / t.
        Normalise::Target {
            target,
            better: Better::Higher,
        } if value < target => (target - value, target),
        // Lower: s = t / v.
        Normalise::Target {
            target,
            better: Better::Lower,
        } if value > target => (value - target, value),
        Normalise::Target { .. } => return None,
        Normalise::MinMax { better } => {
            let (lo, hi) = bounds?;
            let missing = match better {
                Better::Higher => hi - value,
                Better::Lower => value - lo,
            };
            if missing.is_zero() || spread.is_zero() {
                return None;
            }
            (missing, spread)
        }
        Normalise::Flag {} if value.is_zero() => return Some(leaf.share),
        Normalise::Flag {} => return None,
    };
    // `missing` ≤ `whole`, so the fallback cannot overflow.
    let loss = match leaf.share.checked_mul(missing) {
        Some(product) => product / whole,
        None => leaf.share * (missing / whole),
    };
    // A loss too small for 28 digits is no loss.
    (!loss.is_zero()).then_some(loss)
}

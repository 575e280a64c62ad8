//! Scoring communities on a tree: each leaf's share of 100 is computed once, the data is
//! checked in full and min–max bounds found in one pass, then each community is scored.
//!
//! Communities are checked and scored independently, so both passes cut the data into
//! contiguous parts, one to a core (see [`crate::spread`]). What depends on all of them —
//! the first fault in the data's order, a name given twice, the min–max bounds and the
//! ranks — is put together from the parts in the data's order, so the result is the
//! same on any number of cores.

use std::cmp::Ordering;
use std::collections::HashSet;
use std::ops::Range;
use std::sync::Arc;

use rust_decimal::Decimal;

use super::error::TreeError;
use super::model::{Better, CommunityData, Node, NodeKind, Normalise, Tree};
use super::report::{
    competition_ranks, hundredths, round2, Evaluation, IndicatorNames, ItemNames, ItemScore, Loss,
};
use crate::spread;
use crate::text::{check, TextKind};

/// An indicator with its place in the tree resolved, and what scoring it reads, kept
/// together so that a community's walk over its indicators reads memory in order.
struct Leaf<'t> {
    node: &'t Node,
    normalise: Normalise,
    /// 100 × the product of the normalised weights on its path.
    share: Decimal,
    /// The index of its top-level node.
    top: usize,
    /// Its index in the tree's order (the order of equal losses).
    at: usize,
}

fn plan_leaves<'t>(nodes: &'t [Node], share: Decimal, top: Option<usize>, out: &mut Vec<Leaf<'t>>) {
    // Validation has checked that weights are positive and their sum fits.
    let sum: Decimal = nodes.iter().map(|n| n.weight).sum();
    for (i, node) in nodes.iter().enumerate() {
        let part = share * (node.weight / sum);
        let top = top.unwrap_or(i);
        match &node.kind {
            NodeKind::Group { children } => plan_leaves(children, part, Some(top), out),
            NodeKind::Indicator { normalise } => out.push(Leaf {
                node,
                normalise: normalise.clone(),
                share: part,
                top,
                at: out.len(),
            }),
        }
    }
}

/// The names every result repeats, allocated once by each thread that writes results
/// (so that threads do not share the counts of the same `Arc`s).
struct Texts {
    /// Each leaf's.
    leaves: Vec<Arc<IndicatorNames>>,
    /// Each top-level node's.
    items: Vec<Arc<ItemNames>>,
}

impl Texts {
    fn new(tree: &Tree, leaves: &[Leaf<'_>]) -> Texts {
        let items = tree
            .items
            .iter()
            .map(|n| {
                Arc::new(ItemNames {
                    id: n.id.clone(),
                    name: n.name.clone(),
                })
            })
            .collect();
        let mut in_tree_order: Vec<&Leaf<'_>> = leaves.iter().collect();
        in_tree_order.sort_unstable_by_key(|l| l.at);
        let leaves = in_tree_order
            .into_iter()
            .map(|l| {
                Arc::new(IndicatorNames {
                    id: l.node.id.clone(),
                    name: l.node.name.clone(),
                    item: tree.items[l.top].id.clone(),
                })
            })
            .collect();
        Texts { leaves, items }
    }
}

/// The tree's leaves, planned once for every community.
struct Plan<'t> {
    tree: &'t Tree,
    /// The leaves by id, in the byte order a community's `BTreeMap` iterates in.
    leaves: Vec<Leaf<'t>>,
}

/// The checks of a community, in the order they are made: where two communities'
/// faults are compared, the earlier community's comes first, then the earlier check.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Check {
    /// Its name follows the rules for names.
    Name,
    /// Its name was not given before (checked over all the data at once).
    Unique,
    /// Its vetoes and values.
    Contents,
}

/// Where a part of the data was refused: the community, the check and the error.
type Fault = (usize, Check, TreeError);

/// What checking one part of the data found.
struct Checked {
    /// Which vetoes fired, community by community (the tree's vetoes to a row).
    fired: Vec<bool>,
    /// Each leaf's lowest and highest value in the part.
    bounds: Vec<Option<(Decimal, Decimal)>>,
    /// The values, community by community (a row of the leaves' values in their order),
    /// so that scoring reads them in order rather than from each community's map.
    values: Vec<Decimal>,
    /// The part's first fault, if any; checking stops there.
    fault: Option<Fault>,
}

/// Communities to a part, at the least: fewer are checked and scored on one thread.
const LEAST_PER_PART: usize = 64;

/// Scores every community on the tree and ranks them.
///
/// The results are in the data's order. Min–max indicators are normalised across the
/// communities given together. The tree is validated first; the data is checked in full
/// before anything is scored: an unknown indicator or veto id, a missing value, a
/// negative value for a target indicator, a flag other than 0 or 1, or a community given
/// twice is an error that names the community and the id. Where the data has several
/// faults, the first in the data's order is reported.
///
/// Large data is checked and scored on every core; the result does not depend on how
/// many there are. While it runs, the call holds a copy of every value (16 bytes each),
/// so that scoring reads them in order.
pub fn evaluate(tree: &Tree, data: &[CommunityData]) -> Result<Vec<Evaluation>, TreeError> {
    evaluate_in(tree, data, spread::parts_for(data.len(), LEAST_PER_PART))
}

/// [`evaluate`] with the data cut into `parts` parts, each checked and scored on a thread
/// of its own.
pub(crate) fn evaluate_in(
    tree: &Tree,
    data: &[CommunityData],
    parts: usize,
) -> Result<Vec<Evaluation>, TreeError> {
    tree.validate()?;
    let mut leaves = Vec::new();
    plan_leaves(&tree.items, Decimal::ONE_HUNDRED, None, &mut leaves);
    let width = leaves.len();
    // Each top-level node's most points, unrounded, added in tree order; a community's
    // points are these less its losses.
    let mut item_max = vec![Decimal::ZERO; tree.items.len()];
    for leaf in &leaves {
        item_max[leaf.top] += leaf.share;
    }
    crate::order::sort_by(&mut leaves, |a, b| a.node.id.cmp(&b.node.id));
    let plan = Plan { tree, leaves };

    let parts = spread::ranges(data.len(), parts);
    let mut checked = spread::run(&parts, |_, range| check_part(&plan, data, range));

    // The first fault in the data's order: each part's own first, or a name given twice.
    let mut seen: HashSet<&str> = HashSet::with_capacity(data.len());
    let twice = data
        .iter()
        .position(|c| !seen.insert(c.community.as_str()))
        .map(|c| (c, Check::Unique));
    let first = checked.iter_mut().find_map(|p| p.fault.take());
    match (first, twice) {
        (Some((c, step, _)), Some(t)) if t < (c, step) => {
            return Err(TreeError::DuplicateCommunity(data[t.0].community.clone()))
        }
        (Some((_, _, e)), _) => return Err(e),
        (None, Some(t)) => return Err(TreeError::DuplicateCommunity(data[t.0].community.clone())),
        (None, None) => {}
    }

    // The bounds of each min–max indicator across the parts, in the data's order (so a
    // tie between values written differently resolves as one pass would), and its spread.
    let mut bounds: Vec<Option<(Decimal, Decimal)>> = vec![None; width];
    for part in &checked {
        for (all, own) in bounds.iter_mut().zip(&part.bounds) {
            *all = match (*all, *own) {
                (Some((lo, hi)), Some((l, h))) => Some((lo.min(l), hi.max(h))),
                (all, own) => all.or(own),
            };
        }
    }
    // Found in tree order, so that of two spreads too wide the first in the tree is named.
    let mut spreads = vec![Decimal::ZERO; width];
    let mut in_tree_order: Vec<usize> = (0..width).collect();
    in_tree_order.sort_unstable_by_key(|&i| plan.leaves[i].at);
    for i in in_tree_order {
        if let Some((lo, hi)) = bounds[i] {
            spreads[i] = hi
                .checked_sub(lo)
                .ok_or_else(|| TreeError::ValueOutOfRange {
                    indicator: plan.leaves[i].node.id.clone(),
                })?;
        }
    }

    let item_max_rounded: Vec<Decimal> = item_max.iter().map(|&m| round2(m)).collect();
    let limits = Limits {
        bounds: &bounds,
        spreads: &spreads,
        item_max: &item_max,
        item_max_rounded: &item_max_rounded,
    };
    let scored = spread::run(&parts, |p, range| {
        score_part(&plan, &limits, &data[range], &checked[p])
    });
    let mut out: Vec<Evaluation> = scored.into_iter().flatten().collect();

    let keys: Vec<(bool, Decimal)> = out
        .iter()
        .map(|e| (!e.vetoed.is_empty(), e.score))
        .collect();
    for (e, rank) in out.iter_mut().zip(competition_ranks(&keys)) {
        e.rank = rank;
    }
    Ok(out)
}

/// Checks the communities of one part: each name, its vetoes and its values, widening
/// the part's min–max bounds; stops at the first fault.
fn check_part(plan: &Plan<'_>, data: &[CommunityData], range: Range<usize>) -> Checked {
    let vetoes = &plan.tree.vetoes;
    let mut part = Checked {
        fired: vec![false; vetoes.len() * range.len()],
        bounds: vec![None; plan.leaves.len()],
        values: Vec::with_capacity(plan.leaves.len() * range.len()),
        fault: None,
    };
    let start = range.start;
    for c in range {
        let community = &data[c];
        let name = &community.community;
        if let Err(source) = check(TextKind::Name, "community", name) {
            let path = format!("data[{c}]");
            part.fault = Some((c, Check::Name, TreeError::Text { path, source }));
            break;
        }
        let row = c - start;
        let row_fired = &mut part.fired[row * vetoes.len()..(row + 1) * vetoes.len()];
        let checked = check_vetoes(community, vetoes, row_fired).and_then(|()| {
            check_values(community, &plan.leaves, &mut part.bounds, &mut part.values)
        });
        if let Err(e) = checked {
            part.fault = Some((c, Check::Contents, e));
            break;
        }
    }
    part
}

/// Marks the vetoes a community names as fired; an unknown or repeated id is refused.
fn check_vetoes(
    community: &CommunityData,
    vetoes: &[super::model::Veto],
    fired: &mut [bool],
) -> Result<(), TreeError> {
    let name = &community.community;
    for id in &community.vetoes {
        let index = vetoes.iter().position(|v| &v.id == id);
        let index = index.ok_or_else(|| TreeError::UnknownVeto {
            community: name.clone(),
            id: id.clone(),
        })?;
        if std::mem::replace(&mut fired[index], true) {
            return Err(TreeError::RepeatedVeto {
                community: name.clone(),
                id: id.clone(),
            });
        }
    }
    Ok(())
}

/// What scoring needs from every community together.
struct Limits<'a> {
    bounds: &'a [Option<(Decimal, Decimal)>],
    spreads: &'a [Decimal],
    item_max: &'a [Decimal],
    /// The same, rounded as results show them.
    item_max_rounded: &'a [Decimal],
}

/// Scores the checked communities of one part, in order; ranks are left at 0.
fn score_part(
    plan: &Plan<'_>,
    limits: &Limits<'_>,
    data: &[CommunityData],
    checked: &Checked,
) -> Vec<Evaluation> {
    let fired = &checked.fired;
    let tree = plan.tree;
    let (leaves, width) = (&plan.leaves, plan.leaves.len());
    let texts = Texts::new(tree, leaves);
    let mut lost_by_item = vec![Decimal::ZERO; tree.items.len()];
    let mut points = Vec::with_capacity(tree.items.len());
    // One community's losses: sort keys, and the hundredths and value by leaf.
    let mut order: Vec<u64> = Vec::with_capacity(width);
    let mut found = vec![(0i128, Decimal::ZERO); width];
    let mut out = Vec::with_capacity(data.len());
    for (c, community) in data.iter().enumerate() {
        lost_by_item.iter_mut().for_each(|p| *p = Decimal::ZERO);
        order.clear();
        let given = leaves
            .iter()
            .zip(&checked.values[c * width..(c + 1) * width]);
        let limits_by_leaf = limits.bounds.iter().zip(limits.spreads);
        for ((leaf, &value), (&bounds, &spread)) in given.zip(limits_by_leaf) {
            if let Some(loss) = points_lost(leaf, value, bounds, spread) {
                lost_by_item[leaf.top] += loss;
                let lost = hundredths(loss);
                found[leaf.at] = (lost, value);
                order.push(sort_key(lost, leaf.at));
            }
        }
        // Most lost first; equal losses in tree order (leaf indices are unique).
        order.sort_unstable();
        let lost = order
            .iter()
            .map(|&key| {
                let i = leaf_of(key);
                Loss {
                    indicator: Arc::clone(&texts.leaves[i]),
                    value: found[i].1,
                    points_lost: Decimal::from_i128_with_scale(found[i].0, 2),
                }
            })
            .collect();
        points.clear();
        points.extend(
            limits
                .item_max
                .iter()
                .zip(&lost_by_item)
                .map(|(max, lost)| max - lost),
        );
        let score: Decimal = points.iter().copied().sum();
        let score = round2(score);
        let row = &fired[c * tree.vetoes.len()..(c + 1) * tree.vetoes.len()];
        let vetoed: Vec<String> = tree
            .vetoes
            .iter()
            .zip(row)
            .filter(|(_, &f)| f)
            .map(|(v, _)| v.id.clone())
            .collect();
        let grade = if vetoed.is_empty() {
            tree.grade(score)
        } else {
            tree.lowest.as_str()
        };
        let items = texts
            .items
            .iter()
            .zip(&points)
            .zip(limits.item_max_rounded)
            .map(|((item, &p), &max)| ItemScore {
                item: Arc::clone(item),
                points: round2(p),
                max,
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
    out
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
fn leaf_of(key: u64) -> usize {
    (key & u64::from(u32::MAX)) as usize
}

/// Checks one community's values against the leaves, walking both in id order, widens
/// the min–max bounds and adds the values to the part's rows.
fn check_values(
    community: &CommunityData,
    leaves: &[Leaf<'_>],
    bounds: &mut [Option<(Decimal, Decimal)>],
    values: &mut Vec<Decimal>,
) -> Result<(), TreeError> {
    let who = || community.community.clone();
    let mut given = community.values.iter().peekable();
    for (i, leaf) in leaves.iter().enumerate() {
        let id = leaf.node.id.as_str();
        // Equal ids are the rule, so they are tested for first, before ordering them.
        let value = match given.peek().map(|(key, &value)| {
            let order = if key.as_str() == id {
                Ordering::Equal
            } else {
                key.as_str().cmp(id)
            };
            (order, key, value)
        }) {
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
        values.push(value);
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
    let (missing, whole) = match leaf.normalise {
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

//! Deterministic community data for a rating tree: `communities(&tree, n, seed)` gives the
//! same values for the same arguments, with every indicator filled in a plausible range.

use gridward::scoring::tree::{Better, CommunityData, NodeKind, Normalise, Tree};
use rust_decimal::Decimal;

use crate::Mix;

/// `n` communities (社区0001 …) with a value for every indicator of `tree`:
/// - target, higher is better: 60–115 % of the target, two decimals, at most 100 when
///   the target is at most 100 (a percentage);
/// - target, lower is better: 0–200 % of the target, two decimals;
/// - min–max: 0.0–200.0;
/// - flag: 1 for nine communities in ten.
///
/// One community in fifty has one veto fired, when the tree has vetoes.
pub fn communities(tree: &Tree, n: usize, seed: u64) -> Vec<CommunityData> {
    let mut mix = Mix::new(seed);
    let indicators = tree.indicators();
    (1..=n)
        .map(|i| {
            let values = indicators
                .iter()
                .filter_map(|node| match &node.kind {
                    NodeKind::Indicator { normalise } => {
                        Some((node.id.clone(), value(&mut mix, normalise)))
                    }
                    NodeKind::Group { .. } => None,
                })
                .collect();
            let vetoes = if !tree.vetoes.is_empty() && mix.chance(2) {
                let pick = mix.between(0, tree.vetoes.len() as u64 - 1) as usize;
                vec![tree.vetoes[pick].id.clone()]
            } else {
                Vec::new()
            };
            CommunityData {
                community: format!("社区{i:04}"),
                values,
                vetoes,
            }
        })
        .collect()
}

fn value(mix: &mut Mix, normalise: &Normalise) -> Decimal {
    let hundredths = |mix: &mut Mix, lo: u64, hi: u64| Decimal::new(mix.between(lo, hi) as i64, 2);
    match normalise {
        Normalise::Target {
            target,
            better: Better::Higher,
        } => {
            let v = (*target * hundredths(mix, 60, 115)).round_dp(2);
            if *target <= Decimal::ONE_HUNDRED {
                v.min(Decimal::ONE_HUNDRED)
            } else {
                v
            }
        }
        Normalise::Target {
            target,
            better: Better::Lower,
        } => (*target * hundredths(mix, 0, 200)).round_dp(2),
        Normalise::MinMax { .. } => Decimal::new(mix.between(0, 2000) as i64, 1),
        Normalise::Flag {} => Decimal::from(u8::from(mix.chance(90))),
    }
}

//! The fixed-point path against the exact decimal path: identical reports on generated
//! schemes and data, midpoints, tiny losses and long decimals included.

use std::collections::BTreeMap;

use proptest::prelude::*;
use rust_decimal::Decimal;

use super::evaluate::evaluate_with;
use super::tests::{flag, group, leaf};
use super::*;

/// A leaf's rule: 0 flag, 1 target, 2 min–max; the target's mantissa and scale.
type LeafSpec = (u8, bool, i64, u32, (i64, u32));

fn weight((m, s): (i64, u32)) -> String {
    Decimal::new(m, s).to_string()
}

fn tree_of(items: &[((i64, u32), Vec<LeafSpec>)]) -> Tree {
    let items = items
        .iter()
        .enumerate()
        .map(|(t, (w, leaves))| {
            let children = leaves
                .iter()
                .enumerate()
                .map(|(j, &(kind, higher, goal, scale, w))| {
                    let id = format!("l{t}_{j}");
                    let better = if higher {
                        Better::Higher
                    } else {
                        Better::Lower
                    };
                    match kind {
                        0 => flag(&id, &weight(w)),
                        1 => {
                            let target = Decimal::new(goal, scale);
                            leaf(&id, &weight(w), Normalise::Target { target, better })
                        }
                        _ => leaf(&id, &weight(w), Normalise::MinMax { better }),
                    }
                })
                .collect();
            group(&format!("t{t}"), &weight(*w), children)
        })
        .collect();
    Tree {
        name: "生成".into(),
        items,
        vetoes: Vec::new(),
        bands: default_bands(),
        lowest: default_lowest(),
    }
}

fn weights() -> impl Strategy<Value = (i64, u32)> {
    (1i64..60, 0u32..3)
}

fn leaves() -> impl Strategy<Value = Vec<LeafSpec>> {
    let spec = (0u8..3, any::<bool>(), 1i64..20_000, 0u32..4, weights());
    proptest::collection::vec(spec, 1..6)
}

/// Values for `width` leaves: mantissas from a few round figures or anywhere, scales up
/// to 8 (beyond the fast path's 6), and some flags.
fn values(width: usize) -> impl Strategy<Value = Vec<(i64, u32)>> {
    let mantissa = prop_oneof![
        Just(0i64),
        Just(1),
        Just(5),
        Just(125),
        Just(2_500),
        0i64..200,
        0i64..100_000,
    ];
    proptest::collection::vec((mantissa, 0u32..9), width)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn fixed_point_and_exact_paths_give_the_same_reports(
        (items, rows) in proptest::collection::vec((weights(), leaves()), 1..5)
            .prop_flat_map(|items| {
                let width: usize = items.iter().map(|(_, l)| l.len()).sum();
                (Just(items), proptest::collection::vec(values(width), 1..6))
            })
    ) {
        let tree = tree_of(&items);
        let ids: Vec<String> = tree.indicators().iter().map(|n| n.id.clone()).collect();
        let data: Vec<CommunityData> = rows
            .iter()
            .enumerate()
            .map(|(c, row)| {
                let values: BTreeMap<String, Decimal> = tree
                    .indicators()
                    .iter()
                    .zip(&ids)
                    .zip(row)
                    .map(|((node, id), &(m, s))| {
                        let value = match &node.kind {
                            NodeKind::Indicator { normalise: Normalise::Flag {} } => {
                                Decimal::from(m % 2)
                            }
                            _ => Decimal::new(m, s),
                        };
                        (id.clone(), value)
                    })
                    .collect();
                CommunityData { community: format!("社区{c}"), values, vetoes: Vec::new() }
            })
            .collect();
        let fast = evaluate_with(&tree, &data, true);
        let exact = evaluate_with(&tree, &data, false);
        prop_assert_eq!(fast, exact);
    }
}

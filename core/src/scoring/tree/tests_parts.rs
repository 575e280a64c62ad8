//! Evaluating on several threads gives exactly what one thread gives: the same scores,
//! losses, vetoes and ranks, and on faulty data the same first fault.

use std::collections::BTreeMap;

use proptest::prelude::*;
use rust_decimal::Decimal;

use super::evaluate::evaluate_in;
use super::tests::{flag, group, leaf, target, tree};
use super::*;

/// A tree with every kind of indicator: targets either way, min–max either way, flags.
fn mixed_tree() -> Tree {
    tree(vec![
        group(
            "service",
            "3",
            vec![
                target("on_time", "2", "95", Better::Higher),
                target("complaints", "1", "3", Better::Lower),
                leaf(
                    "hours",
                    "1",
                    Normalise::MinMax {
                        better: Better::Higher,
                    },
                ),
            ],
        ),
        group(
            "safety",
            "2",
            vec![
                flag("station", "1"),
                leaf(
                    "incidents",
                    "2",
                    Normalise::MinMax {
                        better: Better::Lower,
                    },
                ),
            ],
        ),
        flag("drill", "1"),
    ])
}

const IDS: [&str; 6] = [
    "complaints",
    "drill",
    "hours",
    "incidents",
    "on_time",
    "station",
];

/// One community's values: `raw` picks each value, `scale` how many decimals it is
/// written with (so equal values written differently meet in the min–max bounds).
fn values(raw: &[(u32, u32)]) -> BTreeMap<String, Decimal> {
    IDS.iter()
        .zip(raw)
        .map(|(&id, &(v, scale))| {
            let v = match id {
                "drill" | "station" => Decimal::from(v % 2),
                _ => Decimal::from(v % 120),
            };
            let mut written = v;
            written.rescale(scale % 3);
            (id.to_string(), written)
        })
        .collect()
}

/// A fault put into the data at one community.
#[derive(Clone, Debug)]
enum Fault {
    Missing,
    Unknown,
    Negative,
    NotAFlag,
    UnknownVeto,
    RepeatedVeto,
    SameName,
    BadName,
}

fn fault() -> impl Strategy<Value = Fault> {
    prop_oneof![
        Just(Fault::Missing),
        Just(Fault::Unknown),
        Just(Fault::Negative),
        Just(Fault::NotAFlag),
        Just(Fault::UnknownVeto),
        Just(Fault::RepeatedVeto),
        Just(Fault::SameName),
        Just(Fault::BadName),
    ]
}

fn spoil(data: &mut [CommunityData], at: usize, fault: &Fault) {
    let other = data[(at + 1) % data.len()].community.clone();
    let c = &mut data[at];
    match fault {
        Fault::Missing => {
            c.values.remove("hours");
        }
        Fault::Unknown => {
            c.values.insert("nonsense".into(), Decimal::ONE);
        }
        Fault::Negative => {
            c.values.insert("on_time".into(), Decimal::NEGATIVE_ONE);
        }
        Fault::NotAFlag => {
            c.values.insert("drill".into(), Decimal::TWO);
        }
        Fault::UnknownVeto => c.vetoes.push("flood".into()),
        Fault::RepeatedVeto => c.vetoes = vec!["unrest".into(), "unrest".into()],
        Fault::SameName => c.community = other,
        Fault::BadName => c.community = "bad\u{7}name".into(),
    }
}

proptest! {
    #[test]
    fn parts_give_what_one_thread_gives(
        rows in proptest::collection::vec(
            (proptest::collection::vec((0u32..1_000, 0u32..3), 6), 0u8..4),
            1..60,
        ),
        faults in proptest::collection::vec((0usize..60, fault()), 0..3),
        parts in 2usize..7,
    ) {
        let tree = mixed_tree();
        let mut data: Vec<CommunityData> = rows
            .iter()
            .enumerate()
            .map(|(i, (raw, veto))| CommunityData {
                community: format!("社区{i:03}"),
                values: values(raw),
                vetoes: match veto {
                    0 => vec!["accident".into()],
                    1 => vec!["unrest".into()],
                    _ => Vec::new(),
                },
            })
            .collect();
        for (at, f) in &faults {
            let at = at % data.len();
            spoil(&mut data, at, f);
        }
        let one = evaluate_in(&tree, &data, 1);
        let many = evaluate_in(&tree, &data, parts);
        prop_assert_eq!(format!("{one:?}"), format!("{many:?}"));
        if faults.is_empty() {
            prop_assert!(one.is_ok());
        }
    }
}

/// The first fault in the data's order is reported, wherever the parts are cut: a name
/// given twice counts at its second community, before that community's vetoes and
/// values are checked.
#[test]
fn the_first_fault_in_the_data_is_reported() {
    let tree = mixed_tree();
    let clean = |n: usize| -> Vec<CommunityData> {
        (0..n)
            .map(|i| CommunityData {
                community: format!("社区{i:03}"),
                values: values(&[(50, 0); 6]),
                vetoes: Vec::new(),
            })
            .collect()
    };
    let first = |data: &[CommunityData]| {
        let one = evaluate_in(&tree, data, 1).map(|_| ()).unwrap_err();
        for parts in 2..=data.len() {
            let many = evaluate_in(&tree, data, parts).map(|_| ()).unwrap_err();
            assert_eq!(format!("{many:?}"), format!("{one:?}"), "{parts} parts");
        }
        one
    };

    // A bad flag at 3 comes before a name given twice at 5.
    let mut data = clean(8);
    spoil(&mut data, 3, &Fault::NotAFlag);
    data[5].community = data[0].community.clone();
    assert!(matches!(first(&data), TreeError::NotAFlag { .. }));

    // A name given twice at 3 comes before a bad flag at 5.
    let mut data = clean(8);
    data[3].community = data[0].community.clone();
    spoil(&mut data, 5, &Fault::NotAFlag);
    assert!(matches!(first(&data), TreeError::DuplicateCommunity(_)));

    // At one community, a name given twice comes before its unknown veto ...
    let mut data = clean(8);
    data[4].community = data[1].community.clone();
    spoil(&mut data, 4, &Fault::UnknownVeto);
    assert!(matches!(first(&data), TreeError::DuplicateCommunity(_)));

    // ... and a name that breaks the text rules at 2 before a name given twice at 6.
    let mut data = clean(8);
    data[2].community = "bad\u{7}name".into();
    data[6].community = data[0].community.clone();
    assert!(matches!(first(&data), TreeError::Text { .. }));
}

//! The sample "four types" scheme, and rounding to hundredths.

use rust_decimal::Decimal;

use super::tests::d;
use super::*;

const SAMPLE: &str = include_str!("../../../../tests/fixtures/rating/four_types_tree.json");

#[test]
fn the_sample_schemes_top_items_are_the_sources_four_types() {
    // 平安型、便利型、美丽型、幸福型“四型”社区, in the source's order.
    let t = Tree::from_json(SAMPLE).unwrap();
    let names: Vec<&str> = t.items.iter().map(|n| n.name.as_str()).collect();
    assert_eq!(names, ["平安型", "便利型", "美丽型", "幸福型"]);
    let ids: Vec<&str> = t.items.iter().map(|n| n.id.as_str()).collect();
    assert_eq!(ids, ["safe", "convenient", "beautiful", "happy"]);
}

#[test]
fn the_sample_scheme_has_48_items_and_133_indicators() {
    let t = Tree::from_json(SAMPLE).unwrap();
    assert_eq!(t.items.len(), 4);
    assert_eq!(t.item_count(), 48);
    let indicators = t.indicators();
    assert_eq!(indicators.len(), 133);
    // The items are exactly the second level here.
    let second: usize = t
        .items
        .iter()
        .map(|n| match &n.kind {
            NodeKind::Group { children } => children.len(),
            NodeKind::Indicator { .. } => 0,
        })
        .sum();
    assert_eq!(second, 48);
    for id in [
        "closure_rate",
        "on_time_rate",
        "satisfaction_rate",
        "response_rate",
    ] {
        let node = indicators.iter().find(|n| n.id == id).unwrap();
        let NodeKind::Indicator {
            normalise: Normalise::Target { target, better },
        } = &node.kind
        else {
            panic!("{id} is not a target indicator");
        };
        assert!(*target == d("95") || *target == d("100"), "{id}");
        assert_eq!(*better, Better::Higher);
    }
    for id in [
        "volunteer_hours_per_household",
        "points_redeemed_per_household",
    ] {
        assert!(indicators.iter().any(|n| n.id == id), "{id}");
    }
    assert!(t.vetoes.iter().any(|v| v.name == "发生重大安全责任事故"));
}

#[test]
fn sample_scheme_full_marks_and_losses_add_up() {
    let t = Tree::from_json(SAMPLE).unwrap();
    let full: Vec<(String, Decimal)> = t
        .indicators()
        .iter()
        .map(|n| (n.id.clone(), d("100")))
        .collect();
    let mut best = CommunityData {
        community: "best".into(),
        values: full.into_iter().collect(),
        vetoes: vec![],
    };
    // Flags must be 0/1 and lower-is-better counts must be low: set them by method.
    let mut worse = best.clone();
    worse.community = "worse".into();
    for n in t.indicators() {
        if let NodeKind::Indicator { normalise } = &n.kind {
            let (good, bad) = match normalise {
                Normalise::Flag {} => ("1", "0"),
                Normalise::Target {
                    better: Better::Lower,
                    ..
                } => ("0", "7"),
                Normalise::Target { .. } => ("150", "61.3"),
                Normalise::MinMax { .. } => ("50", "12.5"),
            };
            best.values.insert(n.id.clone(), d(good));
            worse.values.insert(n.id.clone(), d(bad));
        }
    }
    let e = evaluate(&t, &[best, worse]).unwrap();
    assert_eq!(e[0].score.to_string(), "100.00");
    assert!(e[0].lost.is_empty());
    let max: Decimal = e[0].items.iter().map(|i| i.max).sum();
    assert_eq!(max, d("100"));
    assert!(e[1].score < d("90"), "{}", e[1].score);
    assert_eq!((e[0].rank, e[1].rank), (1, 2));
    let lost: Decimal = e[1].lost.iter().map(|l| l.points_lost).sum();
    // Rounded losses add up to 100 − score within half a hundredth each.
    let slack = d("0.005") * Decimal::from(e[1].lost.len() + 1);
    assert!((lost - (d("100") - e[1].score)).abs() <= slack, "{lost}");
    assert!(e[1]
        .lost
        .windows(2)
        .all(|w| w[0].points_lost >= w[1].points_lost));
}

#[test]
fn rounding_to_hundredths_matches_half_away_from_zero() {
    use rust_decimal::RoundingStrategy;
    for text in [
        "0",
        "1",
        "-1",
        "0.005",
        "-0.005",
        "0.004999",
        "89.995",
        "89.9949999999999999999999999",
        "12.345678901234567890123456",
        "0.0000000000000000000000000001",
        "99.5",
        "7.125",
        "-7.125",
        "7.9228162514264337593543950335",
        "-0.015",
    ] {
        let v = d(text);
        let mut expected = v.round_dp_with_strategy(2, RoundingStrategy::MidpointAwayFromZero);
        expected.rescale(2);
        let got = report::round2(v);
        assert_eq!((got, got.scale()), (expected, 2), "{text}");
    }
}

//! Scoring, grading, ranking and explanation on small trees built to give exact scores,
//! and the sample "four types" scheme.

use std::str::FromStr;

use rust_decimal::Decimal;

use super::*;

pub(super) fn d(text: &str) -> Decimal {
    Decimal::from_str(text).unwrap()
}

pub(super) fn leaf(id: &str, weight: &str, normalise: Normalise) -> Node {
    Node {
        id: id.into(),
        name: format!("指标 {id}"),
        weight: d(weight),
        kind: NodeKind::Indicator { normalise },
    }
}

pub(super) fn flag(id: &str, weight: &str) -> Node {
    leaf(id, weight, Normalise::Flag {})
}

pub(super) fn target(id: &str, weight: &str, goal: &str, better: Better) -> Node {
    let normalise = Normalise::Target {
        target: d(goal),
        better,
    };
    leaf(id, weight, normalise)
}

pub(super) fn group(id: &str, weight: &str, children: Vec<Node>) -> Node {
    Node {
        id: id.into(),
        name: format!("分组 {id}"),
        weight: d(weight),
        kind: NodeKind::Group { children },
    }
}

pub(super) fn tree(items: Vec<Node>) -> Tree {
    Tree {
        name: "测试".into(),
        items,
        vetoes: vec![
            Veto {
                id: "accident".into(),
                name: "发生重大安全责任事故".into(),
            },
            Veto {
                id: "unrest".into(),
                name: "发生重大群体性事件".into(),
            },
        ],
        bands: default_bands(),
        lowest: default_lowest(),
    }
}

pub(super) fn data(community: &str, values: &[(&str, &str)], vetoes: &[&str]) -> CommunityData {
    CommunityData {
        community: community.into(),
        values: values.iter().map(|(k, v)| ((*k).into(), d(v))).collect(),
        vetoes: vetoes.iter().map(|v| (*v).into()).collect(),
    }
}

/// Two flags weighted `points` and `100 − points`; the first is met, the second not.
fn scored(points: &str, vetoes: &[&str]) -> Evaluation {
    let rest = (d("100") - d(points)).to_string();
    let t = tree(vec![flag("met", points), flag("missed", &rest)]);
    let row = data("c", &[("met", "1"), ("missed", "0")], vetoes);
    evaluate(&t, &[row]).unwrap().remove(0)
}

#[test]
fn rules_vectors_grade_bands_and_veto() {
    for (points, grade) in [
        ("90", "优秀"),
        ("89.99", "良好"),
        ("80", "良好"),
        ("79.99", "合格"),
        ("60", "合格"),
        ("59.99", "不合格"),
    ] {
        let e = scored(points, &[]);
        assert_eq!(e.score, d(points), "{points}");
        assert_eq!(e.grade, grade, "{points}");
    }
    let vetoed = scored("95", &["accident"]);
    assert_eq!((vetoed.score, vetoed.grade.as_str()), (d("95"), "不合格"));
    assert_eq!(vetoed.vetoed, vec!["accident".to_string()]);
}

#[test]
fn score_has_two_decimals_and_grade_reads_the_rounded_score() {
    assert_eq!(scored("90", &[]).score.to_string(), "90.00");
    // 89.995 rounds half away from zero to 90.00, which is 优秀.
    let e = scored("89.995", &[]);
    assert_eq!(
        (e.score.to_string().as_str(), e.grade.as_str()),
        ("90.00", "优秀")
    );
    let e = scored("89.994", &[]);
    assert_eq!(
        (e.score.to_string().as_str(), e.grade.as_str()),
        ("89.99", "良好")
    );
}

#[test]
fn weights_are_normalised_among_siblings_at_every_level() {
    // Top: 3 : 1 → 75 and 25; inside the group 1 : 1 : 2 → 18.75, 18.75, 37.5.
    let build = |k: &str| {
        let w = |x: &str| (d(x) * d(k)).to_string();
        tree(vec![
            group(
                "g",
                &w("3"),
                vec![flag("a", &w("1")), flag("b", &w("1")), flag("c", &w("2"))],
            ),
            flag("e", &w("1")),
        ])
    };
    let row = data("c", &[("a", "1"), ("b", "0"), ("c", "1"), ("e", "0")], &[]);
    for k in ["1", "0.5", "40"] {
        let e = evaluate(&build(k), std::slice::from_ref(&row))
            .unwrap()
            .remove(0);
        assert_eq!(e.score, d("56.25"), "weights scaled by {k}");
        assert_eq!(e.items[0].points, d("56.25"));
        assert_eq!(e.items[0].max.to_string(), "75.00");
        assert_eq!(e.items[1].points.to_string(), "0.00");
        assert_eq!(e.items[1].max, d("25"));
    }
}

#[test]
fn target_higher_caps_at_one_and_lower_is_better_inverts() {
    let t = tree(vec![
        target("rate", "1", "95", Better::Higher),
        target("cases", "1", "2", Better::Lower),
    ]);
    let cases = [
        // (rate, cases, score): 50 × min(rate/95, 1) + 50 × (1 if cases ≤ 2 else 2/cases)
        ("95", "0", "100"),
        ("120", "2", "100"),
        ("47.5", "2", "75"),
        ("95", "4", "75"),
        ("0", "8", "12.5"),
    ];
    for (rate, cases, score) in cases {
        let row = data("c", &[("rate", rate), ("cases", cases)], &[]);
        let e = evaluate(&t, &[row]).unwrap().remove(0);
        assert_eq!(e.score, d(score), "rate {rate} cases {cases}");
    }
}

#[test]
fn min_max_spans_the_communities_evaluated_together() {
    let t = tree(vec![
        leaf(
            "hours",
            "1",
            Normalise::MinMax {
                better: Better::Higher,
            },
        ),
        leaf(
            "complaints",
            "1",
            Normalise::MinMax {
                better: Better::Lower,
            },
        ),
    ]);
    let rows = [
        data("a", &[("hours", "10"), ("complaints", "-4")], &[]),
        data("b", &[("hours", "20"), ("complaints", "0")], &[]),
        data("c", &[("hours", "30"), ("complaints", "4")], &[]),
    ];
    let scores: Vec<Decimal> = evaluate(&t, &rows)
        .unwrap()
        .iter()
        .map(|e| e.score)
        .collect();
    // a: 0 + 50, b: 25 + 25, c: 50 + 0.
    assert_eq!(scores, vec![d("50"), d("50"), d("50")]);
    // b alone, or with peers of equal values, gets full marks.
    let alone = evaluate(&t, &rows[1..2]).unwrap();
    assert_eq!(alone[0].score, d("100"));
    let mut same = rows[1].clone();
    same.community = "b2".into();
    let pair = evaluate(&t, &[rows[1].clone(), same]).unwrap();
    assert_eq!((pair[0].score, pair[1].score), (d("100"), d("100")));
    // The same values score differently among other peers.
    let peers = evaluate(&t, &rows[1..]).unwrap();
    assert_eq!(peers[0].score, d("50"));
    assert_eq!(peers[1].score, d("50"));
    assert_eq!(peers[0].lost[0].indicator.id, "hours");
}

#[test]
fn losses_explain_the_missing_points_in_order() {
    let t = tree(vec![
        group(
            "service",
            "60",
            vec![
                target("closure_rate", "1", "100", Better::Higher),
                target("on_time_rate", "1", "100", Better::Higher),
                flag("plan", "1"),
            ],
        ),
        group(
            "safety",
            "40",
            vec![flag("station", "1"), flag("drill", "1")],
        ),
    ]);
    let row = data(
        "c",
        &[
            ("closure_rate", "70"),
            ("on_time_rate", "50"),
            ("plan", "1"),
            ("station", "0"),
            ("drill", "0"),
        ],
        &[],
    );
    let e = evaluate(&t, &[row]).unwrap().remove(0);
    // service: 20 × (0.7 + 0.5 + 1) = 44; safety: 0.
    assert_eq!(e.score, d("44"));
    let order: Vec<(&str, &str, String)> = e
        .lost
        .iter()
        .map(|l| {
            (
                l.indicator.id.as_str(),
                l.indicator.item.as_str(),
                l.points_lost.to_string(),
            )
        })
        .collect();
    assert_eq!(
        order,
        vec![
            ("station", "safety", "20.00".to_string()),
            ("drill", "safety", "20.00".to_string()),
            ("on_time_rate", "service", "10.00".to_string()),
            ("closure_rate", "service", "6.00".to_string()),
        ]
    );
    assert_eq!(e.lost[3].value, d("70"));
    assert_eq!(e.lost[3].indicator.name, "指标 closure_rate");
    let lost: Decimal = e.lost.iter().map(|l| l.points_lost).sum();
    assert_eq!(lost, d("100") - e.score);
}

#[test]
fn ranks_are_competition_ranks_with_vetoed_communities_last() {
    let t = tree(vec![flag("met", "90"), flag("extra", "10")]);
    let rows = [
        data("a", &[("met", "1"), ("extra", "0")], &[]), // 90
        data(
            "b",
            &[("met", "1"), ("extra", "1")],
            &["unrest", "accident"],
        ), // 100, vetoed
        data("c", &[("met", "1"), ("extra", "1")], &[]), // 100
        data("d", &[("met", "1"), ("extra", "0")], &[]), // 90
        data("e", &[("met", "0"), ("extra", "1")], &[]), // 10
        data("f", &[("met", "0"), ("extra", "0")], &["unrest"]), // 0, vetoed
    ];
    let result = evaluate(&t, &rows).unwrap();
    let ranks: Vec<(&str, u32)> = result
        .iter()
        .map(|e| (e.community.as_str(), e.rank))
        .collect();
    assert_eq!(
        ranks,
        vec![("a", 2), ("b", 5), ("c", 1), ("d", 2), ("e", 4), ("f", 6)]
    );
    // Vetoes are reported in tree order, whatever order the data lists them in.
    assert_eq!(result[1].vetoed, vec!["accident", "unrest"]);
    assert_eq!(result[1].grade, "不合格");
    assert_eq!(result[2].grade, "优秀");
}

#[test]
fn custom_bands_and_lowest_grade() {
    let mut t = tree(vec![flag("met", "75"), flag("missed", "25")]);
    t.bands = vec![Band {
        label: "达标".into(),
        min: d("70"),
    }];
    t.lowest = "未达标".into();
    let row = data("c", &[("met", "1"), ("missed", "0")], &[]);
    assert_eq!(
        evaluate(&t, std::slice::from_ref(&row)).unwrap()[0].grade,
        "达标"
    );
    t.bands[0].min = d("80");
    assert_eq!(evaluate(&t, &[row]).unwrap()[0].grade, "未达标");
}

#[test]
fn json_round_trip_and_defaults() {
    let t = tree(vec![
        group(
            "g",
            "2",
            vec![
                target("rate", "1", "95", Better::Higher),
                leaf(
                    "hours",
                    "1",
                    Normalise::MinMax {
                        better: Better::Lower,
                    },
                ),
            ],
        ),
        flag("plan", "2"),
    ]);
    let text = serde_json::to_string(&t).unwrap();
    assert!(text.contains(r#""normalise":{"method":"target","target":"95","better":"higher"}"#));
    assert!(text.contains(r#""normalise":{"method":"flag"}"#));
    assert!(!text.contains("kind"));
    assert_eq!(Tree::from_json(&text).unwrap(), t);

    let bare = r#"{"name": "n", "items": [{"id": "a", "name": "A", "weight": "1",
        "normalise": {"method": "min_max", "better": "higher"}}]}"#;
    let bare = Tree::from_json(bare).unwrap();
    assert_eq!(bare.bands, default_bands());
    assert_eq!((bare.lowest.as_str(), bare.vetoes.len()), ("不合格", 0));

    let row = data(
        "渭滨社区",
        &[("rate", "57"), ("hours", "3.5"), ("plan", "1")],
        &["accident"],
    );
    let row_text = serde_json::to_string(&row).unwrap();
    assert_eq!(
        serde_json::from_str::<CommunityData>(&row_text).unwrap(),
        row
    );
    let e = evaluate(&t, &[row]).unwrap();
    let e_text = serde_json::to_string(&e[0]).unwrap();
    // 25 × 57/95 + 25 + 50.
    assert!(e_text.contains(r#""score":"90.00""#), "{e_text}");
    assert!(e_text.contains(r#""grade":"不合格""#), "{e_text}");
    assert_eq!(serde_json::from_str::<Evaluation>(&e_text).unwrap(), e[0]);
}

//! The rating tree's functions: RULES' grade bands and veto, weights and ties, the long
//! tables of losses and items, the summary of a tree (the sample scheme's 48 items and
//! 133 indicators), and refusals that say where.

use serde_json::{json, Value};

use super::rating::*;
use crate::scoring::tree::{CommunityData, Evaluation, Tree};
use crate::surface::{Catalog, Function};

const SAMPLE: &str = include_str!("../../../tests/fixtures/rating/four_types_tree.json");

fn tree(value: Value) -> Tree {
    serde_json::from_value(value).unwrap()
}

fn data(value: Value) -> Vec<CommunityData> {
    serde_json::from_value(value).unwrap()
}

/// One indicator scored against a target of 100 (the score is the value), and a veto.
fn plain() -> Value {
    json!({
        "name": "单项",
        "items": [{"id": "rate", "name": "结案率", "weight": "1",
            "normalise": {"method": "target", "target": "100", "better": "higher"}}],
        "vetoes": [{"id": "accident", "name": "发生重大安全责任事故"}],
    })
}

fn one(community: &str, rate: &str) -> Value {
    json!({"community": community, "values": {"rate": rate}})
}

/// Two levels of weights, min–max across communities, lower is better, a flag, a tie.
fn weighted() -> (Tree, Vec<CommunityData>) {
    let t = tree(json!({
        "name": "示例",
        "items": [
            {"id": "convenient", "name": "便利型", "weight": "3", "children": [
                {"id": "closure", "name": "结案率", "weight": "1",
                 "normalise": {"method": "min_max", "better": "higher"}},
                {"id": "cases", "name": "万人发案数", "weight": "1",
                 "normalise": {"method": "target", "target": "10", "better": "lower"}},
            ]},
            {"id": "plan", "name": "应急预案", "weight": "1", "normalise": {"method": "flag"}},
        ],
        "bands": [{"label": "A", "min": "75"}],
        "lowest": "B",
    }));
    let rows = data(json!([
        {"community": "x", "values": {"closure": "80", "cases": "20", "plan": "1"}},
        {"community": "y", "values": {"closure": "90", "cases": "10", "plan": "0"}},
        {"community": "z", "values": {"closure": "90", "cases": "10", "plan": "0"}},
    ]));
    (t, rows)
}

fn evaluate(t: Tree, d: Vec<CommunityData>) -> Vec<Evaluation> {
    EvaluateCommunities { tree: t, data: d }.call().unwrap()
}

#[test]
fn rules_grade_bands_and_the_veto() {
    let mut rows = vec![
        one("a", "90"),
        one("b", "89.99"),
        one("c", "60"),
        one("d", "59.99"),
        one("e", "100"),
    ];
    rows[4]["vetoes"] = json!(["accident"]);
    let result = evaluate(tree(plain()), data(Value::Array(rows)));
    let seen: Vec<_> = result
        .iter()
        .map(|e| {
            let (score, vetoed) = (e.score.to_string(), e.vetoed.join(","));
            (
                e.community.as_str(),
                score,
                e.grade.as_str(),
                e.rank,
                vetoed,
            )
        })
        .collect();
    let row = |c, s: &str, g, r, v: &str| (c, s.to_owned(), g, r, v.to_owned());
    assert_eq!(
        seen,
        vec![
            row("a", "90.00", "优秀", 1, ""),
            row("b", "89.99", "良好", 2, ""),
            row("c", "60.00", "合格", 3, ""),
            row("d", "59.99", "不合格", 4, ""),
            // A fired veto: the lowest grade whatever the score, ranked after every other.
            row("e", "100.00", "不合格", 5, "accident"),
        ]
    );
    let first = serde_json::to_value(&result[0]).unwrap();
    assert_eq!(
        first["items"],
        json!([{"id": "rate", "name": "结案率", "points": "90.00", "max": "100.00"}])
    );
    assert_eq!(
        first["lost"],
        json!([{"indicator": "rate", "name": "结案率", "item": "rate", "value": "90",
            "points_lost": "10.00"}])
    );
}

#[test]
fn weights_ties_and_the_long_tables() {
    let (t, d) = weighted();
    let result = evaluate(t.clone(), d);
    // x: 37.5 × 0 + 37.5 × 10/20 + 25 × 1; y and z: 37.5 + 37.5 + 0.
    let seen: Vec<_> = result
        .iter()
        .map(|e| (e.community.as_str(), e.score.to_string(), e.rank))
        .collect();
    let row = |c, s: &str, r| (c, s.to_owned(), r);
    assert_eq!(
        seen,
        vec![
            row("x", "43.75", 3),
            row("y", "75.00", 1),
            row("z", "75.00", 1)
        ]
    );
    let losses = RatingLosses {
        evaluations: result.clone(),
    }
    .call()
    .unwrap();
    let lost: usize = result.iter().map(|e| e.lost.len()).sum();
    assert_eq!(losses.len(), lost);
    assert_eq!(
        serde_json::to_value(&losses[0]).unwrap(),
        json!({"community": "x", "grade": "B", "rank": 3, "indicator": "closure",
            "name": "结案率", "item": "convenient", "value": "80", "points_lost": "37.50"})
    );
    let by: Vec<_> = losses
        .iter()
        .map(|l| {
            (
                l.community.as_str(),
                l.indicator.as_str(),
                l.points_lost.to_string(),
            )
        })
        .collect();
    let loss = |c, i, p: &str| (c, i, p.to_owned());
    assert_eq!(
        by,
        vec![
            loss("x", "closure", "37.50"),
            loss("x", "cases", "18.75"),
            loss("y", "plan", "25.00"),
            loss("z", "plan", "25.00"),
        ]
    );
    let items = RatingItems {
        evaluations: result,
    }
    .call()
    .unwrap();
    let by: Vec<_> = items
        .iter()
        .map(|i| {
            (
                i.community.as_str(),
                i.id.as_str(),
                i.points.to_string(),
                i.max.to_string(),
            )
        })
        .collect();
    let item = |c, i, p: &str, m: &str| (c, i, p.to_owned(), m.to_owned());
    assert_eq!(
        by,
        vec![
            item("x", "convenient", "18.75", "75.00"),
            item("x", "plan", "25.00", "25.00"),
            item("y", "convenient", "75.00", "75.00"),
            item("y", "plan", "0.00", "25.00"),
            item("z", "convenient", "75.00", "75.00"),
            item("z", "plan", "0.00", "25.00"),
        ]
    );
    assert_eq!((items[0].grade.as_str(), items[0].rank), ("B", 3));
    let summary = CheckRatingTree { tree: t }.call().unwrap();
    assert_eq!(
        serde_json::to_value(summary).unwrap(),
        json!({"name": "示例", "top_level": 2, "items": 1, "indicators": 3, "vetoes": 0})
    );
}

#[test]
fn the_sample_scheme_summarised() {
    let t: Tree = serde_json::from_str(SAMPLE).unwrap();
    let s = CheckRatingTree { tree: t }.call().unwrap();
    assert_eq!((s.top_level, s.items, s.indicators), (4, 48, 133));
}

#[test]
fn refusals_say_where() {
    let code = |t: Value, d: Value| {
        let f = EvaluateCommunities {
            tree: tree(t),
            data: data(d),
        };
        f.call().unwrap_err().code()
    };
    let a = json!([one("a", "90")]);
    assert_eq!(
        code(
            plain(),
            json!([{"community": "a", "values": {"rate": "1", "nope": "1"}}])
        ),
        "unknown_indicator"
    );
    assert_eq!(
        code(plain(), json!([{"community": "a", "values": {}}])),
        "missing_value"
    );
    assert_eq!(code(plain(), json!([one("a", "-1")])), "negative_value");
    assert_eq!(
        code(plain(), json!([one("a", "1"), one("a", "2")])),
        "duplicate_community"
    );
    let mut vetoed = one("a", "1");
    vetoed["vetoes"] = json!(["fire"]);
    assert_eq!(code(plain(), json!([vetoed])), "unknown_veto");
    let mut zero = plain();
    zero["items"][0]["weight"] = json!("0");
    assert_eq!(code(zero.clone(), a), "bad_weight");
    let e = CheckRatingTree { tree: tree(zero) }.call().unwrap_err();
    assert!(e.to_string().contains("items[0]"), "{e}");
    let mut twice = plain();
    twice["vetoes"] = json!([{"id": "rate", "name": "x"}]);
    let e = CheckRatingTree { tree: tree(twice) }.call().unwrap_err();
    assert_eq!(e.code(), "duplicate_id");
    assert!(e.to_string().contains("vetoes[0]"), "{e}");
    let mut empty = plain();
    empty["items"] = json!([]);
    let e = CheckRatingTree { tree: tree(empty) }.call().unwrap_err();
    assert_eq!(e.code(), "empty_group");
}

#[test]
fn by_name_with_the_faces_values() {
    let catalog = Catalog::embedded().unwrap();
    let call = |name: &str, args| catalog.call(name, args).map(|(v, _)| v);
    // Whole numbers where the tree holds decimals, as a face gives them.
    let mut t = plain();
    t["items"][0]["weight"] = json!(1);
    t["items"][0]["normalise"]["target"] = json!(100);
    let args = json!({"tree": t, "data": [{"community": "a", "values": {"rate": 95}}]});
    let result = call("evaluate_communities", args).unwrap();
    assert_eq!(result[0]["score"], "95.00");
    assert_eq!(result[0]["grade"], "优秀");
    let losses = call("rating_losses", json!({ "evaluations": result })).unwrap();
    assert_eq!(losses[0]["points_lost"], "5.00");
    let summary = call("check_rating_tree", json!({ "tree": plain() })).unwrap();
    assert_eq!(summary["indicators"], 1);
    // A node that is neither a group nor an indicator, a stray field, a float.
    let mut neither = plain();
    neither["items"][0]
        .as_object_mut()
        .unwrap()
        .remove("normalise");
    let e = call("check_rating_tree", json!({ "tree": neither })).unwrap_err();
    assert!(e.to_string().contains("items[0]"), "{e}");
    let mut stray = plain();
    stray["colour"] = json!("red");
    let e = call("check_rating_tree", json!({ "tree": stray })).unwrap_err();
    assert_eq!(e.code(), "unknown_field");
    let float = json!({"tree": plain(), "data": [{"community": "a", "values": {"rate": 90.5}}]});
    let e = call("evaluate_communities", float).unwrap_err();
    assert_eq!(e.code(), "float_not_allowed");
}

//! Every way a tree or its data is refused, with the path or names the error carries.

use super::tests::{d, data, flag, group, leaf, target, tree};
use rust_decimal::Decimal;

use super::*;
use crate::error::ErrorKind;

fn refused(t: &Tree) -> TreeError {
    t.validate().unwrap_err()
}

#[test]
fn json_shape_errors() {
    let node = |extra: &str| {
        format!(r#"{{"name": "n", "items": [{{"id": "a", "name": "A", "weight": "1"{extra}}}]}}"#)
    };
    let flag = r#", "normalise": {"method": "flag"}"#;
    assert!(Tree::from_json(&node(flag)).is_ok());
    let cases = [
        (
            node(flag).replace("\"name\": \"n\"", "\"name\": \"n\", \"note\": 1"),
            "note",
        ),
        (node(&format!("{flag}, \"unit\": \"%\"")), "unit"),
        (node(&format!("{flag}, \"children\": []")), "both"),
        (node(""), "needs `children`"),
        (
            node(r#", "normalise": {"method": "flag", "better": "higher"}"#),
            "better",
        ),
        (node(r#", "normalise": {"method": "rank"}"#), "rank"),
        (
            node(r#", "normalise": {"method": "target", "better": "higher"}"#),
            "target",
        ),
        (node(flag).replace("\"1\"", "1"), "Decimal"),
        (node(flag)[..40].to_string(), "EOF"),
    ];
    for (text, says) in cases {
        let e = Tree::from_json(&text).unwrap_err();
        assert_eq!(
            (e.code(), e.kind()),
            ("tree_json", ErrorKind::Invalid),
            "{text}"
        );
        assert!(e.to_string().contains(says), "{e} should mention {says}");
    }
    let row = r#"{"community": "c", "values": {}, "veto": []}"#;
    assert!(serde_json::from_str::<CommunityData>(row).is_err());
}

#[test]
fn validation_errors_name_the_path() {
    let base = || {
        tree(vec![
            group("g", "1", vec![flag("a", "1"), flag("b", "1")]),
            flag("c", "1"),
        ])
    };
    assert_eq!(base().validate(), Ok(()));

    let mut t = base();
    t.items[1].id = "a".into();
    let e = refused(&t);
    assert_eq!(e.code(), "duplicate_id");
    assert_eq!(e.kind(), ErrorKind::Conflict);
    assert_eq!(
        e.to_string(),
        r#"items[1]: id "a" is used already at items[0].children[0]"#
    );

    let mut t = base();
    t.vetoes[1].id = "b".into();
    assert!(refused(&t).to_string().starts_with("vetoes[1]: id \"b\""));

    let mut t = base();
    t.items[0] = group("g", "1", vec![flag("a", "1"), flag("b", "0")]);
    let e = refused(&t);
    assert_eq!(e.code(), "bad_weight");
    assert!(
        e.to_string().starts_with("items[0].children[1]: weight 0"),
        "{e}"
    );
    t.items[0] = group("g", "-2", vec![flag("a", "1")]);
    assert!(refused(&t).to_string().starts_with("items[0]: weight -2"));

    let mut t = base();
    t.items[0] = group(
        "g",
        "1",
        vec![flag("a", "79228162514264337593543950335"), flag("b", "1")],
    );
    let e = refused(&t);
    assert_eq!(
        (e.code(), e.to_string().starts_with("items[0].children:")),
        ("weights_too_large", true)
    );

    let mut t = base();
    t.items[0] = group("g", "1", vec![]);
    assert_eq!(
        refused(&t).to_string(),
        "items[0].children: a group needs at least one child"
    );
    t.items.clear();
    assert_eq!(refused(&t).code(), "empty_group");

    let mut t = base();
    t.items[1] = target("c", "1", "0", Better::Higher);
    let e = refused(&t);
    assert_eq!(
        (e.code(), e.to_string().starts_with("items[1]: target 0")),
        ("bad_target", true)
    );

    let mut t = base();
    t.items[0] = group("g", "1", vec![flag("a", "1"), flag(" ", "1")]);
    let e = refused(&t);
    assert_eq!(e.code(), "bad_text");
    assert!(
        e.to_string().starts_with("items[0].children[1]: bad id"),
        "{e}"
    );
    t.items[0] = group("g", "1", vec![flag("a", "1")]);
    t.items[0].name = "长".repeat(201);
    assert!(refused(&t).to_string().contains("too long"));
    t.items[0].name = "长".repeat(200);
    assert_eq!(t.validate(), Ok(()));
    t.name = String::new();
    assert!(refused(&t).to_string().starts_with("name: bad name"));
}

#[test]
fn depth_is_limited_to_eight_levels() {
    let nest = |levels: usize| {
        let mut node = flag("leaf", "1");
        for i in 1..levels {
            node = group(&format!("g{i}"), "1", vec![node]);
        }
        tree(vec![node])
    };
    assert_eq!(nest(8).validate(), Ok(()));
    let e = refused(&nest(9));
    assert_eq!(e.code(), "tree_too_deep");
    let path = format!("items[0]{}", ".children[0]".repeat(8));
    assert_eq!(
        e.to_string(),
        format!("{path}: the tree is deeper than 8 levels")
    );
}

#[test]
fn bands_must_descend_within_0_to_100_with_distinct_labels() {
    let band = |label: &str, min: &str| Band {
        label: label.into(),
        min: d(min),
    };
    let cases = [
        (
            vec![band("优秀", "90"), band("良好", "90")],
            "bands[1]: min 90 is not below",
        ),
        (
            vec![band("良好", "80"), band("优秀", "90")],
            "bands[1]: min 90 is not below",
        ),
        (
            vec![band("优秀", "100.01")],
            "bands[0]: min 100.01 is not within",
        ),
        (vec![band("优秀", "-1")], "bands[0]: min -1 is not within"),
        (
            vec![band("优秀", "90"), band("优秀", "80")],
            "bands[1]: label \"优秀\" is used twice",
        ),
        (
            vec![band("不合格", "60")],
            "bands[0]: label \"不合格\" is used twice",
        ),
        (vec![band("", "60")], "bands[0]: bad label"),
    ];
    for (bands, says) in cases {
        let mut t = tree(vec![flag("a", "1")]);
        t.bands = bands;
        let e = refused(&t);
        assert!(e.to_string().starts_with(says), "{e}");
        assert!(matches!(e.code(), "bad_band" | "bad_text"));
    }
    let mut t = tree(vec![flag("a", "1")]);
    t.bands = vec![band("满分", "100"), band("有分", "0")];
    assert_eq!(t.validate(), Ok(()));
    t.lowest = String::new();
    assert!(refused(&t).to_string().starts_with("lowest: bad label"));
}

#[test]
fn data_errors_name_the_community_and_id() {
    let t = tree(vec![
        group(
            "g",
            "1",
            vec![target("rate", "1", "95", Better::Higher), flag("plan", "1")],
        ),
        leaf(
            "hours",
            "1",
            Normalise::MinMax {
                better: Better::Higher,
            },
        ),
    ]);
    let good = || {
        data(
            "渭滨",
            &[("rate", "90"), ("plan", "1"), ("hours", "-3")],
            &[],
        )
    };
    assert!(evaluate(&t, &[good()]).is_ok());
    let with = |f: &dyn Fn(&mut CommunityData)| {
        let mut row = good();
        f(&mut row);
        evaluate(&t, &[row]).unwrap_err()
    };
    let cases: Vec<(TreeError, &str, ErrorKind, &str)> = vec![
        (
            with(&|r| {
                r.values.insert("zzz".into(), d("1"));
            }),
            "unknown_indicator",
            ErrorKind::NotFound,
            r#"community "渭滨": no indicator with id "zzz""#,
        ),
        (
            with(&|r| {
                r.values.insert("g".into(), d("1"));
            }),
            "unknown_indicator",
            ErrorKind::NotFound,
            r#"community "渭滨": no indicator with id "g""#,
        ),
        (
            with(&|r| {
                r.values.remove("plan");
            }),
            "missing_value",
            ErrorKind::Invalid,
            r#"community "渭滨": no value for indicator "plan""#,
        ),
        (
            with(&|r| {
                r.values.insert("rate".into(), d("-0.5"));
            }),
            "negative_value",
            ErrorKind::Invalid,
            r#"community "渭滨": indicator "rate" may not be negative, got -0.5"#,
        ),
        (
            with(&|r| {
                r.values.insert("plan".into(), d("0.5"));
            }),
            "not_a_flag",
            ErrorKind::Invalid,
            r#"community "渭滨": indicator "plan" is a flag (0 or 1), got 0.5"#,
        ),
        (
            with(&|r| r.vetoes = vec!["fire".into()]),
            "unknown_veto",
            ErrorKind::NotFound,
            r#"community "渭滨": no veto with id "fire""#,
        ),
        (
            with(&|r| r.vetoes = vec!["unrest".into(), "unrest".into()]),
            "repeated_veto",
            ErrorKind::Conflict,
            r#"community "渭滨": veto "unrest" is listed twice"#,
        ),
        (
            with(&|r| r.community = "\n".into()),
            "bad_text",
            ErrorKind::Invalid,
            "data[0]: bad community",
        ),
    ];
    for (e, code, kind, says) in cases {
        assert_eq!((e.code(), e.kind()), (code, kind), "{e}");
        assert!(e.to_string().starts_with(says), "{e}");
    }

    let twice = evaluate(&t, &[good(), good()]).unwrap_err();
    assert_eq!(twice, TreeError::DuplicateCommunity("渭滨".into()));
    assert_eq!(twice.kind(), ErrorKind::Conflict);

    let mut far = good();
    far.community = "far".into();
    far.values.insert("hours".into(), Decimal::MAX);
    let mut low = good();
    low.values.insert("hours".into(), Decimal::MIN);
    let e = evaluate(&t, &[low, far]).unwrap_err();
    assert_eq!(e.code(), "value_out_of_range");
    assert!(e.to_string().contains("\"hours\""));
}

#[test]
fn evaluate_refuses_an_invalid_tree() {
    let t = tree(vec![flag("a", "0")]);
    let e = evaluate(&t, &[data("c", &[("a", "1")], &[])]).unwrap_err();
    assert_eq!(e.code(), "bad_weight");
    assert_eq!(evaluate(&tree(vec![flag("a", "1")]), &[]), Ok(vec![]));
}

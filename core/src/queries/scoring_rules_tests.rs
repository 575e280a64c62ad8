//! The star level and satisfaction rate functions: RULES' vectors, local profiles and
//! refusals, typed and by name.

use serde_json::json;

use super::scoring_rules::*;
use crate::surface::{Catalog, Function};

fn d(text: &str) -> rust_decimal::Decimal {
    text.parse().unwrap()
}

fn level(hours: &str, thresholds: Option<&[i64]>) -> Result<u8, crate::Error> {
    StarLevel {
        hours: d(hours),
        thresholds: thresholds.map(|t| t.iter().map(|&h| h.into()).collect()),
    }
    .call()
}

#[test]
fn rules_star_level_vectors() {
    for (hours, stars) in [
        ("99.99", 0),
        ("100", 1),
        ("299.5", 1),
        ("300", 2),
        ("999", 3),
        ("1000", 4),
        ("1500", 5),
    ] {
        assert_eq!(level(hours, None).unwrap(), stars, "{hours} h");
    }
    // 张家港's local profile.
    let local: &[i64] = &[30, 60, 100, 200, 300];
    assert_eq!(level("60", Some(local)).unwrap(), 2);
    assert_eq!(level("29.5", Some(local)).unwrap(), 0);
    let code = |r: Result<u8, crate::Error>| r.unwrap_err().code();
    assert_eq!(code(level("10", Some(&[5, 5]))), "bad_star_profile");
    assert_eq!(code(level("10", Some(&[]))), "bad_star_profile");
}

#[test]
fn satisfaction_rate_vectors() {
    let rate = |counts: [u64; 5]| SatisfactionRate { counts }.call().unwrap();
    // 70 very satisfied, 20 satisfied, 10 dissatisfied → 90%.
    assert_eq!(rate([70, 20, 0, 10, 0]), Some(d("90.00")));
    assert_eq!(rate([0, 0, 1, 0, 3]), Some(d("25.00")));
    assert_eq!(rate([0; 5]), None);
}

#[test]
fn by_name_with_the_faces_values() {
    let catalog = Catalog::embedded().unwrap();
    let call = |name: &str, args| catalog.call(name, args).map(|(v, _)| v);
    assert_eq!(call("star_level", json!({"hours": "299.5"})).unwrap(), 1);
    assert_eq!(call("star_level", json!({"hours": 1500})).unwrap(), 5);
    let local = json!({"hours": 60, "thresholds": [30, "60", 100, 200, 300]});
    assert_eq!(call("star_level", local).unwrap(), 2);
    let float = call("star_level", json!({"hours": 99.99}));
    assert_eq!(float.unwrap_err().code(), "float_not_allowed");
    let counts = json!({"counts": [70, 20, 0, 10, 0]});
    assert_eq!(call("satisfaction_rate", counts).unwrap(), "90.00");
    let none = json!({"counts": [0, 0, 0, 0, 0]});
    assert_eq!(call("satisfaction_rate", none).unwrap(), json!(null));
    // Five counts, whole and not negative.
    for bad in [
        json!([1, 2, 3]),
        json!([1, 1, 1, 1, 1, 1]),
        json!([-1, 0, 0, 0, 0]),
    ] {
        let refused = call("satisfaction_rate", json!({ "counts": bad }));
        assert!(refused.unwrap_err().to_string().contains("counts"), "{bad}");
    }
}

//! The money functions: the RULES vectors, and their refusals, typed and through the
//! catalog as a face reaches them.

use serde_json::{json, Value};

use super::*;
use crate::surface::Catalog;

fn d(text: &str) -> Decimal {
    text.parse().expect("a decimal")
}

fn yuan(text: &str) -> Amount {
    text.parse().expect("an amount")
}

#[test]
fn a_thousand_yuan_split_by_area_adds_up_exactly() {
    let split = Split {
        total: yuan("1000.00"),
        weights: vec![d("72"), d("89.5"), d("120.3")],
        method: None,
    };
    let parts = split.clone().call().unwrap();
    assert_eq!(parts, [yuan("255.50"), yuan("317.60"), yuan("426.90")]);
    let named = Split {
        method: Some(SplitMethod::LargestRemainder),
        ..split
    };
    assert_eq!(named.call().unwrap(), parts);
    // The leftover fen goes to the earlier of equal remainders.
    let tie = Split {
        total: yuan("0.01"),
        weights: vec![d("1"), d("1")],
        method: None,
    };
    assert_eq!(tie.call().unwrap(), [yuan("0.01"), yuan("0.00")]);
}

#[test]
fn four_yuan_per_m2_on_72_m2_is_288_and_the_residue_is_kept() {
    let rate = |rate: &str, quantities: &[&str], rounding: Option<Rounding>| {
        let quantities = quantities.iter().map(|q| d(q)).collect();
        ApplyRate {
            rate: d(rate),
            quantities,
            rounding,
        }
        .call()
        .unwrap()
    };
    let one = rate("4", &["72"], None);
    assert_eq!((one.parts[0], one.total), (yuan("288.00"), yuan("288.00")));
    assert!(one.residue.is_zero());
    let odd = rate("2.35", &["72.33", "88.17"], None);
    assert_eq!(odd.exact, d("2.35") * (d("72.33") + d("88.17")));
    assert_eq!(odd.residue, odd.exact - odd.total.value());
    assert_eq!(
        rate("0.125", &["1"], None).parts,
        [yuan("0.13")],
        "half up by default"
    );
    let even = rate("0.125", &["1"], Some(Rounding::HalfEven));
    assert_eq!(even.parts, [yuan("0.12")]);
}

#[test]
fn bad_sums_and_weights_are_refused() {
    let split = |weights: Vec<Decimal>| {
        Split {
            total: yuan("10.00"),
            weights,
            method: None,
        }
        .call()
        .unwrap_err()
        .code()
    };
    assert_eq!(split(vec![]), "bad_amount");
    assert_eq!(split(vec![d("0"), d("0")]), "bad_amount");
    assert_eq!(split(vec![d("1"), d("-1")]), "bad_amount");
}

#[test]
fn the_faces_reach_the_money_functions_through_the_catalog() {
    let catalog = Catalog::embedded().unwrap();
    let call = |name: &str, args: Value| catalog.call(name, args).map(|(v, _)| v);
    let parts = call(
        "split",
        json!({"total": "1000.00", "weights": [72, "89.5", "120.3"]}),
    );
    assert_eq!(parts.unwrap(), json!(["255.50", "317.60", "426.90"]));
    let named = json!({"total": 1000, "weights": [1, 1], "method": "largest_remainder"});
    assert_eq!(call("split", named).unwrap(), json!(["500.00", "500.00"]));
    let rate = call("apply_rate", json!({"rate": 4, "quantities": ["72"]})).unwrap();
    assert_eq!(
        (&rate["parts"], &rate["total"]),
        (&json!(["288.00"]), &json!("288.00"))
    );
    let code = |name: &str, args: Value| call(name, args).unwrap_err().code();
    // Digits below the fen: the catalog refuses the figure before the core sees it.
    let fen = call("split", json!({"total": "10.005", "weights": [1]})).unwrap_err();
    assert_eq!(fen.kind(), crate::error::ErrorKind::Invalid);
    assert!(fen.to_string().contains("total"), "{fen}");
    assert_eq!(
        code("split", json!({"total": "10.00", "weights": []})),
        "bad_amount"
    );
    let float = json!({"total": 1000.5, "weights": [1, 2]});
    assert_eq!(
        call("split", float).unwrap_err().kind(),
        crate::error::ErrorKind::Invalid
    );
    let bankers = json!({"rate": 4, "quantities": [72], "rounding": "bankers"});
    assert_eq!(
        call("apply_rate", bankers).unwrap_err().kind(),
        crate::error::ErrorKind::Invalid
    );
    let method = json!({"total": 1, "weights": [1], "method": "dhondt"});
    assert_eq!(
        call("split", method).unwrap_err().kind(),
        crate::error::ErrorKind::Invalid
    );
}

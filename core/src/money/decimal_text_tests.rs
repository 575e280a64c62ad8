use std::collections::BTreeMap;

use proptest::prelude::*;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use super::{format_decimal, read, write};

#[derive(Debug, PartialEq, Serialize, Deserialize)]
struct Fields {
    #[serde(serialize_with = "write", deserialize_with = "read")]
    one: Decimal,
    #[serde(default, serialize_with = "write", deserialize_with = "read")]
    maybe: Option<Decimal>,
    #[serde(serialize_with = "write", deserialize_with = "read")]
    many: Vec<Decimal>,
    #[serde(serialize_with = "write", deserialize_with = "read")]
    pairs: Vec<(String, Decimal)>,
    #[serde(serialize_with = "write", deserialize_with = "read")]
    map: BTreeMap<String, Decimal>,
}

fn d(text: &str) -> Decimal {
    text.parse().unwrap()
}

proptest! {
    #[test]
    fn text_is_decimals_own(m in any::<i64>(), scale in 0u32..=18) {
        let d = Decimal::new(m, scale);
        let mut buf = [0; 64];
        prop_assert_eq!(format_decimal(&d, &mut buf), d.to_string());
    }

    #[test]
    fn text_reads_back_to_the_same_decimal(m in any::<i64>(), scale in 0u32..=18) {
        let d = Decimal::new(m, scale);
        let fields = Fields { one: d, maybe: Some(d), many: vec![d], pairs: vec![], map: BTreeMap::new() };
        let json = serde_json::to_string(&fields).unwrap();
        let back: Fields = serde_json::from_str(&json).unwrap();
        prop_assert_eq!(back.one.scale(), d.scale());
        prop_assert_eq!(back, fields);
    }
}

#[test]
fn text_edges() {
    for text in [
        "0",
        "0.00",
        "72.50",
        "-0.05",
        "100000",
        "0.0000000000000000000000000001",
        "79228162514264337593543950335",
        "-7.9228162514264337593543950335",
    ] {
        let mut buf = [0; 64];
        assert_eq!(format_decimal(&d(text), &mut buf), text);
        assert_eq!(d(text).to_string(), text);
    }
    // A negative zero is written without its sign, as `Decimal` itself writes it.
    let mut buf = [0; 64];
    assert_eq!(format_decimal(&d("-0.00"), &mut buf), "0.00");
    assert_eq!(d("-0.00").to_string(), "0.00");
}

#[test]
fn every_shape_is_written_as_text() {
    let fields = Fields {
        one: d("72.50"),
        maybe: None,
        many: vec![d("1"), d("-0.5")],
        pairs: vec![("1-1-101".into(), d("88.20"))],
        map: [("a".to_owned(), d("3.0"))].into_iter().collect(),
    };
    let json = serde_json::to_string(&fields).unwrap();
    assert_eq!(
        json,
        r#"{"one":"72.50","maybe":null,"many":["1","-0.5"],"pairs":[["1-1-101","88.20"]],"map":{"a":"3.0"}}"#
    );
    assert_eq!(serde_json::from_str::<Fields>(&json).unwrap(), fields);
    let some = Fields {
        maybe: Some(d("66.67")),
        ..fields
    };
    let json = serde_json::to_string(&some).unwrap();
    assert!(json.contains(r#""maybe":"66.67""#), "{json}");
    assert_eq!(serde_json::from_str::<Fields>(&json).unwrap(), some);
}

#[test]
fn only_strings_are_read_and_scientific_text_is() {
    let refused = |json: &str| {
        serde_json::from_str::<Fields>(json)
            .unwrap_err()
            .to_string()
    };
    let base = r#""maybe":null,"many":[],"pairs":[],"map":{}"#;
    let number = refused(&format!(r#"{{"one":72.5,{base}}}"#));
    assert!(
        number.starts_with(
            "invalid type: floating point `72.5`, expected a Decimal type representing a fixed-point number"
        ),
        "{number}"
    );
    let whole = refused(&format!(r#"{{"one":72,{base}}}"#));
    assert!(whole.starts_with("invalid type: integer `72`"), "{whole}");
    let text = refused(&format!(r#"{{"one":"7x",{base}}}"#));
    assert!(
        text.starts_with(
            "invalid value: string \"7x\", expected a Decimal type representing a fixed-point number"
        ),
        "{text}"
    );
    let in_list = refused(r#"{"one":"1","maybe":2,"many":[],"pairs":[],"map":{}}"#);
    assert!(
        in_list.starts_with("invalid type: integer `2`"),
        "{in_list}"
    );
    let in_vec = refused(r#"{"one":"1","maybe":null,"many":[1],"pairs":[],"map":{}}"#);
    assert!(in_vec.starts_with("invalid type: integer `1`"), "{in_vec}");

    let read: Fields =
        serde_json::from_str(r#"{"one":"1.5e2","many":[],"pairs":[],"map":{}}"#).unwrap();
    assert_eq!(read.one, d("150"));
    assert_eq!(read.maybe, None);
    // Through a `Value`, as the faces' input arrives, numbers are refused alike.
    let value = serde_json::json!({"one": 1, "many": [], "pairs": [], "map": {}});
    assert!(Fields::deserialize(&value).is_err());
}

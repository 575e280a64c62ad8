//! `TaggedDeserialize` against serde's own derive: the same enum declared twice, once
//! with each, must accept the same objects as the same values and refuse the others
//! with the same message, whatever the order of the keys.

use proptest::prelude::*;
use serde::Deserialize;
use serde_json::Value;

use crate::money::decimal_text;
use rust_decimal::Decimal;

/// Declares the same internally tagged enum twice: `$serde` with serde's derive and
/// `$ours` with `TaggedDeserialize`.
macro_rules! twins {
    ($serde:ident, $ours:ident, #[serde($($attr:tt)*)] { $($body:tt)* }) => {
        #[derive(Debug, Deserialize)]
        #[serde($($attr)*)]
        #[allow(dead_code)]
        enum $serde { $($body)* }

        #[derive(Debug, gridward_derive::TaggedDeserialize)]
        #[serde($($attr)*)]
        #[allow(dead_code)]
        enum $ours { $($body)* }
    };
}

#[derive(Debug, Deserialize, PartialEq)]
#[serde(rename_all = "snake_case")]
enum Colour {
    Red,
    DarkBlue,
}

twins!(Inner, InnerOurs, #[serde(tag = "for", rename_all = "snake_case")] {
    Entry,
    FeePayment { household: String },
});

/// Declares one set of variants four times: strict (unknown fields refused) and loose,
/// each with both derives.
macro_rules! strict_and_loose {
    ({ $($body:tt)* }) => {
        twins!(Strict, StrictOurs, #[serde(tag = "type", rename_all = "snake_case", deny_unknown_fields)] {
            $($body)*
        });
        twins!(Loose, LooseOurs, #[serde(tag = "type", rename_all = "snake_case")] {
            $($body)*
        });
    };
}

strict_and_loose!({
    AddUnit {
        code: u32,
        name: String,
        #[serde(default)]
        domains: Option<Vec<Colour>>,
    },
    Posted {
        id: String,
        #[serde(deserialize_with = "decimal_text::read")]
        amount: Decimal,
        purpose: Inner,
    },
    #[serde(rename = "sweep")]
    RunSweep,
});

/// Both decoders' answers for one JSON text: the value's debug form (which names the
/// variant, not the enum), or the refusal's message.
fn both<A, B>(text: &str) -> (Result<String, String>, Result<String, String>)
where
    A: for<'de> Deserialize<'de> + std::fmt::Debug,
    B: for<'de> Deserialize<'de> + std::fmt::Debug,
{
    let show = |r: Result<String, serde_json::Error>| r.map_err(|e| without_position(&e));
    let a = show(serde_json::from_str::<A>(text).map(|v| format!("{v:?}")));
    let b = show(serde_json::from_str::<B>(text).map(|v| format!("{v:?}")));
    (a, b)
}

/// A refusal's message without the position serde_json adds to it. serde's derive reads
/// the whole object before it decodes the variant, so a refusal of a field has no
/// position; `TaggedDeserialize` refuses it where it is read, and serde_json adds where
/// that was. The messages are otherwise the same.
fn without_position(e: &serde_json::Error) -> String {
    let text = e.to_string();
    match text.rfind(" at line ") {
        Some(at) if e.line() > 0 => text[..at].to_owned(),
        _ => text,
    }
}

/// The same, decoding from a `serde_json::Value` (as commands from the faces are).
fn both_value<A, B>(value: &Value) -> (Result<String, String>, Result<String, String>)
where
    A: for<'de> Deserialize<'de> + std::fmt::Debug,
    B: for<'de> Deserialize<'de> + std::fmt::Debug,
{
    let a = A::deserialize(value).map(|v| format!("{v:?}"));
    let b = B::deserialize(value).map(|v| format!("{v:?}"));
    (a.map_err(|e| e.to_string()), b.map_err(|e| e.to_string()))
}

/// Requires the same answer from both decoders. An object that gives its tag twice is
/// refused by both, but not always with the same message when it has other faults too:
/// serde reads the whole object first and names the repeated tag, while
/// `TaggedDeserialize` names the first fault in the order of the keys.
fn same(text: &str) {
    let repeated = text.matches("\"type\":").count() > 1;
    let check = |a: Result<String, String>, b: Result<String, String>, what: &str, repeated| {
        // The twins' names differ, and a message may name the enum.
        let b = b.map_err(|m: String| m.replace("Ours", ""));
        if repeated {
            assert!(a.is_err() && b.is_err(), "{what}: {text}: {a:?} {b:?}");
        } else {
            assert_eq!(a, b, "{what}: {text}");
        }
    };
    let (a, b) = both::<Strict, StrictOurs>(text);
    check(a, b, "strict, text", repeated);
    let (a, b) = both::<Loose, LooseOurs>(text);
    check(a, b, "loose, text", repeated);
    // As a value, an object given a key twice keeps the last: both see it once.
    if let Ok(value) = serde_json::from_str::<Value>(text) {
        let (a, b) = both_value::<Strict, StrictOurs>(&value);
        check(a, b, "strict, value", false);
        let (a, b) = both_value::<Loose, LooseOurs>(&value);
        check(a, b, "loose, value", false);
    }
}

#[test]
fn fixed_cases_are_decided_as_serde_decides_them() {
    for text in [
        // accepted, the tag first, last and between fields
        r#"{"type":"add_unit","code":7,"name":"一网格"}"#,
        r#"{"code":7,"name":"一网格","type":"add_unit"}"#,
        r#"{"code":7,"type":"add_unit","name":"x","domains":["red","dark_blue"]}"#,
        r#"{"type":"posted","id":"t1","amount":"12.50","purpose":{"for":"entry"}}"#,
        r#"{"purpose":{"household":"1-01","for":"fee_payment"},"amount":"-3","id":"t","type":"posted"}"#,
        r#"{"type":"sweep"}"#,
        r#"{"type":"sweep","extra":[1,2,{"a":null}]}"#,
        r#"{"type":2}"#,
        // refused
        r#"{"code":7,"name":"x"}"#,
        r#"{}"#,
        r#"{"type":"no_such","code":7}"#,
        r#"{"code":7,"type":"no_such"}"#,
        r#"{"type":9}"#,
        r#"{"type":null}"#,
        r#"{"type":"add_unit","type":"add_unit","code":7,"name":"x"}"#,
        r#"{"type":"add_unit","code":7,"name":"x","extra":1}"#,
        r#"{"extra":1,"type":"add_unit","code":7,"name":"x"}"#,
        r#"{"type":"add_unit","code":"7","name":"x"}"#,
        r#"{"code":"7","type":"add_unit","name":"x"}"#,
        r#"{"type":"add_unit","name":"x"}"#,
        r#"{"type":"add_unit","code":7,"code":8,"name":"x"}"#,
        r#"{"type":"add_unit","code":7,"name":"x","domains":["green"]}"#,
        r#"{"type":"posted","id":"t","amount":12.5,"purpose":{"for":"entry"}}"#,
        r#"{"type":"posted","id":"t","amount":"1","purpose":{"for":"fee_payment"}}"#,
        r#"{"type":"posted","id":"t","amount":"1","purpose":{"household":"h"}}"#,
        r#"{"type":"posted","id":"t","amount":"1","purpose":"entry"}"#,
        r#""add_unit""#,
        r#"7"#,
        r#"null"#,
        r#"{"type":"add_unit","code":7,"name":"x""#,
        r#"{"type":"add_unit","code":7,"name":"x"} trailing"#,
    ] {
        same(text);
    }
}

/// A key of the generated objects, with a value of one of several kinds.
fn entry() -> impl Strategy<Value = (String, String)> {
    let key = prop::sample::select(vec![
        "type", "code", "name", "domains", "id", "amount", "purpose", "extra",
    ]);
    let value = prop::sample::select(vec![
        r#""add_unit""#,
        r#""posted""#,
        r#""sweep""#,
        r#""nope""#,
        r#"7"#,
        r#"-1"#,
        r#"2.5"#,
        r#""9.99""#,
        r#"null"#,
        r#"true"#,
        r#"["red"]"#,
        r#"["red","teal"]"#,
        r#"{"for":"entry"}"#,
        r#"{"household":"h","for":"fee_payment"}"#,
        r#"{"for":"fee_payment"}"#,
        r#"{}"#,
    ]);
    (key, value).prop_map(|(k, v)| (k.to_owned(), v.to_owned()))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(4000))]

    #[test]
    fn any_object_is_decided_as_serde_decides_it(
        entries in prop::collection::vec(entry(), 0..8),
    ) {
        let body: Vec<String> = entries.iter().map(|(k, v)| format!("\"{k}\":{v}")).collect();
        let text = format!("{{{}}}", body.join(","));
        same(&text);
    }

    #[test]
    fn a_valid_object_is_decided_alike_in_every_key_order(
        order in Just((0..4).collect::<Vec<usize>>()).prop_shuffle(),
        strict in any::<bool>(),
    ) {
        let entries = [
            r#""type":"posted""#,
            r#""id":"t1""#,
            r#""amount":"0.10""#,
            r#""purpose":{"household":"1-01","for":"fee_payment"}"#,
        ];
        let body: Vec<&str> = order.iter().map(|&i| entries[i]).collect();
        let text = format!("{{{}}}", body.join(","));
        let (a, b) = if strict {
            both::<Strict, StrictOurs>(&text)
        } else {
            both::<Loose, LooseOurs>(&text)
        };
        prop_assert!(a.is_ok(), "{a:?}");
        prop_assert_eq!(a, b);
    }
}

#[test]
fn the_array_form_serde_also_reads_is_refused() {
    // serde's derive reads an internally tagged enum from an array too (the tag, then
    // the fields in order); Gridward writes and documents objects only.
    let text = r#"["add_unit", 7, "x"]"#;
    assert!(serde_json::from_str::<Strict>(text).is_ok());
    let refused = serde_json::from_str::<StrictOurs>(text).map_err(|e| without_position(&e));
    assert_eq!(
        refused.err().as_deref(),
        Some("invalid type: sequence, expected internally tagged enum StrictOurs")
    );
}

#[test]
fn a_refused_field_of_a_command_is_named_by_its_path() {
    // The tag read first, the variant's fields are read from the input itself, so the
    // path a refusal names reaches into them.
    let value = serde_json::json!({
        "grid": {"type": "add_household", "id": "1-01", "unit": "510107017006001001", "area": "much"}
    });
    let refused = crate::queries::typed::decode::<crate::Command>(value).map_err(|e| e.to_string());
    let message = refused.err().unwrap_or_default();
    assert!(message.contains("grid.area"), "{message}");
}

#[test]
fn the_path_to_a_refused_field_reaches_into_the_variant() {
    let value = serde_json::json!({"type": "add_unit", "code": "seven", "name": "x"});
    let path = |r: Result<(), serde_path_to_error::Error<serde_json::Error>>| {
        r.err().map(|e| e.path().to_string())
    };
    let theirs = path(serde_path_to_error::deserialize::<_, Strict>(&value).map(|_| ()));
    let ours = path(serde_path_to_error::deserialize::<_, StrictOurs>(&value).map(|_| ()));
    // serde's derive reads the variant from its buffered copy, out of the tracker's sight.
    assert_eq!(theirs.as_deref(), Some("."));
    assert_eq!(ours.as_deref(), Some("code"));
}

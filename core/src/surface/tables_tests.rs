//! Arguments read from tables: a column's type says little about what its cells mean.

use serde_json::{json, Value};

use super::Catalog;
use crate::error::Error;

fn catalog() -> Catalog {
    Catalog::embedded().expect("the embedded description compiles")
}

/// The grid's bulk import of these rows, read as a table.
fn import(rows: Value, tables: &[&str]) -> Result<crate::ward::Command, Error> {
    catalog().command_with_tables("grid", "import", json!({ "rows": rows }), tables)
}

fn refusal(result: Result<crate::ward::Command, Error>) -> (String, String) {
    match result {
        Err(Error::Input(e)) => (e.problem.code().to_owned(), e.field),
        other => panic!("expected an input error, got {other:?}"),
    }
}

fn rows(code: Value, area: Value) -> Value {
    json!([
        {"kind": "unit", "code": code, "name": "武侯区"},
        {"kind": "household", "id": 101, "unit": code, "area": area},
    ])
}

#[test]
fn whole_numbers_in_a_table_are_codes_and_ids() {
    let command = import(rows(json!(510107), json!(72)), &["rows"]).unwrap();
    let text = serde_json::to_string(&command).unwrap();
    assert!(text.contains(r#""code":"510107""#), "{text}");
    assert!(text.contains(r#""id":"101""#), "{text}");
    assert!(text.contains(r#""area":"72""#), "{text}");
}

#[test]
fn whole_floats_below_two_to_the_53_are_exact_codes() {
    let command = import(rows(json!(510107.0), json!("72.50")), &["rows"]).unwrap();
    let text = serde_json::to_string(&command).unwrap();
    assert!(text.contains(r#""code":"510107""#), "{text}");
}

#[test]
fn a_long_code_read_as_a_float_has_lost_digits() {
    let long = json!(510105001001001001.0_f64);
    let (code, field) = refusal(import(rows(long, json!("72.50")), &["rows"]));
    assert_eq!(
        (code.as_str(), field.as_str()),
        ("lost_digits", "rows[0].code")
    );
}

#[test]
fn a_binary_float_area_is_refused_naming_row_and_column() {
    let (code, field) = refusal(import(rows(json!(510107), json!(72.5)), &["rows"]));
    assert_eq!(
        (code.as_str(), field.as_str()),
        ("float_not_allowed", "rows[1].area")
    );
}

#[test]
fn a_fraction_where_text_is_described_stays_a_wrong_type() {
    let (code, field) = refusal(import(rows(json!(5101.5), json!(72)), &["rows"]));
    assert_eq!(
        (code.as_str(), field.as_str()),
        ("wrong_type", "rows[0].code")
    );
}

#[test]
fn arguments_not_from_a_table_stay_strict() {
    let (code, field) = refusal(import(rows(json!(510107), json!(72)), &[]));
    assert_eq!(
        (code.as_str(), field.as_str()),
        ("wrong_type", "rows[0].code")
    );
    let (code, _) = refusal(catalog().command(
        "grid",
        "import",
        json!({"rows": rows(json!(510107), json!(72))}),
    ));
    assert_eq!(code, "wrong_type");
}

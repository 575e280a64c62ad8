//! The cross-face parity fixture, run by the Rust face. Python and JavaScript run the same
//! scenario through their own APIs and compare with the same expected file.
//!
//! `GRIDWARD_BLESS=1 cargo test --test parity` rewrites the expected file after a
//! deliberate change; the other faces must then still agree with it.

use std::path::PathBuf;

use gridward_scenarios::parity::{run, Scenario};

fn fixture(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/parity")
        .join(name)
}

#[test]
fn rust_face_matches_the_expected_numbers() {
    let text = std::fs::read_to_string(fixture("grid_scenario.json")).unwrap();
    let scenario: Scenario = serde_json::from_str(&text).unwrap();
    let observed = run(&scenario).unwrap();
    let expected_path = fixture("grid_expected.json");
    if std::env::var_os("GRIDWARD_BLESS").is_some() {
        let pretty = serde_json::to_string_pretty(&observed).unwrap();
        std::fs::write(&expected_path, pretty + "\n").unwrap();
    }
    let expected: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(expected_path).unwrap()).unwrap();
    assert_eq!(observed, expected);
}

#[test]
fn the_scenario_exercises_what_it_claims() {
    let text = std::fs::read_to_string(fixture("grid_scenario.json")).unwrap();
    let scenario: Scenario = serde_json::from_str(&text).unwrap();
    let observed = run(&scenario).unwrap();
    // Numbers a reader can check against the fixture by hand.
    assert_eq!(observed["counts"]["micro_grids"], 4);
    assert_eq!(observed["counts"]["households"], 32 + 12 + 35 + 40 + 2);
    assert_eq!(observed["progress"]["targets"], 121);
    // 32 + 10 + 1 + 19 (one of w21's twenty was acknowledged by its resident).
    assert_eq!(observed["progress"]["acknowledged"], 62);
    // w21's nineteen came after the 17:00 deadline.
    assert_eq!(observed["progress"]["late"], 19);
    assert_eq!(observed["progress"]["first_after_secs"], 300);
    assert_eq!(
        observed["coverage"]["unassigned_households"],
        serde_json::json!(["G2-loose-2"])
    );
    assert_eq!(observed["errors"].as_array().unwrap().len(), 11);
}

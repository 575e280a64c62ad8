//! The tracked decoder against serde_json's decoding of a borrowed value, path tracked by
//! `serde_path_to_error`: every command and configuration of the parity scenarios, and
//! random faults put into them, must give the same value or the same message at the
//! same path.

use std::collections::BTreeMap;

use proptest::prelude::*;
use serde::de::DeserializeOwned;
use serde::Deserialize;
use serde_json::{json, Value};

use crate::tracked;
use crate::{Command, WardConfig};

const SCENARIOS: [&str; 6] = [
    include_str!("../../tests/fixtures/parity/fund_scenario.json"),
    include_str!("../../tests/fixtures/parity/grid_scenario.json"),
    include_str!("../../tests/fixtures/parity/party_scenario.json"),
    include_str!("../../tests/fixtures/parity/points_scenario.json"),
    include_str!("../../tests/fixtures/parity/projects_scenario.json"),
    include_str!("../../tests/fixtures/parity/tasks_scenario.json"),
];

/// Every command of the scenarios, and every configuration given.
fn corpus() -> &'static (Vec<Value>, Vec<Value>) {
    static CORPUS: std::sync::OnceLock<(Vec<Value>, Vec<Value>)> = std::sync::OnceLock::new();
    CORPUS.get_or_init(read_corpus)
}

fn read_corpus() -> (Vec<Value>, Vec<Value>) {
    let (mut commands, mut configs) = (Vec::new(), Vec::new());
    for text in SCENARIOS {
        let scenario: Value = serde_json::from_str(text).expect("a scenario");
        if let Some(c) = scenario.get("config").filter(|c| !c.is_null()) {
            configs.push(c.clone());
        }
        for step in scenario["steps"].as_array().expect("steps") {
            match step.get("command") {
                // The grid's scenario gives the grid's commands alone.
                Some(c) if c.get("type").is_some() => commands.push(json!({ "grid": c })),
                Some(c) => commands.push(c.clone()),
                None => {}
            }
        }
    }
    (commands, configs)
}

/// What a decoder made of a value: the value's debug text, or the path and message.
fn reference<T: DeserializeOwned + std::fmt::Debug>(
    value: &Value,
) -> Result<String, (String, String)> {
    serde_path_to_error::deserialize::<_, T>(value)
        .map(|t| format!("{t:?}"))
        .map_err(|e| (e.path().to_string(), e.into_inner().to_string()))
}

fn tracked<T: DeserializeOwned + std::fmt::Debug>(
    value: &Value,
) -> Result<String, (String, String)> {
    tracked::decode::<T>(value.clone())
        .map(|t| format!("{t:?}"))
        .map_err(|r| (r.path, r.error.to_string()))
}

/// Both decoders give the same answer. Two differences are allowed, where the tracked
/// decoder names more of the path: a key read as a number or a boolean, which
/// `serde_path_to_error` writes `?`, is written as the key; and a field inside the
/// assembly's `subject`, which its type reads whole before decoding, is named where
/// `serde_path_to_error` stops at `subject`.
fn same<T: DeserializeOwned + std::fmt::Debug>(value: &Value) -> Result<(), TestCaseError> {
    let (ours, theirs) = (tracked::<T>(value), reference::<T>(value));
    if let (Err((path, message)), Err((their_path, their_message))) = (&ours, &theirs) {
        let parent = match their_path.strip_suffix('?') {
            Some(parent) => Some(parent.to_owned()),
            None if their_path.ends_with("subject") => Some(format!("{their_path}.")),
            None => None,
        };
        if let Some(parent) = parent {
            prop_assert_eq!(message, their_message, "{}", value);
            prop_assert!(
                path == their_path || path.starts_with(&parent) && path.len() > parent.len(),
                "{path} {value}"
            );
            return Ok(());
        }
    }
    prop_assert_eq!(ours, theirs, "{}", value);
    Ok(())
}

#[test]
fn the_scenarios_commands_and_configurations_decode_as_serde_json_decodes_them() {
    let (commands, configs) = corpus();
    assert!(commands.len() > 300, "{} commands", commands.len());
    for c in commands {
        assert!(tracked::<Command>(c).is_ok(), "{c}");
        same::<Command>(c).unwrap();
    }
    for c in configs {
        assert!(tracked::<WardConfig>(c).is_ok(), "{c}");
        same::<WardConfig>(c).unwrap();
    }
}

#[derive(Debug, Deserialize)]
#[allow(dead_code)]
enum Shape {
    Dot,
    Size(u32),
    Pair(u8, String),
    Box { w: u16, h: Option<u16> },
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
#[allow(dead_code)]
struct Sample {
    counts: [u32; 3],
    by_number: BTreeMap<u32, String>,
    by_flag: BTreeMap<bool, i8>,
    shapes: Vec<Shape>,
    pair: (String, f64),
    #[serde(default)]
    note: Option<String>,
    bytes: Option<Vec<u8>>,
}

#[test]
fn fixed_cases_decode_and_refuse_as_serde_json_does() {
    let good = json!({
        "counts": [1, 2, 3], "by_number": {"7": "seven", "0": "zero"}, "by_flag": {"true": -1},
        "shapes": ["Dot", {"Size": 3}, {"Pair": [1, "a"]}, {"Box": {"w": 2, "h": null}}],
        "pair": ["x", 1.5], "bytes": [1, 2]
    });
    assert!(
        tracked::<Sample>(&good).is_ok(),
        "{:?}",
        tracked::<Sample>(&good)
    );
    same::<Sample>(&good).unwrap();
    let faults: [(&str, Value); 22] = [
        ("/counts", json!([1, 2])),
        ("/counts", json!([1, 2, 3, 4])),
        ("/counts/1", json!(-1)),
        ("/by_number", json!({"x": "?"})),
        ("/by_number", json!({"1.5": "?"})),
        ("/by_flag", json!({"yes": 1})),
        ("/by_flag/true", json!(300)),
        ("/shapes/0", json!("Round")),
        ("/shapes/0", json!({"Dot": 5})),
        ("/shapes/1", json!("Size")),
        ("/shapes/2", json!("Pair")),
        ("/shapes/3", json!("Box")),
        ("/shapes/3", json!(7)),
        ("/shapes/1", json!({"Size": "3"})),
        ("/shapes/1", json!({"Size": 1, "Dot": null})),
        ("/shapes/1", json!({})),
        ("/shapes/2", json!({"Pair": 5})),
        ("/shapes/3", json!({"Box": [1]})),
        ("/shapes/3", json!({"Box": {"h": 1}})),
        ("/pair", json!({"0": "x"})),
        ("/note", json!(["a"])),
        ("/bytes", json!("ab")),
    ];
    for (at, fault) in faults {
        let mut bad = good.clone();
        match bad.pointer_mut(at) {
            Some(place) => *place = fault,
            None => bad[&at[1..]] = fault,
        }
        same::<Sample>(&bad).unwrap();
        assert!(tracked::<Sample>(&bad).is_err(), "{bad}");
    }
    let mut extra = good.clone();
    extra["colour"] = json!("red");
    same::<Sample>(&extra).unwrap();
    same::<Sample>(&json!([[1, 2, 3]])).unwrap();
    same::<Sample>(&json!("sample")).unwrap();
}

/// A random JSON value, a few levels deep.
fn any_value() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(|n| json!(n)),
        (-1e6..1e6f64).prop_map(|f| json!(f)),
        "[a-z0-9_.:-]{0,12}".prop_map(Value::String),
        Just(json!("2026-03-02")),
        Just(json!("12.50")),
    ];
    leaf.prop_recursive(2, 8, 3, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..3).prop_map(Value::Array),
            prop::collection::vec(("[a-z_]{1,8}", inner), 0..3)
                .prop_map(|kv| Value::Object(kv.into_iter().collect())),
        ]
    })
}

/// The places of a value's nodes, as JSON pointers.
fn pointers(value: &Value, at: String, out: &mut Vec<String>) {
    match value {
        Value::Array(items) => {
            for (i, v) in items.iter().enumerate() {
                pointers(v, format!("{at}/{i}"), out);
            }
        }
        Value::Object(map) => {
            for (k, v) in map {
                pointers(v, format!("{at}/{k}"), out);
            }
        }
        _ => {}
    }
    out.push(at);
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(3000))]

    /// A command with one node replaced, one key removed or one key added.
    #[test]
    fn a_command_with_a_fault_gives_serde_json_s_answer_at_its_path(
        pick in any::<prop::sample::Index>(),
        node in any::<prop::sample::Index>(),
        how in 0..3u8,
        replacement in any_value(),
    ) {
        let (commands, configs) = corpus();
        let all: Vec<(bool, &Value)> = commands.iter().map(|c| (true, c))
            .chain(configs.iter().map(|c| (false, c))).collect();
        let (is_command, original) = all[pick.index(all.len())];
        let mut value = original.clone();
        let mut places = Vec::new();
        pointers(&value, String::new(), &mut places);
        let at = places[node.index(places.len())].clone();
        match how {
            0 => *value.pointer_mut(&at).unwrap() = replacement,
            1 => {
                if let Some((parent, key)) = at.rsplit_once('/') {
                    if let Some(Value::Object(map)) = value.pointer_mut(parent) {
                        map.shift_remove(key);
                    }
                }
            }
            _ => {
                if let Some(Value::Object(map)) = value.pointer_mut(&at) {
                    map.insert("extra".into(), replacement);
                }
            }
        }
        if is_command {
            same::<Command>(&value)?;
        } else {
            same::<WardConfig>(&value)?;
        }
    }
}

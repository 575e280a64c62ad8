//! The journal, its hashes, the answers and the description are the same in a build
//! where rust_decimal's `serde-float` is on: every serialised decimal in the core writes
//! and reads its own text, whatever rust_decimal's features.

use std::path::PathBuf;

use chrono::{DateTime, NaiveDate};
use gridward::grid::NodeCode;
use gridward::scoring::tree::{evaluate, CommunityData, Tree};
use gridward::surface::{FUNCTIONS, QUERY_SETS};
use gridward::tasks::Period;
use gridward::{Actor, Command, Context, Journal, Ward, WardConfig};
use rust_decimal::Decimal;
use serde::Deserialize;
use serde_json::{json, Value};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn read(path: &str) -> String {
    let path = root().join(path);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn json_file(path: &str) -> Value {
    serde_json::from_str(&read(path)).unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// One step of a parity scenario, as the fixture writes it.
#[derive(Deserialize)]
struct Step {
    actor: Option<String>,
    at: String,
    #[serde(default)]
    key: Option<String>,
    command: Command,
    #[serde(default)]
    expect_error: Option<String>,
}

/// Reads the scenario's configuration and steps through the core's own types (so the
/// decimals in them are read in this build) and runs the steps.
fn run(scenario: &Value) -> (Ward, WardConfig) {
    let config: WardConfig = match &scenario["config"] {
        Value::Null => WardConfig::default(),
        c => serde_json::from_value(c.clone()).expect("the configuration reads"),
    };
    let steps: Vec<Step> =
        serde_json::from_value(scenario["steps"].clone()).expect("the steps read");
    let mut ward = Ward::new(config.clone());
    for (i, step) in steps.into_iter().enumerate() {
        let actor = step.actor.map_or(Actor::System, Actor::Person);
        let at = DateTime::parse_from_rfc3339(&step.at).expect("a valid time");
        let mut ctx = Context::new(actor, at);
        ctx.idempotency_key = step.key;
        match (ward.execute(&ctx, step.command), step.expect_error) {
            (Ok(_), None) => {}
            (Err(e), Some(code)) => assert_eq!(e.code(), code, "step {i}"),
            (Ok(_), Some(code)) => panic!("step {i}: expected {code}, got success"),
            (Err(e), None) => panic!("step {i}: {e}"),
        }
    }
    (ward, config)
}

/// The journal's head (a hash chained over every entry's bytes), digest and length are
/// the expected ones; the journal verifies, and replays to the same state and the same
/// text in this build.
fn same_journal(ward: &Ward, config: WardConfig, expected: &Value) {
    assert_eq!(json!(ward.head()), expected["head"], "journal head");
    assert_eq!(
        json!(ward.state_digest()),
        expected["digest"],
        "state digest"
    );
    assert_eq!(json!(ward.journal().len()), expected["journal_entries"]);
    let text = ward.to_jsonl();
    assert!(Journal::verify_jsonl(&text).intact);
    let again = Ward::from_jsonl(config, &text).expect("the journal replays");
    assert_eq!(again.state_digest(), ward.state_digest());
    assert_eq!(again.to_jsonl(), text);
}

fn answer<T: serde::Serialize>(value: &T) -> Value {
    serde_json::to_value(value).expect("an answer serialises")
}

#[test]
fn this_build_has_serde_float() {
    // Without it the test below would prove nothing.
    let d: Decimal = "72.50".parse().unwrap();
    assert_eq!(serde_json::to_string(&d).unwrap(), "72.5");
}

#[test]
fn fund_journal_and_answers_are_unchanged() {
    let scenario = json_file("tests/fixtures/parity/fund_scenario.json");
    let expected = json_file("tests/fixtures/parity/fund_expected.json");
    let (ward, config) = run(&scenario);
    same_journal(&ward, config, &expected);

    // The statement: billed rounding residues, an optional collection rate (Option).
    let q = &scenario["queries"];
    let date = |k: &str| q[k].as_str().unwrap().parse::<NaiveDate>().unwrap();
    let fund = q["fund"].as_str().unwrap();
    let statement = ward.statement(fund, date("from"), date("to")).unwrap();
    assert_eq!(answer(&statement), expected["statement"]);
    // The counts of the owners' votes: areas in m².
    let tallies: Vec<Value> = ward
        .assembly()
        .motions()
        .map(|m| answer(&m.tally))
        .collect();
    let expected_tallies: Vec<Value> = expected["motions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m["tally"].clone())
        .collect();
    assert_eq!(tallies, expected_tallies);
    // A dividend's residue and the fees' exact figures are in the journal itself.
    let text = ward.to_jsonl();
    assert!(
        text.contains(r#""residue":""#),
        "no decimal residue in the journal"
    );
    assert!(!text.contains(r#""area":8"#) && text.contains(r#""area":""#));
}

#[test]
fn points_journal_and_answers_are_unchanged() {
    let scenario = json_file("tests/fixtures/parity/points_scenario.json");
    let expected = json_file("tests/fixtures/parity/points_expected.json");
    // The configuration holds decimals: points per hour, star thresholds (a list),
    // handler weights.
    let (ward, config) = run(&scenario);
    same_journal(&ward, config, &expected);

    let q = &scenario["queries"];
    let s = |k: &str| q[k].as_str().unwrap();
    let unit: NodeCode = s("unit").parse().unwrap();
    let (grid, points) = (ward.grid(), ward.points());
    assert_eq!(answer(&ward.scoring().records()), expected["records"]);
    assert_eq!(
        answer(&ward.scoring().volunteers(grid)),
        expected["volunteers"]
    );
    assert_eq!(answer(&points.items()), expected["items"]);
    assert_eq!(answer(&points.redemptions()), expected["redemptions"]);
    assert_eq!(answer(&points.totals()), expected["totals"]);
    let obligations = ward
        .obligations(unit, s("from_month"), s("to_month"))
        .unwrap();
    assert_eq!(answer(&obligations), expected["obligations"]);
    // Handler scores: optional rates and scores.
    let period = Period {
        from: DateTime::parse_from_rfc3339(s("period_from")).unwrap(),
        to: DateTime::parse_from_rfc3339(s("period_to")).unwrap(),
    };
    let scores = ward.handler_scores(unit, &period).unwrap();
    assert_eq!(answer(&scores), expected["handler_scores"]);
    let profile = &ward.config().scoring.stars;
    let on: NaiveDate = s("grant_preview_on").parse().unwrap();
    let preview = ward.scoring().grant_preview(grid, profile, on).unwrap();
    assert_eq!(answer(&preview), expected["grant_preview"]);
    // The rating tree: weights and targets, and each community's values by indicator (a
    // map to decimals) read in this build; scores, points and losses written.
    let tree: Tree = serde_json::from_value(scenario["rating"]["tree"].clone()).unwrap();
    let data: Vec<CommunityData> =
        serde_json::from_value(scenario["rating"]["data"].clone()).unwrap();
    assert_eq!(
        answer(&evaluate(&tree, &data).unwrap()),
        expected["evaluation"]
    );
    for (written, given) in data
        .iter()
        .zip(scenario["rating"]["data"].as_array().unwrap())
    {
        assert_eq!(answer(written)["values"], given["values"]);
    }
}

#[test]
fn json_entry_points_write_decimals_as_text() {
    let call = |name: &str, args: Value| {
        let f = FUNCTIONS.iter().find(|f| f.name == name).unwrap();
        (f.call)(args).unwrap()
    };
    // A bare optional decimal as the whole answer.
    assert_eq!(
        call("satisfaction_rate", json!({"counts": [3, 1, 0, 0, 1]})),
        json!("80.00")
    );
    assert_eq!(
        call("satisfaction_rate", json!({"counts": [0, 0, 0, 0, 0]})),
        Value::Null
    );
    // Lists of decimals read from text, an exact figure and its residue written as text.
    let parts = call(
        "apply_rate",
        json!({"rate": "4.05", "quantities": ["72.35", "88.13"]}),
    );
    assert_eq!(
        parts,
        json!({"parts": ["293.02", "356.93"], "total": "649.95", "exact": "649.944", "residue": "-0.006"})
    );
    assert_eq!(
        call(
            "star_level",
            json!({"hours": "120.5", "thresholds": ["100", "300.5"]})
        ),
        json!(1)
    );
    // Numbers are refused where a decimal is read, as in the plain build.
    let f = FUNCTIONS.iter().find(|f| f.name == "split").unwrap();
    assert!((f.call)(json!({"total": "10.00", "weights": [1, 2]})).is_err());

    // A query through its JSON entry: the indicators' optional rates.
    let scenario = json_file("tests/fixtures/parity/points_scenario.json");
    let (ward, _) = run(&scenario);
    let tasks = QUERY_SETS.iter().find(|s| s.capability == "tasks").unwrap();
    let indicators = tasks
        .entries
        .iter()
        .find(|e| e.name == "indicators")
        .unwrap();
    let args = json!({"start": "2026-03-01T00:00:00+08:00", "end": "2026-04-01T00:00:00+08:00"});
    let answer = (indicators.ask)(&ward, args).unwrap();
    assert!(answer["closure_rate"].is_string(), "{answer}");
    assert!(answer["satisfaction_rate"].is_string(), "{answer}");
}

#[test]
fn the_description_is_unchanged() {
    let surface = gridward::surface::describe();
    let text = serde_json::to_string_pretty(&surface).unwrap() + "\n";
    assert!(
        text == read("core/src/surface/surface.json"),
        "the description differs in a build with serde-float"
    );
}

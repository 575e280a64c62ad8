//! The cross-face parity fixture, run by the Rust face. Python and JavaScript run the same
//! scenario through their own APIs and compare with the same expected file.
//!
//! `GRIDWARD_BLESS=1 cargo test --test parity` rewrites the expected file after a
//! deliberate change; the other faces must then still agree with it.

use std::path::PathBuf;

use gridward_scenarios::parity::{run, Scenario};
use gridward_scenarios::parity_tasks;

fn fixture(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/parity")
        .join(name)
}

/// The value with every object's keys in order, so that a blessed file is the same
/// whatever order the scenario wrote its keys in.
fn sorted(value: &serde_json::Value) -> serde_json::Value {
    match value {
        serde_json::Value::Object(map) => {
            let mut keys: Vec<&String> = map.keys().collect();
            keys.sort();
            keys.into_iter()
                .map(|k| (k.clone(), sorted(&map[k])))
                .collect::<serde_json::Map<_, _>>()
                .into()
        }
        serde_json::Value::Array(items) => items.iter().map(sorted).collect(),
        other => other.clone(),
    }
}

/// Compares with the expected file, first rewriting it when blessing.
fn check(observed: &serde_json::Value, name: &str) {
    let expected_path = fixture(name);
    if std::env::var_os("GRIDWARD_BLESS").is_some() {
        let pretty = serde_json::to_string_pretty(&sorted(observed)).unwrap();
        std::fs::write(&expected_path, pretty + "\n").unwrap();
    }
    let expected: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(expected_path).unwrap()).unwrap();
    assert_eq!(observed, &expected);
}

#[test]
fn rust_face_matches_the_expected_numbers() {
    let text = std::fs::read_to_string(fixture("grid_scenario.json")).unwrap();
    let scenario: Scenario = serde_json::from_str(&text).unwrap();
    check(&run(&scenario).unwrap(), "grid_expected.json");
}

fn tasks_scenario() -> parity_tasks::Scenario {
    let text = std::fs::read_to_string(fixture("tasks_scenario.json")).unwrap();
    serde_json::from_str(&text).unwrap()
}

fn tasks_observed() -> serde_json::Value {
    parity_tasks::run(&tasks_scenario()).unwrap()
}

#[test]
fn rust_face_matches_the_expected_request_numbers() {
    check(&tasks_observed(), "tasks_expected.json");
}

#[test]
fn the_request_scenario_in_one_batch_reaches_the_same_state() {
    let batched = parity_tasks::run_batched(&tasks_scenario()).unwrap();
    check(&batched, "tasks_batched_expected.json");
    let one_by_one = tasks_observed();
    assert_eq!(batched["digest"], one_by_one["digest"]);
    assert_eq!(batched["duplicates"], one_by_one["duplicates"]);
    // One entry for the whole batch.
    assert_eq!(batched["journal_entries"], 1);
    let refused: Vec<&serde_json::Value> = batched["outcomes"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|o| !o.is_null())
        .collect();
    assert_eq!(
        serde_json::Value::from(refused.into_iter().cloned().collect::<Vec<_>>()),
        one_by_one["errors"]
    );
}

#[test]
fn the_request_scenario_exercises_what_it_claims() {
    let o = tasks_observed();
    let row = |id: &str| {
        o["requests"]
            .as_array()
            .unwrap()
            .iter()
            .find(|r| r["id"] == id)
            .unwrap()
            .clone()
    };
    // One retried filing, eleven refusals.
    assert_eq!(o["duplicates"], 1);
    assert_eq!(o["errors"].as_array().unwrap().len(), 11);
    assert_eq!(row("q1")["status"], "closed");
    assert_eq!(row("q1")["on_time"], true);
    // q2 was rated dissatisfied, reworked and re-rated.
    assert_eq!(row("q2")["reopens"], 1);
    assert_eq!(row("q2")["rating"], "basically_satisfied");
    // Closed late (5 working hours from Monday 09:10 ran out at 15:40), so it stays late
    // though its re-close came inside the correction window.
    assert_eq!(row("q2")["on_time"], false);
    assert_eq!(row("h1")["handled_by"], "vol");
    assert_eq!(row("q4")["status"], "duplicate");
    assert_eq!(row("c1")["late_reports"], 1);
    // April reopened h1, rated q6 again and cancelled h2; March counts them as they stood.
    assert_eq!(row("h1")["status"], "in_progress");
    assert_eq!(row("h2")["status"], "cancelled");
    // Nine filed, seven counted (q4 duplicate, q5 cancelled; h2 only in April); closed at
    // the end of March: q1, q2, h1 (q6 was reopened by its rating).
    let i = &o["indicators"];
    assert_eq!(i["filed"], 9);
    assert_eq!(i["withdrawn"], 2);
    assert_eq!(i["closed"], 3);
    // Due: the three closed, plus h2 and q3 open past their limits (c1 was extended
    // beyond the period). On time: q1 and h1.
    assert_eq!(i["due"], 5);
    assert_eq!(i["closed_on_time"], 2);
    assert_eq!(i["closure_rate"], "60.00");
    assert_eq!(i["on_time_rate"], "40.00");
    // Rework: q2 and q6 of the four closed at least once (q6 still open counts in both).
    assert_eq!((&i["reopened"], &i["closed_once"]), (&2.into(), &4.into()));
    assert_eq!(i["rework_rate"], "50.00");
    // The street called departments in on c1 of seven: 14.29%, above its own band.
    assert_eq!(i["whistle_rate"], "14.29");
    assert_eq!(
        i["whistle_band"],
        serde_json::json!({"low": "2", "high": "12"})
    );
    assert_eq!(i["whistle_flag"], "too_high");
}

#[test]
fn the_request_scenarios_april_leaves_marchs_indicators_as_they_were() {
    let mut march_only = tasks_scenario();
    let end = march_only.queries.period.to;
    let before = march_only.steps.len();
    march_only
        .steps
        .retain(|s| chrono::DateTime::parse_from_rfc3339(&s.at).unwrap() < end);
    assert!(
        march_only.steps.len() < before,
        "the scenario has steps after March"
    );
    let march = parity_tasks::run(&march_only).unwrap();
    let all = tasks_observed();
    // April changed March's requests …
    assert_ne!(march["requests"], all["requests"]);
    // … but not March's figures.
    assert_eq!(march["indicators"], all["indicators"]);
    assert_eq!(march["indicators_by"], all["indicators_by"]);
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

/// Reads a scenario fixture that code generates, first rewriting it when blessing, and
/// checks that it is the generator's output: a change to one shows in the other.
fn generated<S: serde::Serialize + serde::de::DeserializeOwned>(name: &str, generated: S) -> S {
    let path = fixture(name);
    if std::env::var_os("GRIDWARD_BLESS").is_some() {
        let pretty = serde_json::to_string_pretty(&generated).unwrap();
        std::fs::write(&path, pretty + "\n").unwrap();
    }
    let text = std::fs::read_to_string(&path).unwrap();
    let scenario: S = serde_json::from_str(&text).unwrap();
    assert_eq!(
        serde_json::to_value(&scenario).unwrap(),
        serde_json::to_value(&generated).unwrap()
    );
    scenario
}

fn fund_observed() -> serde_json::Value {
    use gridward_scenarios::parity_fund::{run, scenario};
    run(&generated("fund_scenario.json", scenario())).unwrap()
}

#[test]
fn rust_face_matches_the_expected_fund_numbers() {
    check(&fund_observed(), "fund_expected.json");
}

#[test]
fn the_fund_scenario_exercises_what_it_claims() {
    let o = fund_observed();
    let s = &o["statement"];
    assert_eq!(o["verify"]["verified"], true);
    assert_eq!(o["duplicates"], 1);
    let codes: Vec<&str> = o["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c.as_str().unwrap())
        .collect();
    for code in [
        "spending_outside_budget",
        "wrong_state",
        "voting_open",
        "motion_closed",
        "billed_already",
        "permission_denied",
        "over_budget",
        "not_available",
        "unknown_actor",
        "voted_already",
        "negative_balance",
    ] {
        assert!(codes.contains(&code), "{code} not exercised: {codes:?}");
    }
    let outcome = |id: &str| {
        o["motions"]
            .as_array()
            .unwrap()
            .iter()
            .find(|m| m["id"] == id)
            .unwrap()["outcome"]
            .clone()
    };
    assert_eq!(outcome("m-budget"), "passed");
    assert_eq!(outcome("m-roof"), "passed");
    assert_eq!(outcome("m-dividend"), "passed");
    assert_eq!(outcome("m-base"), "no_quorum");
    assert_eq!(o["trial_balance"]["debits"], o["trial_balance"]["credits"]);
    // Every line stays within its approved amount.
    for row in s["spending"].as_array().unwrap() {
        let budgeted: f64 = row["budgeted"].as_str().unwrap().parse().unwrap();
        let spent: f64 = row["spent_to_date"].as_str().unwrap().parse().unwrap();
        assert!(spent <= budgeted, "{row}");
    }
    assert!(!s["vouchers"].as_array().unwrap().is_empty());
    // The private payee's name is masked.
    assert!(s["vouchers"]
        .as_array()
        .unwrap()
        .iter()
        .any(|v| v["payee"] == "张**"));
}

fn points_observed() -> serde_json::Value {
    use gridward_scenarios::parity_points::{run, scenario};
    run(&generated("points_scenario.json", scenario())).unwrap()
}

#[test]
fn rust_face_matches_the_expected_points_numbers() {
    check(&points_observed(), "points_expected.json");
}

#[test]
fn the_points_scenario_exercises_what_it_claims() {
    let o = points_observed();
    let book = |p: &str| {
        o["passbooks"]
            .as_array()
            .unwrap()
            .iter()
            .find(|b| b["person"] == p)
            .unwrap()
            .clone()
    };
    // Every passbook keeps every point: earned = spent + expired + balance.
    for b in o["passbooks"].as_array().unwrap() {
        let n = |k: &str| b[k].as_u64().unwrap();
        assert_eq!(n("earned"), n("spent") + n("expired") + n("balance"), "{b}");
    }
    // The volunteer: 5 (rating) + 17 + 3 × 83 + 29 (cut to the cap of 300) in March,
    // 83 in April.
    let vol = book("vol");
    assert_eq!(vol["earned"], 5 + 17 + 3 * 83 + 29 + 83);
    let lots = vol["lots"].as_array().unwrap();
    assert_eq!(lots[5]["points"], 29);
    assert!(
        vol["expired"].as_u64().unwrap() > 0,
        "March's lots expired in May"
    );
    assert_eq!(
        o["duplicates"], 2,
        "a filing and a redemption retried under their keys"
    );
    let codes: Vec<&str> = o["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c.as_str().unwrap())
        .collect();
    for code in [
        "request_recorded",
        "request_mismatch",
        "own_service",
        "cap_reached",
        "earning_exists",
        "key_required",
        "limit_reached",
        "stars_needed",
        "insufficient_points",
        "not_on_offer",
        "out_of_stock",
        "already_reversed",
    ] {
        assert!(codes.contains(&code), "{code} missing from {codes:?}");
    }
    let volunteer = o["volunteers"]
        .as_array()
        .unwrap()
        .iter()
        .find(|v| v["person"] == "vol")
        .unwrap();
    assert_eq!(volunteer["level"], 1);
    let vetoed = o["evaluation"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["community"] == "蜀锦社区")
        .unwrap();
    assert_eq!(vetoed["grade"], "不合格");
}

fn projects_observed() -> serde_json::Value {
    use gridward_scenarios::parity_projects::{run, scenario};
    run(&generated("projects_scenario.json", scenario())).unwrap()
}

#[test]
fn rust_face_matches_the_expected_projects_numbers() {
    check(&projects_observed(), "projects_expected.json");
}

#[test]
fn the_projects_scenario_exercises_what_it_claims() {
    let o = projects_observed();
    let codes: Vec<&str> = o["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c.as_str().unwrap())
        .collect();
    assert_eq!(codes.len(), 15, "{codes:?}");
    for code in [
        "permission_denied",
        "project_fund_for_year",
        "not_a_resident",
        "supported_already",
        "proposal_sorted",
        "project_fund_stage",
        "not_a_voter",
        "ballot_too_many_choices",
        "ballot_unknown_project",
        "ballots_open",
        "ballots_closed",
        "over_contract",
        "bad_tranche",
        "not_an_evaluator",
    ] {
        assert!(codes.contains(&code), "{code} not exercised: {codes:?}");
    }
    assert_eq!(o["verify"]["verified"], true);
    let report = &o["report"];
    assert_eq!(report["ballots"], 9);
    assert_eq!(report["eligible"], 9);
    assert_eq!(report["merged"], 1);
    assert_eq!(report["declined"], 1);
    assert_eq!(report["admitted"], 6);
    // Under Equal Shares every chosen project is paid for exactly by its supporters, and
    // the selection fits the fund.
    let selection = &o["fund"]["decision"]["selection"];
    let cost: f64 = selection["cost"].as_str().unwrap().parse().unwrap();
    assert!(cost <= 200_000.0);
    assert!(selection["selected"].as_array().unwrap().len() >= 3);
    // Every completed project returned 1,000 yuan, and the books balance.
    let projects = o["projects"].as_array().unwrap();
    let completed: Vec<_> = projects
        .iter()
        .filter(|p| p["stage"] == "completed")
        .collect();
    assert!(!completed.is_empty());
    for p in &completed {
        assert_eq!(p["returned"], "1000.00", "{p}");
    }
    assert_eq!(projects[0]["rejections"], 1);
    let total: f64 = o["balances"]
        .as_array()
        .unwrap()
        .iter()
        .map(|b| b["balance"].as_str().unwrap().parse::<f64>().unwrap())
        .sum();
    assert_eq!(total, 0.0);
    // The statement masks the evaluators' names.
    let statement = o["statement"].to_string();
    assert!(!statement.contains("监督委员李梅") && statement.contains("监*"));
    // Each rule's what-if fits the budget; greedy and greedy-no-skip agree where all fit.
    for s in o["what_if"].as_array().unwrap() {
        let c: f64 = s["cost"].as_str().unwrap().parse().unwrap();
        assert!(c <= 200_000.0, "{s}");
    }
}

fn party_observed() -> serde_json::Value {
    use gridward_scenarios::parity_party::{run, scenario};
    run(&generated("party_scenario.json", scenario())).unwrap()
}

#[test]
fn rust_face_matches_the_expected_party_numbers() {
    check(&party_observed(), "party_expected.json");
}

#[test]
fn the_party_scenario_exercises_what_it_claims() {
    let o = party_observed();
    assert_eq!(o["errors"].as_array().unwrap().len(), 26);
    // A new secretary: the chief grid leader stays on as a member, so the chief check
    // finds the community, and two units lack their body.
    assert_eq!(o["bodies"][0]["roster"]["chief"], "member");
    assert_eq!(o["bodies"][0]["roster"]["sec"], "secretary");
    let c = &o["coverage"];
    assert_eq!(
        c["chief_not_party_secretary"],
        serde_json::json!(["510104002003"])
    );
    assert_eq!(
        c["without_secretary"],
        serde_json::json!(["510104002003001001"])
    );
    assert_eq!(c["without_party_body"].as_array().unwrap().len(), 3);
    // The building's group has no secretary: its compound's branch answers.
    assert_eq!(o["chains"][0]["answers"], "510104002003001");
    assert_eq!(o["chains"][1]["answers"], "510104002003");
    // One of six on the two committees sits on both: 16.67%.
    assert_eq!(o["two_committees"]["cross_share"], "16.67");
    assert_eq!(o["two_committees"]["property_managers"][0]["person"], "pm");
    // March: 3.5 + 10 hours, April adds 16.5; the tax office claimed one micro-wish.
    assert_eq!(o["ledgers"][0]["communities"][0]["hours"], "13.5");
    assert_eq!(o["ledgers"][1]["communities"][0]["hours"], "30.0");
    assert_eq!(o["ledgers"][0]["units"][1]["micro_wishes"], 1);
    // The police took the two public-order requests, the least loaded first.
    assert_eq!(o["requests"][1]["responsible"]["person"], "police");
    assert_eq!(o["requests"][2]["responsible"]["person"], "aux1");
    assert_eq!(o["route"]["person"], "aux2");
    // The week of 6 April: the staff member served 3 days; the police officer 1 and the
    // first secretary 2 (from Wednesday, so 3 required), both short.
    let week = o["station_week"].as_array().unwrap();
    let short: Vec<(&str, u64)> = week
        .iter()
        .map(|r| (r["person"].as_str().unwrap(), r["days"].as_u64().unwrap()))
        .collect();
    assert_eq!(short, [("fs", 2), ("police", 1), ("staff", 3)]);
    assert_eq!(
        week.iter()
            .map(|r| r["short"].as_bool().unwrap())
            .collect::<Vec<_>>(),
        [true, true, false]
    );
}

/// The simulation fixture: a district of the small city simulated under a policy gives
/// the same report (digest, outcome and counts) on every face.
#[test]
fn simulated_district_matches_the_expected_report() {
    let text = std::fs::read_to_string(fixture("sim_run.json")).unwrap();
    let run: gridward::sim::DistrictRun = serde_json::from_str(&text).unwrap();
    let report = run.run().unwrap();
    assert!(report.outcome.refused.contains_key("claim_limit"));
    check(&serde_json::to_value(&report).unwrap(), "sim_expected.json");
}

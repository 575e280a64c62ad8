//! The parity scenarios, read from their fixtures, and the wards they end with.

use std::path::PathBuf;

use gridward::Ward;
use gridward_scenarios::{
    parity, parity_fund, parity_party, parity_points, parity_projects, parity_tasks,
};
use serde::de::DeserializeOwned;

/// The parity scenario in the fixture `name`.
pub fn scenario<S: DeserializeOwned>(name: &str) -> S {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/parity")
        .join(name);
    serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

/// Every parity scenario's ward at its end: grid, tasks, fund, points, projects, party.
pub fn wards() -> Vec<Ward> {
    let mut wards = Vec::new();
    let mut keep = |w: Ward| {
        wards.push(w.clone());
        Ok(w)
    };
    parity::run_then(&scenario("grid_scenario.json"), &mut keep).unwrap();
    parity_tasks::run_then(&scenario("tasks_scenario.json"), &mut keep).unwrap();
    parity_fund::run_then(&scenario("fund_scenario.json"), &mut keep).unwrap();
    parity_points::run_then(&scenario("points_scenario.json"), &mut keep).unwrap();
    parity_projects::run_then(&scenario("projects_scenario.json"), &mut keep).unwrap();
    parity_party::run_then(&scenario("party_scenario.json"), &mut keep).unwrap();
    wards
}

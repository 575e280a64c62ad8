//! What Gridward's fuzz targets share: the parity scenarios of `tests/fixtures/parity`
//! (their configurations and steps), a ward run through a scenario, a journal chained
//! from bare bodies, and the checks every target makes of the ward it leaves.
//!
//! Each target is a `fuzz_target!` in `fuzz_targets/`; [`seeds`] writes each target's
//! seed corpus from the same fixtures.

use std::sync::OnceLock;

use chrono::{DateTime, FixedOffset, TimeDelta};
use gridward::journal::Hash;
use gridward::surface::Catalog;
use gridward::{Actor, Context, Ward, WardConfig};
use serde_json::Value;

pub mod mutate;
pub mod seeds;

/// The parity scenarios' files, by name, in a fixed order (a target's first byte picks
/// one).
pub const SCENARIO_FILES: [(&str, &str); 6] = [
    (
        "grid",
        include_str!("../../tests/fixtures/parity/grid_scenario.json"),
    ),
    (
        "tasks",
        include_str!("../../tests/fixtures/parity/tasks_scenario.json"),
    ),
    (
        "fund",
        include_str!("../../tests/fixtures/parity/fund_scenario.json"),
    ),
    (
        "points",
        include_str!("../../tests/fixtures/parity/points_scenario.json"),
    ),
    (
        "projects",
        include_str!("../../tests/fixtures/parity/projects_scenario.json"),
    ),
    (
        "party",
        include_str!("../../tests/fixtures/parity/party_scenario.json"),
    ),
];

/// One step of a scenario, as the fixture gives it.
#[derive(Clone, Debug)]
pub struct Step {
    /// The acting person, or `None` for the platform.
    pub actor: Option<String>,
    /// When.
    pub at: DateTime<FixedOffset>,
    /// The idempotency key.
    pub key: Option<String>,
    /// The command in its JSON form (`{"grid": {"type": …}}`).
    pub command: Value,
}

/// A parity scenario: its configuration (as JSON and checked) and its steps.
#[derive(Debug)]
pub struct Scenario {
    /// The scenario's name.
    pub name: &'static str,
    /// The configuration's JSON (`null` for the default).
    pub config_json: Value,
    /// The configuration.
    pub config: WardConfig,
    /// The steps, in order.
    pub steps: Vec<Step>,
}

/// The surface's catalog, compiled once.
pub fn catalog() -> &'static Catalog {
    static CATALOG: OnceLock<Catalog> = OnceLock::new();
    CATALOG.get_or_init(|| Catalog::embedded().expect("the embedded description compiles"))
}

/// The parity scenarios, read once (the fixtures are the repository's own and must
/// read; a failure here is a broken checkout, not a finding).
pub fn scenarios() -> &'static [Scenario] {
    static SCENARIOS: OnceLock<Vec<Scenario>> = OnceLock::new();
    SCENARIOS.get_or_init(|| {
        SCENARIO_FILES
            .iter()
            .map(|(name, text)| read_scenario(name, text))
            .collect()
    })
}

fn read_scenario(name: &'static str, text: &str) -> Scenario {
    let file: Value = serde_json::from_str(text).expect("a parity fixture is JSON");
    let config_json = file.get("config").cloned().unwrap_or(Value::Null);
    let config = catalog()
        .config(config_json.clone())
        .expect("a parity fixture's configuration is valid");
    let steps = file["steps"]
        .as_array()
        .expect("a parity fixture has steps")
        .iter()
        .map(|s| Step {
            actor: s["actor"].as_str().map(str::to_owned),
            at: DateTime::parse_from_rfc3339(s["at"].as_str().expect("a step has a time"))
                .expect("a step's time is RFC 3339"),
            key: s.get("key").and_then(Value::as_str).map(str::to_owned),
            command: tagged(&s["command"]),
        })
        .collect();
    Scenario {
        name,
        config_json,
        config,
        steps,
    }
}

/// A command in its tagged JSON form: the grid fixture gives its commands untagged.
fn tagged(command: &Value) -> Value {
    if command.get("type").is_some() {
        serde_json::json!({ "grid": command })
    } else {
        command.clone()
    }
}

/// A step's context, the time moved by `shift_minutes`.
pub fn context(actor: Option<String>, at: DateTime<FixedOffset>, key: Option<String>) -> Context {
    let actor = actor.map_or(Actor::System, Actor::Person);
    let mut ctx = Context::new(actor, at);
    ctx.idempotency_key = key;
    ctx
}

/// `at` moved by a number of minutes, or `at` itself when that leaves chrono's range.
pub fn shifted(at: DateTime<FixedOffset>, minutes: i64) -> DateTime<FixedOffset> {
    TimeDelta::try_minutes(minutes)
        .and_then(|d| at.checked_add_signed(d))
        .unwrap_or(at)
}

/// Runs a command (in its JSON form) on a ward and checks the promise every command
/// keeps: a refused command leaves the journal and the state exactly as they were.
/// Returns whether it was accepted.
pub fn execute_checked(ward: &mut Ward, ctx: &Context, command: Value) -> bool {
    execute_checking(ward, ctx, command, true)
}

/// [`execute_checked`], comparing the state's digest before and after a refusal only
/// when `check_state` (the digest costs a pass over the whole state).
pub fn execute_checking(ward: &mut Ward, ctx: &Context, command: Value, check_state: bool) -> bool {
    let Ok(command) = catalog().any_command(command) else {
        return false;
    };
    let head = ward.head();
    let digest = check_state.then(|| ward.state_digest());
    let len = ward.journal().len();
    match ward.execute(ctx, command) {
        Ok(receipt) => {
            assert_eq!(receipt.head, ward.head(), "a receipt names the new head");
            true
        }
        Err(e) => {
            assert!(!e.code().is_empty(), "every error has a code");
            assert_eq!(
                ward.head(),
                head,
                "refused ({}) but the head moved",
                e.code()
            );
            assert_eq!(ward.journal().len(), len, "refused but the journal grew");
            if let Some(digest) = digest {
                let after = ward.state_digest();
                assert_eq!(
                    after,
                    digest,
                    "refused ({}) but the state changed",
                    e.code()
                );
            }
            false
        }
    }
}

/// Checks that a ward's own journal replays, under its configuration, into the same
/// state.
pub fn assert_replays(ward: &Ward) {
    let again = Ward::replay(ward.config().clone(), ward.journal().clone())
        .unwrap_or_else(|e| panic!("the ward's own journal does not replay: {e}"));
    assert_eq!(
        again.state_digest(),
        ward.state_digest(),
        "replay reached another state"
    );
    assert_eq!(again.head(), ward.head());
}

/// A ward that ran a whole scenario (the steps that must fail, fail and leave nothing).
pub fn ward_after(scenario: &Scenario) -> Ward {
    let mut ward = Ward::new(scenario.config.clone());
    for step in &scenario.steps {
        let ctx = context(step.actor.clone(), step.at, step.key.clone());
        execute_checking(&mut ward, &ctx, step.command.clone(), false);
    }
    ward
}

/// The ward after each scenario, built once (targets clone the one they need).
pub fn wards_after() -> &'static [Ward] {
    static WARDS: OnceLock<Vec<Ward>> = OnceLock::new();
    WARDS.get_or_init(|| scenarios().iter().map(ward_after).collect())
}

/// Bodies of entries (each a JSON value) as a journal in JSON lines, numbered from 1 and
/// hashed in a chain, so that it verifies whatever the bodies say.
pub fn chain(bodies: &[Value]) -> String {
    let mut prev = Hash::ZERO;
    let mut out = String::new();
    for (i, body) in bodies.iter().enumerate() {
        let seq = i as u64 + 1;
        let body = body.to_string();
        let hash = Hash::of_entry(seq, &prev, &body);
        out.push_str(&format!(
            "{{\"seq\":{seq},\"prev\":\"{prev}\",\"hash\":\"{hash}\",\"body\":{body}}}\n"
        ));
        prev = hash;
    }
    out
}

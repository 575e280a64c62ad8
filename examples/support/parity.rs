//! The parity fixture: one scenario that Rust, Python and JavaScript each run through
//! their own API; all three must reach the same journal head and the same numbers.

use gridward::grid::{CoverageRules, Domain, GridCommand, Level};
use gridward::journal::Hash;
use gridward::{Actor, Command, Context, Ward, WardConfig};
use serde::{Deserialize, Serialize};
use serde_json::{json, Value};

/// One step of a scenario: a command (a grid command by default) in its JSON form.
#[derive(Clone, Debug, Deserialize, Serialize)]
pub struct Step<C = GridCommand> {
    /// The acting person, or `None` for the platform.
    pub actor: Option<String>,
    /// When.
    pub at: String,
    /// Idempotency key.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub key: Option<String>,
    /// The command, in its JSON form.
    pub command: C,
    /// The error code the step must fail with, if it must fail.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub expect_error: Option<String>,
}

impl<C> Step<C> {
    /// The step's context: who acts, when, under which key; `i` names the step in an
    /// error.
    pub fn context(&self, i: usize) -> Result<Context, String> {
        let actor = self.actor.clone().map_or(Actor::System, Actor::Person);
        let at =
            chrono::DateTime::parse_from_rfc3339(&self.at).map_err(|e| format!("step {i}: {e}"))?;
        let mut ctx = Context::new(actor, at);
        ctx.idempotency_key = self.key.clone();
        Ok(ctx)
    }
}

/// What running the steps gave besides the ward: the codes of the expected refusals, in
/// order, and how many steps were retries reported as duplicates.
#[derive(Debug, Default)]
pub struct Ran {
    /// Error codes of the steps that had to fail.
    pub errors: Vec<String>,
    /// Accepted steps that were duplicates of an earlier one.
    pub duplicates: usize,
}

/// Runs steps on a ward, checking that each expected refusal comes with its code and
/// leaves the journal as it was; returns a description of the first step that did not
/// go as the fixture says.
pub fn run_steps<C: Clone + Into<Command>>(
    ward: &mut Ward,
    steps: &[Step<C>],
) -> Result<Ran, String> {
    let mut ran = Ran::default();
    for (i, step) in steps.iter().enumerate() {
        let ctx = step.context(i)?;
        let head = ward.head();
        match (ward.execute(&ctx, step.command.clone()), &step.expect_error) {
            (Ok(r), None) => ran.duplicates += usize::from(r.duplicate),
            (Err(e), Some(code)) if e.code() == code => {
                if ward.head() != head {
                    return Err(format!("step {i}: refused command changed the journal"));
                }
                ran.errors.push(code.clone());
            }
            (Ok(_), Some(code)) => {
                return Err(format!("step {i}: expected error {code}, got success"))
            }
            (Err(e), _) => return Err(format!("step {i}: unexpected error {}: {e}", e.code())),
        }
    }
    Ok(ran)
}

/// Runs all the steps as one batch ([`Ward::execute_batch`]), checking that exactly the
/// steps that expect an error are refused, each with its code. Returns what the faces'
/// batches must agree on: the head, the state digest, the journal's length, and each
/// step's outcome (its error code, or null).
pub fn run_batch<C: Clone + Into<Command>>(
    ward: &mut Ward,
    steps: &[Step<C>],
) -> Result<Value, String> {
    let mut commands = Vec::with_capacity(steps.len());
    for (i, step) in steps.iter().enumerate() {
        commands.push((step.context(i)?, step.command.clone().into()));
    }
    let receipt = ward.execute_batch(commands);
    let mut outcomes = Vec::with_capacity(steps.len());
    let mut duplicates = 0;
    for (i, (outcome, step)) in receipt.outcomes.iter().zip(steps).enumerate() {
        match (outcome, &step.expect_error) {
            (Ok(r), None) => {
                duplicates += usize::from(r.duplicate);
                outcomes.push(Value::Null);
            }
            (Err(e), Some(code)) if e.code() == code => outcomes.push(Value::from(code.clone())),
            (Ok(_), Some(code)) => {
                return Err(format!("step {i}: expected error {code}, got success"))
            }
            (Err(e), _) => return Err(format!("step {i}: unexpected error {}: {e}", e.code())),
        }
    }
    Ok(json!({
        "head": ward.head(),
        "digest": ward.state_digest(),
        "journal_entries": ward.journal().len(),
        "duplicates": duplicates,
        "outcomes": outcomes,
    }))
}

/// What to ask of the ward after the steps.
#[derive(Debug, Deserialize)]
pub struct Queries {
    /// A directive to report on.
    pub directive: String,
    /// A household whose chain to report.
    pub chain_household: String,
    /// The chain's domain.
    pub chain_domain: Domain,
    /// The level of the progress breakdown.
    pub progress_level: Level,
}

/// The scenario file.
#[derive(Debug, Deserialize)]
pub struct Scenario {
    /// The steps, in order.
    pub steps: Vec<Step>,
    /// The questions asked at the end.
    pub queries: Queries,
}

/// Runs the scenario and returns what the faces must agree on, or a description of the
/// first step that did not go as the fixture says.
pub fn run(scenario: &Scenario) -> Result<Value, String> {
    run_then(scenario, Ok)
}

/// Runs the scenario, passes the ward through `rebuild` (a snapshot restored, say), and
/// asks the scenario's questions of the ward it returns.
pub fn run_then(
    scenario: &Scenario,
    rebuild: impl FnOnce(Ward) -> Result<Ward, String>,
) -> Result<Value, String> {
    let mut ward = Ward::new(WardConfig::default());
    let ran = run_steps(&mut ward, &scenario.steps)?;
    let ward = rebuild(ward)?;
    observe(&ward, &scenario.queries, ran.errors).map_err(|e| e.to_string())
}

fn observe(ward: &Ward, q: &Queries, errors: Vec<String>) -> Result<Value, gridward::Error> {
    let grid = ward.grid();
    let coverage = grid.coverage(None, &CoverageRules::default())?;
    let progress = grid.directive_progress(&q.directive)?;
    let by = grid.directive_progress_by(&q.directive, q.progress_level)?;
    let chain = grid.chain(&q.chain_household, q.chain_domain)?;
    let links: Vec<Value> = chain
        .links
        .iter()
        .map(|l| {
            let responders: Vec<Value> = l
                .responders()
                .map(|r| json!({"person": r.person.id(), "role": r.role}))
                .collect();
            json!({"code": l.unit.code(), "responders": responders})
        })
        .collect();
    let departments: Vec<&str> = chain.departments.iter().map(|d| d.id()).collect();
    Ok(json!({
        "head": ward.head(),
        "digest": ward.state_digest(),
        "journal_entries": ward.journal().len(),
        "counts": grid.counts(None)?,
        "coverage": coverage,
        "progress": {
            "targets": progress.targets,
            "acknowledged": progress.acknowledged,
            "completion_rate": progress.completion_rate,
            "late": progress.late,
            "first_after_secs": progress.first_after_secs,
            "last_after_secs": progress.last_after_secs,
        },
        "progress_by": by,
        "chain": {
            "household": q.chain_household,
            "domain": q.chain_domain,
            "links": links,
            "departments": departments,
        },
        "errors": errors,
    }))
}

/// The journal with one entry's body changed by `edit` and every hash recomputed, so
/// that the chain verifies: a forgery only replay's checks can catch. Returns the forged
/// text and the entry changed (0 when `edit` changed none); lines that are not journal
/// entries are left out.
pub fn forged(text: &str, mut edit: impl FnMut(&mut Value) -> bool) -> (String, u64) {
    let mut prev = Hash::ZERO;
    let mut out = String::new();
    let mut changed = 0;
    for line in text.lines() {
        let Ok(mut entry) = serde_json::from_str::<Value>(line) else {
            continue;
        };
        let seq = entry["seq"].as_u64().unwrap_or_default();
        if changed == 0 && edit(&mut entry["body"]) {
            changed = seq;
        }
        let body = serde_json::to_string(&entry["body"]).unwrap_or_default();
        let hash = Hash::of_entry(seq, &prev, &body);
        out.push_str(&format!(
            "{{\"seq\":{seq},\"prev\":\"{prev}\",\"hash\":\"{hash}\",\"body\":{body}}}\n"
        ));
        prev = hash;
    }
    (out, changed)
}

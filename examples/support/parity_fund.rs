//! The fund parity fixture: a year of a small compound's common fund and its owners'
//! votes, which Rust, Python and JavaScript each run through their own API, reaching the
//! same journal head, statement, trial balance, vote counts and exports.

use chrono::NaiveDate;
use gridward::fund::export::{to_beancount, to_hledger};
use gridward::{Command, Hash, Ward, WardConfig};
use serde::{Deserialize, Serialize};
use serde_json::{json, Value};

use crate::compound::{self, Shape};
use crate::parity::{run_steps, Step};

/// What to ask after the steps.
#[derive(Debug, Deserialize, Serialize)]
pub struct Queries {
    /// The fund.
    pub fund: String,
    /// The statement's first day.
    pub from: NaiveDate,
    /// The statement's last day.
    pub to: NaiveDate,
}

/// The scenario file.
#[derive(Debug, Deserialize, Serialize)]
pub struct Scenario {
    /// What it is.
    pub description: String,
    /// The ward's configuration (default when absent).
    #[serde(default)]
    pub config: Option<WardConfig>,
    /// The steps: grid, fund or assembly commands in the `Command` JSON form.
    pub steps: Vec<Step<Command>>,
    /// The questions.
    pub queries: Queries,
}

/// The fixture's scenario, generated: a year of the small compound.
pub fn scenario() -> Scenario {
    Scenario {
        description: "Parity scenario for the common fund: a year of a 24-home compound under trust-based property management — a budget with its fee standard approved by the owners, fees by area, payments, parking and advertising allowed by special resolutions of the owners, an amendment, spending with vouchers and the supervisor's approval, remuneration, a dividend of 4 yuan per m², a reversal and refusals; every face runs it through its own typed API and must reach the same head, statement, trial balance, vote counts and exports.".to_owned(),
        config: None,
        steps: compound::year(Shape::SMALL),
        queries: Queries {
            fund: compound::FUND.to_owned(),
            from: NaiveDate::from_ymd_opt(2026, 1, 1).unwrap_or_default(),
            to: NaiveDate::from_ymd_opt(2026, 12, 31).unwrap_or_default(),
        },
    }
}

/// Runs the scenario; returns what the faces must agree on.
pub fn run(scenario: &Scenario) -> Result<Value, String> {
    run_then(scenario, Ok)
}

/// Runs the scenario, passes the ward through `rebuild` (a snapshot restored, say), and
/// asks the scenario's questions of the ward it returns.
pub fn run_then(
    scenario: &Scenario,
    rebuild: impl FnOnce(Ward) -> Result<Ward, String>,
) -> Result<Value, String> {
    let config = scenario.config.clone().unwrap_or_default();
    let mut ward = Ward::new(config.clone());
    let ran = run_steps(&mut ward, &scenario.steps)?;
    let ward = rebuild(ward)?;
    observe(&ward, config, &scenario.queries, ran.errors, ran.duplicates).map_err(|e| e.to_string())
}

fn sha(text: &str) -> String {
    Hash::of_bytes(text.as_bytes()).to_hex()
}

fn observe(
    ward: &Ward,
    config: WardConfig,
    q: &Queries,
    errors: Vec<String>,
    duplicates: usize,
) -> Result<Value, gridward::Error> {
    let statement = ward.statement(&q.fund, q.from, q.to)?;
    let verify = Ward::verify_statement(config.clone(), &ward.to_jsonl(), &statement)?;
    let fund = ward.fund(&q.fund)?;
    let motions: Vec<Value> = ward
        .assembly()
        .motions()
        .map(|m| {
            let tally = m.tally.clone();
            json!({
                "id": m.id,
                "outcome": tally.as_ref().map(|t| t.outcome),
                "tally": tally,
            })
        })
        .collect();
    let currency = &config.fund.currency;
    let beancount = to_beancount(&fund.ledger, currency)?;
    Ok(json!({
        "head": ward.head(),
        "digest": ward.state_digest(),
        "journal_entries": ward.journal().len(),
        "errors": errors,
        "duplicates": duplicates,
        "statement": statement,
        "trial_balance": fund.ledger.trial_balance(None),
        "motions": motions,
        "verify": verify,
        "hledger_sha256": sha(&to_hledger(&fund.ledger, currency)),
        "beancount_sha256": sha(&beancount),
    }))
}

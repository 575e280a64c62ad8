//! The requests parity fixture: a week of requests in a small community that Rust,
//! Python and JavaScript each run through their own API, reaching the same journal head,
//! request states and indicators.

use gridward::grid::{Level, NodeCode};
use gridward::tasks::{Location, Period, RouteDecision};
use gridward::{Actor, Command, Context, Ward, WardConfig};
use serde::Deserialize;
use serde_json::{json, Value};

/// One step: a grid or tasks command in the `Command` JSON form.
#[derive(Debug, Deserialize)]
pub struct Step {
    /// The acting person, or `None` for the platform.
    pub actor: Option<String>,
    /// When.
    pub at: String,
    /// Idempotency key.
    #[serde(default)]
    pub key: Option<String>,
    /// The command.
    pub command: Command,
    /// The error code the step must fail with, if it must fail.
    #[serde(default)]
    pub expect_error: Option<String>,
}

/// A routing question.
#[derive(Debug, Deserialize)]
pub struct RouteQuery {
    /// The category.
    pub category: String,
    /// The place.
    pub location: Location,
}

/// What to ask after the steps.
#[derive(Debug, Deserialize)]
pub struct Queries {
    /// The indicator period.
    pub period: Period,
    /// The unit whose indicators to report.
    pub scope: NodeCode,
    /// The level of the indicator breakdown.
    pub level: Level,
    /// Routing questions asked at the end.
    pub routes: Vec<RouteQuery>,
    /// People whose claimable pools to list.
    pub claimable_by: Vec<String>,
}

/// The scenario file.
#[derive(Debug, Deserialize)]
pub struct Scenario {
    /// The ward's configuration (default when absent).
    #[serde(default)]
    pub config: Option<WardConfig>,
    /// The steps.
    pub steps: Vec<Step>,
    /// The questions.
    pub queries: Queries,
}

/// Runs the scenario; returns what the faces must agree on.
pub fn run(scenario: &Scenario) -> Result<Value, String> {
    let mut ward = Ward::new(scenario.config.clone().unwrap_or_default());
    let mut errors = Vec::new();
    let mut duplicates = 0;
    for (i, step) in scenario.steps.iter().enumerate() {
        let actor = step.actor.clone().map_or(Actor::System, Actor::Person);
        let at =
            chrono::DateTime::parse_from_rfc3339(&step.at).map_err(|e| format!("step {i}: {e}"))?;
        let mut ctx = Context::new(actor, at);
        ctx.idempotency_key = step.key.clone();
        let head = ward.head();
        match (ward.execute(&ctx, step.command.clone()), &step.expect_error) {
            (Ok(r), None) => duplicates += usize::from(r.duplicate),
            (Err(e), Some(code)) if e.code() == code => {
                if ward.head() != head {
                    return Err(format!("step {i}: refused command changed the journal"));
                }
                errors.push(code.clone());
            }
            (Ok(_), Some(code)) => {
                return Err(format!("step {i}: expected error {code}, got success"))
            }
            (Err(e), _) => return Err(format!("step {i}: unexpected error {}: {e}", e.code())),
        }
    }
    observe(&ward, &scenario.queries, errors, duplicates).map_err(|e| e.to_string())
}

/// The fields of a request row the faces compare.
fn request_fields(row: &gridward::tasks::RequestRow) -> Value {
    json!({
        "id": row.id,
        "category": row.category,
        "status": row.status,
        "responsible": row.responsible,
        "filer": row.filer,
        "handled_by": row.handled_by,
        "verified_by": row.verified_by,
        "claimed_by": row.claimed_by,
        "rating": row.rating,
        "reopens": row.reopens,
        "returns": row.returns,
        "extended": row.extended,
        "supervised": row.supervised,
        "parked": row.parked,
        "on_time": row.on_time,
        "resolution_due": row.resolution_due,
        "closed_at": row.closed_at,
        "late_reports": row.whistles.iter().filter(|w| w.late).count(),
    })
}

fn route_fields(d: &RouteDecision<'_>) -> Value {
    match d {
        RouteDecision::Person(p) => json!({"kind": "person", "person": p.id()}),
        RouteDecision::Department(x) => json!({"kind": "department", "department": x.id()}),
        RouteDecision::Pool(u) => json!({"kind": "pool", "unit": u}),
        RouteDecision::Locality(u) => json!({"kind": "locality", "unit": u}),
    }
}

fn observe(
    ward: &Ward,
    q: &Queries,
    errors: Vec<String>,
    duplicates: usize,
) -> Result<Value, gridward::Error> {
    let requests: Vec<Value> = ward
        .requests(None, None)
        .iter()
        .map(request_fields)
        .collect();
    let routes = q
        .routes
        .iter()
        .map(|r| {
            ward.route(&r.category, &r.location)
                .map(|d| route_fields(&d))
        })
        .collect::<Result<Vec<_>, _>>()?;
    let mut claimable = serde_json::Map::new();
    for p in &q.claimable_by {
        let ids: Vec<String> = ward.claimable_by(p)?.into_iter().map(|r| r.id).collect();
        claimable.insert(p.clone(), json!(ids));
    }
    Ok(json!({
        "head": ward.head(),
        "digest": ward.state_digest(),
        "journal_entries": ward.journal().len(),
        "duplicates": duplicates,
        "errors": errors,
        "requests": requests,
        "indicators": ward.indicators(Some(q.scope), &q.period)?,
        "indicators_by": ward.indicators_by(q.level, &q.period),
        "routes": routes,
        "claimable": claimable,
    }))
}

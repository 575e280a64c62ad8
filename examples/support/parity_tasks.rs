//! The requests parity fixture: a week of requests in a small community that Rust,
//! Python and JavaScript each run through their own API, reaching the same journal head,
//! request states and indicators.

use gridward::grid::{Level, NodeCode};
use gridward::tasks::{merge_counts, IndicatorCounts, Location, Period, RouteDecision};
use gridward::{Command, Ward, WardConfig};

use crate::parity::{run_batch, run_steps, Step};
use serde::Deserialize;
use serde_json::{json, Value};

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
    /// The steps: grid or tasks commands in the `Command` JSON form.
    pub steps: Vec<Step<Command>>,
    /// The questions.
    pub queries: Queries,
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
    let mut ward = Ward::new(scenario.config.clone().unwrap_or_default());
    let ran = run_steps(&mut ward, &scenario.steps)?;
    let ward = rebuild(ward)?;
    observe(&ward, &scenario.queries, ran.errors, ran.duplicates).map_err(|e| e.to_string())
}

/// Runs the scenario's steps as one batch; returns what the faces' batches must agree
/// on (see [`run_batch`]).
pub fn run_batched(scenario: &Scenario) -> Result<Value, String> {
    let mut ward = Ward::new(scenario.config.clone().unwrap_or_default());
    run_batch(&mut ward, &scenario.steps)
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

/// The rows of counts of every unit of the level, merged into one (each row's unit
/// dropped), and the indicators of the merged counts.
fn merged_indicators(ward: &Ward, q: &Queries) -> Option<gridward::tasks::Indicators> {
    let parts: Vec<IndicatorCounts> = ward
        .indicator_counts_by(q.level, &q.period)
        .into_iter()
        .map(|c| IndicatorCounts { unit: None, ..c })
        .collect();
    merge_counts(&parts)
        .first()
        .map(IndicatorCounts::indicators)
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
        "indicator_counts": ward.indicator_counts(Some(q.scope), &q.period)?,
        "merged_indicators": merged_indicators(ward, q),
        "routes": routes,
        "claimable": claimable,
    }))
}

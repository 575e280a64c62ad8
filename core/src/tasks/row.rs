//! Requests as flat rows with ids and times: what the bindings turn into data frames and
//! JavaScript objects, and what listings return.

use chrono::{DateTime, FixedOffset};
use serde::{Deserialize, Serialize};

use super::desk::responsible;
use super::model::{Request, Responsible, Satisfaction, Status};
use super::{Tasks, TasksConfig};
use crate::calendar::{Calendar, CalendarWarning};
use crate::grid::{Grid, NodeCode};

/// A department's call on a request, by id.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct WhistleRow {
    /// The department.
    pub department: String,
    /// When it was called in.
    pub called_at: DateTime<FixedOffset>,
    /// When its report is due.
    pub due: DateTime<FixedOffset>,
    /// When it reported.
    pub reported_at: Option<DateTime<FixedOffset>>,
    /// Its report.
    pub report: Option<String>,
    /// Whether it was late.
    pub late: bool,
}

/// A request as a flat row.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct RequestRow {
    /// Its id.
    pub id: String,
    /// Its category code.
    pub category: String,
    /// Its status.
    pub status: Status,
    /// Who filed it.
    pub filer: Option<String>,
    /// The household it is at, if one.
    pub household: Option<String>,
    /// The unit it is at.
    pub unit: NodeCode,
    /// The unit that dispatches it.
    pub dispatcher: NodeCode,
    /// Who answers for it now.
    pub responsible: Responsible,
    /// Its description.
    pub description: String,
    /// When it was filed.
    pub filed_at: DateTime<FixedOffset>,
    /// When it was first dispatched.
    pub dispatched_at: Option<DateTime<FixedOffset>>,
    /// First action due.
    pub response_due: Option<DateTime<FixedOffset>>,
    /// Resolution due.
    pub resolution_due: Option<DateTime<FixedOffset>>,
    /// When the first action came.
    pub responded_at: Option<DateTime<FixedOffset>>,
    /// When it was reported handled.
    pub handled_at: Option<DateTime<FixedOffset>>,
    /// Who handled it.
    pub handled_by: Option<String>,
    /// The handler's report.
    pub report: Option<String>,
    /// Who verified it.
    pub verified_by: Option<String>,
    /// When it was closed.
    pub closed_at: Option<DateTime<FixedOffset>>,
    /// Closed within the resolution limit.
    pub on_time: Option<bool>,
    /// When it last changed.
    pub updated_at: DateTime<FixedOffset>,
    /// The claimer, while claimed.
    pub claimed_by: Option<String>,
    /// The paired unit giving, for a claimed micro-wish.
    pub donor: Option<String>,
    /// The filer's rating.
    pub rating: Option<Satisfaction>,
    /// The end of a correction window.
    pub correction_due: Option<DateTime<FixedOffset>>,
    /// Times reopened.
    pub reopens: u16,
    /// Times returned.
    pub returns: u16,
    /// Extension granted.
    pub extended: bool,
    /// Under supervision.
    pub supervised: bool,
    /// Parked and still open.
    pub parked: bool,
    /// Imported from another system.
    pub imported: bool,
    /// The request it duplicates.
    pub duplicate_of: Option<String>,
    /// Departments called in.
    pub whistles: Vec<WhistleRow>,
    /// The note of its last change.
    pub note: String,
    /// What the calendar warns of its deadlines: each year from its filing to its latest
    /// deadline (response, resolution, parking, correction window, departments' reports)
    /// that the ward's calendar holds no holidays for, so that they were counted as if
    /// it had none. Empty when every such year is covered.
    #[serde(default)]
    pub calendar_warnings: Vec<CalendarWarning>,
}

impl Tasks {
    /// A request as a row.
    pub fn row(&self, grid: &Grid, config: &TasksConfig, r: &Request) -> RequestRow {
        let person = |p: Option<u32>| {
            p.and_then(|p| grid.people.get(p as usize))
                .map(|x| x.id().to_owned())
        };
        RequestRow {
            id: r.id.to_string(),
            category: config
                .category(r.category)
                .map(|c| c.code.clone())
                .unwrap_or_default(),
            status: r.status,
            filer: person(r.filer),
            household: r
                .household
                .and_then(|h| grid.households.get(h as usize))
                .map(|h| h.id().to_owned()),
            unit: r.unit,
            dispatcher: r.dispatcher,
            responsible: responsible(grid, r.responsible),
            description: r.description.to_string(),
            filed_at: r.filed_at,
            dispatched_at: r.dispatched_at,
            response_due: r.deadlines.map(|d| d.response),
            resolution_due: r.deadlines.map(|d| d.resolution),
            responded_at: r.responded_at,
            handled_at: r.handled_at,
            handled_by: person(r.handled_by),
            report: r.report.as_deref().map(str::to_owned),
            verified_by: person(r.verified_by),
            closed_at: r.closed_at,
            on_time: r.closed_at.map(|_| r.closed_on_time()),
            updated_at: r.updated_at,
            claimed_by: person(r.claim.as_ref().map(|c| c.person)),
            donor: r
                .claim
                .as_ref()
                .and_then(|c| c.donor.as_deref())
                .map(str::to_owned),
            rating: r.rating,
            correction_due: r.correction_due,
            reopens: r.reopens,
            returns: r.returns,
            extended: r.extended,
            supervised: r.supervised,
            parked: r.is_parked(),
            imported: r.imported,
            duplicate_of: r
                .duplicate_of
                .and_then(|o| self.requests.get(o as usize))
                .map(|o| o.id.to_string()),
            whistles: r
                .whistles
                .iter()
                .map(|w| WhistleRow {
                    department: grid
                        .departments
                        .get(w.department as usize)
                        .map(|d| d.id().to_owned())
                        .unwrap_or_default(),
                    called_at: w.called_at,
                    due: w.due,
                    reported_at: w.reported_at,
                    report: w.report.as_deref().map(str::to_owned),
                    late: w.late,
                })
                .collect(),
            note: r.note.to_string(),
            calendar_warnings: calendar_warnings(&config.calendar, r),
        }
    }
}

/// The years from a request's filing to its latest deadline that the calendar does not
/// cover, as warnings.
fn calendar_warnings(calendar: &Calendar, r: &Request) -> Vec<CalendarWarning> {
    let own = r
        .deadlines
        .iter()
        .flat_map(|d| [d.response, d.resolution, d.park]);
    let latest = own
        .chain(r.correction_due)
        .chain(r.whistles.iter().map(|w| w.due))
        .max();
    match latest {
        Some(due) => calendar.warnings(r.filed_at, due),
        None => Vec::new(),
    }
}

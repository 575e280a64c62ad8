//! Service records as flat rows: what the list of records answers with on every face, so
//! that it reads as a table (one column per field, the status as a name).

use chrono::{DateTime, FixedOffset};
use serde::{Deserialize, Serialize};

use super::model::{Activity, ServiceRecord, ServiceStatus};
use crate::grid::NodeCode;

/// Where a service record stands, as a name.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum ServiceState {
    /// Recorded, awaiting certification; it counts nothing yet.
    Pending,
    /// Certified: its counted minutes count toward hours and stars.
    Certified,
    /// Refused certification; it never counts.
    Rejected,
}

/// A service record as a flat row: its status as a name, with who certified it, the
/// minutes it counts and the reason it was refused beside it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct ServiceRow {
    /// The record's id.
    pub id: String,
    /// The person who served.
    pub person: String,
    /// The unit where the service was done.
    pub unit: NodeCode,
    /// What it was.
    pub activity: Activity,
    /// The request it answered, if any.
    pub request: Option<String>,
    /// When it started.
    pub started_at: DateTime<FixedOffset>,
    /// Minutes of actual service.
    pub minutes: u32,
    /// Minutes of travel (left out by default).
    pub travel_minutes: u32,
    /// A note.
    pub note: String,
    /// Where it stands.
    pub status: ServiceState,
    /// Who certified it (none while pending or refused, or when the platform did).
    pub certified_by: Option<String>,
    /// Minutes it counts after the rules and the daily cap (0 unless certified).
    pub counted_minutes: u32,
    /// Why it was refused, if it was.
    pub rejected_reason: Option<String>,
}

impl ServiceRow {
    /// The row of a record.
    pub fn of(record: &ServiceRecord) -> ServiceRow {
        let (status, certified_by, rejected_reason) = match &record.status {
            ServiceStatus::Pending => (ServiceState::Pending, None, None),
            ServiceStatus::Certified { by, .. } => (ServiceState::Certified, by.clone(), None),
            ServiceStatus::Rejected { reason } => {
                (ServiceState::Rejected, None, Some(reason.clone()))
            }
        };
        ServiceRow {
            id: record.id.clone(),
            person: record.person.clone(),
            unit: record.unit,
            activity: record.activity,
            request: record.request.clone(),
            started_at: record.started_at,
            minutes: record.minutes,
            travel_minutes: record.travel_minutes,
            note: record.note.clone(),
            status,
            certified_by,
            counted_minutes: record.counted_minutes(),
            rejected_reason,
        }
    }
}

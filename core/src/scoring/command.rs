//! Commands and events of the scoring capability.

use chrono::{DateTime, FixedOffset, NaiveDate};
use serde::{Deserialize, Serialize};

use super::model::Activity;
use crate::grid::NodeCode;

/// A command of the scoring capability.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, gridward_derive::TaggedDeserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case", tag = "type", deny_unknown_fields)]
#[non_exhaustive]
pub enum ScoringCommand {
    /// Record a service. The person records their own, or staff record it for them. A
    /// record of a request the person handled, once that request is verified and closed,
    /// is certified at once by the verification.
    RecordService {
        /// A new id.
        id: String,
        /// Who served.
        person: String,
        /// Where (the unit whose staff certify it).
        unit: NodeCode,
        /// What it was.
        activity: Activity,
        /// When it started.
        started_at: DateTime<FixedOffset>,
        /// Minutes of actual service (1 to 1440).
        minutes: u32,
        /// Minutes of travel.
        #[serde(default)]
        travel_minutes: u32,
        /// The request it answered, if any.
        #[serde(default)]
        request: Option<String>,
        /// A note.
        #[serde(default)]
        note: String,
    },
    /// Certify a pending record: someone who may certify at its unit, not the person.
    CertifyService {
        /// The record.
        id: String,
    },
    /// Refuse a pending record.
    RejectService {
        /// The record.
        id: String,
        /// Why.
        reason: String,
    },
    /// Grant star levels as of a date from certified hours, by the profile's rule.
    GrantStars {
        /// The date of the grant.
        on: NaiveDate,
    },
}

/// A star level changed by a grant.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct StarChange {
    /// The volunteer.
    pub person: String,
    /// The level held before.
    pub from: u8,
    /// The level granted.
    pub to: u8,
}

/// An event of the scoring capability.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, gridward_derive::TaggedDeserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case", tag = "type", deny_unknown_fields)]
#[non_exhaustive]
pub enum ScoringEvent {
    /// A service was recorded.
    ServiceRecorded {
        /// Its id.
        id: String,
        /// Who served.
        person: String,
        /// Where.
        unit: NodeCode,
        /// What.
        activity: Activity,
        /// When it started.
        started_at: DateTime<FixedOffset>,
        /// Minutes of service.
        minutes: u32,
        /// Minutes of travel.
        travel_minutes: u32,
        /// The request it answered.
        request: Option<String>,
        /// A note.
        note: String,
    },
    /// A record was certified and counts these minutes.
    ServiceCertified {
        /// The record.
        id: String,
        /// Who certified (`None`: the platform).
        by: Option<String>,
        /// Minutes counted.
        counted: u32,
    },
    /// A record was refused.
    ServiceRejected {
        /// The record.
        id: String,
        /// Why.
        reason: String,
    },
    /// Star levels were granted.
    StarsGranted {
        /// The date of the grant.
        on: NaiveDate,
        /// Every level that changed.
        changes: Vec<StarChange>,
    },
}

//! Service records and volunteers as the scoring capability holds them.

use chrono::{DateTime, FixedOffset, NaiveDate};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use crate::grid::NodeCode;
use crate::money::decimal_text;

/// What a service was (积分制's kinds: charity, elder care, neighbour help, mediation …).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Activity {
    /// Handling a resident's request.
    HandlingRequest,
    /// Charity (公益).
    Charity,
    /// Care for the elderly (助老).
    ElderCare,
    /// Helping a neighbour (邻里互助).
    NeighbourHelp,
    /// Mediating a dispute (调解).
    Mediation,
    /// Safety patrol (巡逻).
    Patrol,
    /// Cleaning up shared spaces (环境整治).
    Cleanup,
    /// Anything else.
    Other,
}

impl Activity {
    /// Every kind.
    pub const ALL: [Activity; 8] = [
        Activity::HandlingRequest,
        Activity::Charity,
        Activity::ElderCare,
        Activity::NeighbourHelp,
        Activity::Mediation,
        Activity::Patrol,
        Activity::Cleanup,
        Activity::Other,
    ];

    /// The snake_case name.
    pub fn as_str(self) -> &'static str {
        match self {
            Activity::HandlingRequest => "handling_request",
            Activity::Charity => "charity",
            Activity::ElderCare => "elder_care",
            Activity::NeighbourHelp => "neighbour_help",
            Activity::Mediation => "mediation",
            Activity::Patrol => "patrol",
            Activity::Cleanup => "cleanup",
            Activity::Other => "other",
        }
    }

    /// Parses a snake_case name.
    pub fn parse(name: &str) -> Option<Activity> {
        Activity::ALL.into_iter().find(|a| a.as_str() == name)
    }
}

/// Where a service record stands.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, gridward_derive::TaggedDeserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case", tag = "status")]
pub enum ServiceStatus {
    /// Recorded, awaiting certification; it counts nothing yet.
    Pending,
    /// Certified: `counted` minutes count toward hours and stars.
    Certified {
        /// Who certified (`None`: the platform).
        by: Option<String>,
        /// Minutes counted after the rules and the daily cap.
        counted: u32,
    },
    /// Refused certification; it never counts.
    Rejected {
        /// Why.
        reason: String,
    },
}

/// One service: who, when, how long, what, and who certified it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct ServiceRecord {
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
    pub status: ServiceStatus,
}

impl ServiceRecord {
    /// The day it counts on (the start's date in its own offset).
    pub fn day(&self) -> NaiveDate {
        self.started_at.date_naive()
    }

    /// Minutes it counts: zero unless certified.
    pub fn counted_minutes(&self) -> u32 {
        match self.status {
            ServiceStatus::Certified { counted, .. } => counted,
            _ => 0,
        }
    }
}

/// A volunteer's standing: certified time and granted star level.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Standing {
    /// Certified minutes counted, all time.
    pub minutes: u64,
    /// The star level granted.
    pub level: u8,
    /// Since when the level is held.
    pub since: Option<NaiveDate>,
}

/// A volunteer's standing, named, with hours for display.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Volunteer {
    /// The person.
    pub person: String,
    /// Certified hours, two decimals (rounded down).
    #[serde(
        serialize_with = "decimal_text::write",
        deserialize_with = "decimal_text::read"
    )]
    pub hours: Decimal,
    /// Certified minutes.
    pub minutes: u64,
    /// Certified services.
    pub services: u32,
    /// The star level granted.
    pub level: u8,
    /// Since when.
    pub since: Option<NaiveDate>,
}

/// Minutes as hours with two decimals, rounded down (so a level is never shown reached
/// before it is).
pub fn hours_of(minutes: u64) -> Decimal {
    let mut h = (Decimal::from(minutes) / Decimal::from(60))
        .round_dp_with_strategy(2, rust_decimal::RoundingStrategy::ToZero);
    h.rescale(2);
    h
}

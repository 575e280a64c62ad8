//! Scoring's queries: service records, volunteers' hours and star levels, the preview of a
//! star grant, sent-down party members' monthly obligations and handlers' scores.

use chrono::{DateTime, FixedOffset, NaiveDate};
use serde::Deserialize;

use crate::error::Error;
use crate::grid::NodeCode;
use crate::queries::typed::Query;
use crate::scoring::{
    HandlerScore, Month, ObligationRow, ServiceRecord, ServiceRow, StarChange, StarProfile,
    Volunteer,
};
use crate::ward::Ward;

crate::query_set! {
    pub static SCORING_QUERIES for "scoring" {
        "service_record" => ServiceRecordOf,
        "service_records" => ServiceRecords,
        "volunteer" => VolunteerOf,
        "volunteers" => Volunteers,
        "grant_preview" => GrantPreview,
        "obligations" => Obligations,
        "handler_scores" => HandlerScores,
    }
}

/// The service record with this id, or none. Its `status` says where it stands:
/// pending, certified (by whom, and the minutes it counts) or rejected (and why).
#[derive(Clone, Debug, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct ServiceRecordOf {
    /// The record's id.
    pub id: String,
}

impl Query for ServiceRecordOf {
    type Answer = Option<ServiceRecord>;

    fn ask(self, ward: &Ward) -> Result<Self::Answer, Error> {
        Ok(ward.scoring().record(&self.id).cloned())
    }
}

/// Every service record as a flat row, in the order recorded: its status as a name, who
/// certified it, the minutes it counts and why it was refused.
#[derive(Clone, Debug, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct ServiceRecords {}

impl Query for ServiceRecords {
    type Answer = Vec<ServiceRow>;

    fn ask(self, ward: &Ward) -> Result<Self::Answer, Error> {
        Ok(ward
            .scoring()
            .records()
            .iter()
            .map(ServiceRow::of)
            .collect())
    }
}

/// A volunteer's standing — certified hours (two decimals, rounded down), minutes,
/// services, star level (星级) and since when — or none for someone with no certified
/// time and no level.
#[derive(Clone, Debug, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct VolunteerOf {
    /// The person's id.
    pub person: String,
}

impl Query for VolunteerOf {
    type Answer = Option<Volunteer>;

    fn ask(self, ward: &Ward) -> Result<Self::Answer, Error> {
        Ok(ward.scoring().volunteer(ward.grid(), &self.person))
    }
}

/// Every volunteer with certified time or a level, by person id.
#[derive(Clone, Debug, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Volunteers {}

impl Query for Volunteers {
    type Answer = Vec<Volunteer>;

    fn ask(self, ward: &Ward) -> Result<Self::Answer, Error> {
        Ok(ward.scoring().volunteers(ward.grid()))
    }
}

/// The level changes a star grant on a day would make, in person order, without
/// recording anything.
#[derive(Clone, Debug, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct GrantPreview {
    /// The day of the grant.
    pub on: NaiveDate,
    /// The star profile; the ward's configured one when absent.
    #[serde(default)]
    pub profile: Option<StarProfile>,
}

impl Query for GrantPreview {
    type Answer = Vec<StarChange>;

    fn ask(self, ward: &Ward) -> Result<Self::Answer, Error> {
        let profile = self
            .profile
            .as_ref()
            .unwrap_or(&ward.config().scoring.stars);
        Ok(ward
            .scoring()
            .grant_preview(ward.grid(), profile, self.on)?)
    }
}

/// The monthly obligation (by default at least one certified visit a month of at least
/// two counted hours on its own) of every sent-down party member (下沉党员) holding the role under a
/// unit, for each month from `start` to `end` (both included, at most 120 months), by
/// unit, person and month.
#[derive(Clone, Debug, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Obligations {
    /// The subtree's root.
    pub unit: NodeCode,
    /// The first month.
    pub start: Month,
    /// The last month (included).
    pub end: Month,
}

impl Query for Obligations {
    type Answer = Vec<ObligationRow>;

    fn ask(self, ward: &Ward) -> Result<Self::Answer, Error> {
        ward.obligations_over(self.unit, self.start, self.end)
    }
}

/// Every person who handled requests under a unit filed from `start` (included) to `end`
/// (excluded), or holds (assigned or claimed) ones there overdue at `end`, scored out of 100 by the configured weights of the closure, on-time
/// closure and satisfaction rates, and ranked, best first.
#[derive(Clone, Debug, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct HandlerScores {
    /// The subtree's root.
    pub unit: NodeCode,
    /// The first moment of the period.
    pub start: DateTime<FixedOffset>,
    /// The first moment after it.
    pub end: DateTime<FixedOffset>,
}

impl Query for HandlerScores {
    type Answer = Vec<HandlerScore>;

    fn ask(self, ward: &Ward) -> Result<Self::Answer, Error> {
        let period = super::period::period(self.start, self.end)?;
        ward.handler_scores(self.unit, &period)
    }
}

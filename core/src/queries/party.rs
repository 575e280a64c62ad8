//! The party capability's queries: bodies, first secretaries, the two committees, the
//! 双报到 counts and service ledgers, and the weekly 驻点 report. Which bodies answer for
//! a household is a grid query ([`PartyFor`](crate::queries::grid::PartyFor)).

use chrono::NaiveDate;
use serde::Deserialize;

use crate::error::Error;
use crate::grid::NodeCode;
use crate::party::{Body, FirstSecretary, ServiceLedger, Station, StationRow, TwoCommittees};
use crate::queries::typed::Query;
use crate::ward::Ward;

crate::query_set! {
    pub static PARTY_QUERIES for "party" {
        "body" => BodyOf,
        "bodies" => Bodies,
        "first_secretaries" => FirstSecretaries,
        "two_committees" => TwoCommitteesOf,
        "service_ledger" => ServiceLedgerOf,
        "stations" => Stations,
        "station_week" => StationWeek,
    }
}

/// The party body of a unit, or none.
#[derive(Clone, Debug, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct BodyOf {
    /// The unit.
    pub unit: NodeCode,
}

impl Query for BodyOf {
    type Answer = Option<Body>;

    fn ask(self, ward: &Ward) -> Result<Self::Answer, Error> {
        Ok(ward.party().body(self.unit).cloned())
    }
}

/// The party bodies under a unit (every body when absent), in code order.
#[derive(Clone, Debug, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Bodies {
    /// The subtree's root.
    #[serde(default)]
    pub scope: Option<NodeCode>,
}

impl Query for Bodies {
    type Answer = Vec<Body>;

    fn ask(self, ward: &Ward) -> Result<Self::Answer, Error> {
        Ok(ward
            .party()
            .bodies()
            .filter(|b| self.scope.is_none_or(|s| s.contains(b.unit)))
            .cloned()
            .collect())
    }
}

/// First secretaries, in the order they were sent: of one community, or serving on one
/// day, or all.
#[derive(Clone, Debug, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct FirstSecretaries {
    /// Only those sent to this community.
    #[serde(default)]
    pub community: Option<NodeCode>,
    /// Only those serving on this day.
    #[serde(default)]
    pub on: Option<NaiveDate>,
}

impl Query for FirstSecretaries {
    type Answer = Vec<FirstSecretary>;

    fn ask(self, ward: &Ward) -> Result<Self::Answer, Error> {
        Ok(ward
            .party()
            .first_secretaries()
            .iter()
            .filter(|f| self.community.is_none_or(|c| f.community == c))
            .filter(|f| self.on.is_none_or(|d| f.serves_on(d)))
            .cloned()
            .collect())
    }
}

/// A community's two committees (两委) and how they overlap.
#[derive(Clone, Debug, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct TwoCommitteesOf {
    /// The community.
    pub community: NodeCode,
}

impl Query for TwoCommitteesOf {
    type Answer = TwoCommittees;

    fn ask(self, ward: &Ward) -> Result<Self::Answer, Error> {
        ward.party().two_committees(ward.grid(), self.community)
    }
}

/// The paired units' service ledgers and the 双报到 counts by community, over a period
/// of days.
#[derive(Clone, Debug, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct ServiceLedgerOf {
    /// The unit whose communities are counted; the whole ward when absent.
    #[serde(default)]
    pub scope: Option<NodeCode>,
    /// The first day.
    pub from: NaiveDate,
    /// The first day after the period.
    pub to: NaiveDate,
}

impl Query for ServiceLedgerOf {
    type Answer = ServiceLedger;

    fn ask(self, ward: &Ward) -> Result<Self::Answer, Error> {
        ward.party()
            .service_ledger(ward.grid(), ward.tasks(), self.scope, self.from, self.to)
    }
}

/// The stations at compounds under a unit (all when absent), in (cadre, compound) order.
#[derive(Clone, Debug, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Stations {
    /// The subtree's root.
    #[serde(default)]
    pub scope: Option<NodeCode>,
}

impl Query for Stations {
    type Answer = Vec<Station>;

    fn ask(self, ward: &Ward) -> Result<Self::Answer, Error> {
        Ok(ward
            .party()
            .stations()
            .filter(|s| self.scope.is_none_or(|sc| sc.contains(s.compound)))
            .cloned()
            .collect())
    }
}

/// The weekly 驻点 report: the week (Monday to Sunday) containing a day, by cadre and
/// compound, with who falls short of the configured days.
#[derive(Clone, Debug, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct StationWeek {
    /// A day of the week.
    pub day: NaiveDate,
    /// The unit whose compounds are reported; the whole ward when absent.
    #[serde(default)]
    pub scope: Option<NodeCode>,
}

impl Query for StationWeek {
    type Answer = Vec<StationRow>;

    fn ask(self, ward: &Ward) -> Result<Self::Answer, Error> {
        ward.party()
            .station_week(ward.grid(), &ward.config().party, self.day, self.scope)
    }
}

//! Events of the party capability: what happened to the party organisation.

use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::Serialize;

use super::model::{Office, Seat};
use crate::grid::NodeCode;
use crate::money::decimal_text;

/// Something that happened to the party organisation.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, gridward_derive::TaggedDeserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(tag = "type", rename_all = "snake_case", deny_unknown_fields)]
#[non_exhaustive]
pub enum PartyEvent {
    /// A party body was set up on a unit.
    BodySetUp {
        /// The unit.
        unit: NodeCode,
        /// The body's name.
        name: String,
        /// The day it was set up.
        on: NaiveDate,
    },
    /// A party member was appointed to a body's office (a new secretary's predecessor stays on as a member).
    Appointed {
        /// The body's unit.
        unit: NodeCode,
        /// The person.
        person: String,
        /// The office.
        office: Office,
    },
    /// A person left a body.
    Released {
        /// The body's unit.
        unit: NodeCode,
        /// The person.
        person: String,
    },
    /// A first secretary was sent to a community for a term.
    FirstSecretarySent {
        /// The person, a party member.
        person: String,
        /// The community.
        community: NodeCode,
        /// The agency that sends them (派出单位).
        sent_by: String,
        /// The first day of the term.
        from: NaiveDate,
        /// The last day of the term (a year, typically).
        to: NaiveDate,
    },
    /// A community's first secretary was recalled before the term's end.
    FirstSecretaryRecalled {
        /// The community.
        community: NodeCode,
        /// The day the recall takes effect (the first day not served).
        on: NaiveDate,
    },
    /// A person was seated on a community's residents' committee.
    Seated {
        /// The community.
        community: NodeCode,
        /// The person.
        person: String,
        /// The seat.
        seat: Seat,
    },
    /// A person left a community's residents' committee.
    Unseated {
        /// The community.
        community: NodeCode,
        /// The person.
        person: String,
    },
    /// A serving party member reported in to the community where they live.
    MemberReportedIn {
        /// The party member.
        person: String,
        /// The community.
        community: NodeCode,
        /// The day.
        on: NaiveDate,
        /// The paired unit they work for, if it is one.
        #[serde(default)]
        workplace: Option<String>,
    },
    /// A paired unit reported in to its community.
    UnitReportedIn {
        /// The paired unit.
        unit: String,
        /// Its community.
        community: NodeCode,
        /// The day.
        on: NaiveDate,
    },
    /// An activity of a paired unit was entered in its service ledger.
    UnitServiceRecorded {
        /// The entry's id.
        id: String,
        /// The paired unit, reported in to its community.
        unit: String,
        /// The day.
        on: NaiveDate,
        /// What was done.
        activity: String,
        /// How many people it sent (at least one).
        people: u32,
        /// Person-hours given (positive).
        #[serde(
            serialize_with = "decimal_text::write",
            deserialize_with = "decimal_text::read"
        )]
        hours: Decimal,
    },
    /// A cadre was stationed at a compound.
    StationAssigned {
        /// The cadre: someone holding a role in the compound's community (staff, a
        /// sent-down party member, the community police) or its first secretary.
        person: String,
        /// The compound (a unit at grid level).
        compound: NodeCode,
        /// The first day.
        from: NaiveDate,
    },
    /// A cadre's station at a compound ended.
    StationEnded {
        /// The cadre.
        person: String,
        /// The compound.
        compound: NodeCode,
        /// The first day no longer on station.
        on: NaiveDate,
    },
    /// A cadre served a day on station at a compound.
    StationDayRecorded {
        /// The cadre.
        person: String,
        /// The compound.
        compound: NodeCode,
        /// The day.
        on: NaiveDate,
    },
}

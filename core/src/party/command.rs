//! Commands to the party capability.

use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::Serialize;

use super::model::{Office, Seat};
use crate::grid::NodeCode;
use crate::money::decimal_text;

/// A command to the party capability.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, gridward_derive::TaggedDeserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(tag = "type", rename_all = "snake_case", deny_unknown_fields)]
#[non_exhaustive]
pub enum PartyCommand {
    /// Sets up the party body of a unit (staff of the unit or above): a committee at a
    /// community, a branch at a grid (a compound), a group at a micro-grid (a building).
    SetUpBody {
        /// The unit.
        unit: NodeCode,
        /// The body's name.
        name: String,
        /// The day it was set up.
        on: NaiveDate,
    },
    /// Appoints a party member to a body's office. A new secretary takes the place of the
    /// one before, who stays on as a member.
    Appoint {
        /// The body's unit.
        unit: NodeCode,
        /// The person.
        person: String,
        /// The office.
        office: Office,
    },
    /// Takes a person off a body.
    Release {
        /// The body's unit.
        unit: NodeCode,
        /// The person.
        person: String,
    },
    /// Sends a first secretary (第一书记) to a community for a term (staff of the street
    /// or above).
    SendFirstSecretary {
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
    /// Recalls a community's first secretary before the term's end.
    RecallFirstSecretary {
        /// The community.
        community: NodeCode,
        /// The day the recall takes effect (the first day not served).
        on: NaiveDate,
    },
    /// Seats a person on a community's residents' committee (居委会), one of the community's
    /// two committees (两委).
    Seat {
        /// The community.
        community: NodeCode,
        /// The person.
        person: String,
        /// The seat.
        seat: Seat,
    },
    /// Takes a person off a community's residents' committee.
    Unseat {
        /// The community.
        community: NodeCode,
        /// The person.
        person: String,
    },
    /// A serving party member reports in to the community where they live (在职党员到社区
    /// 报到): the member themselves, or staff of the community.
    MemberReportsIn {
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
    /// A paired unit reports in to its community (单位到社区报到).
    UnitReportsIn {
        /// The paired unit.
        unit: String,
        /// Its community.
        community: NodeCode,
        /// The day.
        on: NaiveDate,
    },
    /// Records an activity of a paired unit in its service ledger: what it ran, the
    /// people it sent and the person-hours they gave.
    RecordUnitService {
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
    /// Stations a cadre at a compound (驻点包保小区) from a day.
    AssignStation {
        /// The cadre: someone holding a role in the compound's community (staff, a
        /// sent-down party member, the community police) or its first secretary.
        person: String,
        /// The compound (a unit at grid level).
        compound: NodeCode,
        /// The first day.
        from: NaiveDate,
    },
    /// Ends a cadre's station at a compound.
    EndStation {
        /// The cadre.
        person: String,
        /// The compound.
        compound: NodeCode,
        /// The first day no longer on station.
        on: NaiveDate,
    },
    /// Records a day a cadre served on station at a compound: the cadre themselves, or
    /// staff of the compound.
    RecordStationDay {
        /// The cadre.
        person: String,
        /// The compound.
        compound: NodeCode,
        /// The day.
        on: NaiveDate,
    },
}

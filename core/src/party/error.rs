//! Errors of the party capability.

use chrono::NaiveDate;

use crate::error::kind::error_codes;
use crate::text::TextError;

/// Why a party command or event was refused.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum PartyError {
    /// Party bodies sit on communities, grids and micro-grids only.
    #[error("unit {unit} is a {level}; party bodies sit on communities, grids and micro-grids")]
    NoBodyAtLevel {
        /// The unit.
        unit: String,
        /// Its level.
        level: &'static str,
    },
    /// The unit has a party body already.
    #[error("unit {0} has a party body already")]
    BodyExists(String),
    /// The unit has no party body.
    #[error("unit {0} has no party body")]
    NoBody(String),
    /// No person has this id.
    #[error("{field}: no person with id {id:?}")]
    UnknownPerson {
        /// The field that named them.
        field: &'static str,
        /// The id.
        id: String,
    },
    /// The office needs a party member.
    #[error("{person:?} is not a party member, so cannot be {role}")]
    NotAPartyMember {
        /// The person.
        person: String,
        /// What they would be.
        role: &'static str,
    },
    /// The person holds that place already.
    #[error("{person:?} is {office} of {place} already")]
    HeldAlready {
        /// The person.
        person: String,
        /// The office.
        office: &'static str,
        /// The body or committee.
        place: String,
    },
    /// The person is not on the body or committee.
    #[error("{person:?} is not on {place}")]
    NotOn {
        /// The person.
        person: String,
        /// The body or committee.
        place: String,
    },
    /// The unit is not a community.
    #[error("{field}: unit {unit} is not a community")]
    NotACommunity {
        /// The field.
        field: &'static str,
        /// The unit.
        unit: String,
    },
    /// The unit is not a compound (a unit at grid level).
    #[error("{field}: unit {unit} is not a compound (a grid)")]
    NotACompound {
        /// The field.
        field: &'static str,
        /// The unit.
        unit: String,
    },
    /// A period whose end is before its start.
    #[error("{field}: {to} is before {from}")]
    BadPeriod {
        /// The field.
        field: &'static str,
        /// The start.
        from: NaiveDate,
        /// The end.
        to: NaiveDate,
    },
    /// The community has a first secretary for part of the term already.
    #[error("community {community} has first secretary {person:?} from {from} to {to}")]
    FirstSecretaryOverlaps {
        /// The community.
        community: String,
        /// The one serving.
        person: String,
        /// Their term's start.
        from: NaiveDate,
        /// Their last day.
        to: NaiveDate,
    },
    /// The community has no first secretary serving on that day.
    #[error("community {community} has no first secretary serving on {on}")]
    NoFirstSecretary {
        /// The community.
        community: String,
        /// The day.
        on: NaiveDate,
    },
    /// The person does not live in the community.
    #[error("{person:?} does not live in community {community}")]
    NotAResident {
        /// The person.
        person: String,
        /// The community.
        community: String,
    },
    /// No paired unit has this id, or it is attached to another community.
    #[error("{field}: {unit:?} is not a paired unit of community {community}")]
    NotPaired {
        /// The field.
        field: &'static str,
        /// The paired unit.
        unit: String,
        /// The community.
        community: String,
    },
    /// No paired unit has this id.
    #[error("no paired unit with id {0:?}")]
    UnknownPairedUnit(String),
    /// Reported in already.
    #[error("{who:?} has reported in to community {community} already, on {on}")]
    ReportedAlready {
        /// The member or unit.
        who: String,
        /// The community.
        community: String,
        /// The day of the first report.
        on: NaiveDate,
    },
    /// The paired unit has not reported in to its community.
    #[error("paired unit {unit:?} has not reported in to community {community}")]
    NotReportedIn {
        /// The paired unit.
        unit: String,
        /// The community.
        community: String,
    },
    /// A ledger entry with this id exists already.
    #[error("a service entry with id {0:?} exists already")]
    ServiceExists(String),
    /// A count or amount that must be positive is not.
    #[error("{field} must be positive, not {value}")]
    NotPositive {
        /// The field.
        field: &'static str,
        /// The value given.
        value: String,
    },
    /// The person cannot be stationed at the compound.
    #[error("{person:?} holds no role in the community of compound {compound} and is not its first secretary")]
    NotACadre {
        /// The person.
        person: String,
        /// The compound.
        compound: String,
    },
    /// The cadre is on station at the compound already.
    #[error("{person:?} is on station at compound {compound} already")]
    StationExists {
        /// The cadre.
        person: String,
        /// The compound.
        compound: String,
    },
    /// The cadre is not on station at the compound on that day.
    #[error("{person:?} is not on station at compound {compound} on {on}")]
    NotOnStation {
        /// The cadre.
        person: String,
        /// The compound.
        compound: String,
        /// The day.
        on: NaiveDate,
    },
    /// The day was recorded already.
    #[error("{person:?} has {on} recorded at compound {compound} already")]
    DayRecorded {
        /// The cadre.
        person: String,
        /// The compound.
        compound: String,
        /// The day.
        on: NaiveDate,
    },
    /// A day that has not come yet.
    #[error("{field}: {on} has not come yet (today is {today})")]
    FutureDay {
        /// The field.
        field: &'static str,
        /// The day given.
        on: NaiveDate,
        /// The command's day.
        today: NaiveDate,
    },
    /// A configuration value out of range.
    #[error("party configuration: {field} must be {rule}")]
    BadConfig {
        /// The field.
        field: &'static str,
        /// What it must be.
        rule: &'static str,
    },
    /// A text breaks its rule.
    #[error(transparent)]
    Text(#[from] TextError),
}

error_codes! {
    PartyError {
        NoBodyAtLevel { .. } => ("no_party_body_at_level", Invalid),
        BodyExists(..) => ("party_body_exists", Conflict),
        NoBody(..) => ("no_party_body", NotFound),
        UnknownPerson { .. } => ("unknown_person", NotFound),
        NotAPartyMember { .. } => ("not_a_party_member", Invalid),
        HeldAlready { .. } => ("office_held_already", Conflict),
        NotOn { .. } => ("not_on_body", NotFound),
        NotACommunity { .. } => ("not_a_community", Invalid),
        NotACompound { .. } => ("not_a_compound", Invalid),
        BadPeriod { .. } => ("bad_period", Invalid),
        FirstSecretaryOverlaps { .. } => ("first_secretary_overlaps", Conflict),
        NoFirstSecretary { .. } => ("no_first_secretary", NotFound),
        NotAResident { .. } => ("not_a_resident", PermissionDenied),
        NotPaired { .. } => ("not_a_paired_unit", NotFound),
        UnknownPairedUnit(..) => ("unknown_paired_unit", NotFound),
        ReportedAlready { .. } => ("reported_already", Conflict),
        NotReportedIn { .. } => ("not_reported_in", Conflict),
        ServiceExists(..) => ("service_entry_exists", Conflict),
        NotPositive { .. } => ("not_positive", Invalid),
        NotACadre { .. } => ("not_a_cadre", Invalid),
        StationExists { .. } => ("station_exists", Conflict),
        NotOnStation { .. } => ("not_on_station", Conflict),
        DayRecorded { .. } => ("station_day_recorded", Conflict),
        FutureDay { .. } => ("future_day", Invalid),
        BadConfig { .. } => ("bad_party_config", Invalid),
        Text(inner) => delegate TextError,
    }
}

//! The checks an event must pass against the state it meets, shared by deciding and
//! replaying: what `decide` refuses, a replayed journal cannot slip in.

use chrono::NaiveDate;

use super::error::PartyError;
use super::event::PartyEvent;
use super::model::{BodyKind, Office, Seat};
use super::reads::Reads;
use super::Party;
use crate::error::Error;
use crate::grid::{Grid, GridError, Level, NodeCode, Person};
use crate::text::check;
use crate::text::TextKind::{Key, Name};

/// Refuses an event that the state could not have produced.
pub(crate) fn check_event(
    party: &Party,
    reads: Reads<'_>,
    event: &PartyEvent,
) -> Result<(), Error> {
    let grid = reads.grid;
    match event {
        PartyEvent::BodySetUp { unit, name, .. } => {
            let level = unit_of(grid, *unit)?;
            if BodyKind::for_level(level).is_none() {
                return Err(PartyError::NoBodyAtLevel {
                    unit: unit.to_string(),
                    level: level.as_str(),
                }
                .into());
            }
            check(Name, "name", name).map_err(PartyError::Text)?;
            if party.bodies.contains_key(unit) {
                return Err(PartyError::BodyExists(unit.to_string()).into());
            }
        }
        PartyEvent::Appointed {
            unit,
            person,
            office,
        } => {
            let body = body_of(party, *unit)?;
            member(grid, "person", person, "on a party body")?;
            if body.roster.get(person) == Some(office) {
                return Err(PartyError::HeldAlready {
                    person: person.clone(),
                    office: office.as_str(),
                    place: format!("the party body of {unit}"),
                }
                .into());
            }
        }
        PartyEvent::Released { unit, person } => {
            let body = body_of(party, *unit)?;
            if !body.roster.contains_key(person) {
                return Err(not_on(person, format!("the party body of {unit}")));
            }
        }
        PartyEvent::FirstSecretarySent {
            person,
            community,
            sent_by,
            from,
            to,
        } => {
            community_of(grid, "community", *community)?;
            member(grid, "person", person, "a first secretary")?;
            check(Name, "sent_by", sent_by).map_err(PartyError::Text)?;
            period("to", *from, *to)?;
            if let Some(f) = party
                .first_secretaries
                .iter()
                .find(|f| f.community == *community && f.from <= *to && *from <= f.last_day())
            {
                return Err(PartyError::FirstSecretaryOverlaps {
                    community: community.to_string(),
                    person: f.person.clone(),
                    from: f.from,
                    to: f.last_day(),
                }
                .into());
            }
        }
        PartyEvent::FirstSecretaryRecalled { community, on } => {
            community_of(grid, "community", *community)?;
            if party.first_secretary(*community, *on).is_none() {
                return Err(PartyError::NoFirstSecretary {
                    community: community.to_string(),
                    on: *on,
                }
                .into());
            }
        }
        PartyEvent::Seated {
            community,
            person,
            seat,
        } => {
            community_of(grid, "community", *community)?;
            person_of(grid, "person", person)?;
            let seats = party.residents_committees.get(community);
            if seats.and_then(|s| s.get(person)) == Some(seat) {
                return Err(PartyError::HeldAlready {
                    person: person.clone(),
                    office: seat.as_str(),
                    place: format!("the residents' committee of {community}"),
                }
                .into());
            }
        }
        PartyEvent::Unseated { community, person } => {
            let seated = party
                .residents_committees
                .get(community)
                .is_some_and(|s| s.contains_key(person));
            if !seated {
                return Err(not_on(
                    person,
                    format!("the residents' committee of {community}"),
                ));
            }
        }
        PartyEvent::MemberReportedIn {
            person,
            community,
            workplace,
            ..
        } => {
            community_of(grid, "community", *community)?;
            let p = member(grid, "person", person, "reported in as a serving member")?;
            let lives = grid
                .home(p)
                .and_then(|h| grid.household_unit(h))
                .is_some_and(|u| community.contains(u));
            if !lives {
                return Err(PartyError::NotAResident {
                    person: person.clone(),
                    community: community.to_string(),
                }
                .into());
            }
            if let Some(w) = workplace {
                if grid.paired_unit(w).is_none() {
                    return Err(PartyError::UnknownPairedUnit(w.clone()).into());
                }
            }
            if let Some(r) = party.member_reports.get(&(person.clone(), *community)) {
                return Err(reported(person, *community, r.on));
            }
        }
        PartyEvent::UnitReportedIn {
            unit, community, ..
        } => {
            community_of(grid, "community", *community)?;
            paired(grid, "unit", unit, *community)?;
            if let Some(r) = party.unit_reports.get(&(unit.clone(), *community)) {
                return Err(reported(unit, *community, r.on));
            }
        }
        PartyEvent::UnitServiceRecorded {
            id,
            unit,
            on,
            activity,
            people,
            hours,
        } => {
            check(Key, "id", id).map_err(PartyError::Text)?;
            check(Name, "activity", activity).map_err(PartyError::Text)?;
            if party.services.contains_key(id) {
                return Err(PartyError::ServiceExists(id.clone()).into());
            }
            let community = unit_community(grid, unit)?;
            let reported = party.unit_reports.get(&(unit.clone(), community));
            if reported.is_none_or(|r| r.on > *on) {
                return Err(PartyError::NotReportedIn {
                    unit: unit.clone(),
                    community: community.to_string(),
                }
                .into());
            }
            if *people == 0 {
                return Err(not_positive("people", people));
            }
            if !hours.is_sign_positive() || hours.is_zero() {
                return Err(not_positive("hours", hours));
            }
        }
        PartyEvent::StationAssigned {
            person,
            compound,
            from,
        } => {
            compound_of(grid, *compound)?;
            let p = person_of(grid, "person", person)?;
            if !is_cadre(party, grid, p, *compound, *from) {
                return Err(PartyError::NotACadre {
                    person: person.clone(),
                    compound: compound.to_string(),
                }
                .into());
            }
            let last = party
                .stations
                .get(&(person.clone(), *compound))
                .and_then(|s| s.spans.last());
            if last.is_some_and(|s| s.until.is_none_or(|u| *from < u)) {
                return Err(PartyError::StationExists {
                    person: person.clone(),
                    compound: compound.to_string(),
                }
                .into());
            }
        }
        PartyEvent::StationEnded {
            person,
            compound,
            on,
        } => {
            let station = party.stations.get(&(person.clone(), *compound));
            match station.and_then(|s| s.open()) {
                Some(s) => period("on", s.from, *on)?,
                _ => {
                    return Err(PartyError::NotOnStation {
                        person: person.clone(),
                        compound: compound.to_string(),
                        on: *on,
                    }
                    .into())
                }
            }
        }
        PartyEvent::StationDayRecorded {
            person,
            compound,
            on,
        } => {
            let station = party.stations.get(&(person.clone(), *compound));
            let Some(s) = station.filter(|s| s.holds_on(*on)) else {
                return Err(PartyError::NotOnStation {
                    person: person.clone(),
                    compound: compound.to_string(),
                    on: *on,
                }
                .into());
            };
            if s.days.binary_search(on).is_ok() {
                return Err(PartyError::DayRecorded {
                    person: person.clone(),
                    compound: compound.to_string(),
                    on: *on,
                }
                .into());
            }
        }
    }
    Ok(())
}

/// Whether `person` may serve on station at `compound` from `on`: they hold a role at a
/// unit of the compound's community (or above it), or are its first secretary then.
pub(crate) fn is_cadre(
    party: &Party,
    grid: &Grid,
    person: &Person,
    compound: NodeCode,
    on: NaiveDate,
) -> bool {
    let Some(community) = compound.at_level(Level::Community) else {
        return false;
    };
    grid.roles_of(person)
        .iter()
        .any(|&(_, at)| at.contains(compound) || community.contains(at))
        || party
            .first_secretary(community, on)
            .is_some_and(|f| f.person == person.id())
}

fn unit_of(grid: &Grid, unit: NodeCode) -> Result<Level, Error> {
    grid.unit(unit)
        .map(|u| u.level())
        .ok_or_else(|| GridError::UnknownUnit(unit).into())
}

pub(crate) fn community_of(grid: &Grid, field: &'static str, unit: NodeCode) -> Result<(), Error> {
    if unit_of(grid, unit)? != Level::Community {
        return Err(PartyError::NotACommunity {
            field,
            unit: unit.to_string(),
        }
        .into());
    }
    Ok(())
}

fn compound_of(grid: &Grid, unit: NodeCode) -> Result<(), Error> {
    if unit_of(grid, unit)? != Level::Grid {
        return Err(PartyError::NotACompound {
            field: "compound",
            unit: unit.to_string(),
        }
        .into());
    }
    Ok(())
}

fn body_of(party: &Party, unit: NodeCode) -> Result<&super::Body, Error> {
    party
        .bodies
        .get(&unit)
        .ok_or_else(|| PartyError::NoBody(unit.to_string()).into())
}

fn person_of<'a>(grid: &'a Grid, field: &'static str, id: &str) -> Result<&'a Person, Error> {
    grid.person(id).ok_or_else(|| {
        PartyError::UnknownPerson {
            field,
            id: id.to_owned(),
        }
        .into()
    })
}

fn member<'a>(
    grid: &'a Grid,
    field: &'static str,
    id: &str,
    role: &'static str,
) -> Result<&'a Person, Error> {
    let p = person_of(grid, field, id)?;
    if !p.is_party_member() {
        return Err(PartyError::NotAPartyMember {
            person: id.to_owned(),
            role,
        }
        .into());
    }
    Ok(p)
}

/// The community a paired unit is attached to.
pub(crate) fn unit_community(grid: &Grid, unit: &str) -> Result<NodeCode, Error> {
    grid.paired_unit(unit)
        .and_then(|u| grid.paired_unit_community(u))
        .ok_or_else(|| PartyError::UnknownPairedUnit(unit.to_owned()).into())
}

fn paired(grid: &Grid, field: &'static str, unit: &str, community: NodeCode) -> Result<(), Error> {
    if unit_community(grid, unit)? != community {
        return Err(PartyError::NotPaired {
            field,
            unit: unit.to_owned(),
            community: community.to_string(),
        }
        .into());
    }
    Ok(())
}

fn period(field: &'static str, from: NaiveDate, to: NaiveDate) -> Result<(), Error> {
    if to < from {
        return Err(PartyError::BadPeriod { field, from, to }.into());
    }
    Ok(())
}

fn not_on(person: &str, place: String) -> Error {
    PartyError::NotOn {
        person: person.to_owned(),
        place,
    }
    .into()
}

fn reported(who: &str, community: NodeCode, on: NaiveDate) -> Error {
    PartyError::ReportedAlready {
        who: who.to_owned(),
        community: community.to_string(),
        on,
    }
    .into()
}

fn not_positive(field: &'static str, value: impl ToString) -> Error {
    PartyError::NotPositive {
        field,
        value: value.to_string(),
    }
    .into()
}

/// An office's or seat's holder that a new holder replaces: one secretary per body, one
/// director per committee.
pub(crate) fn single(office: Office) -> bool {
    office == Office::Secretary
}

/// Whether a seat is held by one person only.
pub(crate) fn single_seat(seat: Seat) -> bool {
    seat == Seat::Director
}

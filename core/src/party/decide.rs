//! Deciding party commands: who may give them, then the same checks replay applies.

use chrono::{DateTime, FixedOffset};

use super::check::check_event;
use super::command::PartyCommand;
use super::error::PartyError;
use super::event::PartyEvent;
use super::reads::Reads;
use super::Party;
use crate::access::{Actor, Permission};
use crate::error::Error;
use crate::grid::{Authority, GridError, NodeCode};

/// Decides a party command. A station day cannot be recorded before it has come (the
/// journal keeps no clock for replay to hold it to; the day's place within the station is
/// checked on replay too).
pub(crate) fn decide(
    party: &Party,
    reads: Reads<'_>,
    actor: &Actor,
    at: DateTime<FixedOffset>,
    command: PartyCommand,
) -> Result<Vec<PartyEvent>, Error> {
    let who = Authority::new(reads.grid, actor)?;
    let is_me = |person: &str| who.person().is_some_and(|(_, p)| p.id() == person);
    let event = match command {
        PartyCommand::SetUpBody { unit, name, on } => {
            who.require(Permission::ShapeStructure, unit)?;
            PartyEvent::BodySetUp { unit, name, on }
        }
        PartyCommand::Appoint {
            unit,
            person,
            office,
        } => {
            who.require(Permission::ShapeStructure, unit)?;
            PartyEvent::Appointed {
                unit,
                person,
                office,
            }
        }
        PartyCommand::Release { unit, person } => {
            who.require(Permission::ShapeStructure, unit)?;
            PartyEvent::Released { unit, person }
        }
        PartyCommand::SendFirstSecretary {
            person,
            community,
            sent_by,
            from,
            to,
        } => {
            who.require(Permission::ShapeStructure, street_of(community)?)?;
            PartyEvent::FirstSecretarySent {
                person,
                community,
                sent_by,
                from,
                to,
            }
        }
        PartyCommand::RecallFirstSecretary { community, on } => {
            who.require(Permission::ShapeStructure, street_of(community)?)?;
            PartyEvent::FirstSecretaryRecalled { community, on }
        }
        PartyCommand::Seat {
            community,
            person,
            seat,
        } => {
            who.require(Permission::ShapeStructure, community)?;
            PartyEvent::Seated {
                community,
                person,
                seat,
            }
        }
        PartyCommand::Unseat { community, person } => {
            who.require(Permission::ShapeStructure, community)?;
            PartyEvent::Unseated { community, person }
        }
        PartyCommand::MemberReportsIn {
            person,
            community,
            on,
            workplace,
        } => {
            if !is_me(&person) {
                who.require(Permission::KeepHouseholds, community)?;
            }
            PartyEvent::MemberReportedIn {
                person,
                community,
                on,
                workplace,
            }
        }
        PartyCommand::UnitReportsIn {
            unit,
            community,
            on,
        } => {
            who.require(Permission::ShapeStructure, community)?;
            PartyEvent::UnitReportedIn {
                unit,
                community,
                on,
            }
        }
        PartyCommand::RecordUnitService {
            id,
            unit,
            on,
            activity,
            people,
            hours,
        } => {
            let community = super::check::unit_community(reads.grid, &unit)?;
            who.require(Permission::ShapeStructure, community)?;
            PartyEvent::UnitServiceRecorded {
                id,
                unit,
                on,
                activity,
                people,
                hours,
            }
        }
        PartyCommand::AssignStation {
            person,
            compound,
            from,
        } => {
            who.require(Permission::ShapeStructure, compound)?;
            PartyEvent::StationAssigned {
                person,
                compound,
                from,
            }
        }
        PartyCommand::EndStation {
            person,
            compound,
            on,
        } => {
            who.require(Permission::ShapeStructure, compound)?;
            PartyEvent::StationEnded {
                person,
                compound,
                on,
            }
        }
        PartyCommand::RecordStationDay {
            person,
            compound,
            on,
        } => {
            if !is_me(&person) {
                who.require(Permission::KeepHouseholds, compound)?;
            }
            if on > at.date_naive() {
                return Err(PartyError::FutureDay {
                    field: "on",
                    on,
                    today: at.date_naive(),
                }
                .into());
            }
            PartyEvent::StationDayRecorded {
                person,
                compound,
                on,
            }
        }
    };
    check_event(party, reads, &event)?;
    Ok(vec![event])
}

/// The street above a community, where first secretaries are sent from.
fn street_of(community: NodeCode) -> Result<NodeCode, Error> {
    community
        .parent()
        .ok_or_else(|| GridError::UnknownUnit(community).into())
}

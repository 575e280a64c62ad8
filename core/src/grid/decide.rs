//! Deciding grid commands: permission first, then the events the command means, each
//! checked against the state before anything is recorded.

use chrono::{DateTime, FixedOffset};

use super::authority::Authority;
use super::check::check_event;
use super::code::NodeCode;
use super::command::GridCommand;
use super::event::{GridEvent, NewHousehold};
use super::import::import;
use super::{Grid, GridConfig, GridError};
use crate::access::Actor;
use crate::error::Error;

/// Turns a grid command into checked events, or refuses it.
pub(crate) fn decide(
    grid: &Grid,
    config: &GridConfig,
    actor: &Actor,
    at: DateTime<FixedOffset>,
    command: GridCommand,
) -> Result<Vec<GridEvent>, Error> {
    let auth = Authority::new(grid, actor)?;
    let event = match command {
        GridCommand::Import { rows } => return import(grid, config, &auth, rows),
        GridCommand::RetireUnit {
            code,
            transfer_households_to,
        } => return retire(grid, &auth, code, transfer_households_to),
        GridCommand::Acknowledge {
            directive,
            households,
        } => return acknowledge(grid, &auth, at, directive, households),
        GridCommand::IssueDirective {
            id,
            unit,
            title,
            due,
        } => {
            let ix = grid.unit_ix(unit).ok_or(GridError::UnknownUnit(unit))?;
            if !grid.has_households_under(ix) {
                return Err(GridError::NoHouseholds(unit).into());
            }
            GridEvent::DirectiveIssued {
                id,
                unit,
                title,
                issued_at: at,
                due,
            }
        }
        GridCommand::AddUnit {
            code,
            name,
            domains,
        } => GridEvent::UnitAdded {
            code,
            name,
            domains: domains.unwrap_or(config.default_domains),
        },
        GridCommand::RenameUnit { code, name } => GridEvent::UnitRenamed { code, name },
        GridCommand::SetDomains { code, domains } => GridEvent::DomainsSet { code, domains },
        GridCommand::AddHousehold { id, unit, area } => GridEvent::HouseholdsAdded {
            unit,
            households: vec![NewHousehold { id, area }],
        },
        GridCommand::MoveHousehold { id, to } => GridEvent::HouseholdMoved { id, to },
        GridCommand::AddPerson {
            id,
            name,
            phone,
            party_member,
        } => GridEvent::PersonAdded {
            id,
            name,
            phone,
            party_member,
        },
        GridCommand::RegisterResident { person, household } => {
            GridEvent::ResidentRegistered { person, household }
        }
        GridCommand::GrantRole { person, role, unit } => {
            GridEvent::RoleGranted { person, role, unit }
        }
        GridCommand::RevokeRole { person, role, unit } => {
            GridEvent::RoleRevoked { person, role, unit }
        }
        GridCommand::AddDepartment {
            id,
            name,
            street,
            domains,
        } => GridEvent::DepartmentAdded {
            id,
            name,
            street,
            domains,
        },
        GridCommand::AddPairedUnit {
            id,
            name,
            community,
        } => GridEvent::PairedUnitAdded {
            id,
            name,
            community,
        },
    };
    auth.event(grid, &event)?;
    check_event(grid, &event)?;
    Ok(vec![event])
}

fn retire(
    grid: &Grid,
    auth: &Authority<'_>,
    code: NodeCode,
    transfer: Option<NodeCode>,
) -> Result<Vec<GridEvent>, Error> {
    let ix = grid.unit_ix(code).ok_or(GridError::UnknownUnit(code))?;
    let unit = &grid.graph[ix];
    let units = grid.children_ix(ix).len();
    let attached = unit.departments.len() + unit.paired_units.len();
    let moving = !unit.households.is_empty() && transfer.is_some();
    if units > 0 || attached > 0 || (!unit.households.is_empty() && !moving) {
        return Err(GridError::UnitNotEmpty {
            code,
            units,
            households: unit.households.len(),
            attached,
        }
        .into());
    }
    let mut events: Vec<GridEvent> = Vec::with_capacity(unit.households.len() + 1);
    if let (true, Some(to)) = (moving, transfer) {
        for &h in &unit.households {
            let id = grid.households[h as usize].id.to_string();
            if to == code {
                return Err(GridError::BadMove {
                    id,
                    to,
                    why: "it is the unit being retired",
                }
                .into());
            }
            events.push(GridEvent::HouseholdMoved { id, to });
        }
    }
    events.push(GridEvent::UnitRetired { code });
    for event in &events {
        auth.event(grid, event)?;
        if !matches!(event, GridEvent::UnitRetired { .. }) {
            check_event(grid, event)?;
        }
    }
    Ok(events)
}

fn acknowledge(
    grid: &Grid,
    auth: &Authority<'_>,
    at: DateTime<FixedOffset>,
    directive: String,
    households: Vec<String>,
) -> Result<Vec<GridEvent>, Error> {
    let d = grid
        .directive(&directive)
        .ok_or_else(|| GridError::UnknownDirective(directive.clone()))?;
    let mut fresh = Vec::with_capacity(households.len());
    let mut seen = hashbrown::HashSet::with_capacity(households.len());
    for id in households {
        let ix = grid
            .household_ix(&id)
            .ok_or_else(|| GridError::UnknownHousehold(id.clone()))?;
        let pos = d.position(ix).ok_or_else(|| GridError::NotATarget {
            directive: directive.clone(),
            household: id.clone(),
        })?;
        // A retry, or a worker and a resident both answering, is no error: it is done.
        if !d.is_acknowledged(pos) && seen.insert(ix) {
            fresh.push(id);
        }
    }
    if fresh.is_empty() {
        return Ok(Vec::new());
    }
    let event = GridEvent::DirectiveAcknowledged {
        directive,
        households: fresh,
        at,
    };
    auth.event(grid, &event)?;
    check_event(grid, &event)?;
    Ok(vec![event])
}

//! Deciding grid commands: permission first, then the events the command means, each
//! checked against the state before anything is recorded.

use chrono::{DateTime, FixedOffset};

use super::check::{check_event, View};
use super::code::NodeCode;
use super::command::GridCommand;
use super::event::{GridEvent, NewHousehold};
use super::import::import;
use super::model::Person;
use super::{Grid, GridConfig, GridError};
use crate::access::{Actor, Permission, Role};
use crate::error::Error;

/// The acting party and the roles it holds, resolved once per command.
pub(crate) struct Authority<'a> {
    grid: &'a Grid,
    actor: &'a Actor,
    person: Option<(u32, &'a Person)>,
}

impl<'a> Authority<'a> {
    pub(crate) fn new(grid: &'a Grid, actor: &'a Actor) -> Result<Authority<'a>, Error> {
        let person = match actor {
            Actor::System => None,
            Actor::Person(id) => {
                let ix = *grid
                    .person_ids
                    .get(id.as_str())
                    .ok_or_else(|| Error::UnknownActor(id.clone()))?;
                Some((ix, &grid.people[ix as usize]))
            }
        };
        Ok(Authority {
            grid,
            actor,
            person,
        })
    }

    /// The acting person and their index, or `None` for the platform.
    pub(crate) fn person(&self) -> Option<(u32, &'a Person)> {
        self.person
    }

    pub(crate) fn denied(&self, permission: Permission, unit: Option<NodeCode>) -> Error {
        Error::Denied {
            actor: self.actor.to_string(),
            permission,
            unit,
        }
    }

    /// Whether the actor holds, at `unit` or above, a role granting `permission`.
    pub(crate) fn may(&self, permission: Permission, unit: NodeCode) -> bool {
        let Some((_, person)) = self.person else {
            return true;
        };
        person.roles.iter().any(|&(ix, role)| {
            permission.granted_by(role)
                && self
                    .grid
                    .unit_at(ix)
                    .is_some_and(|held| held.code.contains(unit))
        })
    }

    pub(crate) fn require(&self, permission: Permission, unit: NodeCode) -> Result<(), Error> {
        if self.may(permission, unit) {
            Ok(())
        } else {
            Err(self.denied(permission, Some(unit)))
        }
    }

    /// Changes at a unit's own place in the tree are decided one level up; a district
    /// has no level up, so only the platform creates or retires one.
    fn require_above(&self, permission: Permission, unit: NodeCode) -> Result<(), Error> {
        match unit.parent() {
            Some(parent) => self.require(permission, parent),
            None if self.person.is_none() => Ok(()),
            None => Err(self.denied(Permission::CreateDistrict, Some(unit))),
        }
    }

    pub(crate) fn require_anywhere(&self, permission: Permission) -> Result<(), Error> {
        match self.person {
            None => Ok(()),
            Some((_, p)) if p.roles.iter().any(|&(_, r)| permission.granted_by(r)) => Ok(()),
            Some(_) => Err(self.denied(permission, None)),
        }
    }

    fn require_role_change(&self, role: Role, unit: NodeCode) -> Result<(), Error> {
        if role == Role::Administrator {
            self.require_above(Permission::AppointAdministrator, unit)
        } else {
            self.require(Permission::ShapeStructure, unit)
        }
    }

    /// May the actor acknowledge for this household: its resident, or one who keeps it.
    fn require_acknowledge(&self, household: u32, unit: NodeCode) -> Result<(), Error> {
        if self.person.is_some_and(|(_, p)| p.home == Some(household)) {
            return Ok(());
        }
        self.require(Permission::Acknowledge, unit)
    }

    /// Checks the actor may cause `event`; `view` resolves households not yet applied.
    pub(crate) fn event<V: View>(&self, view: &V, event: &GridEvent) -> Result<(), Error> {
        if self.person.is_none() {
            return Ok(());
        }
        match event {
            GridEvent::UnitAdded { code, .. } | GridEvent::UnitRetired { code } => {
                self.require_above(Permission::ShapeStructure, *code)
            }
            GridEvent::UnitRenamed { code, .. } | GridEvent::DomainsSet { code, .. } => {
                self.require(Permission::ShapeStructure, *code)
            }
            GridEvent::HouseholdsAdded { unit, .. } => {
                self.require(Permission::KeepHouseholds, *unit)
            }
            GridEvent::HouseholdMoved { id, to } => {
                if let Some(from) = view.household_unit(id) {
                    self.require(Permission::KeepHouseholds, from)?;
                }
                self.require(Permission::KeepHouseholds, *to)
            }
            GridEvent::PersonAdded { .. } => self.require_anywhere(Permission::RegisterPerson),
            GridEvent::ResidentRegistered { household, .. } => match view.household_unit(household)
            {
                Some(unit) => self.require(Permission::KeepHouseholds, unit),
                None => Ok(()),
            },
            GridEvent::RoleGranted { role, unit, .. }
            | GridEvent::RoleRevoked { role, unit, .. } => self.require_role_change(*role, *unit),
            GridEvent::DepartmentAdded { street: unit, .. }
            | GridEvent::PairedUnitAdded {
                community: unit, ..
            } => self.require(Permission::ShapeStructure, *unit),
            GridEvent::DirectiveIssued { unit, .. } => {
                self.require(Permission::IssueDirective, *unit)
            }
            GridEvent::DirectiveAcknowledged { households, .. } => {
                for id in households {
                    if let Some(h) = self.grid.household_ix(id) {
                        let unit = self.grid.household_unit(&self.grid.households[h as usize]);
                        if let Some(unit) = unit {
                            self.require_acknowledge(h, unit)?;
                        }
                    }
                }
                Ok(())
            }
        }
    }
}

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

//! Who is acting, and what they may do: the acting party resolved once per command,
//! with the roles it holds in the grid. Every capability decides permissions with it.

use super::check::View;
use super::code::NodeCode;
use super::event::GridEvent;
use super::model::Person;
use super::Grid;
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
            Actor::Secret => return Err(Error::UnknownActor("secret".to_owned())),
            Actor::Person(id) => {
                let ix = grid
                    .person_ix(id)
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

    /// The index of the acting person if their id is `id`: a lookup already made.
    pub(crate) fn person_named(&self, id: &str) -> Option<u32> {
        match (self.actor, self.person) {
            (Actor::Person(me), Some((ix, _))) if me == id => Some(ix),
            _ => None,
        }
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

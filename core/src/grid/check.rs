//! Checking events against state: the one place that says whether an event may be
//! applied. `decide` runs it before anything is recorded; replaying a journal runs it
//! before each event is folded in, so a forged journal is refused, never half-believed.

use hashbrown::{HashMap, HashSet};
use rust_decimal::Decimal;

use super::code::{Level, NodeCode};
use super::event::GridEvent;
use super::{Grid, GridError};
use crate::access::Role;
use crate::text::TextKind::{Key, Name, Phone, Title};
use crate::text::{check, TextError};

/// What checking needs to know: the grid itself, or the grid plus an import in progress.
pub(crate) trait View {
    fn unit_exists(&self, code: NodeCode) -> bool;
    fn household_unit(&self, id: &str) -> Option<NodeCode>;
    fn person_exists(&self, id: &str) -> bool;
    fn person_home(&self, id: &str) -> Option<&str>;
    fn role_held(&self, person: &str, role: Role, unit: NodeCode) -> bool;
    fn department_exists(&self, id: &str) -> bool;
    fn paired_exists(&self, id: &str) -> bool;
}

impl View for Grid {
    fn unit_exists(&self, code: NodeCode) -> bool {
        self.units.contains_key(&code)
    }
    fn household_unit(&self, id: &str) -> Option<NodeCode> {
        self.household(id).and_then(|h| self.household_unit(h))
    }
    fn person_exists(&self, id: &str) -> bool {
        self.person_ix(id).is_some()
    }
    fn person_home(&self, id: &str) -> Option<&str> {
        let home = self.person(id)?.home?;
        Some(&self.households[home as usize].id)
    }
    fn role_held(&self, person: &str, role: Role, unit: NodeCode) -> bool {
        match (self.person(person), self.unit_ix(unit)) {
            (Some(p), Some(ix)) => p.roles.contains(&(ix, role)),
            _ => false,
        }
    }
    fn department_exists(&self, id: &str) -> bool {
        self.department_ids.contains_key(id)
    }
    fn paired_exists(&self, id: &str) -> bool {
        self.paired_ids.contains_key(id)
    }
}

/// The grid seen with the additions of an import that is being checked.
pub(crate) struct Overlay<'a> {
    grid: &'a Grid,
    units: HashSet<NodeCode>,
    households: HashMap<&'a str, NodeCode>,
    people: HashSet<&'a str>,
    homes: HashMap<&'a str, &'a str>,
    roles: HashSet<(&'a str, Role, NodeCode)>,
    departments: HashSet<&'a str>,
    paired: HashSet<&'a str>,
    /// The unit of the household admitted last, already checked.
    last_unit: Option<NodeCode>,
}

impl<'a> Overlay<'a> {
    pub(crate) fn new(grid: &'a Grid, expected_households: usize) -> Overlay<'a> {
        let mut households = HashMap::new();
        households.reserve(expected_households);
        Overlay {
            grid,
            units: HashSet::new(),
            households,
            people: HashSet::new(),
            homes: HashMap::new(),
            roles: HashSet::new(),
            departments: HashSet::new(),
            paired: HashSet::new(),
            last_unit: None,
        }
    }

    /// Checks one household of an import against the grid and what this overlay has
    /// noted, then notes it.
    pub(crate) fn admit_household(
        &mut self,
        unit: NodeCode,
        id: &'a str,
        area: Decimal,
    ) -> Result<(), GridError> {
        if self.last_unit != Some(unit) {
            household_home(self, unit)?;
            self.last_unit = Some(unit);
        }
        check_household_fields(id, area)?;
        if self.grid.household_ix(id).is_some() {
            return Err(GridError::HouseholdExists(id.to_owned()));
        }
        match self.households.entry(id) {
            hashbrown::hash_map::Entry::Occupied(_) => {
                Err(GridError::HouseholdExists(id.to_owned()))
            }
            hashbrown::hash_map::Entry::Vacant(slot) => {
                slot.insert(unit);
                Ok(())
            }
        }
    }

    /// Checks `event` against the grid and what this overlay has noted, then notes it.
    pub(crate) fn admit(&mut self, event: &'a GridEvent) -> Result<(), GridError> {
        check_with(self, event)?;
        match event {
            GridEvent::UnitAdded { code, .. } => {
                self.units.insert(*code);
            }
            GridEvent::HouseholdsAdded { unit, households } => {
                for h in households {
                    self.households.insert(&h.id, *unit);
                }
            }
            GridEvent::PersonAdded { id, .. } => {
                self.people.insert(id);
            }
            GridEvent::ResidentRegistered { person, household } => {
                self.homes.insert(person, household);
            }
            GridEvent::RoleGranted { person, role, unit } => {
                self.roles.insert((person, *role, *unit));
            }
            GridEvent::DepartmentAdded { id, .. } => {
                self.departments.insert(id);
            }
            GridEvent::PairedUnitAdded { id, .. } => {
                self.paired.insert(id);
            }
            _ => {}
        }
        Ok(())
    }
}

impl View for Overlay<'_> {
    fn unit_exists(&self, code: NodeCode) -> bool {
        self.units.contains(&code) || self.grid.unit_exists(code)
    }
    fn household_unit(&self, id: &str) -> Option<NodeCode> {
        self.households
            .get(id)
            .copied()
            .or_else(|| View::household_unit(self.grid, id))
    }
    fn person_exists(&self, id: &str) -> bool {
        self.people.contains(id) || self.grid.person_exists(id)
    }
    fn person_home(&self, id: &str) -> Option<&str> {
        self.homes
            .get(id)
            .copied()
            .or_else(|| self.grid.person_home(id))
    }
    fn role_held(&self, person: &str, role: Role, unit: NodeCode) -> bool {
        self.roles.contains(&(person, role, unit)) || self.grid.role_held(person, role, unit)
    }
    fn department_exists(&self, id: &str) -> bool {
        self.departments.contains(id) || self.grid.department_exists(id)
    }
    fn paired_exists(&self, id: &str) -> bool {
        self.paired.contains(id) || self.grid.paired_exists(id)
    }
}

/// Checks one event against the grid as it stands.
pub(crate) fn check_event(grid: &Grid, event: &GridEvent) -> Result<(), GridError> {
    match event {
        GridEvent::UnitRetired { code } => check_retire(grid, *code),
        GridEvent::DirectiveIssued {
            id,
            unit,
            title,
            issued_at,
            due,
        } => {
            check(Key, "directive id", id)?;
            check(Title, "directive title", title)?;
            if grid.directive_ids.contains_key(id.as_str()) {
                return Err(GridError::DirectiveExists(id.clone()));
            }
            need_unit(grid, *unit)?;
            if due.is_some_and(|d| d < *issued_at) {
                return Err(GridError::DueBeforeIssue(id.clone()));
            }
            Ok(())
        }
        GridEvent::DirectiveAcknowledged {
            directive,
            households,
            ..
        } => check_acknowledged(grid, directive, households),
        other => check_with(grid, other),
    }
}

fn check_with<V: View>(view: &V, event: &GridEvent) -> Result<(), GridError> {
    match event {
        GridEvent::UnitAdded { code, name, .. } => {
            check(Name, "unit name", name)?;
            if view.unit_exists(*code) {
                return Err(GridError::UnitExists(*code));
            }
            match code.parent() {
                Some(parent) if !view.unit_exists(parent) => Err(GridError::ParentMissing {
                    code: *code,
                    parent,
                }),
                _ => Ok(()),
            }
        }
        GridEvent::UnitRenamed { code, name } => {
            check(Name, "unit name", name)?;
            need_unit(view, *code)
        }
        GridEvent::DomainsSet { code, .. } => need_unit(view, *code),
        GridEvent::HouseholdsAdded { unit, households } => {
            household_home(view, *unit)?;
            if households.is_empty() {
                let why = "it is empty";
                return Err(TextError::new(Key, "household list", "", why).into());
            }
            let mut seen = HashSet::with_capacity(households.len());
            for h in households {
                check_new_household(view, &h.id, h.area)?;
                if !seen.insert(h.id.as_str()) {
                    return Err(GridError::HouseholdExists(h.id.clone()));
                }
            }
            Ok(())
        }
        GridEvent::HouseholdMoved { id, to } => {
            let from = view
                .household_unit(id)
                .ok_or_else(|| GridError::UnknownHousehold(id.clone()))?;
            household_home(view, *to)?;
            if from == *to {
                return Err(GridError::BadMove {
                    id: id.clone(),
                    to: *to,
                    why: "it belongs there already",
                });
            }
            Ok(())
        }
        GridEvent::PersonAdded {
            id, name, phone, ..
        } => {
            check(Key, "person id", id)?;
            check(Name, "person name", name)?;
            if let Some(phone) = phone {
                check(Phone, "phone", phone)?;
            }
            if view.person_exists(id) {
                return Err(GridError::PersonExists(id.clone()));
            }
            Ok(())
        }
        GridEvent::ResidentRegistered { person, household } => {
            need_person(view, person)?;
            if view.household_unit(household).is_none() {
                return Err(GridError::UnknownHousehold(household.clone()));
            }
            if view.person_home(person) == Some(household.as_str()) {
                return Err(GridError::AlreadyResident {
                    person: person.clone(),
                    household: household.clone(),
                });
            }
            Ok(())
        }
        GridEvent::RoleGranted { person, role, unit } => {
            need_person(view, person)?;
            need_unit(view, *unit)?;
            role_level(*role, unit.level())?;
            if view.role_held(person, *role, *unit) {
                return Err(GridError::RoleHeld {
                    person: person.clone(),
                    role: *role,
                    unit: *unit,
                });
            }
            Ok(())
        }
        GridEvent::RoleRevoked { person, role, unit } => {
            need_person(view, person)?;
            need_unit(view, *unit)?;
            if !view.role_held(person, *role, *unit) {
                return Err(GridError::RoleNotHeld {
                    person: person.clone(),
                    role: *role,
                    unit: *unit,
                });
            }
            Ok(())
        }
        GridEvent::DepartmentAdded {
            id, name, street, ..
        } => {
            check(Key, "department id", id)?;
            check(Name, "department name", name)?;
            if view.department_exists(id) {
                return Err(GridError::DepartmentExists(id.clone()));
            }
            need_level(view, *street, &[Level::Street], "a street", "a department")
        }
        GridEvent::PairedUnitAdded {
            id,
            name,
            community,
        } => {
            check(Key, "paired unit id", id)?;
            check(Name, "paired unit name", name)?;
            if view.paired_exists(id) {
                return Err(GridError::PairedUnitExists(id.clone()));
            }
            need_level(
                view,
                *community,
                &[Level::Community],
                "a community",
                "a paired unit",
            )
        }
        // Retiring units and directives never come through an import.
        GridEvent::UnitRetired { code } => Err(GridError::UnitNotEmpty {
            code: *code,
            units: 0,
            households: 0,
            attached: 0,
        }),
        GridEvent::DirectiveIssued { id, .. }
        | GridEvent::DirectiveAcknowledged { directive: id, .. } => {
            Err(GridError::UnknownDirective(id.clone()))
        }
    }
}

/// Checks one new household's id and area, and that no household has its id; its unit
/// is checked by the caller.
fn check_new_household<V: View>(view: &V, id: &str, area: Decimal) -> Result<(), GridError> {
    check_household_fields(id, area)?;
    if view.household_unit(id).is_some() {
        return Err(GridError::HouseholdExists(id.to_owned()));
    }
    Ok(())
}

fn check_household_fields(id: &str, area: Decimal) -> Result<(), GridError> {
    check(Key, "household id", id)?;
    check_area(id, area)
}

fn check_retire(grid: &Grid, code: NodeCode) -> Result<(), GridError> {
    let ix = grid.unit_ix(code).ok_or(GridError::UnknownUnit(code))?;
    let units = grid
        .graph
        .neighbors_directed(ix, petgraph::Direction::Outgoing)
        .count();
    let unit = &grid.graph[ix];
    let attached = unit.departments.len() + unit.paired_units.len();
    if units > 0 || !unit.households.is_empty() || attached > 0 {
        return Err(GridError::UnitNotEmpty {
            code,
            units,
            households: unit.households.len(),
            attached,
        });
    }
    Ok(())
}

fn check_acknowledged(
    grid: &Grid,
    directive: &str,
    households: &[String],
) -> Result<(), GridError> {
    let d = grid
        .directive(directive)
        .ok_or_else(|| GridError::UnknownDirective(directive.to_owned()))?;
    let mut seen = HashSet::with_capacity(households.len());
    for id in households {
        let ix = grid
            .household_ix(id)
            .ok_or_else(|| GridError::UnknownHousehold(id.clone()))?;
        let pos = d.position(ix).ok_or_else(|| GridError::NotATarget {
            directive: directive.to_owned(),
            household: id.clone(),
        })?;
        if d.is_acknowledged(pos) || !seen.insert(ix) {
            return Err(GridError::AlreadyAcknowledged {
                directive: directive.to_owned(),
                household: id.clone(),
            });
        }
    }
    Ok(())
}

fn need_unit<V: View>(view: &V, code: NodeCode) -> Result<(), GridError> {
    if view.unit_exists(code) {
        Ok(())
    } else {
        Err(GridError::UnknownUnit(code))
    }
}

fn need_level<V: View>(
    view: &V,
    code: NodeCode,
    levels: &[Level],
    expected: &'static str,
    what: &'static str,
) -> Result<(), GridError> {
    need_unit(view, code)?;
    if levels.contains(&code.level()) {
        Ok(())
    } else {
        Err(GridError::WrongLevel {
            code,
            found: code.level(),
            expected,
            what,
        })
    }
}

/// Households belong to a community, a grid or (normally) a micro-grid.
pub(crate) fn household_home<V: View>(view: &V, code: NodeCode) -> Result<(), GridError> {
    need_level(
        view,
        code,
        &[Level::Community, Level::Grid, Level::MicroGrid],
        "a community, grid or micro-grid",
        "a household",
    )
}

fn need_person<V: View>(view: &V, id: &str) -> Result<(), GridError> {
    if view.person_exists(id) {
        Ok(())
    } else {
        Err(GridError::UnknownPerson(id.to_owned()))
    }
}

/// The levels at which each role is held.
pub(crate) fn role_level(role: Role, level: Level) -> Result<(), GridError> {
    let ok = match role {
        Role::Administrator => matches!(level, Level::District | Level::Street),
        Role::CommunityStaff | Role::ChiefGridLeader => level == Level::Community,
        // 一社区一民警两辅警: police serve a community as a whole.
        Role::CommunityPolice | Role::AuxiliaryPolice => level == Level::Community,
        Role::GridLeader => level == Level::Grid,
        Role::MicroGridWorker => level == Level::MicroGrid,
        Role::ReportingPartyMember | Role::SentDownPartyMember | Role::Volunteer => {
            matches!(level, Level::Community | Level::Grid | Level::MicroGrid)
        }
        // A compound's fund and assembly sit at a community or one of its grids (院落).
        Role::PropertyManager | Role::FundSupervisor | Role::OwnersCommitteeMember => {
            matches!(level, Level::Community | Level::Grid)
        }
    };
    if ok {
        Ok(())
    } else {
        Err(GridError::RoleLevel { role, level })
    }
}

fn check_area(id: &str, area: Decimal) -> Result<(), GridError> {
    if super::model::area_centi(area).is_some() {
        Ok(())
    } else {
        Err(GridError::BadArea {
            id: id.to_owned(),
            area,
        })
    }
}

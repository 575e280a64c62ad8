//! Folding grid events into state. Every event here has been checked first, so these
//! steps cannot fail; a lookup that finds nothing leaves the state as it was.

use petgraph::Direction;

use super::directive::Directive;
use super::event::GridEvent;
use super::model::{area_centi, Department, Household, PairedUnit, Person, Unit};
use super::Grid;

impl Grid {
    /// Applies one checked event.
    pub(crate) fn apply(&mut self, event: GridEvent) {
        match event {
            GridEvent::UnitAdded {
                code,
                name,
                domains,
            } => {
                let parent = code.parent().and_then(|p| self.unit_ix(p));
                let ix = self.graph.add_node(Unit::new(code, parent, &name, domains));
                self.units.insert(code, ix);
                if let Some(parent) = parent {
                    self.graph.add_edge(parent, ix, ());
                }
            }
            GridEvent::UnitRenamed { code, name } => {
                if let Some(u) = self
                    .unit_ix(code)
                    .and_then(|ix| self.graph.node_weight_mut(ix))
                {
                    u.name = name.into();
                }
            }
            GridEvent::DomainsSet { code, domains } => {
                if let Some(u) = self
                    .unit_ix(code)
                    .and_then(|ix| self.graph.node_weight_mut(ix))
                {
                    u.domains = domains;
                }
            }
            GridEvent::UnitRetired { code } => self.retire(code),
            GridEvent::HouseholdsAdded { unit, households } => {
                let Some(unit_ix) = self.unit_ix(unit) else {
                    return;
                };
                self.graph[unit_ix].households.reserve(households.len());
                for h in households {
                    let ix = self.households.len() as u32;
                    self.households.push(Household {
                        id: h.id.into(),
                        unit: unit_ix,
                        area_centi: area_centi(h.area).unwrap_or(0),
                    });
                    self.index_household(ix);
                    self.graph[unit_ix].households.push(ix);
                }
            }
            GridEvent::HouseholdMoved { id, to } => {
                if let (Some(ix), Some(to)) = (self.household_ix(&id), self.unit_ix(to)) {
                    let from = self.households[ix as usize].unit;
                    if let Some(u) = self.graph.node_weight_mut(from) {
                        u.households.retain(|&h| h != ix);
                    }
                    self.graph[to].households.push(ix);
                    self.households[ix as usize].unit = to;
                }
            }
            GridEvent::PersonAdded {
                id,
                name,
                phone,
                party_member,
            } => {
                let ix = self.people.len() as u32;
                self.person_ids.insert(&id, ix);
                self.people.push(Person {
                    id: id.into(),
                    name: name.into(),
                    phone: phone.map(Into::into),
                    party_member,
                    home: None,
                    roles: Vec::new(),
                });
            }
            GridEvent::ResidentRegistered { person, household } => {
                let (Some(p), Some(h)) = (
                    self.person_ix(person.as_str()),
                    self.household_ix(&household),
                ) else {
                    return;
                };
                if let Some(old) = self.people[p as usize].home {
                    if let Some(list) = self.residents.get_mut(&old) {
                        list.retain(|&r| r != p);
                        if list.is_empty() {
                            self.residents.remove(&old);
                        }
                    }
                }
                self.residents.entry(h).or_default().push(p);
                self.people[p as usize].home = Some(h);
            }
            GridEvent::RoleGranted { person, role, unit } => {
                if let (Some(p), Some(u)) = (self.person_ix(person.as_str()), self.unit_ix(unit)) {
                    self.people[p as usize].roles.push((u, role));
                    self.graph[u].roles.push((p, role));
                }
            }
            GridEvent::RoleRevoked { person, role, unit } => {
                if let (Some(p), Some(u)) = (self.person_ix(person.as_str()), self.unit_ix(unit)) {
                    self.people[p as usize].roles.retain(|&r| r != (u, role));
                    self.graph[u].roles.retain(|&r| r != (p, role));
                }
            }
            GridEvent::DepartmentAdded {
                id,
                name,
                street,
                domains,
            } => {
                if let Some(s) = self.unit_ix(street) {
                    let ix = self.departments.len() as u32;
                    let id: Box<str> = id.into();
                    self.department_ids.insert(id.clone(), ix);
                    self.departments.push(Department {
                        id,
                        name: name.into(),
                        street: s,
                        domains,
                    });
                    self.graph[s].departments.push(ix);
                }
            }
            GridEvent::PairedUnitAdded {
                id,
                name,
                community,
            } => {
                if let Some(c) = self.unit_ix(community) {
                    let ix = self.paired_units.len() as u32;
                    let id: Box<str> = id.into();
                    self.paired_ids.insert(id.clone(), ix);
                    self.paired_units.push(PairedUnit {
                        id,
                        name: name.into(),
                        community: c,
                    });
                    self.graph[c].paired_units.push(ix);
                }
            }
            GridEvent::DirectiveIssued {
                id,
                unit,
                title,
                issued_at,
                due,
            } => {
                let mut targets = match self.unit_ix(unit) {
                    Some(ix) => self.household_indices_under(ix),
                    None => Vec::new(),
                };
                targets.sort_unstable();
                let ix = self.directives.len() as u32;
                let id: Box<str> = id.into();
                self.directive_ids.insert(id.clone(), ix);
                self.directives.push(Directive::new(
                    id,
                    unit,
                    title.into(),
                    issued_at,
                    due,
                    targets,
                ));
            }
            GridEvent::DirectiveAcknowledged {
                directive,
                households,
                at,
            } => {
                let Some(&d) = self.directive_ids.get(directive.as_str()) else {
                    return;
                };
                for id in &households {
                    if let Some(h) = self.household_ix(id) {
                        self.directives[d as usize].acknowledge(h, at);
                    }
                }
            }
        }
    }

    fn retire(&mut self, code: crate::grid::NodeCode) {
        let Some(ix) = self.units.remove(&code) else {
            return;
        };
        let holders: Vec<u32> = self.graph[ix].roles.iter().map(|&(p, _)| p).collect();
        for p in holders {
            self.people[p as usize].roles.retain(|&(u, _)| u != ix);
        }
        debug_assert_eq!(
            self.graph
                .neighbors_directed(ix, Direction::Outgoing)
                .count(),
            0
        );
        self.graph.remove_node(ix);
    }
}

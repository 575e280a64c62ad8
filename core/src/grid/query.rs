//! Reading the grid: subtrees, households and people under a unit, counts, and a
//! household's chain of responsibility for a domain.

use petgraph::stable_graph::NodeIndex;
use petgraph::Direction;
use serde::{Deserialize, Serialize};

use super::code::{Level, NodeCode};
use super::domain::Domain;
use super::model::{Department, Household, Person, Unit};
use super::{Grid, GridError};
use crate::access::Role;

/// A person who answers at a link of a chain.
#[derive(Clone, Copy, Debug)]
pub struct Responder<'a> {
    /// The person.
    pub person: &'a Person,
    /// The role they answer in.
    pub role: Role,
}

/// One unit of a chain of responsibility and the people answering there.
#[derive(Clone, Copy, Debug)]
pub struct ChainLink<'a> {
    /// The unit.
    pub unit: &'a Unit,
    people: &'a [Person],
}

impl<'a> ChainLink<'a> {
    /// Who answers there (staff, leaders and workers, not volunteers or party members
    /// who claim work), in the order their roles were granted.
    pub fn responders(&self) -> impl Iterator<Item = Responder<'a>> + 'a {
        let people = self.people;
        self.unit
            .roles
            .iter()
            .filter(|(_, r)| r.answers())
            .map(move |&(p, role)| Responder {
                person: &people[p as usize],
                role,
            })
    }
}

/// Who answers for a household in a domain, from its own unit up to the street, and the
/// street's departments for that domain (for escalation, 吹哨报到).
#[derive(Clone, Debug)]
pub struct Chain<'a> {
    /// The household.
    pub household: &'a Household,
    /// The domain.
    pub domain: Domain,
    /// Units that carry the domain, lowest first, each with its responders.
    pub links: Vec<ChainLink<'a>>,
    /// Departments of the household's street that answer for the domain.
    pub departments: Vec<&'a Department>,
}

impl<'a> Chain<'a> {
    /// The first responder: the lowest person who answers for the domain, if any.
    pub fn first_responder(&self) -> Option<Responder<'_>> {
        self.links.iter().find_map(|l| l.responders().next())
    }
}

/// A unit in a subtree listing, with its parent and household totals.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct TreeRow {
    /// The unit.
    pub code: NodeCode,
    /// Its parent (none for a district).
    pub parent: Option<NodeCode>,
    /// Its level.
    pub level: Level,
    /// Its name.
    pub name: String,
    /// Depth below the subtree's root (0 for the root).
    pub depth: u32,
    /// Households attached directly.
    pub direct_households: u64,
    /// Households in its whole subtree.
    pub households: u64,
}

/// A person found under a unit: by a role held there, or as a resident of a household.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct PersonAt {
    /// The person's id.
    pub person: String,
    /// The role, or `None` for a resident.
    pub role: Option<Role>,
    /// The unit where the role is held or the household belongs.
    pub unit: NodeCode,
    /// For a resident, the household.
    pub household: Option<String>,
}

/// Sizes of the grid or of a subtree.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Counts {
    /// Districts.
    pub districts: u64,
    /// Streets.
    pub streets: u64,
    /// Communities.
    pub communities: u64,
    /// Grids.
    pub grids: u64,
    /// Micro-grids.
    pub micro_grids: u64,
    /// Households.
    pub households: u64,
    /// Registered people (the whole ward) or role holders and residents (a subtree).
    pub people: u64,
    /// Departments.
    pub departments: u64,
    /// Paired units.
    pub paired_units: u64,
    /// Directives.
    pub directives: u64,
}

impl Grid {
    fn need(&self, code: NodeCode) -> Result<NodeIndex, GridError> {
        self.unit_ix(code).ok_or(GridError::UnknownUnit(code))
    }

    pub(crate) fn children_ix(&self, ix: NodeIndex) -> Vec<NodeIndex> {
        let mut kids: Vec<NodeIndex> = self
            .graph
            .neighbors_directed(ix, Direction::Outgoing)
            .collect();
        crate::order::sort_by_key(&mut kids, |&k| self.graph[k].code);
        kids
    }

    /// Units at the top of the hierarchy (districts), in code order.
    pub fn roots(&self) -> Vec<&Unit> {
        let mut roots: Vec<&Unit> = self
            .graph
            .node_weights()
            .filter(|u| u.code.level() == Level::District)
            .collect();
        crate::order::sort_by_key(&mut roots, |u| u.code);
        roots
    }

    /// A unit's children, in code order.
    pub fn children(&self, code: NodeCode) -> Result<Vec<&Unit>, GridError> {
        let ix = self.need(code)?;
        Ok(self
            .children_ix(ix)
            .into_iter()
            .map(|k| &self.graph[k])
            .collect())
    }

    /// Units of the subtree below and including `ix`, depth first in code order.
    pub(crate) fn subtree_ix(&self, ix: NodeIndex) -> Vec<(NodeIndex, u32)> {
        let mut out = Vec::new();
        let mut stack = vec![(ix, 0u32)];
        while let Some((at, depth)) = stack.pop() {
            out.push((at, depth));
            let kids = self.children_ix(at);
            stack.extend(kids.into_iter().rev().map(|k| (k, depth + 1)));
        }
        out
    }

    /// Whether any household lies in the subtree of `ix`; stops at the first found.
    pub(crate) fn has_households_under(&self, ix: NodeIndex) -> bool {
        let mut stack = vec![ix];
        while let Some(at) = stack.pop() {
            if !self.graph[at].households.is_empty() {
                return true;
            }
            stack.extend(self.graph.neighbors_directed(at, Direction::Outgoing));
        }
        false
    }

    pub(crate) fn household_indices_under(&self, ix: NodeIndex) -> Vec<u32> {
        let mut out = Vec::new();
        let mut stack = vec![ix];
        while let Some(at) = stack.pop() {
            out.extend_from_slice(&self.graph[at].households);
            stack.extend(self.graph.neighbors_directed(at, Direction::Outgoing));
        }
        out
    }

    /// The subtree of `code` as rows, depth first in code order, with household totals.
    pub fn subtree(&self, code: NodeCode) -> Result<Vec<TreeRow>, GridError> {
        let ix = self.need(code)?;
        let order = self.subtree_ix(ix);
        let mut rows: Vec<TreeRow> = order
            .iter()
            .map(|&(at, depth)| {
                let u = &self.graph[at];
                TreeRow {
                    code: u.code,
                    parent: u.code.parent(),
                    level: u.code.level(),
                    name: u.name.to_string(),
                    depth,
                    direct_households: u.households.len() as u64,
                    households: u.households.len() as u64,
                }
            })
            .collect();
        // Depth first puts every descendant after its ancestor: add each row to its
        // parent's total going backwards.
        let pos: hashbrown::HashMap<NodeCode, usize> =
            rows.iter().enumerate().map(|(i, r)| (r.code, i)).collect();
        for i in (1..rows.len()).rev() {
            if let Some(&p) = rows[i].parent.and_then(|c| pos.get(&c)) {
                rows[p].households += rows[i].households;
            }
        }
        Ok(rows)
    }

    /// Households in the subtree of `code`, by unit in code order.
    pub fn households_under(&self, code: NodeCode) -> Result<Vec<&Household>, GridError> {
        let ix = self.need(code)?;
        Ok(self
            .subtree_ix(ix)
            .into_iter()
            .flat_map(|(at, _)| self.graph[at].households.iter())
            .map(|&h| &self.households[h as usize])
            .collect())
    }

    /// People in the subtree of `code`: role holders first, then residents, by unit.
    pub fn people_under(&self, code: NodeCode) -> Result<Vec<PersonAt>, GridError> {
        let ix = self.need(code)?;
        let units = self.subtree_ix(ix);
        let mut out = Vec::new();
        for &(at, _) in &units {
            let u = &self.graph[at];
            out.extend(u.roles.iter().map(|&(p, role)| PersonAt {
                person: self.people[p as usize].id.to_string(),
                role: Some(role),
                unit: u.code,
                household: None,
            }));
        }
        for &(at, _) in &units {
            let u = &self.graph[at];
            for &h in &u.households {
                let hh = &self.households[h as usize];
                out.extend(self.residents_at(h).iter().map(|&p| PersonAt {
                    person: self.people[p as usize].id.to_string(),
                    role: None,
                    unit: u.code,
                    household: Some(hh.id.to_string()),
                }));
            }
        }
        Ok(out)
    }

    /// Counts for the whole grid (`None`) or a subtree.
    pub fn counts(&self, code: Option<NodeCode>) -> Result<Counts, GridError> {
        let mut c = Counts::default();
        let units: Vec<NodeIndex> = match code {
            None => self.graph.node_indices().collect(),
            Some(code) => self
                .subtree_ix(self.need(code)?)
                .into_iter()
                .map(|(ix, _)| ix)
                .collect(),
        };
        for ix in units {
            let u = &self.graph[ix];
            match u.code.level() {
                Level::District => c.districts += 1,
                Level::Street => c.streets += 1,
                Level::Community => c.communities += 1,
                Level::Grid => c.grids += 1,
                Level::MicroGrid => c.micro_grids += 1,
            }
            c.households += u.households.len() as u64;
            c.departments += u.departments.len() as u64;
            c.paired_units += u.paired_units.len() as u64;
            if code.is_some() {
                c.people += u.roles.len() as u64;
                c.people += u
                    .households
                    .iter()
                    .map(|&h| self.residents_at(h).len() as u64)
                    .sum::<u64>();
            }
        }
        if code.is_none() {
            c.people = self.people.len() as u64;
        }
        c.directives = match code {
            None => self.directives.len() as u64,
            Some(root) => self
                .directives
                .iter()
                .filter(|d| root.contains(d.unit()))
                .count() as u64,
        };
        Ok(c)
    }

    /// The chain of responsibility of a household for a domain: the units from its own up
    /// to its street that carry the domain, with who answers at each, and the street's
    /// departments for the domain.
    pub fn chain(&self, household: &str, domain: Domain) -> Result<Chain<'_>, GridError> {
        let h = self
            .household_ix(household)
            .ok_or_else(|| GridError::UnknownHousehold(household.to_owned()))?;
        let hh = &self.households[h as usize];
        let mut links = Vec::with_capacity(4);
        let mut departments = Vec::new();
        let mut at = Some(hh.unit);
        while let Some(ix) = at {
            let Some(unit) = self.unit_at(ix) else { break };
            if unit.domains.contains(domain) {
                links.push(ChainLink {
                    unit,
                    people: &self.people,
                });
            }
            if unit.code.level() == Level::Street {
                departments.extend(
                    unit.departments
                        .iter()
                        .map(|&d| &self.departments[d as usize])
                        .filter(|d| d.domains.contains(domain)),
                );
                break;
            }
            at = self.parent_ix(ix);
        }
        Ok(Chain {
            household: hh,
            domain,
            links,
            departments,
        })
    }
}

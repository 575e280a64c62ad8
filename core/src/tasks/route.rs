//! The routing rules: from a request's place and category to the one party that answers.
//!
//! Walk up from the request's unit to its street. At the lowest unit that carries the
//! category's domain (merged grids carry several) and has someone eligible, take:
//! - grid staff: the answering person with the required skills and the least open work
//!   (ties go to the earlier role);
//! - claimable: that unit's claim pool, if a party member or volunteer holds a role there;
//! - department: the street's department for the domain with the least open work;
//! - police: at the request's community, whatever domains it carries, its police officer
//!   or an auxiliary with the skills and the least open work; failing that, the street's
//!   department for the domain, as for a department.
//!
//! With nobody eligible up to the street, the locality (the street) takes it (属地兜底).

use petgraph::stable_graph::NodeIndex;
use serde::Serialize;

use super::category::{Category, Handler};
use super::model::{Party, Status};
use super::Tasks;
use crate::access::Role;
use crate::grid::{Department, Grid, Level, NodeCode, Person};

/// Where the routing rules send a request.
#[derive(Clone, Copy, Debug)]
pub enum RouteDecision<'a> {
    /// To a person of the grid staff.
    Person(&'a Person),
    /// To a department of the street.
    Department(&'a Department),
    /// Into the claim pool of a unit.
    Pool(NodeCode),
    /// To the locality: the street takes it, nobody below being able to.
    Locality(NodeCode),
}

impl RouteDecision<'_> {
    /// The status the request takes: pooled for a pool, assigned otherwise.
    pub fn status(&self) -> Status {
        match self {
            RouteDecision::Pool(_) => Status::Pooled,
            _ => Status::Assigned,
        }
    }
}

/// Where the routing rules send a request, and the status it would take there.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, gridward_derive::TaggedDeserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum RouteView {
    /// To a person of the grid staff.
    Person {
        /// The person's id.
        person: String,
        /// The status it would take: `assigned`.
        status: Status,
    },
    /// To a department of the street.
    Department {
        /// The department's id.
        department: String,
        /// The status it would take: `assigned`.
        status: Status,
    },
    /// Into the claim pool of a unit.
    Pool {
        /// The pool's unit.
        unit: NodeCode,
        /// The status it would take: `pooled`.
        status: Status,
    },
    /// To the locality: the street takes it, nobody below being able to (属地兜底).
    Locality {
        /// The street.
        unit: NodeCode,
        /// The status it would take: `assigned`.
        status: Status,
    },
}

impl From<RouteDecision<'_>> for RouteView {
    fn from(d: RouteDecision<'_>) -> Self {
        let status = d.status();
        match d {
            RouteDecision::Person(p) => RouteView::Person {
                person: p.id().to_owned(),
                status,
            },
            RouteDecision::Department(x) => RouteView::Department {
                department: x.id().to_owned(),
                status,
            },
            RouteDecision::Pool(unit) => RouteView::Pool { unit, status },
            RouteDecision::Locality(unit) => RouteView::Locality { unit, status },
        }
    }
}

/// Roles that claim work from a pool.
pub(crate) fn claims(role: Role) -> bool {
    role.is_party_member() || role == Role::Volunteer
}

/// Routes a request of `category` at the unit `start` (already resolved).
pub(crate) fn route<'g>(
    grid: &'g Grid,
    tasks: &Tasks,
    category: &Category,
    start: NodeIndex,
    start_code: NodeCode,
) -> (RouteDecision<'g>, Party) {
    let required = tasks.required_bits(&category.skills);
    let mut at = Some(start);
    let mut locality = start_code;
    while let Some(ix) = at {
        let Some(unit) = grid.unit_at(ix) else { break };
        locality = unit.code();
        let level = unit.level();
        if category.handler == Handler::Police && level == Level::Community {
            if let Some(p) = least_loaded(tasks, &unit.roles, required, Role::is_police) {
                let person = &grid.people[p as usize];
                return (RouteDecision::Person(person), Party::Person(p));
            }
        }
        if unit.domains().contains(category.domain) {
            match category.handler {
                Handler::GridStaff => {
                    if let Some(p) = least_loaded(tasks, &unit.roles, required, Role::answers) {
                        let person = &grid.people[p as usize];
                        return (RouteDecision::Person(person), Party::Person(p));
                    }
                }
                Handler::Claimable => {
                    if unit.roles.iter().any(|&(_, r)| claims(r)) {
                        let code = unit.code();
                        return (RouteDecision::Pool(code), Party::Unit(code));
                    }
                }
                Handler::Department | Handler::Police => {}
            }
        }
        if level == Level::Street {
            if matches!(category.handler, Handler::Department | Handler::Police) {
                let best = unit
                    .departments
                    .iter()
                    .copied()
                    .filter(|&d| {
                        grid.departments[d as usize]
                            .domains()
                            .contains(category.domain)
                    })
                    .min_by_key(|&d| tasks.department_work_of(d));
                if let Some(d) = best {
                    let department = &grid.departments[d as usize];
                    return (RouteDecision::Department(department), Party::Department(d));
                }
            }
            break;
        }
        at = unit.parent;
    }
    (RouteDecision::Locality(locality), Party::Unit(locality))
}

/// The person at a unit holding a role that `eligible` accepts, with the required skills
/// and the least open work.
fn least_loaded(
    tasks: &Tasks,
    roles: &[(u32, Role)],
    required: Option<u64>,
    eligible: fn(Role) -> bool,
) -> Option<u32> {
    let required = required?;
    let mut best: Option<(u32, u32)> = None;
    for &(p, role) in roles {
        if !eligible(role) || tasks.skill_bits(p) & required != required {
            continue;
        }
        let load = tasks.work_of(p);
        if best.is_none_or(|(_, l)| load < l) {
            best = Some((p, load));
        }
    }
    best.map(|(p, _)| p)
}

/// Where the routing rules send a request of `category` at unit `start`.
pub(crate) fn route_at<'g>(
    grid: &'g Grid,
    tasks: &Tasks,
    category: &Category,
    start: NodeIndex,
    start_code: NodeCode,
) -> RouteDecision<'g> {
    route(grid, tasks, category, start, start_code).0
}

/// Whether two units are on one branch (one contains the other).
pub(crate) fn same_branch(a: NodeCode, b: NodeCode) -> bool {
    a.contains(b) || b.contains(a)
}

/// Whether person `p` may claim work of `category` from the pool at `pool`: a party
/// member or volunteer role on the pool's branch (anyone registered, for a micro-wish),
/// and the category's skills.
pub(crate) fn claimer(
    grid: &Grid,
    tasks: &Tasks,
    p: u32,
    pool: NodeCode,
    category: &Category,
) -> Result<(), &'static str> {
    let person = grid
        .people
        .get(p as usize)
        .ok_or("they are not registered")?;
    let place = category.micro_wish
        || person.roles.iter().any(|&(ix, role)| {
            claims(role)
                && grid
                    .unit_at(ix)
                    .is_some_and(|u| same_branch(u.code(), pool))
        });
    if !place {
        return Err("they hold no party member or volunteer role in that part of the grid");
    }
    has_skills(tasks, p, category)
}

/// Whether person `p` has every skill `category` needs.
pub(crate) fn has_skills(tasks: &Tasks, p: u32, category: &Category) -> Result<(), &'static str> {
    match tasks.required_bits(&category.skills) {
        Some(bits) if tasks.skill_bits(p) & bits == bits => Ok(()),
        _ => Err("they lack a skill the category needs"),
    }
}

/// Whether person `p` may claim request `r` now (it being pooled).
pub(crate) fn may_claim(
    grid: &Grid,
    tasks: &Tasks,
    config: &super::TasksConfig,
    p: u32,
    r: &super::Request,
) -> bool {
    config.category(r.category).is_some_and(|c| {
        claimer(grid, tasks, p, r.pool.unwrap_or(r.dispatcher), c).is_ok()
            && tasks.claims_of(p) < config.max_open_claims
    })
}

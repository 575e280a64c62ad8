//! The desk a task command is decided at: what it reads, and the checks every decision
//! shares (texts, places, eligibility, deadlines).

use chrono::{DateTime, FixedOffset};

use super::category::{Category, TasksConfig};
use super::error::TaskError;
use super::event::TaskEvent;
use super::model::{Deadlines, Location, Party, Request, Responsible, Status};
use super::route::{claimer, has_skills, route, same_branch};
use super::Tasks;
use crate::access::Permission;
use crate::error::Error;
use crate::grid::{Authority, Grid, GridError, Level, NodeCode};
use crate::text::TextKind::Title;
use crate::text::{check, TextError};

/// Everything a decision reads.
pub(crate) struct Desk<'a> {
    pub(crate) grid: &'a Grid,
    pub(crate) tasks: &'a Tasks,
    pub(crate) config: &'a TasksConfig,
    pub(crate) auth: Authority<'a>,
    pub(crate) at: DateTime<FixedOffset>,
}

pub(super) fn photos(list: &[String]) -> Result<(), TaskError> {
    if list.len() > 9 {
        let count = format!("{} references", list.len());
        let why = "at most 9 photos go with a request";
        return Err(TextError::new(Title, "photos", &count, why).into());
    }
    list.iter()
        .try_for_each(|p| check(Title, "photo reference", p))
        .map_err(TaskError::Text)
}

/// The party's public form, by id.
pub(crate) fn responsible(grid: &Grid, party: Party) -> Responsible {
    match party {
        Party::Unit(code) => Responsible::Unit(code),
        Party::Person(p) => Responsible::Person(
            grid.people
                .get(p as usize)
                .map(|x| x.id().to_owned())
                .unwrap_or_default(),
        ),
        Party::Department(d) => Responsible::Department(
            grid.departments
                .get(d as usize)
                .map(|x| x.id().to_owned())
                .unwrap_or_default(),
        ),
    }
}

/// The unit that dispatches requests at `unit`: its community, or the unit itself above
/// the community level.
pub(crate) fn dispatcher_of(unit: NodeCode) -> NodeCode {
    unit.at_level(Level::Community).unwrap_or(unit)
}

pub(super) fn street_of(unit: NodeCode) -> Option<NodeCode> {
    unit.at_level(Level::Street)
}

impl<'a> Desk<'a> {
    pub(super) fn person_id(&self) -> Option<&'a str> {
        self.auth.person().map(|(_, p)| p.id())
    }

    pub(super) fn actor_name(&self) -> String {
        match self.person_id() {
            Some(id) => format!("person {id}"),
            None => "system".to_owned(),
        }
    }

    pub(super) fn request(&self, id: &str) -> Result<(u32, &'a Request), TaskError> {
        let ix = self
            .tasks
            .ix(id)
            .ok_or_else(|| TaskError::UnknownRequest(id.to_owned()))?;
        Ok((ix, &self.tasks.requests[ix as usize]))
    }

    pub(super) fn category(&self, r: &Request) -> Result<&'a Category, TaskError> {
        self.config
            .category(r.category)
            .ok_or_else(|| TaskError::UnknownCategory(format!("#{}", r.category)))
    }

    pub(super) fn person(&self, id: &str) -> Result<u32, Error> {
        self.grid
            .person_ix(id)
            .ok_or_else(|| GridError::UnknownPerson(id.to_owned()).into())
    }

    pub(super) fn department(&self, id: &str) -> Result<u32, TaskError> {
        self.grid
            .department_ids
            .get(id)
            .copied()
            .ok_or_else(|| TaskError::UnknownDepartment(id.to_owned()))
    }

    pub(super) fn require(&self, permission: Permission, unit: NodeCode) -> Result<(), Error> {
        self.auth.require(permission, unit)
    }

    pub(super) fn status(
        r: &Request,
        allowed: &[Status],
        action: &'static str,
    ) -> Result<(), TaskError> {
        if allowed.contains(&r.status) {
            Ok(())
        } else {
            Err(TaskError::WrongStatus {
                request: r.id.to_string(),
                status: r.status,
                action,
            })
        }
    }

    /// Whether the actor answers for the request now: its person, an officer of its
    /// department, staff of its unit, or the platform.
    pub(super) fn answers(&self, r: &Request) -> bool {
        let Some((p, _)) = self.auth.person() else {
            return true;
        };
        match r.responsible {
            Party::Person(q) => p == q,
            Party::Department(d) => self.tasks.is_officer(p, d),
            Party::Unit(u) => self.auth.may(Permission::Verify, u),
        }
    }

    pub(super) fn require_answers(&self, r: &Request) -> Result<(), TaskError> {
        if self.answers(r) {
            Ok(())
        } else {
            Err(TaskError::NotResponsible {
                request: r.id.to_string(),
                actor: self.actor_name(),
            })
        }
    }

    pub(super) fn deadlines(
        &self,
        from: DateTime<FixedOffset>,
        c: &Category,
    ) -> Result<Deadlines, TaskError> {
        let cal = &self.config.calendar;
        let resolution = cal.deadline(from, c.resolution_limit)?;
        Ok(Deadlines {
            response: cal.deadline(from, c.response_limit)?,
            resolution,
            park: cal.deadline(resolution, c.extension)?,
        })
    }

    pub(super) fn may_claim(
        &self,
        p: u32,
        unit: NodeCode,
        c: &Category,
    ) -> Result<(), &'static str> {
        claimer(self.grid, self.tasks, p, unit, c)
    }

    /// Whether person `p` may be given work by hand in the part of the grid `unit` (the
    /// dispatching community) heads: any role within it or above it.
    pub(super) fn may_take(
        &self,
        p: u32,
        unit: NodeCode,
        c: &Category,
    ) -> Result<(), &'static str> {
        let person = &self.grid.people[p as usize];
        let place = person.roles.iter().any(|&(ix, _)| {
            self.grid
                .unit_at(ix)
                .is_some_and(|u| same_branch(u.code(), unit))
        });
        if !place {
            return Err("they hold no role in that part of the grid");
        }
        has_skills(self.tasks, p, c)
    }

    pub(super) fn not_eligible(&self, p: u32, r: &Request, why: &'static str) -> TaskError {
        TaskError::NotEligible {
            person: self.grid.people[p as usize].id().to_owned(),
            request: r.id.to_string(),
            why,
        }
    }

    /// Resolves a location to its unit and household index, checking it exists.
    pub(crate) fn locate(&self, location: &Location) -> Result<(NodeCode, Option<u32>), TaskError> {
        match location {
            Location::Household(id) => {
                let h = self
                    .grid
                    .household_ix(id)
                    .ok_or_else(|| TaskError::BadLocation(format!("no household {id:?}")))?;
                let unit = self
                    .grid
                    .household_unit(&self.grid.households[h as usize])
                    .ok_or_else(|| {
                        TaskError::BadLocation(format!("household {id:?} has no unit"))
                    })?;
                Ok((unit, Some(h)))
            }
            Location::Unit(code) => match self.grid.unit(*code) {
                Some(_) => Ok((*code, None)),
                None => Err(TaskError::BadLocation(format!("no unit {code}"))),
            },
        }
    }

    pub(super) fn dispatch_events(
        &self,
        id: &str,
        unit: NodeCode,
        c: &Category,
        first: bool,
    ) -> Result<TaskEvent, Error> {
        let ix = self
            .grid
            .unit_ix(unit)
            .ok_or_else(|| TaskError::BadLocation(format!("no unit {unit}")))?;
        let (decision, party) = route(self.grid, self.tasks, c, ix, unit);
        Ok(TaskEvent::Dispatched {
            request: id.to_owned(),
            to: responsible(self.grid, party),
            status: decision.status(),
            by_rule: true,
            deadlines: if first {
                Some(self.deadlines(self.at, c)?)
            } else {
                None
            },
        })
    }
}

//! Deciding how a request is filed and comes to its handler: filing, dispatch, claims
//! and handovers, reopening.

use chrono::{DateTime, FixedOffset};

use super::command::Assignee;
use super::desk::{dispatcher_of, photos, responsible, street_of, Desk};
use super::error::TaskError;
use super::event::TaskEvent;
use super::model::{Location, Party, Request, Status};
use crate::access::Permission;
use crate::error::Error;
use crate::grid::Level;
use crate::text::TextKind::{Description, Key};
use crate::text::{check, TextError};

impl Desk<'_> {
    pub(super) fn file(
        &self,
        id: String,
        category: String,
        location: Location,
        description: String,
        pics: Vec<String>,
    ) -> Result<Vec<TaskEvent>, Error> {
        check(Key, "request id", &id).map_err(TaskError::Text)?;
        if id.chars().any(char::is_whitespace) {
            let why = "it must not hold spaces";
            return Err(TaskError::Text(TextError::new(Key, "request id", &id, why)).into());
        }
        if self.tasks.ix(&id).is_some() {
            return Err(TaskError::RequestExists(id).into());
        }
        let cix = self
            .config
            .category_ix(&category)
            .ok_or_else(|| TaskError::UnknownCategory(category.clone()))?;
        let c = &self.config.categories[usize::from(cix)];
        check(Description, "description", &description).map_err(TaskError::Text)?;
        photos(&pics)?;
        let (unit, household) = self.locate(&location)?;
        let resident = self.auth.person().is_some_and(|(_, p)| {
            let home = p.home;
            match household {
                Some(h) => home == Some(h),
                None => home.is_some_and(|h| {
                    self.grid
                        .household_unit(&self.grid.households[h as usize])
                        .is_some_and(|own| unit.contains(own))
                }),
            }
        });
        if !resident {
            self.require(Permission::FileRequest, unit)?;
        }
        let mut events = vec![TaskEvent::Filed {
            id: id.clone(),
            category,
            filer: self.person_id().map(str::to_owned),
            location,
            unit,
            dispatcher: dispatcher_of(unit),
            description,
            photos: pics,
        }];
        if self.config.dispatch_on_filing {
            events.push(self.dispatch_events(&id, unit, c, true)?);
        }
        Ok(events)
    }

    pub(super) fn dispatch(
        &self,
        request: &str,
        to: Option<Assignee>,
    ) -> Result<Vec<TaskEvent>, Error> {
        let (_, r) = self.request(request)?;
        Desk::status(
            r,
            &[Status::Filed, Status::Assigned, Status::Pooled],
            "dispatch",
        )?;
        self.require(Permission::Dispatch, r.unit)?;
        let c = self.category(r)?;
        let first = r.deadlines.is_none();
        let Some(to) = to else {
            return Ok(vec![self.dispatch_events(request, r.unit, c, first)?]);
        };
        let (party, status) = match to {
            Assignee::Person(id) => {
                let p = self.person(&id)?;
                self.may_take(p, r.dispatcher, c)
                    .map_err(|why| self.not_eligible(p, r, why))?;
                (Party::Person(p), Status::Assigned)
            }
            Assignee::Department(id) => {
                let d = self.department(&id)?;
                self.department_of_street(d, r)?;
                (Party::Department(d), Status::Assigned)
            }
            Assignee::Pool(code) => {
                if self.grid.unit(code).is_none() || !code.contains(r.unit) {
                    return Err(TaskError::BadLocation(format!(
                        "pool {code} is not on the chain of unit {}",
                        r.unit
                    ))
                    .into());
                }
                (Party::Unit(code), Status::Pooled)
            }
        };
        if party == r.responsible && status == r.status {
            return Ok(Vec::new());
        }
        Ok(vec![TaskEvent::Dispatched {
            request: request.to_owned(),
            to: responsible(self.grid, party),
            status,
            by_rule: false,
            deadlines: if first {
                Some(self.deadlines(self.at, c)?)
            } else {
                None
            },
        }])
    }

    pub(super) fn department_of_street(&self, d: u32, r: &Request) -> Result<(), TaskError> {
        let dept = &self.grid.departments[d as usize];
        let street = street_of(r.unit);
        let attached = self.grid.unit_at(dept.street).map(|u| u.code());
        match street {
            Some(s) if attached == Some(s) => Ok(()),
            _ => Err(TaskError::ForeignDepartment {
                department: dept.id().to_owned(),
                street: street.unwrap_or(r.unit),
            }),
        }
    }

    pub(super) fn claim(
        &self,
        request: &str,
        donor: Option<String>,
    ) -> Result<Vec<TaskEvent>, Error> {
        let (_, r) = self.request(request)?;
        Desk::status(r, &[Status::Pooled], "claim")?;
        let (p, person) = self
            .auth
            .person()
            .ok_or(TaskError::PersonRequired { action: "claiming" })?;
        let c = self.category(r)?;
        let pool = r.pool.unwrap_or(r.dispatcher);
        self.may_claim(p, pool, c)
            .map_err(|why| self.not_eligible(p, r, why))?;
        let held = self.tasks.claims_of(p);
        if held >= self.config.max_open_claims {
            return Err(TaskError::ClaimLimit {
                person: person.id().to_owned(),
                limit: self.config.max_open_claims,
            }
            .into());
        }
        if let Some(d) = &donor {
            if !c.micro_wish {
                return Err(self
                    .not_eligible(p, r, "only a micro-wish is claimed for a donor")
                    .into());
            }
            let community = r.unit.at_level(Level::Community);
            let ok = self
                .grid
                .paired_unit(d)
                .is_some_and(|u| self.grid.unit_at(u.community).map(|x| x.code()) == community);
            if !ok {
                return Err(self
                    .not_eligible(p, r, "the donor is not a paired unit of the community")
                    .into());
            }
        }
        Ok(vec![TaskEvent::Claimed {
            request: request.to_owned(),
            person: person.id().to_owned(),
            donor,
        }])
    }

    pub(super) fn offer(&self, request: &str, to: &str) -> Result<Vec<TaskEvent>, Error> {
        let (_, r) = self.request(request)?;
        Desk::status(
            r,
            &[Status::Assigned, Status::Claimed, Status::InProgress],
            "hand over",
        )?;
        let holder = match r.responsible {
            Party::Person(q) => self.auth.person().is_some_and(|(p, _)| p == q),
            _ => false,
        };
        if !holder {
            return Err(TaskError::NotResponsible {
                request: request.to_owned(),
                actor: self.actor_name(),
            }
            .into());
        }
        let q = self.person(to)?;
        if r.responsible == Party::Person(q) {
            return Err(self.not_eligible(q, r, "they hold it already").into());
        }
        self.handover_eligible(q, r)?;
        Ok(vec![TaskEvent::HandoverOffered {
            request: request.to_owned(),
            to: to.to_owned(),
        }])
    }

    pub(super) fn handover_eligible(&self, q: u32, r: &Request) -> Result<(), Error> {
        let c = self.category(r)?;
        if r.claim.is_some() {
            self.may_claim(q, r.pool.unwrap_or(r.dispatcher), c)
                .map_err(|why| self.not_eligible(q, r, why))?;
            if self.tasks.claims_of(q) >= self.config.max_open_claims {
                return Err(TaskError::ClaimLimit {
                    person: self.grid.people[q as usize].id().to_owned(),
                    limit: self.config.max_open_claims,
                }
                .into());
            }
        } else {
            self.may_take(q, r.dispatcher, c)
                .map_err(|why| self.not_eligible(q, r, why))?;
        }
        Ok(())
    }

    pub(super) fn accept(&self, request: &str) -> Result<Vec<TaskEvent>, Error> {
        let (_, r) = self.request(request)?;
        let (p, person) = self.auth.person().ok_or(TaskError::PersonRequired {
            action: "accepting a handover",
        })?;
        if r.handover_to != Some(p) {
            return Err(TaskError::NoHandover(request.to_owned()).into());
        }
        Desk::status(
            r,
            &[Status::Assigned, Status::Claimed, Status::InProgress],
            "accept a handover",
        )?;
        self.handover_eligible(p, r)?;
        Ok(vec![TaskEvent::HandedOver {
            request: request.to_owned(),
            to: person.id().to_owned(),
        }])
    }

    pub(super) fn reopened(
        &self,
        r: &Request,
        reason: String,
        due: DateTime<FixedOffset>,
        correction: bool,
    ) -> TaskEvent {
        let party = r.handled_by.map_or(r.responsible, Party::Person);
        TaskEvent::Reopened {
            request: r.id.to_string(),
            reason,
            to: responsible(self.grid, party),
            resolution_due: due,
            correction,
        }
    }
}

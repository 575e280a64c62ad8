//! Deciding task commands: who may, whether the request's state allows it, and the events
//! it means. Nothing here changes state.

use chrono::{DateTime, FixedOffset};

use super::category::TasksConfig;
use super::command::TaskCommand;
use super::desk::{photos, Desk};
use super::error::TaskError;
use super::event::TaskEvent;
use super::model::{Party, Status};
use super::open311::imported_requests;
use super::sweep::sweep;
use super::Tasks;
use crate::access::{Actor, Permission};
use crate::error::Error;
use crate::grid::{Authority, Grid, GridError};
use crate::text::check;
use crate::text::TextKind::{Description, Reason};

/// Decides a task command.
pub(crate) fn decide(
    grid: &Grid,
    tasks: &Tasks,
    config: &TasksConfig,
    actor: &Actor,
    at: DateTime<FixedOffset>,
    key: Option<&str>,
    command: TaskCommand,
) -> Result<Vec<TaskEvent>, Error> {
    let desk = Desk {
        grid,
        tasks,
        config,
        auth: Authority::new(grid, actor)?,
        at,
    };
    desk.decide(key, command)
}

impl Desk<'_> {
    fn decide(&self, key: Option<&str>, command: TaskCommand) -> Result<Vec<TaskEvent>, Error> {
        use TaskCommand as C;
        match command {
            C::File {
                id,
                category,
                location,
                description,
                photos: pics,
            } => {
                if key.is_none() {
                    return Err(TaskError::KeyRequired.into());
                }
                self.file(id, category, location, description, pics)
            }
            C::Dispatch { request, to } => self.dispatch(&request, to),
            C::Claim { request, donor } => self.claim(&request, donor),
            C::ReleaseClaim { request } => {
                let (_, r) = self.request(&request)?;
                Desk::status(r, &[Status::Claimed, Status::InProgress], "release a claim")?;
                let Some(claim) = &r.claim else {
                    return Err(TaskError::WrongStatus {
                        request,
                        status: r.status,
                        action: "release a claim it does not have",
                    }
                    .into());
                };
                let own = self.auth.person().is_some_and(|(p, _)| p == claim.person);
                if !own {
                    self.require(Permission::Dispatch, r.unit)?;
                }
                let person = self.grid.people[claim.person as usize].id().to_owned();
                Ok(vec![TaskEvent::ClaimReleased {
                    request,
                    person,
                    stale: false,
                }])
            }
            C::OfferHandover { request, to } => self.offer(&request, &to),
            C::AcceptHandover { request } => self.accept(&request),
            C::Start { request } => {
                let (_, r) = self.request(&request)?;
                Desk::status(r, &[Status::Assigned, Status::Claimed], "start")?;
                self.require_answers(r)?;
                let by = self
                    .person_id()
                    .ok_or(TaskError::PersonRequired { action: "start" })?;
                Ok(vec![TaskEvent::Started {
                    request,
                    by: by.to_owned(),
                }])
            }
            C::Handle {
                request,
                report,
                photos: pics,
            } => {
                let (_, r) = self.request(&request)?;
                Desk::status(
                    r,
                    &[Status::Assigned, Status::Claimed, Status::InProgress],
                    "report it handled",
                )?;
                self.require_answers(r)?;
                check(Description, "report", &report).map_err(TaskError::Text)?;
                photos(&pics)?;
                let by = self
                    .person_id()
                    .ok_or(TaskError::PersonRequired { action: "handle" })?;
                Ok(vec![TaskEvent::Handled {
                    request,
                    by: by.to_owned(),
                    report,
                    photos: pics,
                }])
            }
            C::Verify {
                request,
                passed,
                note,
            } => {
                let (_, r) = self.request(&request)?;
                Desk::status(r, &[Status::Handled], "verify")?;
                let (p, person) = self.auth.person().ok_or(TaskError::PersonRequired {
                    action: "verification on site",
                })?;
                if r.handled_by == Some(p) {
                    return Err(TaskError::VerifierIsHandler {
                        request,
                        handler: person.id().to_owned(),
                    }
                    .into());
                }
                self.require(Permission::Verify, r.unit)?;
                if !note.is_empty() {
                    check(Description, "note", &note).map_err(TaskError::Text)?;
                }
                Ok(vec![TaskEvent::Verified {
                    request,
                    by: person.id().to_owned(),
                    passed,
                    note,
                }])
            }
            C::Return { request, reason } => {
                let (_, r) = self.request(&request)?;
                Desk::status(
                    r,
                    &[
                        Status::Assigned,
                        Status::Claimed,
                        Status::InProgress,
                        Status::Pooled,
                    ],
                    "return",
                )?;
                if r.responsible == Party::Unit(r.dispatcher) {
                    return Err(TaskError::WrongStatus {
                        request,
                        status: r.status,
                        action: "return it to the unit that already holds it",
                    }
                    .into());
                }
                self.require_answers(r)?;
                check(Reason, "reason", &reason).map_err(TaskError::Text)?;
                Ok(vec![TaskEvent::Returned { request, reason }])
            }
            C::Cancel { request, reason } => {
                let (_, r) = self.request(&request)?;
                if r.status.is_final() {
                    return Err(TaskError::WrongStatus {
                        request,
                        status: r.status,
                        action: "cancel",
                    }
                    .into());
                }
                let filer = self.auth.person().is_some_and(|(p, _)| r.filer == Some(p));
                if !filer {
                    self.require(Permission::Dispatch, r.unit)?;
                }
                check(Reason, "reason", &reason).map_err(TaskError::Text)?;
                Ok(vec![TaskEvent::Cancelled { request, reason }])
            }
            C::MarkDuplicate { request, of } => {
                let (ix, r) = self.request(&request)?;
                let (oix, o) = self.request(&of)?;
                if r.status.is_final() {
                    return Err(TaskError::WrongStatus {
                        request,
                        status: r.status,
                        action: "mark it a duplicate",
                    }
                    .into());
                }
                let why = if ix == oix {
                    Some("a request cannot repeat itself")
                } else if o.status == Status::Duplicate {
                    Some("the original is itself a duplicate")
                } else {
                    None
                };
                if let Some(why) = why {
                    return Err(TaskError::BadDuplicate { request, of, why }.into());
                }
                self.require(Permission::Dispatch, r.unit)?;
                Ok(vec![TaskEvent::MarkedDuplicate { request, of }])
            }
            C::Reopen { request, reason } => {
                let (_, r) = self.request(&request)?;
                Desk::status(r, &[Status::Closed], "reopen")?;
                self.require(Permission::Dispatch, r.unit)?;
                check(Reason, "reason", &reason).map_err(TaskError::Text)?;
                let c = self.category(r)?;
                let due = self.config.calendar.deadline(self.at, c.resolution_limit)?;
                Ok(vec![self.reopened(r, reason, due, false)])
            }
            C::Rate {
                request,
                level,
                comment,
            } => {
                let (_, r) = self.request(&request)?;
                let filer = self.auth.person().is_some_and(|(p, _)| r.filer == Some(p));
                if !filer {
                    return Err(TaskError::NotFiler { request }.into());
                }
                Desk::status(r, &[Status::Closed], "rate")?;
                if r.rated_since_close {
                    return Err(TaskError::AlreadyRated(request).into());
                }
                if !comment.is_empty() {
                    check(Reason, "comment", &comment).map_err(TaskError::Text)?;
                }
                let mut events = vec![TaskEvent::Rated {
                    request: request.clone(),
                    level,
                    comment,
                }];
                if !level.is_satisfied() {
                    let due = self
                        .config
                        .calendar
                        .deadline(self.at, self.config.correction_window)?;
                    let reason = format!("rated {}: correction window opened", level.as_str());
                    events.push(self.reopened(r, reason, due, true));
                }
                Ok(events)
            }
            C::Extend { request, reason } => {
                let (_, r) = self.request(&request)?;
                if r.status.is_final() {
                    return Err(TaskError::WrongStatus {
                        request,
                        status: r.status,
                        action: "extend",
                    }
                    .into());
                }
                self.require(Permission::Dispatch, r.unit)?;
                check(Reason, "reason", &reason).map_err(TaskError::Text)?;
                if r.extended {
                    return Err(TaskError::AlreadyExtended(request).into());
                }
                let Some(d) = r.deadlines else {
                    return Err(TaskError::WrongStatus {
                        request,
                        status: r.status,
                        action: "extend a request not yet dispatched",
                    }
                    .into());
                };
                let c = self.category(r)?;
                let due = self.config.calendar.deadline(d.resolution, c.extension)?;
                Ok(vec![TaskEvent::Extended {
                    request,
                    reason,
                    resolution_due: due,
                }])
            }
            C::Whistle {
                request,
                departments,
                reason,
            } => self.whistle(request, departments, reason),
            C::Report {
                request,
                department,
                report,
            } => {
                let (_, r) = self.request(&request)?;
                let d = self.department(&department)?;
                let call = r
                    .whistles
                    .iter()
                    .find(|w| w.department == d && w.reported_at.is_none())
                    .ok_or_else(|| TaskError::NoOpenCall {
                        request: request.clone(),
                        department: department.clone(),
                    })?;
                let (p, person) = self.auth.person().ok_or(TaskError::PersonRequired {
                    action: "a department's report",
                })?;
                if !self.tasks.is_officer(p, d) {
                    return Err(TaskError::NotResponsible {
                        request,
                        actor: self.actor_name(),
                    }
                    .into());
                }
                check(Description, "report", &report).map_err(TaskError::Text)?;
                Ok(vec![TaskEvent::Reported {
                    request,
                    department,
                    by: person.id().to_owned(),
                    report,
                    late: self.at > call.due,
                }])
            }
            C::Supervise { request, reason } => {
                let (_, r) = self.request(&request)?;
                if r.status.is_final() {
                    return Err(TaskError::WrongStatus {
                        request,
                        status: r.status,
                        action: "supervise",
                    }
                    .into());
                }
                self.require(Permission::Supervise, r.unit)?;
                check(Reason, "reason", &reason).map_err(TaskError::Text)?;
                if r.supervised {
                    return Ok(Vec::new());
                }
                Ok(vec![TaskEvent::Supervised { request, reason }])
            }
            C::Sweep { scope } => {
                match scope {
                    Some(code) => {
                        if self.grid.unit(code).is_none() {
                            return Err(GridError::UnknownUnit(code).into());
                        }
                        self.require(Permission::Supervise, code)?;
                    }
                    None if self.auth.person().is_some() => {
                        return Err(self.auth.denied(Permission::Supervise, None));
                    }
                    None => {}
                }
                Ok(sweep(self.grid, self.tasks, self.config, self.at, scope))
            }
            C::SetSkills { person, skills } => self.set_skills(person, skills),
            C::AppointOfficer { department, person } => {
                let (d, p) = self.officer_change(&department, &person)?;
                if self.tasks.is_officer(p, d) {
                    return Ok(Vec::new());
                }
                Ok(vec![TaskEvent::OfficerAppointed { department, person }])
            }
            C::RemoveOfficer { department, person } => {
                let (d, p) = self.officer_change(&department, &person)?;
                if !self.tasks.is_officer(p, d) {
                    return Ok(Vec::new());
                }
                Ok(vec![TaskEvent::OfficerRemoved { department, person }])
            }
            C::Import { requests } => self.import(requests),
            C::ImportOpen311 { feed } => {
                let requests = imported_requests(self.grid, &feed).map_err(TaskError::from)?;
                self.import(requests)
            }
        }
    }
}

//! Checking a task event against the state it meets, for replay: a journal whose hashes
//! hold but whose history is impossible is refused rather than half-applied.

use super::apply::party;
use super::category::TasksConfig;
use super::error::TaskError;
use super::event::TaskEvent;
use super::model::{Location, Request, Status};
use super::{Tasks, MAX_SKILLS};
use crate::error::Error;
use crate::grid::{Grid, GridError};
use crate::text::{TextError, TextKind};

const HELD: &[Status] = &[Status::Assigned, Status::Claimed, Status::InProgress];

fn wrong(r: &Request, action: &'static str) -> Error {
    TaskError::WrongStatus {
        request: r.id.to_string(),
        status: r.status,
        action,
    }
    .into()
}

fn expect(r: &Request, ok: bool, action: &'static str) -> Result<(), Error> {
    if ok {
        Ok(())
    } else {
        Err(wrong(r, action))
    }
}

fn person(grid: &Grid, id: &str) -> Result<u32, Error> {
    grid.person_ix(id)
        .ok_or_else(|| GridError::UnknownPerson(id.to_owned()).into())
}

fn department(grid: &Grid, id: &str) -> Result<u32, Error> {
    grid.department_ids
        .get(id)
        .copied()
        .ok_or_else(|| TaskError::UnknownDepartment(id.to_owned()).into())
}

fn new_request(
    grid: &Grid,
    tasks: &Tasks,
    config: &TasksConfig,
    id: &str,
    category: &str,
    location: &Location,
    unit: crate::grid::NodeCode,
) -> Result<(), Error> {
    if tasks.ix(id).is_some() {
        return Err(TaskError::RequestExists(id.to_owned()).into());
    }
    if config.category_ix(category).is_none() {
        return Err(TaskError::UnknownCategory(category.to_owned()).into());
    }
    let found = match location {
        Location::Household(h) => grid
            .household(h)
            .and_then(|hh| grid.household_unit(hh))
            .is_some_and(|u| u == unit),
        Location::Unit(code) => *code == unit && grid.unit(unit).is_some(),
    };
    if !found {
        return Err(TaskError::BadLocation(format!("{location:?} is not at unit {unit}")).into());
    }
    Ok(())
}

/// Checks that `event` can follow the current state.
pub(crate) fn check_event(
    grid: &Grid,
    tasks: &Tasks,
    config: &TasksConfig,
    event: &TaskEvent,
) -> Result<(), Error> {
    use TaskEvent as E;
    match event {
        E::Filed {
            id,
            category,
            filer,
            location,
            unit,
            ..
        } => {
            if let Some(f) = filer {
                person(grid, f)?;
            }
            return new_request(grid, tasks, config, id, category, location, *unit);
        }
        E::Imported { request, unit, .. } => {
            return new_request(
                grid,
                tasks,
                config,
                &request.id,
                &request.category,
                &request.location,
                *unit,
            );
        }
        E::SkillsSet { person: p, skills } => {
            person(grid, p)?;
            let fresh = skills
                .iter()
                .filter(|s| !tasks.skill_names.iter().any(|n| **n == ***s))
                .count();
            if tasks.skill_names.len() + fresh > MAX_SKILLS {
                let why = "a ward knows at most 64 distinct skill tags";
                let error = TextError::new(TextKind::Key, "skills", &skills.join(","), why);
                return Err(TaskError::Text(error).into());
            }
            return Ok(());
        }
        E::OfficerAppointed {
            department: d,
            person: p,
        }
        | E::OfficerRemoved {
            department: d,
            person: p,
        } => {
            person(grid, p)?;
            department(grid, d)?;
            return Ok(());
        }
        _ => {}
    }
    let id = event.request().unwrap_or_default();
    let r = tasks
        .request(id)
        .ok_or_else(|| TaskError::UnknownRequest(id.to_owned()))?;
    let open = r.status.is_open();
    match event {
        E::Dispatched { to, status, .. } => {
            expect(
                r,
                matches!(r.status, Status::Filed | Status::Assigned | Status::Pooled),
                "dispatch",
            )?;
            expect(
                r,
                matches!(status, Status::Assigned | Status::Pooled) && party(grid, to).is_some(),
                "dispatch to a party that does not exist",
            )
        }
        E::Claimed { person: p, .. } => {
            person(grid, p)?;
            expect(r, r.status == Status::Pooled, "claim")
        }
        E::ClaimReleased { .. } => expect(
            r,
            r.claim.is_some() && matches!(r.status, Status::Claimed | Status::InProgress),
            "release a claim",
        ),
        E::HandoverOffered { to, .. } => {
            person(grid, to)?;
            expect(r, HELD.contains(&r.status), "hand over")
        }
        E::HandedOver { to, .. } => {
            let p = person(grid, to)?;
            expect(
                r,
                HELD.contains(&r.status) && r.handover_to == Some(p),
                "accept a handover",
            )
        }
        E::Started { by, .. } => {
            person(grid, by)?;
            expect(
                r,
                matches!(r.status, Status::Assigned | Status::Claimed),
                "start",
            )
        }
        E::Handled { by, .. } => {
            person(grid, by)?;
            expect(r, HELD.contains(&r.status), "report it handled")
        }
        E::Verified { by, .. } => {
            let p = person(grid, by)?;
            expect(r, r.status == Status::Handled, "verify")?;
            if r.handled_by == Some(p) {
                return Err(TaskError::VerifierIsHandler {
                    request: r.id.to_string(),
                    handler: by.clone(),
                }
                .into());
            }
            Ok(())
        }
        E::Returned { .. } => expect(
            r,
            HELD.contains(&r.status) || r.status == Status::Pooled,
            "return",
        ),
        E::MarkedDuplicate { of, .. } => {
            let o = tasks
                .request(of)
                .ok_or_else(|| TaskError::UnknownRequest(of.clone()))?;
            expect(
                r,
                open && o.status != Status::Duplicate && o.id != r.id,
                "mark it a duplicate",
            )
        }
        E::Reopened { to, .. } => expect(
            r,
            r.status == Status::Closed && party(grid, to).is_some(),
            "reopen",
        ),
        E::Rated { .. } => expect(
            r,
            r.status == Status::Closed && !r.rated_since_close && r.filer.is_some(),
            "rate",
        ),
        E::Extended { .. } => expect(r, open && !r.extended && r.deadlines.is_some(), "extend"),
        E::Whistled { calls, .. } => {
            for c in calls {
                department(grid, &c.department)?;
            }
            expect(r, open && !calls.is_empty(), "call in departments")
        }
        E::Reported { department: d, .. } | E::ReportOverdue { department: d, .. } => {
            let d = department(grid, d)?;
            let call = r
                .whistles
                .iter()
                .any(|w| w.department == d && w.reported_at.is_none());
            expect(r, call, "report on a call that is not open")
        }
        E::Cancelled { .. } | E::Supervised { .. } => expect(r, open, "change"),
        E::Parked { .. } => expect(r, open && r.deadlines.is_some(), "park"),
        E::Filed { .. }
        | E::Imported { .. }
        | E::SkillsSet { .. }
        | E::OfficerAppointed { .. }
        | E::OfficerRemoved { .. } => Ok(()),
    }
}

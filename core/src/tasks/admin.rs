//! Deciding the street's calls on departments, people's skills, department officers, and
//! imports from other systems.

use super::command::{ImportedRequest, OpenOrClosed};
use super::desk::{dispatcher_of, photos, street_of, Desk};
use super::error::TaskError;
use super::event::{Call, TaskEvent};
use super::MAX_SKILLS;
use crate::access::Permission;
use crate::error::Error;
use crate::text::TextKind::{Description, Key, Reason};
use crate::text::{check, TextError};

impl Desk<'_> {
    pub(super) fn whistle(
        &self,
        request: String,
        departments: Vec<String>,
        reason: String,
    ) -> Result<Vec<TaskEvent>, Error> {
        let (_, r) = self.request(&request)?;
        if r.status.is_final() {
            return Err(TaskError::WrongStatus {
                request,
                status: r.status,
                action: "call in departments",
            }
            .into());
        }
        let street = street_of(r.unit).ok_or_else(|| {
            TaskError::BadLocation(format!("request {request:?} is above any street"))
        })?;
        self.require(Permission::Whistle, street)?;
        check(Reason, "reason", &reason).map_err(TaskError::Text)?;
        if departments.is_empty() {
            let why = "name at least one department";
            return Err(TaskError::Text(TextError::new(Key, "departments", "", why)).into());
        }
        let due = self
            .config
            .calendar
            .deadline(self.at, self.config.whistle_report_limit)?;
        let mut calls: Vec<Call> = Vec::with_capacity(departments.len());
        for id in departments {
            let d = self.department(&id)?;
            self.department_of_street(d, r)?;
            let open = r
                .whistles
                .iter()
                .any(|w| w.department == d && w.reported_at.is_none());
            if open || calls.iter().any(|c| c.department == id) {
                let why = "the department is called in on this request already";
                return Err(TaskError::Text(TextError::new(Key, "departments", &id, why)).into());
            }
            calls.push(Call {
                department: id,
                due,
            });
        }
        Ok(vec![TaskEvent::Whistled {
            request,
            calls,
            reason,
        }])
    }

    pub(super) fn set_skills(
        &self,
        person: String,
        skills: Vec<String>,
    ) -> Result<Vec<TaskEvent>, Error> {
        let p = self.person(&person)?;
        if self.auth.person().is_some() {
            let who = &self.grid.people[p as usize];
            let mut places = who
                .roles
                .iter()
                .filter_map(|&(ix, _)| self.grid.unit_at(ix).map(|u| u.code()))
                .chain(
                    who.home
                        .and_then(|h| self.grid.household_unit(&self.grid.households[h as usize])),
                );
            if !places.any(|u| self.auth.may(Permission::KeepHouseholds, u)) {
                return Err(self.auth.denied(Permission::KeepHouseholds, None));
            }
        }
        if skills.len() > 16 {
            let count = format!("{} tags", skills.len());
            let why = "a person has at most 16 skill tags";
            return Err(TaskError::Text(TextError::new(Key, "skills", &count, why)).into());
        }
        let mut fresh = 0;
        for (i, s) in skills.iter().enumerate() {
            check(Key, "skill", s).map_err(TaskError::Text)?;
            let known = self.tasks.skill_names.iter().any(|n| **n == **s);
            if !known && !skills[..i].contains(s) {
                fresh += 1;
            }
        }
        if self.tasks.skill_names.len() + fresh > MAX_SKILLS {
            let why = "a ward knows at most 64 distinct skill tags";
            let error = TextError::new(Key, "skills", &skills.join(","), why);
            return Err(TaskError::Text(error).into());
        }
        let mut skills = skills;
        crate::order::sort(&mut skills);
        skills.dedup();
        Ok(vec![TaskEvent::SkillsSet { person, skills }])
    }

    pub(super) fn officer_change(
        &self,
        department: &str,
        person: &str,
    ) -> Result<(u32, u32), Error> {
        let d = self.department(department)?;
        let p = self.person(person)?;
        let street = self
            .grid
            .unit_at(self.grid.departments[d as usize].street)
            .map(|u| u.code())
            .ok_or_else(|| TaskError::UnknownDepartment(department.to_owned()))?;
        self.require(Permission::ShapeStructure, street)?;
        Ok((d, p))
    }

    pub(super) fn import(&self, rows: Vec<ImportedRequest>) -> Result<Vec<TaskEvent>, Error> {
        let mut seen = hashbrown::HashSet::with_capacity(rows.len());
        let mut events = Vec::with_capacity(rows.len());
        for (row, request) in rows.into_iter().enumerate() {
            let wrap = |e: TaskError| TaskError::ImportRow {
                row,
                source: Box::new(e),
            };
            let checked = self.imported(request, &mut seen);
            match checked {
                Ok(e) => events.push(e),
                Err(Error::Tasks(e)) => return Err(wrap(e).into()),
                Err(other) => return Err(other),
            }
        }
        Ok(events)
    }

    pub(super) fn imported(
        &self,
        request: ImportedRequest,
        seen: &mut hashbrown::HashSet<String>,
    ) -> Result<TaskEvent, Error> {
        check(Key, "request id", &request.id).map_err(TaskError::Text)?;
        if self.tasks.ix(&request.id).is_some() || !seen.insert(request.id.clone()) {
            return Err(TaskError::RequestExists(request.id).into());
        }
        let cix = self
            .config
            .category_ix(&request.category)
            .ok_or_else(|| TaskError::UnknownCategory(request.category.clone()))?;
        let c = &self.config.categories[usize::from(cix)];
        if !request.description.is_empty() {
            check(Description, "description", &request.description).map_err(TaskError::Text)?;
        }
        if !request.status_notes.is_empty() {
            check(Description, "status notes", &request.status_notes).map_err(TaskError::Text)?;
        }
        photos(&request.photos)?;
        let (unit, _) = self.locate(&request.location)?;
        self.require(Permission::Dispatch, unit)?;
        match (request.status, request.updated_at) {
            (OpenOrClosed::Closed, None) => {
                let why = "a closed request needs the time it was closed";
                let error = TextError::new(Key, "updated_datetime", "", why);
                return Err(TaskError::Text(error).into());
            }
            (_, Some(u)) if u < request.filed_at => {
                let why = "it is before the request was filed";
                let error = TextError::new(Key, "updated_datetime", &u.to_rfc3339(), why);
                return Err(TaskError::Text(error).into());
            }
            _ => {}
        }
        let deadlines = self.deadlines(request.filed_at, c)?;
        Ok(TaskEvent::Imported {
            request,
            unit,
            dispatcher: dispatcher_of(unit),
            deadlines,
        })
    }
}

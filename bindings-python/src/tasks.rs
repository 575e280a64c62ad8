//! Task routing on `Ward` (点单 → 派单 → 领单 → 评单): one method per tasks command, and
//! Open311 import. The queries (requests, routing, claimable work, indicators,
//! categories, Open311 export) are in `tasks/queries.rs`.
//!
//! Locations are dicts `{"household": id}` or `{"unit": code}`; assignees
//! `{"person": id}`, `{"department": id}` or `{"pool": code}`; satisfaction levels and
//! statuses are snake_case names ("very_satisfied", "in_progress").

use gridward::tasks::TaskCommand;
use pyo3::prelude::*;

use crate::convert::{self, serde_to_py};
use crate::error::OrRaise;
use crate::ward::Ward;

mod queries;

// The Python signatures mirror each command's fields plus actor/at/key, so some
// methods take more arguments than clippy's default limit.
#[allow(clippy::too_many_arguments)]
#[pymethods]
impl Ward {
    /// Files a request (点单) of `category` at `location` (`{"household": id}` or
    /// `{"unit": code}`). Needs `key`: a retried filing with the same key has one effect
    /// (its receipt says `duplicate=True`). A resident files for their own home or the
    /// units around it; staff for the part of the grid they keep. Unless configured
    /// otherwise, the routing rules dispatch it at once.
    #[pyo3(signature = (id, category, location, description, photos=None, *, actor=None, at=None, key=None))]
    fn file_request<'py>(
        &mut self,
        py: Python<'py>,
        id: String,
        category: String,
        location: &Bound<'py, PyAny>,
        description: String,
        photos: Option<Vec<String>>,
        actor: Option<String>,
        at: Option<&Bound<'py, PyAny>>,
        key: Option<String>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let command = TaskCommand::File {
            id,
            category,
            location: convert::location(location)?,
            description,
            photos: photos.unwrap_or_default(),
        };
        self.run(py, command, actor, at, key)
    }

    /// Dispatches a filed, returned or waiting request (派单): to `to` by hand
    /// (`{"person": id}`, `{"department": id}`, `{"pool": code}`), or by the routing
    /// rules when `to` is None.
    #[pyo3(signature = (request, to=None, *, actor=None, at=None, key=None))]
    fn dispatch<'py>(
        &mut self,
        py: Python<'py>,
        request: String,
        to: Option<&Bound<'py, PyAny>>,
        actor: Option<String>,
        at: Option<&Bound<'py, PyAny>>,
        key: Option<String>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let to = convert::assignee(to)?;
        self.run(py, TaskCommand::Dispatch { request, to }, actor, at, key)
    }

    /// Claims a pooled request (领单) as the acting party member or volunteer; for a
    /// micro-wish (微心愿), `donor` may name a paired unit of the community that gives.
    #[pyo3(signature = (request, donor=None, *, actor=None, at=None, key=None))]
    fn claim<'py>(
        &mut self,
        py: Python<'py>,
        request: String,
        donor: Option<String>,
        actor: Option<String>,
        at: Option<&Bound<'py, PyAny>>,
        key: Option<String>,
    ) -> PyResult<Bound<'py, PyAny>> {
        self.run(py, TaskCommand::Claim { request, donor }, actor, at, key)
    }

    /// Gives a claimed request back to the pool (the claimer, or the dispatcher).
    #[pyo3(signature = (request, *, actor=None, at=None, key=None))]
    fn release_claim<'py>(
        &mut self,
        py: Python<'py>,
        request: String,
        actor: Option<String>,
        at: Option<&Bound<'py, PyAny>>,
        key: Option<String>,
    ) -> PyResult<Bound<'py, PyAny>> {
        self.run(py, TaskCommand::ReleaseClaim { request }, actor, at, key)
    }

    /// Offers the work to another eligible person; it passes when they accept.
    #[pyo3(signature = (request, to, *, actor=None, at=None, key=None))]
    fn offer_handover<'py>(
        &mut self,
        py: Python<'py>,
        request: String,
        to: String,
        actor: Option<String>,
        at: Option<&Bound<'py, PyAny>>,
        key: Option<String>,
    ) -> PyResult<Bound<'py, PyAny>> {
        self.run(
            py,
            TaskCommand::OfferHandover { request, to },
            actor,
            at,
            key,
        )
    }

    /// Accepts a handover offered to the acting person.
    #[pyo3(signature = (request, *, actor=None, at=None, key=None))]
    fn accept_handover<'py>(
        &mut self,
        py: Python<'py>,
        request: String,
        actor: Option<String>,
        at: Option<&Bound<'py, PyAny>>,
        key: Option<String>,
    ) -> PyResult<Bound<'py, PyAny>> {
        self.run(py, TaskCommand::AcceptHandover { request }, actor, at, key)
    }

    /// Starts work (the response that the response limit measures).
    #[pyo3(signature = (request, *, actor=None, at=None, key=None))]
    fn start<'py>(
        &mut self,
        py: Python<'py>,
        request: String,
        actor: Option<String>,
        at: Option<&Bound<'py, PyAny>>,
        key: Option<String>,
    ) -> PyResult<Bound<'py, PyAny>> {
        self.run(py, TaskCommand::Start { request }, actor, at, key)
    }

    /// Reports the work done, with photo references; it then waits for verification.
    #[pyo3(signature = (request, report, photos=None, *, actor=None, at=None, key=None))]
    fn handle<'py>(
        &mut self,
        py: Python<'py>,
        request: String,
        report: String,
        photos: Option<Vec<String>>,
        actor: Option<String>,
        at: Option<&Bound<'py, PyAny>>,
        key: Option<String>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let photos = photos.unwrap_or_default();
        let command = TaskCommand::Handle {
            request,
            report,
            photos,
        };
        self.run(py, command, actor, at, key)
    }

    /// Verifies handled work on site (核查), by someone other than the handler: passed
    /// closes it (结案), failed sends it back to the handler.
    #[pyo3(signature = (request, passed, note="", *, actor=None, at=None, key=None))]
    fn verify<'py>(
        &mut self,
        py: Python<'py>,
        request: String,
        passed: bool,
        note: &str,
        actor: Option<String>,
        at: Option<&Bound<'py, PyAny>>,
        key: Option<String>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let command = TaskCommand::Verify {
            request,
            passed,
            note: note.to_owned(),
        };
        self.run(py, command, actor, at, key)
    }

    /// Returns a wrongly assigned request to its dispatcher with a reason (退回).
    #[pyo3(signature = (request, reason, *, actor=None, at=None, key=None))]
    fn return_request<'py>(
        &mut self,
        py: Python<'py>,
        request: String,
        reason: String,
        actor: Option<String>,
        at: Option<&Bound<'py, PyAny>>,
        key: Option<String>,
    ) -> PyResult<Bound<'py, PyAny>> {
        self.run(py, TaskCommand::Return { request, reason }, actor, at, key)
    }

    /// Cancels a request (its filer, or the dispatcher).
    #[pyo3(signature = (request, reason, *, actor=None, at=None, key=None))]
    fn cancel<'py>(
        &mut self,
        py: Python<'py>,
        request: String,
        reason: String,
        actor: Option<String>,
        at: Option<&Bound<'py, PyAny>>,
        key: Option<String>,
    ) -> PyResult<Bound<'py, PyAny>> {
        self.run(py, TaskCommand::Cancel { request, reason }, actor, at, key)
    }

    /// Closes a request as a duplicate of request `of`.
    #[pyo3(signature = (request, of, *, actor=None, at=None, key=None))]
    fn mark_duplicate<'py>(
        &mut self,
        py: Python<'py>,
        request: String,
        of: String,
        actor: Option<String>,
        at: Option<&Bound<'py, PyAny>>,
        key: Option<String>,
    ) -> PyResult<Bound<'py, PyAny>> {
        self.run(
            py,
            TaskCommand::MarkDuplicate { request, of },
            actor,
            at,
            key,
        )
    }

    /// Reopens a closed request; it goes back to its handler with a new resolution limit.
    #[pyo3(signature = (request, reason, *, actor=None, at=None, key=None))]
    fn reopen<'py>(
        &mut self,
        py: Python<'py>,
        request: String,
        reason: String,
        actor: Option<String>,
        at: Option<&Bound<'py, PyAny>>,
        key: Option<String>,
    ) -> PyResult<Bound<'py, PyAny>> {
        self.run(py, TaskCommand::Reopen { request, reason }, actor, at, key)
    }

    /// Rates a closed request (评单), by its filer only: `level` is "very_satisfied",
    /// "satisfied", "basically_satisfied", "dissatisfied" or "very_dissatisfied". A bad
    /// rating (the bottom two) reopens it with a correction window (15 working days by
    /// default).
    #[pyo3(signature = (request, level, comment="", *, actor=None, at=None, key=None))]
    fn rate<'py>(
        &mut self,
        py: Python<'py>,
        request: String,
        level: &str,
        comment: &str,
        actor: Option<String>,
        at: Option<&Bound<'py, PyAny>>,
        key: Option<String>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let command = TaskCommand::Rate {
            request,
            level: convert::satisfaction(level)?,
            comment: comment.to_owned(),
        };
        self.run(py, command, actor, at, key)
    }

    /// Grants the one extension of a request's resolution limit.
    #[pyo3(signature = (request, reason, *, actor=None, at=None, key=None))]
    fn extend<'py>(
        &mut self,
        py: Python<'py>,
        request: String,
        reason: String,
        actor: Option<String>,
        at: Option<&Bound<'py, PyAny>>,
        key: Option<String>,
    ) -> PyResult<Bound<'py, PyAny>> {
        self.run(py, TaskCommand::Extend { request, reason }, actor, at, key)
    }

    /// The street calls in departments (吹哨); each must report within the configured
    /// limit (报到).
    #[pyo3(signature = (request, departments, reason, *, actor=None, at=None, key=None))]
    fn whistle<'py>(
        &mut self,
        py: Python<'py>,
        request: String,
        departments: Vec<String>,
        reason: String,
        actor: Option<String>,
        at: Option<&Bound<'py, PyAny>>,
        key: Option<String>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let command = TaskCommand::Whistle {
            request,
            departments,
            reason,
        };
        self.run(py, command, actor, at, key)
    }

    /// A department called in reports (报到), by one of its officers.
    #[pyo3(signature = (request, department, report, *, actor=None, at=None, key=None))]
    fn report<'py>(
        &mut self,
        py: Python<'py>,
        request: String,
        department: String,
        report: String,
        actor: Option<String>,
        at: Option<&Bound<'py, PyAny>>,
        key: Option<String>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let command = TaskCommand::Report {
            request,
            department,
            report,
        };
        self.run(py, command, actor, at, key)
    }

    /// Puts a request under supervision by hand (督办).
    #[pyo3(signature = (request, reason, *, actor=None, at=None, key=None))]
    fn supervise<'py>(
        &mut self,
        py: Python<'py>,
        request: String,
        reason: String,
        actor: Option<String>,
        at: Option<&Bound<'py, PyAny>>,
        key: Option<String>,
    ) -> PyResult<Bound<'py, PyAny>> {
        self.run(
            py,
            TaskCommand::Supervise { request, reason },
            actor,
            at,
            key,
        )
    }

    /// Applies the clock at `at`: releases stale claims, supervises overdue work, parks
    /// work past its limit and extension (挂账), flags late department reports. Under
    /// the unit `scope` only when given (a person needs supervision rights there); the
    /// whole ward only by the platform (actor None).
    #[pyo3(signature = (scope=None, *, actor=None, at=None, key=None))]
    fn sweep<'py>(
        &mut self,
        py: Python<'py>,
        scope: Option<&str>,
        actor: Option<String>,
        at: Option<&Bound<'py, PyAny>>,
        key: Option<String>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let scope = scope.map(convert::code).transpose()?;
        self.run(py, TaskCommand::Sweep { scope }, actor, at, key)
    }

    /// Sets a person's skill tags (routing sends work that needs skills to those who
    /// have them).
    #[pyo3(signature = (person, skills, *, actor=None, at=None, key=None))]
    fn set_skills<'py>(
        &mut self,
        py: Python<'py>,
        person: String,
        skills: Vec<String>,
        actor: Option<String>,
        at: Option<&Bound<'py, PyAny>>,
        key: Option<String>,
    ) -> PyResult<Bound<'py, PyAny>> {
        self.run(
            py,
            TaskCommand::SetSkills { person, skills },
            actor,
            at,
            key,
        )
    }

    /// Makes a person an officer of a department: they act for it on requests.
    #[pyo3(signature = (department, person, *, actor=None, at=None, key=None))]
    fn appoint_officer<'py>(
        &mut self,
        py: Python<'py>,
        department: String,
        person: String,
        actor: Option<String>,
        at: Option<&Bound<'py, PyAny>>,
        key: Option<String>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let command = TaskCommand::AppointOfficer { department, person };
        self.run(py, command, actor, at, key)
    }

    /// Removes a department officer.
    #[pyo3(signature = (department, person, *, actor=None, at=None, key=None))]
    fn remove_officer<'py>(
        &mut self,
        py: Python<'py>,
        department: String,
        person: String,
        actor: Option<String>,
        at: Option<&Bound<'py, PyAny>>,
        key: Option<String>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let command = TaskCommand::RemoveOfficer { department, person };
        self.run(py, command, actor, at, key)
    }

    /// Imports requests from another system, all or none: a list of dicts (or a
    /// DataFrame) with `id`, `category`, `location`, `filed_at` (datetime), `status`
    /// ("open" or "closed") and optionally `description`, `updated_at`, `status_notes`,
    /// `photos`.
    #[pyo3(signature = (requests, *, actor=None, at=None, key=None))]
    fn import_requests<'py>(
        &mut self,
        py: Python<'py>,
        requests: &Bound<'py, PyAny>,
        actor: Option<String>,
        at: Option<&Bound<'py, PyAny>>,
        key: Option<String>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let requests = convert::imported_requests(requests)?;
        self.run(py, TaskCommand::Import { requests }, actor, at, key)
    }

    /// Imports an Open311 GeoReport v2 JSON array of service requests, all or none:
    /// each `address_id` names a household of the ward or a unit code; faults name the
    /// element (`import row {index}`) and carry `open311_*` codes for malformed text.
    #[pyo3(signature = (text, *, actor=None, at=None, key=None))]
    fn import_open311<'py>(
        &mut self,
        py: Python<'py>,
        text: &str,
        actor: Option<String>,
        at: Option<&Bound<'py, PyAny>>,
        key: Option<String>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let ctx = convert::context(actor, at, key)?;
        let receipt = self.inner.import_open311(&ctx, text).or_raise()?;
        serde_to_py(py, &receipt)
    }
}

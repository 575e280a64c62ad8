//! Scoring (`scoring`) on `Ward`: service records and their certification, star grants
//! (星级志愿者), volunteers' hours, the monthly obligation of sent-down party members
//! (下沉党员), handlers' scores; and the pure rules `star_level` and
//! `satisfaction_rate` as module functions.
//!
//! Hours, scores and rates are `decimal.Decimal`; minutes are ints; days are
//! `datetime.date` (or `"YYYY-MM-DD"`); start times tz-aware `datetime` (or RFC 3339
//! text with a zone).

use gridward::scoring::{
    satisfaction_rate as core_satisfaction_rate, ScoringCommand, ServiceRecord, ServiceStatus,
    StarProfile,
};
use gridward::Error;
use pyo3::prelude::*;
use serde_json::{json, Value};

use crate::convert;
use crate::error::{core, OrRaise};
use crate::fund_convert as fc;
use crate::points_convert::{self as pc, serde_to_py};
use crate::ward::Ward;

/// A service record as a flat row: its status as a name, who certified it and the
/// minutes it counts beside it (and the reason, if it was refused).
pub fn record_row(r: &ServiceRecord) -> Value {
    let (status, certified_by, reason) = match &r.status {
        ServiceStatus::Pending => ("pending", None, None),
        ServiceStatus::Certified { by, .. } => ("certified", by.clone(), None),
        ServiceStatus::Rejected { reason } => ("rejected", None, Some(reason.clone())),
    };
    json!({
        "id": r.id,
        "person": r.person,
        "unit": r.unit.to_string(),
        "activity": r.activity.as_str(),
        "request": r.request,
        "started_at": r.started_at.to_rfc3339(),
        "minutes": r.minutes,
        "travel_minutes": r.travel_minutes,
        "note": r.note,
        "status": status,
        "certified_by": certified_by,
        "counted_minutes": r.counted_minutes(),
        "rejected_reason": reason,
    })
}

// The Python signatures mirror each command's fields plus actor/at/key.
#[allow(clippy::too_many_arguments)]
#[pymethods]
impl Ward {
    /// Records a service (志愿服务): `minutes` of actual service (1 to 1440) by `person`
    /// at `unit`, an `activity` ("handling_request", "charity", "elder_care",
    /// "neighbour_help", "mediation", "patrol", "cleanup", "other") started at
    /// `started_at` (a tz-aware datetime or RFC 3339 text). It counts nothing until
    /// certified. `request` ties it to a request the person handled.
    ///
    /// >>> ward.record_service("s1", "v1", "510105001001", "elder_care",
    /// ...     datetime(2026, 3, 2, 9, tzinfo=CST), 90, actor="v1")  # doctest: +SKIP
    #[pyo3(signature = (id, person, unit, activity, started_at, minutes, travel_minutes=None, request=None, note=None, *, actor=None, at=None, key=None))]
    fn record_service<'py>(
        &mut self,
        py: Python<'py>,
        id: String,
        person: String,
        unit: &str,
        activity: &str,
        started_at: &Bound<'py, PyAny>,
        minutes: &Bound<'py, PyAny>,
        travel_minutes: Option<&Bound<'py, PyAny>>,
        request: Option<String>,
        note: Option<String>,
        actor: Option<String>,
        at: Option<&Bound<'py, PyAny>>,
        key: Option<String>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let command = ScoringCommand::RecordService {
            id,
            person,
            unit: convert::code(unit)?,
            activity: pc::activity(activity)?,
            started_at: pc::moment(started_at)?,
            minutes: pc::count(minutes, "minutes")?,
            travel_minutes: pc::opt_count(travel_minutes, "travel_minutes")?.unwrap_or(0),
            request,
            note: note.unwrap_or_default(),
        };
        self.run(py, command, actor, at, key)
    }

    /// Certifies a pending service record: someone who may certify at its unit, never
    /// the person who served. The minutes it counts follow the hours rules (travel left
    /// out, caps, units).
    #[pyo3(signature = (id, *, actor=None, at=None, key=None))]
    fn certify_service<'py>(
        &mut self,
        py: Python<'py>,
        id: String,
        actor: Option<String>,
        at: Option<&Bound<'py, PyAny>>,
        key: Option<String>,
    ) -> PyResult<Bound<'py, PyAny>> {
        self.run(py, ScoringCommand::CertifyService { id }, actor, at, key)
    }

    /// Refuses a pending service record, saying why; it never counts.
    #[pyo3(signature = (id, reason, *, actor=None, at=None, key=None))]
    fn reject_service<'py>(
        &mut self,
        py: Python<'py>,
        id: String,
        reason: String,
        actor: Option<String>,
        at: Option<&Bound<'py, PyAny>>,
        key: Option<String>,
    ) -> PyResult<Bound<'py, PyAny>> {
        self.run(
            py,
            ScoringCommand::RejectService { id, reason },
            actor,
            at,
            key,
        )
    }

    /// Grants star levels as of the day `on` from certified hours, by the ward's star
    /// profile (`grant_preview(on)` shows what it would change).
    #[pyo3(signature = (on, *, actor=None, at=None, key=None))]
    fn grant_stars<'py>(
        &mut self,
        py: Python<'py>,
        on: &Bound<'py, PyAny>,
        actor: Option<String>,
        at: Option<&Bound<'py, PyAny>>,
        key: Option<String>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let command = ScoringCommand::GrantStars { on: fc::day(on)? };
        self.run(py, command, actor, at, key)
    }

    /// The service record with this id, in the core's dict form (`status` is
    /// `{"status": "pending" | "certified" | "rejected", "by", "counted" | "reason"}`),
    /// or None.
    fn service_record<'py>(&self, py: Python<'py>, id: &str) -> PyResult<Bound<'py, PyAny>> {
        serde_to_py(py, &self.inner.scoring().record(id))
    }

    /// Every service record as a row, in the order recorded: `{id, person, unit,
    /// activity, request, started_at, minutes, travel_minutes, note, status ("pending",
    /// "certified", "rejected"), certified_by, counted_minutes, rejected_reason}`.
    fn service_records<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        let rows: Vec<Value> = self
            .inner
            .scoring()
            .records()
            .iter()
            .map(record_row)
            .collect();
        pc::to_py(py, &Value::Array(rows))
    }

    /// A volunteer's standing: `{person, hours (Decimal, two places, rounded down),
    /// minutes, services, level, since (date or None)}`, or None for someone with no
    /// certified time and no level.
    fn volunteer<'py>(&self, py: Python<'py>, person: &str) -> PyResult<Bound<'py, PyAny>> {
        let found = self.inner.scoring().volunteer(self.inner.grid(), person);
        serde_to_py(py, &found)
    }

    /// Every volunteer with certified time or a level, by person id.
    fn volunteers<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        serde_to_py(py, &self.inner.scoring().volunteers(self.inner.grid()))
    }

    /// The level changes a star grant on `on` would make, without recording anything:
    /// `[{person, from, to}]` in person order. `profile` (`{"name", "thresholds":
    /// [hours, ...], "progression"}`) defaults to the ward's configured one.
    #[pyo3(signature = (on, profile=None))]
    fn grant_preview<'py>(
        &self,
        py: Python<'py>,
        on: &Bound<'py, PyAny>,
        profile: Option<&Bound<'py, PyAny>>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let on = fc::day(on)?;
        let profile: StarProfile = match profile.filter(|p| !p.is_none()) {
            Some(p) => pc::star_profile(p)?,
            None => self.inner.config().scoring.stars.clone(),
        };
        let changes = self
            .inner
            .scoring()
            .grant_preview(self.inner.grid(), &profile, on)
            .map_err(|e| core(Error::from(e)))?;
        serde_to_py(py, &changes)
    }

    /// The monthly obligation (at least one certified service and two counted hours a
    /// month, by default) of every sent-down party member holding the role under
    /// `unit`, for each month from `from_month` to `to_month` (`"YYYY-MM"`, both
    /// included): rows `{person, unit, month, services, hours, met}`.
    fn obligations<'py>(
        &self,
        py: Python<'py>,
        unit: &str,
        from_month: &str,
        to_month: &str,
    ) -> PyResult<Bound<'py, PyAny>> {
        let rows = self
            .inner
            .obligations(convert::code(unit)?, from_month, to_month)
            .or_raise()?;
        serde_to_py(py, &rows)
    }

    /// Every person who handled requests under `unit` filed from `start` (inclusive)
    /// to `end` (exclusive), both tz-aware datetimes, scored by the configured weights
    /// and ranked, best first: `{person, rank, score, handled, due, closed,
    /// closed_on_time, rated, satisfied, closure_rate, on_time_rate,
    /// satisfaction_rate}` (rates and scores as `Decimal`, None when nothing was there
    /// to divide by).
    fn handler_scores<'py>(
        &self,
        py: Python<'py>,
        unit: &str,
        start: &Bound<'py, PyAny>,
        end: &Bound<'py, PyAny>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let period = convert::period(start, end)?;
        let rows = self
            .inner
            .handler_scores(convert::code(unit)?, &period)
            .or_raise()?;
        serde_to_py(py, &rows)
    }
}

/// The star level (星级) `hours` of certified service reach: 0 below the first
/// threshold. `thresholds` (hours for levels 1, 2, …) default to the national profile
/// (100, 300, 600, 1000, 1500). Hours are `Decimal`, int or str (floats are refused).
///
/// >>> star_level(Decimal("299.5"))
/// 1
#[pyfunction]
#[pyo3(signature = (hours, thresholds=None))]
pub fn star_level(hours: &Bound<'_, PyAny>, thresholds: Option<&Bound<'_, PyAny>>) -> PyResult<u8> {
    let hours = convert::amount(hours)?;
    let profile = match thresholds.filter(|t| !t.is_none()) {
        Some(t) => pc::thresholds(t)?,
        None => StarProfile::national(),
    };
    Ok(profile.level(hours))
}

/// The satisfaction rate of ratings counted by level, most satisfied first
/// (`[very_satisfied, satisfied, basically_satisfied, dissatisfied,
/// very_dissatisfied]`): the top three over all rated, in percent as a `Decimal` with
/// two places, or None when nothing was rated.
///
/// >>> satisfaction_rate([70, 20, 0, 10, 0])
/// Decimal('90.00')
#[pyfunction]
pub fn satisfaction_rate<'py>(
    py: Python<'py>,
    counts: &Bound<'py, PyAny>,
) -> PyResult<Bound<'py, PyAny>> {
    let mut levels = [0u64; 5];
    let mut n = 0;
    for item in counts.try_iter()? {
        let slot = levels.get_mut(n).ok_or_else(|| {
            crate::error::invalid("invalid_counts", "give five counts, most satisfied first")
        })?;
        *slot = pc::count(&item?, "rating count")?;
        n += 1;
    }
    if n != 5 {
        return Err(crate::error::invalid(
            "invalid_counts",
            format!("give five counts, most satisfied first, not {n}"),
        ));
    }
    match core_satisfaction_rate(levels) {
        Some(rate) => convert::decimal_class(py)?.call1((rate.to_string(),)),
        None => Ok(py.None().into_bound(py)),
    }
}

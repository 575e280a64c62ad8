//! The owners' assembly (业主大会) on `Ward`: the roll of owners, motions, votes and
//! their count under Civil Code Art. 278, and the module function `tally`.
//!
//! Subjects are dicts: `{"type": "approve_budget", "fund", "budget"}`,
//! `{"type": "amend_budget", "fund", "budget", "amendment"}`, `{"type": "dividend",
//! "fund", "dividend"}`, `{"type": "common_income_in_base", "fund", "include"}` or
//! `{"type": "matter", "matter": "rebuild"}`; choices are "yes", "no" or "abstain";
//! kinds "ordinary" or "special".

use std::collections::BTreeMap;

use gridward::assembly::{self, AssemblyCommand, Choice, Motion, MotionKind};
use gridward::Ward as CoreWard;
use pyo3::prelude::*;
use pyo3::types::PyDict;
use rust_decimal::Decimal;
use serde_json::{json, Value};

use crate::convert;
use crate::error::invalid;
use crate::fund_convert::{self as fc, serde_to_py, shaped};
use crate::ward::Ward;

fn choice(name: &str) -> PyResult<Choice> {
    fc::named(name, "invalid_choice", "choice", "yes, no, abstain")
}

/// A motion as a dict, with its count: the final one if closed, else the live one.
fn motion_json(ward: &CoreWard, m: &Motion) -> PyResult<Value> {
    let tally = ward.assembly().count(ward.grid(), &m.id);
    Ok(json!({
        "id": m.id,
        "unit": m.unit,
        "title": m.title,
        "subject": encode(&m.subject)?,
        "kind": m.kind,
        "opened": m.opened,
        "closes": m.closes,
        "votes": m.votes,
        "tally": encode(&tally)?,
        "closed": m.tally.is_some(),
    }))
}

fn encode<T: serde::Serialize>(value: &T) -> PyResult<Value> {
    serde_json::to_value(value).map_err(|e| invalid("encode", e.to_string()))
}

// The Python signatures mirror each command's fields plus actor/at/key.
#[allow(clippy::too_many_arguments)]
#[pymethods]
impl Ward {
    /// Records who owns a home (业主), or clears it with `owner=None`. A home without a
    /// recorded owner counts as one owner who has not voted.
    #[pyo3(signature = (household, owner=None, *, actor=None, at=None, key=None))]
    fn set_owner<'py>(
        &mut self,
        py: Python<'py>,
        household: String,
        owner: Option<String>,
        actor: Option<String>,
        at: Option<&Bound<'py, PyAny>>,
        key: Option<String>,
    ) -> PyResult<Bound<'py, PyAny>> {
        self.run(
            py,
            AssemblyCommand::SetOwner { household, owner },
            actor,
            at,
            key,
        )
    }

    /// Puts a motion to the owners of the homes under `unit` until `closes` (a tz-aware
    /// datetime); `subject` says what it decides, and so whether it is ordinary or
    /// special under Art. 278.
    #[pyo3(signature = (motion, unit, title, subject, closes, *, actor=None, at=None, key=None))]
    fn open_motion<'py>(
        &mut self,
        py: Python<'py>,
        motion: String,
        unit: &str,
        title: String,
        subject: &Bound<'py, PyAny>,
        closes: &Bound<'py, PyAny>,
        actor: Option<String>,
        at: Option<&Bound<'py, PyAny>>,
        key: Option<String>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let command = AssemblyCommand::OpenMotion {
            motion,
            unit: convert::code(unit)?,
            title,
            subject: shaped(subject, "invalid_subject", "subject: give {\"type\": \"approve_budget\" | \"amend_budget\" | \"dividend\" | \"common_income_in_base\" | \"matter\", ...}")?,
            closes: convert::datetime(closes)?,
        };
        self.run(py, command, actor, at, key)
    }

    /// An owner's vote ("yes", "no" or "abstain"): the acting owner's own, or with
    /// `owner` a paper ballot recorded by the convener.
    #[pyo3(signature = (motion, choice, owner=None, *, actor=None, at=None, key=None))]
    fn cast_vote<'py>(
        &mut self,
        py: Python<'py>,
        motion: String,
        choice: &str,
        owner: Option<String>,
        actor: Option<String>,
        at: Option<&Bound<'py, PyAny>>,
        key: Option<String>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let choice = self::choice(choice)?;
        let command = AssemblyCommand::CastVote {
            motion,
            owner,
            choice,
        };
        self.run(py, command, actor, at, key)
    }

    /// Counts the votes once voting has ended; a passed fund motion takes effect on the
    /// fund in the same journal entry.
    #[pyo3(signature = (motion, *, actor=None, at=None, key=None))]
    fn close_motion<'py>(
        &mut self,
        py: Python<'py>,
        motion: String,
        actor: Option<String>,
        at: Option<&Bound<'py, PyAny>>,
        key: Option<String>,
    ) -> PyResult<Bound<'py, PyAny>> {
        self.run(py, AssemblyCommand::CloseMotion { motion }, actor, at, key)
    }

    /// A motion, or None: `{id, unit, title, subject, kind, opened, closes, votes,
    /// tally, closed}` — `tally` is the final count once closed, the live count before.
    fn motion<'py>(&self, py: Python<'py>, id: &str) -> PyResult<Bound<'py, PyAny>> {
        match self.inner.assembly().motion(id) {
            Some(m) => fc::to_py(py, &motion_json(&self.inner, m)?),
            None => Ok(py.None().into_bound(py)),
        }
    }

    /// Every motion, in id order (see `motion`).
    fn motions<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        let all = self
            .inner
            .assembly()
            .motions()
            .map(|m| motion_json(&self.inner, m))
            .collect::<PyResult<Vec<Value>>>()?;
        fc::to_py(py, &Value::Array(all))
    }

    /// The recorded owner of a home, or None.
    fn owner(&self, household: &str) -> Option<String> {
        self.inner.assembly().owner(household).map(str::to_owned)
    }
}

/// Counts a vote under Art. 278: `kind` "ordinary" or "special", `electorate` each
/// home as `(owner, area)` (an owner of several homes counts once), `votes` each
/// owner's choice. Returns the `Tally`: totals, turnout, yes and no by area and by
/// owners, `quorum`, `area_majority`, `owner_majority` and `outcome` ("passed",
/// "rejected", "no_quorum").
#[pyfunction]
pub fn tally<'py>(
    py: Python<'py>,
    kind: &str,
    electorate: &Bound<'py, PyAny>,
    votes: &Bound<'py, PyDict>,
) -> PyResult<Bound<'py, PyAny>> {
    let kind: MotionKind = fc::named(
        kind,
        "invalid_motion_kind",
        "motion kind",
        "ordinary, special",
    )?;
    let mut homes: Vec<(String, Decimal)> = Vec::new();
    for item in electorate.try_iter()? {
        let (owner, area): (String, Bound<'py, PyAny>) = item?.extract().map_err(|_| {
            invalid(
                "invalid_electorate",
                "the electorate is a list of (owner, area) pairs",
            )
        })?;
        homes.push((owner, fc::decimal(&area)?));
    }
    let mut choices = BTreeMap::new();
    for (owner, c) in votes.iter() {
        let owner: String = owner
            .extract()
            .map_err(|_| invalid("invalid_votes", "votes map owner ids (str) to choices"))?;
        let c: String = c.extract().map_err(|_| {
            invalid(
                "invalid_votes",
                "votes map owner ids to \"yes\", \"no\" or \"abstain\"",
            )
        })?;
        choices.insert(owner, choice(&c)?);
    }
    serde_to_py(py, &assembly::tally(kind, &homes, &choices))
}

//! The `Ward` class: one community platform's state and its hash-chained journal, the
//! generic `execute`/`decide` (any capability's commands), the journal's export, verification and replay, and
//! pickling (a ward pickles as its configuration and its exported journal).

use gridward::grid::GridEvent;
use gridward::{Command, Event, Hash, Journal, WardConfig};
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyTuple, PyType};

use crate::convert::{self, serde_to_py};
use crate::error::{invalid, OrRaise};

/// A ward: the grid of a district or a whole city, with every change recorded in a
/// hash-chained journal that anyone can verify and replay.
///
/// Every mutation takes keyword-only `actor` (a person's id, or None for the platform),
/// `at` (a tz-aware datetime; None = now, UTC) and `key` (an idempotency key) and
/// returns a receipt `{"seq", "events", "head", "duplicate"}`. A refused command
/// raises a `GridwardError` subclass and changes nothing.
///
/// >>> from gridward import Ward
/// >>> ward = Ward({"grid": {"coverage": {"band": [30, 100]}}})
/// >>> ward.add_unit("510105", "青羊区")["seq"]
/// 1
#[pyclass(name = "Ward", module = "gridward", subclass)]
pub struct Ward {
    pub(crate) inner: gridward::Ward,
}

impl Ward {
    /// Runs one command of any capability under the given context and returns the
    /// receipt as a dict.
    pub(crate) fn run<'py>(
        &mut self,
        py: Python<'py>,
        command: impl Into<Command>,
        actor: Option<String>,
        at: Option<&Bound<'py, PyAny>>,
        key: Option<String>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let ctx = convert::context(actor, at, key)?;
        let receipt = self.inner.execute(&ctx, command).or_raise()?;
        serde_to_py(py, &receipt)
    }

    fn config_to_py<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        serde_to_py(py, self.inner.config())
    }
}

#[pymethods]
impl Ward {
    /// An empty ward; `config` is the dict form of the ward's configuration, e.g.
    /// `{"grid": {"coverage": {"band": [30, 100]}}}`.
    #[new]
    #[pyo3(signature = (config=None))]
    fn new(config: Option<&Bound<'_, PyAny>>) -> PyResult<Ward> {
        Ok(Ward {
            inner: gridward::Ward::new(convert::config(config)?),
        })
    }

    /// Executes a command given in its dict form: a grid command
    /// (`{"type": "add_unit", "code": "510105", "name": "青羊区"}`) or any command by
    /// capability (`{"grid": {...}}`, `{"tasks": {"type": "file", ...}}`,
    /// `{"fund": {"type": "bill_fees", ...}}`, `{"assembly": {"type": "cast_vote", ...}}`,
    /// `{"scoring": {"type": "record_service", ...}}`, `{"points": {"type": "redeem", ...}}`).
    #[pyo3(signature = (command, *, actor=None, at=None, key=None))]
    fn execute<'py>(
        &mut self,
        py: Python<'py>,
        command: &Bound<'py, PyAny>,
        actor: Option<String>,
        at: Option<&Bound<'py, PyAny>>,
        key: Option<String>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let (command, _) = convert::any_command(command)?;
        self.run(py, command, actor, at, key)
    }

    /// Decides a command without recording it: the events (dict form) it would cause,
    /// or the error it would raise. Nothing changes. A plain grid command gives plain
    /// grid events; a command by capability (`{"tasks": {...}}`) gives events by
    /// capability (`{"tasks": {"type": "filed", ...}}`). `key` matters to filing, which
    /// needs one.
    #[pyo3(signature = (command, *, actor=None, at=None, key=None))]
    fn decide<'py>(
        &self,
        py: Python<'py>,
        command: &Bound<'py, PyAny>,
        actor: Option<String>,
        at: Option<&Bound<'py, PyAny>>,
        key: Option<String>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let (command, plain) = convert::any_command(command)?;
        let ctx = convert::context(actor, at, key)?;
        let events = self.inner.decide(&ctx, command).or_raise()?;
        if plain {
            let grid: Vec<GridEvent> = events
                .into_iter()
                .filter_map(|e| match e {
                    Event::Grid(g) => Some(g),
                    Event::Tasks(_)
                    | Event::Fund(_)
                    | Event::Assembly(_)
                    | Event::Scoring(_)
                    | Event::Points(_) => None,
                })
                .collect();
            return serde_to_py(py, &grid);
        }
        serde_to_py(py, &events)
    }

    /// The journal's head hash (hex): publish it, and anyone can check a journal
    /// against it.
    #[getter]
    fn head(&self) -> String {
        self.inner.head().to_hex()
    }

    /// Number of journal entries (one per accepted command that changed something).
    #[getter]
    fn journal_len(&self) -> usize {
        self.inner.journal().len()
    }

    /// The configuration, in its dict form.
    #[getter]
    fn config<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        self.config_to_py(py)
    }

    /// The journal as JSON lines, one entry a line:
    /// `{"seq":1,"prev":"…","hash":"…","body":{…}}`.
    fn export_journal(&self) -> String {
        self.inner.to_jsonl()
    }

    /// A digest (hex) of the whole state, equal for equal states however reached.
    fn state_digest(&self) -> String {
        self.inner.state_digest().to_hex()
    }

    /// Rebuilds a ward from an exported journal: verifies the chain, then replays every
    /// entry. Raises `JournalError` if the journal is broken or does not replay.
    #[classmethod]
    #[pyo3(signature = (text, config=None))]
    fn from_journal<'py>(
        cls: &Bound<'py, PyType>,
        text: &str,
        config: Option<&Bound<'py, PyAny>>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let ward = gridward::Ward::from_jsonl(convert::config(config)?, text).or_raise()?;
        let obj = cls.call1((config,))?;
        obj.downcast::<Ward>()?.borrow_mut().inner = ward;
        Ok(obj)
    }

    /// Pickles as (class, (config,), exported journal).
    fn __reduce__<'py>(slf: &Bound<'py, Self>) -> PyResult<Bound<'py, PyTuple>> {
        let py = slf.py();
        let this = slf.borrow();
        let config = this.config_to_py(py)?;
        let args = PyTuple::new(py, [config])?;
        let state = this.inner.to_jsonl();
        PyTuple::new(
            py,
            [
                slf.get_type().into_any(),
                args.into_any(),
                state.into_pyobject(py)?.into_any(),
            ],
        )
    }

    /// Restores a pickled ward by replaying its journal under its own configuration.
    fn __setstate__(&mut self, state: &str) -> PyResult<()> {
        let config = self.inner.config().clone();
        self.inner = gridward::Ward::from_jsonl(config, state).or_raise()?;
        Ok(())
    }

    fn __repr__(&self) -> String {
        let counts = self.inner.grid().counts(None).unwrap_or_default();
        format!(
            "Ward(units={}, households={}, people={}, journal_len={}, head={})",
            counts.districts
                + counts.streets
                + counts.communities
                + counts.grids
                + counts.micro_grids,
            counts.households,
            counts.people,
            self.inner.journal().len(),
            &self.inner.head().to_hex()[..12],
        )
    }
}

/// Verifies journal text (JSON lines) without raising for a broken chain:
/// `{"entries", "head", "intact", "first_break": {"line", "reason"} | None,
/// "head_matches": bool | None}`; `head_matches` compares with `expected_head` if given.
#[pyfunction]
#[pyo3(signature = (text, expected_head=None))]
pub fn verify_journal<'py>(
    py: Python<'py>,
    text: &str,
    expected_head: Option<&str>,
) -> PyResult<Bound<'py, PyAny>> {
    let expected = expected_head
        .map(|h| {
            Hash::from_hex(h)
                .ok_or_else(|| invalid("bad_hash", format!("{h:?} is not a SHA-256 hash in hex")))
        })
        .transpose()?;
    let report = Journal::verify_jsonl(text);
    let head_matches = expected.map(|e| report.intact && report.head == e);
    let out = serde_to_py(py, &report)?;
    out.downcast::<PyDict>()?
        .set_item("head_matches", head_matches)?;
    Ok(out)
}

/// The default configuration, in its dict form.
#[pyfunction]
pub fn default_config(py: Python<'_>) -> PyResult<Bound<'_, PyAny>> {
    serde_to_py(py, &WardConfig::default())
}

//! The native ward: the core's `Ward` behind generic entry points that the generated
//! `gridward._api` calls (`execute` a capability's command, `ask` its query), plus the
//! ward's own journal, digest and configuration, and `call` for the pure functions.

use std::sync::OnceLock;

use chrono::{DateTime, FixedOffset};
use gridward::surface::shape::Shape;
use gridward::surface::{Catalog, InputError, Problem};
use gridward::text::{check, TextKind};
use gridward::{Command, Context, Error, Receipt, Ward};
use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyDict, PyList, PyString};
use serde_json::Value;

use crate::boundary::{guard, WardCell};
use crate::error::{raise, raise_store, OrRaise};
use crate::from_json::to_py;
use crate::stored::StoreSlot;
use crate::to_json::{table_args, text_arg, text_required, to_value, Failure};

static CATALOG: OnceLock<Result<Catalog, Error>> = OnceLock::new();

/// The description compiled once, for every call.
pub fn catalog(py: Python<'_>) -> PyResult<&'static Catalog> {
    CATALOG
        .get_or_init(Catalog::embedded)
        .as_ref()
        .map_err(|e| raise(py, e.clone()))
}

/// A Python value as JSON, failing with the typed error.
pub(crate) fn json(py: Python<'_>, obj: Option<&Bound<'_, PyAny>>) -> PyResult<Value> {
    match obj {
        None => Ok(Value::Null),
        Some(o) => to_value(o).map_err(|f| match f {
            Failure::Input(e) => raise(py, e),
            Failure::Python(e) => e,
        }),
    }
}

/// A Python value given as the argument `field` (the command's time) as JSON; a fault
/// inside it is named under `field`.
fn json_at(py: Python<'_>, obj: &Bound<'_, PyAny>, field: &str) -> PyResult<Value> {
    to_value(obj).map_err(|f| match f {
        Failure::Input(Error::Input(e)) => raise(py, Error::Input(e.under(field))),
        Failure::Input(e) => raise(py, e),
        Failure::Python(e) => e,
    })
}

fn answer<'py>(py: Python<'py>, shape: &Shape, value: &Value) -> PyResult<Bound<'py, PyAny>> {
    to_py(py, catalog(py)?.shapes(), shape, value)
}

fn encode<T: serde::Serialize>(py: Python<'_>, value: &T) -> PyResult<Value> {
    gridward::surface::encode(value).or_raise(py)
}

/// A receipt as its dict, built directly: every command answers with one, so it takes
/// the short way rather than through JSON.
fn receipt_dict<'py>(py: Python<'py>, receipt: &Receipt) -> PyResult<Bound<'py, PyAny>> {
    let dict = PyDict::new(py);
    dict.set_item("seq", receipt.seq)?;
    dict.set_item("events", receipt.events)?;
    dict.set_item("head", receipt.head.to_hex())?;
    dict.set_item("duplicate", receipt.duplicate)?;
    Ok(dict.into_any())
}

/// The time now, in UTC.
fn now() -> DateTime<FixedOffset> {
    let since = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap_or_default();
    let secs = i64::try_from(since.as_secs()).unwrap_or(i64::MAX);
    DateTime::from_timestamp(secs, since.subsec_nanos())
        .unwrap_or_default()
        .fixed_offset()
}

/// A ward, for the generated `gridward.Ward` to wrap.
#[pyclass(name = "NativeWard", module = "gridward._gridward", frozen)]
pub struct NativeWard {
    pub(crate) inner: WardCell,
    pub(crate) store: StoreSlot,
}

impl NativeWard {
    pub(crate) fn with<T>(
        &self,
        py: Python<'_>,
        f: impl FnOnce(&mut Ward) -> PyResult<T>,
    ) -> PyResult<T> {
        self.inner.with(py, f)
    }

    fn context(
        py: Python<'_>,
        actor: Option<&Bound<'_, PyAny>>,
        at: Option<&Bound<'_, PyAny>>,
        key: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<gridward::Context> {
        let actor = text_arg(actor, "actor").or_raise(py)?;
        let key = text_arg(key, "key").or_raise(py)?;
        let at = match at {
            Some(a) if !a.is_none() => Some(json_at(py, a, "at")?),
            _ => None,
        };
        // The common case, RFC 3339 text with its offset, is read at once; anything else
        // goes through the catalog, which names what is wrong with it.
        if let Some(Value::String(text)) = &at {
            if let Ok(moment) = DateTime::parse_from_rfc3339(text) {
                let ctx = gridward::Context::new(
                    actor.map_or(gridward::Actor::System, gridward::Actor::Person),
                    moment,
                );
                return Ok(match key {
                    Some(k) => ctx.with_key(k),
                    None => ctx,
                });
            }
        }
        catalog(py)?.context(actor, at, key, now()).or_raise(py)
    }

    /// Executes a command under its context (other threads run meanwhile) and gives
    /// the receipt.
    fn run<'py>(
        &self,
        py: Python<'py>,
        command: Command,
        actor: Option<&Bound<'py, PyAny>>,
        at: Option<&Bound<'py, PyAny>>,
        key: Option<&Bound<'py, PyAny>>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let ctx = Self::context(py, actor, at, key)?;
        let receipt = self.with(py, |w| {
            Ok(py.allow_threads(|| self.store.execute(w, &ctx, command)))
        })?;
        receipt_dict(py, &receipt.map_err(|e| raise_store(py, e))?)
    }
}

// Every entry point runs its body through `guard` (or the ward's `with`, which guards
// too): a panic raises `gridward.InternalError`, never `PanicException`.
#[pymethods]
impl NativeWard {
    /// An empty ward with this configuration (the default when None).
    #[new]
    #[pyo3(signature = (config=None))]
    fn new(py: Python<'_>, config: Option<&Bound<'_, PyAny>>) -> PyResult<NativeWard> {
        guard(py, || {
            let config = catalog(py)?.config(json(py, config)?).or_raise(py)?;
            Ok(NativeWard {
                inner: WardCell::new(Ward::new(config)),
                store: StoreSlot::memory(),
            })
        })
    }

    /// Rebuilds a ward from its journal (JSON lines).
    #[staticmethod]
    #[pyo3(signature = (text, config=None))]
    fn from_journal(
        py: Python<'_>,
        text: &Bound<'_, PyAny>,
        config: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<NativeWard> {
        guard(py, || {
            let text = text_arg(Some(text), "text")
                .and_then(|t| t.ok_or_else(|| text_required("text")))
                .or_raise(py)?;
            let config = catalog(py)?.config(json(py, config)?).or_raise(py)?;
            let ward = py
                .allow_threads(|| Ward::from_jsonl(config, &text))
                .or_raise(py)?;
            Ok(NativeWard {
                inner: WardCell::new(ward),
                store: StoreSlot::memory(),
            })
        })
    }

    /// Executes the command `name` of `capability` with these arguments.
    #[pyo3(signature = (capability, name, args, actor=None, at=None, key=None))]
    #[allow(clippy::too_many_arguments)]
    fn execute<'py>(
        &self,
        py: Python<'py>,
        capability: &str,
        name: &str,
        args: &Bound<'py, PyAny>,
        actor: Option<&Bound<'py, PyAny>>,
        at: Option<&Bound<'py, PyAny>>,
        key: Option<&Bound<'py, PyAny>>,
    ) -> PyResult<Bound<'py, PyAny>> {
        guard(py, || {
            let tables = table_args(args)?;
            let tables: Vec<&str> = tables.iter().map(String::as_str).collect();
            let command = catalog(py)?
                .command_with_tables(capability, name, json(py, Some(args))?, &tables)
                .or_raise(py)?;
            self.run(py, command, actor, at, key)
        })
    }

    /// Executes any command in its JSON form (`{"tasks": {"type": "file", …}}`).
    #[pyo3(signature = (command, actor=None, at=None, key=None))]
    fn execute_command<'py>(
        &self,
        py: Python<'py>,
        command: &Bound<'py, PyAny>,
        actor: Option<&Bound<'py, PyAny>>,
        at: Option<&Bound<'py, PyAny>>,
        key: Option<&Bound<'py, PyAny>>,
    ) -> PyResult<Bound<'py, PyAny>> {
        guard(py, || {
            let command = catalog(py)?
                .any_command(json(py, Some(command))?)
                .or_raise(py)?;
            self.run(py, command, actor, at, key)
        })
    }

    /// Executes a batch of commands, each `{"command": …, "actor": …, "at": …, "key":
    /// …}`: each decided in turn against the state the ones before it left, the
    /// accepted ones recorded in one journal entry. Gives one outcome per command, in
    /// order: its receipt, or the error that refused it (not raised; it left no trace).
    fn execute_batch<'py>(
        &self,
        py: Python<'py>,
        commands: &Bound<'py, PyAny>,
    ) -> PyResult<Bound<'py, PyList>> {
        guard(py, || {
            let cat = catalog(py)?;
            let now = now();
            let mut items = Vec::new();
            let not_a_list = |found: &'static str| {
                raise(
                    py,
                    Error::Input(InputError::new(
                        "commands",
                        Problem::WrongType {
                            expected: "a list of commands",
                            found,
                        },
                    )),
                )
            };
            let found = if commands.is_none() {
                Some("None")
            } else if commands.is_instance_of::<PyString>() || commands.is_instance_of::<PyBytes>()
            {
                Some("a string")
            } else if commands.is_instance_of::<PyDict>() {
                Some("a dict")
            } else {
                None
            };
            if let Some(found) = found {
                return Err(not_a_list(found));
            }
            let given = commands
                .try_iter()
                .map_err(|_| not_a_list("a value that is not iterable"))?;
            for (index, item) in given.enumerate() {
                let item = match to_value(&item?) {
                    Ok(value) => cat.batch_item(index, value, now),
                    Err(Failure::Input(e)) => Err(match e {
                        Error::Input(i) => Error::Input(i.under(&format!("commands[{index}]"))),
                        other => other,
                    }),
                    Err(Failure::Python(e)) => return Err(e),
                };
                items.push(item);
            }
            // A panic part-way would leave commands applied whose entry is not yet
            // written (to the journal, or to the store's file): `with_batch` rebuilds the
            // ward from its journal after any panic.
            let outcomes = self
                .inner
                .with_batch(py, |w| {
                    Ok(py.allow_threads(|| self.store.execute_batch(w, items)))
                })?
                .map_err(|e| raise_store(py, e))?;
            let out = PyList::empty(py);
            for outcome in outcomes {
                match outcome {
                    Ok(receipt) => out.append(receipt_dict(py, &receipt)?)?,
                    Err(e) => out.append(raise(py, e).value(py))?,
                }
            }
            Ok(out)
        })
    }

    /// The events a command in its JSON form would cause, without recording them.
    #[pyo3(signature = (command, actor=None, at=None, key=None))]
    fn decide<'py>(
        &self,
        py: Python<'py>,
        command: &Bound<'py, PyAny>,
        actor: Option<&Bound<'py, PyAny>>,
        at: Option<&Bound<'py, PyAny>>,
        key: Option<&Bound<'py, PyAny>>,
    ) -> PyResult<Bound<'py, PyAny>> {
        guard(py, || {
            let cat = catalog(py)?;
            let command = cat.any_command(json(py, Some(command))?).or_raise(py)?;
            let ctx = Self::context(py, actor, at, key)?;
            // The key is refused as `execute` would refuse it, though deciding ignores it.
            if let Some(k) = &ctx.idempotency_key {
                check(TextKind::Key, "idempotency key", k)
                    .map_err(Error::from)
                    .or_raise(py)?;
            }
            let events = self
                .with(py, |w| Ok(w.decide(&ctx, command)))?
                .or_raise(py)?;
            let shape = Shape::List(Box::new(cat.event_shape().clone()));
            answer(py, &shape, &encode(py, &events)?)
        })
    }

    /// Asks the query `name` of `capability` with these arguments.
    fn ask<'py>(
        &self,
        py: Python<'py>,
        capability: &str,
        name: &str,
        args: &Bound<'py, PyAny>,
    ) -> PyResult<Bound<'py, PyAny>> {
        guard(py, || {
            let cat = catalog(py)?;
            let args = json(py, Some(args))?;
            let (value, shape) = self
                .with(py, |w| Ok(cat.ask(w, capability, name, args)))?
                .or_raise(py)?;
            answer(py, shape, &value)
        })
    }

    /// The journal's head hash.
    #[getter]
    fn head(&self, py: Python<'_>) -> PyResult<String> {
        self.inner.journal(py, |w| w.head().to_hex())
    }

    /// The number of entries in the journal.
    #[getter]
    fn journal_length(&self, py: Python<'_>) -> PyResult<usize> {
        self.inner.journal(py, |w| w.journal().len())
    }

    /// A digest of the whole state.
    fn state_digest(&self, py: Python<'_>) -> PyResult<String> {
        self.with(py, |w| Ok(w.state_digest().to_hex()))
    }

    /// The configuration.
    fn config<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        guard(py, || {
            let value = self.with(py, |w| encode(py, w.config()))?;
            answer(py, catalog(py)?.config_shape(), &value)
        })
    }

    /// Exists only so that the tests can check the boundary: panics while holding the
    /// ward, after executing `command` (in its JSON form) when one is given, so that the
    /// panic meets a ward whose journal has just grown; with `batch`, panics part-way
    /// through a batch, after applying `command` and before writing its entry. Raises
    /// `InternalError`, and the ward is as it was before the call.
    #[pyo3(signature = (message, command=None, batch=false))]
    fn _panic_for_tests(
        &self,
        py: Python<'_>,
        message: &str,
        command: Option<&Bound<'_, PyAny>>,
        batch: bool,
    ) -> PyResult<()> {
        let command = match command {
            Some(c) => Some(catalog(py)?.any_command(json(py, Some(c))?).or_raise(py)?),
            None => None,
        };
        let ctx = Self::context(py, None, None, None)?;
        if batch {
            // The batch's commands come from an iterator that panics after giving its
            // command: the command is applied, and the entry recording it not yet written.
            return self.inner.with_batch(py, |w| {
                let first = command.map(|c| (ctx, c));
                let then_panic =
                    std::iter::once_with(|| -> (Context, Command) { panic!("{message}") });
                w.execute_batch(first.into_iter().chain(then_panic));
                Ok(())
            });
        }
        self.with(py, |w| {
            if let Some(c) = command {
                w.execute(&ctx, c).or_raise(py)?;
            }
            panic!("{message}")
        })
    }
}

/// Calls the pure function `name` with these arguments.
#[pyfunction]
pub fn call<'py>(
    py: Python<'py>,
    name: &str,
    args: &Bound<'py, PyAny>,
) -> PyResult<Bound<'py, PyAny>> {
    guard(py, || {
        let cat = catalog(py)?;
        let args = json(py, Some(args))?;
        let (value, shape) = py.allow_threads(|| cat.call(name, args)).or_raise(py)?;
        answer(py, shape, &value)
    })
}

/// Exists only so that the tests can check the boundary: panics with `message`, and
/// raises `gridward.InternalError` (code `internal_error`) carrying it.
#[pyfunction]
pub fn _panic_for_tests(py: Python<'_>, message: &str) -> PyResult<()> {
    guard(py, || panic!("{message}"))
}

//! All conversion between Python values and Gridward's: JSON-shaped values (dicts,
//! lists, str, int, bool, None), `decimal.Decimal` amounts and rates, tz-aware
//! `datetime`s, grid codes, the snake_case names of domains, roles, levels, statuses and
//! satisfaction levels, and the dict forms of commands, locations and assignees.
//!
//! Floats are refused everywhere: an area of `72.1` as a float is not 72.1, and Gridward
//! keeps exact decimals. In import rows, pandas' missing markers (NaN, `pd.NA`, `NaT`)
//! and `None` mean "not given".

use std::time::{SystemTime, UNIX_EPOCH};

use chrono::{DateTime, FixedOffset, Utc};
use gridward::grid::{Domain, DomainSet, ImportRow, Level, NodeCode};
use gridward::tasks::{
    Assignee, ImportedRequest, Location, OpenOrClosed, Period, Satisfaction, Status,
};
use gridward::{Actor, Command, Context, Role, WardConfig};
use pyo3::prelude::*;
use pyo3::sync::GILOnceCell;
use pyo3::types::{
    PyBool, PyDate, PyDateTime, PyDict, PyFloat, PyInt, PyList, PyString, PyTuple, PyType,
};
use pyo3::IntoPyObjectExt;
use rust_decimal::Decimal;
use serde_json::{Map, Number, Value};

use crate::error::{invalid, OrRaise};

/// Keys whose values are exact decimals: ints and Decimals go in as decimal strings,
/// and come out as `decimal.Decimal` (areas, and the percentages of case indicators).
const DECIMAL_KEYS: [&str; 8] = [
    "area",
    "closure_rate",
    "on_time_rate",
    "rework_rate",
    "extension_rate",
    "response_rate",
    "satisfaction_rate",
    "whistle_rate",
];
/// Keys whose values are times: their strings come out as tz-aware `datetime` (a count
/// under the same key, such as the indicators' `due`, stays an int).
const TIME_KEYS: [&str; 20] = [
    "at",
    "issued_at",
    "due",
    "filed_at",
    "dispatched_at",
    "response_due",
    "resolution_due",
    "responded_at",
    "handled_at",
    "closed_at",
    "updated_at",
    "correction_due",
    "called_at",
    "reported_at",
    "response",
    "resolution",
    "park",
    "requested_datetime",
    "updated_datetime",
    "expected_datetime",
];

static DECIMAL: GILOnceCell<Py<PyType>> = GILOnceCell::new();

/// Python's `decimal.Decimal`, imported once.
pub fn decimal_class(py: Python<'_>) -> PyResult<&Bound<'_, PyType>> {
    DECIMAL.import(py, "decimal", "Decimal")
}

/// What a missing marker means where it is met.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Missing {
    /// Outside import rows: `None` is JSON null; NaN is a float and refused.
    Keep,
    /// In import rows: `None`, NaN, `pd.NA` and `NaT` drop their key.
    Drop,
}

fn is_missing(obj: &Bound<'_, PyAny>) -> PyResult<bool> {
    if obj.is_none() {
        return Ok(true);
    }
    if let Ok(f) = obj.downcast::<PyFloat>() {
        return Ok(f.value().is_nan());
    }
    let name = obj.get_type().name()?;
    Ok(matches!(name.to_cow()?.as_ref(), "NAType" | "NaTType"))
}

fn float_refused(value: f64) -> PyErr {
    invalid(
        "float_not_allowed",
        format!(
            "the float {value} is refused: Gridward keeps exact decimals, so give amounts as \
             decimal.Decimal, int or str"
        ),
    )
}

/// Converts a Python value to JSON, refusing floats and naive datetimes.
pub fn to_value(obj: &Bound<'_, PyAny>, missing: Missing) -> PyResult<Value> {
    if obj.is_none() {
        return Ok(Value::Null);
    }
    if let Ok(b) = obj.downcast::<PyBool>() {
        return Ok(Value::Bool(b.is_true()));
    }
    if let Ok(s) = obj.downcast::<PyString>() {
        return Ok(Value::String(s.to_cow()?.into_owned()));
    }
    if obj.is_instance_of::<PyInt>() {
        if let Ok(n) = obj.extract::<i64>() {
            return Ok(Value::Number(n.into()));
        }
        if let Ok(n) = obj.extract::<u64>() {
            return Ok(Value::Number(n.into()));
        }
        return Err(invalid(
            "int_too_large",
            format!("the integer {obj} is too large"),
        ));
    }
    if let Ok(f) = obj.downcast::<PyFloat>() {
        return Err(float_refused(f.value()));
    }
    if obj.is_instance(decimal_class(obj.py())?)? {
        return Ok(Value::String(amount(obj)?.to_string()));
    }
    if obj.downcast::<PyDateTime>().is_ok() {
        let at = datetime(obj)?;
        return serde_json::to_value(at).map_err(|e| invalid("invalid_datetime", e.to_string()));
    }
    // A plain date (the fund's days) goes as `YYYY-MM-DD`, which `isoformat` gives.
    if obj.downcast::<PyDate>().is_ok() {
        return Ok(Value::String(obj.call_method0("isoformat")?.extract()?));
    }
    if let Ok(d) = obj.downcast::<PyDict>() {
        let mut out = Map::new();
        for (k, v) in d.iter() {
            let key = k
                .downcast::<PyString>()
                .map_err(|_| invalid("invalid_key", format!("dict keys must be str, not {k:?}")))?
                .to_cow()?
                .into_owned();
            if missing == Missing::Drop && is_missing(&v)? {
                continue;
            }
            let value = if DECIMAL_KEYS.contains(&key.as_str()) && v.is_instance_of::<PyInt>() {
                Value::String(amount(&v)?.to_string())
            } else {
                to_value(&v, missing)?
            };
            out.insert(key, value);
        }
        return Ok(Value::Object(out));
    }
    if obj.is_instance_of::<PyList>() || obj.is_instance_of::<PyTuple>() {
        return obj
            .try_iter()?
            .map(|item| to_value(&item?, missing))
            .collect::<PyResult<Vec<Value>>>()
            .map(Value::Array);
    }
    // numpy scalars (int64, bool_) from a DataFrame: their `.item()` is the Python value.
    if obj.hasattr("dtype")? && obj.hasattr("item")? {
        return to_value(&obj.call_method0("item")?, missing);
    }
    Err(invalid(
        "unsupported_type",
        format!(
            "cannot use a value of type {} here",
            obj.get_type().name()?.to_cow()?
        ),
    ))
}

/// Converts JSON to Python: dicts, lists, str, int, float (rates), bool, None; values
/// under amount keys become `decimal.Decimal` and under time keys `datetime`.
pub fn to_py<'py>(py: Python<'py>, value: &Value) -> PyResult<Bound<'py, PyAny>> {
    to_py_keyed(py, value, None)
}

fn to_py_keyed<'py>(
    py: Python<'py>,
    value: &Value,
    key: Option<&str>,
) -> PyResult<Bound<'py, PyAny>> {
    match value {
        Value::Null => Ok(py.None().into_bound(py)),
        Value::Bool(b) => b.into_bound_py_any(py),
        Value::Number(n) => number_to_py(py, n),
        Value::String(s) => match key {
            Some(k) if DECIMAL_KEYS.contains(&k) => decimal_class(py)?.call1((s.as_str(),)),
            Some(k) if TIME_KEYS.contains(&k) => {
                let at = DateTime::parse_from_rfc3339(s)
                    .map_err(|e| invalid("invalid_datetime", e.to_string()))?;
                at.into_bound_py_any(py)
            }
            _ => s.into_bound_py_any(py),
        },
        Value::Array(items) => {
            let list = PyList::empty(py);
            for item in items {
                list.append(to_py_keyed(py, item, key)?)?;
            }
            Ok(list.into_any())
        }
        Value::Object(map) => {
            let dict = PyDict::new(py);
            for (k, v) in map {
                dict.set_item(k, to_py_keyed(py, v, Some(k))?)?;
            }
            Ok(dict.into_any())
        }
    }
}

fn number_to_py<'py>(py: Python<'py>, n: &Number) -> PyResult<Bound<'py, PyAny>> {
    if let Some(i) = n.as_i64() {
        i.into_bound_py_any(py)
    } else if let Some(u) = n.as_u64() {
        u.into_bound_py_any(py)
    } else {
        n.as_f64().unwrap_or(f64::NAN).into_bound_py_any(py)
    }
}

/// Serialises a core value to JSON and on to Python.
pub fn serde_to_py<'py, T: serde::Serialize>(
    py: Python<'py>,
    value: &T,
) -> PyResult<Bound<'py, PyAny>> {
    let json = serde_json::to_value(value).map_err(|e| invalid("encode", e.to_string()))?;
    to_py(py, &json)
}

/// An exact amount from `decimal.Decimal`, int or str; floats and non-finite
/// Decimals are refused.
pub fn amount(obj: &Bound<'_, PyAny>) -> PyResult<Decimal> {
    if obj.is_instance_of::<PyBool>() {
        return Err(invalid("invalid_decimal", "a bool is not an amount"));
    }
    if let Ok(f) = obj.downcast::<PyFloat>() {
        return Err(float_refused(f.value()));
    }
    let text = if obj.is_instance_of::<PyInt>() || obj.is_instance(decimal_class(obj.py())?)? {
        obj.str()?.to_cow()?.into_owned()
    } else if let Ok(s) = obj.downcast::<PyString>() {
        s.to_cow()?.trim().to_owned()
    } else {
        return Err(invalid(
            "invalid_decimal",
            format!(
                "an amount must be decimal.Decimal, int or str, not {}",
                obj.get_type().name()?.to_cow()?
            ),
        ));
    };
    text.parse::<Decimal>()
        .or_else(|_| Decimal::from_scientific(&text))
        .map_err(|_| {
            invalid(
                "invalid_decimal",
                format!("{text:?} is not a finite decimal amount"),
            )
        })
}

/// A tz-aware `datetime`; a naive one is refused, since its zone would be a guess.
pub fn datetime(obj: &Bound<'_, PyAny>) -> PyResult<DateTime<FixedOffset>> {
    if obj.downcast::<PyDateTime>().is_err() {
        return Err(invalid(
            "invalid_datetime",
            format!(
                "expected a tz-aware datetime, not {}",
                obj.get_type().name()?.to_cow()?
            ),
        ));
    }
    if obj.call_method0("utcoffset")?.is_none() {
        return Err(invalid(
            "naive_datetime",
            format!("the datetime {obj} has no time zone: pass a tz-aware datetime"),
        ));
    }
    // isoformat() is RFC 3339 for aware datetimes (whatever their tzinfo class is).
    let text: String = obj.call_method0("isoformat")?.extract()?;
    DateTime::parse_from_rfc3339(&text)
        .map_err(|e| invalid("invalid_datetime", format!("{text}: {e}")))
}

/// The current time, UTC, to the microsecond.
pub fn now() -> DateTime<FixedOffset> {
    let micros = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| i64::try_from(d.as_micros()).unwrap_or(i64::MAX));
    DateTime::<Utc>::from_timestamp_micros(micros)
        .unwrap_or_default()
        .fixed_offset()
}

/// The context of a command: the acting person (`None` for the platform), when, and an
/// optional idempotency key.
pub fn context(
    actor: Option<String>,
    at: Option<&Bound<'_, PyAny>>,
    key: Option<String>,
) -> PyResult<Context> {
    let actor = actor.map_or(Actor::System, Actor::Person);
    let at = match at {
        Some(at) if !at.is_none() => datetime(at)?,
        _ => now(),
    };
    Ok(Context {
        actor,
        at,
        idempotency_key: key,
    })
}

/// A grid code of any level.
pub fn code(text: &str) -> PyResult<NodeCode> {
    NodeCode::parse(text).or_raise()
}

/// A set of domains by snake_case name.
pub fn domains(names: &[String]) -> PyResult<DomainSet> {
    names.iter().map(|n| domain(n)).collect()
}

/// A domain by snake_case name.
pub fn domain(name: &str) -> PyResult<Domain> {
    Domain::parse(name).ok_or_else(|| {
        let all: Vec<&str> = Domain::ALL.iter().map(|d| d.as_str()).collect();
        invalid(
            "invalid_domain",
            format!("unknown domain {name:?}; domains are {}", all.join(", ")),
        )
    })
}

/// A role by snake_case name.
pub fn role(name: &str) -> PyResult<Role> {
    Role::parse(name).ok_or_else(|| {
        let all: Vec<&str> = Role::ALL.iter().map(|r| r.as_str()).collect();
        invalid(
            "invalid_role",
            format!("unknown role {name:?}; roles are {}", all.join(", ")),
        )
    })
}

/// A level by snake_case name.
pub fn level(name: &str) -> PyResult<Level> {
    Level::parse(name).ok_or_else(|| {
        invalid(
            "invalid_level",
            format!(
                "unknown level {name:?}; levels are district, street, community, grid, micro_grid"
            ),
        )
    })
}

/// A ward configuration from its dict form (`None` for the default). The dict may give
/// only what differs from the default (`{"grid": {"coverage": {"band": [30, 100]}}}`).
pub fn config(obj: Option<&Bound<'_, PyAny>>) -> PyResult<WardConfig> {
    let Some(obj) = obj.filter(|o| !o.is_none()) else {
        return Ok(WardConfig::default());
    };
    let bad = |e: serde_json::Error| invalid("invalid_config", format!("bad ward config: {e}"));
    // The core's GridConfig has no serde default of its own, so a partial section is
    // laid over the default's JSON form before it is read.
    let mut full = serde_json::to_value(WardConfig::default()).map_err(bad)?;
    overlay(&mut full, to_value(obj, Missing::Keep)?);
    serde_json::from_value(full).map_err(bad)
}

/// Lays `patch` over `base`, object by object; anything else replaces.
fn overlay(base: &mut Value, patch: Value) {
    match (base, patch) {
        (Value::Object(base), Value::Object(patch)) => {
            for (k, v) in patch {
                match base.get_mut(&k) {
                    Some(slot) => overlay(slot, v),
                    None => {
                        base.insert(k, v);
                    }
                }
            }
        }
        (slot, patch) => *slot = patch,
    }
}

/// Any command: a plain grid command (`{"type": "add_unit", ...}`, as before the tasks
/// capability) or the `Command` form `{"grid": {...}}` / `{"tasks": {...}}`. The flag
/// says whether it came plain.
pub fn any_command(obj: &Bound<'_, PyAny>) -> PyResult<(Command, bool)> {
    let value = to_value(obj, Missing::Keep)?;
    if value.get("type").is_some() {
        let grid = serde_json::from_value(value)
            .map_err(|e| invalid("invalid_command", format!("bad grid command: {e}")))?;
        return Ok((Command::Grid(grid), true));
    }
    let command = serde_json::from_value(value).map_err(|e| {
        invalid(
            "invalid_command",
            format!(
                "bad command: {e}; give a grid command ({{\"type\": ...}}) or a command \
                 by capability: {{\"grid\" | \"tasks\" | \"fund\" | \"assembly\": {{...}}}}"
            ),
        )
    })?;
    Ok((command, false))
}

/// Rows of a list of dicts or of anything with pandas' `to_dict("records")`, each read
/// as JSON with missing markers dropped and then as `T`; `what` names them in errors.
fn records<T: serde::de::DeserializeOwned>(obj: &Bound<'_, PyAny>, what: &str) -> PyResult<Vec<T>> {
    let records = if obj.hasattr("to_dict")? && !obj.is_instance_of::<PyDict>() {
        obj.call_method1("to_dict", ("records",))?
    } else {
        obj.clone()
    };
    let mut rows = Vec::new();
    for (i, item) in records.try_iter()?.enumerate() {
        let value = to_value(&item?, Missing::Drop)?;
        let row = serde_json::from_value(value)
            .map_err(|e| invalid("invalid_row", format!("{what} {i}: {e}")))?;
        rows.push(row);
    }
    Ok(rows)
}

/// Import rows from a list of dicts or anything with pandas' `to_dict("records")`.
pub fn import_rows(obj: &Bound<'_, PyAny>) -> PyResult<Vec<ImportRow>> {
    records(obj, "import row")
}

/// Requests to import (`ImportedRequest` dicts: `id`, `category`, `location`,
/// `filed_at`, `status` "open"/"closed", ...) from a list or a DataFrame.
pub fn imported_requests(obj: &Bound<'_, PyAny>) -> PyResult<Vec<ImportedRequest>> {
    records(obj, "imported request")
}

/// A location: `{"household": id}` or `{"unit": code}`.
pub fn location(obj: &Bound<'_, PyAny>) -> PyResult<Location> {
    serde_json::from_value(to_value(obj, Missing::Keep)?).map_err(|e| {
        invalid(
            "invalid_location",
            format!("bad location ({e}): give {{\"household\": id}} or {{\"unit\": code}}"),
        )
    })
}

/// Whom to dispatch to: `{"person": id}`, `{"department": id}` or `{"pool": code}`;
/// None routes by the rules.
pub fn assignee(obj: Option<&Bound<'_, PyAny>>) -> PyResult<Option<Assignee>> {
    let Some(obj) = obj.filter(|o| !o.is_none()) else {
        return Ok(None);
    };
    serde_json::from_value(to_value(obj, Missing::Keep)?)
        .map(Some)
        .map_err(|e| {
            invalid(
                "invalid_assignee",
                format!(
                    "bad assignee ({e}): give {{\"person\": id}}, {{\"department\": id}} or \
                     {{\"pool\": code}}"
                ),
            )
        })
}

/// A satisfaction level by snake_case name.
pub fn satisfaction(name: &str) -> PyResult<Satisfaction> {
    Satisfaction::parse(name).ok_or_else(|| {
        let all: Vec<&str> = Satisfaction::ALL.iter().map(|s| s.as_str()).collect();
        invalid(
            "invalid_satisfaction",
            format!(
                "unknown satisfaction level {name:?}; levels are {}",
                all.join(", ")
            ),
        )
    })
}

/// An Open311 status: "open" or "closed".
pub fn open_or_closed(name: &str) -> PyResult<OpenOrClosed> {
    match name {
        "open" => Ok(OpenOrClosed::Open),
        "closed" => Ok(OpenOrClosed::Closed),
        _ => Err(invalid(
            "invalid_status",
            format!("unknown Open311 status {name:?}; it is \"open\" or \"closed\""),
        )),
    }
}

/// A request status by snake_case name.
pub fn status(name: &str) -> PyResult<Status> {
    Status::parse(name).ok_or_else(|| {
        let all: Vec<&str> = Status::ALL.iter().map(|s| s.as_str()).collect();
        invalid(
            "invalid_status",
            format!("unknown status {name:?}; statuses are {}", all.join(", ")),
        )
    })
}

/// A period from `start` (inclusive) to `end` (exclusive), both tz-aware datetimes.
pub fn period(start: &Bound<'_, PyAny>, end: &Bound<'_, PyAny>) -> PyResult<Period> {
    let (from, to) = (datetime(start)?, datetime(end)?);
    if to < from {
        return Err(invalid(
            "invalid_period",
            format!("the period ends ({to}) before it starts ({from})"),
        ));
    }
    Ok(Period { from, to })
}

//! Conversion for the scoring, points and rating capabilities: whole counts (points,
//! minutes, stock) that refuse floats, bools and negatives with an `InvalidInputError`,
//! activities by name, service start times (tz-aware `datetime` or RFC 3339 text), star
//! profiles, and the way back — hours, scores and rates as `Decimal`, days as
//! `datetime.date`, start times as `datetime`.
//!
//! Days in (`on`, `valid_from`, …) are read by `fund_convert::day` (`date` or
//! `"YYYY-MM-DD"`).

use chrono::{DateTime, FixedOffset, NaiveDate};
use gridward::scoring::{Activity, StarProfile};
use gridward::Error;
use pyo3::prelude::*;
use pyo3::types::{PyBool, PyDict, PyInt, PyList, PyString};
use pyo3::IntoPyObjectExt;
use serde_json::Value;

use crate::convert::{self, to_value, Missing};
use crate::error::{core, invalid};

/// Keys whose string values are exact decimals (hours, scores, rates, thresholds).
const DECIMAL_KEYS: [&str; 7] = [
    "hours",
    "score",
    "closure_rate",
    "on_time_rate",
    "satisfaction_rate",
    "thresholds",
    "per_hour",
];
/// Keys whose string values are days (`YYYY-MM-DD` → `date`).
const DAY_KEYS: [&str; 7] = [
    "on",
    "since",
    "earned_on",
    "expires_on",
    "valid_from",
    "valid_until",
    "reversed_on",
];
/// Keys whose string values are times (RFC 3339 → tz-aware `datetime`).
const TIME_KEYS: [&str; 1] = ["started_at"];

/// A scoring or points result's JSON as Python: decimals as `Decimal`, days as `date`,
/// start times as `datetime`; everything else as `convert::to_py` gives it.
pub fn to_py<'py>(py: Python<'py>, value: &Value) -> PyResult<Bound<'py, PyAny>> {
    keyed(py, value, None, &[])
}

/// Like [`to_py`], with more keys read as decimals (the rating tree's points).
pub fn to_py_with<'py>(
    py: Python<'py>,
    value: &Value,
    decimals: &[&str],
) -> PyResult<Bound<'py, PyAny>> {
    keyed(py, value, None, decimals)
}

/// Serialises a core value to JSON and on to Python with [`to_py`].
pub fn serde_to_py<'py, T: serde::Serialize>(
    py: Python<'py>,
    value: &T,
) -> PyResult<Bound<'py, PyAny>> {
    to_py(py, &json(value)?)
}

/// A core value's JSON form.
pub fn json<T: serde::Serialize>(value: &T) -> PyResult<Value> {
    serde_json::to_value(value).map_err(|e| invalid("encode", e.to_string()))
}

fn keyed<'py>(
    py: Python<'py>,
    value: &Value,
    key: Option<&str>,
    extra: &[&str],
) -> PyResult<Bound<'py, PyAny>> {
    let is = |keys: &[&str]| key.is_some_and(|k| keys.contains(&k));
    match value {
        Value::String(s) if is(&DECIMAL_KEYS) || is(extra) => {
            convert::decimal_class(py)?.call1((s.as_str(),))
        }
        Value::String(s) if is(&DAY_KEYS) => match NaiveDate::parse_from_str(s, "%Y-%m-%d") {
            Ok(day) => day.into_bound_py_any(py),
            Err(_) => s.into_bound_py_any(py),
        },
        Value::String(s) if is(&TIME_KEYS) => {
            let at = DateTime::parse_from_rfc3339(s)
                .map_err(|e| invalid("invalid_datetime", e.to_string()))?;
            at.into_bound_py_any(py)
        }
        Value::Array(items) => {
            let list = PyList::empty(py);
            for item in items {
                list.append(keyed(py, item, key, extra)?)?;
            }
            Ok(list.into_any())
        }
        Value::Object(map) => {
            let dict = PyDict::new(py);
            for (k, v) in map {
                dict.set_item(k, keyed(py, v, Some(k), extra)?)?;
            }
            Ok(dict.into_any())
        }
        other => convert::to_py(py, other),
    }
}

/// A whole, non-negative count (points, minutes, pieces) that fits `T`: a Python int
/// (or a numpy integer); floats, bools, Decimals and negatives are refused. `what`
/// names it in the error.
pub fn count<T: TryFrom<u64>>(obj: &Bound<'_, PyAny>, what: &str) -> PyResult<T> {
    let bad = |why: String| invalid("invalid_integer", format!("{what}: {why}"));
    let obj = if !obj.is_instance_of::<PyInt>() && obj.hasattr("dtype")? && obj.hasattr("item")? {
        obj.call_method0("item")?
    } else {
        obj.clone()
    };
    if obj.is_instance_of::<PyBool>() || !obj.is_instance_of::<PyInt>() {
        return Err(bad(format!(
            "give a whole number (int), not {}",
            obj.get_type().name()?.to_cow()?
        )));
    }
    let n: u64 = obj
        .extract()
        .map_err(|_| bad(format!("{obj} is negative or too large")))?;
    T::try_from(n).map_err(|_| bad(format!("{n} is too large")))
}

/// An optional count (None = not given).
pub fn opt_count<T: TryFrom<u64>>(
    obj: Option<&Bound<'_, PyAny>>,
    what: &str,
) -> PyResult<Option<T>> {
    obj.filter(|o| !o.is_none())
        .map(|o| count(o, what))
        .transpose()
}

/// A moment: a tz-aware `datetime` or RFC 3339 text with its zone.
pub fn moment(obj: &Bound<'_, PyAny>) -> PyResult<DateTime<FixedOffset>> {
    if let Ok(s) = obj.downcast::<PyString>() {
        let text = s.to_cow()?;
        return DateTime::parse_from_rfc3339(text.trim()).map_err(|e| {
            invalid(
                "invalid_datetime",
                format!("{text:?} is not an RFC 3339 time with a zone: {e}"),
            )
        });
    }
    convert::datetime(obj)
}

/// An activity by snake_case name.
pub fn activity(name: &str) -> PyResult<Activity> {
    Activity::parse(name).ok_or_else(|| {
        let all: Vec<&str> = Activity::ALL.iter().map(|a| a.as_str()).collect();
        invalid(
            "invalid_activity",
            format!(
                "unknown activity {name:?}; activities are {}",
                all.join(", ")
            ),
        )
    })
}

/// A star profile from `{"name", "thresholds": [hours, ...], "progression": {"rule":
/// "direct"} | {"rule": "stepwise", "min_days_held": n}}`; thresholds are `Decimal`,
/// int or str. It is checked (`bad_star_profile`).
pub fn star_profile(obj: &Bound<'_, PyAny>) -> PyResult<StarProfile> {
    let mut value = to_value(obj, Missing::Keep)?;
    if let Some(Value::Array(items)) = value.get_mut("thresholds") {
        for item in items.iter_mut() {
            if let Value::Number(n) = item {
                *item = Value::String(n.to_string());
            }
        }
    }
    let profile: StarProfile = serde_json::from_value(value).map_err(|e| {
        invalid(
            "invalid_profile",
            format!("bad star profile ({e}): give {{\"name\", \"thresholds\": [hours, ...]}}"),
        )
    })?;
    profile.validate().map_err(|e| core(Error::from(e)))?;
    Ok(profile)
}

/// Star thresholds (hours for levels 1, 2, …) as an unnamed direct profile, checked.
pub fn thresholds(obj: &Bound<'_, PyAny>) -> PyResult<StarProfile> {
    let thresholds = obj
        .try_iter()?
        .map(|item| convert::amount(&item?))
        .collect::<PyResult<Vec<_>>>()?;
    let profile = StarProfile {
        name: "custom".to_owned(),
        thresholds,
        progression: gridward::scoring::Progression::Direct,
    };
    profile.validate().map_err(|e| core(Error::from(e)))?;
    Ok(profile)
}

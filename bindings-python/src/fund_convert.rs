//! Conversion for the fund and assembly capabilities: `datetime.date` and
//! `"YYYY-MM-DD"` days, `decimal.Decimal` amounts (exact to the fen), the dict shapes of
//! fees, bases, sharing keys, subjects, vouchers, budget lines and transactions, and the
//! way back — fund figures as `Decimal`, days as `datetime.date`.
//!
//! The grid's conversion (`convert.rs`) reads decimals by key everywhere; fund results
//! carry amounts under many more keys (and `due` is an amount here, a time there), so
//! they are read back with their own key sets.

use chrono::NaiveDate;
use gridward::fund::FundError;
use gridward::money::{Amount, Rounding};
use pyo3::prelude::*;
use pyo3::types::{PyDate, PyDateTime, PyDict, PyList, PyString, PyTuple};
use pyo3::IntoPyObjectExt;
use rust_decimal::Decimal;
use serde::de::DeserializeOwned;
use serde_json::Value;

use crate::convert::{self, to_value, Missing};
use crate::error::{core, invalid};

/// Keys whose string values are exact decimals (amounts, rates, areas, residues).
const DECIMAL_KEYS: [&str; 41] = [
    "amount",
    "balance",
    "billed",
    "exact",
    "residue",
    "rate",
    "percent",
    "debits",
    "credits",
    "budgeted",
    "spent",
    "spent_to_date",
    "remaining",
    "pending",
    "opening_bank",
    "closing_bank",
    "rounding_residue",
    "arrears_opening",
    "due",
    "collected",
    "collection_rate",
    "arrears_closing",
    "remuneration",
    "remuneration_owed",
    "dividends",
    "surplus",
    "fees_collected",
    "common_income",
    "service_costs",
    "manager",
    "owners",
    "total_area",
    "voted_area",
    "yes_area",
    "no_area",
    "approval_threshold",
    "per_m2",
    "total",
    "area",
    "parts",
    "weight",
];
/// Keys whose values map names (budget lines) to amounts.
const DECIMAL_MAP_KEYS: [&str; 2] = ["spent", "pending"];
/// Keys whose values are lists of `[id, decimal]` pairs, read as tuples.
const PAIR_KEYS: [&str; 2] = ["shares", "weights"];
/// Keys whose values are days (`YYYY-MM-DD` → `date`) or times (RFC 3339 → `datetime`).
const DAY_KEYS: [&str; 8] = [
    "date",
    "from",
    "to",
    "opened",
    "requested",
    "posted",
    "closes",
    "at",
];
/// Keys whose values map ids to plain strings (votes by owner): kept as they are.
const VERBATIM_KEYS: [&str; 1] = ["votes"];

/// A fund result's JSON as Python: amounts and rates as `Decimal`, days as `date`,
/// times as tz-aware `datetime`, `[id, amount]` pairs as tuples.
pub fn to_py<'py>(py: Python<'py>, value: &Value) -> PyResult<Bound<'py, PyAny>> {
    keyed(py, value, None)
}

/// Serialises a core value to JSON and on to Python with [`to_py`].
pub fn serde_to_py<'py, T: serde::Serialize>(
    py: Python<'py>,
    value: &T,
) -> PyResult<Bound<'py, PyAny>> {
    let json = serde_json::to_value(value).map_err(|e| invalid("encode", e.to_string()))?;
    to_py(py, &json)
}

fn keyed<'py>(py: Python<'py>, value: &Value, key: Option<&str>) -> PyResult<Bound<'py, PyAny>> {
    let is = |keys: &[&str]| key.is_some_and(|k| keys.contains(&k));
    match value {
        Value::String(s) if is(&DECIMAL_KEYS) => decimal_to_py(py, s),
        Value::String(s) if is(&DAY_KEYS) => day_to_py(py, s),
        Value::Array(items) if is(&PAIR_KEYS) => {
            let list = PyList::empty(py);
            for item in items {
                let pair = match item {
                    Value::Array(p) if p.len() == 2 => p,
                    other => return Err(invalid("encode", format!("not a pair: {other}"))),
                };
                let first = convert::to_py(py, &pair[0])?;
                let second = keyed(py, &pair[1], Some("weight"))?;
                list.append(PyTuple::new(py, [first, second])?)?;
            }
            Ok(list.into_any())
        }
        Value::Array(items) => {
            let list = PyList::empty(py);
            for item in items {
                list.append(keyed(py, item, key)?)?;
            }
            Ok(list.into_any())
        }
        Value::Object(map) if is(&DECIMAL_MAP_KEYS) || is(&VERBATIM_KEYS) => {
            let dict = PyDict::new(py);
            for (k, v) in map {
                let v = if is(&VERBATIM_KEYS) {
                    convert::to_py(py, v)?
                } else {
                    keyed(py, v, key)?
                };
                dict.set_item(k, v)?;
            }
            Ok(dict.into_any())
        }
        Value::Object(map) => {
            let dict = PyDict::new(py);
            for (k, v) in map {
                dict.set_item(k, keyed(py, v, Some(k))?)?;
            }
            Ok(dict.into_any())
        }
        other => convert::to_py(py, other),
    }
}

fn decimal_to_py<'py>(py: Python<'py>, text: &str) -> PyResult<Bound<'py, PyAny>> {
    convert::decimal_class(py)?.call1((text,))
}

fn day_to_py<'py>(py: Python<'py>, text: &str) -> PyResult<Bound<'py, PyAny>> {
    if let Ok(day) = NaiveDate::parse_from_str(text, "%Y-%m-%d") {
        return day.into_bound_py_any(py);
    }
    match chrono::DateTime::parse_from_rfc3339(text) {
        Ok(at) => at.into_bound_py_any(py),
        Err(_) => text.into_bound_py_any(py),
    }
}

/// A day: a `datetime.date` or `"YYYY-MM-DD"`. A `datetime` is refused: which day it
/// falls on depends on a zone.
pub fn day(obj: &Bound<'_, PyAny>) -> PyResult<NaiveDate> {
    if obj.downcast::<PyDateTime>().is_ok() {
        return Err(invalid(
            "invalid_date",
            format!("expected a date, not the datetime {obj}: pass its .date() in the zone meant"),
        ));
    }
    if obj.downcast::<PyDate>().is_ok() {
        let text: String = obj.call_method0("isoformat")?.extract()?;
        return parse_day(&text);
    }
    if let Ok(s) = obj.downcast::<PyString>() {
        return parse_day(s.to_cow()?.trim());
    }
    Err(invalid(
        "invalid_date",
        format!(
            "expected a datetime.date or \"YYYY-MM-DD\", not {}",
            obj.get_type().name()?.to_cow()?
        ),
    ))
}

fn parse_day(text: &str) -> PyResult<NaiveDate> {
    NaiveDate::parse_from_str(text, "%Y-%m-%d")
        .map_err(|_| invalid("invalid_date", format!("{text:?} is not a date YYYY-MM-DD")))
}

/// An optional day (None = not given).
pub fn opt_day(obj: Option<&Bound<'_, PyAny>>) -> PyResult<Option<NaiveDate>> {
    obj.filter(|o| !o.is_none()).map(day).transpose()
}

/// An exact decimal (a rate, a weight, an area) from `Decimal`, int or str.
pub fn decimal(obj: &Bound<'_, PyAny>) -> PyResult<Decimal> {
    convert::amount(obj)
}

/// An amount of money, exact to the fen, from `Decimal`, int or str; `72.505` is
/// refused with the core's `bad_amount`.
pub fn amount(obj: &Bound<'_, PyAny>) -> PyResult<Amount> {
    Amount::new(decimal(obj)?).map_err(|e| core(FundError::Money(e).into()))
}

/// An optional amount (None = not given).
pub fn opt_amount(obj: Option<&Bound<'_, PyAny>>) -> PyResult<Option<Amount>> {
    obj.filter(|o| !o.is_none()).map(amount).transpose()
}

/// Decimals from a sequence of `Decimal`, int or str.
pub fn decimals(obj: &Bound<'_, PyAny>) -> PyResult<Vec<Decimal>> {
    obj.try_iter()?.map(|item| decimal(&item?)).collect()
}

/// A snake_case name read as the core's enum (`"half_up"`, `"yes"`, `"parking"`);
/// `what` and `all` name it in the error.
pub fn named<T: DeserializeOwned>(name: &str, code: &str, what: &str, all: &str) -> PyResult<T> {
    serde_json::from_value(Value::String(name.to_owned()))
        .map_err(|_| invalid(code, format!("unknown {what} {name:?}; it is one of {all}")))
}

/// A rounding by name: "half_up", "half_even", "down" or "up".
pub fn rounding(name: &str) -> PyResult<Rounding> {
    named(
        name,
        "invalid_rounding",
        "rounding",
        "half_up, half_even, down, up",
    )
}

/// A dict shape (a fee, a basis, a voucher, lines, transactions) read as the core's
/// type: ints and `Decimal`s become decimal text, dates `YYYY-MM-DD`, floats are
/// refused; `hint` says what shape was expected.
pub fn shaped<T: DeserializeOwned>(obj: &Bound<'_, PyAny>, code: &str, hint: &str) -> PyResult<T> {
    let value = numbers_to_text(to_value(obj, Missing::Keep)?);
    serde_json::from_value(value).map_err(|e| invalid(code, format!("bad {hint} ({e})")))
}

/// A value that holds counts as well as decimals (a published statement) read as the
/// core's type: ints stay numbers, `Decimal`s and dates become text.
pub fn counted<T: DeserializeOwned>(obj: &Bound<'_, PyAny>, code: &str, hint: &str) -> PyResult<T> {
    serde_json::from_value(to_value(obj, Missing::Keep)?)
        .map_err(|e| invalid(code, format!("bad {hint} ({e})")))
}

/// The fund's shapes hold no counts: every number in them is a decimal, which the core
/// reads from text.
fn numbers_to_text(value: Value) -> Value {
    match value {
        Value::Number(n) => Value::String(n.to_string()),
        Value::Array(items) => Value::Array(items.into_iter().map(numbers_to_text).collect()),
        Value::Object(map) => Value::Object(
            map.into_iter()
                .map(|(k, v)| (k, numbers_to_text(v)))
                .collect(),
        ),
        other => other,
    }
}

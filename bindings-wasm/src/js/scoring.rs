//! Conversion for the scoring (志愿服务积分) and points (积分存折) capabilities: their
//! commands, months, star profiles and rating counts coming in; passbooks going out.
//!
//! A command is read like every other — JSON first, touched up where JavaScript differs,
//! then the core's own serde type — so its JSON form is exactly what the journal records.
//! The touch-ups: a `null` field means absent, a `Date` for `started_at` becomes ISO-8601
//! text. Counts (minutes, points, stock, quantities, star levels) must be whole numbers
//! from 0 up (`invalid_integer` otherwise: 1.5, -3, "10", NaN); days must be `YYYY-MM-DD`
//! (`invalid_date`), `started_at` a date-time with a zone (`invalid_datetime`), unit
//! codes well-formed (`invalid_code`) and activities known (`invalid_activity`).

use gridward::points::{Lot, Passbook, PointsCommand};
use gridward::scoring::{Activity, ScoringCommand, StarProfile};
use js_sys::{Array, Date};
use rust_decimal::Decimal;
use serde::Serialize;
use serde_json::{Map, Value};
use wasm_bindgen::{JsCast, JsValue};

use super::{date, day_text, field, from_json, non_finite, typed_args};
use crate::error::WardError;

const COMMAND: &str = "invalid_command";
const INTEGER: &str = "invalid_integer";

/// Fields that hold a count: whole numbers, never negative.
const INTEGER_FIELDS: [&str; 8] = [
    "minutes",
    "travel_minutes",
    "cost",
    "stock",
    "per_person",
    "min_star",
    "quantity",
    "points",
];
/// Fields that hold a day, `YYYY-MM-DD`.
const DAY_FIELDS: [&str; 3] = ["on", "valid_from", "valid_until"];

/// Checks counts, days, the start, the unit code and the activity of a scoring or points
/// command object, so that each malformed one gets its own code rather than serde's.
fn check_fields(map: &mut Map<String, Value>, args: &JsValue) -> Result<(), WardError> {
    map.retain(|_, v| !v.is_null());
    for name in INTEGER_FIELDS {
        match map.get(name) {
            None => {}
            Some(Value::Number(n)) if n.is_u64() => {}
            Some(other) => {
                return Err(WardError::input(
                    INTEGER,
                    format!("{name}: {other} is not a whole number from 0 up"),
                ))
            }
        }
    }
    for name in DAY_FIELDS {
        if let Some(Value::String(text)) = map.get(name) {
            day_text(text, name)?;
        }
    }
    let started = field(args, "started_at");
    if started.is_instance_of::<Date>() {
        let at = date(&started, "started_at")?;
        map.insert("started_at".into(), Value::String(at.to_rfc3339()));
    } else if let Some(Value::String(text)) = map.get("started_at") {
        super::parse_date_text(text, "started_at")?;
    }
    if let Some(Value::String(text)) = map.get("unit") {
        gridward::grid::NodeCode::parse(text)?;
    }
    if let Some(Value::String(text)) = map.get("activity") {
        activity(text)?;
    }
    Ok(())
}

/// The object of a scoring or points command, checked and tidied.
fn command_object(kind: Option<&str>, args: &JsValue) -> Result<Value, WardError> {
    if let Some(path) = non_finite(args, kind.unwrap_or("command")) {
        return Err(WardError::input(
            INTEGER,
            format!("{path}: NaN or an infinity is not a whole number"),
        ));
    }
    let mut value = typed_args(kind, args)?;
    if let Value::Object(map) = &mut value {
        check_fields(map, args)?;
    }
    Ok(value)
}

/// A scoring command from JavaScript. `kind` is the command type of a typed method (the
/// object then holds only the variant's fields); `None` means `command.type` says it.
pub fn scoring_command(kind: Option<&str>, args: &JsValue) -> Result<ScoringCommand, WardError> {
    let value = command_object(kind, args)?;
    from_json(value, COMMAND, kind.unwrap_or("scoring command"))
}

/// A points command from JavaScript, read like a scoring command.
pub fn points_command(kind: Option<&str>, args: &JsValue) -> Result<PointsCommand, WardError> {
    let value = command_object(kind, args)?;
    from_json(value, COMMAND, kind.unwrap_or("points command"))
}

/// An activity's name.
pub fn activity(text: &str) -> Result<Activity, WardError> {
    Activity::parse(text).ok_or_else(|| {
        let all: Vec<&str> = Activity::ALL.iter().map(|a| a.as_str()).collect();
        WardError::input(
            "invalid_activity",
            format!("activity: {text:?} is not one of {}", all.join(", ")),
        )
    })
}

/// A star profile: a whole profile object `{ name, thresholds, progression? }`, or only
/// the thresholds (hours of levels 1, 2 …, strings or numbers) as an array.
pub fn star_profile(value: &JsValue) -> Result<StarProfile, WardError> {
    const CODE: &str = "invalid_profile";
    if value.is_instance_of::<Array>() {
        return Ok(StarProfile {
            name: "custom".into(),
            thresholds: super::decimals(value, "thresholds")?,
            ..StarProfile::national()
        });
    }
    if let Some(path) = non_finite(value, "profile") {
        return Err(WardError::input(
            CODE,
            format!("{path}: NaN or an infinity is not a number of hours"),
        ));
    }
    let mut json = super::to_json(value, CODE, "profile")?;
    if let Some(Value::Array(list)) = json.get_mut("thresholds") {
        for t in list.iter_mut() {
            if let Value::Number(n) = t {
                let d = decimal_of(n).ok_or_else(|| {
                    WardError::input(CODE, format!("profile.thresholds: {n} is not a decimal"))
                })?;
                *t = Value::String(d.to_string());
            }
        }
    }
    from_json(
        json,
        CODE,
        "profile (expected { name, thresholds: [hours, …], progression? })",
    )
}

fn decimal_of(n: &serde_json::Number) -> Option<Decimal> {
    if let Some(i) = n.as_i64() {
        return Some(Decimal::from(i));
    }
    format!("{}", n.as_f64()?).parse().ok()
}

/// Ratings counted by level, most satisfied first: five whole numbers.
pub fn rating_counts(value: &JsValue) -> Result<[u64; 5], WardError> {
    let bad = || {
        WardError::input(
            INTEGER,
            "counts: expected five whole numbers from 0 up, most satisfied first",
        )
    };
    let list = value.dyn_ref::<Array>().ok_or_else(bad)?;
    if list.length() != 5 {
        return Err(bad());
    }
    let mut out = [0u64; 5];
    for (slot, v) in out.iter_mut().zip(list.iter()) {
        let f = v.as_f64().ok_or_else(bad)?;
        if !(f.is_finite() && f >= 0.0 && f.fract() == 0.0 && f <= 9_007_199_254_740_991.0) {
            return Err(bad());
        }
        *slot = f as u64;
    }
    Ok(out)
}

/// A passbook as `passbook()` returns it: its totals and its lots in the order earned.
#[derive(Serialize)]
pub struct PassbookOut<'a> {
    /// The person.
    pub person: &'a str,
    /// All points ever earned.
    pub earned: u64,
    /// Points spent on redemptions standing.
    pub spent: u64,
    /// Points expired.
    pub expired: u64,
    /// Points left.
    pub balance: u64,
    /// The lots, in the order earned.
    pub lots: &'a [Lot],
}

impl<'a> PassbookOut<'a> {
    /// The passbook of `person`.
    pub fn new(person: &'a str, book: &'a Passbook) -> Self {
        PassbookOut {
            person,
            earned: book.earned(),
            spent: book.spent(),
            expired: book.expired(),
            balance: book.balance(),
            lots: book.lots(),
        }
    }
}

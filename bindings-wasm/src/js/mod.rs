//! All conversion between JavaScript values and Gridward's types: what comes in, here;
//! result shapes, in `out.rs`; the tasks capability's commands, locations and periods,
//! in `tasks.rs`; the fund's and the assembly's commands, figures and shapes, in
//! `fund.rs`; the scoring and points capabilities', in `scoring.rs`; the rating tree's,
//! in `rating.rs`.
//!
//! Out: every result is a serde value turned into plain JavaScript by serde-wasm-bindgen
//! in its JSON-compatible mode (maps as plain objects, `None` as `null`); amounts are
//! decimal strings, dates ISO-8601 strings, hashes lowercase hex. In: a JavaScript value
//! is read by serde-wasm-bindgen into JSON, touched up where JavaScript differs from the
//! canonical JSON form (a `Date`, an area given as a number, a field set to `null` or
//! `undefined`), and then read into the core's own serde types, so that the JSON form of
//! a command is exactly what the journal records.

use chrono::{DateTime, FixedOffset, Utc};
use gridward::grid::{CoverageRules, Domain, GridCommand, ImportRow, Level, NodeCode};
use gridward::{Actor, Context, Hash, WardConfig};
use js_sys::{Date, Object, Reflect};
use rust_decimal::Decimal;
use serde::de::DeserializeOwned;
use serde::Serialize;
use serde_json::Value;
use wasm_bindgen::{JsCast, JsValue};

use crate::error::WardError;

/// Turns any serde value into plain JavaScript: objects, arrays, strings, numbers, null.
pub fn to_js<T: Serialize + ?Sized>(value: &T) -> Result<JsValue, WardError> {
    value
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .map_err(|e| WardError::Output(e.to_string()))
}

/// Reads a JavaScript value as JSON (`undefined` and `null` both become `null`).
fn to_json(value: &JsValue, code: &'static str, what: &str) -> Result<Value, WardError> {
    serde_wasm_bindgen::from_value(value.clone())
        .map_err(|e| WardError::input(code, format!("{what}: {e}")))
}

/// Reads JSON into a core type; serde's message says which field is wrong.
fn from_json<T: DeserializeOwned>(
    value: Value,
    code: &'static str,
    what: &str,
) -> Result<T, WardError> {
    serde_json::from_value(value).map_err(|e| WardError::input(code, format!("{what}: {e}")))
}

fn is_nullish(value: &JsValue) -> bool {
    value.is_undefined() || value.is_null()
}

fn is_plain_object(value: &JsValue) -> bool {
    value.is_object() && !js_sys::Array::is_array(value)
}

/// A property of a JavaScript object (`undefined` when absent or not an object).
fn field(object: &JsValue, name: &str) -> JsValue {
    if !object.is_object() {
        return JsValue::UNDEFINED;
    }
    Reflect::get(object, &JsValue::from_str(name)).unwrap_or(JsValue::UNDEFINED)
}

fn parse_date_text(text: &str, what: &str) -> Result<DateTime<FixedOffset>, WardError> {
    DateTime::parse_from_rfc3339(text.trim()).map_err(|e| {
        WardError::input(
            "invalid_datetime",
            format!(
                "{what}: {text:?} is not an ISO-8601 date-time with a zone \
                 (like 2026-03-02T09:00:00+08:00): {e}"
            ),
        )
    })
}

/// A date: an ISO-8601 / RFC 3339 string with a zone, or a `Date`.
pub fn date(value: &JsValue, what: &str) -> Result<DateTime<FixedOffset>, WardError> {
    if let Some(d) = value.dyn_ref::<Date>() {
        let ms = d.get_time();
        let bad = |why: &str| WardError::input("invalid_datetime", format!("{what}: {why}"));
        if !ms.is_finite() {
            return Err(bad("an invalid Date"));
        }
        return DateTime::<Utc>::from_timestamp_millis(ms as i64)
            .map(|t| t.fixed_offset())
            .ok_or_else(|| bad("the Date is out of range"));
    }
    match value.as_string() {
        Some(text) => parse_date_text(&text, what),
        None => Err(WardError::input(
            "invalid_datetime",
            format!("{what}: expected an ISO-8601 string with a time zone or a Date"),
        )),
    }
}

/// Now, from the JavaScript clock (the core has none).
pub fn now() -> Result<DateTime<FixedOffset>, WardError> {
    date(&Date::new_0().into(), "now")
}

/// The call context `{actor, at, key}`; omitted parts mean the platform, now, no key.
pub fn context(ctx: &JsValue) -> Result<Context, WardError> {
    if is_nullish(ctx) {
        return Ok(Context::new(Actor::System, now()?));
    }
    let bad = |message: String| WardError::input("invalid_context", message);
    if !is_plain_object(ctx) {
        return Err(bad("context: expected an object {actor, at, key}".into()));
    }
    for name in Object::keys(ctx.unchecked_ref::<Object>()).iter() {
        let name = name.as_string().unwrap_or_default();
        if !matches!(name.as_str(), "actor" | "at" | "key") {
            return Err(bad(format!(
                "context: unknown field {name:?}; expected actor, at or key"
            )));
        }
    }
    let actor = field(ctx, "actor");
    let actor = if is_nullish(&actor) {
        Actor::System
    } else {
        let id = actor
            .as_string()
            .ok_or_else(|| bad("context.actor: expected a person's id (string) or null".into()))?;
        Actor::person(id)
    };
    let at = field(ctx, "at");
    let at = if is_nullish(&at) {
        now()?
    } else {
        date(&at, "context.at")?
    };
    let key = field(ctx, "key");
    let mut out = Context::new(actor, at);
    if !is_nullish(&key) {
        let key = key
            .as_string()
            .ok_or_else(|| bad("context.key: expected a string".into()))?;
        out = out.with_key(key);
    }
    Ok(out)
}

/// A number as the decimal string JavaScript would print (shortest round trip).
fn number_to_decimal_text(n: &serde_json::Number) -> Option<String> {
    if n.is_i64() || n.is_u64() {
        return Some(n.to_string());
    }
    let f = n.as_f64()?;
    // Rust's `Display` for f64 is the shortest text that reads back as the same number.
    let text = format!("{f}");
    text.parse::<Decimal>()
        .or_else(|_| Decimal::from_scientific(&text))
        .ok()
        .map(|d| d.to_string())
}

/// Fields of commands and import rows that hold a grid code.
const CODE_FIELDS: [&str; 7] = [
    "code",
    "unit",
    "to",
    "street",
    "community",
    "parent",
    "transfer_households_to",
];

/// Drops `null` fields of an object (in commands, `null` and absent mean the same),
/// checks grid codes, areas and due dates first so that a malformed one gets its own
/// code (`invalid_code`, `invalid_decimal`, `invalid_datetime`, as in every face), and
/// writes a numeric `area` as a decimal string.
fn tidy_object(value: &mut Value) -> Result<(), WardError> {
    let Value::Object(map) = value else {
        return Ok(());
    };
    // serde-wasm-bindgen reads NaN and ±Infinity as null: say what is wrong with them.
    if map.get("area") == Some(&Value::Null) {
        return Err(WardError::input(
            "invalid_decimal",
            "area: null, NaN or an infinity is not a decimal number",
        ));
    }
    map.retain(|_, v| !v.is_null());
    for name in CODE_FIELDS {
        if let Some(Value::String(text)) = map.get(name) {
            NodeCode::parse(text)?;
        }
    }
    if let Some(Value::String(text)) = map.get("due") {
        parse_date_text(text, "due")?;
    }
    if let Some(area) = map.get_mut("area") {
        let bad = |shown: &dyn std::fmt::Display| {
            WardError::input(
                "invalid_decimal",
                format!("area: {shown} is not a decimal number"),
            )
        };
        match area {
            Value::Number(n) => {
                let text = number_to_decimal_text(n).ok_or_else(|| bad(n))?;
                *area = Value::String(text);
            }
            Value::String(text) => {
                text.trim()
                    .parse::<Decimal>()
                    .map_err(|_| bad(&format!("{text:?}")))?;
            }
            _ => {}
        }
    }
    Ok(())
}

/// The rows of a bulk import, each read on its own so an error names its row.
fn rows(value: Value) -> Result<Vec<ImportRow>, WardError> {
    let Value::Array(rows) = value else {
        return Err(WardError::input(
            "invalid_row",
            "import: expected an array of rows",
        ));
    };
    rows.into_iter()
        .enumerate()
        .map(|(i, mut row)| {
            tidy_object(&mut row)?;
            from_json(row, "invalid_row", &format!("import row {i}"))
        })
        .collect()
}

/// The code of a command object of the wrong shape.
const COMMAND: &str = "invalid_command";

/// The JSON object of a command from JavaScript, with its `type`: a typed method gives
/// `kind` (the object then holds only the variant's fields, or repeats the same type);
/// `None` means the object's own `type` says it. Every capability's commands come in here.
pub(crate) fn typed_args(kind: Option<&str>, args: &JsValue) -> Result<Value, WardError> {
    let what = kind.unwrap_or("command");
    let not_object = || WardError::input(COMMAND, format!("{what}: expected an object"));
    if !is_plain_object(args) {
        return Err(not_object());
    }
    let mut value = to_json(args, COMMAND, what)?;
    let Value::Object(map) = &mut value else {
        return Err(not_object());
    };
    if let Some(kind) = kind {
        match map.get("type") {
            None => {}
            Some(Value::String(t)) if t == kind => {}
            Some(other) => {
                return Err(WardError::input(
                    COMMAND,
                    format!("{what}: the object says type {other}, but this method gives {kind:?}"),
                ))
            }
        }
        map.insert("type".into(), Value::String(kind.to_owned()));
    }
    Ok(value)
}

/// Finds a number JavaScript holds but JSON cannot (NaN, ±Infinity), anywhere in `value`:
/// serde-wasm-bindgen would read it as `null`, which for an optional field means absent.
pub(crate) fn non_finite(value: &JsValue, path: &str) -> Option<String> {
    if let Some(n) = value.as_f64() {
        return (!n.is_finite()).then(|| path.to_owned());
    }
    if let Some(list) = value.dyn_ref::<js_sys::Array>() {
        return list
            .iter()
            .enumerate()
            .find_map(|(i, v)| non_finite(&v, &format!("{path}[{i}]")));
    }
    if is_plain_object(value) && !value.is_instance_of::<Date>() {
        let entries = Object::entries(value.unchecked_ref::<Object>());
        return entries.iter().find_map(|pair| {
            let pair: js_sys::Array = pair.unchecked_into();
            let key = pair.get(0).as_string().unwrap_or_default();
            non_finite(&pair.get(1), &format!("{path}.{key}"))
        });
    }
    None
}

/// A grid command from JavaScript. `kind` is the command type of a typed method (the
/// object then holds only the variant's fields); `None` means `command.type` says it.
pub fn command(kind: Option<&str>, args: &JsValue) -> Result<GridCommand, WardError> {
    let what = kind.unwrap_or("command");
    let mut value = typed_args(kind, args)?;
    let Value::Object(map) = &mut value else {
        return Err(WardError::input(
            COMMAND,
            format!("{what}: expected an object"),
        ));
    };
    let due = field(args, "due");
    if due.is_instance_of::<Date>() {
        let due = date(&due, "due")?;
        map.insert("due".into(), Value::String(due.to_rfc3339()));
    }
    if map.get("type").and_then(Value::as_str) == Some("import") {
        let rows = rows(map.remove("rows").unwrap_or(Value::Null))?;
        if let Some(extra) = map.keys().find(|k| k.as_str() != "type") {
            return Err(WardError::input(
                COMMAND,
                format!("import: unknown field {extra:?}"),
            ));
        }
        return Ok(GridCommand::Import { rows });
    }
    tidy_object(&mut value)?;
    from_json(value, COMMAND, what)
}

/// The rows of a bulk import, as a command.
pub fn import_command(value: &JsValue) -> Result<GridCommand, WardError> {
    if !js_sys::Array::is_array(value) {
        return Err(WardError::input(
            "invalid_row",
            "import: expected an array of rows",
        ));
    }
    let rows = rows(to_json(value, "invalid_row", "import")?)?;
    Ok(GridCommand::Import { rows })
}

/// Writes `patch` over `base`, object by object; anything else replaces.
fn merge(base: &mut Value, patch: Value) {
    match (base, patch) {
        (Value::Object(b), Value::Object(p)) => {
            for (k, v) in p {
                match b.get_mut(&k) {
                    Some(slot) => merge(slot, v),
                    None => {
                        b.insert(k, v);
                    }
                }
            }
        }
        (slot, p) => *slot = p,
    }
}

/// Reads a partial object over a full default: only the fields given change.
fn overlay<T: Serialize + DeserializeOwned>(
    base: &T,
    patch: &JsValue,
    code: &'static str,
    what: &str,
) -> Result<T, WardError> {
    let mut value = serde_json::to_value(base).map_err(|e| WardError::Output(e.to_string()))?;
    if !is_nullish(patch) {
        if !is_plain_object(patch) {
            return Err(WardError::input(
                code,
                format!("{what}: expected an object"),
            ));
        }
        merge(&mut value, to_json(patch, code, what)?);
    }
    from_json(value, code, what)
}

/// A ward configuration: the fields given, over the defaults.
pub fn config(value: &JsValue) -> Result<WardConfig, WardError> {
    overlay(&WardConfig::default(), value, "invalid_config", "config")
}

/// Coverage rules: the fields given, over the ward's configured rules.
pub fn rules(base: &CoverageRules, value: &JsValue) -> Result<CoverageRules, WardError> {
    overlay(base, value, "invalid_rules", "rules")
}

/// A grid code.
pub fn code(text: &str) -> Result<NodeCode, WardError> {
    Ok(NodeCode::parse(text)?)
}

/// A level name.
pub fn level(text: &str) -> Result<Level, WardError> {
    Level::parse(text).ok_or_else(|| {
        WardError::input(
            "invalid_level",
            format!("level: {text:?} is not one of district, street, community, grid, micro_grid"),
        )
    })
}

/// A domain name.
pub fn domain(text: &str) -> Result<Domain, WardError> {
    Domain::parse(text).ok_or_else(|| {
        let all: Vec<&str> = Domain::ALL.iter().map(|d| d.as_str()).collect();
        WardError::input(
            "invalid_domain",
            format!("domain: {text:?} is not one of {}", all.join(", ")),
        )
    })
}

/// A hash in hex.
pub fn hash(text: &str, what: &str) -> Result<Hash, WardError> {
    Hash::from_hex(text.trim()).ok_or_else(|| {
        WardError::input("bad_hash", format!("{what}: {text:?} is not 64 hex digits"))
    })
}

mod fund;
mod out;
mod rating;
mod scoring;
mod tasks;

pub use fund::*;
pub use out::*;
pub use rating::*;
pub use scoring::*;
pub use tasks::*;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_become_the_decimal_javascript_would_print() {
        let text = |v: Value| match v {
            Value::Number(n) => number_to_decimal_text(&n),
            _ => None,
        };
        assert_eq!(text(serde_json::json!(72)).as_deref(), Some("72"));
        assert_eq!(text(serde_json::json!(89.5)).as_deref(), Some("89.5"));
        assert_eq!(
            text(serde_json::json!(0.1 + 0.2)).as_deref(),
            Some("0.30000000000000004")
        );
        assert_eq!(text(serde_json::json!(1e-7)).as_deref(), Some("0.0000001"));
    }

    #[test]
    fn a_partial_object_overlays_the_defaults() {
        let mut base =
            serde_json::json!({"grid": {"coverage": {"band": [30, 100], "leaders": true}}});
        merge(
            &mut base,
            serde_json::json!({"grid": {"coverage": {"band": null}}}),
        );
        assert_eq!(
            base,
            serde_json::json!({"grid": {"coverage": {"band": null, "leaders": true}}})
        );
    }
}

//! JSON values as plain JavaScript: objects as objects (keys in order), arrays as
//! arrays, numbers as numbers, `null` as `null`. A whole number beyond the range a
//! JavaScript number holds exactly is refused rather than rounded.
//!
//! Answers reach this as the core's JSON values, so every type is written by the core's
//! one JSON encoder and this walk is the only conversion the module carries.

use gridward::journal::JournalError;
use gridward::Error;
use js_sys::{Array, Object, Reflect};
use serde_json::{Number, Value};
use wasm_bindgen::JsValue;

/// The largest whole number a JavaScript number holds exactly.
const SAFE: u64 = (1 << 53) - 1;

/// `value` as plain JavaScript.
pub fn to_js_value(value: &Value) -> Result<JsValue, Error> {
    Ok(match value {
        Value::Null => JsValue::NULL,
        Value::Bool(b) => JsValue::from_bool(*b),
        Value::Number(n) => JsValue::from_f64(number(n)?),
        Value::String(s) => JsValue::from_str(s),
        Value::Array(items) => {
            let out = Array::new_with_length(items.len() as u32);
            for (i, item) in items.iter().enumerate() {
                out.set(i as u32, to_js_value(item)?);
            }
            out.into()
        }
        Value::Object(map) => {
            let out = Object::new();
            for (key, item) in map {
                // Setting a property on a fresh plain object cannot fail.
                let _ = Reflect::set(&out, &JsValue::from_str(key), &to_js_value(item)?);
            }
            out.into()
        }
    })
}

/// A JSON number as a JavaScript one: a whole number only within the exact range.
fn number(n: &Number) -> Result<f64, Error> {
    let beyond = |text: String| {
        Error::Journal(JournalError::Encode(format!(
            "{text} can't be represented as a JavaScript number"
        )))
    };
    if let Some(u) = n.as_u64() {
        return if u <= SAFE {
            Ok(u as f64)
        } else {
            Err(beyond(u.to_string()))
        };
    }
    if let Some(i) = n.as_i64() {
        return if i.unsigned_abs() <= SAFE {
            Ok(i as f64)
        } else {
            Err(beyond(i.to_string()))
        };
    }
    Ok(n.as_f64().unwrap_or(f64::NAN))
}

//! JavaScript values into JSON, before the core checks them against their described
//! type. A whole number stays whole; any other number becomes a JSON float, which the
//! core refuses where a decimal is described, naming the field. A `Date` becomes its ISO
//! text (UTC); `undefined` in an object leaves the key out.
//!
//! Arrays and objects may nest [`MAX_NESTING`] deep: one deeper is refused with
//! `too_deep`, naming its path, before it is read, so that no value can exhaust the
//! stack (which would trap the WebAssembly instance and lose its wards). Reading a
//! value never lets a JavaScript exception through the module either: an object whose
//! keys cannot be listed (a Proxy whose trap throws) or whose getter throws is refused,
//! naming it.

use gridward::surface::{InputError, Problem, MAX_NESTING};
use gridward::Error;
use js_sys::{Array, BigInt, Date, Object, Reflect};
use serde_json::{Map, Number, Value};
use wasm_bindgen::prelude::wasm_bindgen;
use wasm_bindgen::{JsCast, JsValue};

#[wasm_bindgen]
extern "C" {
    /// `Object.keys`, its exception (a Proxy's throwing trap) caught rather than let
    /// through the module, which would leave the ward it was given to borrowed.
    #[wasm_bindgen(catch, js_namespace = Object, js_name = keys)]
    fn object_keys(object: &Object) -> Result<Array, JsValue>;

    /// A `Date` read through methods that catch (js_sys's do not).
    #[wasm_bindgen(js_name = Date)]
    type CheckedDate;

    /// `Date.prototype.getTime`, which throws for an object that only inherits from
    /// `Date.prototype` (`Object.create(Date.prototype)`).
    #[wasm_bindgen(catch, method, js_name = getTime)]
    fn time_of(this: &CheckedDate) -> Result<f64, JsValue>;

    /// `Date.prototype.toISOString`, which throws for a time out of its range.
    #[wasm_bindgen(catch, method, js_name = toISOString)]
    fn iso_text(this: &CheckedDate) -> Result<String, JsValue>;
}

/// The most items an array given to the module may have (2^24): far more than any input
/// needs, far fewer than would exhaust a WebAssembly module's memory.
pub const MAX_ITEMS: u32 = 1 << 24;

/// The largest whole number a JavaScript number holds exactly.
const SAFE: f64 = 9_007_199_254_740_991.0;

/// A JavaScript value as JSON, or the typed error naming where it went wrong.
pub fn to_value(value: &JsValue) -> Result<Value, Error> {
    walk(value, 0)
}

/// The fault of an array or object at `depth`, when that is below the limit.
fn too_deep(depth: usize) -> Result<(), Error> {
    if depth >= MAX_NESTING {
        return Err(fail(Problem::TooDeep(MAX_NESTING)));
    }
    Ok(())
}

/// An object or array whose contents cannot be read.
fn unreadable() -> Error {
    fail(Problem::Unsupported(
        "an object whose contents cannot be read (reading it threw)".to_owned(),
    ))
}

/// A fault of the value itself; the walk names its field on the way back out, so that
/// a value without faults costs no path at all.
fn fail(problem: Problem) -> Error {
    Error::Input(InputError::new("", problem))
}

/// Places a fault found below `step` (a key, or an index written `[3]`) under it.
fn under(step: &str) -> impl FnOnce(Error) -> Error + '_ {
    move |e| match e {
        Error::Input(i) => Error::Input(i.under(step)),
        other => other,
    }
}

/// `value` as JSON; `depth` is how many arrays and objects hold it.
fn walk(value: &JsValue, depth: usize) -> Result<Value, Error> {
    if value.is_null() || value.is_undefined() {
        return Ok(Value::Null);
    }
    if let Some(b) = value.as_bool() {
        return Ok(Value::Bool(b));
    }
    if let Some(s) = value.as_string() {
        return Ok(Value::String(s));
    }
    if let Some(n) = value.as_f64() {
        if n.fract() == 0.0 && n.abs() <= SAFE {
            // A whole number within the exact range: an integer.
            return Ok(Value::Number((n as i64).into()));
        }
        return Number::from_f64(n)
            .map(Value::Number)
            .ok_or_else(|| fail(Problem::FloatNotAllowed));
    }
    if value.is_bigint() {
        let text: String = BigInt::from(value.clone())
            .to_string(10)
            .map(String::from)
            .unwrap_or_default();
        return match (text.parse::<i64>(), text.parse::<u64>()) {
            (Ok(i), _) => Ok(Value::Number(i.into())),
            (_, Ok(u)) => Ok(Value::Number(u.into())),
            _ => Err(fail(Problem::OutOfRange(format!(
                "{text} does not fit in 64 bits"
            )))),
        };
    }
    if value.is_instance_of::<Date>() {
        let d: &CheckedDate = value.unchecked_ref();
        let text = match d.time_of() {
            Ok(t) if !t.is_nan() => d.iso_text().ok(),
            _ => None,
        };
        return text.map(Value::String).ok_or_else(|| {
            fail(Problem::BadFormat {
                format: "a date-time",
                value: "Invalid Date".to_owned(),
                why: String::new(),
            })
        });
    }
    if Array::is_array(value) {
        too_deep(depth)?;
        // Read with Reflect, which catches: an array may be a Proxy whose traps throw.
        let length = Reflect::get(value, &"length".into())
            .ok()
            .and_then(|l| l.as_f64())
            .ok_or_else(unreadable)?;
        // A sparse array (`new Array(2 ** 32 - 1)`) claims items it does not hold:
        // reading them all would exhaust the module's memory, which traps it.
        if !(0.0..=MAX_ITEMS as f64).contains(&length) {
            return Err(fail(Problem::OutOfRange(format!(
                "an array of {length} items; at most {MAX_ITEMS} can be given"
            ))));
        }
        let length = length as u32;
        let mut out = Vec::with_capacity(length.min(1024) as usize);
        for i in 0..length {
            let item = Reflect::get_u32(value, i).map_err(|_| unreadable())?;
            out.push(walk(&item, depth + 1).map_err(|e| under(&format!("[{i}]"))(e))?);
        }
        return Ok(Value::Array(out));
    }
    if value.is_object() && !value.is_function() {
        too_deep(depth)?;
        let object: &Object = value.unchecked_ref();
        let mut map = Map::new();
        for key in object_keys(object).map_err(|_| unreadable())?.iter() {
            let Some(name) = key.as_string() else {
                continue;
            };
            let item = Reflect::get(object, &key).map_err(|_| under(&name)(unreadable()))?;
            if item.is_undefined() {
                continue;
            }
            let v = walk(&item, depth + 1).map_err(under(&name))?;
            map.insert(name, v);
        }
        return Ok(Value::Object(map));
    }
    let what = value.js_typeof().as_string().unwrap_or_default();
    Err(fail(Problem::Unsupported(format!("a JavaScript {what}"))))
}

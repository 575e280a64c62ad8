//! JavaScript values into JSON, before the core checks them against their described
//! type. A whole number stays whole; any other number becomes a JSON float, which the
//! core refuses where a decimal is described, naming the field. A `Date` becomes its ISO
//! text (UTC); `undefined` in an object leaves the key out.

use gridward::surface::{InputError, Problem};
use gridward::Error;
use js_sys::{Array, BigInt, Date, Object, Reflect};
use serde_json::{Map, Number, Value};
use wasm_bindgen::{JsCast, JsValue};

/// The largest whole number a JavaScript number holds exactly.
const SAFE: f64 = 9_007_199_254_740_991.0;

/// A JavaScript value as JSON, or the typed error naming where it went wrong.
pub fn to_value(value: &JsValue) -> Result<Value, Error> {
    walk(value)
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

fn walk(value: &JsValue) -> Result<Value, Error> {
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
    if let Some(d) = value.dyn_ref::<Date>() {
        if d.get_time().is_nan() {
            return Err(fail(Problem::BadFormat {
                format: "a date-time",
                value: "Invalid Date".to_owned(),
                why: String::new(),
            }));
        }
        return Ok(Value::String(String::from(d.to_iso_string())));
    }
    if Array::is_array(value) {
        let array = Array::from(value);
        let mut out = Vec::with_capacity(array.length() as usize);
        for (i, item) in array.iter().enumerate() {
            out.push(walk(&item).map_err(|e| under(&format!("[{i}]"))(e))?);
        }
        return Ok(Value::Array(out));
    }
    if value.is_object() && !value.is_function() {
        let object: &Object = value.unchecked_ref();
        let mut map = Map::new();
        for key in Object::keys(object).iter() {
            let Some(name) = key.as_string() else {
                continue;
            };
            let item = Reflect::get(object, &key).unwrap_or(JsValue::UNDEFINED);
            if item.is_undefined() {
                continue;
            }
            let v = walk(&item).map_err(under(&name))?;
            map.insert(name, v);
        }
        return Ok(Value::Object(map));
    }
    let what = value.js_typeof().as_string().unwrap_or_default();
    Err(fail(Problem::Unsupported(format!("a JavaScript {what}"))))
}

//! Every failure reaches JavaScript as a real `Error` named `"GridwardError"`, with the
//! core's stable `code`, its `kind`, and for bad input the `field` at fault.

use gridward::Error;
use js_sys::{Error as JsError, Reflect};
use wasm_bindgen::prelude::*;

/// The `name` every error thrown by Gridward carries.
pub const ERROR_NAME: &str = "GridwardError";

/// The JavaScript `Error` for a core error.
pub fn to_js(e: &Error) -> JsValue {
    let err = JsError::new(&e.to_string());
    err.set_name(ERROR_NAME);
    let field = match e {
        Error::Input(i) if !i.field.is_empty() => JsValue::from_str(&i.field),
        _ => JsValue::NULL,
    };
    // Setting a property on a fresh Error cannot fail; were it to, the message stands.
    let _ = Reflect::set(&err, &"code".into(), &e.code().into());
    let _ = Reflect::set(&err, &"kind".into(), &e.kind().as_str().into());
    let _ = Reflect::set(&err, &"field".into(), &field);
    err.into()
}

/// Turns a core result into a JavaScript one.
pub trait OrThrow<T> {
    /// The value, or the `Error` to throw.
    fn or_throw(self) -> Result<T, JsValue>;
}

impl<T> OrThrow<T> for Result<T, Error> {
    fn or_throw(self) -> Result<T, JsValue> {
        self.map_err(|e| to_js(&e))
    }
}

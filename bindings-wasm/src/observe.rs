//! Following a ward's journal from JavaScript: listeners called with each entry as it
//! is appended (to keep the journal in a file, IndexedDB or a server), and the entries
//! after a given one.

use gridward::surface::{InputError, Problem};
use gridward::{Error, Ward};
use wasm_bindgen::prelude::*;

use crate::error::to_js;

/// The listeners of a ward's new entries, by the id each was given.
#[derive(Default)]
pub struct Observers {
    listeners: Vec<(u32, js_sys::Function)>,
    next: u32,
}

impl Observers {
    /// Adds `listener`, which must be a function; gives its id.
    pub fn add(&mut self, listener: &JsValue) -> Result<u32, JsValue> {
        let Some(function) = listener.dyn_ref::<js_sys::Function>() else {
            return Err(to_js(&Error::Input(InputError::new(
                "listener",
                Problem::WrongType {
                    expected: "a function",
                    found: "another value",
                },
            ))));
        };
        let id = self.next;
        self.next = self.next.wrapping_add(1);
        self.listeners.push((id, function.clone()));
        Ok(id)
    }

    /// Removes the listener with this id; removing it twice does nothing.
    pub fn remove(&mut self, id: u32) {
        self.listeners.retain(|(i, _)| *i != id);
    }

    /// Calls every listener with each entry `ward` appended after its first `before`,
    /// as its JSON line. The commands have taken effect: an exception a listener
    /// throws is thrown again once every listener has been called for every entry.
    pub fn notify(&self, ward: &Ward, before: usize) -> Result<(), JsValue> {
        if self.listeners.is_empty() {
            return Ok(());
        }
        let mut failed = None;
        for entry in ward.journal().entries_after(before as u64) {
            let line = JsValue::from_str(&entry.to_jsonl_line());
            for (_, listener) in &self.listeners {
                if let Err(e) = listener.call1(&JsValue::NULL, &line) {
                    failed.get_or_insert(e);
                }
            }
        }
        failed.map_or(Ok(()), Err)
    }
}

/// The entry number in `{since}` (none, null or absent: 0), refused naming `since` or
/// `options` when it is not a whole number from 0.
pub fn since(options: &JsValue) -> Result<u64, JsValue> {
    let refuse = |field: &str, expected: &'static str| {
        to_js(&Error::Input(InputError::new(
            field,
            Problem::WrongType {
                expected,
                found: "another value",
            },
        )))
    };
    if options.is_null() || options.is_undefined() {
        return Ok(0);
    }
    if !options.is_object() || js_sys::Array::is_array(options) {
        return Err(refuse("options", "an object {since}"));
    }
    let since = js_sys::Reflect::get(options, &"since".into())
        .map_err(|_| refuse("options", "an object {since}"))?;
    if since.is_null() || since.is_undefined() {
        return Ok(0);
    }
    match since.as_f64() {
        Some(n) if n >= 0.0 && n.fract() == 0.0 && n <= 9_007_199_254_740_991.0 => Ok(n as u64),
        _ => Err(refuse("since", "an entry number (a whole number from 0)")),
    }
}

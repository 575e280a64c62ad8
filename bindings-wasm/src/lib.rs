//! WebAssembly bindings of Gridward: the native side of the npm package `gridward`.
//!
//! The side is small and generic: the generated `js/api.js` gives every capability's
//! commands and queries their names and types and calls the entry points here —
//! `RawWard` (`execute` a capability's command, `ask` its query, `decide`, the journal)
//! and `call` for the pure functions. `to_json.rs` turns JavaScript values into JSON for
//! the core to check against their described type; `to_js.rs` turns answers into plain JavaScript through their JSON text; `error.rs` turns the core's errors
//! into real `Error` objects with a stable `code`; `observe.rs` calls listeners with each
//! new journal entry.

use wasm_bindgen::prelude::*;

mod error;
mod observe;
mod to_js;
mod to_json;
mod ward;

pub use ward::{call, RawWard};

/// Runs when the module is instantiated: Rust panics show in the console with their
/// message instead of as a bare `unreachable` trap.
#[wasm_bindgen(start)]
fn start() {
    console_error_panic_hook::set_once();
}

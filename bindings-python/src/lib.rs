//! Python bindings of Gridward: the native module `gridward._gridward`, wrapped by the
//! package `gridward`, whose capability classes and types are generated from the core's
//! description (`gridward/_api.py`).
//!
//! The native side is small and generic: `ward.rs` (a ward behind `execute`, `ask`,
//! `decide` and its journal; `call` for the pure functions), `to_json.rs` (Python values
//! into JSON), `from_json.rs` (answers into Python values by their described type) and
//! `error.rs` (one exception class per kind of error), `stored.rs` (a ward kept on disk, through
//! `gridward-store`); `boundary.rs` keeps every Rust
//! panic from crossing into Python (it raises `gridward.InternalError` instead).

use pyo3::prelude::*;

mod boundary;
mod error;
mod from_json;
mod stored;
mod to_json;
mod ward;
mod ward_storage;

/// The native module; import `gridward` instead.
#[pymodule]
fn _gridward(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    m.add_class::<ward::NativeWard>()?;
    m.add_function(wrap_pyfunction!(ward::call, m)?)?;
    m.add_function(wrap_pyfunction!(ward::_panic_for_tests, m)?)?;
    error::register(m)?;
    // Fails the import, not a later call, if the embedded description does not compile.
    ward::catalog(m.py())?;
    Ok(())
}

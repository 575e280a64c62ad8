//! Python bindings of Gridward: the native module `gridward._gridward`, wrapped by the
//! pure-Python package `gridward` (tables with `.to_pandas()`, typed signatures).
//!
//! One file per capability: `ward.rs` (the `Ward` class and its journal), `grid.rs`
//! (grid commands and queries), `tasks.rs` (task commands; their queries in
//! `tasks/queries.rs`), `fund.rs` (fund commands; queries, exports and the money
//! functions in `fund/queries.rs`), `assembly.rs` (owners, motions, votes, `tally`);
//! conversion lives in `convert.rs` (with the fund's figures and days in
//! `fund_convert.rs`) and all error mapping in `error.rs`. Scoring (`scoring.rs`: service
//! records, stars, obligations, handlers' scores) and points (`points.rs`: passbooks,
//! catalog, redemptions) share `points_convert.rs`; the rating tree is in `rating.rs`.

use pyo3::prelude::*;

mod assembly;
mod convert;
mod error;
mod fund;
mod fund_convert;
mod grid;
mod points;
mod points_convert;
mod rating;
mod scoring;
mod tasks;
mod ward;

/// The native module; import `gridward` instead.
#[pymodule]
fn _gridward(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    m.add_class::<ward::Ward>()?;
    m.add_function(wrap_pyfunction!(ward::verify_journal, m)?)?;
    m.add_function(wrap_pyfunction!(ward::default_config, m)?)?;
    m.add_function(wrap_pyfunction!(fund::split, m)?)?;
    m.add_function(wrap_pyfunction!(fund::apply_rate, m)?)?;
    m.add_function(wrap_pyfunction!(assembly::tally, m)?)?;
    m.add_function(wrap_pyfunction!(scoring::star_level, m)?)?;
    m.add_function(wrap_pyfunction!(scoring::satisfaction_rate, m)?)?;
    m.add_function(wrap_pyfunction!(rating::evaluate_communities, m)?)?;
    error::register(m)?;
    Ok(())
}

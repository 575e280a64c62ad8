//! Every query of every capability as a typed question ([`Query`](crate::surface::Query)),
//! and the pure functions ([`Function`](crate::surface::Function)), each gathered in a
//! table that names it on every face.
//!
//! ```
//! use gridward::queries::grid::Roots;
//! use gridward::{Ward, WardConfig};
//!
//! let ward = Ward::new(WardConfig::default());
//! assert!(ward.ask(Roots {})?.is_empty());
//! # Ok::<(), gridward::Error>(())
//! ```

pub mod assembly;
pub mod functions;
pub mod fund;
pub mod grid;
pub mod money;

use crate::surface::QuerySet;

pub use functions::FUNCTIONS;

/// Every capability's queries.
pub static QUERY_SETS: &[&QuerySet] = &[
    &grid::GRID_QUERIES,
    &fund::FUND_QUERIES,
    &assembly::ASSEMBLY_QUERIES,
];

//! Every query of every capability as a typed question ([`Query`](typed::Query)),
//! and the pure functions ([`Function`](typed::Function)), each gathered in a
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
pub mod calendar;
pub mod elections;
pub mod functions;
pub mod fund;
pub mod grid;
pub mod money;
pub mod party;
pub mod period;
pub mod points;
pub mod projects;
pub mod rating;
pub mod scoring;
pub mod scoring_rules;
pub mod sim;
pub mod tasks;
pub mod tasks_counts;
pub mod typed;

#[cfg(test)]
mod points_tests;
#[cfg(test)]
mod rating_tests;
#[cfg(test)]
mod scoring_rules_tests;
#[cfg(test)]
mod scoring_tests;

use typed::QuerySet;

pub use functions::FUNCTIONS;

/// Every capability's queries.
pub static QUERY_SETS: &[&QuerySet] = &[
    &grid::GRID_QUERIES,
    &tasks::TASK_QUERIES,
    &fund::FUND_QUERIES,
    &assembly::ASSEMBLY_QUERIES,
    &scoring::SCORING_QUERIES,
    &points::POINTS_QUERIES,
    &projects::PROJECTS_QUERIES,
    &party::PARTY_QUERIES,
];

//! Simulation: a synthetic city of Chengdu's proportions at any size, and periods of
//! residents' requests under a policy, deterministic by seed — the generator the
//! benchmarks use, and the one the faces offer researchers (`simulate_district`).
//!
//! A city is simulated district by district: each district's requests are drawn from
//! the seed and the district's number, carry the district's code in their ids and are
//! swept within it, so a district gives the same requests in a ward of its own
//! ([`DistrictRun::run`]) as beside others in one ward. Its counts then merge with the
//! other districts' to exactly the counts of the one ward.
//!
//! ```
//! use gridward::sim::{CityShape, DistrictRun, Policy};
//! use gridward::grid::Level;
//! use gridward::tasks::merge_counts;
//!
//! let at = chrono::DateTime::parse_from_rfc3339("2026-03-02T08:30:00+08:00").unwrap();
//! let run = |district| DistrictRun {
//!     shape: CityShape::SMALL,
//!     district,
//!     start: at,
//!     days: 7,
//!     requests: 200,
//!     seed: 42,
//!     policy: Policy { max_open_claims: Some(1), ..Policy::default() },
//!     level: Level::Community,
//!     journal: false,
//!     period_days: None,
//! }
//! .run();
//! let (east, west) = (run(0)?, run(1)?);
//! assert_eq!(east.outcome.requests, 200);
//! // The city's counts: the districts' merged, rates computed after merging.
//! let city = merge_counts(east.counts.iter().chain(&west.counts));
//! assert_eq!(city.len(), 2 * 2 * 3);
//! # Ok::<(), gridward::Error>(())
//! ```

mod city;
mod district;
mod mix;
mod policy;
mod requests;
mod sites;

pub use city::{district_rows, CityShape, MAX_DISTRICT_HOUSEHOLDS, MAX_DISTRICT_MICRO_GRIDS};
pub use district::{DistrictReport, DistrictRun, PeriodCounts, MAX_REQUESTS};
pub use mix::Mix;
pub use policy::Policy;
pub use requests::{simulate, simulate_batched, Outcome, Plan, MAX_DAYS};
pub use sites::{department_rows, officer_commands, resident_rows, settle, sites, Site};

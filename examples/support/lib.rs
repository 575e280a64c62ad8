//! Scenarios shared by Gridward's examples, integration tests and benchmarks: a sample
//! community shaped like Chengdu's 吉福社区, a synthetic city at Chengdu's scale, and the
//! runner of the cross-face parity fixture.

pub mod city;
pub mod compound;
pub mod jifu;
pub mod jifu_party;
pub mod jifu_points;
pub mod jifu_projects;
pub mod jifu_rating;
pub mod journal_work;
pub mod ledger_cold;
pub mod ledger_cold_steps;
pub mod ledger_load;
pub mod parity;
pub mod parity_fund;
pub mod parity_party;
pub mod parity_points;
pub mod parity_projects;
pub mod parity_tasks;
pub mod points_load;
pub mod projects_load;
pub mod rating;
pub mod requests;
pub mod statement_text;

use chrono::{DateTime, FixedOffset};

/// The repository's README: its Rust example run as a doctest exactly as printed. It
/// lives here rather than in the core so that the published crate refers to no file
/// outside it.
#[cfg(doctest)]
#[doc = include_str!("../../README.md")]
pub struct ReadmeDoctests;

/// Parses an RFC 3339 time written in the scenarios themselves.
///
/// # Panics
/// On a malformed literal, which is a bug in the scenario, not input.
pub fn at(text: &str) -> DateTime<FixedOffset> {
    DateTime::parse_from_rfc3339(text).expect("scenario times are valid RFC 3339")
}

/// A small deterministic generator (SplitMix64), so every run builds the same place.
pub use gridward::sim::Mix;

//! Simulated requests on the synthetic city, through the core's generator
//! ([`gridward::sim`]): the whole city as one ward, requests filed at random sites of
//! every district, swept city-wide each evening, under the default policy.

use chrono::{DateTime, FixedOffset};
use gridward::sim::{self, Plan, Policy};
use gridward::{Error, Ward};

use crate::city::Shape;

pub use gridward::sim::{Outcome, Site};

/// The sites of the synthetic city: one per micro-grid.
pub fn city_sites(shape: &Shape, ward: &Ward) -> Result<Vec<Site>, Error> {
    sim::sites(shape, ward, 0..shape.districts)
}

/// The synthetic city of `shape` built at `setup`, with a resident in every micro-grid,
/// a market supervision department in every street and its officer appointed: the
/// ward the simulations run on, and its sites.
pub fn requests_city(
    shape: &Shape,
    setup: DateTime<FixedOffset>,
) -> Result<(Ward, Vec<Site>), Error> {
    let mut ward = crate::city::build(shape, setup)?;
    let sites = city_sites(shape, &ward)?;
    sim::settle(&mut ward, &sites, setup)?;
    Ok((ward, sites))
}

fn plan(start: DateTime<FixedOffset>, days: u32, requests: usize, seed: u64) -> Plan {
    Plan {
        start,
        days,
        requests,
        seed,
        id_prefix: String::new(),
        sweep: None,
        release_journal: false,
    }
}

/// Files `requests` requests spread over `days` days from `start` at random sites and
/// takes each through its whole life, each command at its time, one at a time.
pub fn simulate(
    ward: &mut Ward,
    sites: &[Site],
    start: DateTime<FixedOffset>,
    days: u32,
    requests: usize,
    seed: u64,
) -> Result<Outcome, Error> {
    sim::simulate(
        ward,
        sites,
        &plan(start, days, requests, seed),
        &Policy::default(),
    )
}

/// The same simulation with each day's commands, the evening sweep included, given as
/// one batch ([`Ward::execute_batch`]): the same state, one journal entry a day.
pub fn simulate_batched(
    ward: &mut Ward,
    sites: &[Site],
    start: DateTime<FixedOffset>,
    days: u32,
    requests: usize,
    seed: u64,
) -> Result<Outcome, Error> {
    let plan = plan(start, days, requests, seed);
    sim::simulate_batched(ward, sites, &plan, &Policy::default())
}

/// The batched simulation with the journal's entries dropped from memory after each day,
/// as a ward whose journal is stored does ([`Ward::release_journal`]): the same state,
/// head and number of entries.
pub fn simulate_batched_releasing(
    ward: &mut Ward,
    sites: &[Site],
    start: DateTime<FixedOffset>,
    days: u32,
    requests: usize,
    seed: u64,
) -> Result<Outcome, Error> {
    let plan = Plan {
        release_journal: true,
        ..plan(start, days, requests, seed)
    };
    sim::simulate_batched(ward, sites, &plan, &Policy::default())
}

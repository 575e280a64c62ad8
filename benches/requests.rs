//! Benchmarks of the tasks capability on the Chengdu-scale city (3,060 communities,
//! 122,400 micro-grids, 7.2 million households), on one core.
//!
//! `cargo bench --bench requests` prints: routing decisions per second, a simulated year
//! of 1,000,000 requests through their whole life (filed, routed, claimed, started,
//! handled, verified, rated, some reworked or escalated, a sweep every evening) three
//! ways (one command at a time; in daily batches; in daily batches with the journal's
//! entries released after each day), the journal's share of that year alone (each
//! entry's body written again from its events and its hash chained), a floor under the
//! year's time (that share, with the lookups by id the year cannot do without: each
//! command's acting person, each filing's household), and the indicators of every
//! community over that year. Criterion also times one lookup of a person's id and of a
//! household's in the city's tables.

use std::hint::black_box;
use std::time::{Duration, Instant};

use chrono::{DateTime, FixedOffset};
use criterion::{criterion_group, criterion_main, Criterion, SamplingMode};
use gridward::grid::{Grid, Level};
use gridward::tasks::{Location, Period};
use gridward::{Actor, Error, Ward};
use gridward_scenarios::city::Shape;
use gridward_scenarios::journal_work;
use gridward_scenarios::requests::{
    requests_city, simulate, simulate_batched, simulate_batched_releasing, Outcome, Site,
};
use gridward_scenarios::{at, Mix};

const YEAR_REQUESTS: usize = 1_000_000;

/// Ids looked up in turn by the lookup benchmarks.
const LOOKUPS: usize = 1 << 20;

fn city() -> (Ward, Vec<Site>) {
    requests_city(&Shape::CHENGDU, at("2026-01-05T08:00:00+08:00"))
        .expect("the synthetic city builds, with its residents, departments and officers")
}

/// Whether a grid has a record of an id (a lookup the benches time).
type Found = fn(&Grid, &str) -> bool;

/// How the year's commands are given: one at a time, or each day's as one batch.
type Simulate =
    fn(&mut Ward, &[Site], DateTime<FixedOffset>, u32, usize, u64) -> Result<Outcome, Error>;

const WAYS: [(&str, Simulate); 3] = [
    ("one command at a time", simulate),
    ("in daily batches", simulate_batched),
    (
        "in daily batches, the journal released daily",
        simulate_batched_releasing,
    ),
];

fn year(ward: &mut Ward, sites: &[Site], way: Simulate) -> Outcome {
    way(
        ward,
        sites,
        at("2026-01-01T08:30:00+08:00"),
        365,
        YEAR_REQUESTS,
        7,
    )
    .expect("every command of the simulated year is accepted")
}

fn benches(c: &mut Criterion) {
    let (base, sites) = city();
    let mut rng = Mix::new(11);
    let homes: Vec<Location> = (0..4096)
        .map(|_| {
            let s = &sites[(rng.next_u64() % sites.len() as u64) as usize];
            Location::Household(s.home.clone())
        })
        .collect();

    let mut group = c.benchmark_group("requests");
    for category in ["neighbour_dispute", "neighbour_help", "food_safety"] {
        group.bench_function(format!("route one request ({category})"), |b| {
            let mut i = 0;
            b.iter(|| {
                i = (i + 1) & 4095;
                black_box(base.route(category, &homes[i]).expect("routes"));
            })
        });
    }

    // As many ids as the year draws in a few days, so that the lookups, like the year's,
    // find little of the tables in the caches.
    let (actors, households) = lookup_ids(&sites, LOOKUPS, 13);
    let lookups: [(&str, &[String], Found); 2] = [
        ("look up a person's id in the city", &actors, |g, id| {
            g.person(id).is_some()
        }),
        (
            "look up a household's id in the city",
            &households,
            |g, id| g.household(id).is_some(),
        ),
    ];
    for (name, ids, found) in lookups {
        group.bench_function(name, |b| {
            let mut i = 0;
            b.iter(|| {
                i = (i + 1) % LOOKUPS;
                assert!(
                    found(base.grid(), black_box(&ids[i])),
                    "{} is found",
                    ids[i]
                );
            })
        });
    }

    // One simulated year each way, measured once here so that the figures sit side by
    // side; the batched ward must reach the same state.
    let mut took = Vec::new();
    let mut wards = Vec::new();
    let mut filed = Vec::new();
    for (name, way) in WAYS {
        let mut ward = base.clone();
        let start = Instant::now();
        let outcome = year(&mut ward, &sites, way);
        let secs = start.elapsed().as_secs_f64();
        eprintln!(
            "requests: a year of {} requests {name}, {} commands ({} reworked, {} escalated) in {secs:.2} s; journal {} entries",
            outcome.requests,
            outcome.commands,
            outcome.reworked,
            outcome.whistled,
            ward.journal().len()
        );
        took.push(secs);
        filed.push(outcome.requests);
        wards.push(ward);
    }
    assert_eq!(
        wards[0].state_digest(),
        wards[1].state_digest(),
        "the batched year reaches the same state"
    );
    assert_eq!(
        (wards[1].state_digest(), wards[1].head()),
        (wards[2].state_digest(), wards[2].head()),
        "releasing the journal changes neither the state nor the head"
    );
    eprintln!(
        "requests: daily batches take {:.2}× the time of one command at a time; released daily, {:.2}× the time of batches kept",
        took[1] / took[0],
        took[2] / took[1]
    );
    let (share, acting) = journal_share(&wards[0], base.journal().len(), took[0]);
    floor(&wards[0], &sites, share, &acting, filed[0] as usize);
    drop(acting);
    let ward = wards.pop().expect("three wards");
    drop(wards);
    let period = Period {
        from: at("2026-01-01T00:00:00+08:00"),
        to: at("2027-01-01T00:00:00+08:00"),
    };
    let rows = ward.indicators_by(Level::Community, &period);
    let whole = ward
        .indicators(None, &period)
        .expect("whole-city indicators");
    eprintln!(
        "requests: {} communities; city closure rate {:?}%, on-time {:?}%, satisfaction {:?}%, rework {:?}%",
        rows.len(),
        whole.closure_rate,
        whole.on_time_rate,
        whole.satisfaction_rate,
        whole.rework_rate
    );
    group.bench_function("indicators of every community over a year", |b| {
        b.iter(|| black_box(ward.indicators_by(Level::Community, &period)))
    });
    drop(ward);

    group
        .sampling_mode(SamplingMode::Flat)
        .sample_size(10)
        .measurement_time(Duration::from_secs(120));
    for (name, way) in WAYS {
        group.bench_function(
            format!("a year of 1,000,000 requests through their whole life, {name}"),
            |b| {
                b.iter_custom(|iters| {
                    let mut total = Duration::ZERO;
                    for _ in 0..iters {
                        let mut ward = base.clone();
                        let start = Instant::now();
                        black_box(year(&mut ward, &sites, way));
                        total += start.elapsed();
                        drop(ward);
                    }
                    total
                })
            },
        );
    }
    group.finish();
}

/// Entries read back and written again at a time: bounds the typed copies held at once.
const CHUNK: usize = 20_000;

/// Prints the journal's share of the year `ward` ran one command at a time (its entries
/// after the first `before`): every body written again from its events and its hash
/// chained, as the ward did (checked against every recorded hash and text, not timed).
/// The keys' digests are left out, as the commands are not recorded, and each chunk's
/// texts are let go before the next: the figure is a floor, below the work the ward did.
///
/// Returns the share's seconds and, in order, the id of every entry's acting person (the
/// entries the platform made have none).
fn journal_share(ward: &Ward, before: usize, year_secs: f64) -> (f64, Vec<String>) {
    let entries = &ward.journal().entries()[before..];
    let mut secs = 0.0;
    let mut kept = Vec::with_capacity(CHUNK);
    let mut acting = Vec::with_capacity(entries.len());
    for chunk in entries.chunks(CHUNK) {
        let bodies = journal_work::read_bodies(chunk).expect("the bodies write back");
        acting.extend(bodies.iter().filter_map(|b| match b.actor() {
            Actor::Person(id) => Some(id.clone()),
            _ => None,
        }));
        kept.clear();
        let start = Instant::now();
        journal_work::write_and_chain(&bodies, chunk[0].seq(), *chunk[0].prev(), &mut kept);
        secs += start.elapsed().as_secs_f64();
        journal_work::check_kept(&kept, chunk).expect("the entries are written again");
    }
    let bytes: usize = entries.iter().map(|e| e.body().len()).sum();
    eprintln!(
        "requests: the journal's share of the year one command at a time, alone: {} entries, {:.2} GB of bodies written and hashed again in {secs:.2} s ({:.2}× the year's {year_secs:.2} s; keys' digests not included)",
        entries.len(),
        bytes as f64 / 1e9,
        secs / year_secs,
    );
    (secs, acting)
}

/// `n` ids of people who act in the year (residents, grid workers, grid leaders) and `n`
/// filing households, drawn from the sites at random.
fn lookup_ids(sites: &[Site], n: usize, seed: u64) -> (Vec<String>, Vec<String>) {
    let mut rng = Mix::new(seed);
    let mut actors = Vec::with_capacity(n);
    let mut households = Vec::with_capacity(n);
    for _ in 0..n {
        let s = &sites[(rng.next_u64() % sites.len() as u64) as usize];
        let who = match rng.next_u64() % 3 {
            0 => &s.resident,
            1 => &s.worker,
            _ => &s.verifier,
        };
        actors.push(who.clone());
        households.push(s.home.clone());
    }
    (actors, households)
}

/// Prints a floor under the year one command at a time: the journal's share (`share`
/// seconds, measured above) and the lookups by id the year cannot do without, timed
/// on the ward after the year: every acting person's id, in the order the year's
/// entries name them (`acting`), and one household's id for each of the `filings`.
/// Lookups made back to back find more in the caches than lookups spread through the
/// year's work, and the requests' own ids are left out: the floor is below the year's
/// true share of either.
fn floor(ward: &Ward, sites: &[Site], share: f64, acting: &[String], filings: usize) {
    let grid = ward.grid();
    let start = Instant::now();
    let found = acting.iter().filter(|id| grid.person(id).is_some()).count();
    let people = start.elapsed().as_secs_f64();
    assert_eq!(found, acting.len(), "every acting person is found");
    let (_, households) = lookup_ids(sites, filings, 17);
    let start = Instant::now();
    let found = households
        .iter()
        .filter(|id| grid.household(id).is_some())
        .count();
    let homes = start.elapsed().as_secs_f64();
    assert_eq!(found, households.len(), "every filing household is found");
    let each = |secs: f64, n: usize| secs * 1e9 / n.max(1) as f64;
    eprintln!(
        "requests: a floor under the year one command at a time: {:.2} s = the journal's share {share:.2} s + {} acting people's ids looked up {people:.2} s ({:.0} ns each) + {filings} filing households' {homes:.2} s ({:.0} ns each), against the target of 10 s",
        share + people + homes,
        acting.len(),
        each(people, acting.len()),
        each(homes, filings),
    );
}

criterion_group!(requests, benches);
criterion_main!(requests);

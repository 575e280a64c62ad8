//! Benchmarks of points and stars on one core.
//!
//! `cargo bench --bench points` measures:
//! - 1,000,000 redemptions through the capability's pure step (`points::decide` then
//!   `Points::apply`, no journal) by 100,000 residents, each redeeming their own points
//!   with an idempotency key from three earned lots, against a catalog of four items;
//! - 100,000 of the same redemptions through `Ward::execute` (key digest, journal entry
//!   and its SHA-256 chain, apply), and through `Ward::execute_batch`, 1,000 a batch;
//! - the journal's share of those 100,000 alone, done again on the entries `execute`
//!   recorded: each key's digest, each body written and its hash chained, its text kept
//!   (`gridward_scenarios::journal_work`): the floor under `execute`'s time that
//!   deciding and applying add to;
//! - star levels recomputed for 1,000,000 volunteers with certified service: the
//!   preview a grant computes (`Scoring::grant_preview`), and the whole
//!   `ScoringCommand::GrantStars` through `Ward::execute`.
//!
//! Set-up (registering people, awarding lots, recording and certifying service) goes
//! through the ward's commands too and is not timed; its durations are printed.

use std::cell::OnceCell;
use std::hint::black_box;
use std::time::{Duration, Instant};

use chrono::NaiveDate;
use criterion::{criterion_group, criterion_main, Criterion, SamplingMode, Throughput};
use gridward::journal::Entry;
use gridward::points::{self, Reads};
use gridward::scoring::{ScoringCommand, StarProfile};
use gridward::{Actor, Command, Context, Hash, Ward, WardConfig};
use gridward_scenarios::at;
use gridward_scenarios::journal_work::{self, Body, Kept};
use gridward_scenarios::points_load::{
    add_items, award_lots, certified_service, people_ward, redemptions, Redeem,
};

const RESIDENTS: usize = 100_000;
const LOTS: usize = 3;
const LOT_POINTS: u64 = 30;
const PURE_REDEMPTIONS: usize = 1_000_000;
const WARD_REDEMPTIONS: usize = 100_000;
/// Redemptions given to `Ward::execute_batch` at once.
const BATCH: usize = 1_000;
const VOLUNTEERS: usize = 1_000_000;
const RECORDS: usize = 2;

/// Time this thread has spent on a CPU (from /proc/thread-self/schedstat), so that a
/// figure can be read on a machine shared with other work; zero where unavailable.
fn on_cpu() -> Duration {
    std::fs::read_to_string("/proc/thread-self/schedstat")
        .ok()
        .and_then(|s| s.split_whitespace().next()?.parse().ok())
        .map_or(Duration::ZERO, Duration::from_nanos)
}

/// Runs `f` once and prints its wall-clock and on-CPU time and rate.
fn once<T>(what: &str, n: usize, f: impl FnOnce() -> T) -> T {
    let (wall, cpu) = (Instant::now(), on_cpu());
    let out = f();
    let (wall, cpu) = (wall.elapsed(), on_cpu().saturating_sub(cpu));
    eprintln!(
        "points: {what}: {:.3} s wall ({:.0}/s), {:.3} s on CPU ({:.0}/s)",
        wall.as_secs_f64(),
        n as f64 / wall.as_secs_f64(),
        cpu.as_secs_f64(),
        n as f64 / cpu.as_secs_f64().max(1e-9),
    );
    out
}

fn timed<T>(what: &str, f: impl FnOnce() -> T) -> T {
    let start = Instant::now();
    let out = f();
    eprintln!(
        "points: set-up: {what} in {:.2} s",
        start.elapsed().as_secs_f64()
    );
    out
}

/// 100,000 residents with three lots of 30 points each (the lots expire after a year)
/// and four items with stock for every redemption.
fn redemption_ward() -> Ward {
    let mut config = WardConfig::default();
    config.points.expiry = points::Expiry::Days { days: 365 };
    let mut ward = timed("100,000 residents", || {
        people_ward(config, RESIDENTS, at("2026-01-01T08:00:00+08:00")).expect("people")
    });
    add_items(&mut ward, 4_000_000_000, at("2026-01-02T08:00:00+08:00")).expect("items");
    timed("300,000 awards", || {
        award_lots(
            &mut ward,
            RESIDENTS,
            LOTS,
            LOT_POINTS,
            at("2026-01-03T08:00:00+08:00"),
        )
        .expect("awards")
    });
    ward
}

fn run_pure(
    reads: Reads<'_>,
    state: &mut points::Points,
    batch: Vec<Redeem>,
    when: chrono::DateTime<chrono::FixedOffset>,
) {
    for r in batch {
        let events = points::decide(
            reads,
            state,
            &r.actor,
            when,
            Some(r.key.as_str()),
            r.command,
        )
        .expect("every redemption is accepted");
        for e in events {
            state.apply(reads.grid, e);
        }
    }
}

/// The residents' ward and the redemptions to make, checked once: every redemption is
/// accepted and the points add up.
struct RedeemLoad {
    base: Ward,
    all: Vec<Redeem>,
    recorded: Recorded,
}

/// What `execute` recorded for the 100,000 redemptions, for the journal's share of the
/// work done again: the entries' bodies in typed parts, the hash before the first, and
/// each command with its actor.
struct Recorded {
    bodies: Vec<Body>,
    first: u64,
    prev: Hash,
    commands: Vec<(Actor, Command)>,
}

impl Recorded {
    /// Reads back the entries `ward` recorded after the first `before`, checking that
    /// each body writes back to its bytes and its hash chains, and that each key's
    /// digest is the one recorded.
    fn of(ward: &Ward, before: usize, all: &[Redeem]) -> Recorded {
        let entries: &[Entry] = &ward.journal().entries()[before..];
        let bodies = journal_work::read_bodies(entries).expect("the bodies write back");
        let (first, prev) = (entries[0].seq(), *entries[0].prev());
        let commands: Vec<(Actor, Command)> = all[..WARD_REDEMPTIONS]
            .iter()
            .map(|r| (r.actor.clone(), r.command.clone().into()))
            .collect();
        let recorded = Recorded {
            bodies,
            first,
            prev,
            commands,
        };
        let (kept, digests) = recorded.redo();
        journal_work::check_kept(&kept, entries).expect("the entries are written again");
        for (digest, body) in digests.iter().zip(&recorded.bodies) {
            assert_eq!(
                Some(*digest),
                body.digest(),
                "the key's digest is the one recorded"
            );
        }
        recorded
    }

    /// The journal's share of the redemptions' work: the keys' digests, then each body
    /// written, chained and kept.
    fn redo(&self) -> (Vec<Kept>, Vec<Hash>) {
        let digests = self.digests();
        let mut kept = Vec::new();
        journal_work::write_and_chain(&self.bodies, self.first, self.prev, &mut kept);
        (kept, digests)
    }

    /// The keys' digests alone.
    fn digests(&self) -> Vec<Hash> {
        let mut digests = Vec::new();
        journal_work::key_digests(self.commands.iter().map(|(a, c)| (a, c)), &mut digests);
        digests
    }
}

fn redeem_load() -> RedeemLoad {
    let base = redemption_ward();
    let all = redemptions(PURE_REDEMPTIONS, RESIDENTS, 7);
    let mut after = base.points().clone();
    let batch = all.clone();
    once("1,000,000 redemptions, pure step", PURE_REDEMPTIONS, || {
        run_pure(reads(&base), &mut after, batch, redeem_time())
    });
    let t = after.totals();
    assert_eq!(t.redemptions, PURE_REDEMPTIONS as u64);
    assert_eq!(t.earned, t.spent + t.expired + t.balance);
    eprintln!(
        "points: {} redemptions spent {} of {} points earned",
        t.redemptions, t.spent, t.earned
    );
    drop(after);
    let mut ward = base.clone();
    let batch = ward_batch(&all);
    once(
        "100,000 redemptions, Ward::execute",
        WARD_REDEMPTIONS,
        || run_each(&mut ward, batch),
    );
    let single = ward.state_digest();
    let recorded = Recorded::of(&ward, base.journal().len(), &all);
    once(
        "the journal's share of those 100,000 alone (key digests, bodies, hashes)",
        WARD_REDEMPTIONS,
        || recorded.redo(),
    );
    once("of which the keys' digests", WARD_REDEMPTIONS, || {
        recorded.digests()
    });
    drop(ward);
    let mut ward = base.clone();
    let batch = ward_batch(&all);
    once(
        "100,000 redemptions, Ward::execute_batch (1,000 a batch)",
        WARD_REDEMPTIONS,
        || run_batches(&mut ward, batch),
    );
    assert_eq!(ward.state_digest(), single, "batches reach the same state");
    drop(ward);
    RedeemLoad {
        base,
        all,
        recorded,
    }
}

/// How redemptions are given to the ward.
type Give = fn(&mut Ward, Vec<(Context, points::PointsCommand)>);

/// Gives the redemptions to the ward one at a time; every one must be accepted.
fn run_each(ward: &mut Ward, commands: Vec<(Context, points::PointsCommand)>) {
    for (ctx, command) in commands {
        ward.execute(&ctx, command).expect("accepted");
    }
}

/// Gives the redemptions to the ward in batches of [`BATCH`]; every one must be accepted.
fn run_batches(ward: &mut Ward, commands: Vec<(Context, points::PointsCommand)>) {
    let mut commands = commands.into_iter().peekable();
    while commands.peek().is_some() {
        let receipt = ward.execute_batch(
            commands
                .by_ref()
                .take(BATCH)
                .map(|(ctx, command)| (ctx, command.into())),
        );
        assert_eq!(receipt.refused(), 0, "every redemption is accepted");
    }
}

fn reads(ward: &Ward) -> Reads<'_> {
    Reads {
        grid: ward.grid(),
        tasks: ward.tasks(),
        scoring: ward.scoring(),
        config: &ward.config().points,
    }
}

fn redeem_time() -> chrono::DateTime<chrono::FixedOffset> {
    at("2026-03-01T10:00:00+08:00")
}

/// The first 100,000 redemptions as the ward takes them, with their contexts.
fn ward_batch(all: &[Redeem]) -> Vec<(Context, points::PointsCommand)> {
    all[..WARD_REDEMPTIONS]
        .iter()
        .map(|r| {
            let ctx = Context::new(r.actor.clone(), redeem_time()).with_key(r.key.clone());
            (ctx, r.command.clone())
        })
        .collect()
}

fn redemption_benches(c: &mut Criterion) {
    // Built on first use, so that a filtered run builds only what it measures.
    let load = OnceCell::new();
    let when = redeem_time();
    let mut group = c.benchmark_group("points");
    group.sampling_mode(SamplingMode::Flat);
    group.sample_size(10);
    group.measurement_time(Duration::from_secs(20));
    group.throughput(Throughput::Elements(PURE_REDEMPTIONS as u64));
    group.bench_function("redeem_1m_pure_step", |b| {
        b.iter_custom(|iters| {
            let mut total = Duration::ZERO;
            let RedeemLoad { base, all, .. } = load.get_or_init(redeem_load);
            for _ in 0..iters {
                let mut state = base.points().clone();
                let batch = all.clone();
                let start = Instant::now();
                run_pure(reads(base), &mut state, batch, when);
                total += start.elapsed();
                black_box(&state);
            }
            total
        })
    });

    group.throughput(Throughput::Elements(WARD_REDEMPTIONS as u64));
    let ways: [(&str, Give); 2] = [
        ("redeem_100k_ward_execute", run_each),
        ("redeem_100k_ward_execute_batch_1000", run_batches),
    ];
    for (name, give) in ways {
        group.bench_function(name, |b| {
            b.iter_custom(|iters| {
                let RedeemLoad { base, all, .. } = load.get_or_init(redeem_load);
                let mut total = Duration::ZERO;
                for _ in 0..iters {
                    let mut ward = base.clone();
                    let batch = ward_batch(all);
                    let start = Instant::now();
                    give(&mut ward, batch);
                    total += start.elapsed();
                    black_box(&ward);
                }
                total
            })
        });
    }
    group.bench_function("redeem_100k_journal_work_alone", |b| {
        b.iter_custom(|iters| {
            let recorded = &load.get_or_init(redeem_load).recorded;
            let mut total = Duration::ZERO;
            for _ in 0..iters {
                let start = Instant::now();
                let done = recorded.redo();
                total += start.elapsed();
                black_box(done);
            }
            total
        })
    });
    group.finish();
}

/// 1,000,000 volunteers with two certified services each of 10 to 24 hours, under
/// 张家港's profile (30 / 60 / 100 / 200 / 300 hours), no grant made yet.
fn star_ward() -> Ward {
    let mut config = WardConfig::default();
    config.scoring.stars = StarProfile::zhangjiagang();
    let mut ward = timed("1,000,000 volunteers", || {
        people_ward(config, VOLUNTEERS, at("2026-01-01T08:00:00+08:00")).expect("people")
    });
    timed("2,000,000 services recorded and certified", || {
        certified_service(
            &mut ward,
            VOLUNTEERS,
            RECORDS,
            at("2026-02-01T09:00:00+08:00"),
            5,
        )
        .expect("services")
    });
    ward
}

/// The volunteers' ward, its profile and the day of the grant.
struct StarLoad {
    base: Ward,
    profile: StarProfile,
    on: NaiveDate,
}

fn star_load() -> StarLoad {
    let base = star_ward();
    let profile = base.config().scoring.stars.clone();
    let on = grant_time().date_naive();
    let changes = once(
        "grant preview over 1,000,000 volunteers",
        VOLUNTEERS,
        || {
            base.scoring()
                .grant_preview(base.grid(), &profile, on)
                .expect("a grant")
        },
    );
    eprintln!(
        "points: a grant over {VOLUNTEERS} volunteers raises {} levels",
        changes.len()
    );
    let mut ward = base.clone();
    let ctx = Context::new(Actor::System, grant_time());
    once(
        "GrantStars over 1,000,000 volunteers, Ward::execute",
        VOLUNTEERS,
        || {
            ward.execute(&ctx, ScoringCommand::GrantStars { on })
                .expect("the grant is made")
        },
    );
    drop(ward);
    StarLoad { base, profile, on }
}

fn grant_time() -> chrono::DateTime<chrono::FixedOffset> {
    at("2026-06-30T09:00:00+08:00")
}

fn star_benches(c: &mut Criterion) {
    let load = OnceCell::new();
    let mut group = c.benchmark_group("stars");
    group.sampling_mode(SamplingMode::Flat);
    group.sample_size(10);
    group.measurement_time(Duration::from_secs(20));
    group.throughput(Throughput::Elements(VOLUNTEERS as u64));
    group.bench_function("grant_preview_1m_volunteers", |b| {
        let StarLoad { base, profile, on } = load.get_or_init(star_load);
        b.iter(|| {
            black_box(
                base.scoring()
                    .grant_preview(base.grid(), profile, *on)
                    .expect("a grant"),
            )
        })
    });
    let ctx = Context::new(Actor::System, grant_time());
    group.bench_function("grant_stars_execute_1m_volunteers", |b| {
        b.iter_custom(|iters| {
            let StarLoad { base, on, .. } = load.get_or_init(star_load);
            let mut total = Duration::ZERO;
            for _ in 0..iters {
                let mut ward = base.clone();
                let start = Instant::now();
                ward.execute(&ctx, ScoringCommand::GrantStars { on: *on })
                    .expect("the grant is made");
                total += start.elapsed();
                black_box(&ward);
            }
            total
        })
    });
    group.finish();
}

criterion_group!(points_benches, redemption_benches, star_benches);
criterion_main!(points_benches);

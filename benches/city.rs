//! Benchmarks at Chengdu's scale: a synthetic city of 18 districts, 3,060 communities,
//! 122,400 micro-grids and about 7.2 million households, on one core.
//!
//! `cargo bench --bench city` prints every figure the grid issue asks for: bulk build,
//! bytes of state per household, a household's chain of responsibility, the city-wide
//! coverage report, a directive over a district of about 400,000 households, and replay
//! of the build's journal (from memory and from exported JSON lines).

use std::alloc::{GlobalAlloc, Layout, System};
use std::hint::black_box;
use std::sync::atomic::{AtomicBool, AtomicIsize, Ordering};
use std::time::{Duration, Instant};

use criterion::{criterion_group, criterion_main, BatchSize, Criterion, SamplingMode};
use gridward::grid::{CoverageRules, Domain, GridCommand, ImportRow};
use gridward::{Actor, Context, Ward, WardConfig};
use gridward_scenarios::city::{district_rows, Shape};
use gridward_scenarios::{at, Mix};

/// Counts live heap bytes while `COUNTING` is on, so the bench can report the state's
/// size; off during the timed runs, where it would only add cost.
struct Counting;

static LIVE: AtomicIsize = AtomicIsize::new(0);
static COUNTING: AtomicBool = AtomicBool::new(false);

fn count(delta: isize) {
    if COUNTING.load(Ordering::Relaxed) {
        LIVE.fetch_add(delta, Ordering::Relaxed);
    }
}

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        count(layout.size() as isize);
        System.alloc(layout)
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        count(-(layout.size() as isize));
        System.dealloc(ptr, layout)
    }
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        count(new_size as isize - layout.size() as isize);
        System.realloc(ptr, layout, new_size)
    }
}

#[global_allocator]
static GLOBAL: Counting = Counting;

fn live() -> isize {
    LIVE.load(Ordering::Relaxed)
}

fn city_rows() -> Vec<Vec<ImportRow>> {
    (0..Shape::CHENGDU.districts)
        .map(|d| district_rows(&Shape::CHENGDU, d))
        .collect()
}

fn build(rows: Vec<Vec<ImportRow>>) -> Ward {
    let mut ward = Ward::new(WardConfig::default());
    let ctx = Context::new(Actor::System, at("2026-01-05T08:00:00+08:00"));
    for district in rows {
        ward.execute(&ctx, GridCommand::Import { rows: district })
            .expect("the synthetic city imports");
    }
    ward
}

/// Builds the city once, reports its size and the one-off figures, and returns it.
fn city_with_report() -> Ward {
    COUNTING.store(true, Ordering::Relaxed);
    let before = live();
    let rows = city_rows();
    let rows_bytes = live() - before;
    let start = Instant::now();
    let ward = build(rows);
    let built_in = start.elapsed();
    let total = live() - before;
    let journal_before = live();
    let journal_copy = ward.journal().clone();
    let journal_bytes = live() - journal_before;
    drop(journal_copy);
    COUNTING.store(false, Ordering::Relaxed);
    let state = total - journal_bytes;
    let counts = ward.grid().counts(None).expect("whole-city counts");
    let per_household = state as f64 / counts.households as f64;
    eprintln!(
        "city: {} districts, {} streets, {} communities, {} micro-grids, {} households, {} people",
        counts.districts,
        counts.streets,
        counts.communities,
        counts.micro_grids,
        counts.households,
        counts.people
    );
    eprintln!(
        "city: import rows {:.0} MB; built once in {:.2} s; state {:.0} MB = {:.1} bytes per household (journal aside: {:.0} MB in {} entries)",
        rows_bytes as f64 / 1e6,
        built_in.as_secs_f64(),
        state as f64 / 1e6,
        per_household,
        journal_bytes as f64 / 1e6,
        ward.journal().len()
    );
    ward
}

fn benches(c: &mut Criterion) {
    let ward = city_with_report();

    let mut group = c.benchmark_group("city");
    group
        .sampling_mode(SamplingMode::Flat)
        .sample_size(10)
        .measurement_time(Duration::from_secs(20));
    group.bench_function("bulk build, 7.2M households", |b| {
        b.iter_batched(
            city_rows,
            |rows| drop(black_box(build(rows))),
            BatchSize::PerIteration,
        )
    });
    group.bench_function("replay the build's journal", |b| {
        b.iter_batched(
            || ward.journal().clone(),
            |journal| {
                drop(black_box(
                    Ward::replay(WardConfig::default(), journal).expect("replays"),
                ))
            },
            BatchSize::PerIteration,
        )
    });
    let text = ward.to_jsonl();
    eprintln!(
        "city: exported journal {:.0} MB of JSON lines",
        text.len() as f64 / 1e6
    );
    group.bench_function("import JSON lines: verify and replay", |b| {
        b.iter(|| {
            drop(black_box(
                Ward::from_jsonl(WardConfig::default(), &text).expect("imports"),
            ))
        })
    });
    drop(text);
    let rules = CoverageRules::default();
    group.bench_function("coverage report, whole city", |b| {
        b.iter(|| black_box(ward.grid().coverage(None, &rules).expect("coverage")))
    });
    group.finish();

    let report = ward.grid().coverage(None, &rules).expect("coverage");
    eprintln!(
        "city: coverage found {} micro-grids out of band, {} without a party member, {} units without a leader",
        report.out_of_band.len(),
        report.without_party_member.len(),
        report.without_leader.len()
    );

    let mut rng = Mix::new(7);
    let all: Vec<String> = {
        let households = ward
            .grid()
            .households_under(Shape::district(0).expect("district 0 has a code"))
            .expect("district");
        (0..4096)
            .map(|_| {
                households[rng.between(0, households.len() as u64 - 1) as usize]
                    .id()
                    .to_owned()
            })
            .collect()
    };
    let mut i = 0usize;
    c.bench_function("chain of responsibility, one household", |b| {
        b.iter(|| {
            i = (i + 1) & 4095;
            black_box(
                ward.grid()
                    .chain(&all[i], Domain::FireSafety)
                    .expect("chain")
                    .links
                    .len(),
            )
        })
    });

    let mut ward = ward;
    let district = Shape::district(0).expect("district 0 has a code");
    let targets = ward
        .grid()
        .households_under(district)
        .expect("district")
        .len();
    eprintln!("city: directive benchmark district {district} has {targets} households");
    let mut n = 0u64;
    let mut group = c.benchmark_group("directive");
    group.sample_size(20);
    group.bench_function("issue at a district of ~400k households", |b| {
        b.iter(|| {
            n += 1;
            let ctx = Context::new(Actor::System, at("2026-01-06T08:00:00+08:00"));
            let cmd = GridCommand::IssueDirective {
                id: format!("order-{n}"),
                unit: district,
                title: "防汛紧急通知".into(),
                due: None,
            };
            black_box(ward.execute(&ctx, cmd).expect("issued"))
        })
    });
    group.finish();
}

criterion_group!(city, benches);
criterion_main!(city);

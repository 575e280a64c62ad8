//! Benchmarks of the project selection rules on one core.
//!
//! `cargo bench --bench projects` measures:
//! - the thirteen Pabulib elections of `tests/fixtures/pabulib/`, each read from its
//!   text and decided under the rule it declares, all together;
//! - Wieliczka's Green Budget 2023 (64 projects, 6,586 ballots) under Equal Shares with
//!   `add1` and the comparison with greedy, as it declares;
//! - a synthetic city-wide decision, 500,000 approval ballots over 300 projects, under
//!   every rule (timed once each: wall-clock and on-CPU time are printed, with the
//!   number of `add1` steps Equal Shares took).

use std::hint::black_box;
use std::path::PathBuf;
use std::time::{Duration, Instant};

use criterion::{criterion_group, criterion_main, Criterion, SamplingMode};
use gridward::projects::pabulib::read;
use gridward::projects::{select, Rule};
use gridward_scenarios::projects_load::city_election;
use rust_decimal::Decimal;

const VOTERS: usize = 500_000;
const PROJECTS: usize = 300;

/// Time this thread has spent on a CPU (from /proc/thread-self/schedstat), so that a
/// figure can be read on a machine shared with other work; zero where unavailable.
fn on_cpu() -> Duration {
    std::fs::read_to_string("/proc/thread-self/schedstat")
        .ok()
        .and_then(|s| s.split_whitespace().next()?.parse().ok())
        .map_or(Duration::ZERO, Duration::from_nanos)
}

fn fixtures() -> Vec<String> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/pabulib");
    let mut paths: Vec<PathBuf> = std::fs::read_dir(dir)
        .expect("fixtures")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.extension().is_some_and(|x| x == "pb"))
        .collect();
    paths.sort();
    paths
        .iter()
        .map(|p| std::fs::read_to_string(p).expect("readable"))
        .collect()
}

fn decide(text: &str) -> usize {
    let file = read(text).expect("a valid file");
    let rule = file.rule.clone().expect("a known rule");
    select(&file.election, &rule)
        .expect("decided")
        .selected
        .len()
}

fn bench(c: &mut Criterion) {
    let texts = fixtures();
    let wieliczka = texts
        .iter()
        .find(|t| t.contains("Wieliczka"))
        .expect("Wieliczka")
        .clone();
    let mut group = c.benchmark_group("projects");
    group.sampling_mode(SamplingMode::Flat);
    group.sample_size(20);
    group.measurement_time(Duration::from_secs(10));
    group.bench_function("pabulib_13_read_and_decide", |b| {
        b.iter(|| texts.iter().map(|t| decide(black_box(t))).sum::<usize>())
    });
    let file = read(&wieliczka).expect("Wieliczka reads");
    group.bench_function("wieliczka_equal_shares_add1_comparison", |b| {
        b.iter(|| select(black_box(&file.election), &Rule::EqualSharesComparison))
    });
    group.finish();

    let (wall, cpu) = (Instant::now(), on_cpu());
    let election = city_election(VOTERS, PROJECTS);
    eprintln!(
        "projects: synthetic election of {VOTERS} ballots over {PROJECTS} projects built in {:.3} s (budget {})",
        wall.elapsed().as_secs_f64(),
        election.budget
    );
    let _ = cpu;
    for rule in [
        Rule::Greedy,
        Rule::GreedyNoSkip,
        Rule::GreedyThreshold {
            min_score: Decimal::from(5_000),
        },
        Rule::EqualShares,
        Rule::EqualSharesComparison,
    ] {
        let (wall, cpu) = (Instant::now(), on_cpu());
        let s = select(&election, &rule).expect("decided");
        let (wall, cpu) = (wall.elapsed(), on_cpu().saturating_sub(cpu));
        eprintln!(
            "projects: {VOTERS} x {PROJECTS} {rule:?}: {:.3} s wall, {:.3} s on CPU; {} chosen costing {}{}",
            wall.as_secs_f64(),
            cpu.as_secs_f64(),
            s.selected.len(),
            s.cost,
            s.voter_budget
                .map(|b| format!("; add1 ended at {b} per voter"))
                .unwrap_or_default(),
        );
    }
}

criterion_group!(benches, bench);
criterion_main!(benches);

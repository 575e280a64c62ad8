//! Reading the city's journal against its limits, side by side in one run.
//!
//! `cargo bench --bench journal` builds the synthetic city of the `city` bench (about
//! 7.2 million households), exports its journal as JSON lines, and measures:
//! - verifying the hashes and links alone (`Journal::verify_jsonl`, spread over the
//!   machine's threads), against `openssl dgst -sha256` of the same bytes from a file
//!   (the file is read once before, so both read from memory: the page cache for
//!   openssl, the text for Gridward);
//! - replaying the journal alone (`Ward::replay`, from memory), against the bulk build
//!   of the same city that wrote it;
//! - importing the JSON lines whole (verify, then replay).
//!
//! After the criterion figures it times each pair in turn, alternating, and prints the
//! medians and their ratio. The openssl rows are skipped when `openssl` is not on the
//! path.

use std::hint::black_box;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

use criterion::{criterion_group, criterion_main, BatchSize, Criterion, SamplingMode};
use gridward::{Journal, Ward, WardConfig};
use gridward_scenarios::at;
use gridward_scenarios::city::{build, Shape};

fn city() -> Ward {
    build(&Shape::CHENGDU, at("2026-01-05T08:00:00+08:00")).expect("the synthetic city imports")
}

/// Hashes `path` with `openssl dgst -sha256`; `None` when openssl cannot be run.
fn openssl(path: &Path) -> Option<String> {
    let out = Command::new("openssl")
        .args(["dgst", "-sha256"])
        .arg(path)
        .output()
        .ok()?;
    out.status
        .success()
        .then(|| String::from_utf8_lossy(&out.stdout).into_owned())
}

/// The median of `runs` timings of `f`.
fn median(runs: &mut [Duration]) -> Duration {
    runs.sort_unstable();
    runs[runs.len() / 2]
}

/// How long `f` takes.
fn timed(f: impl FnOnce()) -> Duration {
    let start = Instant::now();
    f();
    start.elapsed()
}

/// Runs `a` and `b` in turn, `rounds` times each (each gives the time of its own timed
/// part), and prints their medians and ratio.
fn side_by_side(
    what: &str,
    rounds: usize,
    mut a: impl FnMut() -> Duration,
    mut b: impl FnMut() -> Duration,
) {
    let (mut ta, mut tb) = (Vec::new(), Vec::new());
    for _ in 0..rounds {
        ta.push(a());
        tb.push(b());
    }
    let (ma, mb) = (median(&mut ta), median(&mut tb));
    eprintln!(
        "journal: {what}: {:.3} s against {:.3} s, ratio {:.2} (medians of {rounds} alternating runs)",
        ma.as_secs_f64(),
        mb.as_secs_f64(),
        ma.as_secs_f64() / mb.as_secs_f64()
    );
}

fn benches(c: &mut Criterion) {
    let ward = city();
    let text = ward.to_jsonl();
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
    eprintln!(
        "journal: the city's journal is {:.0} MB of JSON lines in {} entries; {threads} threads",
        text.len() as f64 / 1e6,
        ward.journal().len()
    );
    let path: PathBuf =
        std::env::temp_dir().join(format!("gridward-city-{}.jsonl", std::process::id()));
    std::fs::write(&path, &text).expect("the journal is written to a temporary file");
    let has_openssl = openssl(&path).is_some();

    let mut group = c.benchmark_group("journal");
    group
        .sampling_mode(SamplingMode::Flat)
        .sample_size(10)
        .measurement_time(Duration::from_secs(10));
    group.bench_function("verify hashes and links alone", |b| {
        b.iter(|| assert!(Journal::verify_jsonl(black_box(&text)).intact))
    });
    if has_openssl {
        group.bench_function("openssl dgst -sha256 of the same bytes", |b| {
            b.iter(|| black_box(openssl(&path).expect("openssl runs")))
        });
    }
    group.bench_function("replay alone, from memory", |b| {
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
    group.bench_function("bulk build of the same city", |b| {
        b.iter(|| drop(black_box(city())))
    });
    group.bench_function("import JSON lines: verify and replay", |b| {
        b.iter(|| {
            drop(black_box(
                Ward::from_jsonl(WardConfig::default(), &text).expect("imports"),
            ))
        })
    });
    group.finish();

    if has_openssl {
        side_by_side(
            "verifying alone against openssl dgst -sha256",
            7,
            || timed(|| assert!(Journal::verify_jsonl(&text).intact)),
            || timed(|| drop(openssl(&path))),
        );
    }
    side_by_side(
        "replaying alone against the bulk build",
        3,
        || {
            // The clone is set-up, not replay: only replay is timed.
            let journal = ward.journal().clone();
            timed(|| drop(Ward::replay(WardConfig::default(), journal).expect("replays")))
        },
        || timed(|| drop(city())),
    );
    let _ = std::fs::remove_file(&path);
}

criterion_group!(journal, benches);
criterion_main!(journal);

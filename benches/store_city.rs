//! A store at Chengdu's scale: the synthetic city of 18 districts and about 7.2 million
//! households, kept on disk as its bulk build's journal (about 444 MB of JSON lines).
//!
//! `cargo bench --bench store_city` measures, in the machine's temporary folder:
//! - opening the store from its journal alone: lock, read line by line, verify every
//!   hash and link, replay every event (each checked against the state it meets);
//! - opening the same store with a snapshot at its head: lock, load and check the
//!   snapshot (body hash, configuration, state digest), verify every journal line's
//!   hash and link up to it, and replay nothing;
//! - taking the snapshot: encode the state, write it to a temporary file, fsync, rename,
//!   fsync the folder.
//!
//! It prints the journal's and the snapshot's sizes.

use std::hint::black_box;
use std::path::PathBuf;
use std::time::Duration;

use criterion::{criterion_group, criterion_main, Criterion, SamplingMode};
use gridward::WardConfig;
use gridward_scenarios::at;
use gridward_scenarios::city::{build, Shape};
use gridward_store::{Store, StoreOptions};

fn folder(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("gridward-bench-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    dir
}

fn city_store(c: &mut Criterion) {
    let ward = build(&Shape::CHENGDU, at("2026-03-01T09:00:00+08:00")).unwrap();
    let digest = ward.state_digest();
    let journal_only = folder("city-journal");
    let with_snapshot = folder("city-snapshot");
    for dir in [&journal_only, &with_snapshot] {
        drop(Store::create(dir, WardConfig::default(), StoreOptions::default()).unwrap());
        std::fs::write(dir.join("journal.jsonl"), ward.to_jsonl()).unwrap();
    }
    let journal_bytes = std::fs::metadata(journal_only.join("journal.jsonl"))
        .unwrap()
        .len();
    drop(ward);

    // The snapshot, taken by the store itself; both stores open to the same ward.
    let mut store = Store::open(&with_snapshot, StoreOptions::default()).unwrap();
    let snapshot = store.snapshot().unwrap();
    drop(store);
    let snapshot_bytes = std::fs::metadata(&snapshot).unwrap().len();
    eprintln!(
        "city store: journal {journal_bytes} bytes; snapshot {snapshot_bytes} bytes ({:.1}% of it)",
        100.0 * snapshot_bytes as f64 / journal_bytes as f64
    );
    let opened = Store::open(&with_snapshot, StoreOptions::default()).unwrap();
    assert_eq!(opened.opened().replayed(), 0);
    assert_eq!(opened.ward().state_digest(), digest);
    drop(opened);
    let opened = Store::open(&journal_only, StoreOptions::default()).unwrap();
    assert_eq!(opened.opened().snapshot, None);
    assert_eq!(opened.ward().state_digest(), digest);
    drop(opened);

    let mut group = c.benchmark_group("city_store");
    group.sample_size(10);
    group.sampling_mode(SamplingMode::Flat);
    group.measurement_time(Duration::from_secs(60));
    group.bench_function("open_from_the_journal_alone", |b| {
        b.iter(|| black_box(Store::open(&journal_only, StoreOptions::default()).unwrap()))
    });
    group.bench_function("open_from_a_snapshot_at_the_head", |b| {
        b.iter(|| black_box(Store::open(&with_snapshot, StoreOptions::default()).unwrap()))
    });
    let mut store = Store::open(&with_snapshot, StoreOptions::default()).unwrap();
    group.bench_function("take_a_snapshot", |b| {
        b.iter(|| black_box(store.snapshot().unwrap()))
    });
    drop(store);
    group.finish();
    for dir in [journal_only, with_snapshot] {
        let _ = std::fs::remove_dir_all(dir);
    }
}

criterion_group!(benches, city_store);
criterion_main!(benches);

//! Benchmarks of a ward kept on disk (`gridward-store`).
//!
//! `cargo bench --bench store` measures, on the machine's temporary folder:
//! - 1,000 commands (a person registered each) through `Store::execute` with each sync
//!   policy — an fsync per command (the default), one per 100 entries, and only at the
//!   end — against the same commands through `Ward::execute` in memory;
//! - opening a store of 100,000 such entries (lock, read line by line, verify every
//!   hash and link, replay, release the entries from memory), against reading the same
//!   file whole and `Ward::from_jsonl` on it (which keeps the entries in memory), and
//!   against opening the same store with a snapshot at its head (load and check the
//!   snapshot, verify every line's hash and link, replay nothing);
//! - taking that snapshot (encode, write, fsync, rename, fsync the folder).

use std::hint::black_box;
use std::path::PathBuf;
use std::time::Duration;

use criterion::{criterion_group, criterion_main, BatchSize, Criterion, Throughput};
use gridward::grid::GridCommand;
use gridward::{Actor, Context, Ward, WardConfig};
use gridward_scenarios::at;
use gridward_store::{Store, StoreOptions, SyncPolicy};

const COMMANDS: usize = 1_000;
const OPENED: usize = 100_000;

fn folder(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("gridward-bench-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    dir
}

fn person(n: usize) -> GridCommand {
    GridCommand::AddPerson {
        id: format!("p{n}"),
        name: "居民".into(),
        phone: None,
        party_member: false,
    }
}

fn platform() -> Context {
    Context::new(Actor::System, at("2026-03-02T09:00:00+08:00"))
}

fn executing(c: &mut Criterion) {
    let ctx = platform();
    let mut group = c.benchmark_group("store_execute");
    group.sample_size(10);
    group.measurement_time(Duration::from_secs(20));
    group.throughput(Throughput::Elements(COMMANDS as u64));
    group.bench_function("in_memory", |b| {
        b.iter_batched(
            || Ward::new(WardConfig::default()),
            |mut ward| {
                for n in 0..COMMANDS {
                    ward.execute(&ctx, person(n)).unwrap();
                }
                ward
            },
            BatchSize::PerIteration,
        )
    });
    let policies = [
        ("fsync_every_command", SyncPolicy::EveryCommand),
        ("fsync_every_100", SyncPolicy::EveryEntries(100)),
        ("fsync_at_the_end", SyncPolicy::OnRequest),
    ];
    for (name, sync) in policies {
        let dir = folder(name);
        group.bench_function(name, |b| {
            b.iter_batched(
                || {
                    let _ = std::fs::remove_dir_all(&dir);
                    let options = StoreOptions::default().with_sync(sync);
                    Store::create(&dir, WardConfig::default(), options).unwrap()
                },
                |mut store| {
                    for n in 0..COMMANDS {
                        store.execute(&ctx, person(n)).unwrap();
                    }
                    store.sync().unwrap();
                    store
                },
                BatchSize::PerIteration,
            )
        });
        let _ = std::fs::remove_dir_all(&dir);
    }
    group.finish();
}

fn opening(c: &mut Criterion) {
    let ctx = platform();
    let dir = folder("open");
    let options = StoreOptions::default().with_sync(SyncPolicy::OnRequest);
    let mut store = Store::create(&dir, WardConfig::default(), options).unwrap();
    for n in 0..OPENED {
        store.execute(&ctx, person(n)).unwrap();
    }
    store.sync().unwrap();
    let digest = store.ward().state_digest();
    let bytes = std::fs::metadata(store.journal_path()).unwrap().len();
    drop(store);
    eprintln!("store of {OPENED} entries: {bytes} bytes");

    // Both ways reach the same ward; checked once, outside the timing.
    let opened = Store::open(&dir, StoreOptions::default()).unwrap();
    assert_eq!(opened.ward().state_digest(), digest);
    drop(opened);
    let text = std::fs::read_to_string(dir.join("journal.jsonl")).unwrap();
    assert_eq!(
        Ward::from_jsonl(WardConfig::default(), &text)
            .unwrap()
            .state_digest(),
        digest
    );
    drop(text);

    let mut group = c.benchmark_group("store_open");
    group.sample_size(10);
    group.measurement_time(Duration::from_secs(20));
    group.throughput(Throughput::Elements(OPENED as u64));
    group.bench_function("store_open", |b| {
        b.iter(|| black_box(Store::open(&dir, StoreOptions::default()).unwrap()))
    });
    group.bench_function("read_whole_and_from_jsonl", |b| {
        b.iter(|| {
            let text = std::fs::read_to_string(dir.join("journal.jsonl")).unwrap();
            black_box(Ward::from_jsonl(WardConfig::default(), &text).unwrap())
        })
    });

    // The same store with a snapshot at its head.
    let snapshotted = folder("open-snapshot");
    std::fs::create_dir_all(&snapshotted).unwrap();
    for file in ["ward.json", "journal.jsonl"] {
        std::fs::copy(dir.join(file), snapshotted.join(file)).unwrap();
    }
    let mut store = Store::open(&snapshotted, StoreOptions::default()).unwrap();
    let snapshot = store.snapshot().unwrap();
    drop(store);
    eprintln!(
        "snapshot of {OPENED} entries' state: {} bytes",
        std::fs::metadata(&snapshot).unwrap().len()
    );
    let opened = Store::open(&snapshotted, StoreOptions::default()).unwrap();
    assert_eq!(opened.opened().replayed(), 0);
    assert_eq!(opened.ward().state_digest(), digest);
    drop(opened);
    group.bench_function("store_open_from_a_snapshot", |b| {
        b.iter(|| black_box(Store::open(&snapshotted, StoreOptions::default()).unwrap()))
    });
    let mut store = Store::open(&snapshotted, StoreOptions::default()).unwrap();
    group.bench_function("take_a_snapshot", |b| {
        b.iter(|| black_box(store.snapshot().unwrap()))
    });
    drop(store);
    group.finish();
    let _ = std::fs::remove_dir_all(&dir);
    let _ = std::fs::remove_dir_all(&snapshotted);
}

criterion_group!(benches, executing, opening);
criterion_main!(benches);

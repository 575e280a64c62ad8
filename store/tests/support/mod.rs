//! What the store's tests share: fresh folders, and random grid commands from a seed.

#![allow(dead_code)]

use std::path::PathBuf;
use std::sync::atomic::{AtomicU64, Ordering};

use gridward::grid::{GridCommand, ImportRow, NodeCode};
use gridward::{Actor, Command, Context, Ward, WardConfig};
use rust_decimal::Decimal;

/// A new, empty folder under the system's temporary folder, removed when dropped.
pub struct Folder(pub PathBuf);

impl Folder {
    pub fn new(name: &str) -> Folder {
        static NEXT: AtomicU64 = AtomicU64::new(0);
        let n = NEXT.fetch_add(1, Ordering::Relaxed);
        let dir =
            std::env::temp_dir().join(format!("gridward-store-{name}-{}-{n}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        Folder(dir)
    }

    pub fn journal(&self) -> PathBuf {
        self.0.join("journal.jsonl")
    }
}

impl Drop for Folder {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// A small deterministic generator (xorshift64*), so that a seed names a run.
pub struct Random(u64);

impl Random {
    pub fn new(seed: u64) -> Random {
        Random(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1)
    }

    pub fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    pub fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
}

/// The unit codes commands name: a district, its streets and their communities.
pub fn codes() -> Vec<NodeCode> {
    let district = NodeCode::parse("510105").unwrap();
    let mut out = vec![district];
    for s in 1..=3 {
        let street = district.child(s).unwrap();
        out.push(street);
        for c in 1..=3 {
            out.push(street.child(c).unwrap());
        }
    }
    out
}

/// The `n`th command of a run: units added (often refused, as existing or without
/// their parent), renamed, and households imported.
pub fn command(random: &mut Random, n: u64) -> (Context, Command) {
    let codes = codes();
    let code = codes[random.below(codes.len() as u64) as usize];
    let command = match random.below(4) {
        0 | 1 => GridCommand::AddUnit {
            code,
            name: format!("单元{n}"),
            domains: None,
        },
        2 => GridCommand::RenameUnit {
            code,
            name: format!("更名{n}"),
        },
        _ => GridCommand::Import {
            rows: (0..1 + random.below(3))
                .map(|i| ImportRow::Household {
                    id: format!("h{n}-{i}"),
                    unit: code,
                    area: Decimal::new(5_000 + random.below(10_000) as i64, 2),
                })
                .collect(),
        },
    };
    (context(n), command.into())
}

/// The first command of every run: the district, under which the others add units.
pub fn district() -> (Context, Command) {
    let command = GridCommand::AddUnit {
        code: codes()[0],
        name: "青羊区".into(),
        domains: None,
    };
    (context(0), command.into())
}

/// The platform at minute `n` of a day.
pub fn context(n: u64) -> Context {
    let at = chrono::DateTime::parse_from_rfc3339("2026-03-01T08:00:00+08:00").unwrap()
        + chrono::Duration::seconds(n as i64);
    Context::new(Actor::System, at)
}

/// The ward the journal file replays to, read whole with the core alone.
pub fn replayed(folder: &Folder) -> Ward {
    let text = std::fs::read_to_string(folder.journal()).unwrap();
    Ward::from_jsonl(WardConfig::default(), &text).unwrap()
}

/// How an injected fault fails an operation.
#[derive(Clone, Copy, Debug)]
pub enum Fault {
    /// Fails with nothing done.
    Error,
    /// A write writes half its bytes, then fails (a disk filling up).
    Partial,
}

/// Counts operations and says which fail: operation `at` (counting from 0), and the
/// `then` operations after it.
pub struct Countdown {
    ops: u64,
    at: u64,
    then: u64,
}

impl Countdown {
    pub fn new(at: u64, then: u64) -> Countdown {
        Countdown { ops: 0, at, then }
    }

    /// Whether the next operation fails.
    pub fn fails(&mut self) -> bool {
        let n = self.ops;
        self.ops += 1;
        n >= self.at && n <= self.at + self.then
    }
}

/// The error an injected fault gives.
pub fn injected() -> std::io::Error {
    std::io::Error::other("injected fault")
}

/// Temporary files left in a store's folder.
pub fn temporary_files(dir: &std::path::Path) -> Vec<String> {
    std::fs::read_dir(dir)
        .unwrap()
        .filter_map(|e| e.ok()?.file_name().into_string().ok())
        .filter(|name| name.ends_with(".tmp"))
        .collect()
}

//! Fault injection in snapshotting: a write (whole or half), an fsync, the rename, the
//! folder's fsync or a removal failing, at every step of taking snapshots, on request or
//! every N entries, leaves the ward in memory as it was and a store that reopens to
//! exactly the acknowledged commands, with no snapshot passed over and no temporary file
//! left.

mod support;

use std::io;
use std::path::Path;

use gridward::{Ward, WardConfig};
use gridward_store::{Disk, SnapshotFiles, Store, StoreError, StoreOptions};
use support::{command, district, injected, temporary_files, Countdown, Fault, Folder, Random};

/// The file system, with the operations the countdown names failing.
struct Faulty {
    countdown: Countdown,
    fault: Fault,
}

impl Faulty {
    fn fails(&mut self) -> bool {
        self.countdown.fails()
    }
}

impl SnapshotFiles for Faulty {
    fn write_new(&mut self, path: &Path, bytes: &[u8]) -> io::Result<()> {
        if !self.fails() {
            return Disk.write_new(path, bytes);
        }
        if let Fault::Partial = self.fault {
            Disk.write_new(path, &bytes[..bytes.len() / 2])?;
        }
        Err(injected())
    }

    fn sync_file(&mut self, path: &Path) -> io::Result<()> {
        if self.fails() {
            return Err(injected());
        }
        Disk.sync_file(path)
    }

    fn rename(&mut self, from: &Path, to: &Path) -> io::Result<()> {
        if self.fails() {
            return Err(injected());
        }
        Disk.rename(from, to)
    }

    fn sync_dir(&mut self, dir: &Path) -> io::Result<()> {
        if self.fails() {
            return Err(injected());
        }
        Disk.sync_dir(dir)
    }

    fn remove(&mut self, path: &Path) -> io::Result<()> {
        if self.fails() {
            return Err(injected());
        }
        Disk.remove(path)
    }
}

/// Runs 50 commands with snapshots (every 8 entries, or on request after every 8th
/// command) through files failing at operation `at`; checks the store as it reopens.
/// Returns whether a fault was met.
fn run(every: bool, at: u64, then: u64, fault: Fault) -> bool {
    let folder = Folder::new("snapshot-faults");
    let options = if every {
        StoreOptions::default().with_snapshots_every(8)
    } else {
        StoreOptions::default()
    };
    let store = Store::create(&folder.0, WardConfig::default(), options).unwrap();
    let faulty = Faulty {
        countdown: Countdown::new(at, then),
        fault,
    };
    let mut store = store.with_snapshot_files(Box::new(faulty));
    let mut expected = Ward::new(WardConfig::default());
    let mut random = Random::new(21);
    let mut faulted = false;
    let label = format!("every {every} {fault:?} at {at}+{then}");
    for n in 0..50u64 {
        let (ctx, c) = if n == 0 {
            district()
        } else {
            command(&mut random, n)
        };
        match store.execute(&ctx, c.clone()) {
            Ok(receipt) => assert_eq!(expected.execute(&ctx, c).unwrap().head, receipt.head),
            Err(StoreError::Refused(e)) => assert_eq!(expected.execute(&ctx, c).unwrap_err(), *e),
            Err(other) => panic!("{label}: the journal failed: {other}"),
        }
        faulted |= store.snapshot_failure().is_some();
        if !every && n % 8 == 7 {
            let (head, digest) = (store.ward().head(), store.ward().state_digest());
            if let Err(e) = store.snapshot() {
                faulted = true;
                assert_eq!(e.code(), "store_io", "{label}: {e}");
                // Nothing changed in memory, and the store goes on.
                assert_eq!(store.ward().head(), head, "{label}");
                assert_eq!(store.ward().state_digest(), digest, "{label}");
                assert!(store.must_reopen().is_none(), "{label}");
            }
        }
    }
    drop(store);

    let reopened = Store::open(&folder.0, StoreOptions::default()).unwrap();
    let opened = reopened.opened();
    assert_eq!(opened.skipped, vec![], "{label}");
    assert_eq!(opened.entries, expected.journal().len() as u64, "{label}");
    assert_eq!(reopened.ward().head(), expected.head(), "{label}");
    assert_eq!(
        reopened.ward().state_digest(),
        expected.state_digest(),
        "{label}"
    );
    assert_eq!(temporary_files(&folder.0), Vec::<String>::new(), "{label}");
    faulted
}

#[test]
fn every_failing_step_of_snapshotting_loses_nothing() {
    let mut runs = 0;
    for every in [false, true] {
        for fault in [Fault::Error, Fault::Partial] {
            for then in [0, 1, 2, 1_000] {
                // Past the last operation, the run has no fault: stop there.
                for at in 0.. {
                    runs += 1;
                    if !run(every, at, then, fault) {
                        break;
                    }
                }
            }
        }
    }
    assert!(runs > 200, "only {runs} runs");
    eprintln!("{runs} runs with a failing snapshot operation");
}

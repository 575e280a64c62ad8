//! Fault injection: a write, an fsync or a cut failing at every step of appending leaves
//! the ward in memory as it was, and a store that reopens to exactly the acknowledged
//! commands.

mod support;

use std::fs::File;
use std::io::{self, Write};

use gridward::{Command, Context, Ward, WardConfig};
use gridward_store::{JournalFile, Store, StoreError, StoreOptions, SyncPolicy};
use support::{command, district, injected, Countdown, Fault, Folder, Random};

/// The journal file, with the operations the countdown names failing.
struct Faulty {
    file: File,
    countdown: Countdown,
    fault: Fault,
}

impl Faulty {
    fn fails(&mut self) -> bool {
        self.countdown.fails()
    }
}

impl JournalFile for Faulty {
    fn append(&mut self, bytes: &[u8]) -> io::Result<()> {
        if !self.fails() {
            return self.file.write_all(bytes);
        }
        if let Fault::Partial = self.fault {
            self.file.write_all(&bytes[..bytes.len() / 2])?;
        }
        Err(injected())
    }

    fn sync(&mut self) -> io::Result<()> {
        if self.fails() {
            return Err(injected());
        }
        self.file.sync_data()
    }

    fn truncate(&mut self, len: u64) -> io::Result<()> {
        if self.fails() {
            return Err(injected());
        }
        self.file.set_len(len)
    }
}

/// The commands of every run: the district first, then 40 random ones.
fn commands() -> Vec<(Context, Command)> {
    let mut random = Random::new(11);
    let mut out = vec![district()];
    out.extend((1..=40).map(|n| command(&mut random, n)));
    out
}

/// A new store in `folder` whose file fails at operation `at` (and the `then` after it).
fn faulty_store(folder: &Folder, sync: SyncPolicy, at: u64, then: u64, fault: Fault) -> Store {
    drop(Store::create(&folder.0, WardConfig::default(), StoreOptions::default()).unwrap());
    let options = StoreOptions::default().with_sync(sync);
    Store::open_with(&folder.0, options, |file| {
        Box::new(Faulty {
            file,
            countdown: Countdown::new(at, then),
            fault,
        })
    })
    .unwrap()
}

/// Runs the commands against a store whose file fails at operation `at` (and the
/// `then` after it); checks what the store and the reopened file hold.
fn run(sync: SyncPolicy, at: u64, then: u64, fault: Fault) -> bool {
    let folder = Folder::new("faults");
    let mut store = faulty_store(&folder, sync, at, then, fault);

    // The ward the acknowledged commands alone make, and their receipts' heads.
    let mut expected = Ward::new(WardConfig::default());
    let mut heads = Vec::new();
    let mut must_reopen = false;
    let mut faulted = false;
    for (ctx, command) in commands() {
        let (head, digest) = (store.ward().head(), store.ward().state_digest());
        match store.execute(&ctx, command.clone()) {
            Ok(receipt) => {
                let mirror = expected.execute(&ctx, command).unwrap();
                assert_eq!(
                    mirror.head, receipt.head,
                    "{sync:?} {fault:?} at {at}+{then}"
                );
                if !receipt.duplicate && receipt.seq.is_some() {
                    heads.push(receipt.head);
                }
            }
            Err(StoreError::Refused(e)) => {
                assert_eq!(expected.execute(&ctx, command).unwrap_err(), *e);
            }
            Err(e @ StoreError::Io { .. }) => {
                faulted = true;
                assert_eq!(e.code(), "store_io");
                // The command did not take effect.
                assert_eq!(
                    store.ward().head(),
                    head,
                    "{sync:?} {fault:?} at {at}+{then}: {e}"
                );
                assert_eq!(store.ward().state_digest(), digest);
            }
            Err(e @ StoreError::MustReopen { .. }) => {
                must_reopen = true;
                assert_eq!(store.ward().head(), head, "{e}");
                break;
            }
            Err(other) => panic!("{sync:?} {fault:?} at {at}+{then}: unexpected {other}"),
        }
    }
    if !must_reopen {
        must_reopen = store.sync().is_err();
    }
    drop(store);

    let reopened = Store::open(&folder.0, StoreOptions::default()).unwrap();
    if !must_reopen {
        // Every failed write was cut back: nothing torn is left.
        assert_eq!(reopened.opened().torn, None, "{sync:?} {fault:?} at {at}");
    }
    let text = std::fs::read_to_string(folder.journal()).unwrap();
    let journal = gridward::Journal::from_jsonl(&text).unwrap();
    // Every acknowledged command is there, in order, with the head its receipt gave.
    for (i, head) in heads.iter().enumerate() {
        assert_eq!(
            journal.entries()[i].hash(),
            head,
            "{sync:?} {fault:?} at {at}+{then}"
        );
    }
    if must_reopen {
        // A failure that could not be cut back may leave the one unacknowledged entry.
        assert!(
            journal.len() <= heads.len() + 1,
            "{sync:?} {fault:?} at {at}+{then}"
        );
    } else {
        // Exactly the acknowledged commands: the same state as the ward they made.
        assert_eq!(
            journal.len(),
            heads.len(),
            "{sync:?} {fault:?} at {at}+{then}"
        );
        assert_eq!(reopened.ward().state_digest(), expected.state_digest());
        assert_eq!(reopened.ward().head(), expected.head());
    }
    faulted || must_reopen
}

#[test]
fn every_failing_step_of_appending_loses_nothing_acknowledged() {
    let policies = [
        SyncPolicy::EveryCommand,
        SyncPolicy::EveryEntries(3),
        SyncPolicy::OnRequest,
    ];
    let mut runs = 0;
    for sync in policies {
        for fault in [Fault::Error, Fault::Partial] {
            for then in [0, 1, 3] {
                // Past the last operation, the run has no fault: stop there.
                for at in 0.. {
                    runs += 1;
                    if !run(sync, at, then, fault) {
                        break;
                    }
                }
            }
        }
    }
    assert!(runs > 200, "only {runs} runs");
}

/// As `run`, with the commands given in batches of five.
fn run_batches(sync: SyncPolicy, at: u64, then: u64, fault: Fault) -> bool {
    let folder = Folder::new("fault-batches");
    let mut store = faulty_store(&folder, sync, at, then, fault);
    let mut expected = Ward::new(WardConfig::default());
    let mut faulted = false;
    let mut must_reopen = false;
    for batch in commands().chunks(5) {
        let (head, digest) = (store.ward().head(), store.ward().state_digest());
        match store.execute_batch(batch.iter().cloned()) {
            Ok(receipt) => {
                let mirror = expected.execute_batch(batch.iter().cloned());
                assert_eq!(
                    mirror.head, receipt.head,
                    "{sync:?} {fault:?} at {at}+{then}"
                );
                assert_eq!(mirror.outcomes, receipt.outcomes);
            }
            Err(e @ StoreError::Io { .. }) => {
                faulted = true;
                if store.must_reopen().is_some() {
                    // The file could not be cut back: nothing more is written.
                    must_reopen = true;
                    break;
                }
                // The batch did not take effect: the ward was read again from the file.
                assert_eq!(
                    store.ward().head(),
                    head,
                    "{sync:?} {fault:?} at {at}+{then}: {e}"
                );
                assert_eq!(store.ward().state_digest(), digest);
            }
            Err(StoreError::MustReopen { .. }) => {
                must_reopen = true;
                break;
            }
            Err(other) => panic!("{sync:?} {fault:?} at {at}+{then}: unexpected {other}"),
        }
    }
    if !must_reopen {
        must_reopen = store.sync().is_err();
    }
    drop(store);
    let reopened = Store::open(&folder.0, StoreOptions::default()).unwrap();
    if !must_reopen {
        assert_eq!(
            reopened.opened().torn,
            None,
            "{sync:?} {fault:?} at {at}+{then}"
        );
        assert_eq!(reopened.ward().state_digest(), expected.state_digest());
        assert_eq!(reopened.ward().head(), expected.head());
    } else {
        // Every acknowledged batch is there; at most the failed one's entry beyond.
        let reached = reopened.ward().journal().len();
        assert!(reached >= expected.journal().len() && reached <= expected.journal().len() + 1);
    }
    faulted || must_reopen
}

#[test]
fn every_failing_step_of_writing_a_batch_loses_nothing_acknowledged() {
    let mut runs = 0;
    for sync in [SyncPolicy::EveryCommand, SyncPolicy::EveryEntries(2)] {
        for fault in [Fault::Error, Fault::Partial] {
            for then in [0, 1] {
                for at in 0.. {
                    runs += 1;
                    if !run_batches(sync, at, then, fault) {
                        break;
                    }
                }
            }
        }
    }
    assert!(runs > 40, "only {runs} runs");
}

//! A ward kept on disk (`gridward.Ward.open`): the store's writer kept beside the ward,
//! so that every command is written to the journal file before it takes effect.

use std::path::PathBuf;
use std::sync::{Mutex, PoisonError};

use gridward::surface::{execute_read_batch, run_read_batch, InputError, Problem};
use gridward::{Command, Context, Error, Receipt, Ward, WardConfig};
use gridward_store::{Appender, Progress, StoreError, StoreOptions, SyncPolicy};
use pyo3::prelude::*;
use pyo3::types::PyString;

/// Where a ward's commands go besides its memory.
enum Slot {
    /// Nowhere: a ward in memory only.
    Memory,
    /// To its store's journal file.
    Open(Box<Appender>),
    /// Its store was closed: commands are refused rather than kept in memory only.
    Closed(PathBuf),
}

/// The writer of a ward's store, if it has one.
pub struct StoreSlot(Mutex<Slot>);

impl StoreSlot {
    /// A ward in memory only.
    pub fn memory() -> StoreSlot {
        StoreSlot(Mutex::new(Slot::Memory))
    }

    fn slot(&self) -> std::sync::MutexGuard<'_, Slot> {
        self.0.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// Executes a command on `ward`, through the store when there is one.
    pub fn execute(
        &self,
        ward: &mut Ward,
        ctx: &Context,
        command: Command,
    ) -> Result<Receipt, StoreError> {
        match &mut *self.slot() {
            Slot::Memory => ward
                .execute(ctx, command)
                .map_err(|e| StoreError::Refused(Box::new(e))),
            Slot::Open(appender) => appender.execute(ward, ctx, command),
            Slot::Closed(path) => Err(closed(path)),
        }
    }

    /// Executes a batch whose items the face has read (some refused already) on `ward`,
    /// through the store when there is one: the accepted commands are written in one
    /// entry. A failed write fails the whole batch, and the ward is as it was.
    pub fn execute_batch(
        &self,
        ward: &mut Ward,
        items: Vec<Result<(Context, Command), Error>>,
    ) -> Result<Vec<Result<Receipt, Error>>, StoreError> {
        match &mut *self.slot() {
            Slot::Memory => Ok(execute_read_batch(ward, items)),
            Slot::Open(appender) => run_read_batch(items, |given| {
                appender.execute_batch(ward, given).map(|b| b.outcomes)
            }),
            Slot::Closed(path) => Err(closed(path)),
        }
    }

    /// Makes what was written durable.
    pub fn sync(&self) -> Result<(), StoreError> {
        match &mut *self.slot() {
            Slot::Memory => Ok(()),
            Slot::Open(appender) => appender.sync(),
            Slot::Closed(path) => Err(closed(path)),
        }
    }

    /// Takes a snapshot of `ward` into its store; returns the snapshot file's path.
    pub fn snapshot(&self, ward: &Ward) -> Result<String, StoreError> {
        match &mut *self.slot() {
            Slot::Memory => Err(StoreError::NotAStore {
                path: PathBuf::from("this ward"),
                expected: "kept on disk (Ward.open)",
                reason: "it is in memory only, with no store to take a snapshot into; \
                         snapshot_bytes() gives its snapshot"
                    .to_owned(),
            }),
            Slot::Open(appender) => appender
                .snapshot(ward)
                .map(|path| path.display().to_string()),
            Slot::Closed(path) => Err(closed(path)),
        }
    }

    /// Syncs and closes the store, releasing its lock; closing twice does nothing.
    pub fn close(&self) -> Result<(), StoreError> {
        let mut slot = self.slot();
        if let Slot::Open(appender) = &mut *slot {
            let synced = appender.sync();
            let path = appender.dir();
            *slot = Slot::Closed(path);
            synced?;
        }
        Ok(())
    }

    /// The store's folder, if the ward has one.
    pub fn path(&self) -> Option<String> {
        match &*self.slot() {
            Slot::Memory => None,
            Slot::Open(appender) => Some(appender.dir().display().to_string()),
            Slot::Closed(path) => Some(path.display().to_string()),
        }
    }
}

fn closed(path: &std::path::Path) -> StoreError {
    StoreError::MustReopen {
        reason: format!("the store {} was closed", path.display()),
    }
}

/// A whole number of entries from 1, given as the argument `field`; anything else is
/// refused naming the field and what it may be (`expected`).
fn entries(value: &Bound<'_, PyAny>, field: &str, expected: &'static str) -> Result<u64, Error> {
    let invalid = |found: &'static str| {
        Error::Input(InputError::new(
            field,
            Problem::WrongType { expected, found },
        ))
    };
    if value.is_instance_of::<pyo3::types::PyBool>() {
        return Err(invalid("a bool"));
    }
    match value.extract::<u64>() {
        Ok(n) if n >= 1 => Ok(n),
        Ok(_) => Err(invalid("0")),
        Err(_) if value.is_instance_of::<pyo3::types::PyInt>() => {
            Err(invalid("a whole number out of range"))
        }
        Err(_) => Err(invalid("a value of another type")),
    }
}

/// The sync policy named by `sync`: "command" (the default: fsync before each command
/// returns), "request" (only on `sync()` and `close()`), or a whole number n (every n
/// entries).
pub fn sync_policy(sync: Option<&Bound<'_, PyAny>>) -> Result<SyncPolicy, Error> {
    const EXPECTED: &str = "\"command\", \"request\" or a whole number of entries from 1";
    let Some(sync) = sync.filter(|s| !s.is_none()) else {
        return Ok(SyncPolicy::EveryCommand);
    };
    if let Ok(text) = sync.downcast::<PyString>() {
        return match text.to_str().unwrap_or("") {
            "command" => Ok(SyncPolicy::EveryCommand),
            "request" => Ok(SyncPolicy::OnRequest),
            _ => Err(Error::Input(InputError::new(
                "sync",
                Problem::WrongType {
                    expected: EXPECTED,
                    found: "another string",
                },
            ))),
        };
    }
    entries(sync, "sync", EXPECTED).map(SyncPolicy::EveryEntries)
}

/// The argument `snapshot_every`: None, or a whole number of entries from 1.
pub fn snapshot_every(every: Option<&Bound<'_, PyAny>>) -> Result<Option<u64>, Error> {
    match every.filter(|e| !e.is_none()) {
        None => Ok(None),
        Some(every) => entries(
            every,
            "snapshot_every",
            "None or a whole number of entries from 1",
        )
        .map(Some),
    }
}

/// Opens the store in `dir`, or makes one there with `config` when the folder holds
/// none; a `config` given for an existing store must be the one it holds. The ward
/// keeps its journal in memory too, so that exporting, pickling and rebuilding after a
/// fault work as for any ward.
pub fn open(
    dir: PathBuf,
    config: Option<WardConfig>,
    sync: SyncPolicy,
    snapshot_every: Option<u64>,
    progress: &mut dyn FnMut(&Progress),
) -> Result<(Ward, StoreSlot), StoreError> {
    let mut options = StoreOptions::default()
        .with_sync(sync)
        .keeping_journal(true);
    if let Some(every) = snapshot_every {
        options = options.with_snapshots_every(every);
    }
    let (ward, appender, _) = if dir.join("ward.json").exists() {
        let opened = Appender::open(&dir, options, |f| Box::new(f), progress)?;
        if let Some(config) = config {
            if &config != opened.0.config() {
                return Err(StoreError::NotAStore {
                    path: dir.join("ward.json"),
                    expected: "the store of the configuration given",
                    reason: "the store holds another configuration; open it without one".to_owned(),
                });
            }
        }
        opened
    } else {
        Appender::create(&dir, config.unwrap_or_default(), options)?
    };
    Ok((ward, StoreSlot(Mutex::new(Slot::Open(Box::new(appender))))))
}

/// A Python callable `progress(done_bytes, total_bytes)` as a reporter for long work
/// done without the GIL: each report takes the GIL for the call. The first exception
/// it raises stops the calls and is kept for the caller to raise once the work is done.
pub struct Reporter {
    callback: Option<Py<PyAny>>,
    failed: Option<PyErr>,
}

impl Reporter {
    /// The reporter for `progress` (None: nothing is reported); anything but a callable
    /// is refused naming `progress`.
    pub fn new(progress: Option<&Bound<'_, PyAny>>) -> Result<Reporter, Error> {
        let callback = match progress.filter(|p| !p.is_none()) {
            None => None,
            Some(p) if p.is_callable() => Some(p.clone().unbind()),
            Some(_) => {
                return Err(Error::Input(InputError::new(
                    "progress",
                    Problem::WrongType {
                        expected: "a callable progress(done_bytes, total_bytes), or None",
                        found: "a value that is not callable",
                    },
                )))
            }
        };
        Ok(Reporter {
            callback,
            failed: None,
        })
    }

    /// Reports how far the work has come.
    pub fn report(&mut self, progress: &Progress) {
        let (Some(callback), None) = (&self.callback, &self.failed) else {
            return;
        };
        Python::with_gil(|py| {
            if let Err(e) = callback.call1(py, (progress.bytes, progress.total)) {
                self.failed = Some(e);
            }
        });
    }

    /// The exception the callable raised, if it did.
    pub fn failure(self) -> Option<PyErr> {
        self.failed
    }
}

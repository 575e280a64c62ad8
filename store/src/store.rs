//! A ward and the writer of its store, together: the simple way to keep a ward on disk.

use std::fs::File;
use std::path::{Path, PathBuf};

use gridward::{BatchReceipt, Command, Context, Receipt, Ward, WardConfig};

use crate::appender::{Appender, Opened, StoreOptions};
use crate::file::JournalFile;
use crate::read::Progress;
use crate::snapshots::SnapshotFiles;
use crate::StoreError;

/// A ward kept in a folder: its configuration, and its journal as an append-only file in
/// the exported JSON-lines format, so that the store is itself the public, verifiable
/// journal. One process writes a store at a time.
///
/// ```
/// use gridward::grid::{GridCommand, NodeCode};
/// use gridward::{Actor, Context, WardConfig};
/// use gridward_store::{Store, StoreOptions};
///
/// let dir = std::env::temp_dir().join(format!("gridward-doc-{}", std::process::id()));
/// # let _ = std::fs::remove_dir_all(&dir);
/// let platform = Context::new(Actor::System, "2026-03-01T09:00:00+08:00".parse()?);
/// let head = {
///     let mut store = Store::create(&dir, WardConfig::default(), StoreOptions::default())?;
///     let code = NodeCode::parse("510105")?;
///     let command = GridCommand::AddUnit { code, name: "青羊区".into(), domains: None };
///     // Written and fsynced before `execute` returns.
///     store.execute(&platform, command)?;
///     store.ward().head()
/// };
/// // Opening again verifies the chain and replays it.
/// let store = Store::open(&dir, StoreOptions::default())?;
/// assert_eq!(store.ward().head(), head);
/// assert_eq!(store.opened().entries, 1);
/// # drop(store);
/// # std::fs::remove_dir_all(&dir)?;
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub struct Store {
    ward: Ward,
    appender: Appender,
    opened: Opened,
}

impl Store {
    /// Makes a new store in `dir` (created if missing; it must not hold a store) for a
    /// ward with `config`, and opens it.
    pub fn create(
        dir: impl AsRef<Path>,
        config: WardConfig,
        options: StoreOptions,
    ) -> Result<Store, StoreError> {
        let (ward, appender, opened) = Appender::create(dir, config, options)?;
        Ok(Store {
            ward,
            appender,
            opened,
        })
    }

    /// Opens the store in `dir` for writing: takes its lock, verifies the chain and
    /// replays every entry, and cuts off a torn last line (reported in
    /// [`Store::opened`]). Damage anywhere else is an error naming the line; nothing is
    /// dropped.
    pub fn open(dir: impl AsRef<Path>, options: StoreOptions) -> Result<Store, StoreError> {
        Store::open_with(dir, options, |file| Box::new(file))
    }

    /// As [`Store::open`], with the journal file handed to `wrap` once it is read: for
    /// tests that make its operations fail.
    pub fn open_with(
        dir: impl AsRef<Path>,
        options: StoreOptions,
        wrap: impl FnOnce(File) -> Box<dyn JournalFile>,
    ) -> Result<Store, StoreError> {
        let (ward, appender, opened) = Appender::open(dir, options, wrap, &mut |_| {})?;
        Ok(Store {
            ward,
            appender,
            opened,
        })
    }

    /// As [`Store::open`], telling `progress` how far the reading has come (about every
    /// MiB, and at the end).
    pub fn open_reporting(
        dir: impl AsRef<Path>,
        options: StoreOptions,
        mut progress: impl FnMut(&Progress),
    ) -> Result<Store, StoreError> {
        let wrap = |file| -> Box<dyn JournalFile> { Box::new(file) };
        let (ward, appender, opened) = Appender::open(dir, options, wrap, &mut progress)?;
        Ok(Store {
            ward,
            appender,
            opened,
        })
    }

    /// Decides a command and, if accepted, writes its entry (and, by the sync policy,
    /// makes it durable) before it takes effect. A refused command, or one whose entry
    /// could not be written, changes nothing: the ward is as it was and the file is cut
    /// back to its last whole entry.
    pub fn execute(
        &mut self,
        ctx: &Context,
        command: impl Into<Command>,
    ) -> Result<Receipt, StoreError> {
        self.appender.execute(&mut self.ward, ctx, command)
    }

    /// Executes a batch: each command decided against the state the ones before it
    /// left, the accepted ones written in one entry (see [`Appender::execute_batch`]).
    pub fn execute_batch(
        &mut self,
        commands: impl IntoIterator<Item = (Context, Command)>,
    ) -> Result<BatchReceipt, StoreError> {
        self.appender.execute_batch(&mut self.ward, commands)
    }

    /// Takes a snapshot of the ward's state at its journal's head: the journal is made
    /// durable first, then the snapshot is written atomically (a temporary file,
    /// fsynced, renamed into place, the folder fsynced) as `snapshot-<entry>.bin`, and
    /// all but the newest two snapshots are removed. Opening the store then restores
    /// the newest snapshot that checks and replays only the entries after it. On a
    /// failure the store and the ward are as they were. Returns the snapshot's path.
    pub fn snapshot(&mut self) -> Result<PathBuf, StoreError> {
        self.appender.snapshot(&self.ward)
    }

    /// Why the last snapshot that [`StoreOptions::snapshot_every`] asked for failed, or
    /// `None` (see [`Appender::snapshot_failure`]).
    pub fn snapshot_failure(&self) -> Option<&StoreError> {
        self.appender.snapshot_failure()
    }

    /// The store with its snapshots' file operations going through `files`: for tests
    /// that make them fail.
    pub fn with_snapshot_files(mut self, files: Box<dyn SnapshotFiles>) -> Store {
        self.appender.set_snapshot_files(files);
        self
    }

    /// Makes every entry written so far durable (see [`Appender::sync`]).
    pub fn sync(&mut self) -> Result<(), StoreError> {
        self.appender.sync()
    }

    /// The ward. Unless the options kept it, its journal holds no entries in memory:
    /// they are in the file.
    pub fn ward(&self) -> &Ward {
        &self.ward
    }

    /// Why the store must be opened again before it writes anything more, or `None`
    /// while it is usable (see [`Appender::must_reopen`]).
    pub fn must_reopen(&self) -> Option<&str> {
        self.appender.must_reopen()
    }

    /// What opening the store found.
    pub fn opened(&self) -> &Opened {
        &self.opened
    }

    /// The journal file.
    pub fn journal_path(&self) -> &Path {
        self.appender.journal_path()
    }

    /// The store's folder.
    pub fn dir(&self) -> PathBuf {
        self.appender.dir()
    }

    /// The ward and the writer of its store, apart: for a face that keeps the ward
    /// behind its own lock.
    pub fn into_parts(self) -> (Ward, Appender) {
        (self.ward, self.appender)
    }
}

//! The writing side of a store: its locked journal file, written before each command
//! takes effect.

use std::fs::{self, File, OpenOptions, TryLockError};
use std::path::{Path, PathBuf};

use gridward::{BatchReceipt, Command, Context, Receipt, StoringError, Ward, WardConfig};

use crate::file::JournalFile;
use crate::layout::{io, Layout, CONFIG};
use crate::read::{read_into, Position, Progress, TornTail};
use crate::snapshots::{self, Disk, SkippedSnapshot, SnapshotFiles};
use crate::StoreError;

/// When the journal file is made durable (fsync).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
#[non_exhaustive]
pub enum SyncPolicy {
    /// After every accepted command, before [`Store::execute`] returns: nothing
    /// acknowledged is lost, even to a power cut.
    #[default]
    EveryCommand,
    /// After every `n` entries, and on [`Store::sync`] or when the store is dropped.
    /// Each entry is still written to the operating system before `execute` returns, so
    /// the process crashing loses nothing; a power cut or operating-system crash can
    /// lose the acknowledged commands written since the last sync (at most `n - 1`).
    EveryEntries(u64),
    /// Only on [`Store::sync`] or when the store is dropped: as `EveryEntries`, with
    /// every command since the last sync at risk from a power cut.
    OnRequest,
}

/// How to open a store.
#[derive(Clone, Debug, Default)]
#[non_exhaustive]
pub struct StoreOptions {
    /// When the journal is made durable.
    pub sync: SyncPolicy,
    /// Whether the ward keeps its journal's entries in memory as well as in the file
    /// (for a face that exports the journal from memory); by default it does not.
    pub keep_journal: bool,
    /// Take a snapshot after every this many entries (none by default: snapshots are
    /// then taken only on request, by [`Appender::snapshot`]).
    pub snapshot_every: Option<u64>,
}

impl StoreOptions {
    /// The options with this sync policy.
    pub fn with_sync(mut self, sync: SyncPolicy) -> Self {
        self.sync = sync;
        self
    }

    /// The options with a snapshot taken after every `entries` entries.
    pub fn with_snapshots_every(mut self, entries: u64) -> Self {
        self.snapshot_every = Some(entries.max(1));
        self
    }

    /// The options with the journal's entries kept in memory, or not.
    pub fn keeping_journal(mut self, keep: bool) -> Self {
        self.keep_journal = keep;
        self
    }
}

/// What opening a store found.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct Opened {
    /// Entries in the journal, every one verified.
    pub entries: u64,
    /// The entry of the snapshot the state was restored from, if one was used: the
    /// entries after it were replayed.
    pub snapshot: Option<u64>,
    /// Snapshots passed over (damaged, under another configuration, or stale), newest
    /// first, each with its reason.
    pub skipped: Vec<SkippedSnapshot>,
    /// A torn last line, cut off.
    pub torn: Option<TornTail>,
}

impl Opened {
    /// Entries replayed: those after the snapshot, or all of them.
    pub fn replayed(&self) -> u64 {
        self.entries - self.snapshot.unwrap_or(0)
    }
}

/// The writing side of a store: its journal file, locked for this one writer. Every
/// change to the ward it was opened with must go through [`Appender::execute`], which
/// refuses to write for a ward whose journal has moved without it.
///
/// [`crate::Store`] pairs an appender with its ward; a face that keeps the ward itself
/// (behind its own lock) keeps the appender beside it.
pub struct Appender {
    layout: Layout,
    file: Box<dyn JournalFile>,
    /// Entries in the file.
    entries: u64,
    /// Bytes of whole entries in the file: where it is cut back to after a failure.
    len: u64,
    sync: SyncPolicy,
    keep_journal: bool,
    /// Entries written since the last sync.
    unsynced: u64,
    /// Why the store must be opened again, after a failure that could not be undone.
    broken: Option<String>,
    snapshot_files: Box<dyn SnapshotFiles>,
    snapshot_every: Option<u64>,
    /// The entry of the newest snapshot (0 when there is none).
    snapshotted: u64,
    /// Why the last snapshot taken by `snapshot_every` failed, if it did.
    snapshot_failure: Option<StoreError>,
}

impl Appender {
    /// Makes a new store in `dir` (created if missing; it must not hold a store) for a
    /// ward with `config`, and opens it.
    pub fn create(
        dir: impl AsRef<Path>,
        config: WardConfig,
        options: StoreOptions,
    ) -> Result<(Ward, Appender, Opened), StoreError> {
        let layout = Layout::new(dir.as_ref());
        fs::create_dir_all(&layout.dir).map_err(io("create the folder", &layout.dir))?;
        if layout.config.exists() || layout.journal.exists() {
            return Err(StoreError::NotAStore {
                path: layout.dir.clone(),
                expected: "a folder without a store, to make one in",
                reason: "it holds a store already".to_owned(),
            });
        }
        let journal = File::create_new(&layout.journal).map_err(io("create", &layout.journal))?;
        journal.sync_all().map_err(io("sync", &layout.journal))?;
        let text = serde_json::to_vec_pretty(&config).map_err(|e| StoreError::NotAStore {
            path: layout.config.clone(),
            expected: "a configuration that serialises",
            reason: e.to_string(),
        })?;
        // The configuration is written last: a folder without it is not yet a store.
        layout.write_atomically(CONFIG, &text)?;
        Appender::open(dir, options, |file| Box::new(file), &mut |_| {})
    }

    /// Opens the store in `dir` for writing: takes its lock, restores the newest
    /// snapshot that checks (see [`crate::Store::snapshot`]), verifies the chain of the
    /// whole journal and replays the entries after the snapshot (or every entry, with
    /// none) into a ward, and cuts off a torn last line (reported in the [`Opened`]). Damage anywhere else is an error naming the line; nothing is
    /// dropped. The journal file is handed to `wrap` once it is read (tests wrap it to
    /// make its operations fail); `progress` hears how far the reading has come.
    pub fn open(
        dir: impl AsRef<Path>,
        options: StoreOptions,
        wrap: impl FnOnce(File) -> Box<dyn JournalFile>,
        progress: &mut dyn FnMut(&Progress),
    ) -> Result<(Ward, Appender, Opened), StoreError> {
        let layout = Layout::new(dir.as_ref());
        let config = layout.read_config()?;
        let file = OpenOptions::new()
            .read(true)
            .append(true)
            .open(&layout.journal)
            .map_err(io("open", &layout.journal))?;
        match file.try_lock() {
            Ok(()) => {}
            Err(TryLockError::WouldBlock) => {
                return Err(StoreError::Locked {
                    path: layout.journal.clone(),
                })
            }
            Err(TryLockError::Error(e)) => return Err(io("lock", &layout.journal)(e)),
        }
        snapshots::remove_temporaries(&layout.dir);
        let keep = options.keep_journal;
        let mut skipped = Vec::new();
        let start = snapshots::restore(&layout, &config, &file, keep, progress, &mut skipped)?;
        let read = read_into(start.ward, &file, &layout.journal, start.at, keep, progress)?;
        if read.torn.is_some() {
            file.set_len(read.at.offset)
                .and_then(|()| file.sync_all())
                .map_err(io("cut the torn last line off", &layout.journal))?;
        }
        let appender = Appender {
            file: wrap(file),
            entries: read.at.lines,
            len: read.at.offset,
            sync: options.sync,
            keep_journal: options.keep_journal,
            unsynced: 0,
            broken: None,
            snapshot_files: Box::new(Disk),
            snapshot_every: options.snapshot_every,
            snapshotted: start.snapshot.unwrap_or(0),
            snapshot_failure: None,
            layout,
        };
        let opened = Opened {
            entries: read.at.lines,
            snapshot: start.snapshot,
            skipped,
            torn: read.torn,
        };
        Ok((read.ward, appender, opened))
    }

    /// Decides a command on `ward` and, if accepted, writes its entry (and, by the sync
    /// policy, makes it durable) before it takes effect. A refused command, or one whose
    /// entry could not be written, changes nothing: the ward is as it was and the file
    /// is cut back to its last whole entry.
    pub fn execute(
        &mut self,
        ward: &mut Ward,
        ctx: &Context,
        command: impl Into<Command>,
    ) -> Result<Receipt, StoreError> {
        self.check(ward)?;
        let sync = self.sync;
        let receipt = ward
            .execute_storing(ctx, command, |entry| {
                self.write(&entry.to_jsonl_line(), 1, sync)
            })
            .map_err(|e| match e {
                StoringError::Refused(e) => StoreError::Refused(Box::new(e)),
                StoringError::Store(e) => e,
            })?;
        if !self.keep_journal {
            ward.release_journal();
        }
        self.snapshot_if_due(ward);
        Ok(receipt)
    }

    /// Executes a batch on `ward` as [`Ward::execute_batch`] does (each command decided
    /// against the state the ones before it left, the accepted ones in one entry), then
    /// writes the batch's entries and, by the sync policy, makes them durable. A batch
    /// applies its commands before its entry exists, so should the write fail, the file
    /// is cut back and the ward is read again from it: the ward is as it was before the
    /// batch (at the cost of a replay), and the error is returned for the whole batch.
    /// Should the file not be cut back, the store must be opened again
    /// ([`Appender::must_reopen`]), and until then the ward may hold the batch.
    pub fn execute_batch(
        &mut self,
        ward: &mut Ward,
        commands: impl IntoIterator<Item = (Context, Command)>,
    ) -> Result<BatchReceipt, StoreError> {
        self.check(ward)?;
        let batch = ward.execute_batch(commands);
        let mut lines = String::new();
        for entry in ward.journal().entries_after(self.entries) {
            entry.write_jsonl(&mut lines);
        }
        let written = if lines.is_empty() {
            Ok(())
        } else {
            self.write(&lines, batch.entries.len() as u64, self.sync)
        };
        if let Err(e) = written {
            self.reread(ward);
            return Err(e);
        }
        if !self.keep_journal {
            ward.release_journal();
        }
        self.snapshot_if_due(ward);
        Ok(batch)
    }

    /// Takes a snapshot of `ward` at its journal's head, after making the journal
    /// durable, so that a snapshot is never ahead of what the journal keeps (see
    /// [`crate::Store::snapshot`]). Returns the snapshot's path.
    pub fn snapshot(&mut self, ward: &Ward) -> Result<PathBuf, StoreError> {
        self.check(ward)?;
        self.sync()?;
        let path = snapshots::write(self.snapshot_files.as_mut(), &self.layout, ward)?;
        self.snapshotted = self.entries;
        self.snapshot_failure = None;
        Ok(path)
    }

    /// Takes the snapshot `snapshot_every` asks for, if one is due. The command is
    /// acknowledged already, so a failure is kept for [`Appender::snapshot_failure`]
    /// rather than returned; the next entry tries again.
    fn snapshot_if_due(&mut self, ward: &Ward) {
        let Some(every) = self.snapshot_every else {
            return;
        };
        if self.entries < self.snapshotted + every {
            return;
        }
        if let Err(e) = self.snapshot(ward) {
            self.snapshot_failure = Some(e);
        }
    }

    /// Why the last snapshot that `snapshot_every` asked for failed, or `None` when it
    /// succeeded (or none was due). The journal is unaffected by such a failure.
    pub fn snapshot_failure(&self) -> Option<&StoreError> {
        self.snapshot_failure.as_ref()
    }

    /// The entry of the newest snapshot taken or opened from (0 when there is none).
    pub fn snapshotted(&self) -> u64 {
        self.snapshotted
    }

    /// Makes the snapshots' file operations go through `files` (tests make them fail).
    pub fn set_snapshot_files(&mut self, files: Box<dyn SnapshotFiles>) {
        self.snapshot_files = files;
    }

    /// After a failed write of a batch already applied: the ward read again from the
    /// file's whole entries, which are the acknowledged ones when the file was cut back
    /// (or only a torn line is left beyond them). Should the file hold anything else, or
    /// not read, the store must be opened again.
    fn reread(&mut self, ward: &mut Ward) {
        let reread = File::open(&self.layout.journal)
            .map_err(io("open", &self.layout.journal))
            .and_then(|file| {
                let start = Position {
                    lines: 0,
                    offset: 0,
                };
                let fresh = Ward::new(ward.config().clone());
                let keep = self.keep_journal;
                read_into(fresh, &file, &self.layout.journal, start, keep, &mut |_| {})
            });
        match reread {
            Ok(read) if read.at.lines == self.entries => *ward = read.ward,
            Ok(read) => {
                self.broken = Some(format!(
                    "the journal file holds {} entries where {} were acknowledged",
                    read.at.lines, self.entries
                ))
            }
            Err(e) => self.broken = Some(format!("reading the journal again failed: {e}")),
        }
    }

    /// Makes every entry written so far durable (for the `EveryEntries` and
    /// `OnRequest` policies; with `EveryCommand` there is nothing to do). Should it
    /// fail, the store must be opened again, as the entries since the last sync may or
    /// may not be on disk.
    pub fn sync(&mut self) -> Result<(), StoreError> {
        self.usable()?;
        if self.unsynced == 0 {
            return Ok(());
        }
        match self.file.sync() {
            Ok(()) => {
                self.unsynced = 0;
                Ok(())
            }
            Err(e) => {
                self.broken = Some(format!("syncing the journal failed: {e}"));
                Err(io("sync", &self.layout.journal)(e))
            }
        }
    }

    /// Why the store must be opened again before it writes anything more (a failure that
    /// could not be undone), or `None` while it is usable.
    pub fn must_reopen(&self) -> Option<&str> {
        self.broken.as_deref()
    }

    /// Entries in the journal file.
    pub fn entries(&self) -> u64 {
        self.entries
    }

    /// The journal file.
    pub fn journal_path(&self) -> &Path {
        &self.layout.journal
    }

    /// The store's folder.
    pub fn dir(&self) -> PathBuf {
        self.layout.dir.clone()
    }

    /// Refuses to write for a ward whose journal moved without the store.
    fn check(&mut self, ward: &Ward) -> Result<(), StoreError> {
        self.usable()?;
        if ward.journal().len() as u64 != self.entries {
            self.broken = Some(format!(
                "the ward's journal has {} entries and the file {}: the ward changed \
                 without the store",
                ward.journal().len(),
                self.entries
            ));
            self.usable()?;
        }
        Ok(())
    }

    fn usable(&self) -> Result<(), StoreError> {
        match &self.broken {
            Some(reason) => Err(StoreError::MustReopen {
                reason: reason.clone(),
            }),
            None => Ok(()),
        }
    }

    /// Appends `lines`, which hold `count` entries, and syncs as `policy` says; on a
    /// failure the file is cut back to its last whole entry.
    fn write(&mut self, lines: &str, count: u64, policy: SyncPolicy) -> Result<(), StoreError> {
        let sync_now = match policy {
            SyncPolicy::EveryCommand => true,
            SyncPolicy::EveryEntries(n) => self.unsynced + count >= n,
            SyncPolicy::OnRequest => false,
        };
        if let Err(e) = self.file.append(lines.as_bytes()) {
            self.cut_back(&e);
            return Err(io("append to", &self.layout.journal)(e));
        }
        if sync_now {
            if let Err(e) = self.file.sync() {
                if self.unsynced > 0 {
                    // Entries acknowledged before this one may not have reached the disk.
                    self.broken = Some(format!(
                        "syncing the journal failed with {} acknowledged entries not yet \
                         synced: {e}",
                        self.unsynced
                    ));
                } else {
                    self.cut_back(&e);
                }
                return Err(io("sync", &self.layout.journal)(e));
            }
        }
        self.len += lines.len() as u64;
        self.entries += count;
        self.unsynced = if sync_now { 0 } else { self.unsynced + count };
        Ok(())
    }

    /// Cuts the file back to its whole entries after `failure`; if that fails too, the
    /// file may hold an entry the ward does not, and the store must be opened again.
    fn cut_back(&mut self, failure: &std::io::Error) {
        let cut = self.file.truncate(self.len).and_then(|()| self.file.sync());
        if let Err(e) = cut {
            self.broken = Some(format!(
                "a write failed ({failure}) and cutting the journal back to its last \
                 whole entry failed too ({e})"
            ));
        }
    }
}

impl Drop for Appender {
    fn drop(&mut self) {
        if self.unsynced > 0 && self.broken.is_none() {
            // Best effort: an error here cannot be reported, and the entries stay
            // written to the operating system.
            let _ = self.file.sync();
        }
    }
}

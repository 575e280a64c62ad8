//! Snapshots in a store: a ward's state at one entry, written atomically beside the
//! journal, and found again when the store is opened, so that opening replays only the
//! journal's tail. The journal stays the record: every line of it is still verified,
//! and a snapshot that fails a check is passed over, with the reason reported.

use std::fs::{self, File};
use std::io::{self, Write};
use std::path::{Path, PathBuf};

use gridward::snapshot::SnapshotHeader;
use gridward::{Ward, WardConfig};

use crate::layout::{io, Layout};
use crate::read::{verify_prefix, Position, Progress};
use crate::StoreError;

/// Snapshots kept: the newest, and the one before it in case the newest is found
/// damaged.
pub(crate) const KEEP: usize = 2;

const PREFIX: &str = "snapshot-";
const SUFFIX: &str = ".bin";

/// The operations a store makes on its folder to write a snapshot: a temporary file
/// written and made durable, renamed into place, the folder made durable, and old
/// snapshots removed. [`Disk`] makes them on the file system; a wrapper given to
/// [`crate::Store::with_snapshot_files`] can make any of them fail.
pub trait SnapshotFiles: Send {
    /// Creates (or truncates) the file at `path` and writes all of `bytes` to it. On an
    /// error, some of them may have been written.
    fn write_new(&mut self, path: &Path, bytes: &[u8]) -> io::Result<()>;
    /// Makes the file at `path` durable (fsync).
    fn sync_file(&mut self, path: &Path) -> io::Result<()>;
    /// Renames `from` to `to`, replacing it.
    fn rename(&mut self, from: &Path, to: &Path) -> io::Result<()>;
    /// Makes the folder's entries durable (fsync of the folder).
    fn sync_dir(&mut self, dir: &Path) -> io::Result<()>;
    /// Removes the file at `path`.
    fn remove(&mut self, path: &Path) -> io::Result<()>;
}

/// The file system itself.
#[derive(Clone, Copy, Debug, Default)]
pub struct Disk;

impl SnapshotFiles for Disk {
    fn write_new(&mut self, path: &Path, bytes: &[u8]) -> io::Result<()> {
        File::create(path)?.write_all(bytes)
    }

    fn sync_file(&mut self, path: &Path) -> io::Result<()> {
        File::open(path)?.sync_all()
    }

    fn rename(&mut self, from: &Path, to: &Path) -> io::Result<()> {
        fs::rename(from, to)
    }

    fn sync_dir(&mut self, dir: &Path) -> io::Result<()> {
        File::open(dir)?.sync_all()
    }

    fn remove(&mut self, path: &Path) -> io::Result<()> {
        fs::remove_file(path)
    }
}

/// A snapshot passed over when a store was opened, and why: damaged, taken under
/// another configuration, or stale (ahead of the journal, or of another journal). The
/// store was opened from an older snapshot or from the journal alone.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SkippedSnapshot {
    /// The snapshot file.
    pub path: PathBuf,
    /// Why it was passed over.
    pub reason: String,
}

/// The file name of the snapshot at entry `seq`.
pub(crate) fn name(seq: u64) -> String {
    format!("{PREFIX}{seq:012}{SUFFIX}")
}

/// The store's snapshots, newest first, by the entry in their names.
pub(crate) fn list(dir: &Path) -> Result<Vec<(u64, PathBuf)>, StoreError> {
    let mut found = Vec::new();
    for item in fs::read_dir(dir).map_err(io("list", dir))? {
        let item = item.map_err(io("list", dir))?;
        let file = item.file_name();
        let Some(text) = file.to_str() else { continue };
        let seq = text
            .strip_prefix(PREFIX)
            .and_then(|t| t.strip_suffix(SUFFIX))
            .and_then(|digits| digits.parse::<u64>().ok());
        if let Some(seq) = seq {
            found.push((seq, item.path()));
        }
    }
    found.sort_by_key(|(seq, _)| std::cmp::Reverse(*seq));
    Ok(found)
}

/// Removes temporary files left by snapshots whose writing was cut short (by the
/// writer only, which holds the lock). Best effort: one left behind is ignored.
pub(crate) fn remove_temporaries(dir: &Path) {
    let Ok(items) = fs::read_dir(dir) else { return };
    for item in items.flatten() {
        let file = item.file_name();
        let temporary = file
            .to_str()
            .is_some_and(|t| t.starts_with(&format!(".{PREFIX}")) && t.ends_with(".tmp"));
        if temporary {
            let _ = fs::remove_file(item.path());
        }
    }
}

/// Writes a snapshot of `ward` atomically (a temporary file, fsynced, renamed into
/// place, the folder fsynced), then removes all but the newest [`KEEP`] snapshots.
/// Returns the snapshot's path. On a failure the store is as it was: the journal is
/// untouched, and a temporary file left behind is removed on the next opening.
pub(crate) fn write(
    files: &mut dyn SnapshotFiles,
    layout: &Layout,
    ward: &Ward,
) -> Result<PathBuf, StoreError> {
    let seq = ward.journal().len() as u64;
    let path = layout.dir.join(name(seq));
    let bytes = ward.snapshot().map_err(|e| StoreError::Snapshot {
        path: path.clone(),
        source: Box::new(e),
    })?;
    let temporary = layout.dir.join(format!(".{}.tmp", name(seq)));
    let written = files
        .write_new(&temporary, &bytes)
        .map_err(io("write", &temporary))
        .and_then(|()| files.sync_file(&temporary).map_err(io("sync", &temporary)))
        .and_then(|()| {
            files
                .rename(&temporary, &path)
                .map_err(io("rename into place", &path))
        });
    if let Err(e) = written {
        let _ = files.remove(&temporary);
        return Err(e);
    }
    files
        .sync_dir(&layout.dir)
        .map_err(io("sync the folder", &layout.dir))?;
    // Older snapshots go only once the new one is durable; one that stays is harmless.
    for (_, old) in list(&layout.dir)?.into_iter().skip(KEEP) {
        let _ = files.remove(&old);
    }
    Ok(path)
}

/// Where opening a store starts: the ward and the position in the journal after the
/// entries it holds.
pub(crate) struct Start {
    pub ward: Ward,
    pub at: Position,
    /// The entry of the snapshot it was restored from, if any.
    pub snapshot: Option<u64>,
}

/// The newest snapshot that loads under `config` and matches the journal: its entry's
/// line in the journal has the snapshot's head, every line up to it verified (each
/// line's own hash and its link). Snapshots passed over are added to `skipped`. With no
/// snapshot to use, the start is an empty ward at the journal's beginning.
///
/// When `keep` is set, the entries up to the snapshot are given back to the ward's
/// journal, as a ward opened from the journal alone would hold them.
pub(crate) fn restore(
    layout: &Layout,
    config: &WardConfig,
    journal: &File,
    keep: bool,
    progress: &mut dyn FnMut(&Progress),
    skipped: &mut Vec<SkippedSnapshot>,
) -> Result<Start, StoreError> {
    for (_, path) in list(&layout.dir)? {
        let mut skip = |reason: String| {
            skipped.push(SkippedSnapshot {
                path: path.clone(),
                reason,
            })
        };
        let bytes = match fs::read(&path) {
            Ok(bytes) => bytes,
            Err(e) => {
                skip(format!("cannot read it: {e}"));
                continue;
            }
        };
        let seq = match SnapshotHeader::read(&bytes) {
            Ok((header, _)) => header.seq,
            Err(e) => {
                skip(e.to_string());
                continue;
            }
        };
        // The snapshot is loaded (decoded, its digest checked) on a second thread while
        // this one verifies the journal up to it; where no thread starts, one after the
        // other.
        let (loaded, verified) = std::thread::scope(|s| {
            let load = || Ward::from_snapshot(config.clone(), &bytes);
            let loader = std::thread::Builder::new().spawn_scoped(s, load);
            let verified = verify_prefix(journal, &layout.journal, seq, keep, progress);
            let loaded = match loader {
                Ok(handle) => handle.join().unwrap_or_else(|_| {
                    Err(gridward::Error::Internal(
                        "loading the snapshot panicked".into(),
                    ))
                }),
                Err(_) => load(),
            };
            (loaded, verified)
        });
        drop(bytes);
        let (chain, at) = verified?;
        let mut ward = match loaded {
            Ok(ward) => ward,
            Err(e) => {
                skip(e.to_string());
                continue;
            }
        };
        if at.lines < seq {
            skip(format!(
                "it is at entry {seq}, and the journal has {} whole entries",
                at.lines
            ));
            continue;
        }
        if chain.head() != ward.head() {
            skip(format!(
                "entry {seq} of the journal has hash {}, and the snapshot's head is {}",
                chain.head(),
                ward.head()
            ));
            continue;
        }
        if keep {
            ward.restore_journal(chain)
                .map_err(|e| StoreError::Replay {
                    path: layout.journal.clone(),
                    line: seq,
                    source: Box::new(e),
                })?;
        }
        return Ok(Start {
            ward,
            at,
            snapshot: Some(seq),
        });
    }
    Ok(Start {
        ward: Ward::new(config.clone()),
        at: Position {
            lines: 0,
            offset: 0,
        },
        snapshot: None,
    })
}

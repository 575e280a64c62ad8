//! What can go wrong with a store, each with a code as stable as the core's.

use std::io;
use std::path::PathBuf;

/// An error of a store: storage that failed, a journal found damaged, a store locked by
/// another writer, or a command the ward refused.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum StoreError {
    /// A file operation failed (disk full, an I/O error, no permission). A command that
    /// met it did not take effect, and the journal file was cut back to its last whole
    /// entry.
    #[error("cannot {action} {}: {source}", .path.display())]
    Io {
        /// What was being done.
        action: &'static str,
        /// The file or folder.
        path: PathBuf,
        /// The operating system's error.
        source: io::Error,
    },
    /// Another writer holds the store.
    #[error("the store {} is locked by another writer", .path.display())]
    Locked {
        /// The journal file whose lock is held.
        path: PathBuf,
    },
    /// A whole line of the journal file is not the entry the chain needs there: damage
    /// that opening does not repair, as only a torn last line is cut off.
    #[error("the journal {} is damaged at line {line}: {reason}", .path.display())]
    Damaged {
        /// The journal file.
        path: PathBuf,
        /// The line (1-based).
        line: u64,
        /// What is wrong there.
        reason: String,
    },
    /// A journal line reads as an entry but holds an event the state refuses.
    #[error("the journal {} cannot be replayed at line {line}: {source}", .path.display())]
    Replay {
        /// The journal file.
        path: PathBuf,
        /// The line (1-based).
        line: u64,
        /// The ward's error.
        source: Box<gridward::Error>,
    },
    /// The folder is not a store (no configuration, or one that does not read), or is
    /// not empty where a new store was to be made.
    #[error("{} is not {expected}: {reason}", .path.display())]
    NotAStore {
        /// The folder or file.
        path: PathBuf,
        /// What it should have been.
        expected: &'static str,
        /// What is wrong.
        reason: String,
    },
    /// A snapshot could not be taken: the ward's state did not encode. Nothing was
    /// written.
    #[error("cannot take the snapshot {}: {source}", .path.display())]
    Snapshot {
        /// The snapshot file it would have been.
        path: PathBuf,
        /// The ward's error.
        source: Box<gridward::Error>,
    },
    /// The ward refused the command; nothing was written.
    #[error(transparent)]
    Refused(Box<gridward::Error>),
    /// An earlier storage failure could not be cut back, so the file and the ward in
    /// memory may differ: every command is refused until the store is opened again,
    /// which finds what the file holds.
    #[error("the store must be opened again: {reason}")]
    MustReopen {
        /// The failure that could not be undone.
        reason: String,
    },
}

impl StoreError {
    /// A stable code for the error, as the core's errors have.
    pub fn code(&self) -> &'static str {
        match self {
            StoreError::Io { .. } => "store_io",
            StoreError::Locked { .. } => "store_locked",
            StoreError::Damaged { .. } => "store_damaged",
            StoreError::Replay { .. } => "store_replay",
            StoreError::NotAStore { .. } => "store_not_a_store",
            StoreError::Snapshot { .. } => "store_snapshot",
            StoreError::Refused(e) => e.code(),
            StoreError::MustReopen { .. } => "store_must_reopen",
        }
    }
}

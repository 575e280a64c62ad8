//! Durable wards: a [Gridward](gridward) ward kept in a folder, its journal an
//! append-only file in the exported JSON-lines format, so that the store is itself the
//! public journal that anyone can verify with a JSON parser and SHA-256.
//!
//! - **Nothing acknowledged is lost.** [`Store::execute`] writes an accepted command's
//!   entry and, by default, fsyncs it before returning; only then does the command take
//!   effect in memory. [`SyncPolicy`] trades this for speed, and says what it can lose.
//! - **Opening is safe.** [`Store::open`] verifies the whole chain and replays the
//!   entries after the newest snapshot, each event checked against the state it meets.
//!   A torn last line (a crash in the middle of a write) is cut off and reported; damage
//!   anywhere else is a typed error naming the line.
//! - **Snapshots for fast restarts.** [`Store::snapshot`], or
//!   [`StoreOptions::snapshot_every`], writes the ward's state atomically with the head
//!   and state digest it is at. Opening checks a snapshot's hash, configuration, digest
//!   and head against the journal, and passes over one that fails (reported in
//!   [`Opened::skipped`]) for an older one or the journal alone.
//! - **Failures undo themselves.** If a write or an fsync fails, the command is refused
//!   with [`StoreError::Io`], the ward in memory is unchanged and the file is cut back
//!   to its last whole entry.
//! - **One writer.** A second writer gets [`StoreError::Locked`]; any number of
//!   [`Follower`]s may read the store and follow new entries.
//! - **Little memory.** The ward holds its state, not its journal: entries are released
//!   from memory once written.
//!
//! A store is a folder holding `ward.json` (the ward's configuration, written
//! atomically when the store is made), `journal.jsonl`, and up to two snapshots,
//! `snapshot-<entry>.bin` (see [`gridward::snapshot`] for their format).

mod appender;
mod error;
mod file;
mod follower;
mod import;
mod layout;
mod read;
mod snapshots;
mod store;

pub use appender::{Appender, Opened, StoreOptions, SyncPolicy};
pub use error::StoreError;
pub use file::JournalFile;
pub use follower::Follower;
pub use import::read_journal;
pub use read::{Progress, TornTail};
pub use snapshots::{Disk, SkippedSnapshot, SnapshotFiles};
pub use store::Store;

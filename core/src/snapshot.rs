//! Snapshots: a ward's whole state at one entry of its journal, so that a store can
//! restart from the newest snapshot and the journal's tail rather than replay every
//! entry, and a ward can travel between processes without a replay.
//!
//! A snapshot is three parts:
//!
//! ```text
//! GRIDWARD-SNAPSHOT 1
//! {"seq":1200,"head":"…","state":"…","config":"…","body":"…","bytes":48213}
//! <bytes of CBOR (RFC 8949): the state of every capability and the idempotency keys>
//! ```
//!
//! The header line says at which entry the snapshot was taken (`seq`), the journal's head
//! there (`head`), the [state digest](crate::Ward::state_digest) (`state`), the SHA-256 of
//! the configuration's JSON (`config`) and of the body (`body`), and the body's length.
//! Loading ([`crate::Ward::from_snapshot`], with the `snapshot` feature) checks every one
//! of them: the body's length and hash before decoding it, the configuration against the
//! one given, every position the decoded state holds (an index into a table, a unit of
//! the hierarchy) against what exists, and the digest of the decoded state against
//! `state`. A snapshot is a cache of a journal, never a substitute for it: the journal
//! stays the record anyone can verify, and a store whose snapshot fails a check falls
//! back to the journal. The hashes catch damage, not forgery: a body forged with its
//! hashes recomputed is refused when it breaks an index or the digest, but counts the
//! digest does not cover are taken as they are, so load only snapshots you made.

use serde::{Deserialize, Serialize};

use crate::error::kind::error_codes;
use crate::journal::Hash;

/// The first line of every snapshot, with the format's version.
pub const SNAPSHOT_MAGIC: &str = "GRIDWARD-SNAPSHOT 1";

/// What a snapshot's header line claims, checked when it is loaded.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SnapshotHeader {
    /// The journal entry the state is at: the snapshot holds entries 1 to `seq`.
    pub seq: u64,
    /// The journal's head at entry `seq`.
    pub head: Hash,
    /// The state digest at entry `seq`.
    pub state: Hash,
    /// SHA-256 of the configuration's JSON: a snapshot loads only under its own rules.
    pub config: Hash,
    /// SHA-256 of the body.
    pub body: Hash,
    /// The body's length in bytes.
    pub bytes: u64,
}

impl SnapshotHeader {
    /// Reads the magic line and the header line of a snapshot, and returns the header
    /// with the body that follows (not yet checked against it).
    pub fn read(snapshot: &[u8]) -> Result<(SnapshotHeader, &[u8]), SnapshotError> {
        let (magic, rest) = split_line(snapshot).ok_or(SnapshotError::NotASnapshot)?;
        if magic != SNAPSHOT_MAGIC.as_bytes() {
            let known = SNAPSHOT_MAGIC.rsplit_once(' ').map_or("", |(name, _)| name);
            return Err(match std::str::from_utf8(magic) {
                Ok(text) if text.starts_with(known) => SnapshotError::Version {
                    found: text.chars().take(40).collect(),
                },
                _ => SnapshotError::NotASnapshot,
            });
        }
        let (line, body) = split_line(rest).ok_or_else(|| SnapshotError::Damaged {
            reason: "the header line has no end".into(),
        })?;
        let header: SnapshotHeader =
            serde_json::from_slice(line).map_err(|e| SnapshotError::Damaged {
                reason: format!("the header line is not a snapshot header: {e}"),
            })?;
        Ok((header, body))
    }

    /// Checks `body` against the header's length and hash.
    pub fn check_body(&self, body: &[u8]) -> Result<(), SnapshotError> {
        if body.len() as u64 != self.bytes {
            return Err(SnapshotError::Damaged {
                reason: format!(
                    "the body is {} bytes, the header says {}",
                    body.len(),
                    self.bytes
                ),
            });
        }
        let found = Hash::of_bytes(body);
        if found != self.body {
            return Err(SnapshotError::Damaged {
                reason: format!("the body's hash is {found}, the header says {}", self.body),
            });
        }
        Ok(())
    }

    /// The magic line and this header's line, each ending in a newline.
    pub fn lines(&self) -> Result<String, SnapshotError> {
        let header =
            serde_json::to_string(self).map_err(|e| SnapshotError::Encode(e.to_string()))?;
        Ok(format!("{SNAPSHOT_MAGIC}\n{header}\n"))
    }
}

fn split_line(bytes: &[u8]) -> Option<(&[u8], &[u8])> {
    // A header line is short: a snapshot whose first 4 KiB hold no newline is not one.
    let end = bytes.iter().take(4096).position(|&b| b == b'\n')?;
    Some((&bytes[..end], &bytes[end + 1..]))
}

/// Why a snapshot was not taken or not loaded.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum SnapshotError {
    /// The bytes do not begin with the snapshot's magic line.
    #[error("not a Gridward snapshot: the first line is not {SNAPSHOT_MAGIC:?}")]
    NotASnapshot,
    /// A snapshot of another version of the format.
    #[error(
        "a snapshot of another format version ({found:?}); this library reads {SNAPSHOT_MAGIC:?}"
    )]
    Version {
        /// The first line found.
        found: String,
    },
    /// The header or the body is damaged: cut short, altered, or not decodable.
    #[error("damaged snapshot: {reason}")]
    Damaged {
        /// What was wrong.
        reason: String,
    },
    /// The snapshot was taken under another configuration.
    #[error("the snapshot was taken under another configuration (its digest {found}, this one's {expected})")]
    ConfigDiffers {
        /// The digest of the configuration given.
        expected: Hash,
        /// The digest the snapshot was taken under.
        found: Hash,
    },
    /// The decoded state's digest is not the one the header gives.
    #[error("the snapshot's state has digest {found}, its header says {expected}")]
    StateDiffers {
        /// The digest in the header.
        expected: Hash,
        /// The digest of the state decoded.
        found: Hash,
    },
    /// The state could not be encoded.
    #[error("cannot encode the snapshot: {0}")]
    Encode(String),
}

error_codes! {
    SnapshotError {
        NotASnapshot => ("snapshot_not_a_snapshot", Journal),
        Version { .. } => ("snapshot_version", Journal),
        Damaged { .. } => ("snapshot_damaged", Journal),
        ConfigDiffers { .. } => ("snapshot_config_differs", Journal),
        StateDiffers { .. } => ("snapshot_state_differs", Journal),
        Encode(..) => ("snapshot_encode", Journal),
    }
}

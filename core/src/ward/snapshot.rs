//! Taking and loading snapshots (see [`crate::snapshot`] for the format).

use super::table::StateOwned;
use super::{Ward, WardConfig};
use crate::error::Error;
use crate::journal::{Hash, Journal, JournalError};
use crate::snapshot::{SnapshotError, SnapshotHeader};

/// SHA-256 of a configuration's JSON, as a snapshot's header records it.
fn config_digest(config: &WardConfig) -> Result<Hash, SnapshotError> {
    Hash::of_json(config).map_err(|e| SnapshotError::Encode(e.to_string()))
}

impl Ward {
    /// A snapshot of the ward's state at its journal's head: the magic line, the header
    /// line and the CBOR body (see [`crate::snapshot`]). The journal itself is not in
    /// it: a snapshot is restored beside the journal it was taken from.
    pub fn snapshot(&self) -> Result<Vec<u8>, Error> {
        let mut body = Vec::new();
        ciborium::into_writer(&self.state_ref(), &mut body)
            .map_err(|e| SnapshotError::Encode(e.to_string()))?;
        let header = SnapshotHeader {
            seq: self.journal.len() as u64,
            head: self.head(),
            state: self.state_digest(),
            config: config_digest(&self.config)?,
            body: Hash::of_bytes(&body),
            bytes: body.len() as u64,
        };
        let lines = header.lines()?;
        let mut out = Vec::with_capacity(lines.len() + body.len());
        out.extend_from_slice(lines.as_bytes());
        out.extend_from_slice(&body);
        Ok(out)
    }

    /// The ward a snapshot holds, under `config`, which must be the configuration it was
    /// taken under. The body's length and hash are checked before it is decoded, and the
    /// decoded state's digest against the header's.
    ///
    /// The ward's journal holds no entries: it has [released](Journal::release) the
    /// `seq` entries the snapshot is at, and keeps their head, so entries after them
    /// can be [followed](Ward::follow) and new commands chain on. Give the entries back
    /// with [`Ward::restore_journal`] when they are at hand.
    pub fn from_snapshot(config: WardConfig, snapshot: &[u8]) -> Result<Ward, Error> {
        let (header, body) = SnapshotHeader::read(snapshot)?;
        header.check_body(body)?;
        let expected = config_digest(&config)?;
        if header.config != expected {
            return Err(SnapshotError::ConfigDiffers {
                expected,
                found: header.config,
            }
            .into());
        }
        let state: StateOwned =
            ciborium::from_reader(body).map_err(|e| SnapshotError::Damaged {
                reason: format!("the body does not decode: {e}"),
            })?;
        let journal = Journal::released_at(header.seq, header.head);
        let ward = Ward::from_state(config, state, journal)
            .and_then(|ward| ward.check_places().map(|()| ward))
            .map_err(|reason| SnapshotError::Damaged {
                reason: format!("the state does not hold together: {reason}"),
            })?;
        let found = ward.state_digest();
        if found != header.state {
            return Err(SnapshotError::StateDiffers {
                expected: header.state,
                found,
            }
            .into());
        }
        Ok(ward)
    }

    /// Checks that the places one capability holds of another's records (people,
    /// households, departments) point at what exists.
    fn check_places(&self) -> Result<(), String> {
        let grid = &self.grid;
        self.tasks
            .check_places(grid)
            .map_err(|e| format!("tasks: {e}"))?;
        self.scoring
            .check_places(grid)
            .map_err(|e| format!("scoring: {e}"))?;
        self.points
            .check_places(grid)
            .map_err(|e| format!("points: {e}"))
    }

    /// Gives a ward restored from a snapshot the journal entries it released: `journal`
    /// must be whole (no entries released), as long as the ward's journal, and end at
    /// the same head. Its chain is not checked again here: read it with
    /// [`Journal::from_jsonl`], which checks every link and hash.
    pub fn restore_journal(&mut self, journal: Journal) -> Result<(), Error> {
        journal.require_all()?;
        if journal.len() != self.journal.len() || journal.head() != self.head() {
            return Err(JournalError::HeadMismatch {
                expected: self.head(),
                found: journal.head(),
            }
            .into());
        }
        self.journal = journal;
        Ok(())
    }
}

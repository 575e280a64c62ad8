//! The event journal: the truth from which all state is folded.
//!
//! Each entry holds the events of one accepted command, or of a batch of accepted commands
//! (see `Ward::execute_batch`), as compact JSON (its *body*), its sequence number (from
//! 1), the hash of the entry before it and its own hash:
//!
//! ```text
//! hash = SHA-256( "{seq}\n{prev}\n{body}" )     prev of entry 1 = 64 zeros
//! ```
//!
//! so anyone holding an exported journal can recompute every hash with a JSON parser and
//! SHA-256 alone, and compare the last with a published head. A journal exports as JSON
//! lines, one entry a line: `{"seq":1,"prev":"…","hash":"…","body":{…}}`.

mod hash;
pub(crate) mod instant;
mod jsonl;
mod scan;
mod scratch;

pub use hash::{BadHash, Hash};
pub use jsonl::{ChainBreak, VerifyReport};

use serde::Serialize;

use crate::error::kind::error_codes;

/// The longest body an entry may have: its line adds the sequence number and two hashes
/// (under 200 bytes), and must stay within [`crate::limits::MAX_ENTRY_BYTES`].
pub(crate) const MAX_BODY_BYTES: usize = crate::limits::MAX_ENTRY_BYTES - 256;

/// One journal entry: the events of one command, or of a batch, chained to the entry
/// before.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Entry {
    seq: u64,
    prev: Hash,
    hash: Hash,
    body: Box<str>,
}

impl Entry {
    /// Sequence number, from 1.
    pub fn seq(&self) -> u64 {
        self.seq
    }

    /// Hash of the entry before (zero for the first).
    pub fn prev(&self) -> &Hash {
        &self.prev
    }

    /// This entry's hash.
    pub fn hash(&self) -> &Hash {
        &self.hash
    }

    /// The body exactly as hashed: compact JSON.
    pub fn body(&self) -> &str {
        &self.body
    }
}

/// Errors of the journal: a broken chain, a malformed line, a head that does not match.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum JournalError {
    /// The chain is broken at an entry.
    #[error("journal broken at line {}: {}", .0.line, .0.reason)]
    Broken(ChainBreak),
    /// The journal's head is not the one expected (entries dropped from the end, or
    /// another journal).
    #[error("journal head is {found}, expected {expected}")]
    HeadMismatch {
        /// The head that was published.
        expected: Hash,
        /// The head of the journal at hand.
        found: Hash,
    },
    /// An entry's body could not be encoded.
    #[error("cannot encode journal entry: {0}")]
    Encode(String),
    /// An entry would be longer than [`crate::limits::MAX_ENTRY_BYTES`].
    #[error("a journal entry of {bytes} bytes is longer than the limit of {limit}")]
    TooLong {
        /// The entry's length in bytes.
        bytes: usize,
        /// The limit.
        limit: usize,
    },
    /// The work needs entries the journal has released from memory (they are kept in
    /// storage; see [`Journal::release`]).
    #[error(
        "the journal holds entries from {held_from} on; entries 1 to {} were released \
         to storage and are needed here",
        .held_from - 1
    )]
    Released {
        /// The first entry the journal still holds.
        held_from: u64,
    },
}

error_codes! {
    JournalError {
        Broken(..) => ("journal_broken", Journal),
        HeadMismatch { .. } => ("journal_head_mismatch", Journal),
        Encode(..) => ("journal_encode", Journal),
        TooLong { .. } => ("journal_entry_too_long", Journal),
        Released { .. } => ("journal_released", Journal),
    }
}

/// An append-only, hash-chained list of entries.
///
/// A journal kept in storage (as `gridward-store` keeps it) need not hold its entries in
/// memory: [`Journal::release`] drops them and keeps only their number and the head, so
/// that new entries still chain on.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Journal {
    /// Entries released from memory: the held entries start at `released + 1`.
    released: u64,
    /// The hash of entry `released` (zero when none was released).
    released_head: Hash,
    entries: Vec<Entry>,
}

impl Default for Journal {
    fn default() -> Self {
        Journal {
            released: 0,
            released_head: Hash::ZERO,
            entries: Vec::new(),
        }
    }
}

impl Journal {
    /// An empty journal.
    pub fn new() -> Journal {
        Journal::default()
    }

    /// The hash of the last entry, or zero when empty.
    pub fn head(&self) -> Hash {
        self.entries.last().map_or(self.released_head, |e| e.hash)
    }

    /// Number of entries, released ones included: the sequence number of the last.
    pub fn len(&self) -> usize {
        usize::try_from(self.released).unwrap_or(usize::MAX) + self.entries.len()
    }

    /// Whether the journal has no entries.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The entries held in memory, oldest first: all of them, unless some were
    /// [released](Journal::release).
    pub fn entries(&self) -> &[Entry] {
        &self.entries
    }

    /// The sequence number of the first entry held in memory: 1 unless entries were
    /// [released](Journal::release).
    pub fn held_from(&self) -> u64 {
        self.released + 1
    }

    /// Held entries after sequence number `seq` (for an integrator persisting
    /// incrementally).
    pub fn entries_after(&self, seq: u64) -> &[Entry] {
        let start = usize::try_from(seq.saturating_sub(self.released))
            .unwrap_or(usize::MAX)
            .min(self.entries.len());
        &self.entries[start..]
    }

    /// The journal's first `len` entries (all of them if it has fewer): the journal as it
    /// stood when its head was the hash of entry `len`. Fails with
    /// [`JournalError::Released`] when entry `len` was released from memory.
    pub fn prefix(&self, len: usize) -> Result<Journal, JournalError> {
        let len = len.min(self.len());
        let held = len as u64;
        if held < self.released {
            return Err(JournalError::Released {
                held_from: self.held_from(),
            });
        }
        Ok(Journal {
            released: self.released,
            released_head: self.released_head,
            entries: self.entries[..(held - self.released) as usize].to_vec(),
        })
    }

    /// Drops the entries held in memory, keeping their number and the head: for a
    /// journal whose entries are kept in storage. New entries chain on as before.
    pub fn release(&mut self) {
        self.released_head = self.head();
        self.released = self.len() as u64;
        self.entries = Vec::new();
    }

    /// A journal of `len` entries ending at `head`, all released: a snapshot's.
    #[cfg(feature = "snapshot")]
    pub(crate) fn released_at(len: u64, head: Hash) -> Journal {
        Journal {
            released: len,
            released_head: head,
            entries: Vec::new(),
        }
    }

    /// Fails with [`JournalError::Released`] unless every entry is held in memory.
    pub(crate) fn require_all(&self) -> Result<(), JournalError> {
        if self.released == 0 {
            Ok(())
        } else {
            Err(JournalError::Released {
                held_from: self.held_from(),
            })
        }
    }

    /// Serialises `body` as compact JSON and appends it as the next entry.
    pub(crate) fn append<T: Serialize>(&mut self, body: &T) -> Result<&Entry, JournalError> {
        let text = scratch::with_scratch(|bytes| {
            serde_json::to_writer(&mut *bytes, body)
                .map_err(|e| JournalError::Encode(e.to_string()))?;
            let text =
                std::str::from_utf8(bytes).map_err(|e| JournalError::Encode(e.to_string()))?;
            if text.len() > MAX_BODY_BYTES {
                return Err(JournalError::TooLong {
                    bytes: text.len(),
                    limit: MAX_BODY_BYTES,
                });
            }
            Ok(Box::<str>::from(text))
        })?;
        Ok(self.push_body(text))
    }

    /// Appends a body already encoded as compact JSON (a batch's, written item by item).
    pub(crate) fn append_encoded(&mut self, body: String) -> Result<&Entry, JournalError> {
        if body.len() > MAX_BODY_BYTES {
            return Err(JournalError::TooLong {
                bytes: body.len(),
                limit: MAX_BODY_BYTES,
            });
        }
        Ok(self.push_body(body.into_boxed_str()))
    }

    /// Withdraws the last entry, just appended, whose command did not take effect.
    pub(crate) fn withdraw_last(&mut self) {
        self.entries.pop();
    }

    /// Adds an entry already checked to follow the head.
    pub(crate) fn push_entry(&mut self, entry: Entry) {
        self.entries.push(entry);
    }

    fn push_body(&mut self, body: Box<str>) -> &Entry {
        let seq = self.len() as u64 + 1;
        let prev = self.head();
        let hash = Hash::of_entry(seq, &prev, &body);
        self.entries.push(Entry {
            seq,
            prev,
            hash,
            body,
        });
        &self.entries[self.entries.len() - 1]
    }

    /// Recomputes every hash this journal holds and reports the first break, if any. A
    /// journal that [released](Journal::release) entries is checked from its first held
    /// entry on, against the head it kept.
    pub fn verify(&self) -> VerifyReport {
        let mut report = VerifyReport::after(self.released, self.released_head);
        for (i, e) in self.entries.iter().enumerate() {
            let line = self.released + i as u64 + 1;
            if let Err(reason) = report.check(line, e.seq, &e.prev, &e.hash, &e.body) {
                report.fail(line, reason);
                break;
            }
        }
        report
    }

    /// Checks that the journal ends at `expected`: a published head.
    pub fn verify_head(&self, expected: &Hash) -> Result<(), JournalError> {
        let found = self.head();
        if &found == expected {
            Ok(())
        } else {
            Err(JournalError::HeadMismatch {
                expected: *expected,
                found,
            })
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn entries_chain_and_verify() {
        let mut j = Journal::new();
        assert_eq!(j.head(), Hash::ZERO);
        j.append(&serde_json::json!({"a": 1})).unwrap();
        j.append(&serde_json::json!({"b": 2})).unwrap();
        assert_eq!(j.len(), 2);
        assert_eq!(j.entries()[1].prev(), j.entries()[0].hash());
        assert_eq!(j.entries()[0].body(), r#"{"a":1}"#);
        let r = j.verify();
        assert!(r.intact && r.entries == 2 && r.head == j.head());
        assert_eq!(j.entries_after(1).len(), 1);
        assert_eq!(j.entries_after(99).len(), 0);
        assert!(j.verify_head(&j.head()).is_ok());
        assert!(matches!(
            j.verify_head(&Hash::ZERO),
            Err(JournalError::HeadMismatch { .. })
        ));
    }

    #[test]
    fn tampered_memory_is_found() {
        let mut j = Journal::new();
        j.append(&serde_json::json!({"a": 1})).unwrap();
        j.append(&serde_json::json!({"b": 2})).unwrap();
        j.entries[0].body = r#"{"a":2}"#.into();
        let r = j.verify();
        assert!(!r.intact);
        assert_eq!(r.first_break.unwrap().line, 1);
    }
}

//! Export and import of a journal as JSON lines, and verification of such text.

use std::fmt;

use super::{scan, Entry, Hash, Journal, JournalError};
use serde::{Deserialize, Serialize};

/// Where and why a chain breaks.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct ChainBreak {
    /// The line (1-based) or entry number where the break was found.
    pub line: u64,
    /// What is wrong there.
    pub reason: String,
}

impl fmt::Display for ChainBreak {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "line {}: {}", self.line, self.reason)
    }
}

/// The outcome of verifying a journal.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct VerifyReport {
    /// Entries read and found intact before any break.
    pub entries: u64,
    /// Hash of the last intact entry (zero if none).
    pub head: Hash,
    /// Whether the whole chain is intact.
    pub intact: bool,
    /// The first break, if any.
    pub first_break: Option<ChainBreak>,
}

impl VerifyReport {
    pub(super) fn new() -> VerifyReport {
        VerifyReport::after(0, Hash::ZERO)
    }

    /// A report that takes `entries` entries ending at `head` as read.
    pub(crate) fn after(entries: u64, head: Hash) -> VerifyReport {
        VerifyReport {
            entries,
            head,
            intact: true,
            first_break: None,
        }
    }

    /// Checks one entry against the chain so far and, if it holds, advances the head.
    pub(super) fn check(
        &mut self,
        line: u64,
        seq: u64,
        prev: &Hash,
        hash: &Hash,
        body: &str,
    ) -> Result<(), String> {
        self.link(line, seq, prev, hash, &Hash::of_entry(seq, prev, body))
    }

    /// Checks one entry whose content hashes to `computed` against the chain so far
    /// and, if it holds, advances the head.
    pub(crate) fn link(
        &mut self,
        line: u64,
        seq: u64,
        prev: &Hash,
        hash: &Hash,
        computed: &Hash,
    ) -> Result<(), String> {
        if seq != line {
            return Err(format!("sequence number {seq} where {line} was expected"));
        }
        if prev != &self.head {
            return Err(format!(
                "prev is {prev} but the entry before has hash {}",
                self.head
            ));
        }
        if computed != hash {
            return Err(format!(
                "hash is {hash} but the content hashes to {computed}"
            ));
        }
        self.entries = seq;
        self.head = *hash;
        Ok(())
    }

    pub(super) fn fail(&mut self, line: u64, reason: String) {
        self.intact = false;
        self.first_break = Some(ChainBreak { line, reason });
    }
}

impl Entry {
    /// Writes the entry as one line of the JSON-lines journal, newline included.
    pub fn write_jsonl(&self, out: &mut String) {
        out.push_str("{\"seq\":");
        out.push_str(&self.seq.to_string());
        out.push_str(",\"prev\":\"");
        out.push_str(&self.prev.to_hex());
        out.push_str("\",\"hash\":\"");
        out.push_str(&self.hash.to_hex());
        out.push_str("\",\"body\":");
        out.push_str(&self.body);
        out.push_str("}\n");
    }

    /// The entry as one line of the JSON-lines journal, newline included.
    pub fn to_jsonl_line(&self) -> String {
        let mut out = String::with_capacity(self.body.len() + 180);
        self.write_jsonl(&mut out);
        out
    }

    /// Reads one line of a JSON-lines journal (with or without its newline) as an entry,
    /// checking its own hash; line `line` names it in the error. Its place in a chain
    /// (its sequence number and `prev`) is checked where it is added, as by
    /// [`crate::Ward::follow`].
    pub fn from_jsonl_line(line: u64, text: &str) -> Result<Entry, JournalError> {
        let text = text.strip_suffix('\n').unwrap_or(text);
        let fields = scan::examine(line, text).fields.and_then(|f| {
            if f.computed == f.hash {
                Ok(f)
            } else {
                Err(format!(
                    "hash is {} but the content hashes to {}",
                    f.hash, f.computed
                ))
            }
        });
        match fields {
            Ok(f) => Ok(Entry {
                seq: f.seq,
                prev: f.prev,
                hash: f.hash,
                body: f.body.into(),
            }),
            Err(reason) => Err(JournalError::Broken(ChainBreak { line, reason })),
        }
    }
}

impl Journal {
    /// Appends an entry read from storage (by [`Entry::from_jsonl_line`], which checks
    /// its own hash), checking that it follows the head: its sequence number is one
    /// more than the journal's length and its `prev` is the head. The journal is
    /// unchanged when it does not. With [`Journal::release`] after each entry, this
    /// verifies a journal of any length in constant memory.
    pub fn push(&mut self, entry: Entry) -> Result<(), JournalError> {
        let line = self.len() as u64 + 1;
        VerifyReport::after(line - 1, self.head())
            .link(line, entry.seq, &entry.prev, &entry.hash, &entry.hash)
            .map_err(|reason| JournalError::Broken(ChainBreak { line, reason }))?;
        self.push_entry(entry);
        Ok(())
    }

    /// The entries held as JSON lines, one entry a line, each ending in a newline: the
    /// whole journal unless entries were [released](Journal::release).
    pub fn to_jsonl(&self) -> String {
        let size: usize = self.entries.iter().map(|e| e.body.len() + 180).sum();
        let mut out = String::with_capacity(size);
        for e in &self.entries {
            e.write_jsonl(&mut out);
        }
        out
    }

    /// Reads JSON lines, checking every entry's sequence, link and hash; the first fault
    /// is an error naming its line. Blank lines are ignored.
    pub fn from_jsonl(text: &str) -> Result<Journal, JournalError> {
        let (journal, report) = Journal::read_jsonl(text, true);
        match report.first_break {
            Some(brk) => Err(JournalError::Broken(brk)),
            None => Ok(journal),
        }
    }

    /// Verifies JSON-lines text: never fails, reports how far the chain holds instead.
    pub fn verify_jsonl(text: &str) -> VerifyReport {
        Journal::read_jsonl(text, false).1
    }

    /// Reads entries up to the first fault; the report says where it stopped and why.
    /// The entries are kept only when `keep` is set: verifying alone copies nothing.
    fn read_jsonl(text: &str, keep: bool) -> (Journal, VerifyReport) {
        let mut report = VerifyReport::new();
        let mut journal = Journal::new();
        for examined in scan::examine_all(text) {
            let line = examined.line;
            let checked = examined.fields.and_then(|f| {
                let expected = report.entries + 1;
                report.link(expected, f.seq, &f.prev, &f.hash, &f.computed)?;
                Ok(f)
            });
            match checked {
                Ok(f) if keep => journal.entries.push(Entry {
                    seq: f.seq,
                    prev: f.prev,
                    hash: f.hash,
                    body: f.body.into(),
                }),
                Ok(_) => {}
                Err(reason) => {
                    report.fail(line, reason);
                    break;
                }
            }
        }
        (journal, report)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::limits::MAX_ENTRY_BYTES;

    fn sample() -> Journal {
        let mut j = Journal::new();
        for i in 0..3 {
            j.append(&serde_json::json!({"n": i, "name": "社区"}))
                .unwrap();
        }
        j
    }

    #[test]
    fn round_trip_keeps_every_hash() {
        let j = sample();
        let text = j.to_jsonl();
        assert_eq!(text.lines().count(), 3);
        let back = Journal::from_jsonl(&text).unwrap();
        assert_eq!(back, j);
        let r = Journal::verify_jsonl(&text);
        assert!(r.intact);
        assert_eq!((r.entries, r.head), (3, j.head()));
    }

    #[test]
    fn edits_drops_and_swaps_are_found() {
        let text = sample().to_jsonl();
        let lines: Vec<&str> = text.lines().collect();

        let edited = text.replacen("\"n\":1", "\"n\":7", 1);
        let r = Journal::verify_jsonl(&edited);
        assert!(!r.intact);
        assert_eq!(r.first_break.as_ref().unwrap().line, 2);
        assert_eq!(r.entries, 1);

        let dropped = format!("{}\n{}\n", lines[0], lines[2]);
        assert!(Journal::from_jsonl(&dropped).is_err());

        let swapped = format!("{}\n{}\n{}\n", lines[1], lines[0], lines[2]);
        assert!(matches!(
            Journal::from_jsonl(&swapped),
            Err(JournalError::Broken(ChainBreak { line: 1, .. }))
        ));
    }

    #[test]
    fn garbage_is_an_error() {
        for junk in ["nonsense", "{}", "[1,2]", "{\"seq\":1}", "\u{0}"] {
            assert!(Journal::from_jsonl(junk).is_err(), "{junk:?}");
            assert!(!Journal::verify_jsonl(junk).intact);
        }
        assert!(Journal::from_jsonl("").unwrap().is_empty());
    }

    #[test]
    fn a_line_longer_than_the_limit_is_refused_before_it_is_parsed() {
        let mut text = sample().to_jsonl();
        let mut long = String::with_capacity(MAX_ENTRY_BYTES + 2);
        long.push('{');
        long.push_str(&" ".repeat(MAX_ENTRY_BYTES));
        text.push_str(&long);
        text.push('\n');
        let report = Journal::verify_jsonl(&text);
        assert_eq!(report.entries, 3);
        let brk = report.first_break.unwrap();
        assert_eq!(brk.line, 4);
        assert!(
            brk.reason.contains("longer than the limit"),
            "{}",
            brk.reason
        );
    }
}

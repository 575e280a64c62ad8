//! Batched execution: several commands decided in turn, each against the state the ones
//! before it left, and the accepted ones recorded together in one journal entry.
//!
//! Each command of a batch is accepted or refused on its own, exactly as [`Ward::execute`]
//! would decide it at that point; a refused one is reported and recorded nowhere. The
//! accepted ones share one entry, whose body lists them in order, each with its own
//! time, actor, key and events:
//!
//! ```text
//! {"batch":[{"at":"…","actor":…,"events":[…]},{"at":"…","actor":…,"key":"…","digest":"…","events":[…]}]}
//! ```
//!
//! Should the accepted commands not fit in one entry (see
//! [`crate::limits::MAX_ENTRY_BYTES`]), the batch goes on in a next entry.

use super::{too_long, BodyOut, Receipt, ToRecord, Ward};
use crate::access::Context;
use crate::error::Error;
use crate::journal::{Hash, MAX_BODY_BYTES};
use crate::ward::Command;

/// What a batch did.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct BatchReceipt {
    /// One outcome per command, in the order given: its receipt, or why it was refused
    /// (a refused command left no trace). Every receipt carries the head after the
    /// batch; an accepted command's `seq` is the entry that holds it.
    pub outcomes: Vec<Result<Receipt, Error>>,
    /// The journal entries the batch wrote, in order: one, or none when no command
    /// changed anything (more only for a batch too long for one entry).
    pub entries: Vec<u64>,
    /// The journal's head after the batch.
    pub head: Hash,
}

impl BatchReceipt {
    /// How many commands were refused.
    pub fn refused(&self) -> usize {
        self.outcomes.iter().filter(|o| o.is_err()).count()
    }
}

/// The body of the entry being written: `{"batch":[` and the items so far.
struct Pending {
    text: Vec<u8>,
    items: usize,
    limit: usize,
}

const OPEN: &[u8] = br#"{"batch":["#;
const CLOSE: &[u8] = b"]}";

impl Pending {
    fn new(limit: usize) -> Pending {
        let mut text = Vec::with_capacity(1 << 16);
        text.extend_from_slice(OPEN);
        Pending {
            text,
            items: 0,
            limit,
        }
    }

    /// Whether an item of `len` bytes still fits, with its comma and the closing.
    fn fits(&self, len: usize) -> bool {
        self.text.len() + usize::from(self.items > 0) + len + CLOSE.len() <= self.limit
    }

    fn push(&mut self, item: &[u8]) {
        if self.items > 0 {
            self.text.push(b',');
        }
        self.text.extend_from_slice(item);
        self.items += 1;
    }

    /// The finished body, leaving this one empty for the next entry.
    fn take(&mut self) -> Option<String> {
        if self.items == 0 {
            return None;
        }
        let mut text = std::mem::replace(&mut self.text, OPEN.to_vec());
        text.extend_from_slice(CLOSE);
        self.items = 0;
        // Every item came from serde_json, and the frame is ASCII.
        String::from_utf8(text).ok()
    }
}

impl Ward {
    /// Decides `commands` in turn, each against the state the ones before it left, and
    /// records the accepted ones together in one journal entry. Each command is accepted
    /// or refused on its own, as [`Ward::execute`] would decide it at that point (its
    /// idempotency key included); a refused one is reported in the outcome and recorded
    /// nowhere.
    ///
    /// One entry for many commands saves the hash, the line and the entry of each: the
    /// way to run a simulation or a large import of commands.
    ///
    /// Each accepted command is applied before the entry recording the batch is written,
    /// so that the next is decided against it. Nothing here fails between the two, but a
    /// panic part-way (a bug, or one raised by the iterator giving the commands) would
    /// leave the state ahead of the journal: a caller that catches panics rebuilds the
    /// ward from its journal, as the Python face does.
    pub fn execute_batch(
        &mut self,
        commands: impl IntoIterator<Item = (Context, Command)>,
    ) -> BatchReceipt {
        self.execute_batch_within(commands, MAX_BODY_BYTES)
    }

    /// [`Ward::execute_batch`] with entries of at most `limit` body bytes.
    fn execute_batch_within(
        &mut self,
        commands: impl IntoIterator<Item = (Context, Command)>,
        limit: usize,
    ) -> BatchReceipt {
        let mut pending = Pending::new(limit);
        let mut item = Vec::with_capacity(1024);
        let mut entries = Vec::new();
        let mut outcomes = Vec::new();
        for (ctx, command) in commands {
            let outcome = self.batch_one(&ctx, command, &mut pending, &mut item, &mut entries);
            outcomes.push(outcome);
        }
        self.flush(&mut pending, &mut entries);
        let head = self.head();
        for receipt in outcomes.iter_mut().flatten() {
            receipt.head = head;
        }
        BatchReceipt {
            outcomes,
            entries,
            head,
        }
    }

    /// Decides one command of a batch and, if accepted, adds it to the pending entry and
    /// applies it.
    fn batch_one(
        &mut self,
        ctx: &Context,
        command: Command,
        pending: &mut Pending,
        item: &mut Vec<u8>,
        entries: &mut Vec<u64>,
    ) -> Result<Receipt, Error> {
        let (digest, events) = match self.decide_to_record(ctx, command)? {
            ToRecord::Nothing(receipt) => return Ok(receipt),
            ToRecord::Events(digest, events) => (digest, events),
        };
        item.clear();
        serde_json::to_writer(&mut *item, &BodyOut::new(ctx, digest, &events))
            .map_err(|e| crate::journal::JournalError::Encode(e.to_string()))?;
        let alone = OPEN.len() + item.len() + CLOSE.len();
        if alone > pending.limit {
            return Err(too_long(crate::journal::JournalError::TooLong {
                bytes: alone,
                limit: pending.limit,
            }));
        }
        if !pending.fits(item.len()) {
            self.flush(pending, entries);
        }
        pending.push(item);
        let seq = self.journal.len() as u64 + 1;
        let count = events.len();
        self.commit(ctx, digest, events, seq);
        Ok(Receipt {
            seq: Some(seq),
            events: count,
            head: Hash::ZERO,
            duplicate: false,
        })
    }

    /// Records the pending entry, if it holds any command.
    fn flush(&mut self, pending: &mut Pending, entries: &mut Vec<u64>) {
        if let Some(body) = pending.take() {
            // The body was kept within the limit item by item, so appending cannot fail.
            if let Ok(entry) = self.journal.append_encoded(body) {
                entries.push(entry.seq());
            }
        }
    }
}

#[cfg(test)]
mod tests;

//! The journal's share of a command's work, done again on entries a ward recorded: each
//! entry's body written as JSON from its typed events, its SHA-256 chained to the entry
//! before, its text kept; and each idempotency key's digest, the SHA-256 of the command's
//! JSON with its actor. This is what [`gridward::Ward::execute`] does for every accepted
//! command besides deciding and applying it, so its time is a floor under `execute`'s
//! time that no change to deciding or applying can go below.
//!
//! The bodies are read back into typed parts first (not timed), and each is checked to
//! write back to exactly the bytes the ward recorded, and each chained hash to be the
//! entry's own: the work measured is the work the ward did. Only the entry's time is
//! written from text here, where the ward writes it from a date-time.

use gridward::journal::Entry;
use gridward::{Actor, Command, Event, Hash};
use serde::{Deserialize, Serialize};

/// An entry's body in typed parts, as the ward writes it.
#[derive(Serialize, Deserialize)]
pub struct Body {
    at: String,
    actor: Actor,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    key: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    digest: Option<Hash>,
    events: Vec<Event>,
}

impl Body {
    /// Who made the command (or the batch) the body records.
    pub fn actor(&self) -> &Actor {
        &self.actor
    }

    /// The digest of the idempotency key the body records, if any.
    pub fn digest(&self) -> Option<Hash> {
        self.digest
    }
}

/// Recorded entries read back into typed bodies, each checked to write back to its own
/// bytes; or the first entry that does not, by sequence number.
pub fn read_bodies(entries: &[Entry]) -> Result<Vec<Body>, String> {
    entries
        .iter()
        .map(|e| {
            let body: Body = serde_json::from_str(e.body())
                .map_err(|err| format!("entry {}: {err}", e.seq()))?;
            let again = serde_json::to_string(&body).map_err(|err| err.to_string())?;
            if again != e.body() {
                return Err(format!(
                    "entry {} does not write back to its bytes",
                    e.seq()
                ));
            }
            Ok(body)
        })
        .collect()
}

/// A recorded entry as the journal keeps one: number, previous hash, hash, text.
pub type Kept = (u64, Hash, Hash, Box<str>);

/// Writes each body as compact JSON into one reused buffer, chains SHA-256 over it from
/// `prev` (the entry before the first, numbered `first`), and keeps each entry's text,
/// as the journal does when the ward appends an entry.
pub fn write_and_chain(bodies: &[Body], first: u64, mut prev: Hash, kept: &mut Vec<Kept>) {
    let mut buf = Vec::with_capacity(4096);
    for (i, body) in bodies.iter().enumerate() {
        buf.clear();
        // The bodies were written once already: they cannot fail to be written again.
        serde_json::to_writer(&mut buf, body).expect("a body that was written");
        let text = std::str::from_utf8(&buf).expect("JSON is UTF-8");
        let seq = first + i as u64;
        let hash = Hash::of_entry(seq, &prev, text);
        kept.push((seq, prev, hash, text.into()));
        prev = hash;
    }
}

/// Checks that `kept` are `entries` again: the same numbers, hashes and texts; or names
/// the first entry that differs.
pub fn check_kept(kept: &[Kept], entries: &[Entry]) -> Result<(), String> {
    if kept.len() != entries.len() {
        return Err(format!("{} entries kept of {}", kept.len(), entries.len()));
    }
    for ((seq, prev, hash, text), entry) in kept.iter().zip(entries) {
        if (*seq, prev, hash, &**text) != (entry.seq(), entry.prev(), entry.hash(), entry.body()) {
            return Err(format!(
                "entry {} is not written again as recorded",
                entry.seq()
            ));
        }
    }
    Ok(())
}

/// The idempotency digest of each command given with `actor`: SHA-256 of `(actor,
/// command)` as compact JSON, written into one reused buffer, as the ward computes it.
pub fn key_digests<'a>(
    commands: impl IntoIterator<Item = (&'a Actor, &'a Command)>,
    out: &mut Vec<Hash>,
) {
    let mut buf = Vec::with_capacity(1024);
    for pair in commands {
        buf.clear();
        serde_json::to_writer(&mut buf, &pair).expect("a command that was written");
        out.push(Hash::of_bytes(&buf));
    }
}

//! Replay: a ward rebuilt from its journal, every event checked against the state it
//! meets.
//!
//! Decoding an entry's body depends only on its text, while checking and applying its
//! events depends on every entry before it. Where the platform has threads and the
//! journal is large, one thread decodes the entries ahead while the calling thread
//! checks and applies them in order; the outcome, and the first fault reported, are
//! those of a replay in one thread.

use std::sync::mpsc::sync_channel;

use chrono::{DateTime, FixedOffset};
use serde::Deserialize;

use super::{Event, Ward, WardConfig};
use crate::access::Context;
use crate::error::Error;
use crate::journal::{ChainBreak, Entry, Hash, Journal, JournalError, VerifyReport};

/// An entry's body as the journal holds it: one command's time, actor, key and events,
/// or a batch of them.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct BodyIn {
    #[serde(default)]
    at: Option<DateTime<FixedOffset>>,
    #[serde(default)]
    actor: Option<crate::access::Actor>,
    #[serde(default)]
    key: Option<String>,
    #[serde(default)]
    digest: Option<Hash>,
    #[serde(default)]
    events: Option<Vec<Event>>,
    #[serde(default)]
    batch: Option<Vec<CommandIn>>,
}

/// One recorded command: the whole body of an entry, or an item of a batch.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct CommandIn {
    at: DateTime<FixedOffset>,
    actor: crate::access::Actor,
    #[serde(default)]
    key: Option<String>,
    #[serde(default)]
    digest: Option<Hash>,
    events: Vec<Event>,
}

impl BodyIn {
    /// The commands the body records, or what is wrong with its shape.
    fn commands(self) -> Result<Vec<CommandIn>, String> {
        let BodyIn {
            at,
            actor,
            key,
            digest,
            events,
            batch,
        } = self;
        let commands = match (batch, at, actor, events) {
            (Some(batch), None, None, None) if key.is_none() && digest.is_none() => {
                if batch.is_empty() {
                    return Err("a batch must hold at least one command".to_owned());
                }
                batch
            }
            (Some(_), ..) => {
                return Err("a batch entry has only the field `batch`".to_owned());
            }
            (None, Some(at), Some(actor), Some(events)) => vec![CommandIn {
                at,
                actor,
                key,
                digest,
                events,
            }],
            (None, None, ..) => return Err("missing field `at`".to_owned()),
            (None, _, None, _) => return Err("missing field `actor`".to_owned()),
            (None, ..) => return Err("missing field `events`".to_owned()),
        };
        if commands.iter().any(|c| c.events.is_empty()) {
            return Err("an entry must hold at least one event".to_owned());
        }
        Ok(commands)
    }
}

/// Journals of fewer body bytes than this are replayed on the calling thread alone.
const DECODE_AHEAD_FROM_BYTES: usize = 1 << 20;

/// Decoded entries are handed over in batches of about this many body bytes.
const BATCH_BYTES: usize = 1 << 18;

/// Batches decoded ahead and not yet applied, at most: bounds the memory of decoding
/// ahead.
const BATCHES_AHEAD: usize = 2;

fn decode(entry: &Entry) -> Result<Vec<CommandIn>, Error> {
    let seq = entry.seq();
    let malformed = |message: String| Error::MalformedEntry { seq, message };
    let body: BodyIn = crate::tracked::from_text(entry.body()).map_err(malformed)?;
    body.commands().map_err(malformed)
}

impl Ward {
    /// Rebuilds a ward from a journal, checking every event against the state it meets,
    /// so that the result is the ward that wrote the journal. `config` must be the
    /// configuration the journal was written under: events are checked against its rules
    /// (a certification's minutes, an earning's points, a star grant's levels), so a
    /// journal replayed under other rules is refused.
    ///
    /// Where threads exist, a large journal's entries are decoded one step ahead on a
    /// second thread; the result and any error are the same.
    ///
    /// A journal that [released](Journal::release) entries cannot be replayed: the
    /// error is [`crate::journal::JournalError::Released`].
    pub fn replay(config: WardConfig, journal: Journal) -> Result<Ward, Error> {
        journal.require_all()?;
        let mut ward = Ward::new(config);
        let entries = journal.entries();
        let bytes: usize = entries.iter().map(|e| e.body().len()).sum();
        if cfg!(target_arch = "wasm32") || bytes < DECODE_AHEAD_FROM_BYTES {
            for entry in entries {
                ward.replay_entry(entry.seq(), decode(entry)?)?;
            }
        } else {
            ward.replay_decoding_ahead(entries)?;
        }
        ward.journal = journal;
        Ok(ward)
    }

    /// Replays `entries` while a second thread decodes the batches ahead. Should the
    /// thread not start, the entries are replayed on this one.
    fn replay_decoding_ahead(&mut self, entries: &[Entry]) -> Result<(), Error> {
        std::thread::scope(|s| {
            let (send, receive) =
                sync_channel::<Vec<(u64, Result<Vec<CommandIn>, Error>)>>(BATCHES_AHEAD);
            let decoder = std::thread::Builder::new().spawn_scoped(s, move || {
                let mut batch = Vec::new();
                let mut bytes = 0;
                for entry in entries {
                    let decoded = decode(entry);
                    let failed = decoded.is_err();
                    bytes += entry.body().len();
                    batch.push((entry.seq(), decoded));
                    if failed || bytes >= BATCH_BYTES {
                        // A closed channel means the replay has stopped at a fault.
                        if send.send(std::mem::take(&mut batch)).is_err() || failed {
                            return;
                        }
                        bytes = 0;
                    }
                }
                if !batch.is_empty() {
                    let _ = send.send(batch);
                }
            });
            if decoder.is_err() {
                for entry in entries {
                    self.replay_entry(entry.seq(), decode(entry)?)?;
                }
                return Ok(());
            }
            for batch in receive {
                for (seq, body) in batch {
                    self.replay_entry(seq, body?)?;
                }
            }
            Ok(())
        })
    }

    /// The ward with one more entry of its journal: `entry` must follow the head (its
    /// sequence number one more than the journal's length, its `prev` the head), and
    /// every event in it is checked against the state it meets, as in
    /// [`Ward::replay`]. This is how a ward is rebuilt from a journal read line by line
    /// (see [`Entry::from_jsonl_line`]), or follows a journal another process appends to.
    ///
    /// The ward is taken by value: an entry refused part-way through would leave it
    /// half-applied, so on an error it is gone, and the caller rebuilds or reopens.
    pub fn follow(mut self, entry: Entry) -> Result<Ward, Error> {
        let expected = self.journal.len() as u64 + 1;
        let mut chain = VerifyReport::after(expected - 1, self.head());
        chain
            .link(
                expected,
                entry.seq(),
                entry.prev(),
                entry.hash(),
                entry.hash(),
            )
            .map_err(|reason| {
                JournalError::Broken(ChainBreak {
                    line: expected,
                    reason,
                })
            })?;
        let commands = decode(&entry)?;
        self.replay_entry(entry.seq(), commands)?;
        self.journal.push_entry(entry);
        Ok(self)
    }

    /// Checks and applies one entry's commands, each one's events in order.
    fn replay_entry(&mut self, seq: u64, commands: Vec<CommandIn>) -> Result<(), Error> {
        for command in commands {
            self.reserve(&command.events);
            let ctx = Context {
                actor: command.actor,
                at: command.at,
                idempotency_key: command.key,
            };
            for event in command.events {
                self.check(&ctx, &event).map_err(|e| Error::Replay {
                    seq,
                    source: Box::new(e),
                })?;
                self.apply(event, command.at);
            }
            if let (Some(k), Some(d)) = (ctx.idempotency_key, command.digest) {
                self.keys.insert(&k, seq, d);
            }
        }
        Ok(())
    }
}

//! The ward: one community platform's whole state, its journal, and the one flow of
//! change — `state' = apply(state, decide(state, actor, command)?)`.

use chrono::{DateTime, FixedOffset};
use serde::{Deserialize, Serialize};

use crate::access::{Actor, Context};
use crate::error::Error;
use crate::fund::FundConfig;
use crate::grid::{self, GridCommand, GridConfig, GridEvent};
use crate::journal::{Entry, Hash, Journal, JournalError};
use crate::party::PartyConfig;
use crate::points::PointsConfig;
use crate::projects::ProjectsConfig;
use crate::scoring::ScoringConfig;
use crate::tasks::TasksConfig;

mod batch;
mod fund_queries;
mod keys;
mod limits;
mod open311;
mod projects_queries;
mod queries;
mod replay;
mod scoring_queries;
#[cfg(feature = "snapshot")]
mod snapshot;
mod table;

pub use batch::BatchReceipt;
pub use table::{CapabilityInfo, Command, Event, Ward, CAPABILITIES};

/// Configuration of a ward, one section per capability.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(default, deny_unknown_fields)]
#[non_exhaustive]
pub struct WardConfig {
    /// The grid capability.
    pub grid: GridConfig,
    /// The tasks capability.
    pub tasks: TasksConfig,
    /// The fund capability.
    pub fund: FundConfig,
    /// The scoring capability.
    pub scoring: ScoringConfig,
    /// The points capability.
    pub points: PointsConfig,
    /// The projects capability.
    pub projects: ProjectsConfig,
    /// The party capability.
    pub party: PartyConfig,
}

impl WardConfig {
    /// The configuration with this grid section.
    pub fn with_grid(mut self, grid: GridConfig) -> Self {
        self.grid = grid;
        self
    }

    /// The configuration with this tasks section.
    pub fn with_tasks(mut self, tasks: TasksConfig) -> Self {
        self.tasks = tasks;
        self
    }

    /// The configuration with this fund section.
    pub fn with_fund(mut self, fund: FundConfig) -> Self {
        self.fund = fund;
        self
    }

    /// The configuration with this scoring section.
    pub fn with_scoring(mut self, scoring: ScoringConfig) -> Self {
        self.scoring = scoring;
        self
    }

    /// The configuration with this points section.
    pub fn with_points(mut self, points: PointsConfig) -> Self {
        self.points = points;
        self
    }

    /// The configuration with this projects section.
    pub fn with_projects(mut self, projects: ProjectsConfig) -> Self {
        self.projects = projects;
        self
    }

    /// The configuration with this party section.
    pub fn with_party(mut self, party: PartyConfig) -> Self {
        self.party = party;
        self
    }
}

/// What an accepted command did.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Receipt {
    /// The journal entry recorded, or `None` when nothing changed (or a retry).
    pub seq: Option<u64>,
    /// Events recorded.
    pub events: usize,
    /// The journal head after the command.
    pub head: Hash,
    /// True when the idempotency key had been used for this same command: the first
    /// effect stands and nothing new happened.
    pub duplicate: bool,
}

#[derive(Serialize)]
struct BodyOut<'a> {
    #[serde(serialize_with = "crate::journal::instant::serialize")]
    at: DateTime<FixedOffset>,
    actor: &'a Actor,
    #[serde(skip_serializing_if = "Option::is_none")]
    key: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    digest: Option<Hash>,
    events: &'a [Event],
}

impl<'a> BodyOut<'a> {
    /// The body recording `events` of a command given in `ctx`. A secret ballot's entry
    /// names no voter.
    fn new(ctx: &'a Context, digest: Option<Hash>, events: &'a [Event]) -> BodyOut<'a> {
        let secret = matches!(events.first(), Some(Event::Projects(e)) if e.is_secret());
        BodyOut {
            at: ctx.at,
            actor: if secret { &Actor::Secret } else { &ctx.actor },
            key: ctx.idempotency_key.as_deref(),
            digest,
            events,
        }
    }
}

/// Why a command given to [`Ward::execute_storing`] did not take effect.
#[derive(Debug, thiserror::Error)]
pub enum StoringError<E> {
    /// The ward refused the command.
    #[error(transparent)]
    Refused(Error),
    /// The ward accepted the command but its entry could not be stored; it did not
    /// take effect.
    #[error("the command's journal entry could not be stored")]
    Store(#[source] E),
}

/// What the checks before deciding found of a command's idempotency key.
enum Admission {
    /// The key was used for this same command, recorded at this entry.
    Retry(u64),
    /// A command to decide, with the digest its key will be remembered by.
    Fresh(Option<Hash>),
}

/// What an accepted command leaves to record.
enum ToRecord {
    /// Nothing: a retry of a recorded command, or a command that changes nothing.
    Nothing(Receipt),
    /// These events, and the digest its idempotency key will be remembered by.
    Events(Option<Hash>, Vec<Event>),
}

/// A journal entry too long to record, as the error of the command that caused it.
fn too_long(e: JournalError) -> Error {
    match e {
        JournalError::TooLong { bytes, limit } => Error::TooLarge {
            what: "the command's journal entry, in bytes".to_owned(),
            size: bytes as u64,
            limit: limit as u64,
        },
        other => other.into(),
    }
}

impl Default for Ward {
    fn default() -> Self {
        Ward::new(WardConfig::default())
    }
}

impl Ward {
    /// The configuration.
    pub fn config(&self) -> &WardConfig {
        &self.config
    }

    /// The journal.
    pub fn journal(&self) -> &Journal {
        &self.journal
    }

    /// The journal's head hash: publish it, and anyone can verify the journal against it.
    pub fn head(&self) -> Hash {
        self.journal.head()
    }

    /// Decides a command and, if accepted, records its events and applies them. A refused
    /// command changes nothing.
    pub fn execute(
        &mut self,
        ctx: &Context,
        command: impl Into<Command>,
    ) -> Result<Receipt, Error> {
        let kept = |_: &Entry| Ok::<(), std::convert::Infallible>(());
        self.execute_storing(ctx, command, kept)
            .map_err(|e| match e {
                StoringError::Refused(e) => e,
                StoringError::Store(never) => match never {},
            })
    }

    /// Decides a command and, if accepted, records its entry and hands it to `store`
    /// (which writes it to durable storage, say) before the state changes: the command
    /// takes effect only if `store` succeeds. Should `store` fail, the entry is
    /// withdrawn and the ward is exactly as it was. A command that records nothing (a
    /// retry, or no change) does not call `store`.
    pub fn execute_storing<E>(
        &mut self,
        ctx: &Context,
        command: impl Into<Command>,
        store: impl FnOnce(&Entry) -> Result<(), E>,
    ) -> Result<Receipt, StoringError<E>> {
        let (digest, events) = match self
            .decide_to_record(ctx, command.into())
            .map_err(StoringError::Refused)?
        {
            ToRecord::Nothing(receipt) => return Ok(receipt),
            ToRecord::Events(digest, events) => (digest, events),
        };
        let entry = self
            .journal
            .append(&BodyOut::new(ctx, digest, &events))
            .map_err(|e| StoringError::Refused(too_long(e)))?;
        let seq = entry.seq();
        if let Err(e) = store(entry) {
            self.journal.withdraw_last();
            return Err(StoringError::Store(e));
        }
        let count = events.len();
        self.commit(ctx, digest, events, seq);
        Ok(Receipt {
            seq: Some(seq),
            events: count,
            head: self.head(),
            duplicate: false,
        })
    }

    /// Drops the journal's entries from memory, keeping their number and the head (see
    /// [`Journal::release`]): for a ward whose journal is kept in storage. The state
    /// and new commands are unaffected; what needs the old entries (a replay, an export
    /// of them) then fails with [`crate::journal::JournalError::Released`] or returns
    /// only the entries held since.
    pub fn release_journal(&mut self) {
        self.journal.release();
    }

    /// Checks and decides a command: the events to record with the digest of its key, or
    /// the receipt of a command that records nothing (a retry, or no change).
    fn decide_to_record(&self, ctx: &Context, command: Command) -> Result<ToRecord, Error> {
        let digest = match self.admit(ctx, &command)? {
            Admission::Retry(seq) => return Ok(ToRecord::Nothing(self.retry(seq))),
            Admission::Fresh(digest) => digest,
        };
        let events = self.decide(ctx, command)?;
        if events.is_empty() {
            return Ok(ToRecord::Nothing(self.unchanged()));
        }
        Ok(ToRecord::Events(digest, events))
    }

    /// The checks before deciding: the command's size, and its idempotency key — a retry
    /// of the same command under a used key, or a conflict with another.
    fn admit(&self, ctx: &Context, command: &Command) -> Result<Admission, Error> {
        limits::check_command(command)?;
        let Some(key) = ctx.idempotency_key.as_deref() else {
            return Ok(Admission::Fresh(None));
        };
        let digest = self.check_key(key, &ctx.actor, command)?;
        match self.keys.get(key) {
            Some((seq, first)) if first == digest => Ok(Admission::Retry(seq)),
            Some((seq, _)) => Err(Error::IdempotencyConflict {
                key: key.to_owned(),
                seq,
            }),
            None => Ok(Admission::Fresh(Some(digest))),
        }
    }

    /// The receipt of a retry: the first effect, recorded at `seq`, stands.
    fn retry(&self, seq: u64) -> Receipt {
        Receipt {
            seq: Some(seq),
            events: 0,
            head: self.head(),
            duplicate: true,
        }
    }

    /// The receipt of an accepted command that changed nothing.
    fn unchanged(&self) -> Receipt {
        Receipt {
            seq: None,
            events: 0,
            head: self.head(),
            duplicate: false,
        }
    }

    /// Applies the events of an accepted command recorded at entry `seq`, and remembers
    /// its key.
    fn commit(&mut self, ctx: &Context, digest: Option<Hash>, events: Vec<Event>, seq: u64) {
        if let (Some(k), Some(d)) = (ctx.idempotency_key.as_deref(), digest) {
            self.keys.insert(k, seq, d);
        }
        self.reserve(&events);
        for event in events {
            self.apply(event, ctx.at);
        }
    }

    /// Imports rows in one all-or-nothing step: a convenience for
    /// `execute(ctx, GridCommand::Import { rows })` that takes any iterator of rows.
    pub fn import(
        &mut self,
        ctx: &Context,
        rows: impl IntoIterator<Item = grid::ImportRow>,
    ) -> Result<Receipt, Error> {
        let rows = rows.into_iter().collect();
        self.execute(ctx, GridCommand::Import { rows })
    }

    fn check_key(&self, key: &str, actor: &Actor, command: &Command) -> Result<Hash, Error> {
        crate::text::check(crate::text::TextKind::Key, "idempotency key", key)?;
        Hash::of_json(&(actor, command))
            .map_err(|e| crate::journal::JournalError::Encode(e.to_string()).into())
    }

    /// Sizes tables once for a whole entry rather than growing them event by event.
    fn reserve(&mut self, events: &[Event]) {
        let households = events
            .iter()
            .map(|e| match e {
                Event::Grid(GridEvent::HouseholdsAdded { households, .. }) => households.len(),
                _ => 0,
            })
            .sum();
        self.grid.reserve_households(households);
    }

    /// Reads a journal exported as JSON lines, verifies its chain and replays it.
    pub fn from_jsonl(config: WardConfig, text: &str) -> Result<Ward, Error> {
        Ward::replay(config, Journal::from_jsonl(text)?)
    }

    /// A digest of the whole state, equal for equal states however they were reached:
    /// SHA-256 over the hex digests of the capabilities, in the table's order.
    pub fn state_digest(&self) -> Hash {
        let mut all = Vec::new();
        for part in self.digests() {
            all.extend_from_slice(part.to_hex().as_bytes());
        }
        Hash::of_bytes(&all)
    }

    /// The journal as JSON lines.
    pub fn to_jsonl(&self) -> String {
        self.journal.to_jsonl()
    }
}

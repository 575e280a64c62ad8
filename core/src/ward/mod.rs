//! The ward: one community platform's whole state, its journal, and the one flow of
//! change — `state' = apply(state, decide(state, actor, command)?)`.

use chrono::{DateTime, FixedOffset};
use hashbrown::HashMap;
use serde::{Deserialize, Serialize};

use crate::access::Actor;
use crate::assembly::{self, Assembly, AssemblyCommand, AssemblyEvent};
use crate::error::Error;
use crate::fund::{self, FundCommand, FundConfig, FundEvent, Funds};
use crate::grid::{self, Grid, GridCommand, GridConfig, GridEvent};
use crate::journal::{Hash, Journal};
use crate::points::{self, Points, PointsCommand, PointsConfig, PointsEvent};
use crate::scoring::{self, Scoring, ScoringCommand, ScoringConfig, ScoringEvent};
use crate::tasks::{self, TaskCommand, TaskEvent, Tasks, TasksConfig};

mod fund_queries;
mod open311;
mod queries;
mod scoring_queries;

/// A capability of the ward, as the description lists it.
#[derive(Clone, Copy)]
pub struct CapabilityInfo {
    /// Its name: the key of its commands and events, and its namespace on every face.
    pub name: &'static str,
    /// What it holds.
    pub doc: &'static str,
    /// The JSON Schema of its command type.
    #[cfg(feature = "schema")]
    pub commands: fn(&mut schemars::SchemaGenerator) -> schemars::Schema,
}

macro_rules! capability {
    ($name:literal, $doc:literal, $command:ty) => {
        CapabilityInfo {
            name: $name,
            doc: $doc,
            #[cfg(feature = "schema")]
            commands: <$command as schemars::JsonSchema>::json_schema,
        }
    };
}

/// The ward's capabilities, in order.
pub const CAPABILITIES: &[CapabilityInfo] = &[
    capability!(
        "grid",
        "The grid hierarchy (网格化管理): district → street → community → grid → micro-grid → household, the people and roles on it, departments, paired units and directives.",
        GridCommand
    ),
    capability!(
        "tasks",
        "Residents' requests (点单 → 派单 → 领单 → 评单): filing, routing, claims, handling, verification, rating, returns, escalation (吹哨报到), supervision and indicators.",
        TaskCommand
    ),
    capability!(
        "fund",
        "A compound's common fund under trust-based property management (信托制物业): double-entry accounts, fees, budgets, payments with vouchers, remuneration, dividends and the public statement.",
        FundCommand
    ),
    capability!(
        "assembly",
        "The owners' assembly (业主大会): the owners' roll, motions, votes and the Civil Code's quorum and majorities.",
        AssemblyCommand
    ),
    capability!(
        "scoring",
        "Service hours, star levels, party members' monthly obligations and handlers' scores.",
        ScoringCommand
    ),
    capability!(
        "points",
        "Points passbooks (积分存折) of dated lots, the catalog and redemptions.",
        PointsCommand
    ),
];

/// Configuration of a ward, one section per capability.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(default, deny_unknown_fields)]
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
}

/// Any command, by capability.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Command {
    /// A grid command.
    Grid(GridCommand),
    /// A tasks command.
    Tasks(TaskCommand),
    /// A fund command.
    Fund(FundCommand),
    /// An assembly command.
    Assembly(AssemblyCommand),
    /// A scoring command.
    Scoring(ScoringCommand),
    /// A points command.
    Points(PointsCommand),
}

impl From<GridCommand> for Command {
    fn from(c: GridCommand) -> Self {
        Command::Grid(c)
    }
}

impl From<TaskCommand> for Command {
    fn from(c: TaskCommand) -> Self {
        Command::Tasks(c)
    }
}

impl From<FundCommand> for Command {
    fn from(c: FundCommand) -> Self {
        Command::Fund(c)
    }
}

impl From<AssemblyCommand> for Command {
    fn from(c: AssemblyCommand) -> Self {
        Command::Assembly(c)
    }
}

impl From<ScoringCommand> for Command {
    fn from(c: ScoringCommand) -> Self {
        Command::Scoring(c)
    }
}

impl From<PointsCommand> for Command {
    fn from(c: PointsCommand) -> Self {
        Command::Points(c)
    }
}

/// Any event, by capability.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Event {
    /// A grid event.
    Grid(GridEvent),
    /// A tasks event.
    Tasks(TaskEvent),
    /// A fund event.
    Fund(FundEvent),
    /// An assembly event.
    Assembly(AssemblyEvent),
    /// A scoring event.
    Scoring(ScoringEvent),
    /// A points event.
    Points(PointsEvent),
}

/// Who acts, when, and under which idempotency key.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Context {
    /// The actor.
    pub actor: Actor,
    /// When the command is given (the core has no clock).
    pub at: DateTime<FixedOffset>,
    /// A key for commands that may be retried: the same key twice has one effect.
    pub idempotency_key: Option<String>,
}

impl Context {
    /// A context without an idempotency key.
    pub fn new(actor: Actor, at: DateTime<FixedOffset>) -> Context {
        Context {
            actor,
            at,
            idempotency_key: None,
        }
    }

    /// The same context with an idempotency key.
    pub fn with_key(mut self, key: impl Into<String>) -> Context {
        self.idempotency_key = Some(key.into());
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
    at: DateTime<FixedOffset>,
    actor: &'a Actor,
    #[serde(skip_serializing_if = "Option::is_none")]
    key: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    digest: Option<Hash>,
    events: &'a [Event],
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct BodyIn {
    at: DateTime<FixedOffset>,
    #[allow(dead_code)]
    actor: Actor,
    #[serde(default)]
    key: Option<String>,
    #[serde(default)]
    digest: Option<Hash>,
    events: Vec<Event>,
}

/// A ward: the state of every capability, folded from its hash-chained journal.
#[derive(Clone, Debug)]
pub struct Ward {
    pub(crate) config: WardConfig,
    pub(crate) grid: Grid,
    pub(crate) tasks: Tasks,
    pub(crate) funds: Funds,
    pub(crate) assembly: Assembly,
    pub(crate) scoring: Scoring,
    pub(crate) points: Points,
    journal: Journal,
    keys: HashMap<String, (u64, Hash)>,
}

impl Default for Ward {
    fn default() -> Self {
        Ward::new(WardConfig::default())
    }
}

impl Ward {
    /// An empty ward.
    pub fn new(config: WardConfig) -> Ward {
        Ward {
            config,
            grid: Grid::new(),
            tasks: Tasks::new(),
            funds: Funds::new(),
            assembly: Assembly::new(),
            scoring: Scoring::new(),
            points: Points::new(),
            journal: Journal::new(),
            keys: HashMap::new(),
        }
    }

    /// The configuration.
    pub fn config(&self) -> &WardConfig {
        &self.config
    }

    /// The grid.
    pub fn grid(&self) -> &Grid {
        &self.grid
    }

    /// The requests and their state.
    pub fn tasks(&self) -> &Tasks {
        &self.tasks
    }

    /// Every compound's common fund.
    pub fn funds(&self) -> &Funds {
        &self.funds
    }

    /// The owners' roll and motions.
    pub fn assembly(&self) -> &Assembly {
        &self.assembly
    }

    /// Service records, hours and star levels.
    pub fn scoring(&self) -> &Scoring {
        &self.scoring
    }

    /// Passbooks, the catalog and redemptions.
    pub fn points(&self) -> &Points {
        &self.points
    }

    /// The journal.
    pub fn journal(&self) -> &Journal {
        &self.journal
    }

    /// The journal's head hash: publish it, and anyone can verify the journal against it.
    pub fn head(&self) -> Hash {
        self.journal.head()
    }

    /// Decides a command without recording it: the events it would cause, or why not.
    pub fn decide(&self, ctx: &Context, command: impl Into<Command>) -> Result<Vec<Event>, Error> {
        match command.into() {
            Command::Grid(c) => {
                let events = grid::decide(&self.grid, &self.config.grid, &ctx.actor, ctx.at, c)?;
                Ok(events.into_iter().map(Event::Grid).collect())
            }
            Command::Tasks(c) => {
                let key = ctx.idempotency_key.as_deref();
                let (grid, tasks, config) = (&self.grid, &self.tasks, &self.config.tasks);
                let events = tasks::decide(grid, tasks, config, &ctx.actor, ctx.at, key, c)?;
                Ok(events.into_iter().map(Event::Tasks).collect())
            }
            Command::Fund(c) => {
                let (grid, funds, config) = (&self.grid, &self.funds, &self.config.fund);
                let events = fund::decide(grid, funds, config, &ctx.actor, ctx.at, c)?;
                Ok(events.into_iter().map(Event::Fund).collect())
            }
            Command::Assembly(c) => self.decide_assembly(ctx, c),
            Command::Scoring(c) => {
                let (grid, tasks, config) = (&self.grid, &self.tasks, &self.config.scoring);
                let events =
                    scoring::decide(grid, tasks, &self.scoring, config, &ctx.actor, ctx.at, c)?;
                Ok(events.into_iter().map(Event::Scoring).collect())
            }
            Command::Points(c) => {
                let key = ctx.idempotency_key.as_deref();
                let events = points::decide(
                    self.points_reads(),
                    &self.points,
                    &ctx.actor,
                    ctx.at,
                    key,
                    c,
                )?;
                Ok(events.into_iter().map(Event::Points).collect())
            }
        }
    }

    fn points_reads(&self) -> points::Reads<'_> {
        points::Reads {
            grid: &self.grid,
            tasks: &self.tasks,
            scoring: &self.scoring,
            config: &self.config.points,
        }
    }

    /// Assembly events, and when a fund's motion closes, what it does to the fund.
    fn decide_assembly(&self, ctx: &Context, c: AssemblyCommand) -> Result<Vec<Event>, Error> {
        let (grid, funds, roll) = (&self.grid, &self.funds, &self.assembly);
        let events = assembly::decide(grid, funds, roll, &ctx.actor, ctx.at, c)?;
        let mut out = Vec::with_capacity(events.len());
        for event in events {
            let effect = match &event {
                AssemblyEvent::MotionClosed { motion, tally } => {
                    let passed = tally.outcome == assembly::Outcome::Passed;
                    match self.assembly.motion(motion) {
                        Some(m) => fund::decided(
                            grid,
                            funds,
                            m.subject.fund_subject(),
                            motion,
                            passed,
                            ctx.at.date_naive(),
                        )?,
                        None => Vec::new(),
                    }
                }
                _ => Vec::new(),
            };
            out.push(Event::Assembly(event));
            out.extend(effect.into_iter().map(Event::Fund));
        }
        Ok(out)
    }

    /// Decides a command and, if accepted, records its events and applies them. A refused
    /// command changes nothing.
    pub fn execute(
        &mut self,
        ctx: &Context,
        command: impl Into<Command>,
    ) -> Result<Receipt, Error> {
        let command = command.into();
        let key = ctx.idempotency_key.as_deref();
        let digest = match key {
            Some(k) => Some(self.check_key(k, &ctx.actor, &command)?),
            None => None,
        };
        if let (Some(k), Some(d)) = (key, digest) {
            if let Some(&(seq, first)) = self.keys.get(k) {
                if first == d {
                    return Ok(Receipt {
                        seq: Some(seq),
                        events: 0,
                        head: self.head(),
                        duplicate: true,
                    });
                }
                return Err(Error::IdempotencyConflict {
                    key: k.to_owned(),
                    seq,
                });
            }
        }
        let events = self.decide(ctx, command)?;
        if events.is_empty() {
            return Ok(Receipt {
                seq: None,
                events: 0,
                head: self.head(),
                duplicate: false,
            });
        }
        let body = BodyOut {
            at: ctx.at,
            actor: &ctx.actor,
            key,
            digest,
            events: &events,
        };
        let seq = self.journal.append(&body)?.seq();
        let count = events.len();
        if let (Some(k), Some(d)) = (key, digest) {
            self.keys.insert(k.to_owned(), (seq, d));
        }
        self.reserve(&events);
        for event in events {
            self.apply(event, ctx.at);
        }
        Ok(Receipt {
            seq: Some(seq),
            events: count,
            head: self.head(),
            duplicate: false,
        })
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
        crate::text::check(crate::text::TextKind::Key, "idempotency key", key)
            .map_err(grid::GridError::Text)?;
        let text = serde_json::to_string(&(actor, command))
            .map_err(|e| crate::journal::JournalError::Encode(e.to_string()))?;
        Ok(Hash::of_bytes(text.as_bytes()))
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

    fn apply(&mut self, event: Event, at: DateTime<FixedOffset>) {
        match event {
            Event::Grid(e) => self.grid.apply(e),
            Event::Tasks(e) => self.tasks.apply(&self.grid, &self.config.tasks, at, e),
            Event::Fund(e) => self.funds.apply(e),
            Event::Assembly(e) => self.assembly.apply(e, at),
            Event::Scoring(e) => self.scoring.apply(&self.grid, e),
            Event::Points(e) => self.points.apply(&self.grid, e),
        }
    }

    fn check(&self, event: &Event) -> Result<(), Error> {
        match event {
            Event::Grid(e) => grid::check_event(&self.grid, e).map_err(Error::from),
            Event::Tasks(e) => tasks::check_event(&self.grid, &self.tasks, &self.config.tasks, e),
            Event::Fund(e) => fund::check_event(&self.grid, &self.funds, e),
            Event::Assembly(e) => assembly::check_event(&self.grid, &self.assembly, e),
            Event::Scoring(e) => scoring::check_event(&self.grid, &self.tasks, &self.scoring, e),
            Event::Points(e) => points::check_event(&self.grid, &self.points, e),
        }
    }

    /// Rebuilds a ward from a journal, checking every event against the state it meets,
    /// so that the result is the ward that wrote the journal.
    pub fn replay(config: WardConfig, journal: Journal) -> Result<Ward, Error> {
        let mut ward = Ward::new(config);
        for entry in journal.entries() {
            let seq = entry.seq();
            let body: BodyIn =
                serde_json::from_str(entry.body()).map_err(|e| Error::MalformedEntry {
                    seq,
                    message: e.to_string(),
                })?;
            if body.events.is_empty() {
                return Err(Error::MalformedEntry {
                    seq,
                    message: "an entry must hold at least one event".to_owned(),
                });
            }
            ward.reserve(&body.events);
            for event in body.events {
                ward.check(&event).map_err(|e| Error::Replay {
                    seq,
                    source: Box::new(e),
                })?;
                ward.apply(event, body.at);
            }
            if let (Some(k), Some(d)) = (body.key, body.digest) {
                ward.keys.insert(k, (seq, d));
            }
        }
        ward.journal = journal;
        Ok(ward)
    }

    /// Reads a journal exported as JSON lines, verifies its chain and replays it.
    pub fn from_jsonl(config: WardConfig, text: &str) -> Result<Ward, Error> {
        Ward::replay(config, Journal::from_jsonl(text)?)
    }

    /// A digest of the whole state, equal for equal states however they were reached:
    /// SHA-256 over the digests of the capabilities.
    pub fn state_digest(&self) -> Hash {
        let mut parts = vec![
            self.grid.digest(),
            self.tasks.digest(&self.grid, &self.config.tasks),
        ];
        // A ward without funds or motions keeps the digest it had before they existed.
        if self.funds.iter().next().is_some() || self.assembly != Assembly::new() {
            parts.push(self.funds.digest());
            parts.push(self.assembly.digest());
        }
        if !self.scoring.is_empty() || !self.points.is_empty() {
            parts.push(self.scoring.digest(&self.grid));
            parts.push(self.points.digest(&self.grid));
        }
        let mut all = Vec::with_capacity(64 * parts.len());
        for p in parts {
            all.extend_from_slice(p.to_hex().as_bytes());
        }
        Hash::of_bytes(&all)
    }

    /// The journal as JSON lines.
    pub fn to_jsonl(&self) -> String {
        self.journal.to_jsonl()
    }
}

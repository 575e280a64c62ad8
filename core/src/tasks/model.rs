//! The things the tasks capability holds: requests, where they are, who answers for them,
//! and the departments called in on them.

pub use super::satisfaction::Satisfaction;
use chrono::{DateTime, FixedOffset};
use serde::{Deserialize, Serialize};

use crate::grid::NodeCode;

/// Where a request is: a household, or a unit of the grid (a lane, a courtyard, a
/// street's public space).
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Location {
    /// A household, by id.
    Household(String),
    /// A unit, by code.
    Unit(NodeCode),
}

/// Where a request stands in its life.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// Filed (or returned) and waiting for dispatch at a unit.
    Filed,
    /// In the claim pool of a unit, waiting for a party member or volunteer.
    Pooled,
    /// Dispatched to a person or department that has not yet started.
    Assigned,
    /// Claimed from the pool, not yet started.
    Claimed,
    /// Being handled.
    InProgress,
    /// Handled and reported, waiting for verification on site.
    Handled,
    /// Verified and closed.
    Closed,
    /// Cancelled.
    Cancelled,
    /// Closed as a duplicate of another request.
    Duplicate,
}

impl Status {
    /// Every status.
    pub const ALL: [Status; 9] = [
        Status::Filed,
        Status::Pooled,
        Status::Assigned,
        Status::Claimed,
        Status::InProgress,
        Status::Handled,
        Status::Closed,
        Status::Cancelled,
        Status::Duplicate,
    ];

    /// The snake_case name used in JSON and in the bindings.
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Filed => "filed",
            Status::Pooled => "pooled",
            Status::Assigned => "assigned",
            Status::Claimed => "claimed",
            Status::InProgress => "in_progress",
            Status::Handled => "handled",
            Status::Closed => "closed",
            Status::Cancelled => "cancelled",
            Status::Duplicate => "duplicate",
        }
    }

    /// Parses a snake_case status name.
    pub fn parse(name: &str) -> Option<Status> {
        Status::ALL.into_iter().find(|s| s.as_str() == name)
    }

    /// Whether the request's life is over (closed, cancelled or a duplicate). A closed
    /// request may still be reopened.
    pub fn is_final(self) -> bool {
        matches!(self, Status::Closed | Status::Cancelled | Status::Duplicate)
    }

    /// Whether the request is still open: anything not final.
    pub fn is_open(self) -> bool {
        !self.is_final()
    }

    /// Whether someone holds the work (assigned, claimed or in progress): it counts
    /// toward their open work.
    pub fn is_held(self) -> bool {
        matches!(
            self,
            Status::Assigned | Status::Claimed | Status::InProgress
        )
    }
}

impl std::fmt::Display for Status {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The one party that answers for a request at any moment.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Responsible {
    /// A unit: its staff dispatch it, or its claimers take it from the pool; when nobody
    /// below can, the locality (the street) takes it (属地兜底).
    Unit(NodeCode),
    /// A person (grid staff, or a claimer).
    Person(String),
    /// A department of the street.
    Department(String),
}

/// Resolved form of [`Responsible`], by index.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "snapshot", derive(serde::Serialize, serde::Deserialize))]
pub(crate) enum Party {
    Unit(NodeCode),
    Person(u32),
    Department(u32),
}

/// A claim on a pooled request.
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "snapshot", derive(serde::Serialize, serde::Deserialize))]
pub struct Claim {
    pub(crate) person: u32,
    pub(crate) at: DateTime<FixedOffset>,
    pub(crate) donor: Option<Box<str>>,
}

/// A department called in on a request (吹哨报到) and its report.
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "snapshot", derive(serde::Serialize, serde::Deserialize))]
pub struct Whistle {
    pub(crate) department: u32,
    pub(crate) called_at: DateTime<FixedOffset>,
    pub(crate) due: DateTime<FixedOffset>,
    pub(crate) reported_at: Option<DateTime<FixedOffset>>,
    pub(crate) report: Option<Box<str>>,
    pub(crate) late: bool,
}

impl Whistle {
    /// When the department was called in.
    pub fn called_at(&self) -> DateTime<FixedOffset> {
        self.called_at
    }

    /// When its report is due.
    pub fn due(&self) -> DateTime<FixedOffset> {
        self.due
    }

    /// When it reported, if it has.
    pub fn reported_at(&self) -> Option<DateTime<FixedOffset>> {
        self.reported_at
    }

    /// Its report.
    pub fn report(&self) -> Option<&str> {
        self.report.as_deref()
    }

    /// Whether it was flagged late (reported after its limit, or found unreported past it).
    pub fn is_late(&self) -> bool {
        self.late
    }
}

/// Deadlines of a request, set at its first dispatch (supervision starts there).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Deadlines {
    /// The first action is due by this time.
    #[serde(serialize_with = "crate::journal::instant::serialize")]
    pub response: DateTime<FixedOffset>,
    /// Resolution is due by this time (moved by the one extension or a correction window).
    #[serde(serialize_with = "crate::journal::instant::serialize")]
    pub resolution: DateTime<FixedOffset>,
    /// Past this time, still unresolved, the request is parked (挂账): the resolution limit
    /// and its one extension both spent.
    #[serde(serialize_with = "crate::journal::instant::serialize")]
    pub park: DateTime<FixedOffset>,
}

/// A resident's request (点单) and its whole life.
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "snapshot", derive(serde::Serialize, serde::Deserialize))]
pub struct Request {
    pub(crate) id: Box<str>,
    pub(crate) category: u16,
    pub(crate) filer: Option<u32>,
    pub(crate) household: Option<u32>,
    pub(crate) unit: NodeCode,
    pub(crate) description: Box<str>,
    pub(crate) photos: Vec<Box<str>>,
    pub(crate) filed_at: DateTime<FixedOffset>,
    pub(crate) status: Status,
    pub(crate) responsible: Party,
    /// The unit that dispatches it and takes it back when it is returned.
    pub(crate) dispatcher: NodeCode,
    /// The pool it was put in for claiming, if any.
    pub(crate) pool: Option<NodeCode>,
    pub(crate) deadlines: Option<Deadlines>,
    pub(crate) dispatched_at: Option<DateTime<FixedOffset>>,
    pub(crate) responded_at: Option<DateTime<FixedOffset>>,
    pub(crate) handled_at: Option<DateTime<FixedOffset>>,
    pub(crate) handled_by: Option<u32>,
    pub(crate) report: Option<Box<str>>,
    pub(crate) verified_by: Option<u32>,
    pub(crate) closed_at: Option<DateTime<FixedOffset>>,
    /// Whether it was ever closed after its resolution deadline: a late close stays late
    /// even if a bad rating reopens it and it is closed again within the correction window.
    pub(crate) closed_late: bool,
    pub(crate) updated_at: DateTime<FixedOffset>,
    pub(crate) claim: Option<Claim>,
    pub(crate) handover_to: Option<u32>,
    pub(crate) rating: Option<Satisfaction>,
    /// Whether the filer has rated since it was last closed.
    pub(crate) rated_since_close: bool,
    pub(crate) correction_due: Option<DateTime<FixedOffset>>,
    pub(crate) reopens: u16,
    pub(crate) returns: u16,
    pub(crate) extended: bool,
    pub(crate) supervised: bool,
    pub(crate) parked: bool,
    pub(crate) imported: bool,
    pub(crate) duplicate_of: Option<u32>,
    pub(crate) whistles: Vec<Whistle>,
    pub(crate) note: Box<str>,
    /// What happened when, for counting it as it stood at any moment (see `history`).
    pub(crate) history: Box<[super::history::Entry]>,
}

impl Request {
    /// The request's id.
    pub fn id(&self) -> &str {
        &self.id
    }

    /// The unit it is at (a household's micro-grid, or the unit named).
    pub fn unit(&self) -> NodeCode {
        self.unit
    }

    /// Its description.
    pub fn description(&self) -> &str {
        &self.description
    }

    /// References of its photos.
    pub fn photos(&self) -> impl Iterator<Item = &str> {
        self.photos.iter().map(|p| &**p)
    }

    /// When it was filed.
    pub fn filed_at(&self) -> DateTime<FixedOffset> {
        self.filed_at
    }

    /// Its status.
    pub fn status(&self) -> Status {
        self.status
    }

    /// The unit that dispatches it.
    pub fn dispatcher(&self) -> NodeCode {
        self.dispatcher
    }

    /// Its deadlines, once dispatched.
    pub fn deadlines(&self) -> Option<Deadlines> {
        self.deadlines
    }

    /// When it was first dispatched.
    pub fn dispatched_at(&self) -> Option<DateTime<FixedOffset>> {
        self.dispatched_at
    }

    /// When the responsible party first acted on it.
    pub fn responded_at(&self) -> Option<DateTime<FixedOffset>> {
        self.responded_at
    }

    /// When it was last reported handled.
    pub fn handled_at(&self) -> Option<DateTime<FixedOffset>> {
        self.handled_at
    }

    /// The handler's report.
    pub fn report(&self) -> Option<&str> {
        self.report.as_deref()
    }

    /// When it was closed (cleared when reopened).
    pub fn closed_at(&self) -> Option<DateTime<FixedOffset>> {
        self.closed_at
    }

    /// When it last changed.
    pub fn updated_at(&self) -> DateTime<FixedOffset> {
        self.updated_at
    }

    /// The filer's rating.
    pub fn rating(&self) -> Option<Satisfaction> {
        self.rating
    }

    /// The end of the correction window a bad rating opened.
    pub fn correction_due(&self) -> Option<DateTime<FixedOffset>> {
        self.correction_due
    }

    /// How many times it was reopened.
    pub fn reopens(&self) -> u16 {
        self.reopens
    }

    /// How many times it was returned to its dispatcher.
    pub fn returns(&self) -> u16 {
        self.returns
    }

    /// Whether its one extension was granted.
    pub fn is_extended(&self) -> bool {
        self.extended
    }

    /// Whether it is under supervision (督办).
    pub fn is_supervised(&self) -> bool {
        self.supervised
    }

    /// Whether it is parked (挂账): past its limit and extension and still unresolved.
    pub fn is_parked(&self) -> bool {
        self.parked && self.status.is_open()
    }

    /// Whether it was ever parked.
    pub fn was_parked(&self) -> bool {
        self.parked
    }

    /// The pool it was put in for claiming, if any.
    pub fn pool(&self) -> Option<NodeCode> {
        self.pool
    }

    /// Whether it came in through an import (Open311) rather than being filed here.
    pub fn is_imported(&self) -> bool {
        self.imported
    }

    /// Departments called in on it.
    pub fn whistles(&self) -> &[Whistle] {
        &self.whistles
    }

    /// The note of its last change of state (Open311's `status_notes`).
    pub fn note(&self) -> &str {
        &self.note
    }

    /// Whether it is closed and every close came no later than the resolution deadline
    /// then in force.
    pub fn closed_on_time(&self) -> bool {
        self.closed_at.is_some() && !self.closed_late
    }
}

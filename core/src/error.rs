//! The library's error type: one enum over the capabilities' errors, each with a stable
//! code and a broad kind that the bindings map to exception classes and `Error.code`.

use serde::{Deserialize, Serialize};

use crate::access::Permission;
use crate::assembly::AssemblyError;
use crate::fund::FundError;
use crate::grid::{GridError, NodeCode};
use crate::journal::JournalError;
use crate::points::PointsError;
use crate::scoring::ScoringError;
use crate::tasks::TaskError;

/// The broad kind of an error; Python raises a subclass of `GridwardError` per kind.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum ErrorKind {
    /// The input is malformed or breaks a rule.
    Invalid,
    /// Something named does not exist.
    NotFound,
    /// The input clashes with the current state (exists already, not empty, reused key).
    Conflict,
    /// The actor may not do this.
    PermissionDenied,
    /// A journal is broken, malformed or not the one expected.
    Journal,
}

impl ErrorKind {
    /// The snake_case name used by the bindings.
    pub fn as_str(self) -> &'static str {
        match self {
            ErrorKind::Invalid => "invalid",
            ErrorKind::NotFound => "not_found",
            ErrorKind::Conflict => "conflict",
            ErrorKind::PermissionDenied => "permission_denied",
            ErrorKind::Journal => "journal",
        }
    }
}

/// Every error Gridward returns.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum Error {
    /// A grid command or event was refused.
    #[error(transparent)]
    Grid(#[from] GridError),
    /// A tasks command or event was refused.
    #[error(transparent)]
    Tasks(#[from] TaskError),
    /// A fund command or event was refused.
    #[error(transparent)]
    Fund(#[from] FundError),
    /// An assembly command or event was refused.
    #[error(transparent)]
    Assembly(#[from] AssemblyError),
    /// A scoring command or event was refused.
    #[error(transparent)]
    Scoring(#[from] ScoringError),
    /// A points command or event was refused.
    #[error(transparent)]
    Points(#[from] PointsError),
    /// A rating tree or its data was refused.
    #[error(transparent)]
    Rating(#[from] crate::scoring::tree::TreeError),
    /// A ledger could not be exported for an accountants' tool.
    #[error(transparent)]
    Export(#[from] crate::fund::export::ExportError),
    /// A journal could not be read, verified or written.
    #[error(transparent)]
    Journal(#[from] JournalError),
    /// The actor lacks the permission at the unit.
    #[error("{actor} may not {permission}{}", .unit.map(|u| format!(" at {u}")).unwrap_or_default())]
    Denied {
        /// Who tried.
        actor: String,
        /// What they needed.
        permission: Permission,
        /// Where, if at a unit.
        unit: Option<NodeCode>,
    },
    /// The acting person is not registered.
    #[error("unknown actor: no person with id {0:?}")]
    UnknownActor(String),
    /// An idempotency key was reused for a different command.
    #[error("idempotency key {key:?} was used for a different command (entry {seq})")]
    IdempotencyConflict {
        /// The key.
        key: String,
        /// The entry that used it first.
        seq: u64,
    },
    /// A journal entry's body is not valid Gridward JSON.
    #[error("journal entry {seq}: {message}")]
    MalformedEntry {
        /// The entry.
        seq: u64,
        /// What the parser said.
        message: String,
    },
    /// A value given to a face does not have the type the description gives it.
    #[error(transparent)]
    Input(#[from] crate::surface::InputError),
    /// A journal entry holds an event the state at that point refuses.
    #[error("journal entry {seq} cannot be replayed: {source}")]
    Replay {
        /// The entry.
        seq: u64,
        /// Why the event was refused.
        source: Box<Error>,
    },
}

impl Error {
    /// A stable snake_case code (for JavaScript's `Error.code` and Python's `.code`).
    pub fn code(&self) -> &'static str {
        match self {
            Error::Grid(e) => e.code(),
            Error::Tasks(e) => e.code(),
            Error::Fund(e) => e.code(),
            Error::Assembly(e) => e.code(),
            Error::Scoring(e) => e.code(),
            Error::Points(e) => e.code(),
            Error::Rating(e) => e.code(),
            Error::Export(e) => e.code(),
            Error::Journal(JournalError::Broken(_)) => "journal_broken",
            Error::Journal(JournalError::HeadMismatch { .. }) => "journal_head_mismatch",
            Error::Journal(JournalError::Encode(_)) => "journal_encode",
            Error::Denied { .. } => "permission_denied",
            Error::UnknownActor(_) => "unknown_actor",
            Error::IdempotencyConflict { .. } => "idempotency_conflict",
            Error::MalformedEntry { .. } => "journal_malformed",
            Error::Replay { .. } => "journal_replay",
            Error::Input(e) => e.code(),
        }
    }

    /// INTERIM-LOCAL: replaced by the error-code macro before commit.
    pub fn codes() -> Vec<(&'static str, ErrorKind)> {
        vec![("permission_denied", ErrorKind::PermissionDenied)]
    }

    /// The broad kind of the error.
    pub fn kind(&self) -> ErrorKind {
        match self {
            Error::Grid(e) => e.kind(),
            Error::Tasks(e) => e.kind(),
            Error::Fund(e) => e.kind(),
            Error::Assembly(e) => e.kind(),
            Error::Scoring(e) => e.kind(),
            Error::Points(e) => e.kind(),
            Error::Rating(e) => e.kind(),
            Error::Export(_) | Error::Input(_) => ErrorKind::Invalid,
            Error::Denied { .. } | Error::UnknownActor(_) => ErrorKind::PermissionDenied,
            Error::IdempotencyConflict { .. } => ErrorKind::Conflict,
            Error::Journal(_) | Error::MalformedEntry { .. } | Error::Replay { .. } => {
                ErrorKind::Journal
            }
        }
    }
}

impl From<crate::calendar::CalendarError> for Error {
    fn from(e: crate::calendar::CalendarError) -> Self {
        Error::Tasks(TaskError::Calendar(e))
    }
}

impl From<crate::grid::CodeError> for Error {
    fn from(e: crate::grid::CodeError) -> Self {
        Error::Grid(GridError::Code(e))
    }
}

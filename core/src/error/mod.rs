//! The library's error type: one enum over the capabilities' errors, each with a stable
//! code and a broad kind that the bindings map to exception classes and `Error.code`.

pub mod input;
pub(crate) mod kind;

pub use input::{InputError, Problem, MAX_NESTING};
pub use kind::ErrorKind;

use crate::access::Permission;
use crate::assembly::AssemblyError;
use crate::fund::export::ExportError;
use crate::fund::FundError;
use crate::grid::{GridError, NodeCode};
use crate::journal::JournalError;
use crate::party::PartyError;
use crate::points::PointsError;
use crate::projects::{BallotError, PabulibError, ProjectsError, SelectionError};
use crate::scoring::tree::TreeError;
use crate::scoring::ScoringError;
use crate::tasks::TaskError;

/// Every error Gridward returns.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
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
    /// A projects command or event was refused.
    #[error(transparent)]
    Projects(#[from] ProjectsError),
    /// A party command or event was refused.
    #[error(transparent)]
    Party(#[from] PartyError),
    /// A rating tree or its data was refused.
    #[error(transparent)]
    Rating(#[from] TreeError),
    /// A ledger could not be exported for an accountants' tool.
    #[error(transparent)]
    Export(#[from] ExportError),
    /// A journal could not be read, verified or written.
    #[error(transparent)]
    Journal(#[from] JournalError),
    /// A snapshot could not be taken or loaded.
    #[error(transparent)]
    Snapshot(#[from] crate::snapshot::SnapshotError),
    /// An election could not be decided.
    #[error(transparent)]
    Election(#[from] SelectionError),
    /// A ballot was refused.
    #[error(transparent)]
    Ballot(#[from] BallotError),
    /// A Pabulib file could not be read.
    #[error(transparent)]
    Pabulib(#[from] PabulibError),
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
    /// A text given to the ward itself (an idempotency key) breaks the text rule.
    #[error(transparent)]
    Text(#[from] crate::text::TextError),
    /// A value given to a face does not have the type the description gives it.
    #[error(transparent)]
    Input(#[from] InputError),
    /// Input larger than a [limit](crate::limits) the library sets, refused before any
    /// work is done.
    #[error("{what}: {size} is more than the limit of {limit}")]
    TooLarge {
        /// What was too large, naming the field.
        what: String,
        /// Its size (rows or bytes, as `what` says).
        size: u64,
        /// The limit.
        limit: u64,
    },
    /// A journal entry holds an event the state at that point refuses.
    #[error("journal entry {seq} cannot be replayed: {source}")]
    Replay {
        /// The entry.
        seq: u64,
        /// Why the event was refused.
        source: Box<Error>,
    },
    /// A fault of Gridward itself, not of the input: a face caught a panic at its
    /// boundary (the message is the panic's). The ward it happened in is unchanged.
    #[error("internal error: {0}")]
    Internal(String),
}

kind::error_codes! {
    Error {
        Grid(inner) => delegate GridError,
        Tasks(inner) => delegate TaskError,
        Fund(inner) => delegate FundError,
        Assembly(inner) => delegate AssemblyError,
        Scoring(inner) => delegate ScoringError,
        Points(inner) => delegate PointsError,
        Projects(inner) => delegate ProjectsError,
        Party(inner) => delegate PartyError,
        Rating(inner) => delegate TreeError,
        Export(inner) => delegate ExportError,
        Journal(inner) => delegate JournalError,
        Snapshot(inner) => delegate crate::snapshot::SnapshotError,
        Election(inner) => delegate SelectionError,
        Ballot(inner) => delegate BallotError,
        Pabulib(inner) => delegate PabulibError,
        Denied { .. } => ("permission_denied", PermissionDenied),
        UnknownActor(..) => ("unknown_actor", PermissionDenied),
        IdempotencyConflict { .. } => ("idempotency_conflict", Conflict),
        MalformedEntry { .. } => ("journal_malformed", Journal),
        Replay { .. } => ("journal_replay", Journal),
        TooLarge { .. } => ("too_large", Invalid),
        Text(inner) => delegate crate::text::TextError,
        Input(inner) => delegate InputError,
        Internal(..) => ("internal_error", Internal),
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

#[cfg(test)]
mod tests {
    use std::collections::HashMap;

    use super::{Error, ErrorKind};

    #[test]
    fn every_code_has_one_kind() {
        let codes = Error::codes();
        let mut kinds: HashMap<&str, ErrorKind> = HashMap::new();
        for (code, kind) in &codes {
            if let Some(first) = kinds.insert(code, *kind) {
                assert_eq!(first, *kind, "code {code} has two kinds");
            }
        }
        assert_eq!(kinds.len(), codes.len(), "a pair is listed twice");
        for code in [
            "unknown_request",
            "permission_denied",
            "journal_replay",
            "bad_text",
            "invalid_code",
            "open311_not_json",
            "bad_export_currency",
            "journal_broken",
            "amount_overflow",
            "no_working_day",
        ] {
            assert!(kinds.contains_key(code), "{code} is missing");
        }
        assert!(codes.iter().all(|(code, _)| !code.is_empty()
            && code
                .bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_')));
    }

    #[test]
    fn an_error_has_a_code_it_lists() {
        let replay = Error::Replay {
            seq: 3,
            source: Box::new(Error::UnknownActor("x".into())),
        };
        assert_eq!(replay.code(), "journal_replay");
        assert_eq!(replay.kind(), ErrorKind::Journal);
        assert!(Error::codes().contains(&(replay.code(), replay.kind())));
    }

    #[test]
    fn a_caught_panic_and_a_value_too_deep_have_their_codes() {
        let internal = Error::Internal("boom".into());
        assert_eq!(internal.code(), "internal_error");
        assert_eq!(internal.kind(), ErrorKind::Internal);
        assert_eq!(internal.kind().as_str(), "internal");
        assert_eq!(internal.to_string(), "internal error: boom");
        assert!(Error::codes().contains(&("internal_error", ErrorKind::Internal)));

        let deep = Error::Input(super::InputError::new(
            "rows[0].name",
            super::Problem::TooDeep(super::MAX_NESTING),
        ));
        assert_eq!(deep.code(), "too_deep");
        assert_eq!(deep.kind(), ErrorKind::Invalid);
        assert_eq!(
            deep.to_string(),
            "rows[0].name: lists and objects nested deeper than 64 levels cannot be given"
        );
    }
}

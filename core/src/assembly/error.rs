//! Errors of the assembly capability.

use crate::error::kind::error_codes;
use crate::text::TextError;

/// Why an assembly command or event was refused.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum AssemblyError {
    /// No motion has this id.
    #[error("no motion with id {0:?}")]
    UnknownMotion(String),
    /// A motion with this id exists already.
    #[error("a motion with id {0:?} exists already")]
    MotionExists(String),
    /// A text breaks its rule.
    #[error(transparent)]
    Text(#[from] TextError),
    /// The motion is closed.
    #[error("motion {0:?} is closed")]
    Closed(String),
    /// Voting on the motion ended at its closing time.
    #[error("voting on motion {motion:?} ended at {closes}")]
    VotingEnded {
        /// The motion.
        motion: String,
        /// When it closed.
        closes: String,
    },
    /// The motion may be closed only when its voting time is over.
    #[error("motion {motion:?} is open for votes until {closes}")]
    StillOpen {
        /// The motion.
        motion: String,
        /// When it closes.
        closes: String,
    },
    /// The closing time is not after the opening.
    #[error("motion {0:?} must close after it opens")]
    BadClosing(String),
    /// The person owns no home in the motion's compound.
    #[error("{owner:?} owns no home under unit {unit}")]
    NotAnOwner {
        /// The person.
        owner: String,
        /// The motion's unit.
        unit: String,
    },
    /// The owner has voted on this motion already.
    #[error("{owner:?} has voted on motion {motion:?} already")]
    VotedAlready {
        /// The motion.
        motion: String,
        /// The owner.
        owner: String,
    },
    /// Another open motion decides the same thing.
    #[error("motion {0:?} already puts this to the vote")]
    SubjectPending(String),
}

error_codes! {
    AssemblyError {
        UnknownMotion(..) => ("unknown_motion", NotFound),
        MotionExists(..) => ("motion_exists", Conflict),
        Text(inner) => delegate TextError,
        Closed(..) => ("motion_closed", Conflict),
        VotingEnded { .. } => ("voting_ended", Conflict),
        StillOpen { .. } => ("voting_open", Conflict),
        BadClosing(..) => ("bad_closing", Invalid),
        NotAnOwner { .. } => ("not_an_owner", PermissionDenied),
        VotedAlready { .. } => ("voted_already", Conflict),
        SubjectPending(..) => ("subject_pending", Conflict),
    }
}

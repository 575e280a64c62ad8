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
    /// A recorded owner change leaves the roll as it was: nothing would have been
    /// recorded (replay).
    #[error("household {0:?} already has this owner recorded")]
    OwnerUnchanged(String),
    /// A recorded motion's kind is not the kind its subject needs (replay).
    #[error("motion {motion:?} is recorded as {kind}; its subject makes it {expected}")]
    WrongKind {
        /// The motion.
        motion: String,
        /// The kind recorded.
        kind: &'static str,
        /// The kind of its subject.
        expected: &'static str,
    },
    /// A recorded ballot names a recorder other than the one its entry's actor makes
    /// (replay): nobody for an owner's own vote, the actor for a paper ballot.
    #[error("the ballot of {owner:?} on motion {motion:?} names recorder {recorded_by:?}, which {actor} does not make")]
    WrongRecorder {
        /// The motion.
        motion: String,
        /// The owner.
        owner: String,
        /// The recorder named (empty for none).
        recorded_by: String,
        /// The entry's actor.
        actor: String,
    },
    /// A recorded count is not the count of the motion's votes (replay).
    #[error("the recorded count of motion {motion:?} ({recorded}) is not the count of its votes ({counted})")]
    WrongTally {
        /// The motion.
        motion: String,
        /// The outcome recorded.
        recorded: &'static str,
        /// The outcome the votes give.
        counted: &'static str,
    },
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
        OwnerUnchanged(..) => ("owner_unchanged", Conflict),
        WrongKind { .. } => ("wrong_motion_kind", Invalid),
        WrongRecorder { .. } => ("wrong_recorder", Invalid),
        WrongTally { .. } => ("wrong_tally", Conflict),
    }
}

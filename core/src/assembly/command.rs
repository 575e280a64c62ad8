//! Commands and events of the owners' assembly.

use chrono::{DateTime, FixedOffset};
use serde::Serialize;

use super::subject::{MotionKind, Subject};
use super::tally::{Choice, Tally};
use crate::grid::NodeCode;

/// A command to the owners' assembly.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, gridward_derive::TaggedDeserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(tag = "type", rename_all = "snake_case", deny_unknown_fields)]
#[non_exhaustive]
pub enum AssemblyCommand {
    /// Records who owns a home (业主), or that nobody is recorded (`owner: null`). A
    /// home without a recorded owner counts as one owner who has not voted.
    SetOwner {
        /// The household (the exclusive part).
        household: String,
        /// The owning person.
        #[serde(default)]
        owner: Option<String>,
    },
    /// Puts a motion to the owners of a unit's homes until `closes`.
    OpenMotion {
        /// The motion's id.
        motion: String,
        /// The compound's unit.
        unit: NodeCode,
        /// Its title.
        title: String,
        /// What it decides.
        subject: Subject,
        /// When voting ends.
        closes: DateTime<FixedOffset>,
    },
    /// An owner's vote: their own (`owner` absent), or a paper ballot recorded by the
    /// convener for the named owner.
    CastVote {
        /// The motion.
        motion: String,
        /// The owner, for a paper ballot.
        #[serde(default)]
        owner: Option<String>,
        /// The vote.
        choice: Choice,
    },
    /// Counts the votes after voting ends; a passed fund motion takes effect at once.
    CloseMotion {
        /// The motion.
        motion: String,
    },
}

/// Something that happened in the owners' assembly.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, gridward_derive::TaggedDeserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(tag = "type", rename_all = "snake_case")]
#[non_exhaustive]
pub enum AssemblyEvent {
    /// A home's owner was recorded (or cleared).
    OwnerSet {
        /// The household.
        household: String,
        /// The owner.
        owner: Option<String>,
    },
    /// A motion was opened.
    MotionOpened {
        /// The motion.
        motion: String,
        /// The unit.
        unit: NodeCode,
        /// The title.
        title: String,
        /// What it decides.
        subject: Subject,
        /// Its kind.
        kind: MotionKind,
        /// When voting ends.
        closes: DateTime<FixedOffset>,
    },
    /// An owner voted.
    VoteCast {
        /// The motion.
        motion: String,
        /// The owner.
        owner: String,
        /// The vote.
        choice: Choice,
        /// Who recorded it, for a paper ballot.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        recorded_by: Option<String>,
    },
    /// The votes were counted.
    MotionClosed {
        /// The motion.
        motion: String,
        /// The count.
        tally: Tally,
    },
}

//! The contract every capability keeps with the ward.
//!
//! A capability is a state and the rules that change it: `decide` turns a command into
//! events or refuses it (changing nothing), `check` refuses an event of a replayed
//! journal that `decide` could not have produced from the state it meets, `apply` folds
//! an accepted event into the state and cannot fail, and `digest` hashes the state. What
//! a capability reads of the capabilities below it, and its own section of the ward's
//! configuration, it declares once as its `Reads`: a small `Copy` struct of references
//! that the ward builds for every call.
//!
//! A trait rather than a pattern of free functions, because the ward is a table of
//! capabilities: the ward's one macro walks the table and calls the same four methods on
//! each, so adding a capability adds a line there, and the compiler holds every
//! capability to the same signatures.

use chrono::{DateTime, FixedOffset};

use crate::access::Context;
use crate::error::Error;
use crate::journal::Hash;

/// A capability of the ward: its state, the commands it decides and the events it
/// records.
pub trait Capability {
    /// Its name: the key of its commands and events in JSON, and its namespace on the
    /// faces (`ward.tasks`).
    const NAME: &'static str;
    /// What it holds, in a sentence (the faces' documentation of its namespace).
    const DOC: &'static str;
    /// What it is asked to do.
    type Command;
    /// What it records in the journal.
    type Event;
    /// What it reads of the capabilities below it, and its configuration.
    type Reads<'a>: Copy;

    /// The events a command causes, or why it is refused; nothing changes either way.
    fn decide(
        &self,
        reads: Self::Reads<'_>,
        ctx: &Context,
        command: Self::Command,
    ) -> Result<Vec<Self::Event>, Error>;

    /// Refuses an event of a replayed journal that the state it meets could not have
    /// produced for the entry's actor at the entry's time (`ctx`): what `decide` would
    /// have refused, including a permission the actor lacked or a deadline already
    /// passed.
    fn check(
        &self,
        reads: Self::Reads<'_>,
        ctx: &Context,
        event: &Self::Event,
    ) -> Result<(), Error>;

    /// Folds an accepted event, recorded at `at`, into the state.
    fn apply(&mut self, reads: Self::Reads<'_>, event: Self::Event, at: DateTime<FixedOffset>);

    /// A digest of the state, equal for equal states however they were reached.
    fn digest(&self, reads: Self::Reads<'_>) -> Hash;

    /// The state read back from a snapshot, with what the snapshot does not carry
    /// rebuilt (indices keyed by a per-process random hasher), or what in it does not
    /// hold together (an index pointing nowhere). Most states carry all they hold and
    /// are returned as they are.
    fn restored(self) -> Result<Self, String>
    where
        Self: Sized,
    {
        Ok(self)
    }
}

/// Events that a capability's decided events cause in another capability, decided in the
/// same step and recorded in the same journal entry, right after the event that caused
/// them: a passed motion acting on a compound's fund.
pub trait Effects<Target: Capability>: Capability {
    /// The target's events that `event` causes (none for most events).
    fn effects(
        &self,
        reads: Self::Reads<'_>,
        ctx: &Context,
        event: &Self::Event,
    ) -> Result<Vec<Target::Event>, Error>;
}

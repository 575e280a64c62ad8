//! The owners' assembly as a capability of the ward.

use chrono::{DateTime, FixedOffset};

use super::{check_event, decide, Assembly, AssemblyCommand, AssemblyEvent};
use crate::access::Context;
use crate::capability::Capability;
use crate::error::Error;
use crate::fund::Funds;
use crate::grid::Grid;
use crate::journal::Hash;

/// What the assembly reads: the grid (homes, their areas and people) and the funds whose
/// matters it votes on.
#[derive(Clone, Copy, Debug)]
pub struct Reads<'a> {
    /// The grid.
    pub grid: &'a Grid,
    /// The funds.
    pub funds: &'a Funds,
}

impl Capability for Assembly {
    const NAME: &'static str = "assembly";
    const DOC: &'static str = "The owners' assembly (业主大会): the owners' roll, motions, votes and the Civil Code's quorum and majorities.";
    type Command = AssemblyCommand;
    type Event = AssemblyEvent;
    type Reads<'a> = Reads<'a>;

    fn decide(
        &self,
        reads: Reads<'_>,
        ctx: &Context,
        command: AssemblyCommand,
    ) -> Result<Vec<AssemblyEvent>, Error> {
        decide(reads.grid, reads.funds, self, &ctx.actor, ctx.at, command)
    }

    fn check(&self, reads: Reads<'_>, ctx: &Context, event: &AssemblyEvent) -> Result<(), Error> {
        check_event(reads.grid, reads.funds, self, ctx, event)
    }

    fn apply(&mut self, _: Reads<'_>, event: AssemblyEvent, at: DateTime<FixedOffset>) {
        Assembly::apply(self, event, at);
    }

    fn digest(&self, _: Reads<'_>) -> Hash {
        Assembly::digest(self)
    }
}

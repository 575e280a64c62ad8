//! Service hours and star levels as a capability of the ward.

use chrono::{DateTime, FixedOffset};

use super::{check_event, decide, Scoring, ScoringCommand, ScoringConfig, ScoringEvent};
use crate::access::Context;
use crate::capability::Capability;
use crate::error::Error;
use crate::grid::Grid;
use crate::journal::Hash;
use crate::tasks::Tasks;

/// What the scoring capability reads: the grid (people and roles), the requests whose
/// handling becomes service, and its configuration (counting rules, star profile).
#[derive(Clone, Copy, Debug)]
pub struct Reads<'a> {
    /// The grid.
    pub grid: &'a Grid,
    /// Requests.
    pub tasks: &'a Tasks,
    /// The counting rules and star profile.
    pub config: &'a ScoringConfig,
}

impl Capability for Scoring {
    const NAME: &'static str = "scoring";
    const DOC: &'static str =
        "Service hours, star levels, party members' monthly obligations and handlers' scores.";
    type Command = ScoringCommand;
    type Event = ScoringEvent;
    type Reads<'a> = Reads<'a>;

    fn decide(
        &self,
        reads: Reads<'_>,
        ctx: &Context,
        command: ScoringCommand,
    ) -> Result<Vec<ScoringEvent>, Error> {
        decide(
            reads.grid,
            reads.tasks,
            self,
            reads.config,
            &ctx.actor,
            ctx.at,
            command,
        )
    }

    fn check(&self, reads: Reads<'_>, ctx: &Context, event: &ScoringEvent) -> Result<(), Error> {
        check_event(reads.grid, reads.tasks, self, reads.config, ctx, event)
    }

    fn apply(&mut self, reads: Reads<'_>, event: ScoringEvent, at: DateTime<FixedOffset>) {
        Scoring::apply(self, reads.grid, event, at);
    }

    fn digest(&self, reads: Reads<'_>) -> Hash {
        Scoring::digest(self, reads.grid)
    }

    #[cfg(feature = "snapshot")]
    fn restored(self) -> Result<Self, String> {
        Scoring::restored(self)
    }
}

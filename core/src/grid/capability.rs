//! The grid as a capability of the ward.

use chrono::{DateTime, FixedOffset};

use super::{check_event, decide, Grid, GridCommand, GridConfig, GridEvent};
use crate::access::Context;
use crate::capability::Capability;
use crate::error::Error;
use crate::journal::Hash;

/// What the grid reads: only its configuration (it is the ward's lowest capability).
#[derive(Clone, Copy, Debug)]
pub struct Reads<'a> {
    /// The grid's configuration.
    pub config: &'a GridConfig,
}

impl Capability for Grid {
    const NAME: &'static str = "grid";
    const DOC: &'static str = "The grid hierarchy (网格化管理): district → street → community → grid → micro-grid → household, the people and roles on it, departments, paired units and directives.";
    type Command = GridCommand;
    type Event = GridEvent;
    type Reads<'a> = Reads<'a>;

    fn decide(
        &self,
        reads: Reads<'_>,
        ctx: &Context,
        command: GridCommand,
    ) -> Result<Vec<GridEvent>, Error> {
        decide(self, reads.config, &ctx.actor, ctx.at, command)
    }

    fn check(&self, _: Reads<'_>, _: &Context, event: &GridEvent) -> Result<(), Error> {
        check_event(self, event).map_err(Error::from)
    }

    fn apply(&mut self, _: Reads<'_>, event: GridEvent, _: DateTime<FixedOffset>) {
        Grid::apply(self, event);
    }

    fn digest(&self, _: Reads<'_>) -> Hash {
        Grid::digest(self)
    }

    #[cfg(feature = "snapshot")]
    fn restored(self) -> Result<Self, String> {
        Grid::restored(self)
    }
}

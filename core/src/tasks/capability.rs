//! Residents' requests as a capability of the ward.

use chrono::{DateTime, FixedOffset};

use super::{check_event, decide, TaskCommand, TaskEvent, Tasks, TasksConfig};
use crate::access::Context;
use crate::capability::Capability;
use crate::error::Error;
use crate::grid::Grid;
use crate::journal::Hash;

/// What the tasks capability reads: the grid (places, people, roles, departments) and its
/// configuration (categories, limits, calendar, routing).
#[derive(Clone, Copy, Debug)]
pub struct Reads<'a> {
    /// The grid.
    pub grid: &'a Grid,
    /// The categories, limits and routing rules.
    pub config: &'a TasksConfig,
}

impl Capability for Tasks {
    const NAME: &'static str = "tasks";
    const DOC: &'static str = "Residents' requests (点单 → 派单 → 领单 → 评单): filing, routing, claims, handling, verification, rating, returns, escalation (吹哨报到), supervision and indicators.";
    type Command = TaskCommand;
    type Event = TaskEvent;
    type Reads<'a> = Reads<'a>;

    fn decide(
        &self,
        reads: Reads<'_>,
        ctx: &Context,
        command: TaskCommand,
    ) -> Result<Vec<TaskEvent>, Error> {
        let key = ctx.idempotency_key.as_deref();
        decide(
            reads.grid,
            self,
            reads.config,
            &ctx.actor,
            ctx.at,
            key,
            command,
        )
    }

    fn check(&self, reads: Reads<'_>, _: &Context, event: &TaskEvent) -> Result<(), Error> {
        check_event(reads.grid, self, reads.config, event)
    }

    fn apply(&mut self, reads: Reads<'_>, event: TaskEvent, at: DateTime<FixedOffset>) {
        Tasks::apply(self, reads.grid, reads.config, at, event);
    }

    fn digest(&self, reads: Reads<'_>) -> Hash {
        Tasks::digest(self, reads.grid, reads.config)
    }

    #[cfg(feature = "snapshot")]
    fn restored(self) -> Result<Self, String> {
        Tasks::restored(self)
    }
}

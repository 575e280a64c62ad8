//! Points passbooks and the catalog as a capability of the ward.

use chrono::{DateTime, FixedOffset};

use super::{check_event, decide, Points, PointsCommand, PointsEvent, Reads};
use crate::access::Context;
use crate::capability::Capability;
use crate::error::Error;
use crate::journal::Hash;

impl Capability for Points {
    const NAME: &'static str = "points";
    const DOC: &'static str =
        "Points passbooks (积分存折) of dated lots, the catalog and redemptions.";
    type Command = PointsCommand;
    type Event = PointsEvent;
    type Reads<'a> = Reads<'a>;

    fn decide(
        &self,
        reads: Reads<'_>,
        ctx: &Context,
        command: PointsCommand,
    ) -> Result<Vec<PointsEvent>, Error> {
        let key = ctx.idempotency_key.as_deref();
        decide(reads, self, &ctx.actor, ctx.at, key, command)
    }

    fn check(&self, reads: Reads<'_>, ctx: &Context, event: &PointsEvent) -> Result<(), Error> {
        check_event(reads, self, ctx, event)
    }

    fn apply(&mut self, reads: Reads<'_>, event: PointsEvent, _: DateTime<FixedOffset>) {
        Points::apply(self, reads.grid, event);
    }

    fn digest(&self, reads: Reads<'_>) -> Hash {
        Points::digest(self, reads.grid)
    }

    #[cfg(feature = "snapshot")]
    fn restored(self) -> Result<Self, String> {
        Points::restored(self)
    }
}

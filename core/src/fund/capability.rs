//! Compounds' common funds as a capability of the ward.

use chrono::{DateTime, FixedOffset};

use super::{check_event, decide, FundCommand, FundConfig, FundEvent, Funds};
use crate::access::Context;
use crate::capability::Capability;
use crate::error::Error;
use crate::grid::Grid;
use crate::journal::Hash;

/// What the fund capability reads: the grid (compounds, homes and their areas, the
/// people keeping and supervising the fund) and its configuration.
#[derive(Clone, Copy, Debug)]
pub struct Reads<'a> {
    /// The grid.
    pub grid: &'a Grid,
    /// The fund's configuration.
    pub config: &'a FundConfig,
}

impl Capability for Funds {
    const NAME: &'static str = "fund";
    const DOC: &'static str = "A compound's common fund under trust-based property management (信托制物业): double-entry accounts, fees, budgets, payments with vouchers, remuneration, dividends and the public statement.";
    type Command = FundCommand;
    type Event = FundEvent;
    type Reads<'a> = Reads<'a>;

    fn decide(
        &self,
        reads: Reads<'_>,
        ctx: &Context,
        command: FundCommand,
    ) -> Result<Vec<FundEvent>, Error> {
        decide(reads.grid, self, reads.config, &ctx.actor, ctx.at, command)
    }

    fn check(&self, reads: Reads<'_>, ctx: &Context, event: &FundEvent) -> Result<(), Error> {
        check_event(reads.grid, self, reads.config, ctx, event)
    }

    fn apply(&mut self, _: Reads<'_>, event: FundEvent, _: DateTime<FixedOffset>) {
        Funds::apply(self, event);
    }

    fn digest(&self, _: Reads<'_>) -> Hash {
        Funds::digest(self)
    }

    #[cfg(feature = "snapshot")]
    fn restored(self) -> Result<Self, String> {
        Funds::restored(self)
    }
}

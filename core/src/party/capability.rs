//! The party organisation as a capability of the ward.

use chrono::{DateTime, FixedOffset};

use super::check::check_event;
use super::command::PartyCommand;
use super::decide::decide;
use super::event::PartyEvent;
use super::reads::Reads;
use super::Party;
use crate::access::Context;
use crate::capability::Capability;
use crate::error::Error;
use crate::journal::Hash;

impl Capability for Party {
    const NAME: &'static str = "party";
    const DOC: &'static str = "The party organisation on the grid: party bodies (community committee, compound branch, building group) with their secretaries, first secretaries, the residents' committee, 双报到 of members and paired units with the units' service ledger, and cadres on station (驻点) at compounds.";
    type Command = PartyCommand;
    type Event = PartyEvent;
    type Reads<'a> = Reads<'a>;

    fn decide(
        &self,
        reads: Reads<'_>,
        ctx: &Context,
        command: PartyCommand,
    ) -> Result<Vec<PartyEvent>, Error> {
        decide(self, reads, &ctx.actor, ctx.at, command)
    }

    fn check(&self, reads: Reads<'_>, _: &Context, event: &PartyEvent) -> Result<(), Error> {
        check_event(self, reads, event)
    }

    fn apply(&mut self, reads: Reads<'_>, event: PartyEvent, _: DateTime<FixedOffset>) {
        self.apply_event(reads, event);
    }

    fn digest(&self, _: Reads<'_>) -> Hash {
        Party::digest(self)
    }
}

//! Community project funds as a capability of the ward.

use chrono::{DateTime, FixedOffset};

use super::check::check_event;
use super::command::ProjectsCommand;
use super::decide::decide;
use super::event::ProjectsEvent;
use super::reads::Reads;
use super::state::Projects;
use crate::access::Context;
use crate::capability::Capability;
use crate::error::Error;
use crate::journal::Hash;

impl Capability for Projects {
    const NAME: &'static str = "projects";
    const DOC: &'static str = "Community project funds (e管家): funds, residents' proposals, the decision under a named selection rule (greedy or Equal Shares), delivery in tranches and acceptance.";
    type Command = ProjectsCommand;
    type Event = ProjectsEvent;
    type Reads<'a> = Reads<'a>;

    fn decide(
        &self,
        reads: Reads<'_>,
        ctx: &Context,
        command: ProjectsCommand,
    ) -> Result<Vec<ProjectsEvent>, Error> {
        decide(self, reads, &ctx.actor, ctx.at, command)
    }

    fn check(&self, reads: Reads<'_>, _: &Context, event: &ProjectsEvent) -> Result<(), Error> {
        check_event(self, reads, event)
    }

    fn apply(&mut self, reads: Reads<'_>, event: ProjectsEvent, at: DateTime<FixedOffset>) {
        Projects::apply(self, reads, event, at);
    }

    fn digest(&self, _: Reads<'_>) -> Hash {
        self.digest()
    }
}

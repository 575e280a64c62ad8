//! The ward as a table of capabilities: one line per capability gives its variant in
//! [`Command`] and [`Event`], its field of the ward, its type, what it reads of the
//! capabilities before it, and the capability its events act on, if any. From the table
//! come the ward's state, both enums, the dispatch of `decide`, `check` and `apply`, the
//! state digest in the table's order, and the list of capabilities the description
//! walks. Adding a capability adds a line here.

use chrono::{DateTime, FixedOffset};
use serde::{Deserialize, Serialize};

use super::keys::Keys;
use super::WardConfig;
use crate::access::Context;
use crate::assembly::{self, Assembly, AssemblyCommand, AssemblyEvent};
use crate::capability::{Capability, Effects};
use crate::error::Error;
use crate::fund::{self, FundCommand, FundEvent, Funds};
use crate::grid::{self, Grid, GridCommand, GridEvent};
use crate::journal::{Hash, Journal};
use crate::party::{self, Party, PartyCommand, PartyEvent};
use crate::points::{self, Points, PointsCommand, PointsEvent};
use crate::projects::{self, Projects, ProjectsCommand, ProjectsEvent};
use crate::scoring::{self, Scoring, ScoringCommand, ScoringEvent};
use crate::tasks::{self, TaskCommand, TaskEvent, Tasks};

/// A capability of the ward, as the description lists it.
#[derive(Clone, Copy)]
pub struct CapabilityInfo {
    /// Its name: the key of its commands and events, and its namespace on every face.
    pub name: &'static str,
    /// What it holds.
    pub doc: &'static str,
    /// The JSON Schema of its command type.
    #[cfg(feature = "schema")]
    pub commands: fn(&mut schemars::SchemaGenerator) -> schemars::Schema,
}

macro_rules! capabilities {
    (
        config: $config:ident;
        $(
            $variant:ident($command:ty, $event:ty) => $field:ident: $ty:ty,
            reads $reads:expr
            $(, acts on $target:ident: $target_ty:ty)?;
        )*
    ) => {
        /// Any command, by capability.
        #[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
        #[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
        #[serde(rename_all = "snake_case")]
        #[non_exhaustive]
        pub enum Command {
            $(
                #[doc = concat!("A command of the ", stringify!($field), " capability.")]
                $variant($command),
            )*
        }

        $(
            impl From<$command> for Command {
                fn from(c: $command) -> Self {
                    Command::$variant(c)
                }
            }
        )*

        /// Any event, by capability.
        #[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
        #[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
        #[serde(rename_all = "snake_case")]
        #[non_exhaustive]
        pub enum Event {
            $(
                #[doc = concat!("An event of the ", stringify!($field), " capability.")]
                $variant($event),
            )*
        }

        /// A ward: the state of every capability, folded from its hash-chained journal.
        #[derive(Clone, Debug)]
        pub struct Ward {
            pub(crate) config: WardConfig,
            $(pub(crate) $field: $ty,)*
            pub(super) journal: Journal,
            pub(super) keys: Keys,
        }

        /// The state a snapshot writes: every capability's, and the idempotency keys.
        #[cfg(feature = "snapshot")]
        #[derive(Serialize)]
        pub(super) struct StateRef<'a> {
            $(pub(super) $field: &'a $ty,)*
            pub(super) keys: &'a Keys,
        }

        /// The state a snapshot reads back.
        #[cfg(feature = "snapshot")]
        #[derive(Deserialize)]
        pub(super) struct StateOwned {
            $(pub(super) $field: $ty,)*
            pub(super) keys: Keys,
        }

        impl Ward {
            /// An empty ward.
            pub fn new(config: WardConfig) -> Ward {
                Ward {
                    config,
                    $($field: <$ty>::default(),)*
                    journal: Journal::new(),
                    keys: Keys::default(),
                }
            }

            $(
                #[doc = concat!("The ", stringify!($field), " capability's state.")]
                pub fn $field(&self) -> &$ty {
                    &self.$field
                }
            )*

            /// Decides a command without recording it: the events it would cause (and
            /// those they cause in the capability they act on), or why not.
            pub fn decide(
                &self,
                ctx: &Context,
                command: impl Into<Command>,
            ) -> Result<Vec<Event>, Error> {
                let Ward { $config, $($field,)* .. } = self;
                match command.into() {
                    $(
                        Command::$variant(c) => {
                            let events = <$ty as Capability>::decide($field, $reads, ctx, c)?;
                            let mut out = Vec::with_capacity(events.len());
                            for e in events {
                                $(
                                    let caused = <$ty as Effects<$target_ty>>::effects(
                                        $field, $reads, ctx, &e,
                                    )?;
                                )?
                                out.push(Event::$variant(e));
                                $(out.extend(caused.into_iter().map(Event::$target));)?
                            }
                            Ok(out)
                        }
                    )*
                }
            }

            /// Refuses an event of a replayed journal that the state could not have
            /// produced.
            pub(super) fn check(&self, ctx: &Context, event: &Event) -> Result<(), Error> {
                let Ward { $config, $($field,)* .. } = self;
                match event {
                    $(Event::$variant(e) => <$ty as Capability>::check($field, $reads, ctx, e),)*
                }
            }

            /// Folds an accepted event into the state of its capability.
            pub(super) fn apply(&mut self, event: Event, at: DateTime<FixedOffset>) {
                let Ward { $config, $($field,)* .. } = self;
                match event {
                    $(Event::$variant(e) => <$ty as Capability>::apply($field, $reads, e, at),)*
                }
            }

            /// The state a snapshot writes.
            #[cfg(feature = "snapshot")]
            pub(super) fn state_ref(&self) -> StateRef<'_> {
                StateRef { $($field: &self.$field,)* keys: &self.keys }
            }

            /// The ward with a snapshot's state and the journal it was taken at, or what
            /// in the state does not hold together.
            #[cfg(feature = "snapshot")]
            pub(super) fn from_state(
                config: WardConfig,
                state: StateOwned,
                journal: Journal,
            ) -> Result<Ward, String> {
                let StateOwned { $($field,)* keys } = state;
                keys.check_entries(journal.len() as u64)?;
                Ok(Ward {
                    config,
                    $($field: <$ty as Capability>::restored($field)
                        .map_err(|e| format!("{}: {e}", <$ty as Capability>::NAME))?,)*
                    journal,
                    keys,
                })
            }

            /// Every capability's digest, in the table's order.
            pub(super) fn digests(&self) -> Vec<Hash> {
                let Ward { $config, $($field,)* .. } = self;
                vec![$(<$ty as Capability>::digest($field, $reads),)*]
            }
        }

        /// The ward's capabilities, in order.
        pub const CAPABILITIES: &[CapabilityInfo] = &[$(
            CapabilityInfo {
                name: <$ty as Capability>::NAME,
                doc: <$ty as Capability>::DOC,
                #[cfg(feature = "schema")]
                commands: <$command as schemars::JsonSchema>::json_schema,
            },
        )*];
    };
}

capabilities! {
    config: config;
    Grid(GridCommand, GridEvent) => grid: Grid,
        reads grid::Reads { config: &config.grid };
    Tasks(TaskCommand, TaskEvent) => tasks: Tasks,
        reads tasks::Reads { grid, config: &config.tasks };
    Fund(FundCommand, FundEvent) => funds: Funds,
        reads fund::Reads { grid, config: &config.fund };
    Assembly(AssemblyCommand, AssemblyEvent) => assembly: Assembly,
        reads assembly::Reads { grid, funds }, acts on Fund: Funds;
    Scoring(ScoringCommand, ScoringEvent) => scoring: Scoring,
        reads scoring::Reads { grid, tasks, config: &config.scoring };
    Points(PointsCommand, PointsEvent) => points: Points,
        reads points::Reads { grid, tasks, scoring, config: &config.points };
    Projects(ProjectsCommand, ProjectsEvent) => projects: Projects,
        reads projects::Reads { grid, config: &config.projects };
    Party(PartyCommand, PartyEvent) => party: Party,
        reads party::Reads { grid, config: &config.party };
}

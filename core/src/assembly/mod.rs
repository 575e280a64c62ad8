//! The owners' assembly (`assembly`, 业主大会): a roll of who owns which home, motions
//! put to the owners of a compound, votes, and the count under Civil Code Art. 278 — a
//! vote is valid only if owners holding at least 2/3 of the exclusive area and at least
//! 2/3 of the owners take part; raising the maintenance fund, rebuilding, and changing
//! the use of common parts or using them for business need at least 3/4 of the
//! participating area and of the participating owners; every other matter needs more
//! than half of both. Budgets, amendments, dividends and counting common income in the
//! manager's remuneration base are motions of a fund, ordinary in kind; when one passes
//! it takes effect on the fund in the same journal entry.

mod capability;
mod command;
mod decide;
mod effect;
mod error;
mod rows;
mod subject;
mod tally;

pub use capability::Reads;
pub use command::{AssemblyCommand, AssemblyEvent};
pub use error::AssemblyError;
pub use rows::{HomeRow, MotionView};
pub use subject::{Matter, MotionKind, Subject};
pub use tally::{tally, Choice, Outcome, Tally};

pub(crate) use decide::{check_event, decide};

use std::collections::BTreeMap;

use chrono::{DateTime, FixedOffset};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use crate::grid::{Grid, NodeCode};

/// A motion put to the owners.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Motion {
    /// The motion's id.
    pub id: String,
    /// The compound's unit.
    pub unit: NodeCode,
    /// Its title.
    pub title: String,
    /// What it decides.
    pub subject: Subject,
    /// Its kind.
    pub kind: MotionKind,
    /// When it opened.
    pub opened: DateTime<FixedOffset>,
    /// When voting ends.
    pub closes: DateTime<FixedOffset>,
    /// Votes by owner.
    pub votes: BTreeMap<String, Choice>,
    /// The count, once closed.
    pub tally: Option<Tally>,
}

/// The state of the assembly capability.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Assembly {
    /// Recorded owners by household.
    pub(crate) owners: BTreeMap<String, String>,
    /// Homes by owner: the roll read the other way.
    pub(crate) homes: BTreeMap<String, std::collections::BTreeSet<String>>,
    pub(crate) motions: BTreeMap<String, Motion>,
}

impl Assembly {
    /// No owners recorded, no motions.
    pub fn new() -> Assembly {
        Assembly::default()
    }

    /// The motion with this id.
    pub fn motion(&self, id: &str) -> Option<&Motion> {
        self.motions.get(id)
    }

    /// Every motion, by id.
    pub fn motions(&self) -> impl Iterator<Item = &Motion> + '_ {
        self.motions.values()
    }

    /// The recorded owner of a home.
    pub fn owner(&self, household: &str) -> Option<&str> {
        self.owners.get(household).map(String::as_str)
    }

    /// The homes under `unit` as (owner, area): the recorded owner, or for a home
    /// without one, the home itself as an owner who cannot vote.
    pub fn electorate(&self, grid: &Grid, unit: NodeCode) -> Vec<(String, Decimal)> {
        grid.households_under(unit)
            .unwrap_or_default()
            .into_iter()
            .map(|h| {
                let owner = match self.owners.get(h.id()) {
                    Some(o) => o.clone(),
                    None => format!("\u{0}home:{}", h.id()),
                };
                (owner, h.area())
            })
            .collect()
    }

    /// The count of a motion as it stands (or as it closed).
    pub fn count(&self, grid: &Grid, motion: &str) -> Option<Tally> {
        let m = self.motions.get(motion)?;
        if let Some(t) = &m.tally {
            return Some(t.clone());
        }
        Some(tally(m.kind, &self.electorate(grid, m.unit), &m.votes))
    }

    /// A digest of the roll and the motions.
    pub fn digest(&self) -> crate::journal::Hash {
        let text = serde_json::to_string(&(&self.owners, &self.motions)).unwrap_or_default();
        crate::journal::Hash::of_bytes(text.as_bytes())
    }
}

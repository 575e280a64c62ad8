//! The owners' assembly (`assembly`, 业主大会): a roll of who owns which home, motions
//! put to the owners of a compound, votes, and the count under Civil Code Art. 278 — a
//! vote is valid only if owners holding at least 2/3 of the exclusive area and at least
//! 2/3 of the owners take part; raising the maintenance fund, rebuilding, and changing
//! the use of common parts or using them for business need at least 3/4 of the
//! participating area and of the participating owners; every other matter needs more
//! than half of both. Budgets (with the fee standard a budget carries), amendments,
//! dividends, fee standards and counting common income in the manager's remuneration
//! base are motions of a fund, ordinary in kind; allowing business use of common parts
//! (advertising, parking, other) is a motion of a fund that is special in kind. When one
//! passes it takes effect on the fund in the same journal entry.
//!
//! ## Quick start
//!
//! ```
//! use chrono::{DateTime, Duration};
//! use gridward::assembly::{AssemblyCommand, Choice, Matter, Outcome, Subject};
//! use gridward::grid::{ImportRow, NodeCode};
//! use gridward::{Actor, Context, Role, Ward, WardConfig};
//!
//! # fn main() -> Result<(), Box<dyn std::error::Error>> {
//! let mut ward = Ward::new(WardConfig::default());
//! let at = DateTime::parse_from_rfc3339("2026-03-02T09:00:00+08:00")?;
//! let platform = Context::new(Actor::System, at);
//! let micro = NodeCode::parse("510107017006001001")?;
//! let mut rows = Vec::new();
//! for (code, name) in [
//!     ("510107", "武侯区"),
//!     ("510107017", "晋阳街道"),
//!     ("510107017006", "吉福社区"),
//!     ("510107017006001", "云锦城市花园网格"),
//!     ("510107017006001001", "1栋微网格"),
//! ] {
//!     let code = NodeCode::parse(code)?;
//!     rows.push(ImportRow::Unit { code, parent: None, name: name.into(), domains: None });
//! }
//! let compound = NodeCode::parse("510107017006001")?;
//! for (i, area) in ["72.00", "88.20", "120.00"].into_iter().enumerate() {
//!     let (home, owner) = (format!("1-0{i}"), format!("o{i}"));
//!     rows.push(ImportRow::Household { id: home.clone(), unit: micro, area: area.parse()? });
//!     rows.push(ImportRow::Person {
//!         id: owner, name: format!("业主{i}"), phone: None, party_member: false, household: Some(home),
//!     });
//! }
//! for (id, role) in [("pm", Role::PropertyManager), ("oc", Role::OwnersCommitteeMember)] {
//!     rows.push(ImportRow::Person {
//!         id: id.into(), name: id.into(), phone: None, party_member: false, household: None,
//!     });
//!     rows.push(ImportRow::Role { person: id.into(), role, unit: compound });
//! }
//! ward.import(&platform, rows)?;
//! let convener = Context::new(Actor::person("oc"), at);
//! for i in 0..3 {
//!     let owner = AssemblyCommand::SetOwner { household: format!("1-0{i}"), owner: Some(format!("o{i}")) };
//!     ward.execute(&convener, owner)?;
//! }
//!
//! let open = AssemblyCommand::OpenMotion {
//!     motion: "m1".into(),
//!     unit: compound,
//!     title: "使用维修资金更换电梯".into(),
//!     subject: Subject::Matter { matter: Matter::UseMaintenanceFund },
//!     closes: at + Duration::days(7),
//! };
//! ward.execute(&convener, open)?;
//! for (owner, choice) in [("o0", Choice::Yes), ("o1", Choice::Yes), ("o2", Choice::No)] {
//!     let vote = AssemblyCommand::CastVote { motion: "m1".into(), owner: None, choice };
//!     ward.execute(&Context::new(Actor::person(owner), at + Duration::days(1)), vote)?;
//! }
//! let after = Context::new(Actor::person("oc"), at + Duration::days(8));
//! ward.execute(&after, AssemblyCommand::CloseMotion { motion: "m1".into() })?;
//!
//! // Everyone took part; yes has 2 of 3 owners but only 160.20 of 280.20 m², which is
//! // more than half of those who took part: the motion passes.
//! let tally = ward.assembly().motion("m1").and_then(|m| m.tally.clone()).ok_or("not counted")?;
//! assert_eq!(tally.outcome, Outcome::Passed);
//! assert_eq!((tally.yes_owners, tally.yes_area), (2, "160.20".parse()?));
//! # Ok(())
//! # }
//! ```

mod capability;
mod check;
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

pub(crate) use check::check_event;
pub(crate) use decide::decide;

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
#[cfg_attr(feature = "snapshot", derive(serde::Serialize, serde::Deserialize))]
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

//! Pabulib's `.pb` files (pabulib.org/format): an election with its META, PROJECTS and
//! VOTES sections, read into an [`Election`](crate::projects::Election) and written back.
//!
//! [`read`] keeps everything a file holds: META's pairs in order, the rule it declares
//! (when it is one Gridward implements), the official outcome (the PROJECTS column
//! `selected`), and every other project and vote column, so that `read(write(read(f)))`
//! equals `read(f)`.

mod csv;
mod error;
mod read;
mod write;

use serde::{Deserialize, Serialize};

pub use error::PabulibError;
pub use read::read;
pub use write::write;

use crate::projects::{Election, Rule};

/// A Pabulib file, read.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct PbFile {
    /// META's key/value pairs, in the file's order, every key included (`budget`,
    /// `vote_type`, `rule` and the limits too: [`write`] brings those in line with
    /// `election` and `rule`).
    pub meta: Vec<(String, String)>,
    /// The election: budget, ballot form (from `vote_type` and the limits), candidates
    /// and ballots.
    pub election: Election,
    /// The rule META `rule` names, when Gridward implements it (`greedy`,
    /// `greedy-no-skip`, `greedy-threshold` with `min_project_score_threshold`,
    /// `equalshares/add1`, `equalshares/add1-comparison`); none otherwise (the text stays
    /// in `meta`).
    #[serde(default)]
    pub rule: Option<Rule>,
    /// The official outcome: the projects whose `selected` column is not 0, in the
    /// candidates' order; none when the file has no such column. (Written back as 1.)
    #[serde(default)]
    pub selected: Option<Vec<String>>,
    /// Every PROJECTS column, in the file's order (`project_id`, `cost`, `name`,
    /// `category` and `selected` among them).
    pub project_columns: Vec<String>,
    /// Per candidate, its values in the PROJECTS columns other than those five, in order.
    pub project_values: Vec<Vec<String>>,
    /// Every VOTES column, in the file's order (`voter_id`, `vote` and, for cumulative
    /// ballots, `points` among them).
    pub vote_columns: Vec<String>,
    /// Per ballot, its values in the other VOTES columns, in order.
    pub vote_values: Vec<Vec<String>>,
}

/// The PROJECTS columns the election holds.
pub(crate) const PROJECT_FIELDS: [&str; 5] = ["project_id", "cost", "name", "category", "selected"];

/// Whether a VOTES column is held by the ballots, for this kind of ballot.
pub(crate) fn vote_field(column: &str, cumulative: bool) -> bool {
    column == "voter_id" || column == "vote" || (cumulative && column == "points")
}

/// The rule's name in META `rule`.
pub(crate) fn rule_name(rule: &Rule) -> &'static str {
    match rule {
        Rule::Greedy => "greedy",
        Rule::GreedyNoSkip => "greedy-no-skip",
        Rule::GreedyThreshold { .. } => "greedy-threshold",
        Rule::EqualShares => "equalshares/add1",
        Rule::EqualSharesComparison => "equalshares/add1-comparison",
    }
}

//! An election as data: a budget, the candidate projects with their costs, the form of
//! the ballots and the ballots themselves. It is what every selection rule reads, what a
//! Pabulib file holds, and what a decision of a ward's project fund becomes when it
//! closes.

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use crate::money::decimal_text;

/// How ballots are marked.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum BallotKind {
    /// Each voter approves a set of projects (Pabulib `approval`).
    Approval,
    /// Each voter spreads points over projects (Pabulib `cumulative`).
    Cumulative,
    /// Each voter picks one project (Pabulib `choose-1`).
    ChooseOne,
    /// Each voter ranks projects, best first (Pabulib `ordinal`).
    Ordinal,
}

/// The form of a decision's ballots: how they are marked and the limits a valid ballot
/// keeps. A limit that is absent does not apply.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct BallotForm {
    /// How ballots are marked.
    pub kind: BallotKind,
    /// The fewest projects a ballot names.
    #[serde(default)]
    pub min_length: Option<u32>,
    /// The most projects a ballot names.
    #[serde(default)]
    pub max_length: Option<u32>,
    /// Cumulative ballots: the most points one project may get from one voter.
    #[serde(default)]
    pub max_points_per_project: Option<u64>,
    /// Cumulative ballots: the fewest points a ballot gives in all.
    #[serde(default)]
    pub min_sum_points: Option<u64>,
    /// Cumulative ballots: the most points a ballot gives in all.
    #[serde(default)]
    pub max_sum_points: Option<u64>,
    /// Approval ballots: the most the approved projects may cost together.
    #[serde(
        default,
        serialize_with = "decimal_text::write",
        deserialize_with = "decimal_text::read"
    )]
    pub max_sum_cost: Option<Decimal>,
}

impl BallotForm {
    /// A form of this kind with no limits.
    pub fn new(kind: BallotKind) -> BallotForm {
        BallotForm {
            kind,
            min_length: None,
            max_length: None,
            max_points_per_project: None,
            min_sum_points: None,
            max_sum_points: None,
            max_sum_cost: None,
        }
    }

    /// Approval ballots naming between `min` and `max` projects.
    pub fn approval(min: Option<u32>, max: Option<u32>) -> BallotForm {
        BallotForm {
            min_length: min,
            max_length: max,
            ..BallotForm::new(BallotKind::Approval)
        }
    }

    /// Cumulative ballots: at most `per_project` points to one project and `total` in all.
    pub fn cumulative(per_project: Option<u64>, total: Option<u64>) -> BallotForm {
        BallotForm {
            max_points_per_project: per_project,
            max_sum_points: total,
            ..BallotForm::new(BallotKind::Cumulative)
        }
    }
}

/// A project on the ballot.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Candidate {
    /// The project's id.
    pub id: String,
    /// What it costs.
    #[serde(
        serialize_with = "decimal_text::write",
        deserialize_with = "decimal_text::read"
    )]
    pub cost: Decimal,
    /// Its name.
    #[serde(default)]
    pub name: String,
    /// Its category, if any.
    #[serde(default)]
    pub category: Option<String>,
}

/// One voter's ballot.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Ballot {
    /// The voter (an anonymous id in published data).
    pub voter: String,
    /// The projects named, by id; for ordinal ballots, best first.
    pub choices: Vec<String>,
    /// Cumulative ballots: the points given to each choice, in the same order; empty for
    /// every other kind.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub points: Vec<u64>,
}

/// An election: what every selection rule reads.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Election {
    /// The money to spend.
    #[serde(
        serialize_with = "decimal_text::write",
        deserialize_with = "decimal_text::read"
    )]
    pub budget: Decimal,
    /// The form of the ballots.
    pub form: BallotForm,
    /// The projects on the ballot.
    pub candidates: Vec<Candidate>,
    /// The ballots cast.
    pub ballots: Vec<Ballot>,
}

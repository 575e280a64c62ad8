//! The selection rules by name, and what a selection returns: the projects chosen, and
//! for every project its score and why it was or was not chosen.

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use crate::money::decimal_text;

/// A rule that selects projects within a budget.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, gridward_derive::TaggedDeserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(tag = "rule", rename_all = "snake_case", deny_unknown_fields)]
#[non_exhaustive]
pub enum Rule {
    /// By score, highest first; a project is added if it still fits the money left,
    /// otherwise skipped (CONSUL; Pabulib `greedy`).
    Greedy,
    /// By score, highest first, stopping at the first project that does not fit
    /// (Pabulib `greedy-no-skip`).
    GreedyNoSkip,
    /// As `greedy`, among the projects whose score is at least `min_score` (Pabulib
    /// `greedy-threshold`).
    GreedyThreshold {
        /// The lowest score a project may have and be chosen.
        #[serde(
            serialize_with = "decimal_text::write",
            deserialize_with = "decimal_text::read"
        )]
        min_score: Decimal,
    },
    /// The Method of Equal Shares with cost utilities, completed by `add1` (Pabulib
    /// `equalshares/add1`).
    EqualShares,
    /// Equal Shares with `add1`, set against `greedy`: each voter prefers the outcome
    /// that funds more of the projects they approved, and the outcome more voters
    /// prefer stands (Pabulib `equalshares/add1-comparison`).
    EqualSharesComparison,
}

/// Why a project was or was not chosen, with the figure that explains it.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum Reason {
    /// Chosen.
    Selected,
    /// Its cost was more than the money left when its turn came.
    DoesNotFit {
        /// The money left then.
        left: Decimal,
    },
    /// `greedy-no-skip` had stopped at an earlier project that did not fit.
    AfterStop {
        /// The project it stopped at.
        stopped_at: String,
    },
    /// Its score was under the threshold.
    BelowThreshold,
    /// No ballot supports it.
    NoSupport,
    /// Equal Shares: its supporters' money left was less than its cost.
    SupportersCannotPay,
    /// Equal Shares with comparison: chosen by Equal Shares, but `greedy`'s outcome
    /// stood.
    LostComparison,
}

/// Why a project was or was not chosen, as a name (the figures that go with it are
/// fields of [`ProjectResult`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum ReasonKind {
    /// Chosen.
    Selected,
    /// Its cost was more than the money left when its turn came (`left`).
    DoesNotFit,
    /// `greedy-no-skip` had stopped at an earlier project (`stopped_at`).
    AfterStop,
    /// Its score was under the threshold.
    BelowThreshold,
    /// No ballot supports it.
    NoSupport,
    /// Equal Shares: its supporters' money left was less than its cost.
    SupportersCannotPay,
    /// Equal Shares with comparison: chosen by Equal Shares, but `greedy`'s outcome
    /// stood.
    LostComparison,
}

impl Reason {
    /// The reason's name, the money left and the project a rule stopped at.
    pub fn parts(self) -> (ReasonKind, Option<Decimal>, Option<String>) {
        match self {
            Reason::Selected => (ReasonKind::Selected, None, None),
            Reason::DoesNotFit { left } => (ReasonKind::DoesNotFit, Some(left), None),
            Reason::AfterStop { stopped_at } => (ReasonKind::AfterStop, None, Some(stopped_at)),
            Reason::BelowThreshold => (ReasonKind::BelowThreshold, None, None),
            Reason::NoSupport => (ReasonKind::NoSupport, None, None),
            Reason::SupportersCannotPay => (ReasonKind::SupportersCannotPay, None, None),
            Reason::LostComparison => (ReasonKind::LostComparison, None, None),
        }
    }
}

/// One project's part in a selection.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct ProjectResult {
    /// The project's id.
    pub id: String,
    /// Its cost.
    #[serde(
        serialize_with = "decimal_text::write",
        deserialize_with = "decimal_text::read"
    )]
    pub cost: Decimal,
    /// How many ballots name it.
    pub votes: u64,
    /// Its score: votes for approval and choose-1 ballots, points for cumulative ones,
    /// Borda points for ordinal ones.
    #[serde(
        serialize_with = "decimal_text::write",
        deserialize_with = "decimal_text::read"
    )]
    pub score: Decimal,
    /// Whether it was chosen.
    pub selected: bool,
    /// When it was chosen (1 for the first), if it was.
    pub position: Option<u32>,
    /// Why it was or was not chosen.
    pub reason: ReasonKind,
    /// `does_not_fit`: the money left when its turn came.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        serialize_with = "decimal_text::write",
        deserialize_with = "decimal_text::read"
    )]
    pub left: Option<Decimal>,
    /// `after_stop`: the project `greedy-no-skip` stopped at.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub stopped_at: Option<String>,
}

impl ProjectResult {
    /// Why it was or was not chosen, with its figure.
    pub fn why(&self) -> Reason {
        match self.reason {
            ReasonKind::Selected => Reason::Selected,
            ReasonKind::DoesNotFit => Reason::DoesNotFit {
                left: self.left.unwrap_or_default(),
            },
            ReasonKind::AfterStop => Reason::AfterStop {
                stopped_at: self.stopped_at.clone().unwrap_or_default(),
            },
            ReasonKind::BelowThreshold => Reason::BelowThreshold,
            ReasonKind::NoSupport => Reason::NoSupport,
            ReasonKind::SupportersCannotPay => Reason::SupportersCannotPay,
            ReasonKind::LostComparison => Reason::LostComparison,
        }
    }
}

/// What one voter paid under Equal Shares, exactly: a fraction of currency units.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct VoterPayment {
    /// The voter.
    pub voter: String,
    /// What they paid in all, as an exact fraction ("1000/3") or a whole number.
    pub paid: String,
    /// Each chosen project they paid for, with what they paid for it.
    pub projects: Vec<(String, String)>,
}

/// How an Equal Shares outcome fared against `greedy`'s.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Comparison {
    /// The projects `greedy` chooses.
    pub greedy: Vec<String>,
    /// The projects Equal Shares chooses.
    pub equal_shares: Vec<String>,
    /// Voters with more of their projects funded by Equal Shares.
    pub prefer_equal_shares: u64,
    /// Voters with more of their projects funded by `greedy`.
    pub prefer_greedy: u64,
    /// Whether Equal Shares' outcome stood.
    pub equal_shares_stands: bool,
}

/// A selection: the projects chosen within the budget, and how.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Selection {
    /// The rule.
    pub rule: Rule,
    /// The budget.
    #[serde(
        serialize_with = "decimal_text::write",
        deserialize_with = "decimal_text::read"
    )]
    pub budget: Decimal,
    /// The chosen projects, in the order they were chosen.
    pub selected: Vec<String>,
    /// What the chosen projects cost together.
    #[serde(
        serialize_with = "decimal_text::write",
        deserialize_with = "decimal_text::read"
    )]
    pub cost: Decimal,
    /// Every project, in the order the rule considered them.
    pub projects: Vec<ProjectResult>,
    /// Equal Shares: the per-voter budget `add1` ended at, in whole currency units.
    #[serde(
        default,
        serialize_with = "decimal_text::write",
        deserialize_with = "decimal_text::read"
    )]
    pub voter_budget: Option<Decimal>,
    /// Equal Shares: what each voter paid (empty for the greedy rules).
    #[serde(default)]
    pub payments: Vec<VoterPayment>,
    /// Equal Shares with comparison: how the two outcomes fared.
    #[serde(default)]
    pub comparison: Option<Comparison>,
}

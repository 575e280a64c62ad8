//! The projects capability's section of the ward's configuration: how ballots are kept
//! apart from voters, and the rule that accepts a delivery.

use serde::{Deserialize, Serialize};

/// The share of verdicts that must accept a delivery.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum AcceptShare {
    /// More than half of the verdicts.
    Majority,
    /// At least two thirds of the verdicts.
    TwoThirds,
    /// Every verdict.
    All,
}

impl AcceptShare {
    /// Whether `accepts` of `verdicts` reach the share, in whole numbers.
    pub fn reached(self, accepts: u64, verdicts: u64) -> bool {
        match self {
            AcceptShare::Majority => 2 * accepts > verdicts,
            AcceptShare::TwoThirds => 3 * accepts >= 2 * verdicts,
            AcceptShare::All => accepts == verdicts,
        }
    }
}

/// The rule that decides whether a delivery is accepted (验收).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(default, deny_unknown_fields)]
#[non_exhaustive]
pub struct AcceptanceRule {
    /// The fewest verdicts that decide (3).
    pub min_verdicts: u32,
    /// Whether every named evaluator must have given a verdict (yes).
    pub all_must_evaluate: bool,
    /// The share of verdicts that must accept (two thirds).
    pub accept_share: AcceptShare,
    /// The lowest mean score, 0 to 100, of an accepted delivery (60).
    pub min_mean_score: u8,
}

impl Default for AcceptanceRule {
    fn default() -> Self {
        AcceptanceRule {
            min_verdicts: 3,
            all_must_evaluate: true,
            accept_share: AcceptShare::TwoThirds,
            min_mean_score: 60,
        }
    }
}

/// The projects capability's configuration.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(default, deny_unknown_fields)]
#[non_exhaustive]
pub struct ProjectsConfig {
    /// A secret mixed into every ballot's token, so that the journal shows which ballot
    /// a voter replaced but not who the voter is. Empty by default: then anyone who
    /// guesses a person's id can recompute their token, so a platform that publishes its
    /// journal sets one (and keeps it to replay).
    pub ballot_secret: String,
    /// The rule that accepts a delivery.
    pub acceptance: AcceptanceRule,
}

impl ProjectsConfig {
    /// The configuration with this ballot secret.
    pub fn with_ballot_secret(mut self, secret: impl Into<String>) -> Self {
        self.ballot_secret = secret.into();
        self
    }

    /// The configuration with this acceptance rule.
    pub fn with_acceptance(mut self, acceptance: AcceptanceRule) -> Self {
        self.acceptance = acceptance;
        self
    }
}

//! Pure functions on every face: checks of published journals, and the rules that need
//! no ward (splits, vote counts, star levels, ratings …).

use serde::{Deserialize, Serialize};

use crate::error::Error;
use crate::journal::{Hash, Journal, VerifyReport};
use crate::queries::typed::Function;

crate::function_set! {
    pub static FUNCTIONS {
        "verify_journal" => VerifyJournal,
        "split" => super::money::Split,
        "apply_rate" => super::money::ApplyRate,
        "deadline" => super::calendar::Deadline,
        "tally" => super::assembly::Tally,
        "verify_statement" => super::fund::VerifyStatement,
        "verify_projects_statement" => super::projects::VerifyProjectsStatement,
        "star_level" => super::scoring_rules::StarLevel,
        "satisfaction_rate" => super::scoring_rules::SatisfactionRate,
        "evaluate_communities" => super::rating::EvaluateCommunities,
        "check_rating_tree" => super::rating::CheckRatingTree,
        "rating_losses" => super::rating::RatingLosses,
        "rating_items" => super::rating::RatingItems,
        "read_pabulib" => super::elections::ReadPabulib,
        "write_pabulib" => super::elections::WritePabulib,
        "select_projects" => super::elections::SelectProjects,
        "merge_indicator_counts" => super::tasks_counts::MergeIndicatorCounts,
        "indicators_from_counts" => super::tasks_counts::IndicatorsFromCounts,
        "simulate_district" => crate::sim::DistrictRun,
    }
}

/// Verifies a journal exported as JSON lines: every entry's hash and its link to the one
/// before, and, when a published head is given, that the journal ends there.
#[derive(Clone, Debug, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct VerifyJournal {
    /// The journal's text, one entry per line.
    pub text: String,
    /// The head published with it.
    #[serde(default)]
    pub expected_head: Option<Hash>,
}

/// A journal's verification, and whether it ends at the published head.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct JournalCheck {
    /// What verification found.
    #[serde(flatten)]
    pub report: VerifyReport,
    /// Whether the chain is intact and ends at the expected head (none when no head was
    /// given).
    pub head_matches: Option<bool>,
}

impl Function for VerifyJournal {
    type Answer = JournalCheck;

    fn call(self) -> Result<Self::Answer, Error> {
        let report = Journal::verify_jsonl(&self.text);
        let head_matches = self
            .expected_head
            .map(|e| report.intact && report.head == e);
        Ok(JournalCheck {
            report,
            head_matches,
        })
    }
}

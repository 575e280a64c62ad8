//! Events of the projects capability.

use std::collections::BTreeMap;

use chrono::{DateTime, FixedOffset};
use rust_decimal::Decimal;
use serde::Serialize;

use super::election::BallotForm;
use super::model::{Evaluation, EvaluatorCapacity, FundSource, Voters};
use super::selection::{Rule, Selection};
use crate::grid::NodeCode;
use crate::money::decimal_text;
use crate::money::Amount;

/// Something that happened to a project fund.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, gridward_derive::TaggedDeserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(tag = "type", rename_all = "snake_case")]
#[non_exhaustive]
pub enum ProjectsEvent {
    /// A fund was opened and its amount paid in.
    FundOpened {
        /// The fund.
        fund: String,
        /// The community.
        community: NodeCode,
        /// The year.
        year: i32,
        /// The source.
        source: FundSource,
        /// The amount.
        amount: Amount,
    },
    /// A community's council was named.
    CouncilSet {
        /// The community.
        community: NodeCode,
        /// The members.
        members: Vec<String>,
    },
    /// A project was proposed.
    Proposed {
        /// The proposal.
        proposal: String,
        /// The fund.
        fund: String,
        /// Who proposed it (none for an imported election).
        proposer: Option<String>,
        /// The title.
        title: String,
        /// The description.
        description: String,
        /// The category.
        category: String,
        /// The estimate.
        estimate: Amount,
        /// The unit it serves.
        unit: Option<NodeCode>,
    },
    /// A resident supported a proposal.
    Supported {
        /// The proposal.
        proposal: String,
        /// The resident.
        person: String,
    },
    /// Proposals were merged into one.
    ProposalsMerged {
        /// The one that stays.
        into: String,
        /// The ones merged.
        from: Vec<String>,
    },
    /// A proposal was declined.
    ProposalDeclined {
        /// The proposal.
        proposal: String,
        /// Why.
        reason: String,
    },
    /// A proposal was admitted to the ballot.
    ProposalAdmitted {
        /// The proposal.
        proposal: String,
        /// The checked cost.
        cost: Amount,
    },
    /// The shortlist was published.
    ShortlistPublished {
        /// The fund.
        fund: String,
        /// The admitted proposals, in ballot order.
        candidates: Vec<String>,
    },
    /// The decision opened.
    DecisionOpened {
        /// The fund.
        fund: String,
        /// The ballots' form.
        form: BallotForm,
        /// Who votes.
        voters: Voters,
        /// The rule.
        rule: Rule,
        /// When voting ends.
        closes: DateTime<FixedOffset>,
    },
    /// A ballot was cast, or replaced the one with the same token.
    BallotCast {
        /// The fund.
        fund: String,
        /// The ballot's token: the same for every ballot of one voter in one decision,
        /// and not the voter's id.
        ballot: String,
        /// The projects named.
        choices: Vec<String>,
        /// Cumulative ballots: the points.
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        points: Vec<u64>,
    },
    /// The decision closed with its selection, and the project list was published.
    DecisionClosed {
        /// The fund.
        fund: String,
        /// The selection.
        selection: Selection,
    },
    /// An organisation was registered.
    OrganisationRegistered {
        /// The organisation.
        organisation: String,
        /// Its name.
        name: String,
        /// Its contact.
        contact: String,
    },
    /// An organisation applied to deliver a project.
    Applied {
        /// The project.
        project: String,
        /// The organisation.
        organisation: String,
        /// The price asked.
        quote: Amount,
        /// The plan.
        plan: String,
    },
    /// The deliverer was chosen and the contracted amount committed.
    DelivererChosen {
        /// The project.
        project: String,
        /// The organisation.
        organisation: String,
        /// The contracted amount.
        contracted: Amount,
    },
    /// The evaluators were named.
    EvaluatorsNamed {
        /// The project.
        project: String,
        /// The evaluators.
        evaluators: BTreeMap<String, EvaluatorCapacity>,
    },
    /// A tranche was paid from the fund's bank account.
    TranchePaid {
        /// The project.
        project: String,
        /// The payment's id.
        payment: String,
        /// The amount.
        amount: Amount,
        /// The voucher.
        voucher: String,
        /// Whether it was the final one.
        final_tranche: bool,
        /// On the final tranche, what returned to the fund uncommitted.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        returned: Option<Amount>,
    },
    /// The delivery was reported done.
    DeliverySubmitted {
        /// The project.
        project: String,
    },
    /// An evaluator gave a verdict.
    Evaluated {
        /// The project.
        project: String,
        /// The verdict.
        evaluation: Evaluation,
    },
    /// The acceptance rule decided.
    AcceptanceDecided {
        /// The project.
        project: String,
        /// Whether it was accepted; if not, it goes back to delivery.
        accepted: bool,
        /// Verdicts that accepted.
        accepts: u32,
        /// Verdicts given.
        verdicts: u32,
        /// The mean score, to two decimals.
        #[serde(
            serialize_with = "decimal_text::write",
            deserialize_with = "decimal_text::read"
        )]
        mean_score: Decimal,
    },
}

impl ProjectsEvent {
    /// Whether the event is a secret ballot, whose journal entry must not name the
    /// voter.
    pub fn is_secret(&self) -> bool {
        matches!(self, ProjectsEvent::BallotCast { .. })
    }
}

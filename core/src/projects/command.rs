//! Commands to the projects capability.

use std::collections::BTreeMap;

use chrono::{DateTime, FixedOffset};
use serde::Serialize;

use super::election::{BallotForm, Election};
use super::model::{EvaluatorCapacity, FundSource, Verdict, Voters};
use super::selection::Rule;
use crate::grid::NodeCode;
use crate::money::Amount;

/// A command to the projects capability.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, gridward_derive::TaggedDeserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(tag = "type", rename_all = "snake_case", deny_unknown_fields)]
#[non_exhaustive]
pub enum ProjectsCommand {
    /// Opens a community's project fund for a year (community staff): one per
    /// community, year and source. The amount is paid into the fund's bank account.
    OpenFund {
        /// The fund's id.
        fund: String,
        /// The community's unit.
        community: NodeCode,
        /// The year.
        year: i32,
        /// Where the money comes from.
        source: FundSource,
        /// The amount allocated.
        amount: Amount,
    },
    /// Names the members of a community's residents' council (议事会), replacing the
    /// list before.
    SetCouncil {
        /// The community's unit.
        community: NodeCode,
        /// The members, by person id.
        members: Vec<String>,
    },
    /// A registered resident of the fund's community proposes a project.
    Propose {
        /// The proposal's id.
        proposal: String,
        /// The fund.
        fund: String,
        /// Its title.
        title: String,
        /// What it is.
        description: String,
        /// Its category (环境, 文化, 安全 …).
        category: String,
        /// The proposer's estimate of its cost.
        estimate: Amount,
        /// The unit of the grid it serves, if one.
        #[serde(default)]
        unit: Option<NodeCode>,
    },
    /// A registered resident of the community supports a proposal.
    Support {
        /// The proposal.
        proposal: String,
    },
    /// Staff merge duplicate proposals into one; their supporters carry over.
    MergeProposals {
        /// The proposal that stays.
        into: String,
        /// The proposals merged into it.
        from: Vec<String>,
    },
    /// Staff decline a proposal, with the reason.
    DeclineProposal {
        /// The proposal.
        proposal: String,
        /// Why.
        reason: String,
    },
    /// Staff admit a proposal to the ballot at the cost they checked.
    AdmitProposal {
        /// The proposal.
        proposal: String,
        /// The checked cost.
        cost: Amount,
    },
    /// Publishes the shortlist: the admitted proposals. No proposal is taken after it.
    PublishShortlist {
        /// The fund.
        fund: String,
    },
    /// Opens the decision on the shortlist: the ballots' form, who votes, the rule that
    /// selects, and when voting ends. The roll is fixed when it opens.
    OpenDecision {
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
    /// A voter's ballot; a later ballot replaces theirs until the decision closes.
    CastBallot {
        /// The fund.
        fund: String,
        /// The projects named; for ordinal ballots, best first.
        choices: Vec<String>,
        /// Cumulative ballots: the points for each choice, in the same order.
        #[serde(default)]
        points: Vec<u64>,
    },
    /// Closes the decision after voting ends: the rule selects, and the project list is
    /// published.
    CloseDecision {
        /// The fund.
        fund: String,
    },
    /// Imports an election (read from a Pabulib file, say) as the fund's decision, in
    /// one entry: its projects admitted at their costs, the shortlist published, its
    /// ballots under their anonymous ids, and the decision closed under `rule`. The fund
    /// must have no proposals, and its amount is the budget.
    ImportElection {
        /// The fund.
        fund: String,
        /// The election.
        election: Election,
        /// The rule that selects.
        rule: Rule,
    },
    /// Registers a social organisation (社会组织) that may deliver projects, with the
    /// person who acts for it.
    RegisterOrganisation {
        /// Its id.
        organisation: String,
        /// Its name.
        name: String,
        /// The person who acts for it.
        contact: String,
    },
    /// An organisation applies to deliver a selected project (承接), at a price no
    /// higher than the project's cost.
    ApplyToDeliver {
        /// The project.
        project: String,
        /// The organisation.
        organisation: String,
        /// The price it asks.
        quote: Amount,
        /// How it would deliver.
        plan: String,
    },
    /// Staff choose the organisation that delivers, at its quote; the fund commits that
    /// much.
    ChooseDeliverer {
        /// The project.
        project: String,
        /// The organisation.
        organisation: String,
    },
    /// Staff name the project's evaluators, with what each serves as.
    NameEvaluators {
        /// The project.
        project: String,
        /// The evaluators by person id.
        evaluators: BTreeMap<String, EvaluatorCapacity>,
    },
    /// Staff pay a tranche to the deliverer, with its voucher. A tranche before the
    /// final one leaves part of the contract for it; the final one is paid after
    /// acceptance and what it leaves unpaid returns to the fund.
    PayTranche {
        /// The project.
        project: String,
        /// The payment's id: the same id with the same content does nothing.
        payment: String,
        /// The amount.
        amount: Amount,
        /// The voucher's reference.
        voucher: String,
        /// Whether it is the final tranche.
        #[serde(default)]
        final_tranche: bool,
    },
    /// The deliverer (or staff) reports the work done; the evaluators' round begins.
    SubmitDelivery {
        /// The project.
        project: String,
    },
    /// A named evaluator gives their verdict and score; a second one replaces theirs.
    Evaluate {
        /// The project.
        project: String,
        /// The verdict.
        verdict: Verdict,
        /// The score, 0 to 100.
        score: u8,
        /// A comment.
        #[serde(default)]
        comment: String,
    },
    /// Staff apply the acceptance rule to the verdicts: accepted, or back to delivery to
    /// be redone.
    DecideAcceptance {
        /// The project.
        project: String,
    },
}

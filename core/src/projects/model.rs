//! What the projects capability holds: funds with their ledgers, proposals, the
//! decision on each fund's shortlist, and the projects it chose on their way through
//! delivery and acceptance.

use std::collections::{BTreeMap, BTreeSet};

use chrono::{DateTime, FixedOffset, NaiveDate};
use serde::{Deserialize, Serialize};

use super::election::BallotForm;
use super::selection::{Rule, Selection};
use crate::fund::ledger::Ledger;
use crate::grid::NodeCode;
use crate::money::Amount;

/// Where a community's project money comes from (Chengdu's two community funds).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum FundSource {
    /// 城乡社区发展治理专项保障资金: the guarantee fund.
    Guarantee,
    /// 专项激励资金: the incentive fund.
    Incentive,
}

/// Who votes on a fund's shortlist.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Voters {
    /// The community's residents' council (议事会), its named members.
    Council,
    /// Every registered resident of the community.
    Residents,
    /// The ballots of an imported election (a Pabulib file): nobody of the ward votes.
    Imported,
}

/// Where a fund stands in its year's cycle.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum FundStage {
    /// Residents propose; staff sort the proposals.
    Proposing,
    /// The shortlist is published; no more proposals.
    Shortlisted,
    /// The decision is open for ballots.
    Voting,
    /// The decision closed and its project list is published.
    Decided,
}

/// A community's project fund for a year.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "snapshot", derive(serde::Deserialize))]
pub struct ProjectFund {
    /// Its id.
    pub id: String,
    /// The community's unit.
    pub community: NodeCode,
    /// The year.
    pub year: i32,
    /// The source.
    pub source: FundSource,
    /// The amount allocated.
    pub amount: Amount,
    /// When it was opened.
    pub opened: NaiveDate,
    /// Its stage.
    pub stage: FundStage,
    /// Its double-entry books.
    #[serde(skip)]
    pub ledger: Ledger,
    /// The published shortlist, in ballot order.
    pub shortlist: Vec<String>,
    /// Its decision, once opened.
    pub decision: Option<Decision>,
}

/// Where a proposal stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum ProposalStatus {
    /// Waiting to be sorted.
    Proposed,
    /// Merged into another proposal (`into`), which carries its supports.
    Merged,
    /// Declined, for the `reason` given.
    Declined,
    /// On the ballot at a checked cost.
    Admitted,
}

impl ProposalStatus {
    /// The snake_case name.
    pub fn as_str(self) -> &'static str {
        match self {
            ProposalStatus::Proposed => "proposed",
            ProposalStatus::Merged => "merged",
            ProposalStatus::Declined => "declined",
            ProposalStatus::Admitted => "admitted",
        }
    }
}

/// A resident's proposal.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Proposal {
    /// Its id.
    pub id: String,
    /// The fund it asks money of.
    pub fund: String,
    /// Who proposed it (a person's id; imported elections have none).
    pub proposer: Option<String>,
    /// Its title.
    pub title: String,
    /// What it is.
    pub description: String,
    /// Its category.
    pub category: String,
    /// The proposer's estimate.
    pub estimate: Amount,
    /// The cost checked by staff when admitted.
    pub cost: Option<Amount>,
    /// The unit of the grid it serves, if one.
    pub unit: Option<NodeCode>,
    /// Who supports it (its own supporters and those of proposals merged into it).
    pub supporters: BTreeSet<String>,
    /// Where it stands.
    pub status: ProposalStatus,
    /// The proposal it was merged into, if merged.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub into: Option<String>,
    /// Why it was declined, if declined.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
}

/// A fund's decision on its shortlist.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "snapshot", derive(serde::Deserialize))]
pub struct Decision {
    /// The ballots' form.
    pub form: BallotForm,
    /// Who votes.
    pub voters: Voters,
    /// The rule that selects.
    pub rule: Rule,
    /// When it opened.
    pub opened: DateTime<FixedOffset>,
    /// When voting ends.
    pub closes: DateTime<FixedOffset>,
    /// The shortlist, in the order it was published.
    pub candidates: Vec<String>,
    /// The roll: each voter's ballot token, by token, with the person (none for imported
    /// ballots). Held in memory, never published.
    pub roll: BTreeMap<String, Option<String>>,
    /// The ballots, by token: the choices and, for cumulative ballots, the points.
    pub ballots: BTreeMap<String, (Vec<String>, Vec<u64>)>,
    /// The selection, once closed.
    pub selection: Option<Selection>,
}

/// Where a selected project stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum ProjectStage {
    /// Chosen; social organisations may apply to deliver it.
    Selected,
    /// Contracted to an organisation and being delivered.
    Delivering,
    /// Delivered and awaiting the evaluators' verdicts.
    Submitted,
    /// Accepted; the final tranche may be paid.
    Accepted,
    /// Paid in full and closed; what was not spent returned to the fund.
    Completed,
}

/// An organisation's application to deliver a project.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Application {
    /// The organisation.
    pub organisation: String,
    /// The price it asks.
    pub quote: Amount,
    /// How it would deliver.
    pub plan: String,
}

/// What an evaluator serves as.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum EvaluatorCapacity {
    /// 居务监督委员会: a member of the supervision committee.
    SupervisionCommittee,
    /// 议事会: a member of the residents' council.
    CouncilMember,
    /// 居民代表: a resident representative.
    ResidentRepresentative,
    /// 街道干部: a street cadre.
    StreetCadre,
}

/// An evaluator's verdict on a delivery.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Verdict {
    /// The work is done as contracted.
    Accept,
    /// The work must be redone.
    Reject,
}

/// One evaluator's verdict and score.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "schema", schemars(rename = "ProjectEvaluation"))]
pub struct Evaluation {
    /// The evaluator.
    pub evaluator: String,
    /// Their verdict.
    pub verdict: Verdict,
    /// Their score, 0 to 100.
    pub score: u8,
    /// Their comment.
    pub comment: String,
}

/// A tranche paid to the deliverer.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Tranche {
    /// The payment's id (its idempotency key).
    pub payment: String,
    /// When.
    pub date: NaiveDate,
    /// How much.
    pub amount: Amount,
    /// The voucher's reference.
    pub voucher: String,
    /// Whether it was the final one.
    pub final_tranche: bool,
}

/// A selected project on its way through delivery and acceptance.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Project {
    /// Its id (the proposal's).
    pub id: String,
    /// Its fund.
    pub fund: String,
    /// Its stage.
    pub stage: ProjectStage,
    /// Applications to deliver it, by organisation.
    pub applications: Vec<Application>,
    /// The organisation chosen to deliver it.
    pub deliverer: Option<String>,
    /// The contracted amount.
    pub contracted: Option<Amount>,
    /// The tranches paid.
    pub tranches: Vec<Tranche>,
    /// The named evaluators with what they serve as.
    pub evaluators: BTreeMap<String, EvaluatorCapacity>,
    /// The verdicts of the current round, by evaluator.
    pub evaluations: BTreeMap<String, Evaluation>,
    /// How many deliveries were rejected and redone.
    pub rejections: u32,
    /// What returned to the fund when it was completed.
    pub returned: Option<Amount>,
}

impl Project {
    /// What was paid so far.
    pub fn paid(&self) -> Amount {
        self.tranches.iter().map(|t| t.amount).sum()
    }
}

/// A social organisation that delivers projects (社会组织).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Organisation {
    /// Its id.
    pub id: String,
    /// Its name (public).
    pub name: String,
    /// The person who acts for it.
    pub contact: String,
}

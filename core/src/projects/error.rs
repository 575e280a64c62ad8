//! Errors of the projects capability.

use crate::error::kind::error_codes;
use crate::fund::ledger::LedgerError;
use crate::money::{Amount, MoneyError};
use crate::text::TextError;

/// Why a projects command or event was refused.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum ProjectsError {
    /// No project fund has this id.
    #[error("no project fund with id {0:?}")]
    UnknownFund(String),
    /// A project fund with this id exists already.
    #[error("a project fund with id {0:?} exists already")]
    FundExists(String),
    /// The community has a fund of this source for the year already.
    #[error("community {community} has a {source_name} fund for {year} already: {fund:?}")]
    FundForYear {
        /// The community.
        community: String,
        /// The year.
        year: i32,
        /// The source.
        source_name: &'static str,
        /// The fund that has it.
        fund: String,
    },
    /// The fund is not at the stage the command needs.
    #[error("fund {fund:?} is {stage}; this needs it {needed}")]
    FundStage {
        /// The fund.
        fund: String,
        /// Its stage.
        stage: &'static str,
        /// The stage needed.
        needed: &'static str,
    },
    /// No proposal has this id.
    #[error("no proposal with id {0:?}")]
    UnknownProposal(String),
    /// A proposal with this id exists already.
    #[error("a proposal with id {0:?} exists already")]
    ProposalExists(String),
    /// The proposal has been sorted already (merged, declined or admitted).
    #[error("proposal {proposal:?} is {status} already")]
    ProposalSorted {
        /// The proposal.
        proposal: String,
        /// Its status.
        status: &'static str,
    },
    /// A proposal cannot be merged into itself, or into one of another fund.
    #[error("proposal {from:?} cannot be merged into {into:?}: {why}")]
    BadMerge {
        /// The proposal merged.
        from: String,
        /// The one it would go into.
        into: String,
        /// Why not.
        why: &'static str,
    },
    /// The person is not a registered resident of the fund's community.
    #[error("{person:?} is not a registered resident of community {community}")]
    NotAResident {
        /// The person.
        person: String,
        /// The community.
        community: String,
    },
    /// The person supports the proposal already.
    #[error("{person:?} supports proposal {proposal:?} already")]
    SupportedAlready {
        /// The proposal.
        proposal: String,
        /// The person.
        person: String,
    },
    /// The person may not vote in this decision.
    #[error("{person:?} is not on the roll of fund {fund:?}'s decision")]
    NotAVoter {
        /// The fund.
        fund: String,
        /// The person.
        person: String,
    },
    /// The community has no residents' council, or the person is not on it.
    #[error("{person:?} is not registered in the ward (council of {community})")]
    UnknownCouncillor {
        /// The community.
        community: String,
        /// The person.
        person: String,
    },
    /// The decision's voting time is over.
    #[error("voting on fund {fund:?} ended at {closes}")]
    VotingEnded {
        /// The fund.
        fund: String,
        /// When it ended.
        closes: String,
    },
    /// The decision may be closed only when its voting time is over.
    #[error("fund {fund:?} is open for ballots until {closes}")]
    VotingOpen {
        /// The fund.
        fund: String,
        /// When it closes.
        closes: String,
    },
    /// The closing time is not after the opening.
    #[error("the decision of fund {0:?} must close after it opens")]
    BadClosing(String),
    /// The decision has nobody on its roll.
    #[error("the decision of fund {0:?} has nobody to vote")]
    EmptyRoll(String),
    /// The shortlist is empty.
    #[error("fund {0:?} has no admitted proposal to put on the ballot")]
    EmptyShortlist(String),
    /// No selected project has this id.
    #[error("no selected project with id {0:?}")]
    UnknownProject(String),
    /// The project is not at the stage the command needs.
    #[error("project {project:?} is {stage}; this needs it {needed}")]
    ProjectStage {
        /// The project.
        project: String,
        /// Its stage.
        stage: &'static str,
        /// The stage needed.
        needed: &'static str,
    },
    /// No organisation has this id.
    #[error("no organisation with id {0:?}")]
    UnknownOrganisation(String),
    /// An organisation with this id exists already.
    #[error("an organisation with id {0:?} exists already")]
    OrganisationExists(String),
    /// The organisation has applied for the project already, or has not applied.
    #[error("organisation {organisation:?} {why} to deliver project {project:?}")]
    Application {
        /// The project.
        project: String,
        /// The organisation.
        organisation: String,
        /// What is wrong.
        why: &'static str,
    },
    /// The acting person does not act for the organisation.
    #[error("{person:?} does not act for organisation {organisation:?}")]
    NotTheContact {
        /// The organisation.
        organisation: String,
        /// The person.
        person: String,
    },
    /// A payment would exceed what the project was contracted for.
    #[error("project {project:?}: paying {amount} would exceed the contract of {contracted} ({paid} paid)")]
    OverContract {
        /// The project.
        project: String,
        /// The payment.
        amount: Amount,
        /// The contract.
        contracted: Amount,
        /// Paid so far.
        paid: Amount,
    },
    /// Money asked of the fund exceeds what it has uncommitted.
    #[error("fund {fund:?} has {available} uncommitted; {amount} was asked")]
    OverFund {
        /// The fund.
        fund: String,
        /// What was asked.
        amount: Amount,
        /// What it has uncommitted.
        available: Amount,
    },
    /// The final tranche waits for acceptance; a tranche before it must leave some of
    /// the contract for it.
    #[error("project {project:?}: {why}")]
    Tranche {
        /// The project.
        project: String,
        /// What is wrong.
        why: &'static str,
    },
    /// A payment id was used before for another payment.
    #[error("payment id {0:?} was used for another payment")]
    PaymentConflict(String),
    /// The person is not a named evaluator of the project.
    #[error("{person:?} is not an evaluator of project {project:?}")]
    NotAnEvaluator {
        /// The project.
        project: String,
        /// The person.
        person: String,
    },
    /// The verdicts cannot decide yet.
    #[error("project {project:?} has {verdicts} verdicts of {named} named evaluators; {needed}")]
    VerdictsMissing {
        /// The project.
        project: String,
        /// Verdicts given.
        verdicts: u32,
        /// Evaluators named.
        named: u32,
        /// What the rule needs.
        needed: &'static str,
    },
    /// A score is above 100.
    #[error("score {0} is above 100")]
    BadScore(u8),
    /// An amount that must be positive is not.
    #[error("{field} must be positive, not {value}")]
    NotPositive {
        /// The field.
        field: &'static str,
        /// The value.
        value: Amount,
    },
    /// A year out of range.
    #[error("year {0} is out of range (2000 to 2200)")]
    BadYear(i32),
    /// A text breaks its rule.
    #[error(transparent)]
    Text(#[from] TextError),
    /// The fund's books refused a transaction.
    #[error(transparent)]
    Ledger(#[from] LedgerError),
    /// An amount overflowed.
    #[error(transparent)]
    Money(#[from] MoneyError),
}

error_codes! {
    ProjectsError {
        UnknownFund(..) => ("unknown_project_fund", NotFound),
        FundExists(..) => ("project_fund_exists", Conflict),
        FundForYear { .. } => ("project_fund_for_year", Conflict),
        FundStage { .. } => ("project_fund_stage", Conflict),
        UnknownProposal(..) => ("unknown_proposal", NotFound),
        ProposalExists(..) => ("proposal_exists", Conflict),
        ProposalSorted { .. } => ("proposal_sorted", Conflict),
        BadMerge { .. } => ("bad_merge", Invalid),
        NotAResident { .. } => ("not_a_resident", PermissionDenied),
        SupportedAlready { .. } => ("supported_already", Conflict),
        NotAVoter { .. } => ("not_a_voter", PermissionDenied),
        UnknownCouncillor { .. } => ("unknown_councillor", NotFound),
        VotingEnded { .. } => ("ballots_closed", Conflict),
        VotingOpen { .. } => ("ballots_open", Conflict),
        BadClosing(..) => ("bad_decision_closing", Invalid),
        EmptyRoll(..) => ("empty_roll", Invalid),
        EmptyShortlist(..) => ("empty_shortlist", Invalid),
        UnknownProject(..) => ("unknown_project", NotFound),
        ProjectStage { .. } => ("project_stage", Conflict),
        UnknownOrganisation(..) => ("unknown_organisation", NotFound),
        OrganisationExists(..) => ("organisation_exists", Conflict),
        Application { .. } => ("bad_application", Conflict),
        NotTheContact { .. } => ("not_the_contact", PermissionDenied),
        OverContract { .. } => ("over_contract", Conflict),
        OverFund { .. } => ("over_fund", Conflict),
        Tranche { .. } => ("bad_tranche", Conflict),
        PaymentConflict(..) => ("project_payment_conflict", Conflict),
        NotAnEvaluator { .. } => ("not_an_evaluator", PermissionDenied),
        VerdictsMissing { .. } => ("verdicts_missing", Conflict),
        BadScore(..) => ("bad_score", Invalid),
        NotPositive { .. } => ("not_positive", Invalid),
        BadYear(..) => ("bad_year", Invalid),
        Text(inner) => delegate TextError,
        Ledger(inner) => delegate LedgerError,
        Money(inner) => delegate MoneyError,
    }
}

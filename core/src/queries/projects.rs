//! The projects capability's queries: funds with their decisions, proposals, selected
//! projects, the report and the public statement, the fund's books, and a what-if of any
//! rule on a decision's ballots; and the pure check of a published statement.

use serde::Deserialize;

use crate::error::Error;
use crate::fund::ledger::BalanceRow;
use crate::fund::StatementCheck;
use crate::grid::NodeCode;
use crate::projects::{
    FundView, Organisation, Project, ProjectsError, ProjectsReport, ProjectsStatement, Proposal,
    Rule, Selection,
};
use crate::queries::typed::{Function, Query};
use crate::ward::{Ward, WardConfig};

crate::query_set! {
    pub static PROJECTS_QUERIES for "projects" {
        "fund" => ProjectFundOf,
        "funds" => ProjectFunds,
        "proposals" => ProposalsOf,
        "proposal" => ProposalOf,
        "projects" => ProjectsOf,
        "project" => ProjectOf,
        "report" => ReportOf,
        "statement" => ProjectsStatementOf,
        "balances" => ProjectBalances,
        "what_if" => WhatIf,
        "council" => CouncilOf,
        "organisations" => Organisations,
    }
}

/// A project fund with its figures and decision, or none.
#[derive(Clone, Debug, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct ProjectFundOf {
    /// The fund's id.
    pub id: String,
}

impl Query for ProjectFundOf {
    type Answer = Option<FundView>;

    fn ask(self, ward: &Ward) -> Result<Self::Answer, Error> {
        let projects = ward.projects();
        Ok(projects.fund(&self.id).map(|f| projects.view(f)))
    }
}

/// Every project fund with its figures, by id.
#[derive(Clone, Debug, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct ProjectFunds {}

impl Query for ProjectFunds {
    type Answer = Vec<FundView>;

    fn ask(self, ward: &Ward) -> Result<Self::Answer, Error> {
        let projects = ward.projects();
        Ok(projects.funds().map(|f| projects.view(f)).collect())
    }
}

/// A fund's proposals, by id.
#[derive(Clone, Debug, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct ProposalsOf {
    /// The fund.
    pub fund: String,
}

impl Query for ProposalsOf {
    type Answer = Vec<Proposal>;

    fn ask(self, ward: &Ward) -> Result<Self::Answer, Error> {
        let projects = ward.projects();
        projects.get_fund(&self.fund)?;
        Ok(projects.proposals_of(&self.fund).cloned().collect())
    }
}

/// A proposal, or none.
#[derive(Clone, Debug, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct ProposalOf {
    /// The proposal's id.
    pub id: String,
}

impl Query for ProposalOf {
    type Answer = Option<Proposal>;

    fn ask(self, ward: &Ward) -> Result<Self::Answer, Error> {
        Ok(ward.projects().proposal(&self.id).cloned())
    }
}

/// A fund's selected projects with their delivery, by id.
#[derive(Clone, Debug, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct ProjectsOf {
    /// The fund.
    pub fund: String,
}

impl Query for ProjectsOf {
    type Answer = Vec<Project>;

    fn ask(self, ward: &Ward) -> Result<Self::Answer, Error> {
        let projects = ward.projects();
        projects.get_fund(&self.fund)?;
        Ok(projects.projects_of(&self.fund).cloned().collect())
    }
}

/// A selected project with its delivery, or none.
#[derive(Clone, Debug, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct ProjectOf {
    /// The project's id.
    pub id: String,
}

impl Query for ProjectOf {
    type Answer = Option<Project>;

    fn ask(self, ward: &Ward) -> Result<Self::Answer, Error> {
        Ok(ward.projects().project(&self.id).cloned())
    }
}

/// A fund's report: participation, money allocated and spent, categories, and the
/// voters with a project they named selected.
#[derive(Clone, Debug, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct ReportOf {
    /// The fund.
    pub fund: String,
}

impl Query for ReportOf {
    type Answer = ProjectsReport;

    fn ask(self, ward: &Ward) -> Result<Self::Answer, Error> {
        Ok(ward.projects().report(&self.fund)?)
    }
}

/// A fund's public statement (公示), masked, stamped with the journal's head and length.
#[derive(Clone, Debug, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct ProjectsStatementOf {
    /// The fund.
    pub fund: String,
}

impl Query for ProjectsStatementOf {
    type Answer = ProjectsStatement;

    fn ask(self, ward: &Ward) -> Result<Self::Answer, Error> {
        ward.projects_statement(&self.fund)
    }
}

/// Every account of a fund's books with its balance.
#[derive(Clone, Debug, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct ProjectBalances {
    /// The fund.
    pub fund: String,
}

impl Query for ProjectBalances {
    type Answer = Vec<BalanceRow>;

    fn ask(self, ward: &Ward) -> Result<Self::Answer, Error> {
        Ok(ward
            .projects()
            .get_fund(&self.fund)?
            .ledger
            .balances_at(None))
    }
}

/// What a rule would select from a decision's ballots as they stand: any rule on the
/// same ballots, without changing anything.
#[derive(Clone, Debug, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct WhatIf {
    /// The fund.
    pub fund: String,
    /// The rule.
    pub rule: Rule,
}

impl Query for WhatIf {
    type Answer = Selection;

    fn ask(self, ward: &Ward) -> Result<Self::Answer, Error> {
        let projects = ward.projects();
        let f = projects.get_fund(&self.fund)?;
        let election = projects
            .election(&self.fund)
            .ok_or(ProjectsError::FundStage {
                fund: self.fund.clone(),
                stage: crate::projects::stage_name(f.stage),
                needed: "voting or decided",
            })?;
        Ok(crate::projects::rules::select(&election, &self.rule)?)
    }
}

/// The members of a community's residents' council.
#[derive(Clone, Debug, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct CouncilOf {
    /// The community's unit.
    pub community: NodeCode,
}

impl Query for CouncilOf {
    type Answer = Vec<String>;

    fn ask(self, ward: &Ward) -> Result<Self::Answer, Error> {
        Ok(ward.projects().council(self.community).to_vec())
    }
}

/// Every registered organisation, by id.
#[derive(Clone, Debug, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Organisations {}

impl Query for Organisations {
    type Answer = Vec<Organisation>;

    fn ask(self, ward: &Ward) -> Result<Self::Answer, Error> {
        Ok(ward.projects().organisations().cloned().collect())
    }
}

/// Verifies a published project fund statement against a journal: the chain, the head
/// at the statement's length, and every figure recomputed.
#[derive(Clone, Debug, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct VerifyProjectsStatement {
    /// The journal's text, one entry per line.
    pub journal: String,
    /// The statement as published.
    pub statement: ProjectsStatement,
    /// The configuration the ward ran under; the default when absent.
    #[serde(default)]
    pub config: Option<WardConfig>,
}

impl Function for VerifyProjectsStatement {
    type Answer = StatementCheck;

    fn call(self) -> Result<Self::Answer, Error> {
        let config = self.config.unwrap_or_default();
        Ward::verify_projects_statement(config, &self.journal, &self.statement)
    }
}

//! The checks that deciding and replaying share: stages, sorting, positive amounts, and
//! the names stages go by in errors.

use super::error::ProjectsError;
use super::model::{FundStage, ProposalStatus};
use super::state::Projects;
use crate::error::Error;
use crate::money::Amount;

/// The admitted proposals of a fund, in id order: its shortlist.
pub(crate) fn shortlist(projects: &Projects, fund: &str) -> Vec<String> {
    projects
        .proposals_of(fund)
        .filter(|p| p.status == ProposalStatus::Admitted)
        .map(|p| p.id.clone())
        .collect()
}

/// Refuses a proposal that has been sorted already.
pub(crate) fn sortable(p: &super::model::Proposal) -> Result<(), ProjectsError> {
    if p.status == ProposalStatus::Proposed {
        return Ok(());
    }
    Err(ProjectsError::ProposalSorted {
        proposal: p.id.clone(),
        status: p.status.as_str(),
    })
}

pub(crate) fn positive(field: &'static str, value: Amount) -> Result<(), ProjectsError> {
    if value.is_positive() {
        Ok(())
    } else {
        Err(ProjectsError::NotPositive { field, value })
    }
}

pub(crate) fn at_stage(fund: &str, stage: FundStage, needed: FundStage) -> Result<(), Error> {
    if stage == needed {
        Ok(())
    } else {
        Err(stage_error(fund, stage, needed))
    }
}

pub(crate) fn stage_error(fund: &str, stage: FundStage, needed: FundStage) -> Error {
    ProjectsError::FundStage {
        fund: fund.to_owned(),
        stage: stage_name(stage),
        needed: stage_name(needed),
    }
    .into()
}

/// A fund stage's snake_case name.
pub fn stage_name(stage: FundStage) -> &'static str {
    match stage {
        FundStage::Proposing => "proposing",
        FundStage::Shortlisted => "shortlisted",
        FundStage::Voting => "voting",
        FundStage::Decided => "decided",
    }
}

pub(crate) fn source_name(source: super::model::FundSource) -> &'static str {
    match source {
        super::model::FundSource::Guarantee => "guarantee",
        super::model::FundSource::Incentive => "incentive",
    }
}

pub(crate) fn text_error(
    kind: crate::text::TextKind,
    field: &'static str,
    value: &str,
    why: &'static str,
) -> Error {
    ProjectsError::Text(crate::text::TextError::new(kind, field, value, why)).into()
}

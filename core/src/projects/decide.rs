//! Deciding the commands of a fund's cycle up to its decision: funds, councils,
//! proposals, the shortlist, ballots and the selection.

use std::collections::BTreeSet;

use chrono::{DateTime, FixedOffset};

use super::command::ProjectsCommand;
use super::deliver;
use super::error::ProjectsError;
use super::event::ProjectsEvent;
use super::guard::{at_stage, positive, shortlist, sortable, source_name, stage_error, text_error};
use super::model::{FundStage, ProposalStatus, Voters};
use super::reads::Reads;
use super::roll::{resides_in, roll, token};
use super::rules::{check_ballot, select};
use super::state::Projects;
use crate::access::{Actor, Permission};
use crate::error::Error;
use crate::grid::{Authority, GridError, NodeCode};
use crate::text::check;
use crate::text::TextKind::{Description, Key, Name, Reason, Title};

/// Decides a projects command.
pub(crate) fn decide(
    projects: &Projects,
    reads: Reads<'_>,
    actor: &Actor,
    at: DateTime<FixedOffset>,
    command: ProjectsCommand,
) -> Result<Vec<ProjectsEvent>, Error> {
    let grid = reads.grid;
    let who = Authority::new(grid, actor)?;
    let me = || who.person().map(|(_, p)| p.id().to_owned());
    match command {
        ProjectsCommand::OpenFund {
            fund,
            community,
            year,
            source,
            amount,
        } => {
            check(Key, "fund id", &fund).map_err(ProjectsError::Text)?;
            unit_exists(reads, community)?;
            who.require(Permission::KeepProjects, community)?;
            if projects.funds.contains_key(&fund) {
                return Err(ProjectsError::FundExists(fund).into());
            }
            if !(2000..=2200).contains(&year) {
                return Err(ProjectsError::BadYear(year).into());
            }
            positive("amount", amount)?;
            if let Some(f) = projects
                .funds
                .values()
                .find(|f| f.community == community && f.year == year && f.source == source)
            {
                return Err(ProjectsError::FundForYear {
                    community: community.to_string(),
                    year,
                    source_name: source_name(source),
                    fund: f.id.clone(),
                }
                .into());
            }
            Ok(vec![ProjectsEvent::FundOpened {
                fund,
                community,
                year,
                source,
                amount,
            }])
        }
        ProjectsCommand::SetCouncil { community, members } => {
            unit_exists(reads, community)?;
            who.require(Permission::KeepProjects, community)?;
            let mut seen = BTreeSet::new();
            for m in &members {
                if grid.person(m).is_none() {
                    return Err(ProjectsError::UnknownCouncillor {
                        community: community.to_string(),
                        person: m.clone(),
                    }
                    .into());
                }
                if !seen.insert(m) {
                    let why = "a member is named twice";
                    return Err(text_error(Key, "council member", m, why));
                }
            }
            Ok(vec![ProjectsEvent::CouncilSet { community, members }])
        }
        ProjectsCommand::Propose {
            proposal,
            fund,
            title,
            description,
            category,
            estimate,
            unit,
        } => {
            check(Key, "proposal id", &proposal).map_err(ProjectsError::Text)?;
            check(Title, "title", &title).map_err(ProjectsError::Text)?;
            check(Description, "description", &description).map_err(ProjectsError::Text)?;
            check(Name, "category", &category).map_err(ProjectsError::Text)?;
            let f = projects.get_fund(&fund)?;
            at_stage(f.id.as_str(), f.stage, FundStage::Proposing)?;
            if projects.proposals.contains_key(&proposal) {
                return Err(ProjectsError::ProposalExists(proposal).into());
            }
            positive("estimate", estimate)?;
            if let Some(u) = unit {
                unit_exists(reads, u)?;
                if !f.community.contains(u) {
                    return Err(GridError::UnknownUnit(u).into());
                }
            }
            let proposer = resident(reads, &who, f.community)?;
            Ok(vec![ProjectsEvent::Proposed {
                proposal,
                fund,
                proposer: Some(proposer),
                title,
                description,
                category,
                estimate,
                unit,
            }])
        }
        ProjectsCommand::Support { proposal } => {
            let p = projects.get_proposal(&proposal)?;
            let f = projects.get_fund(&p.fund)?;
            at_stage(&f.id, f.stage, FundStage::Proposing)?;
            sortable(p)?;
            let person = resident(reads, &who, f.community)?;
            if p.supporters.contains(&person) {
                return Err(ProjectsError::SupportedAlready { proposal, person }.into());
            }
            Ok(vec![ProjectsEvent::Supported { proposal, person }])
        }
        ProjectsCommand::MergeProposals { into, from } => {
            let target = projects.get_proposal(&into)?;
            let f = projects.get_fund(&target.fund)?;
            who.require(Permission::KeepProjects, f.community)?;
            at_stage(&f.id, f.stage, FundStage::Proposing)?;
            if !matches!(
                target.status,
                ProposalStatus::Proposed | ProposalStatus::Admitted
            ) {
                sortable(target)?;
            }
            if from.is_empty() {
                return Err(text_error(Key, "from", "", "name at least one proposal"));
            }
            let mut seen = BTreeSet::new();
            for id in &from {
                let p = projects.get_proposal(id)?;
                let why = if id == &into {
                    Some("a proposal cannot be merged into itself")
                } else if p.fund != target.fund {
                    Some("they ask money of different funds")
                } else if !seen.insert(id) {
                    Some("it is named twice")
                } else {
                    None
                };
                if let Some(why) = why {
                    let (from, into) = (id.clone(), into.clone());
                    return Err(ProjectsError::BadMerge { from, into, why }.into());
                }
                sortable(p)?;
            }
            Ok(vec![ProjectsEvent::ProposalsMerged { into, from }])
        }
        ProjectsCommand::DeclineProposal { proposal, reason } => {
            check(Reason, "reason", &reason).map_err(ProjectsError::Text)?;
            let p = projects.get_proposal(&proposal)?;
            let f = projects.get_fund(&p.fund)?;
            who.require(Permission::KeepProjects, f.community)?;
            at_stage(&f.id, f.stage, FundStage::Proposing)?;
            sortable(p)?;
            Ok(vec![ProjectsEvent::ProposalDeclined { proposal, reason }])
        }
        ProjectsCommand::AdmitProposal { proposal, cost } => {
            let p = projects.get_proposal(&proposal)?;
            let f = projects.get_fund(&p.fund)?;
            who.require(Permission::KeepProjects, f.community)?;
            at_stage(&f.id, f.stage, FundStage::Proposing)?;
            sortable(p)?;
            positive("cost", cost)?;
            Ok(vec![ProjectsEvent::ProposalAdmitted { proposal, cost }])
        }
        ProjectsCommand::PublishShortlist { fund } => {
            let f = projects.get_fund(&fund)?;
            who.require(Permission::KeepProjects, f.community)?;
            at_stage(&fund, f.stage, FundStage::Proposing)?;
            let candidates = shortlist(projects, &fund);
            if candidates.is_empty() {
                return Err(ProjectsError::EmptyShortlist(fund).into());
            }
            Ok(vec![ProjectsEvent::ShortlistPublished { fund, candidates }])
        }
        ProjectsCommand::OpenDecision {
            fund,
            form,
            voters,
            rule,
            closes,
        } => {
            let f = projects.get_fund(&fund)?;
            who.require(Permission::KeepProjects, f.community)?;
            at_stage(&fund, f.stage, FundStage::Shortlisted)?;
            if closes <= at {
                return Err(ProjectsError::BadClosing(fund).into());
            }
            if voters == Voters::Imported {
                let why = "imported ballots come with ImportElection";
                return Err(text_error(Key, "voters", "imported", why));
            }
            let secret = &reads.config.ballot_secret;
            if roll(grid, projects, secret, &fund, f.community, voters).is_empty() {
                return Err(ProjectsError::EmptyRoll(fund).into());
            }
            Ok(vec![ProjectsEvent::DecisionOpened {
                fund,
                form,
                voters,
                rule,
                closes,
            }])
        }
        ProjectsCommand::CastBallot {
            fund,
            choices,
            points,
        } => {
            let f = projects.get_fund(&fund)?;
            at_stage(&fund, f.stage, FundStage::Voting)?;
            let Some(d) = f.decision.as_ref() else {
                return Err(stage_error(&fund, f.stage, FundStage::Voting));
            };
            if at >= d.closes {
                let closes = d.closes.to_rfc3339();
                return Err(ProjectsError::VotingEnded { fund, closes }.into());
            }
            let person = me().unwrap_or_else(|| "system".to_owned());
            let ballot = token(&reads.config.ballot_secret, &fund, &person);
            if !d.roll.contains_key(&ballot) {
                return Err(ProjectsError::NotAVoter { fund, person }.into());
            }
            let candidates = projects
                .candidates(&fund)
                .ok_or_else(|| stage_error(&fund, f.stage, FundStage::Voting))?;
            let cast = super::election::Ballot {
                voter: person,
                choices,
                points,
            };
            check_ballot(&d.form, &candidates, &cast)?;
            Ok(vec![ProjectsEvent::BallotCast {
                fund,
                ballot,
                choices: cast.choices,
                points: cast.points,
            }])
        }
        ProjectsCommand::CloseDecision { fund } => {
            let f = projects.get_fund(&fund)?;
            who.require(Permission::KeepProjects, f.community)?;
            at_stage(&fund, f.stage, FundStage::Voting)?;
            let Some(d) = f.decision.as_ref() else {
                return Err(stage_error(&fund, f.stage, FundStage::Voting));
            };
            if at < d.closes {
                let closes = d.closes.to_rfc3339();
                return Err(ProjectsError::VotingOpen { fund, closes }.into());
            }
            let election = projects
                .election(&fund)
                .ok_or_else(|| stage_error(&fund, f.stage, FundStage::Voting))?;
            let selection = select(&election, &d.rule)?;
            Ok(vec![ProjectsEvent::DecisionClosed { fund, selection }])
        }
        ProjectsCommand::ImportElection {
            fund,
            election,
            rule,
        } => super::import::decide(projects, reads, &who, at, fund, election, rule),
        other => deliver::decide(projects, reads, &who, at.date_naive(), other),
    }
}

/// The acting person, who must be a registered resident of the community.
fn resident(reads: Reads<'_>, who: &Authority<'_>, community: NodeCode) -> Result<String, Error> {
    let person = who.person().map(|(_, p)| p.id().to_owned());
    match person {
        Some(p) if resides_in(reads.grid, &p, community) => Ok(p),
        p => Err(ProjectsError::NotAResident {
            person: p.unwrap_or_else(|| "system".to_owned()),
            community: community.to_string(),
        }
        .into()),
    }
}

fn unit_exists(reads: Reads<'_>, unit: NodeCode) -> Result<(), Error> {
    match reads.grid.unit(unit) {
        Some(_) => Ok(()),
        None => Err(GridError::UnknownUnit(unit).into()),
    }
}

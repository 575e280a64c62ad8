//! Checking a replayed event against the state it meets: each event is refused unless
//! `decide` could have produced it from that state. A closed decision's selection and an
//! acceptance are computed again and must be the ones recorded.

use std::collections::BTreeSet;

use super::chart;
use super::deliver::{acceptance, at_stage as project_at, cost_of, tranche_fits};
use super::error::ProjectsError;
use super::event::ProjectsEvent;
use super::guard::{at_stage, positive, shortlist, sortable, source_name};
use super::model::{FundStage, ProjectStage, ProposalStatus, Voters};
use super::reads::Reads;
use super::roll::resides_in;
use super::rules::{check_ballot, select};
use super::state::Projects;
use crate::error::Error;
use crate::fund::ledger::Posted;
use crate::grid::GridError;
use crate::money::Amount;

/// Refuses an event that the state could not have produced.
pub(crate) fn check_event(
    projects: &Projects,
    reads: Reads<'_>,
    event: &ProjectsEvent,
) -> Result<(), Error> {
    let grid = reads.grid;
    let refused = |why: &'static str| -> Error {
        ProjectsError::Text(crate::text::TextError::new(
            crate::text::TextKind::Key,
            "event",
            "",
            why,
        ))
        .into()
    };
    match event {
        ProjectsEvent::FundOpened {
            fund,
            community,
            year,
            source,
            amount,
        } => {
            if projects.funds.contains_key(fund) {
                return Err(ProjectsError::FundExists(fund.clone()).into());
            }
            if grid.unit(*community).is_none() {
                return Err(GridError::UnknownUnit(*community).into());
            }
            if !(2000..=2200).contains(year) {
                return Err(ProjectsError::BadYear(*year).into());
            }
            positive("amount", *amount)?;
            if let Some(f) = projects
                .funds
                .values()
                .find(|f| f.community == *community && f.year == *year && f.source == *source)
            {
                return Err(ProjectsError::FundForYear {
                    community: community.to_string(),
                    year: *year,
                    source_name: source_name(*source),
                    fund: f.id.clone(),
                }
                .into());
            }
        }
        ProjectsEvent::CouncilSet { community, members } => {
            if grid.unit(*community).is_none() {
                return Err(GridError::UnknownUnit(*community).into());
            }
            let distinct: BTreeSet<_> = members.iter().collect();
            if distinct.len() != members.len() || members.iter().any(|m| grid.person(m).is_none()) {
                return Err(refused("a council member is unknown or named twice"));
            }
        }
        ProjectsEvent::Proposed {
            proposal,
            fund,
            proposer,
            estimate,
            unit,
            ..
        } => {
            let f = projects.get_fund(fund)?;
            at_stage(fund, f.stage, FundStage::Proposing)?;
            if projects.proposals.contains_key(proposal) {
                return Err(ProjectsError::ProposalExists(proposal.clone()).into());
            }
            positive("estimate", *estimate)?;
            if unit.is_some_and(|u| !f.community.contains(u) || grid.unit(u).is_none()) {
                return Err(refused("the unit is not in the fund's community"));
            }
            // An imported election proposes every project of its fund for nobody, in
            // the entry that decides it: proposals for nobody and residents' proposals
            // never share a fund.
            let imported = |p: &super::model::Proposal| p.proposer.is_none();
            match proposer {
                Some(p) if !resides_in(grid, p, f.community) => {
                    return Err(ProjectsError::NotAResident {
                        person: p.clone(),
                        community: f.community.to_string(),
                    }
                    .into());
                }
                Some(_) if projects.proposals_of(fund).any(imported) => {
                    return Err(refused("only an imported election proposes for nobody"));
                }
                Some(_) => {}
                None if !projects.proposals_of(fund).all(imported) => {
                    return Err(refused("only an imported election proposes for nobody"));
                }
                None => {}
            }
        }
        ProjectsEvent::Supported { proposal, person } => {
            let p = projects.get_proposal(proposal)?;
            let f = projects.get_fund(&p.fund)?;
            at_stage(&f.id, f.stage, FundStage::Proposing)?;
            sortable(p)?;
            if !resides_in(grid, person, f.community) {
                return Err(ProjectsError::NotAResident {
                    person: person.clone(),
                    community: f.community.to_string(),
                }
                .into());
            }
            if p.supporters.contains(person) {
                return Err(ProjectsError::SupportedAlready {
                    proposal: proposal.clone(),
                    person: person.clone(),
                }
                .into());
            }
        }
        ProjectsEvent::ProposalsMerged { into, from } => {
            let target = projects.get_proposal(into)?;
            let f = projects.get_fund(&target.fund)?;
            at_stage(&f.id, f.stage, FundStage::Proposing)?;
            if !matches!(
                target.status,
                ProposalStatus::Proposed | ProposalStatus::Admitted
            ) {
                sortable(target)?;
            }
            let distinct: BTreeSet<_> = from.iter().collect();
            if from.is_empty() || distinct.len() != from.len() || distinct.contains(into) {
                return Err(refused(
                    "a merge names its proposals once, apart from the one kept",
                ));
            }
            for id in from {
                let p = projects.get_proposal(id)?;
                if p.fund != target.fund {
                    return Err(refused("merged proposals ask money of one fund"));
                }
                sortable(p)?;
            }
        }
        ProjectsEvent::ProposalDeclined { proposal, .. } => {
            sorting(projects, proposal)?;
        }
        ProjectsEvent::ProposalAdmitted { proposal, cost } => {
            sorting(projects, proposal)?;
            positive("cost", *cost)?;
        }
        ProjectsEvent::ShortlistPublished { fund, candidates } => {
            let f = projects.get_fund(fund)?;
            at_stage(fund, f.stage, FundStage::Proposing)?;
            let listed: BTreeSet<_> = candidates.iter().cloned().collect();
            let admitted: BTreeSet<_> = shortlist(projects, fund).into_iter().collect();
            if listed.is_empty() || listed != admitted || listed.len() != candidates.len() {
                return Err(refused(
                    "the shortlist is not the fund's admitted proposals",
                ));
            }
        }
        ProjectsEvent::DecisionOpened { fund, voters, .. } => {
            let f = projects.get_fund(fund)?;
            at_stage(fund, f.stage, FundStage::Shortlisted)?;
            // Proposals for nobody are an imported election's, and all of its fund's.
            let mut proposers = projects.proposals_of(fund).map(|p| p.proposer.is_some());
            let consistent = if *voters == Voters::Imported {
                proposers.all(|named| !named)
            } else {
                proposers.all(|named| named)
            };
            if !consistent {
                return Err(refused(
                    "only an imported election decides for nobody's proposals",
                ));
            }
            if *voters != Voters::Imported {
                let secret = &reads.config.ballot_secret;
                let roll = super::roll::roll(grid, projects, secret, fund, f.community, *voters);
                if roll.is_empty() {
                    return Err(ProjectsError::EmptyRoll(fund.clone()).into());
                }
            }
        }
        ProjectsEvent::BallotCast {
            fund,
            ballot,
            choices,
            points,
        } => {
            let f = projects.get_fund(fund)?;
            at_stage(fund, f.stage, FundStage::Voting)?;
            let d = f
                .decision
                .as_ref()
                .ok_or_else(|| refused("no decision is open"))?;
            if d.voters != Voters::Imported && !d.roll.contains_key(ballot) {
                return Err(ProjectsError::NotAVoter {
                    fund: fund.clone(),
                    person: ballot.clone(),
                }
                .into());
            }
            let candidates = projects
                .candidates(fund)
                .ok_or_else(|| refused("no decision is open"))?;
            let cast = super::election::Ballot {
                voter: ballot.clone(),
                choices: choices.clone(),
                points: points.clone(),
            };
            check_ballot(&d.form, &candidates, &cast)?;
        }
        ProjectsEvent::DecisionClosed { fund, selection } => {
            let f = projects.get_fund(fund)?;
            at_stage(fund, f.stage, FundStage::Voting)?;
            let d = f
                .decision
                .as_ref()
                .ok_or_else(|| refused("no decision is open"))?;
            let election = projects
                .election(fund)
                .ok_or_else(|| refused("no decision is open"))?;
            if &select(&election, &d.rule)? != selection {
                return Err(refused(
                    "the selection is not what the rule selects from the ballots",
                ));
            }
        }
        ProjectsEvent::OrganisationRegistered {
            organisation,
            contact,
            ..
        } => {
            if projects.organisations.contains_key(organisation) {
                return Err(ProjectsError::OrganisationExists(organisation.clone()).into());
            }
            if grid.person(contact).is_none() {
                return Err(GridError::UnknownPerson(contact.clone()).into());
            }
        }
        ProjectsEvent::Applied {
            project,
            organisation,
            quote,
            ..
        } => {
            let p = projects.get_project(project)?;
            project_at(p, ProjectStage::Selected)?;
            if !projects.organisations.contains_key(organisation) {
                return Err(ProjectsError::UnknownOrganisation(organisation.clone()).into());
            }
            positive("quote", *quote)?;
            let again = p
                .applications
                .iter()
                .any(|a| &a.organisation == organisation);
            if again || *quote > cost_of(projects, project) {
                return Err(refused(
                    "an application is made once, within the project's cost",
                ));
            }
        }
        ProjectsEvent::DelivererChosen {
            project,
            organisation,
            contracted,
        } => {
            let p = projects.get_project(project)?;
            project_at(p, ProjectStage::Selected)?;
            let applied = p
                .applications
                .iter()
                .any(|a| &a.organisation == organisation && a.quote == *contracted);
            if !applied {
                return Err(refused("the contract is not an application's quote"));
            }
            let available = projects.available(&p.fund).unwrap_or(Amount::ZERO);
            if *contracted > available {
                return Err(ProjectsError::OverFund {
                    fund: p.fund.clone(),
                    amount: *contracted,
                    available,
                }
                .into());
            }
        }
        ProjectsEvent::EvaluatorsNamed {
            project,
            evaluators,
        } => {
            let p = projects.get_project(project)?;
            let late = matches!(p.stage, ProjectStage::Accepted | ProjectStage::Completed);
            if late || evaluators.is_empty() || evaluators.keys().any(|e| grid.person(e).is_none())
            {
                return Err(refused("evaluators are named people, before acceptance"));
            }
        }
        ProjectsEvent::TranchePaid {
            project,
            payment,
            amount,
            voucher,
            final_tranche,
            returned,
        } => {
            let p = projects.get_project(project)?;
            let f = projects.get_fund(&p.fund)?;
            positive("amount", *amount)?;
            if p.tranches.iter().any(|t| &t.payment == payment) {
                return Err(ProjectsError::PaymentConflict(payment.clone()).into());
            }
            if tranche_fits(p, *amount, *final_tranche)? != *returned {
                return Err(refused(
                    "what returned to the fund is not what the contract left",
                ));
            }
            let date = f.ledger.last_date().unwrap_or(f.opened);
            let tx = chart::payment(project, payment, date, *amount, voucher);
            if f.ledger.check(&tx).map_err(ProjectsError::Ledger)? == Posted::Duplicate {
                return Err(ProjectsError::PaymentConflict(payment.clone()).into());
            }
        }
        ProjectsEvent::DeliverySubmitted { project } => {
            project_at(projects.get_project(project)?, ProjectStage::Delivering)?;
        }
        ProjectsEvent::Evaluated {
            project,
            evaluation,
        } => {
            let p = projects.get_project(project)?;
            project_at(p, ProjectStage::Submitted)?;
            if !p.evaluators.contains_key(&evaluation.evaluator) {
                return Err(ProjectsError::NotAnEvaluator {
                    project: project.clone(),
                    person: evaluation.evaluator.clone(),
                }
                .into());
            }
            if evaluation.score > 100 {
                return Err(ProjectsError::BadScore(evaluation.score).into());
            }
        }
        ProjectsEvent::AcceptanceDecided { project, .. } => {
            let p = projects.get_project(project)?;
            project_at(p, ProjectStage::Submitted)?;
            if &acceptance(p, reads)? != event {
                return Err(refused("the outcome is not what the acceptance rule gives"));
            }
        }
    }
    Ok(())
}

/// A proposal that staff may still sort.
fn sorting(projects: &Projects, proposal: &str) -> Result<(), Error> {
    let p = projects.get_proposal(proposal)?;
    let f = projects.get_fund(&p.fund)?;
    at_stage(&f.id, f.stage, FundStage::Proposing)?;
    sortable(p)?;
    Ok(())
}

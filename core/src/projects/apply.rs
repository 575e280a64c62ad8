//! Folding accepted events into the state; nothing here can fail.

use chrono::{DateTime, FixedOffset};

use super::chart;
use super::event::ProjectsEvent;
use super::model::{
    Application, Decision, FundStage, Project, ProjectFund, ProjectStage, Proposal, ProposalStatus,
    Tranche, Voters,
};
use super::reads::Reads;
use super::roll::roll;
use super::state::Projects;
use crate::fund::ledger::Ledger;

impl Projects {
    /// Folds an accepted event, recorded at `at`, into the state.
    pub(crate) fn apply(
        &mut self,
        reads: Reads<'_>,
        event: ProjectsEvent,
        at: DateTime<FixedOffset>,
    ) {
        let today = at.date_naive();
        match event {
            ProjectsEvent::FundOpened {
                fund,
                community,
                year,
                source,
                amount,
            } => {
                let mut ledger = Ledger::new();
                for account in chart::standard() {
                    if let Ok(kind) = ledger.check_open(&account) {
                        ledger.record_open(account, kind);
                    }
                }
                ledger.record(chart::opening(today, amount));
                let f = ProjectFund {
                    id: fund.clone(),
                    community,
                    year,
                    source,
                    amount,
                    opened: today,
                    stage: FundStage::Proposing,
                    shortlist: Vec::new(),
                    ledger,
                    decision: None,
                };
                self.funds.insert(fund, f);
            }
            ProjectsEvent::CouncilSet { community, members } => {
                self.councils.insert(community, members);
            }
            ProjectsEvent::Proposed {
                proposal,
                fund,
                proposer,
                title,
                description,
                category,
                estimate,
                unit,
            } => {
                let p = Proposal {
                    id: proposal.clone(),
                    fund,
                    supporters: proposer.iter().cloned().collect(),
                    proposer,
                    title,
                    description,
                    category,
                    estimate,
                    cost: None,
                    unit,
                    status: ProposalStatus::Proposed,
                    into: None,
                    reason: None,
                };
                self.proposals.insert(proposal, p);
            }
            ProjectsEvent::Supported { proposal, person } => {
                if let Some(p) = self.proposals.get_mut(&proposal) {
                    p.supporters.insert(person);
                }
            }
            ProjectsEvent::ProposalsMerged { into, from } => {
                let mut carried = Vec::new();
                for id in from {
                    if let Some(p) = self.proposals.get_mut(&id) {
                        carried.extend(p.supporters.iter().cloned());
                        p.status = ProposalStatus::Merged;
                        p.into = Some(into.clone());
                    }
                }
                if let Some(p) = self.proposals.get_mut(&into) {
                    p.supporters.extend(carried);
                }
            }
            ProjectsEvent::ProposalDeclined { proposal, reason } => {
                if let Some(p) = self.proposals.get_mut(&proposal) {
                    p.status = ProposalStatus::Declined;
                    p.reason = Some(reason);
                }
            }
            ProjectsEvent::ProposalAdmitted { proposal, cost } => {
                if let Some(p) = self.proposals.get_mut(&proposal) {
                    p.status = ProposalStatus::Admitted;
                    p.cost = Some(cost);
                }
            }
            ProjectsEvent::ShortlistPublished { fund, candidates } => {
                if let Some(f) = self.funds.get_mut(&fund) {
                    f.stage = FundStage::Shortlisted;
                    f.shortlist = candidates;
                }
            }
            ProjectsEvent::DecisionOpened {
                fund,
                form,
                voters,
                rule,
                closes,
            } => {
                let Some(community) = self.funds.get(&fund).map(|f| f.community) else {
                    return;
                };
                let secret = &reads.config.ballot_secret;
                let roll = roll(reads.grid, self, secret, &fund, community, voters);
                if let Some(f) = self.funds.get_mut(&fund) {
                    f.stage = FundStage::Voting;
                    f.decision = Some(Decision {
                        form,
                        voters,
                        rule,
                        opened: at,
                        closes,
                        candidates: f.shortlist.clone(),
                        roll,
                        ballots: Default::default(),
                        selection: None,
                    });
                }
            }
            ProjectsEvent::BallotCast {
                fund,
                ballot,
                choices,
                points,
            } => {
                if let Some(d) = self.funds.get_mut(&fund).and_then(|f| f.decision.as_mut()) {
                    if d.voters == Voters::Imported {
                        d.roll.insert(ballot.clone(), None);
                    }
                    d.ballots.insert(ballot, (choices, points));
                }
            }
            ProjectsEvent::DecisionClosed { fund, selection } => {
                for id in &selection.selected {
                    let project = Project {
                        id: id.clone(),
                        fund: fund.clone(),
                        stage: ProjectStage::Selected,
                        applications: Vec::new(),
                        deliverer: None,
                        contracted: None,
                        tranches: Vec::new(),
                        evaluators: Default::default(),
                        evaluations: Default::default(),
                        rejections: 0,
                        returned: None,
                    };
                    self.projects.insert(id.clone(), project);
                }
                if let Some(f) = self.funds.get_mut(&fund) {
                    f.stage = FundStage::Decided;
                    if let Some(d) = f.decision.as_mut() {
                        d.selection = Some(selection);
                    }
                }
            }
            ProjectsEvent::OrganisationRegistered {
                organisation,
                name,
                contact,
            } => {
                let org = super::model::Organisation {
                    id: organisation.clone(),
                    name,
                    contact,
                };
                self.organisations.insert(organisation, org);
            }
            ProjectsEvent::Applied {
                project,
                organisation,
                quote,
                plan,
            } => {
                if let Some(p) = self.projects.get_mut(&project) {
                    p.applications.push(Application {
                        organisation,
                        quote,
                        plan,
                    });
                }
            }
            ProjectsEvent::DelivererChosen {
                project,
                organisation,
                contracted,
            } => {
                let Some(p) = self.projects.get_mut(&project) else {
                    return;
                };
                p.deliverer = Some(organisation);
                p.contracted = Some(contracted);
                p.stage = ProjectStage::Delivering;
                if let Some(f) = self.funds.get_mut(&p.fund) {
                    let account = chart::project(&project);
                    if let Ok(kind) = f.ledger.check_open(&account) {
                        f.ledger.record_open(account, kind);
                    }
                }
            }
            ProjectsEvent::EvaluatorsNamed {
                project,
                evaluators,
            } => {
                if let Some(p) = self.projects.get_mut(&project) {
                    p.evaluations.retain(|e, _| evaluators.contains_key(e));
                    p.evaluators = evaluators;
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
                let Some(p) = self.projects.get_mut(&project) else {
                    return;
                };
                if let Some(f) = self.funds.get_mut(&p.fund) {
                    let tx = chart::payment(&project, &payment, today, amount, &voucher);
                    f.ledger.record(tx);
                }
                p.tranches.push(Tranche {
                    payment,
                    date: today,
                    amount,
                    voucher,
                    final_tranche,
                });
                if final_tranche {
                    p.stage = ProjectStage::Completed;
                    p.returned = returned;
                }
            }
            ProjectsEvent::DeliverySubmitted { project } => {
                if let Some(p) = self.projects.get_mut(&project) {
                    p.stage = ProjectStage::Submitted;
                    p.evaluations.clear();
                }
            }
            ProjectsEvent::Evaluated {
                project,
                evaluation,
            } => {
                if let Some(p) = self.projects.get_mut(&project) {
                    p.evaluations
                        .insert(evaluation.evaluator.clone(), evaluation);
                }
            }
            ProjectsEvent::AcceptanceDecided {
                project, accepted, ..
            } => {
                if let Some(p) = self.projects.get_mut(&project) {
                    if accepted {
                        p.stage = ProjectStage::Accepted;
                    } else {
                        p.stage = ProjectStage::Delivering;
                        p.rejections += 1;
                    }
                }
            }
        }
    }
}

//! Deciding the commands that follow a decision: organisations, applications, the
//! contract, tranches, evaluators and acceptance.

use chrono::NaiveDate;
use rust_decimal::Decimal;

use super::chart;
use super::command::ProjectsCommand;
use super::error::ProjectsError;
use super::event::ProjectsEvent;
use super::guard::{positive, text_error};
use super::model::{Evaluation, Project, ProjectStage, Verdict};
use super::reads::Reads;
use super::state::Projects;
use crate::access::Permission;
use crate::error::Error;
use crate::fund::ledger::Posted;
use crate::grid::{Authority, GridError};
use crate::money::Amount;
use crate::text::check;
use crate::text::TextKind::{Description, Key, Name, Note};

/// Decides the delivery commands.
pub(crate) fn decide(
    projects: &Projects,
    reads: Reads<'_>,
    who: &Authority<'_>,
    today: NaiveDate,
    command: ProjectsCommand,
) -> Result<Vec<ProjectsEvent>, Error> {
    let grid = reads.grid;
    let me = || who.person().map(|(_, p)| p.id().to_owned());
    match command {
        ProjectsCommand::RegisterOrganisation {
            organisation,
            name,
            contact,
        } => {
            check(Key, "organisation id", &organisation).map_err(ProjectsError::Text)?;
            check(Name, "organisation name", &name).map_err(ProjectsError::Text)?;
            who.require_anywhere(Permission::KeepProjects)?;
            if projects.organisations.contains_key(&organisation) {
                return Err(ProjectsError::OrganisationExists(organisation).into());
            }
            if grid.person(&contact).is_none() {
                return Err(GridError::UnknownPerson(contact).into());
            }
            Ok(vec![ProjectsEvent::OrganisationRegistered {
                organisation,
                name,
                contact,
            }])
        }
        ProjectsCommand::ApplyToDeliver {
            project,
            organisation,
            quote,
            plan,
        } => {
            check(Description, "plan", &plan).map_err(ProjectsError::Text)?;
            let p = projects.get_project(&project)?;
            let community = projects.get_fund(&p.fund)?.community;
            let org = projects
                .organisations
                .get(&organisation)
                .ok_or_else(|| ProjectsError::UnknownOrganisation(organisation.clone()))?;
            let person = me().unwrap_or_else(|| "system".to_owned());
            if person != org.contact && !who.may(Permission::KeepProjects, community) {
                return Err(ProjectsError::NotTheContact {
                    organisation,
                    person,
                }
                .into());
            }
            at_stage(p, ProjectStage::Selected)?;
            if p.applications
                .iter()
                .any(|a| a.organisation == organisation)
            {
                let why = "has applied already";
                return Err(application(project, organisation, why));
            }
            positive("quote", quote)?;
            let cost = cost_of(projects, &project);
            if quote > cost {
                let why = "asks more than the project's cost";
                return Err(application(project, organisation, why));
            }
            Ok(vec![ProjectsEvent::Applied {
                project,
                organisation,
                quote,
                plan,
            }])
        }
        ProjectsCommand::ChooseDeliverer {
            project,
            organisation,
        } => {
            let p = projects.get_project(&project)?;
            let f = projects.get_fund(&p.fund)?;
            who.require(Permission::KeepProjects, f.community)?;
            at_stage(p, ProjectStage::Selected)?;
            let Some(a) = p
                .applications
                .iter()
                .find(|a| a.organisation == organisation)
            else {
                return Err(application(project, organisation, "has not applied"));
            };
            let available = projects.available(&f.id).unwrap_or(Amount::ZERO);
            if a.quote > available {
                return Err(ProjectsError::OverFund {
                    fund: f.id.clone(),
                    amount: a.quote,
                    available,
                }
                .into());
            }
            Ok(vec![ProjectsEvent::DelivererChosen {
                project,
                organisation,
                contracted: a.quote,
            }])
        }
        ProjectsCommand::NameEvaluators {
            project,
            evaluators,
        } => {
            let p = projects.get_project(&project)?;
            let f = projects.get_fund(&p.fund)?;
            who.require(Permission::KeepProjects, f.community)?;
            if matches!(p.stage, ProjectStage::Accepted | ProjectStage::Completed) {
                return Err(stage_error(p, "selected, delivering or submitted"));
            }
            if evaluators.is_empty() {
                return Err(text_error(Key, "evaluators", "", "name at least one"));
            }
            for person in evaluators.keys() {
                if grid.person(person).is_none() {
                    return Err(GridError::UnknownPerson(person.clone()).into());
                }
            }
            Ok(vec![ProjectsEvent::EvaluatorsNamed {
                project,
                evaluators,
            }])
        }
        ProjectsCommand::PayTranche {
            project,
            payment,
            amount,
            voucher,
            final_tranche,
        } => {
            check(Key, "payment id", &payment).map_err(ProjectsError::Text)?;
            check(Key, "voucher", &voucher).map_err(ProjectsError::Text)?;
            let p = projects.get_project(&project)?;
            let f = projects.get_fund(&p.fund)?;
            who.require(Permission::KeepProjects, f.community)?;
            if let Some(t) = p.tranches.iter().find(|t| t.payment == payment) {
                let same =
                    t.amount == amount && t.voucher == voucher && t.final_tranche == final_tranche;
                return if same {
                    Ok(Vec::new())
                } else {
                    Err(ProjectsError::PaymentConflict(payment).into())
                };
            }
            positive("amount", amount)?;
            let returned = tranche_fits(p, amount, final_tranche)?;
            let tx = chart::payment(&project, &payment, today, amount, &voucher);
            if f.ledger.check(&tx).map_err(ProjectsError::Ledger)? == Posted::Duplicate {
                return Err(ProjectsError::PaymentConflict(payment).into());
            }
            Ok(vec![ProjectsEvent::TranchePaid {
                project,
                payment,
                amount,
                voucher,
                final_tranche,
                returned,
            }])
        }
        ProjectsCommand::SubmitDelivery { project } => {
            let p = projects.get_project(&project)?;
            let f = projects.get_fund(&p.fund)?;
            let contact = p
                .deliverer
                .as_ref()
                .and_then(|o| projects.organisations.get(o))
                .map(|o| o.contact.as_str());
            if me().as_deref() != contact || contact.is_none() {
                who.require(Permission::KeepProjects, f.community)?;
            }
            at_stage(p, ProjectStage::Delivering)?;
            Ok(vec![ProjectsEvent::DeliverySubmitted { project }])
        }
        ProjectsCommand::Evaluate {
            project,
            verdict,
            score,
            comment,
        } => {
            check(Note, "comment", &comment).map_err(ProjectsError::Text)?;
            let p = projects.get_project(&project)?;
            let person = me().unwrap_or_else(|| "system".to_owned());
            if !p.evaluators.contains_key(&person) {
                return Err(ProjectsError::NotAnEvaluator { project, person }.into());
            }
            at_stage(p, ProjectStage::Submitted)?;
            if score > 100 {
                return Err(ProjectsError::BadScore(score).into());
            }
            let evaluation = Evaluation {
                evaluator: person,
                verdict,
                score,
                comment,
            };
            Ok(vec![ProjectsEvent::Evaluated {
                project,
                evaluation,
            }])
        }
        ProjectsCommand::DecideAcceptance { project } => {
            let p = projects.get_project(&project)?;
            let f = projects.get_fund(&p.fund)?;
            who.require(Permission::KeepProjects, f.community)?;
            at_stage(p, ProjectStage::Submitted)?;
            let outcome = acceptance(p, reads)?;
            Ok(vec![outcome])
        }
        _ => Err(text_error(Key, "type", "", "not a delivery command")),
    }
}

/// The acceptance rule applied to a project's verdicts.
pub(crate) fn acceptance(p: &Project, reads: Reads<'_>) -> Result<ProjectsEvent, Error> {
    let rule = &reads.config.acceptance;
    let verdicts = p.evaluations.len() as u32;
    let named = p.evaluators.len() as u32;
    let missing = |needed| ProjectsError::VerdictsMissing {
        project: p.id.clone(),
        verdicts,
        named,
        needed,
    };
    if rule.all_must_evaluate && verdicts < named {
        return Err(missing("every named evaluator must give a verdict").into());
    }
    if verdicts < rule.min_verdicts.max(1) {
        return Err(missing("the rule needs more verdicts").into());
    }
    let accepts = p
        .evaluations
        .values()
        .filter(|e| e.verdict == Verdict::Accept)
        .count() as u32;
    let total: u64 = p.evaluations.values().map(|e| u64::from(e.score)).sum();
    let mean = (Decimal::from(total) / Decimal::from(verdicts))
        .round_dp_with_strategy(2, rust_decimal::RoundingStrategy::MidpointAwayFromZero);
    let accepted = rule
        .accept_share
        .reached(u64::from(accepts), u64::from(verdicts))
        && total >= u64::from(rule.min_mean_score) * u64::from(verdicts);
    Ok(ProjectsEvent::AcceptanceDecided {
        project: p.id.clone(),
        accepted,
        accepts,
        verdicts,
        mean_score: mean,
    })
}

/// Whether a tranche fits the contract, and on the final one what returns to the fund.
pub(crate) fn tranche_fits(
    p: &Project,
    amount: Amount,
    final_tranche: bool,
) -> Result<Option<Amount>, Error> {
    let contracted = p.contracted.unwrap_or(Amount::ZERO);
    let paid = p.paid();
    let left = contracted.checked_sub(paid).map_err(ProjectsError::Money)?;
    let tranche = |why| ProjectsError::Tranche {
        project: p.id.clone(),
        why,
    };
    if amount > left {
        return Err(ProjectsError::OverContract {
            project: p.id.clone(),
            amount,
            contracted,
            paid,
        }
        .into());
    }
    if final_tranche {
        if p.stage != ProjectStage::Accepted {
            return Err(tranche("the final tranche is paid only after acceptance").into());
        }
        Ok(Some(
            left.checked_sub(amount).map_err(ProjectsError::Money)?,
        ))
    } else {
        if !matches!(p.stage, ProjectStage::Delivering | ProjectStage::Submitted) {
            return Err(tranche("a tranche is paid while the project is delivered").into());
        }
        if amount == left {
            return Err(
                tranche("a tranche before the final one leaves part of the contract").into(),
            );
        }
        Ok(None)
    }
}

/// A project's checked cost on the ballot.
pub(crate) fn cost_of(projects: &Projects, project: &str) -> Amount {
    projects
        .proposals
        .get(project)
        .and_then(|p| p.cost)
        .unwrap_or(Amount::ZERO)
}

pub(crate) fn at_stage(p: &Project, needed: ProjectStage) -> Result<(), Error> {
    if p.stage == needed {
        Ok(())
    } else {
        Err(stage_error(p, project_stage_name(needed)))
    }
}

fn stage_error(p: &Project, needed: &'static str) -> Error {
    ProjectsError::ProjectStage {
        project: p.id.clone(),
        stage: project_stage_name(p.stage),
        needed,
    }
    .into()
}

/// A project stage's snake_case name.
pub(crate) fn project_stage_name(stage: ProjectStage) -> &'static str {
    match stage {
        ProjectStage::Selected => "selected",
        ProjectStage::Delivering => "delivering",
        ProjectStage::Submitted => "submitted",
        ProjectStage::Accepted => "accepted",
        ProjectStage::Completed => "completed",
    }
}

fn application(project: String, organisation: String, why: &'static str) -> Error {
    ProjectsError::Application {
        project,
        organisation,
        why,
    }
    .into()
}

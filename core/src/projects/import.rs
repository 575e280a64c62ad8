//! Importing an election (a Pabulib file, say) as a fund's decision, in one entry.

use std::collections::BTreeSet;

use chrono::{DateTime, FixedOffset};

use super::election::Election;
use super::error::ProjectsError;
use super::event::ProjectsEvent;
use super::guard::{at_stage, positive, text_error};
use super::model::{FundStage, Voters};
use super::reads::Reads;
use super::rules::{check_ballot, select};
use super::selection::Rule;
use super::state::Projects;
use crate::access::Permission;
use crate::error::Error;
use crate::grid::Authority;
use crate::money::Amount;
use crate::text::check;
use crate::text::TextKind::{Description, Key, Name, Title};

/// The events of an imported election: its projects proposed and admitted, the
/// shortlist, the decision opened, every ballot, and the decision closed.
pub(crate) fn decide(
    projects: &Projects,
    _reads: Reads<'_>,
    who: &Authority<'_>,
    at: DateTime<FixedOffset>,
    fund: String,
    election: Election,
    rule: Rule,
) -> Result<Vec<ProjectsEvent>, Error> {
    let f = projects.get_fund(&fund)?;
    who.require(Permission::KeepProjects, f.community)?;
    at_stage(&fund, f.stage, FundStage::Proposing)?;
    if projects.proposals_of(&fund).next().is_some() {
        let why = "the fund has proposals already";
        return Err(text_error(Key, "fund", &fund, why));
    }
    if election.budget != f.amount.value() {
        let why = "the election's budget is not the fund's amount";
        return Err(text_error(Key, "budget", &election.budget.to_string(), why));
    }
    if election.candidates.is_empty() {
        return Err(ProjectsError::EmptyShortlist(fund).into());
    }
    if election.ballots.is_empty() {
        return Err(ProjectsError::EmptyRoll(fund).into());
    }
    let mut events = Vec::with_capacity(2 * election.candidates.len() + election.ballots.len() + 3);
    let mut ids = BTreeSet::new();
    for c in &election.candidates {
        check(Key, "project id", &c.id).map_err(ProjectsError::Text)?;
        if projects.proposals.contains_key(&c.id) || !ids.insert(c.id.as_str()) {
            return Err(ProjectsError::ProposalExists(c.id.clone()).into());
        }
        let cost = Amount::new(c.cost).map_err(ProjectsError::Money)?;
        positive("cost", cost)?;
        let title = if c.name.is_empty() {
            c.id.clone()
        } else {
            c.name.clone()
        };
        check(Title, "project name", &title).map_err(ProjectsError::Text)?;
        check(Description, "project name", &title).map_err(ProjectsError::Text)?;
        let category = c.category.clone().unwrap_or_else(|| "imported".to_owned());
        check(Name, "category", &category).map_err(ProjectsError::Text)?;
        events.push(ProjectsEvent::Proposed {
            proposal: c.id.clone(),
            fund: fund.clone(),
            proposer: None,
            title: title.clone(),
            description: title,
            category,
            estimate: cost,
            unit: None,
        });
        events.push(ProjectsEvent::ProposalAdmitted {
            proposal: c.id.clone(),
            cost,
        });
    }
    events.push(ProjectsEvent::ShortlistPublished {
        fund: fund.clone(),
        candidates: election.candidates.iter().map(|c| c.id.clone()).collect(),
    });
    events.push(ProjectsEvent::DecisionOpened {
        fund: fund.clone(),
        form: election.form.clone(),
        voters: Voters::Imported,
        rule: rule.clone(),
        closes: at,
    });
    let mut voters = BTreeSet::new();
    for b in &election.ballots {
        check(Key, "voter id", &b.voter).map_err(ProjectsError::Text)?;
        if !voters.insert(b.voter.as_str()) {
            let why = "two ballots have this voter id";
            return Err(text_error(Key, "voter id", &b.voter, why));
        }
        check_ballot(&election.form, &election.candidates, b)?;
    }
    // The ballots in token order, as the decision keeps them, so that closing it again
    // from the state gives the same selection.
    // Costs and budget as the fund keeps them, at two decimals.
    let mut ballots = election.ballots;
    crate::order::sort_by(&mut ballots, |a, b| a.voter.cmp(&b.voter));
    let mut candidates = election.candidates;
    for c in &mut candidates {
        c.cost = Amount::new(c.cost).map_err(ProjectsError::Money)?.value();
    }
    let ordered = Election {
        budget: f.amount.value(),
        form: election.form,
        candidates,
        ballots,
    };
    let selection = select(&ordered, &rule)?;
    for b in ordered.ballots {
        events.push(ProjectsEvent::BallotCast {
            fund: fund.clone(),
            ballot: b.voter,
            choices: b.choices,
            points: b.points,
        });
    }
    events.push(ProjectsEvent::DecisionClosed { fund, selection });
    Ok(events)
}

//! The selection rules: which projects an election funds within its budget, in exact
//! arithmetic, and why each project was or was not chosen.
//!
//! - [`Rule::Greedy`], [`Rule::GreedyNoSkip`], [`Rule::GreedyThreshold`]: by score,
//!   highest first (ties: more votes, then lower cost, then the candidate listed first);
//!   see the `greedy` module.
//! - [`Rule::EqualShares`]: the Method of Equal Shares with cost utilities completed by
//!   `add1`; payments are exact fractions (ties: more votes, then lower cost, then the
//!   candidate listed first).
//! - [`Rule::EqualSharesComparison`]: Equal Shares set against `greedy`.
//!
//! Scores are described in [`scores`]. Every kind of ballot can be decided by every rule:
//! Equal Shares reads any ballot as approving the projects it names (cumulative points
//! and ordinal ranks then count only as support), and its comparison with `greedy` uses
//! the same reading.

mod ballot;
mod comparison;
mod equal_shares;
mod error;
mod greedy;
mod score;
#[cfg(test)]
mod tests;

use rust_decimal::Decimal;

pub use ballot::check_ballot;
pub use error::{BallotError, SelectionError};
pub use score::{scores, Support};

use crate::projects::{Comparison, Election, ProjectResult, Reason, Rule, Selection, VoterPayment};
use score::Tally;

/// One rule's outcome, by candidate position.
pub(crate) struct Outcome {
    /// Every candidate, in the order the rule considered them.
    order: Vec<usize>,
    /// The chosen, in the order chosen.
    selected: Vec<usize>,
    /// Why each candidate was or was not chosen.
    reasons: Vec<Reason>,
}

/// Decides an election under a rule.
pub fn select(election: &Election, rule: &Rule) -> Result<Selection, SelectionError> {
    let tally = Tally::new(election)?;
    let outcome = |variant| greedy::run(election, &tally, variant);
    match rule {
        Rule::Greedy => Ok(finish(
            election,
            &tally,
            rule,
            outcome(greedy::Variant::Skip),
        )),
        Rule::GreedyNoSkip => Ok(finish(
            election,
            &tally,
            rule,
            outcome(greedy::Variant::NoSkip),
        )),
        Rule::GreedyThreshold { min_score } => Ok(finish(
            election,
            &tally,
            rule,
            outcome(greedy::Variant::Threshold(*min_score)),
        )),
        Rule::EqualShares => equal_shares(election, &tally, rule, false),
        Rule::EqualSharesComparison => equal_shares(election, &tally, rule, true),
    }
}

/// A selection from an outcome, without Equal Shares' details.
fn finish(election: &Election, tally: &Tally, rule: &Rule, outcome: Outcome) -> Selection {
    let mut position = vec![None; election.candidates.len()];
    for (i, &c) in outcome.selected.iter().enumerate() {
        position[c] = Some(i as u32 + 1);
    }
    let mut reasons = outcome.reasons;
    let projects = outcome
        .order
        .iter()
        .map(|&c| {
            let candidate = &election.candidates[c];
            let (reason, left, stopped_at) =
                std::mem::replace(&mut reasons[c], Reason::NoSupport).parts();
            ProjectResult {
                id: candidate.id.clone(),
                cost: candidate.cost,
                votes: tally.votes[c],
                score: tally.scores[c],
                selected: position[c].is_some(),
                position: position[c],
                reason,
                left,
                stopped_at,
            }
        })
        .collect();
    Selection {
        rule: rule.clone(),
        budget: election.budget,
        selected: ids(election, &outcome.selected),
        cost: outcome
            .selected
            .iter()
            .map(|&c| election.candidates[c].cost)
            .sum::<Decimal>(),
        projects,
        voter_budget: None,
        payments: Vec::new(),
        comparison: None,
    }
}

fn ids(election: &Election, chosen: &[usize]) -> Vec<String> {
    chosen
        .iter()
        .map(|&c| election.candidates[c].id.clone())
        .collect()
}

/// Equal Shares with `add1`, and with the comparison when asked.
fn equal_shares(
    election: &Election,
    tally: &Tally,
    rule: &Rule,
    compare: bool,
) -> Result<Selection, SelectionError> {
    if let Some(c) = election
        .candidates
        .iter()
        .enumerate()
        .find(|(c, cand)| cand.cost.is_zero() && tally.votes[*c] > 0)
    {
        return Err(SelectionError::FreeProject(c.1.id.clone()));
    }
    let instance = equal_shares::Instance::new(election, tally);
    let done = equal_shares::add1(election, &instance);
    let winners = done.run.winners.clone();
    let m = election.candidates.len();
    let mut chosen = vec![false; m];
    for &c in &winners {
        chosen[c] = true;
    }
    let mut order = winners.clone();
    let mut rest: Vec<usize> = (0..m).filter(|&c| !chosen[c]).collect();
    crate::order::sort_by(&mut rest, |&a, &b| {
        tally.votes[b]
            .cmp(&tally.votes[a])
            .then(
                election.candidates[a]
                    .cost
                    .cmp(&election.candidates[b].cost),
            )
            .then(a.cmp(&b))
    });
    order.extend(rest);
    let reasons = (0..m)
        .map(|c| {
            if chosen[c] {
                Reason::Selected
            } else if tally.votes[c] == 0 {
                Reason::NoSupport
            } else {
                Reason::SupportersCannotPay
            }
        })
        .collect();
    let mes = Outcome {
        order,
        selected: winners.clone(),
        reasons,
    };
    let payments = payments(election, &instance, &done.run);
    let voter_budget = done
        .share
        .as_ref()
        .and_then(|s| i128::try_from(s).ok())
        .and_then(|s| Decimal::try_from_i128_with_scale(s, 0).ok());
    let mut comparison = None;
    let mut outcome = mes;
    let mut stands = true;
    if compare {
        let greedy = greedy::run(election, tally, greedy::Variant::Skip);
        let (prefer_mes, prefer_greedy) =
            comparison::preferences(tally, &winners, &greedy.selected);
        stands = prefer_greedy <= prefer_mes;
        comparison = Some(Comparison {
            greedy: ids(election, &greedy.selected),
            equal_shares: ids(election, &winners),
            prefer_equal_shares: prefer_mes,
            prefer_greedy,
            equal_shares_stands: stands,
        });
        if !stands {
            let mut lost = greedy;
            for &c in &winners {
                if !lost.selected.contains(&c) {
                    lost.reasons[c] = Reason::LostComparison;
                }
            }
            outcome = lost;
        }
    }
    let mut selection = finish(election, tally, rule, outcome);
    selection.voter_budget = voter_budget;
    if stands {
        selection.payments = payments;
    }
    selection.comparison = comparison;
    Ok(selection)
}

/// What each voter paid in the final run, voters who paid nothing left out.
fn payments(
    election: &Election,
    instance: &equal_shares::Instance,
    run: &equal_shares::Run,
) -> Vec<VoterPayment> {
    let mut out = Vec::new();
    for (ballot, group) in election.ballots.iter().zip(&instance.ballot_group) {
        let Some(g) = group.map(|g| g as usize) else {
            continue;
        };
        let Some(paid) = run.payments.get(g).filter(|p| !p.is_empty()) else {
            continue;
        };
        let text = |i: u32| run.amounts.get(i as usize).cloned().unwrap_or_default();
        out.push(VoterPayment {
            voter: ballot.voter.clone(),
            paid: run.paid.get(g).map(|&i| text(i)).unwrap_or_default(),
            projects: paid
                .iter()
                .map(|&(c, a)| (election.candidates[c as usize].id.clone(), text(a)))
                .collect(),
        });
    }
    out
}

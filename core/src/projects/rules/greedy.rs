//! The greedy rules: projects by score, highest first, each added while the money lasts.
//!
//! The order is by score, highest first; ties go to the project more ballots name, then
//! to the cheaper one, then to the one listed first among the candidates. A project that
//! no ballot names is never chosen ([`Reason::NoSupport`]).

use rust_decimal::Decimal;

use super::score::Tally;
use super::Outcome;
use crate::projects::{Election, Reason};

/// Which greedy rule.
#[derive(Clone, Copy, Debug)]
pub(crate) enum Variant {
    /// Skip what does not fit and go on.
    Skip,
    /// Stop at the first project that does not fit.
    NoSkip,
    /// Skip, among the projects scoring at least this.
    Threshold(Decimal),
}

/// The candidates in the greedy rules' order.
pub(crate) fn order(election: &Election, tally: &Tally) -> Vec<usize> {
    let mut order: Vec<usize> = (0..election.candidates.len()).collect();
    crate::order::sort_by(&mut order, |&a, &b| {
        tally.scores[b]
            .cmp(&tally.scores[a])
            .then(tally.votes[b].cmp(&tally.votes[a]))
            .then(
                election.candidates[a]
                    .cost
                    .cmp(&election.candidates[b].cost),
            )
            .then(a.cmp(&b))
    });
    order
}

/// Runs a greedy rule.
pub(crate) fn run(election: &Election, tally: &Tally, variant: Variant) -> Outcome {
    let order = order(election, tally);
    let mut left = election.budget;
    let mut selected = Vec::new();
    let mut reasons = vec![Reason::NoSupport; election.candidates.len()];
    let mut stopped: Option<usize> = None;
    for &c in &order {
        let cost = election.candidates[c].cost;
        reasons[c] = if tally.votes[c] == 0 {
            Reason::NoSupport
        } else if let Some(s) = stopped {
            Reason::AfterStop {
                stopped_at: election.candidates[s].id.clone(),
            }
        } else if matches!(variant, Variant::Threshold(min) if tally.scores[c] < min) {
            Reason::BelowThreshold
        } else if cost <= left {
            left -= cost;
            selected.push(c);
            Reason::Selected
        } else {
            if matches!(variant, Variant::NoSkip) {
                stopped = Some(c);
            }
            Reason::DoesNotFit { left }
        };
    }
    Outcome {
        order,
        selected,
        reasons,
    }
}

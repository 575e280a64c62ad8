//! The Method of Equal Shares with cost utilities, completed by `add1`, in exact
//! arithmetic.
//!
//! Each voter holds an equal share of a per-voter budget. A project can be bought when
//! its supporters (the voters whose ballot names it) hold its cost between them. Among
//! the projects that can be bought, the one bought next is the one whose supporters pay
//! the least per unit of utility: with cost utilities that is the one with the lowest
//! `rho / cost`, `rho` being the most any supporter pays when the cost is split as
//! equally as possible (supporters holding less than `rho` pay all they hold, the others
//! pay `rho`). Equivalently, the highest "effective vote count" `cost / rho`. Ties go to
//! the project more ballots name, then to the cheaper one, then to the one listed first
//! among the candidates. Projects that cost nothing or that no ballot names are never
//! bought.
//!
//! `add1` (the equalshares.net compute tool's completion): per-voter budgets are whole
//! currency units, starting at `floor(budget / voters)`; the per-voter budget is raised
//! one unit at a time while the outcome's cost still fits the real budget, and the last
//! outcome that fits is the result. When every project together fits the budget, the
//! rule runs once with `budget / voters` each and no completion, as the tool does. The
//! raising also stops once every project that can be bought is bought (more money cannot
//! change that outcome), which the tool, looping until it overspends, would never reach.
//!
//! Voters with the same ballot hold the same money throughout, so they are counted as one
//! group with a weight; voters holding the same money form a class, each project's
//! supporters are counted per class, and a purchase moves weights between classes
//! rather than touching voters one by one. In the exact run (`exact`) all money is kept
//! as whole numbers over one common denominator, so sums and comparisons need no
//! reduction; the denominator grows with each purchase whose price needs a finer one.
//!
//! Where the time goes: each `add1` step is a full run, and on a city-wide election
//! (hundreds of thousands of ballots) most voters end in a class of their own, the
//! classes number tens of thousands and the exact common denominator hundreds of
//! digits. So every step but the last, which needs only the projects bought, runs in
//! floating point (`fast`), each of its decisions proved from error bounds carried with
//! the money, and falls back to the exact run when one cannot be proved (an exact tie,
//! a price equal to what a class holds). The last step runs exactly, to record the
//! payments, and follows the projects already found rather than searching again.

use std::collections::HashMap;

use num_bigint::BigInt;
use num_integer::Integer;
use num_rational::BigRational;
use num_traits::Signed;
use rust_decimal::Decimal;

mod exact;
mod fast;
#[cfg(test)]
mod tests;

use super::score::Tally;
use crate::projects::Election;

/// An exact rational from a decimal.
pub(crate) fn rational(d: Decimal) -> BigRational {
    let mantissa = BigInt::from(d.mantissa());
    let scale = BigInt::from(10u32).pow(d.scale());
    BigRational::new(mantissa, scale)
}

/// A decimal in floating point, with a bound on its error: the mantissa and the power
/// of ten are each rounded once (the power exactly up to 10^22), then divided; sixteen
/// units in the last place cover the three roundings with room to spare.
fn float(d: Decimal) -> (f64, f64) {
    let x = d.mantissa() as f64 / 10f64.powi(d.scale() as i32);
    (x, x.abs() * 16.0 * f64::EPSILON)
}

/// An election indexed for Equal Shares: identical ballots grouped, and each project's
/// supporting groups.
pub(crate) struct Instance {
    /// Candidates.
    m: usize,
    /// Each candidate's cost.
    costs: Vec<BigRational>,
    /// Each candidate's cost in floating point, with a bound on its error.
    cost_floats: Vec<(f64, f64)>,
    /// Each candidate's votes.
    pub votes: Vec<u64>,
    /// Whether the candidate can be bought at all (costs something, has support).
    eligible: Vec<bool>,
    /// Voters, empty ballots included.
    pub voters: u64,
    /// Each group's weight (its number of voters).
    weights: Vec<u64>,
    /// Each group's approvals, as ranges of `items`.
    starts: Vec<usize>,
    /// The groups' approvals, one after another.
    items: Vec<u32>,
    /// Each candidate's supporting groups.
    supporters: Vec<Vec<u32>>,
    /// Each ballot's group (none for an empty ballot).
    pub ballot_group: Vec<Option<u32>>,
}

/// One run's outcome.
pub(crate) struct Run {
    /// The projects bought, in order.
    pub winners: Vec<usize>,
    /// When asked for: what each group's voters each paid, per project, as
    /// `(candidate, amount)` with the amount an index into `amounts`.
    pub payments: Vec<Vec<(u32, u32)>>,
    /// When asked for: what each group's voters each paid in all, an index into
    /// `amounts`.
    pub paid: Vec<u32>,
    /// The amounts paid, as exact fractions in text; each is written once, however
    /// many voters paid it.
    pub amounts: Vec<String>,
}

impl Instance {
    /// Indexes an election.
    pub fn new(election: &Election, tally: &Tally) -> Instance {
        let m = election.candidates.len();
        let costs: Vec<BigRational> = election
            .candidates
            .iter()
            .map(|c| rational(c.cost))
            .collect();
        let cost_floats = election.candidates.iter().map(|c| float(c.cost)).collect();
        let eligible = (0..m)
            .map(|c| tally.votes[c] > 0 && costs[c].is_positive())
            .collect();
        let mut groups: HashMap<Vec<u32>, u32> = HashMap::new();
        let mut weights: Vec<u64> = Vec::new();
        let mut starts = vec![0usize];
        let mut items = Vec::new();
        let mut ballot_group = Vec::with_capacity(tally.ballots.len());
        for ballot in &tally.ballots {
            if ballot.is_empty() {
                ballot_group.push(None);
                continue;
            }
            let mut key = ballot.clone();
            key.sort_unstable();
            let next = weights.len() as u32;
            let g = *groups.entry(key).or_insert_with_key(|key| {
                items.extend_from_slice(key);
                starts.push(items.len());
                next
            });
            if g == next {
                weights.push(0);
            }
            weights[g as usize] += 1;
            ballot_group.push(Some(g));
        }
        let mut supporters = vec![Vec::new(); m];
        for g in 0..weights.len() {
            for &c in &items[starts[g]..starts[g + 1]] {
                supporters[c as usize].push(g as u32);
            }
        }
        Instance {
            m,
            costs,
            cost_floats,
            votes: tally.votes.clone(),
            eligible,
            voters: tally.ballots.len() as u64,
            weights,
            starts,
            items,
            supporters,
            ballot_group,
        }
    }

    /// The projects one run with a whole `share` for each voter buys, in order: found in
    /// floating point where every decision can be proved so, else in exact arithmetic.
    pub fn winners(&self, share: &BigInt) -> Vec<usize> {
        u64::try_from(share)
            .ok()
            .and_then(|s| self.fast_winners(s))
            .unwrap_or_else(|| {
                self.run(&BigRational::from_integer(share.clone()), false, None)
                    .winners
            })
    }

    /// Whether every candidate that can be bought is in `winners`.
    pub fn all_bought(&self, winners: &[usize]) -> bool {
        winners.len() == self.eligible.iter().filter(|&&e| e).count()
    }
}

/// The per-voter share `add1` starts from: `floor(budget / voters)` whole units.
pub(crate) fn start_share(budget: &BigRational, voters: u64) -> BigInt {
    let n = BigInt::from(voters);
    let (num, den) = (budget.numer(), budget.denom());
    num.div_floor(&(den * n))
}

/// The outcome of Equal Shares with `add1`.
pub(crate) struct Completed {
    /// The final run, with payments.
    pub run: Run,
    /// The per-voter budget `add1` ended at (none when it did not run: every project
    /// together fits the budget).
    pub share: Option<BigInt>,
}

/// Equal Shares completed by `add1`.
pub(crate) fn add1(election: &Election, instance: &Instance) -> Completed {
    let budget = rational(election.budget);
    let total: Decimal = election.candidates.iter().map(|c| c.cost).sum();
    if instance.voters == 0 {
        return Completed {
            run: Run {
                winners: Vec::new(),
                payments: Vec::new(),
                paid: Vec::new(),
                amounts: Vec::new(),
            },
            share: None,
        };
    }
    let n = BigInt::from(instance.voters);
    if total <= election.budget {
        let held = &budget / &n;
        return Completed {
            run: instance.run(&held, true, None),
            share: None,
        };
    }
    let cost_of = |winners: &[usize]| -> Decimal {
        winners.iter().map(|&c| election.candidates[c].cost).sum()
    };
    let mut share = start_share(&budget, instance.voters);
    let mut winners = instance.winners(&share);
    while !instance.all_bought(&winners) {
        let next = &share + 1u32;
        let outcome = instance.winners(&next);
        if cost_of(&outcome) > election.budget {
            break;
        }
        share = next;
        winners = outcome;
    }
    // The final run records payments in exact arithmetic, following the projects
    // already found for this share (and searching afresh should they not be bought).
    let held = BigRational::from_integer(share.clone());
    let mut run = instance.run(&held, true, Some(&winners));
    if run.winners != winners {
        run = instance.run(&held, true, None);
    }
    Completed {
        run,
        share: Some(share),
    }
}

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
//! rather than touching voters one by one. All money is kept as whole numbers over one
//! common denominator, so sums and comparisons need no reduction; the denominator grows
//! with each purchase whose price needs a finer one.
//!
//! Where the time goes: each `add1` step is a full run. On Pabulib's elections a run
//! takes about a millisecond. On a city-wide election (hundreds of thousands of
//! ballots) most voters end in a class of their own, the classes number tens of
//! thousands and the common denominator hundreds of digits: a run then spends its time
//! moving supporters between classes after each purchase, scaling every class to a new
//! denominator, and pricing the few projects each round evaluates.

use std::collections::HashMap;

use num_bigint::BigInt;
use num_integer::Integer;
use num_rational::BigRational;
use num_traits::{One, Signed, Zero};
use rust_decimal::Decimal;
use std::cmp::{Ordering, Reverse};

use super::score::Tally;
use crate::projects::Election;

/// An exact rational from a decimal.
pub(crate) fn rational(d: Decimal) -> BigRational {
    let mantissa = BigInt::from(d.mantissa());
    let scale = BigInt::from(10u32).pow(d.scale());
    BigRational::new(mantissa, scale)
}

/// An election indexed for Equal Shares: identical ballots grouped, and each project's
/// supporting groups.
pub(crate) struct Instance {
    /// Candidates.
    m: usize,
    /// Each candidate's cost.
    costs: Vec<BigRational>,
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

    /// Whether every candidate that can be bought is in `winners`.
    pub fn all_bought(&self, winners: &[usize]) -> bool {
        winners.len() == self.eligible.iter().filter(|&&e| e).count()
    }

    /// One run of the rule with `share` for each voter; records payments when asked.
    ///
    /// All money is held as whole numbers over one common denominator `den` (the
    /// classes' money, the costs), so that sums and comparisons need no reduction; a
    /// purchase whose price needs a finer denominator scales everything up once.
    pub fn run(&self, share: &BigRational, record: bool) -> Run {
        let m = self.m;
        let mut den: BigInt = self
            .costs
            .iter()
            .fold(share.denom().clone(), |d, c| d.lcm(c.denom()));
        let scale = |r: &BigRational, den: &BigInt| r.numer() * (den / r.denom());
        let mut costs: Vec<BigInt> = self.costs.iter().map(|c| scale(c, &den)).collect();
        // Classes of voters holding the same money: what each holds, how many there
        // are, and per candidate how many of them support it.
        let mut values: Vec<BigInt> = vec![scale(share, &den)];
        let mut totals: Vec<u64> = vec![self.weights.iter().sum()];
        let mut weights: Vec<Vec<u64>> = self.votes.iter().map(|&v| vec![v]).collect();
        let mut zero_class: Option<usize> = None;
        let mut group_class: Vec<u32> = vec![0; self.weights.len()];
        let mut payments: Vec<Vec<(u32, u32)>> = if record {
            vec![Vec::new(); self.weights.len()]
        } else {
            Vec::new()
        };
        let mut amounts: Vec<String> = Vec::new();
        let mut share_now = values[0].clone();
        // Remaining candidates with an upper bound of their effective vote count.
        let mut remaining: Vec<(usize, Ratio)> = (0..m)
            .filter(|&c| self.eligible[c])
            .map(|c| (c, Ratio::whole(self.votes[c])))
            .collect();
        let mut winners = Vec::new();
        // The live classes, by the money their voters hold, least first.
        let mut live: Vec<usize> = vec![0];
        loop {
            remaining.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
            let mut best: Option<(usize, Ratio, Price)> = None;
            let mut gone: Vec<usize> = Vec::new();
            for (slot, entry) in remaining.iter_mut().enumerate() {
                let c = entry.0;
                if let Some((_, best_eff, _)) = &best {
                    if entry.1 < *best_eff {
                        break;
                    }
                }
                let wc = &weights[c];
                let supporters = live.iter().filter_map(|&k| {
                    let w = wc[k];
                    (w > 0).then_some((w, &values[k]))
                });
                let Some(price) = price(&costs[c], self.votes[c], supporters) else {
                    gone.push(slot);
                    continue;
                };
                let eff = Ratio {
                    num: &costs[c] * price.count,
                    den: price.rest.clone(),
                };
                entry.1 = eff.clone();
                let better = match &best {
                    None => true,
                    Some((b, best_eff, _)) => match eff.cmp(best_eff) {
                        Ordering::Greater => true,
                        Ordering::Less => false,
                        Ordering::Equal => {
                            (self.votes[c], Reverse(&self.costs[c]), Reverse(c))
                                > (self.votes[*b], Reverse(&self.costs[*b]), Reverse(*b))
                        }
                    },
                };
                if better {
                    best = Some((c, eff, price));
                }
            }
            for slot in gone.into_iter().rev() {
                remaining.remove(slot);
            }
            let Some((p, _, price)) = best else {
                break;
            };
            remaining.retain(|e| e.0 != p);
            winners.push(p);
            // rho = rest / (count * den): bring everything over a denominator rho fits.
            let g = price.rest.gcd(&BigInt::from(price.count));
            let rho = &price.rest / &g;
            let factor = BigInt::from(price.count) / &g;
            if !factor.is_one() {
                den *= &factor;
                share_now *= &factor;
                for &k in &live {
                    values[k] *= &factor;
                }
                for c in costs.iter_mut() {
                    *c *= &factor;
                }
            }
            // Where each paying class goes, and what each of its voters pays. Classes
            // left with money are new (two classes may hold the same: the price does
            // not depend on how voters are grouped); those left with none join one.
            let mut dest: Vec<u32> = vec![u32::MAX; values.len()];
            let mut pays: Vec<(BigInt, usize, u32)> = Vec::new();
            let mut rho_amount: Option<u32> = None;
            let mut fresh: Vec<usize> = Vec::new();
            for &k in &live {
                if weights[p][k] == 0 {
                    continue;
                }
                let (pay, k2) = if values[k] > rho {
                    let k2 = values.len();
                    values.push(&values[k] - &rho);
                    fresh.push(k2);
                    (rho.clone(), k2)
                } else {
                    let k2 = match zero_class {
                        Some(z) => z,
                        None => {
                            let z = values.len();
                            values.push(BigInt::zero());
                            fresh.push(z);
                            zero_class = Some(z);
                            z
                        }
                    };
                    (values[k].clone(), k2)
                };
                if k2 >= totals.len() {
                    totals.resize(k2 + 1, 0);
                }
                let amount = if !record {
                    0
                } else if pay == rho {
                    *rho_amount.get_or_insert_with(|| {
                        amounts.push(BigRational::new(rho.clone(), den.clone()).to_string());
                        amounts.len() as u32 - 1
                    })
                } else {
                    amounts.push(BigRational::new(pay.clone(), den.clone()).to_string());
                    amounts.len() as u32 - 1
                };
                dest[k] = pays.len() as u32;
                pays.push((pay, k2, amount));
            }
            for wc in weights.iter_mut() {
                wc.resize(values.len(), 0);
            }
            for &g in &self.supporters[p] {
                let g = g as usize;
                let k = group_class[g] as usize;
                let at = dest[k];
                if at == u32::MAX {
                    continue;
                }
                let (_, k2, amount) = &pays[at as usize];
                let k2 = *k2;
                let w = self.weights[g];
                if record {
                    payments[g].push((p as u32, *amount));
                }
                if k2 == k {
                    continue;
                }
                for &c in &self.items[self.starts[g]..self.starts[g + 1]] {
                    let wc = &mut weights[c as usize];
                    wc[k] -= w;
                    wc[k2] += w;
                }
                totals[k] -= w;
                totals[k2] += w;
                group_class[g] = k2 as u32;
            }
            // The new classes into the order, and the emptied ones out.
            fresh.sort_by(|&a, &b| values[a].cmp(&values[b]));
            let old = std::mem::take(&mut live);
            live.reserve(old.len() + fresh.len());
            let (mut i, mut j) = (0, 0);
            while i < old.len() || j < fresh.len() {
                let take_old =
                    j >= fresh.len() || (i < old.len() && values[old[i]] <= values[fresh[j]]);
                let k = if take_old {
                    i += 1;
                    old[i - 1]
                } else {
                    j += 1;
                    fresh[j - 1]
                };
                if totals[k] > 0 && live.last() != Some(&k) {
                    live.push(k);
                }
            }
        }
        // What each group paid in all: its share less what its class holds at the end.
        let mut paid = Vec::new();
        if record {
            let mut by_class: HashMap<u32, u32> = HashMap::new();
            for (g, &k) in group_class.iter().enumerate() {
                if payments[g].is_empty() {
                    paid.push(0);
                    continue;
                }
                let entry = *by_class.entry(k).or_insert_with(|| {
                    let spent = &share_now - &values[k as usize];
                    amounts.push(BigRational::new(spent, den.clone()).to_string());
                    amounts.len() as u32 - 1
                });
                paid.push(entry);
            }
        }
        Run {
            winners,
            payments,
            paid,
            amounts,
        }
    }
}

/// A fraction compared without reduction (both parts positive).
#[derive(Clone, Debug)]
struct Ratio {
    num: BigInt,
    den: BigInt,
}

impl Ratio {
    fn whole(n: u64) -> Ratio {
        Ratio {
            num: BigInt::from(n),
            den: BigInt::from(1u32),
        }
    }

    fn cmp(&self, other: &Ratio) -> Ordering {
        (&self.num * &other.den).cmp(&(&other.num * &self.den))
    }
}

impl PartialEq for Ratio {
    fn eq(&self, other: &Ratio) -> bool {
        self.cmp(other) == Ordering::Equal
    }
}

impl PartialOrd for Ratio {
    fn partial_cmp(&self, other: &Ratio) -> Option<Ordering> {
        Some(Ratio::cmp(self, other))
    }
}

/// A project's price to its supporters: the most one pays is `rest / count` (over the
/// common denominator): `count` supporters pay that, the others all they hold.
struct Price {
    rest: BigInt,
    count: u64,
}

/// Splits `cost` as equally as possible among supporters holding the given money
/// (`(how many, what each holds)`, by money held, least first); none if they hold less
/// than the cost together.
fn price<'a>(
    cost: &BigInt,
    votes: u64,
    classes: impl Iterator<Item = (u64, &'a BigInt)> + Clone,
) -> Option<Price> {
    let mut money = BigInt::zero();
    for (w, v) in classes.clone() {
        money += v * w;
    }
    if money < *cost {
        return None;
    }
    let mut paid = BigInt::zero();
    let mut count = votes;
    for (w, v) in classes {
        if count == 0 {
            return None;
        }
        let rest = cost - &paid;
        if rest > v * count {
            paid += v * w;
            count -= w;
        } else {
            return Some(Price { rest, count });
        }
    }
    None
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
            run: instance.run(&held, true),
            share: None,
        };
    }
    let cost_of = |winners: &[usize]| -> Decimal {
        winners.iter().map(|&c| election.candidates[c].cost).sum()
    };
    let mut share = start_share(&budget, instance.voters);
    let mut winners = instance
        .run(&BigRational::from_integer(share.clone()), false)
        .winners;
    while !instance.all_bought(&winners) {
        let next = &share + 1u32;
        let outcome = instance
            .run(&BigRational::from_integer(next.clone()), false)
            .winners;
        if cost_of(&outcome) > election.budget {
            break;
        }
        share = next;
        winners = outcome;
    }
    let held = BigRational::from_integer(share.clone());
    Completed {
        run: instance.run(&held, true),
        share: Some(share),
    }
}

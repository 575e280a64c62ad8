//! One run of Equal Shares in floating point, each decision proved from error bounds.
//!
//! `add1` needs, at every step but the last, only which projects a run buys. This run
//! finds them with `f64` money, carrying beside each class's money a bound on how far
//! it can be from the exact amount. Every decision the rule makes (whether supporters
//! can pay for a project, which project is bought next, whether a class pays all it
//! holds) is taken only when the bounds prove it is the decision the exact run takes;
//! when they cannot (a near tie, an amount too close to a price), the run gives up and
//! the caller runs the exact rule instead. So the projects it returns are exactly the
//! exact run's.
//!
//! The bounds: a sum or product of non-negative floats is off by at most half a unit in
//! the last place per operation, so a sum of `n` terms is within `(n + 2) * EPSILON`
//! times itself of the exact sum (with slack). A price `rho` is bracketed by solving
//! `sum(min(held, rho)) = cost` with the money the walk's poorer classes hold widened
//! by their bounds, and the bracket is checked against the next classes' money.

use std::cmp::Reverse;

use super::Instance;

/// The unit in the last place relative to 1; twice the rounding of one operation.
const U: f64 = f64::EPSILON;

/// A class of voters holding the same money: what each holds, and a bound on its error.
#[derive(Clone, Copy, Default)]
struct Money {
    held: f64,
    err: f64,
}

/// A candidate's price bracket and its effective vote count's bracket.
#[derive(Clone, Copy)]
struct Priced {
    rho: f64,
    rho_err: f64,
    eff_lo: f64,
    eff_hi: f64,
}

/// What pricing a candidate proved.
enum Pricing {
    /// Its supporters can pay, at a price within the bracket.
    Affordable(Priced),
    /// Its supporters cannot pay for it.
    Unaffordable,
    /// Too close to call.
    Unsure,
}

/// Whether a price's error is small enough to take decisions with.
fn sane(x: f64) -> bool {
    x.is_finite() && x >= 0.0
}

impl Instance {
    /// The projects one run with `share` (a whole amount) for each voter buys, in
    /// order; none when some decision cannot be proved in floating point.
    pub(super) fn fast_winners(&self, share: u64) -> Option<Vec<usize>> {
        if share >= 1 << 52 || self.voters >= u64::from(u32::MAX) {
            return None;
        }
        let m = self.m;
        let costs = &self.cost_floats;
        let mut money: Vec<Money> = vec![Money {
            held: share as f64,
            err: 0.0,
        }];
        let mut totals: Vec<u32> = vec![self.weights.iter().sum::<u64>() as u32];
        // Per candidate still in play, how many of its supporters each class holds.
        let mut tracked: Vec<bool> = self.eligible.clone();
        let mut weights: Vec<Vec<u32>> = (0..m)
            .map(|c| {
                if tracked[c] {
                    vec![self.votes[c] as u32]
                } else {
                    Vec::new()
                }
            })
            .collect();
        let mut free: Vec<usize> = Vec::new();
        let mut zero_class: Option<usize> = None;
        let mut group_class: Vec<u32> = vec![0; self.weights.len()];
        let mut err_max = 0.0f64;
        // Candidates in play, with an upper bound of their effective vote count.
        let mut remaining: Vec<(usize, f64)> = (0..m)
            .filter(|&c| self.eligible[c])
            .map(|c| (c, self.votes[c] as f64 * (1.0 + 4.0 * U)))
            .collect();
        let mut winners = Vec::new();
        let mut live: Vec<usize> = vec![0];
        let mut dest: Vec<u32> = Vec::new();
        let mut fresh: Vec<usize> = Vec::new();
        let mut evaluated: Vec<(usize, Priced)> = Vec::new();
        loop {
            crate::order::sort_by(&mut remaining, |a, b| {
                b.1.total_cmp(&a.1).then(a.0.cmp(&b.0))
            });
            evaluated.clear();
            let mut best: Option<(usize, Priced)> = None;
            let mut gone: Vec<usize> = Vec::new();
            let mut pruned_hi = f64::NEG_INFINITY;
            for (slot, entry) in remaining.iter_mut().enumerate() {
                let c = entry.0;
                if let Some((_, b)) = &best {
                    if entry.1 < b.eff_lo {
                        pruned_hi = entry.1;
                        break;
                    }
                }
                let priced =
                    match price(costs[c], self.votes[c], &weights[c], &live, &money, err_max) {
                        Pricing::Unsure => return None,
                        Pricing::Unaffordable => {
                            gone.push(slot);
                            continue;
                        }
                        Pricing::Affordable(p) => p,
                    };
                entry.1 = priced.eff_hi;
                evaluated.push((c, priced));
                let better = match &best {
                    None => true,
                    Some((b, bp)) => {
                        let mid = priced.eff_hi + priced.eff_lo;
                        let best_mid = bp.eff_hi + bp.eff_lo;
                        mid > best_mid || (mid == best_mid && self.wins_tie(c, *b))
                    }
                };
                if better {
                    best = Some((c, priced));
                }
            }
            let Some((p, priced)) = best else {
                break;
            };
            // Proved best: certainly above every other, or tied at most and first by
            // the rule's tie-break (more votes, then cheaper, then listed first).
            if pruned_hi >= priced.eff_lo {
                return None;
            }
            for &(c, other) in &evaluated {
                if c == p {
                    continue;
                }
                let proved = other.eff_hi < priced.eff_lo
                    || (self.wins_tie(p, c) && other.eff_hi <= priced.eff_lo);
                if !proved {
                    return None;
                }
            }
            for slot in gone.into_iter().rev() {
                let c = remaining.remove(slot).0;
                tracked[c] = false;
            }
            remaining.retain(|e| e.0 != p);
            tracked[p] = false;
            winners.push(p);
            // Each paying class pays `rho` and keeps the rest, or pays all it holds.
            let (rho, rho_err) = (priced.rho, priced.rho_err);
            dest.clear();
            dest.resize(money.len(), u32::MAX);
            fresh.clear();
            for &k in &live {
                if weights[p][k] == 0 {
                    continue;
                }
                let Money { held, err } = money[k];
                let k2 = if held - err > rho + rho_err {
                    let left = held - rho;
                    let err = err + rho_err + U * left;
                    err_max = err_max.max(err);
                    let k2 = new_class(&mut money, &mut free, Money { held: left, err });
                    fresh.push(k2);
                    k2
                } else if held + err <= rho - rho_err {
                    match zero_class {
                        Some(z) => z,
                        None => {
                            let z = new_class(&mut money, &mut free, Money::default());
                            fresh.push(z);
                            zero_class = Some(z);
                            z
                        }
                    }
                } else {
                    return None;
                };
                dest[k] = k2 as u32;
            }
            if dest.len() < money.len() {
                dest.resize(money.len(), u32::MAX);
            }
            if totals.len() < money.len() {
                totals.resize(money.len(), 0);
                for (c, wc) in weights.iter_mut().enumerate() {
                    if tracked[c] {
                        wc.resize(money.len(), 0);
                    }
                }
            }
            for &g in &self.supporters[p] {
                let g = g as usize;
                let k = group_class[g] as usize;
                let k2 = dest[k];
                if k2 == u32::MAX || k2 as usize == k {
                    continue;
                }
                let k2 = k2 as usize;
                let w = self.weights[g] as u32;
                for &c in &self.items[self.starts[g]..self.starts[g + 1]] {
                    if tracked[c as usize] {
                        let wc = &mut weights[c as usize];
                        wc[k] -= w;
                        wc[k2] += w;
                    }
                }
                totals[k] -= w;
                totals[k2] += w;
                group_class[g] = k2 as u32;
            }
            // The new classes into the order, the emptied ones out and freed.
            crate::order::sort_by(&mut fresh, |&a, &b| money[a].held.total_cmp(&money[b].held));
            let old = std::mem::take(&mut live);
            live.reserve(old.len() + fresh.len());
            let (mut i, mut j) = (0, 0);
            while i < old.len() || j < fresh.len() {
                let take_old = j >= fresh.len()
                    || (i < old.len() && money[old[i]].held <= money[fresh[j]].held);
                let k = if take_old {
                    i += 1;
                    old[i - 1]
                } else {
                    j += 1;
                    fresh[j - 1]
                };
                if totals[k] == 0 {
                    free.push(k);
                } else if live.last() != Some(&k) {
                    live.push(k);
                }
            }
        }
        Some(winners)
    }

    /// Whether `a` goes before `b` when they tie: more votes, then cheaper, then
    /// listed first.
    fn wins_tie(&self, a: usize, b: usize) -> bool {
        (self.votes[a], Reverse(&self.costs[a]), Reverse(a))
            > (self.votes[b], Reverse(&self.costs[b]), Reverse(b))
    }
}

/// A class for new money: a freed one when there is one.
fn new_class(money: &mut Vec<Money>, free: &mut Vec<usize>, value: Money) -> usize {
    match free.pop() {
        Some(k) => {
            money[k] = value;
            k
        }
        None => {
            money.push(value);
            money.len() - 1
        }
    }
}

/// Prices a candidate costing `cost` (with its error) among its `votes` supporters,
/// counted per class in `wc`, the classes `live` by money held, least first.
fn price(
    (cost, cost_err): (f64, f64),
    votes: u64,
    wc: &[u32],
    live: &[usize],
    money: &[Money],
    err_max: f64,
) -> Pricing {
    let mut paid = 0.0f64;
    let mut paid_err = 0.0f64;
    let mut terms = 0u64;
    let mut count = votes;
    let mut last_paid = 0.0f64;
    let mut at = live.len();
    for (i, &k) in live.iter().enumerate() {
        let w = wc[k];
        if w == 0 {
            continue;
        }
        let Money { held, err } = money[k];
        let rest = cost - paid;
        if rest > held * count as f64 {
            paid += held * f64::from(w);
            paid_err += err * f64::from(w);
            terms += 1;
            count -= u64::from(w);
            last_paid = held;
        } else {
            at = i;
            break;
        }
    }
    // How far the float sum of what poorer classes hold can be from the exact sum.
    let rounding = (terms as f64 + 2.0) * U * paid * 1.125;
    let slack = paid_err + rounding + cost_err;
    if at == live.len() {
        return if paid + slack < cost {
            Pricing::Unaffordable
        } else {
            Pricing::Unsure
        };
    }
    let n = count as f64;
    let rho = (cost - paid) / n;
    let rho_err = ((slack + 4.0 * U * (cost + paid)) / n) * (1.0 + 1e-6) + 4.0 * U * rho;
    let (lo, hi) = (rho - rho_err, rho + rho_err);
    if !(sane(rho_err) && lo > 0.0 && last_paid <= hi) {
        return Pricing::Unsure;
    }
    // Every class from the stopping one on must hold at least `hi`, bounds included.
    for &k in &live[at..] {
        let Money { held, err } = money[k];
        if held - err_max >= hi {
            break;
        }
        if wc[k] > 0 && held - err < hi {
            return Pricing::Unsure;
        }
    }
    let (eff_lo, eff_hi) = if terms == 0 {
        // Every supporter holds at least the equal split `cost / votes`, so that is the
        // price and `votes` the effective vote count, exactly.
        (votes as f64, votes as f64)
    } else {
        (
            (cost - cost_err) / hi * (1.0 - 4.0 * U),
            (cost + cost_err) / lo * (1.0 + 4.0 * U),
        )
    };
    Pricing::Affordable(Priced {
        rho,
        rho_err,
        eff_lo,
        eff_hi,
    })
}

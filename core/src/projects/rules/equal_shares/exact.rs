//! One run of Equal Shares in exact arithmetic: every class's money a whole number over
//! one common denominator. It records payments when asked, and it is what the
//! floating-point run (`fast`) falls back to when it cannot prove a decision.

use std::collections::HashMap;

use num_bigint::{BigInt, BigUint};
use num_integer::Integer;
use num_rational::BigRational;
use num_traits::{One, Signed, Zero};
use std::cmp::{Ordering, Reverse};

use super::{Instance, Run};

impl Instance {
    /// One run of the rule with `share` for each voter; records payments when asked.
    ///
    /// All money is held as whole numbers over one common denominator `den` (the
    /// classes' money, the costs), so that sums and comparisons need no reduction; a
    /// purchase whose price needs a finer denominator scales everything up once.
    ///
    /// With a `plan` (the projects a run with this share is known to buy, in order),
    /// each round prices only the planned project instead of searching for the best;
    /// the caller checks that the run bought the plan.
    pub fn run(&self, share: &BigRational, record: bool, plan: Option<&[usize]>) -> Run {
        let m = self.m;
        let mut den: BigInt = self
            .costs
            .iter()
            .fold(share.denom().clone(), |d, c| d.lcm(c.denom()));
        // `den` as a product of small factors, so that a fraction over it is reduced
        // by one small gcd per factor (none when the first does not fit a u64).
        let mut factors: Option<Vec<u64>> = u64::try_from(&den).ok().map(|d| vec![d]);
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
            if let Some(plan) = plan {
                let Some(&next) = plan.get(winners.len()) else {
                    break;
                };
                remaining = vec![(next, Ratio::whole(self.votes[next]))];
            }
            crate::order::sort_by(&mut remaining, |a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
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
                if let (Some(list), Ok(f)) = (factors.as_mut(), u64::try_from(&factor)) {
                    list.push(f);
                } else {
                    factors = None;
                }
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
                        amounts.push(fraction(&rho, &den, factors.as_deref()));
                        amounts.len() as u32 - 1
                    })
                } else {
                    amounts.push(fraction(&pay, &den, factors.as_deref()));
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
            crate::order::sort_by(&mut fresh, |&a, &b| values[a].cmp(&values[b]));
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
                    amounts.push(fraction(&spent, &den, factors.as_deref()));
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

/// `num / den` in lowest terms, as text. With `factors` (small numbers whose product is
/// `den`), the common factor is found a few factors at a time: for a run of factors
/// whose product `p` fits a u64, `num mod p` is taken once; then `gcd(num, f)` is
/// `gcd(num mod f, f)` for each `f` of the run, and dividing it out of `num` divides it
/// out of the remainder too (it divides `p`). Dividing out each factor's
/// share in turn leaves the fraction in lowest terms. Without factors, a gcd of the two
/// big numbers.
pub(super) fn fraction(num: &BigInt, den: &BigInt, factors: Option<&[u64]>) -> String {
    let Some(factors) = factors else {
        return BigRational::new(num.clone(), den.clone()).to_string();
    };
    let mut n = num.magnitude().to_u64_digits();
    let mut d = den.magnitude().to_u64_digits();
    let mut i = 0;
    while i < factors.len() {
        let (mut p, mut j) = (factors[i], i + 1);
        while j < factors.len() {
            match p.checked_mul(factors[j]) {
                Some(q) => p = q,
                None => break,
            }
            j += 1;
        }
        let mut r = remainder(&n, p);
        let mut common = 1u64;
        for &f in &factors[i..j] {
            let g = (r % f).gcd(&f);
            r /= g;
            common *= g;
        }
        if common > 1 {
            divide(&mut n, common);
            divide(&mut d, common);
        }
        i = j;
    }
    let whole = |digits: Vec<u64>| {
        let halves = digits
            .iter()
            .flat_map(|&x| [x as u32, (x >> 32) as u32])
            .collect();
        BigInt::from(BigUint::new(halves))
    };
    let n = if num.is_negative() {
        -whole(n)
    } else {
        whole(n)
    };
    BigRational::new_raw(n, whole(d)).to_string()
}

/// The remainder of a whole number (64-bit digits, least first) divided by `p`.
fn remainder(digits: &[u64], p: u64) -> u64 {
    digits
        .iter()
        .rev()
        .fold(0u128, |r, &x| ((r << 64) | u128::from(x)) % u128::from(p)) as u64
}

/// Divides a whole number (64-bit digits, least first) by `g` in place, exactly.
fn divide(digits: &mut [u64], g: u64) {
    let mut r = 0u128;
    for x in digits.iter_mut().rev() {
        let cur = (r << 64) | u128::from(*x);
        *x = (cur / u128::from(g)) as u64;
        r = cur % u128::from(g);
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

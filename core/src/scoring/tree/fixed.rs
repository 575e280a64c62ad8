//! Scoring one community in fixed point: every figure is held as a whole number of
//! 10^-24 (a unit), with no decimal division, and is rounded to hundredths only when the
//! rounding is sure to be the one the exact decimal path makes.
//!
//! ## Why the results are the same
//!
//! The exact path computes each loss `share × missing / whole` in `Decimal`, adds the
//! losses by top-level node, subtracts them from the nodes' most points, adds those, and
//! rounds to hundredths. Here:
//!
//! - `missing` and `whole` are exact integers at the values' common scale (which is at
//!   most [`MAX_SCALE`], and their mantissas below 10^28, so that the decimal
//!   subtractions are exact too); the comparisons that decide whether a point is lost
//!   are therefore the same.
//! - A loss in units is ⌊S × missing / whole⌋, where S is the share truncated to a unit:
//!   at most 2 units below the true quotient. The decimal loss is within 10^-22 of the
//!   true quotient (one rounding of a product whose scale is capped at 28, divided by a
//!   `whole` of at least 10^-[`MAX_SCALE`], and one rounding of a quotient below 100 to
//!   28 digits), and each decimal addition rounds by at most 10^-26.
//! - With at most [`MAX_LEAVES`] leaves, every figure here is thus within 10^-15
//!   ([`MARGIN`]) of the exact path's. A rounding (to hundredths, half away from zero)
//!   can only differ when a figure lies within that distance of a midpoint, and such a
//!   figure is not rounded here: the community is scored on the exact path instead.
//!   Figures known to be exact (a lost flag's share, sums of them, a node's most points
//!   with at most 24 decimals) are rounded as they are, midpoints included, since the
//!   decimal path adds them without rounding.
//! - A loss the exact path might see as zero (below 10^-15 here) is also left to it, as
//!   is anything that does not fit.

use rust_decimal::Decimal;

use super::model::{Better, Normalise};

/// Decimal digits of a unit.
const DIGITS: u32 = 24;
/// One hundredth in units.
const HUNDREDTH: i128 = 10i128.pow(DIGITS - 2);
/// Half a hundredth in units: the rounding midpoint.
const HALF: i128 = HUNDREDTH / 2;
/// How far (in units, 10^-15) an inexact figure must be from a midpoint to be rounded.
const MARGIN: i128 = 10i128.pow(9);
/// The most decimals a value, target or bound may have here.
const MAX_SCALE: u32 = 6;
/// The most leaves a tree may have for the error bound above to hold.
const MAX_LEAVES: usize = 100_000;
/// Mantissas at a common scale must stay below this (Decimal's own range is 2^96).
const LIMIT: i128 = 10i128.pow(28);

/// A figure in units, and whether it is exactly the decimal path's figure.
#[derive(Clone, Copy, Debug, Default)]
pub(super) struct Units {
    value: i128,
    exact: bool,
}

impl Units {
    /// A decimal in units, truncated toward zero; exact when nothing was cut.
    fn of(d: Decimal) -> Option<Units> {
        let (m, s) = (d.mantissa(), d.scale());
        if s <= DIGITS {
            let value = m.checked_mul(10i128.pow(DIGITS - s))?;
            return Some(Units { value, exact: true });
        }
        let p = 10i128.pow(s - DIGITS);
        Some(Units {
            value: m / p,
            exact: m % p == 0,
        })
    }

    fn add(self, other: Units) -> Option<Units> {
        Some(Units {
            value: self.value.checked_add(other.value)?,
            exact: self.exact && other.exact,
        })
    }

    fn sub(self, other: Units) -> Option<Units> {
        Some(Units {
            value: self.value.checked_sub(other.value)?,
            exact: self.exact && other.exact,
        })
    }

    /// In hundredths, rounded half away from zero, when sure to match the decimal path.
    pub(super) fn hundredths(self) -> Option<i128> {
        let a = self.value.abs();
        let (whole, rest) = (a / HUNDREDTH, a % HUNDREDTH);
        if !self.exact && (rest - HALF).abs() < MARGIN {
            return None;
        }
        let h = whole + i128::from(rest >= HALF);
        Some(if self.value < 0 { -h } else { h })
    }
}

/// A tree's figures in units, found once per evaluation.
pub(super) struct Fixed {
    shares: Vec<Units>,
    item_max: Vec<Units>,
    /// Each top-level node's lost units for the community being scored.
    lost: Vec<Units>,
}

/// What a value loses.
pub(super) enum Outcome {
    /// Nothing.
    Kept,
    /// Points, in hundredths rounded as the exact path rounds them.
    Lost(i128),
}

impl Fixed {
    /// The tree's figures, or `None` when the tree is beyond the fast path.
    /// `shares` are the leaves' shares of 100, `item_max` the top-level nodes' most points.
    pub(super) fn new(shares: &[Decimal], item_max: &[Decimal]) -> Option<Fixed> {
        if shares.len() > MAX_LEAVES {
            return None;
        }
        let shares: Option<Vec<Units>> = shares.iter().map(|&s| Units::of(s)).collect();
        let item_max: Option<Vec<Units>> = item_max.iter().map(|&m| Units::of(m)).collect();
        let item_max = item_max?;
        Some(Fixed {
            shares: shares?,
            lost: vec![Units::default(); item_max.len()],
            item_max,
        })
    }

    /// Starts a community: nothing lost yet.
    pub(super) fn start(&mut self) {
        let zero = Units {
            value: 0,
            exact: true,
        };
        self.lost.iter_mut().for_each(|l| *l = zero);
    }

    /// What leaf `i` (with its rule, under top-level node `top`) loses on a checked
    /// value, counted against that node; `None` when the exact path must decide.
    pub(super) fn lose(
        &mut self,
        i: usize,
        (normalise, top): (&Normalise, usize),
        value: Decimal,
        bounds: Option<(Decimal, Decimal)>,
    ) -> Option<Outcome> {
        let share = self.shares[i];
        let (missing, whole) = match *normalise {
            Normalise::Target { target, better } => {
                let [v, t] = aligned([value, target])?;
                match better {
                    Better::Higher if v < t => (t - v, t),
                    Better::Lower if v > t => (v - t, v),
                    _ => return Some(Outcome::Kept),
                }
            }
            Normalise::MinMax { better } => {
                let Some((lo, hi)) = bounds else {
                    return Some(Outcome::Kept);
                };
                let [v, lo, hi] = aligned([value, lo, hi])?;
                let missing = match better {
                    Better::Higher => hi - v,
                    Better::Lower => v - lo,
                };
                if missing == 0 || hi == lo {
                    return Some(Outcome::Kept);
                }
                (missing, hi - lo)
            }
            Normalise::Flag {} if value.is_zero() => {
                let hundredths = share.hundredths()?;
                self.count(top, share)?;
                return Some(Outcome::Lost(hundredths));
            }
            Normalise::Flag {} => return Some(Outcome::Kept),
        };
        let loss = Units {
            value: share.value.checked_mul(missing)? / whole,
            exact: false,
        };
        if loss.value < MARGIN {
            return None;
        }
        let hundredths = loss.hundredths()?;
        self.count(top, loss)?;
        Some(Outcome::Lost(hundredths))
    }

    fn count(&mut self, top: usize, loss: Units) -> Option<()> {
        self.lost[top] = self.lost[top].add(loss)?;
        Some(())
    }

    /// The community's points by top-level node in hundredths, into `points`, and its
    /// score in hundredths; `None` when the exact path must decide.
    pub(super) fn finish(&self, points: &mut Vec<i128>) -> Option<i128> {
        points.clear();
        let mut score = Units {
            value: 0,
            exact: true,
        };
        for (max, lost) in self.item_max.iter().zip(&self.lost) {
            let p = max.sub(*lost)?;
            points.push(p.hundredths()?);
            score = score.add(p)?;
        }
        score.hundredths()
    }
}

/// The mantissas of decimals brought to their common scale, when that scale is at most
/// [`MAX_SCALE`] and each stays below [`LIMIT`].
fn aligned<const N: usize>(ds: [Decimal; N]) -> Option<[i128; N]> {
    let scale = ds.iter().map(Decimal::scale).max().unwrap_or(0);
    if scale > MAX_SCALE {
        return None;
    }
    let mut out = [0i128; N];
    for (o, d) in out.iter_mut().zip(ds) {
        let m = d.mantissa().checked_mul(10i128.pow(scale - d.scale()))?;
        if m.abs() >= LIMIT {
            return None;
        }
        *o = m;
    }
    Some(out)
}

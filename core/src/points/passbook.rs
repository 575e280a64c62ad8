//! The points passbook (积分存折): dated lots with expiry, spent earliest expiry first,
//! then earliest earned, with every movement in its history.
//!
//! What a person has earned always equals what they spent, what expired and what is
//! left: `earned = spent + expired + balance`.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// Where a lot's points came from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Source {
    /// A certified service (hours and the activity's points).
    Service,
    /// A rated request the person handled.
    Request,
    /// An award by staff.
    Award,
}

/// A lot of points earned together.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Lot {
    /// The earning's id (`service:…`, `request:…`, `award:…`).
    pub id: String,
    /// Where it came from.
    pub source: Source,
    /// The day earned.
    pub earned_on: NaiveDate,
    /// The last day it may be spent, if it expires.
    pub expires_on: Option<NaiveDate>,
    /// Points earned.
    pub points: u64,
    /// Points not yet spent or expired.
    pub left: u64,
    /// Points expired.
    pub expired: u64,
}

impl Lot {
    /// Whether it may be spent on `day`.
    pub fn usable_on(&self, day: NaiveDate) -> bool {
        self.expires_on.is_none_or(|last| day <= last)
    }
}

/// Points taken from one lot.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Take {
    /// The lot's place in the passbook.
    pub lot: u32,
    /// Points taken.
    pub points: u64,
}

/// What a history line records.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Movement {
    /// Points earned.
    Earned,
    /// Points spent on a redemption.
    Redeemed,
    /// A redemption reversed: its points back in their lots.
    Reversed,
    /// Points expired.
    Expired,
}

/// A line of the passbook's history.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "snapshot", derive(serde::Serialize, serde::Deserialize))]
pub(crate) struct Line {
    pub(crate) on: NaiveDate,
    pub(crate) movement: Movement,
    pub(crate) points: u64,
    pub(crate) balance: u64,
    /// A lot's place for earnings and expiries; a redemption's place otherwise.
    pub(crate) reference: u32,
}

/// One person's passbook.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
#[cfg_attr(feature = "snapshot", derive(serde::Serialize, serde::Deserialize))]
pub struct Passbook {
    pub(crate) lots: Vec<Lot>,
    /// Lot places in spending order: earliest expiry (never last), then earliest earned.
    /// Empty while the lots as earned are in that order already (the usual case: one
    /// expiry rule for every lot), so that spending reads the lots alone.
    pub(crate) order: Vec<u32>,
    pub(crate) earned: u64,
    pub(crate) spent: u64,
    pub(crate) expired: u64,
    pub(crate) history: Vec<Line>,
}

impl Passbook {
    /// The lots, in the order earned.
    pub fn lots(&self) -> &[Lot] {
        &self.lots
    }

    /// Points left (spendable or awaiting an expiry run).
    pub fn balance(&self) -> u64 {
        self.earned - self.spent - self.expired
    }

    /// Points that may be spent on `day`: lots past their last day do not count, even
    /// before an expiry run removes them.
    pub fn available(&self, day: NaiveDate) -> u64 {
        self.lots
            .iter()
            .filter(|l| l.usable_on(day))
            .map(|l| l.left)
            .sum()
    }

    /// All points ever earned.
    pub fn earned(&self) -> u64 {
        self.earned
    }

    /// Points spent on redemptions still standing.
    pub fn spent(&self) -> u64 {
        self.spent
    }

    /// Points expired.
    pub fn expired(&self) -> u64 {
        self.expired
    }

    fn key(&self, ix: u32) -> (NaiveDate, NaiveDate, u32) {
        let l = &self.lots[ix as usize];
        (l.expires_on.unwrap_or(NaiveDate::MAX), l.earned_on, ix)
    }

    /// The lots `points` would take on `day`, in spending order, or `None` when not
    /// enough is available.
    pub fn plan(&self, points: u64, day: NaiveDate) -> Option<Vec<Take>> {
        let mut need = points;
        let mut takes = Vec::with_capacity(2);
        let mut take_from = |ix: u32, lot: &Lot| {
            if need == 0 || lot.left == 0 || !lot.usable_on(day) {
                return need == 0;
            }
            let take = lot.left.min(need);
            takes.push(Take {
                lot: ix,
                points: take,
            });
            need -= take;
            need == 0
        };
        if self.order.is_empty() {
            for (ix, lot) in self.lots.iter().enumerate() {
                if take_from(ix as u32, lot) {
                    break;
                }
            }
        } else {
            for &ix in &self.order {
                if take_from(ix, &self.lots[ix as usize]) {
                    break;
                }
            }
        }
        (need == 0).then_some(takes)
    }

    /// Checks a passbook read from a snapshot: its order must name each lot once. An
    /// order that is the lots' own is dropped, as [`Passbook::add_lot`] keeps it.
    #[cfg(feature = "snapshot")]
    pub(crate) fn checked_order(mut self) -> Result<Passbook, String> {
        let mut seen = vec![false; self.lots.len()];
        for &ix in &self.order {
            match seen.get_mut(ix as usize) {
                Some(s) if !*s => *s = true,
                _ => return Err(format!("lot {ix} is out of place in a passbook's order")),
            }
        }
        if !self.order.is_empty() && seen.contains(&false) {
            return Err("a passbook's order leaves out a lot".into());
        }
        if self.order.iter().enumerate().all(|(i, &ix)| i as u32 == ix) {
            self.order = Vec::new();
        }
        Ok(self)
    }

    /// Checks a passbook read from a snapshot against its history: each line refers to
    /// one of its lots or to one of `redemptions` redemptions, an earning's line carries
    /// its lot's points, each balance is the running one, and the history sums to the
    /// totals the passbook and its lots keep.
    #[cfg(feature = "snapshot")]
    pub(crate) fn check_history(&self, redemptions: usize) -> Result<(), String> {
        let (mut earned, mut spent, mut expired) = (0u64, 0u64, 0u64);
        for (n, line) in self.history.iter().enumerate() {
            let bad = |what: &str| format!("line {} of a passbook's history {what}", n + 1);
            let lot = self.lots.get(line.reference as usize);
            let sum = |total: u64| {
                total
                    .checked_add(line.points)
                    .ok_or_else(|| bad("overflows"))
            };
            match line.movement {
                Movement::Earned if lot.is_some_and(|l| l.points == line.points) => {
                    earned = sum(earned)?;
                }
                Movement::Expired if lot.is_some() => expired = sum(expired)?,
                Movement::Redeemed if (line.reference as usize) < redemptions => {
                    spent = sum(spent)?;
                }
                // A reversal gives back at most what was spent, as `restore` does.
                Movement::Reversed if (line.reference as usize) < redemptions => {
                    spent = spent.saturating_sub(line.points);
                }
                _ => return Err(bad("refers to no lot or redemption of its kind")),
            }
            let balance = earned
                .checked_sub(spent)
                .and_then(|b| b.checked_sub(expired));
            if balance != Some(line.balance) {
                return Err(bad("does not carry the running balance"));
            }
        }
        let lots = |f: fn(&Lot) -> u64| self.lots.iter().map(f).try_fold(0u64, u64::checked_add);
        let held = earned - spent - expired;
        if (earned, spent, expired) != (self.earned, self.spent, self.expired)
            || lots(|l| l.points) != Some(earned)
            || lots(|l| l.left) != Some(held)
            || lots(|l| l.expired) != Some(expired)
        {
            return Err("a passbook's totals are not those of its history and lots".to_owned());
        }
        Ok(())
    }

    pub(crate) fn add_lot(&mut self, lot: Lot) -> u32 {
        let ix = self.lots.len() as u32;
        let points = lot.points;
        let on = lot.earned_on;
        self.lots.push(lot);
        let key = self.key(ix);
        let in_order = ix == 0 || self.key(ix - 1) < key;
        if !(self.order.is_empty() && in_order) {
            if self.order.is_empty() {
                self.order = (0..ix).collect();
            }
            let at = self.order.partition_point(|&o| self.key(o) < key);
            self.order.insert(at, ix);
        }
        self.earned += points;
        self.line(on, Movement::Earned, points, ix);
        ix
    }

    pub(crate) fn take(&mut self, takes: &[Take], on: NaiveDate, redemption: u32) {
        let mut total = 0;
        for t in takes {
            if let Some(l) = self.lots.get_mut(t.lot as usize) {
                l.left -= t.points.min(l.left);
                total += t.points;
            }
        }
        self.spent += total;
        self.line(on, Movement::Redeemed, total, redemption);
    }

    pub(crate) fn restore(&mut self, takes: &[Take], on: NaiveDate, redemption: u32) {
        let mut total = 0;
        for t in takes {
            if let Some(l) = self.lots.get_mut(t.lot as usize) {
                l.left += t.points;
                total += t.points;
            }
        }
        self.spent -= total.min(self.spent);
        self.line(on, Movement::Reversed, total, redemption);
    }

    pub(crate) fn expire(&mut self, lot: u32, points: u64, on: NaiveDate) {
        if let Some(l) = self.lots.get_mut(lot as usize) {
            let p = points.min(l.left);
            l.left -= p;
            l.expired += p;
            self.expired += p;
            self.line(on, Movement::Expired, p, lot);
        }
    }

    fn line(&mut self, on: NaiveDate, movement: Movement, points: u64, reference: u32) {
        let balance = self.balance();
        self.history.push(Line {
            on,
            movement,
            points,
            balance,
            reference,
        });
    }
}

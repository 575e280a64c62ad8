//! Points read back from a snapshot: the indexes of redemption and earning ids are
//! rebuilt, and what the snapshot keeps to answer quickly (each passbook's totals and
//! running balances, the points earned per cap period, the pieces of each limited item
//! a person holds) must follow from the lots, the history and the redemptions, as
//! `Points::apply` keeps them.

use hashbrown::HashMap;

use super::config::CapPeriod;
use super::earnings::Earnings;
use super::Points;
use crate::grid::Grid;
use crate::ids::IdIndex;

impl Points {
    /// The points read back from a snapshot, with the indexes of redemption and earning
    /// ids rebuilt, or the id two redemptions or two lots share, or what does not follow
    /// from the lots and the history.
    pub(crate) fn restored(mut self) -> Result<Points, String> {
        let redemptions = &self.redemptions;
        self.redemption_ids =
            IdIndex::of((0..).zip(redemptions.iter().map(|r| r.id.as_str())), |ix| {
                redemptions.get(ix as usize).map_or("", |r| &r.id)
            })
            .map_err(|id| format!("two redemptions have the id {id:?}"))?;
        self.earnings = Earnings::of(&self.passbooks)?;
        for (px, book) in self.passbooks.iter() {
            book.check_history(self.redemptions.len())
                .map_err(|e| format!("person place {px}: {e}"))?;
        }
        self.check_period_earned()?;
        Ok(self)
    }

    /// Checks the points earned per person and cap period against the lots.
    fn check_period_earned(&self) -> Result<(), String> {
        let mut counted: HashMap<_, u64> = HashMap::new();
        for (px, book) in self.passbooks.iter() {
            for lot in book.lots() {
                for period in [CapPeriod::Month, CapPeriod::Year] {
                    let total = counted
                        .entry((px, period, period.start(lot.earned_on)))
                        .or_insert(0);
                    *total = total.saturating_add(lot.points);
                }
            }
        }
        if counted != self.period_earned {
            return Err("the points earned per cap period are not those of the lots".into());
        }
        Ok(())
    }

    /// Checks that every passbook and every tally of pieces held is kept for one of
    /// `grid`'s people, and every tally for an item of the catalog; and that the tallies
    /// are those the redemptions give.
    pub(crate) fn check_places(&self, grid: &Grid) -> Result<(), String> {
        let person = |p: u32| grid.has_person_at(p);
        if !(self.passbooks.iter().all(|(px, _)| person(px))
            && self
                .held
                .keys()
                .all(|&(px, item)| person(px) && (item as usize) < self.items.len()))
        {
            return Err(
                "a passbook or a tally of pieces held names a person or item that does not \
                 exist"
                    .to_owned(),
            );
        }
        self.check_held(grid)
    }

    /// Checks the pieces held per person and limited item against a count over the
    /// redemptions, a reversed one counting none (a tally once kept stays, at zero).
    fn check_held(&self, grid: &Grid) -> Result<(), String> {
        let mut counted: HashMap<(u32, u32), u32> = HashMap::new();
        for r in &self.redemptions {
            let Some((px, ix)) = self.person_and_item(grid, &r.person, &r.item) else {
                return Err(format!(
                    "redemption {:?} names a person or item that does not exist",
                    r.id
                ));
            };
            if self.items[ix as usize].per_person.is_none() {
                continue;
            }
            let kept = if r.reversed.is_some() { 0 } else { r.quantity };
            let held = counted.entry((px, ix)).or_insert(0);
            *held = held.saturating_add(kept);
        }
        if counted != self.held {
            return Err("the pieces held are not those the redemptions give".to_owned());
        }
        Ok(())
    }
}

//! Earnings found by id: each earning's lot is held once, in its person's passbook, with
//! the earning's id; this keeps where each lot is and an index of places and hash bits.

use super::passbooks::Passbooks;
use crate::ids::IdIndex;

/// Where each earning's lot is, by the earning's id.
#[derive(Clone, Debug, Default)]
pub(crate) struct Earnings {
    /// Each earning's person place and the lot's place in their passbook, in the order
    /// earned (in a ward read back from a snapshot, in passbook order).
    lots: Vec<(u32, u32)>,
    index: IdIndex,
}

/// The id of the earning whose lot is at `at`, or nothing when no lot is there.
fn lot_id<'a>(passbooks: &'a Passbooks, at: Option<&(u32, u32)>) -> &'a str {
    at.and_then(|&(px, lot)| passbooks.get(px)?.lots().get(lot as usize))
        .map_or("", |l| &l.id)
}

impl Earnings {
    /// The person place and lot place of the earning with this id.
    pub(crate) fn get(&self, passbooks: &Passbooks, id: &str) -> Option<(u32, u32)> {
        let ix = self
            .index
            .get(id, |ix| lot_id(passbooks, self.lots.get(ix as usize)))?;
        self.lots.get(ix as usize).copied()
    }

    /// Records that the earning `id`, not recorded before, is lot `lot` of person `px`.
    pub(crate) fn insert(&mut self, id: &str, px: u32, lot: u32) {
        self.index.insert(id, self.lots.len() as u32);
        self.lots.push((px, lot));
    }

    /// The earnings of every lot in `passbooks`, or the id two lots share: for points
    /// read back from a snapshot.
    #[cfg(feature = "snapshot")]
    pub(crate) fn of(passbooks: &Passbooks) -> Result<Earnings, String> {
        let lots: Vec<(u32, u32)> = passbooks
            .iter()
            .flat_map(|(px, book)| (0..book.lots().len() as u32).map(move |lot| (px, lot)))
            .collect();
        let ids = passbooks
            .iter()
            .flat_map(|(_, book)| book.lots().iter().map(|l| l.id.as_str()));
        let index = IdIndex::of((0..).zip(ids), |ix| {
            lot_id(passbooks, lots.get(ix as usize))
        })
        .map_err(|id| format!("two lots have the earning id {id:?}"))?;
        Ok(Earnings { lots, index })
    }
}

/// Equal when they hold as many earnings: each is built from the passbooks, which their
/// owners compare.
impl PartialEq for Earnings {
    fn eq(&self, other: &Earnings) -> bool {
        self.lots.len() == other.lots.len()
    }
}

impl Eq for Earnings {}

#[cfg(test)]
mod tests {
    use chrono::NaiveDate;

    use super::*;
    use crate::points::passbook::{Lot, Source};

    /// Person `px` earns the lot `id` in `books`, recorded in `earnings`.
    fn earn(books: &mut Passbooks, earnings: &mut Earnings, px: u32, id: &str) {
        let lot = books.open(px).add_lot(Lot {
            id: id.to_owned(),
            source: Source::Award,
            earned_on: NaiveDate::from_ymd_opt(2026, 1, 1).unwrap_or_default(),
            expires_on: None,
            points: 10,
            left: 10,
            expired: 0,
        });
        earnings.insert(id, px, lot);
    }

    #[test]
    fn an_earning_is_found_at_its_lot_and_an_unknown_id_is_not() {
        let (mut books, mut earnings) = (Passbooks::default(), Earnings::default());
        for n in 0..3_000u32 {
            earn(&mut books, &mut earnings, n % 7, &format!("award:{n}"));
        }
        assert_eq!(earnings.get(&books, "award:0"), Some((0, 0)));
        assert_eq!(earnings.get(&books, "award:8"), Some((1, 1)));
        assert_eq!(
            earnings.get(&books, "award:2999"),
            Some((2999 % 7, 2999 / 7))
        );
        assert_eq!(earnings.get(&books, "award:3000"), None);
        assert_eq!(earnings.get(&books, ""), None);
    }

    #[cfg(feature = "snapshot")]
    #[test]
    fn earnings_rebuilt_from_passbooks_find_the_same_lots_or_name_a_shared_id() {
        let (mut books, mut earnings) = (Passbooks::default(), Earnings::default());
        for n in 0..500u32 {
            earn(
                &mut books,
                &mut earnings,
                (n * 13) % 11,
                &format!("service:{n}"),
            );
        }
        let rebuilt = Earnings::of(&books).expect("no id twice");
        assert_eq!(rebuilt, earnings);
        for n in 0..500u32 {
            let id = format!("service:{n}");
            assert_eq!(rebuilt.get(&books, &id), earnings.get(&books, &id), "{id}");
        }
        let mut twice = Earnings::default();
        earn(&mut books, &mut twice, 3, "service:17");
        let e = Earnings::of(&books).expect_err("service:17 is in two lots");
        assert!(e.contains("\"service:17\""), "{e}");
    }
}

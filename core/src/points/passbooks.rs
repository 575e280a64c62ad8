//! Every person's passbook, found by the person's place in the grid through a table of
//! slots rather than a hash: four bytes a person, one read that stays in cache, and the
//! passbooks themselves side by side in the order first earned.

use super::passbook::Passbook;

/// No passbook in this slot.
const NONE: u32 = u32::MAX;

/// Passbooks by person place.
#[derive(Clone, Debug, Default)]
pub(crate) struct Passbooks {
    /// The place in `books` of each person's passbook, by person place; `NONE` for
    /// someone who never earned.
    slot: Vec<u32>,
    /// Each passbook with its person's place, in the order first earned.
    books: Vec<(u32, Passbook)>,
}

impl Passbooks {
    /// Person `px`'s passbook, if they have earned.
    pub(crate) fn get(&self, px: u32) -> Option<&Passbook> {
        let slot = *self.slot.get(px as usize)?;
        self.books.get(slot as usize).map(|(_, b)| b)
    }

    /// Person `px`'s passbook to change, if they have earned.
    pub(crate) fn get_mut(&mut self, px: u32) -> Option<&mut Passbook> {
        let slot = *self.slot.get(px as usize)?;
        self.books.get_mut(slot as usize).map(|(_, b)| b)
    }

    /// Person `px`'s passbook, opened empty if they have none.
    pub(crate) fn open(&mut self, px: u32) -> &mut Passbook {
        let at = px as usize;
        if self.slot.len() <= at {
            self.slot.resize(at + 1, NONE);
        }
        if self.slot[at] == NONE {
            self.slot[at] = self.books.len() as u32;
            self.books.push((px, Passbook::default()));
        }
        let slot = self.slot[at] as usize;
        &mut self.books[slot].1
    }

    /// People with a passbook.
    pub(crate) fn len(&self) -> usize {
        self.books.len()
    }

    /// Whether no one has a passbook.
    pub(crate) fn is_empty(&self) -> bool {
        self.books.is_empty()
    }

    /// Every passbook with its person's place, in the order first earned.
    pub(crate) fn iter(&self) -> impl Iterator<Item = (u32, &Passbook)> {
        self.books.iter().map(|(px, b)| (*px, b))
    }
}

/// The same passbooks for the same people, whatever order they were opened in.
impl PartialEq for Passbooks {
    fn eq(&self, other: &Passbooks) -> bool {
        self.len() == other.len() && self.iter().all(|(px, b)| other.get(px) == Some(b))
    }
}

impl Eq for Passbooks {}

/// In a snapshot, passbooks are a map from person place to passbook, in person order.
#[cfg(feature = "snapshot")]
mod snapshot {
    use std::collections::BTreeMap;

    use serde::{Deserialize, Deserializer, Serialize, Serializer};

    use super::{Passbook, Passbooks};

    /// The most people a snapshot's passbooks may name a place beyond: a place past it
    /// is refused rather than given a table of slots that large.
    const MOST_PEOPLE: u32 = 1 << 28;

    impl Serialize for Passbooks {
        fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
            let mut people: Vec<(u32, &Passbook)> = self.iter().collect();
            people.sort_unstable_by_key(|&(px, _)| px);
            serializer.collect_map(people)
        }
    }

    impl<'de> Deserialize<'de> for Passbooks {
        fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Passbooks, D::Error> {
            let map = BTreeMap::<u32, Passbook>::deserialize(deserializer)?;
            let mut books = Passbooks::default();
            for (px, book) in map {
                if px >= MOST_PEOPLE {
                    return Err(serde::de::Error::custom(format_args!(
                        "a passbook names person place {px}, beyond {MOST_PEOPLE}"
                    )));
                }
                *books.open(px) = book.checked_order().map_err(serde::de::Error::custom)?;
            }
            Ok(books)
        }
    }
}

#[cfg(test)]
mod tests {
    use chrono::NaiveDate;

    use super::*;
    use crate::points::passbook::{Lot, Source};

    fn earned(books: &mut Passbooks, px: u32, points: u64) {
        books.open(px).add_lot(Lot {
            id: format!("award:{px}"),
            source: Source::Award,
            earned_on: NaiveDate::from_ymd_opt(2026, 1, 1).unwrap_or_default(),
            expires_on: None,
            points,
            left: points,
            expired: 0,
        });
    }

    #[test]
    fn a_person_has_a_passbook_once_they_earn_and_only_then() {
        let mut books = Passbooks::default();
        assert!(books.is_empty());
        earned(&mut books, 7, 10);
        earned(&mut books, 2, 5);
        earned(&mut books, 7, 1);
        assert_eq!(books.len(), 2);
        assert_eq!(books.get(7).map(|b| b.earned()), Some(11));
        assert_eq!(books.get(2).map(|b| b.earned()), Some(5));
        for never in [0, 3, 8, 1000] {
            assert!(books.get(never).is_none(), "person {never}");
        }
        assert_eq!(books.iter().map(|(px, _)| px).collect::<Vec<_>>(), [7, 2]);
    }

    #[test]
    fn the_same_passbooks_are_equal_whatever_order_they_were_opened_in() {
        let (mut a, mut b) = (Passbooks::default(), Passbooks::default());
        earned(&mut a, 1, 10);
        earned(&mut a, 4, 20);
        earned(&mut b, 4, 20);
        earned(&mut b, 1, 10);
        assert_eq!(a, b);
        earned(&mut b, 1, 1);
        assert_ne!(a, b);
    }

    #[cfg(feature = "snapshot")]
    #[test]
    fn a_snapshot_keeps_the_passbooks_and_refuses_a_place_beyond_any_city() {
        let mut books = Passbooks::default();
        earned(&mut books, 9, 10);
        earned(&mut books, 3, 4);
        let text = serde_json::to_string(&books).unwrap_or_default();
        assert!(text.starts_with("{\"3\":"), "{text}");
        let back: Passbooks = serde_json::from_str(&text).unwrap_or_default();
        assert_eq!(back, books);
        let mut shuffled = books.clone();
        if let Some(book) = shuffled.get_mut(9) {
            book.add_lot(book.lots[0].clone());
            book.order = vec![0, 1];
        }
        let text2 = serde_json::to_string(&shuffled).unwrap_or_default();
        let back: Passbooks = serde_json::from_str(&text2).unwrap_or_default();
        assert_eq!(back.get(9).map(|b| b.order.len()), Some(0), "{text2}");
        for (order, why) in [
            ("[0,0]", "out of place"),
            ("[1]", "leaves out"),
            ("[0,5]", "out of place"),
        ] {
            let bad = text2.replace("\"order\":[0,1]", &format!("\"order\":{order}"));
            let refused = serde_json::from_str::<Passbooks>(&bad)
                .map(|_| ())
                .unwrap_err();
            assert!(refused.to_string().contains(why), "{order}: {refused}");
        }
        let far = text.replacen("\"3\":", "\"268435456\":", 1);
        let refused = serde_json::from_str::<Passbooks>(&far)
            .map(|_| ())
            .unwrap_err();
        assert!(
            refused.to_string().contains("person place 268435456"),
            "{refused}"
        );
    }
}

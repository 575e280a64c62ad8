//! An index of ids held in a table of records: each record's place and the low 32 bits
//! of its id's hash. Inserting copies no id, and growing the index rehashes from the
//! stored bits alone, without reading the ids again.

use std::fmt;
use std::hash::BuildHasher;

use hashbrown::{DefaultHashBuilder, HashTable};

/// Places of records by id; the ids themselves stay in the records.
#[derive(Clone, Default)]
pub(crate) struct IdIndex {
    table: HashTable<(u32, u32)>,
    hasher: DefaultHashBuilder,
}

impl IdIndex {
    fn hash(&self, id: &str) -> u32 {
        self.hasher.hash_one(id) as u32
    }

    /// Spreads a stored 32-bit hash over 64 bits for the table's placement.
    fn placement(h: u32) -> u64 {
        u64::from(h).wrapping_mul(0x9E37_79B9_7F4A_7C15) ^ u64::from(h)
    }

    /// The place of the record whose id is `id`; `id_at` reads a place's id.
    pub(crate) fn get<'a>(&self, id: &str, id_at: impl Fn(u32) -> &'a str) -> Option<u32> {
        let h = self.hash(id);
        self.table
            .find(IdIndex::placement(h), |&(ix, stored)| {
                stored == h && id_at(ix) == id
            })
            .map(|&(ix, _)| ix)
    }

    /// Records that the record at `ix` has the id `id`, which no other record has.
    pub(crate) fn insert(&mut self, id: &str, ix: u32) {
        let h = self.hash(id);
        self.table
            .insert_unique(IdIndex::placement(h), (ix, h), |&(_, stored)| {
                IdIndex::placement(stored)
            });
    }

    /// The index of the records whose places and ids `ids` gives, `id_at` reading a
    /// place's id; or the first id given twice. For state read back from a snapshot.
    #[cfg(feature = "snapshot")]
    pub(crate) fn of<'a>(
        ids: impl IntoIterator<Item = (u32, &'a str)>,
        id_at: impl Fn(u32) -> &'a str,
    ) -> Result<IdIndex, &'a str> {
        let mut index = IdIndex::default();
        for (ix, id) in ids {
            if index.get(id, &id_at).is_some() {
                return Err(id);
            }
            index.insert(id, ix);
        }
        Ok(index)
    }

    /// Ids indexed.
    pub(crate) fn len(&self) -> usize {
        self.table.len()
    }
}

/// Two indexes are equal when they index as many records: each is built from its
/// records, which their owners compare.
impl PartialEq for IdIndex {
    fn eq(&self, other: &IdIndex) -> bool {
        self.len() == other.len()
    }
}

impl Eq for IdIndex {}

impl fmt::Debug for IdIndex {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "IdIndex({} ids)", self.len())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_what_was_inserted_and_nothing_else() {
        let ids: Vec<String> = (0..10_000).map(|i| format!("r{i}")).collect();
        let mut index = IdIndex::default();
        for (ix, id) in ids.iter().enumerate() {
            index.insert(id, ix as u32);
        }
        let at = |ix: u32| ids[ix as usize].as_str();
        assert_eq!(index.len(), ids.len());
        for (ix, id) in ids.iter().enumerate() {
            assert_eq!(index.get(id, at), Some(ix as u32));
        }
        assert_eq!(index.get("r10000", at), None);
        assert_eq!(index.get("", at), None);
        let copy = index.clone();
        assert_eq!(copy.get("r42", at), Some(42));
        assert_eq!(copy, index);
    }

    #[cfg(feature = "snapshot")]
    #[test]
    fn an_index_built_at_once_finds_every_id_or_names_the_one_given_twice() {
        let ids = ["a", "b", "c", "b", "d"];
        let at = |ix: u32| ids[ix as usize];
        let places = |n: usize| (0..n as u32).map(|ix| (ix, ids[ix as usize]));
        let index = IdIndex::of(places(3), at).expect("three different ids");
        assert_eq!(index.len(), 3);
        assert_eq!(index.get("c", at), Some(2));
        assert_eq!(index.get("d", at), None);
        assert_eq!(IdIndex::of(places(5), at).err(), Some("b"));
    }
}

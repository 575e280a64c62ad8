//! The index of transaction ids: each id is held once, in the transaction itself; the
//! index holds positions with their ids' hashes, so that growing it never reads an id
//! again and a look-up reads an id only when the whole hash matches.

use std::hash::BuildHasher;

use hashbrown::{DefaultHashBuilder, HashTable};

use super::transaction::Stored;

/// Positions of transactions, found by id.
#[derive(Clone, Debug, Default)]
pub(crate) struct Ids {
    table: HashTable<(u64, u32)>,
    hasher: DefaultHashBuilder,
}

impl Ids {
    /// The position of the transaction with this id.
    pub(crate) fn get(&self, stored: &[Stored], id: &str) -> Option<u32> {
        let hash = self.hasher.hash_one(id);
        self.table
            .find(hash, |&(h, ix)| h == hash && &*stored[ix as usize].id == id)
            .map(|&(_, ix)| ix)
    }

    /// Indexes the transaction at `ix`, whose id is not indexed yet.
    pub(crate) fn insert(&mut self, stored: &[Stored], ix: u32) {
        let hash = self.hasher.hash_one(&*stored[ix as usize].id);
        self.table.insert_unique(hash, (hash, ix), |&(h, _)| h);
    }
}

//! The idempotency keys a ward has recorded: for each, the entry that recorded its
//! command and the digest of that command.
//!
//! The keys are kept in a list in the order they were first recorded, with an index of
//! their places by key. The index holds only places and hash bits, so that it grows by
//! moving eight bytes a key, without reading the keys again; a table keyed by the text
//! itself would read every key on growing, one trip to memory each.

use std::fmt;

use serde::de::{MapAccess, Visitor};
use serde::ser::SerializeMap;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::ids::IdIndex;
use crate::journal::Hash;

/// One recorded key.
#[derive(Clone, Debug, PartialEq, Eq)]
struct Used {
    key: Box<str>,
    seq: u64,
    digest: Hash,
}

/// The recorded idempotency keys.
#[derive(Clone, Default)]
pub(crate) struct Keys {
    used: Vec<Used>,
    index: IdIndex,
}

impl Keys {
    /// The entry that recorded `key`'s command and that command's digest.
    pub(crate) fn get(&self, key: &str) -> Option<(u64, Hash)> {
        let ix = self.place(key)?;
        let u = &self.used[ix as usize];
        Some((u.seq, u.digest))
    }

    fn place(&self, key: &str) -> Option<u32> {
        self.index
            .get(key, |ix| self.used.get(ix as usize).map_or("", |u| &u.key))
    }

    /// Records `key` for the command with `digest` recorded at entry `seq`; a key
    /// recorded before is recorded anew.
    pub(crate) fn insert(&mut self, key: &str, seq: u64, digest: Hash) {
        if let Some(ix) = self.place(key) {
            let u = &mut self.used[ix as usize];
            u.seq = seq;
            u.digest = digest;
            return;
        }
        let ix = self.used.len() as u32;
        self.index.insert(key, ix);
        self.used.push(Used {
            key: key.into(),
            seq,
            digest,
        });
    }

    /// Checks that every key names an entry of a journal of `len` entries: for keys read
    /// back from a snapshot.
    #[cfg(feature = "snapshot")]
    pub(crate) fn check_entries(&self, len: u64) -> Result<(), String> {
        match self.used.iter().find(|u| u.seq == 0 || u.seq > len) {
            Some(u) => Err(format!(
                "the idempotency key {:?} names entry {}, and the journal has {len}",
                u.key, u.seq
            )),
            None => Ok(()),
        }
    }

    /// How many keys are recorded.
    pub(crate) fn len(&self) -> usize {
        self.used.len()
    }
}

/// Two sets of keys are equal when they record the same keys, in the same order.
impl PartialEq for Keys {
    fn eq(&self, other: &Keys) -> bool {
        self.used == other.used
    }
}

impl Eq for Keys {}

impl fmt::Debug for Keys {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Keys({} recorded)", self.len())
    }
}

/// Written as a map from each key to its entry and digest, in the order recorded.
impl Serialize for Keys {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut map = s.serialize_map(Some(self.used.len()))?;
        for u in &self.used {
            map.serialize_entry(&*u.key, &(u.seq, u.digest))?;
        }
        map.end()
    }
}

impl<'de> Deserialize<'de> for Keys {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct KeysVisitor;
        impl<'de> Visitor<'de> for KeysVisitor {
            type Value = Keys;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a map from idempotency keys to their entry and digest")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Keys, A::Error> {
                let mut keys = Keys::default();
                while let Some((key, (seq, digest))) = map.next_entry::<String, (u64, Hash)>()? {
                    if keys.place(&key).is_some() {
                        return Err(serde::de::Error::custom(format!(
                            "the idempotency key {key:?} is recorded twice"
                        )));
                    }
                    keys.insert(&key, seq, digest);
                }
                Ok(keys)
            }
        }
        d.deserialize_map(KeysVisitor)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn digest(n: u8) -> Hash {
        Hash::of_bytes(&[n])
    }

    #[test]
    fn finds_what_was_recorded_and_records_a_key_anew() {
        let mut keys = Keys::default();
        for n in 0..5_000u64 {
            keys.insert(&format!("k{n}"), n + 1, digest((n % 7) as u8));
        }
        assert_eq!(keys.len(), 5_000);
        assert_eq!(keys.get("k0"), Some((1, digest(0))));
        assert_eq!(keys.get("k4999"), Some((5_000, digest((4_999 % 7) as u8))));
        assert_eq!(keys.get("k5000"), None);
        assert_eq!(keys.get(""), None);
        keys.insert("k10", 9_999, digest(99));
        assert_eq!(keys.get("k10"), Some((9_999, digest(99))));
        assert_eq!(keys.len(), 5_000);
    }

    #[test]
    fn serialises_as_a_map_in_the_order_recorded_and_reads_it_back() {
        let mut keys = Keys::default();
        keys.insert("b", 2, digest(2));
        keys.insert("a", 1, digest(1));
        let text = serde_json::to_string(&keys).unwrap_or_default();
        assert!(text.starts_with(r#"{"b":[2,""#), "{text}");
        let back: Keys = serde_json::from_str(&text).unwrap_or_default();
        assert_eq!(back, keys);
        assert_eq!(back.get("a"), Some((1, digest(1))));
    }

    #[test]
    fn a_key_recorded_twice_is_refused_on_reading() {
        let d = digest(1).to_hex();
        let text = format!(r#"{{"a":[1,"{d}"],"a":[2,"{d}"]}}"#);
        let err = serde_json::from_str::<Keys>(&text).err();
        assert!(
            err.is_some_and(|e| e.to_string().contains("recorded twice")),
            "a repeated key must be refused"
        );
    }
}

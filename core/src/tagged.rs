//! Reading an internally tagged enum's object once: the support of
//! `#[derive(TaggedDeserialize)]` (crate `gridward-derive`).
//!
//! [`open`] reads keys until it meets the tag, holding the entries before it as JSON
//! values, and reads the tag's variant. [`Rest`] then gives the variant the held entries
//! (decoded by [`crate::tracked`], which names their keys in a refusal's path) and the
//! rest of the object, refusing the tag a second time. When the tag is the
//! first key, as in everything Gridward writes, nothing is held. The refusals and their
//! messages are serde's for internally tagged enums: a missing tag, an unknown variant
//! (or a variant index out of range), the tag given twice.

use std::fmt;
use std::marker::PhantomData;

use serde::de::value::{
    BorrowedBytesDeserializer, BorrowedStrDeserializer, BytesDeserializer, StrDeserializer,
    StringDeserializer, U64Deserializer,
};
use serde::de::{self, DeserializeSeed, Deserializer, Error as _, IgnoredAny, MapAccess, Visitor};
use serde_json::Value;

/// Reads `map` up to its key `tag` and that key's value, one of `variants` by name (or
/// by index, as serde allows); returns the variant's index and the rest of the object.
pub(crate) fn open<'de, A: MapAccess<'de>>(
    mut map: A,
    tag: &'static str,
    variants: &'static [&'static str],
) -> Result<(usize, Rest<A>), A::Error> {
    let mut before = Vec::new();
    loop {
        match map.next_key_seed(Identifier(KeyVisitor { tag }))? {
            None => return Err(A::Error::missing_field(tag)),
            Some(Key::Tag) => {
                let variant = map.next_value_seed(Identifier(VariantVisitor { variants }))?;
                let rest = Rest {
                    before: before.into_iter(),
                    held: None,
                    map,
                    tag,
                };
                return Ok((variant, rest));
            }
            Some(Key::Other(key)) => {
                let value: Value = map.next_value()?;
                before.push((key, value));
            }
        }
    }
}

/// The object after its tag: the entries read before the tag, then the rest.
pub(crate) struct Rest<A> {
    before: std::vec::IntoIter<(String, Value)>,
    /// The held entry whose key was given last.
    held: Option<(String, Value)>,
    map: A,
    tag: &'static str,
}

impl<'de, A: MapAccess<'de>> Rest<A> {
    /// Reads and drops what is left, as serde does for a unit variant (whose extra
    /// fields are ignored); the tag a second time is still refused.
    pub(crate) fn ignore_rest(mut self) -> Result<(), A::Error> {
        while self.next_key_seed(PhantomData::<IgnoredAny>)?.is_some() {
            self.next_value::<IgnoredAny>()?;
        }
        Ok(())
    }
}

impl<'de, A: MapAccess<'de>> MapAccess<'de> for Rest<A> {
    type Error = A::Error;

    fn next_key_seed<K: DeserializeSeed<'de>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, A::Error> {
        if let Some((key, value)) = self.before.next() {
            let read = seed.deserialize(StrDeserializer::new(&key)).map(Some);
            self.held = Some((key, value));
            return read;
        }
        self.map.next_key_seed(NotTag {
            seed,
            tag: self.tag,
        })
    }

    fn next_value_seed<V: DeserializeSeed<'de>>(&mut self, seed: V) -> Result<V::Value, A::Error> {
        match self.held.take() {
            Some((key, value)) => {
                crate::tracked::decode_held(seed, &key, value).map_err(A::Error::custom)
            }
            None => self.map.next_value_seed(seed),
        }
    }

    fn size_hint(&self) -> Option<usize> {
        self.map.size_hint().map(|n| n + self.before.len())
    }
}

/// A key: the tag, or another, kept.
enum Key {
    Tag,
    Other(String),
}

/// Reads a value as an identifier (a key, a variant's name) with the visitor it holds.
struct Identifier<V>(V);

impl<'de, V: Visitor<'de>> DeserializeSeed<'de> for Identifier<V> {
    type Value = V::Value;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<V::Value, D::Error> {
        deserializer.deserialize_identifier(self.0)
    }
}

/// Reads a key before the tag: the tag itself, or another key kept as text.
struct KeyVisitor {
    tag: &'static str,
}

impl Visitor<'_> for KeyVisitor {
    type Value = Key;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a field name")
    }

    fn visit_str<E: de::Error>(self, key: &str) -> Result<Key, E> {
        Ok(if key == self.tag {
            Key::Tag
        } else {
            Key::Other(key.to_owned())
        })
    }

    fn visit_u64<E: de::Error>(self, key: u64) -> Result<Key, E> {
        Ok(Key::Other(key.to_string()))
    }

    fn visit_bytes<E: de::Error>(self, key: &[u8]) -> Result<Key, E> {
        match std::str::from_utf8(key) {
            Ok(key) => self.visit_str(key),
            Err(_) => Err(E::invalid_type(de::Unexpected::Bytes(key), &self)),
        }
    }
}

/// The tag's value: a variant's name, or its index.
struct VariantVisitor {
    variants: &'static [&'static str],
}

impl Visitor<'_> for VariantVisitor {
    type Value = usize;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("variant identifier")
    }

    fn visit_u64<E: de::Error>(self, index: u64) -> Result<usize, E> {
        match usize::try_from(index) {
            Ok(i) if i < self.variants.len() => Ok(i),
            _ => Err(E::invalid_value(
                de::Unexpected::Unsigned(index),
                &format!("variant index 0 <= i < {}", self.variants.len()).as_str(),
            )),
        }
    }

    fn visit_str<E: de::Error>(self, name: &str) -> Result<usize, E> {
        self.variants
            .iter()
            .position(|v| *v == name)
            .ok_or_else(|| E::unknown_variant(name, self.variants))
    }

    fn visit_bytes<E: de::Error>(self, name: &[u8]) -> Result<usize, E> {
        match self.variants.iter().position(|v| v.as_bytes() == name) {
            Some(i) => Ok(i),
            None => Err(E::unknown_variant(
                &String::from_utf8_lossy(name),
                self.variants,
            )),
        }
    }
}

/// A key after the tag: given to the variant's own seed unless it is the tag again.
struct NotTag<K> {
    seed: K,
    tag: &'static str,
}

impl<'de, K: DeserializeSeed<'de>> DeserializeSeed<'de> for NotTag<K> {
    type Value = K::Value;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<K::Value, D::Error> {
        deserializer.deserialize_identifier(self)
    }
}

impl<'de, K: DeserializeSeed<'de>> NotTag<K> {
    fn unless_tag<E: de::Error>(&self, key: &str) -> Result<(), E> {
        if key == self.tag {
            Err(E::duplicate_field(self.tag))
        } else {
            Ok(())
        }
    }
}

impl<'de, K: DeserializeSeed<'de>> Visitor<'de> for NotTag<K> {
    type Value = K::Value;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a field name")
    }

    fn visit_borrowed_str<E: de::Error>(self, key: &'de str) -> Result<K::Value, E> {
        self.unless_tag(key)?;
        self.seed.deserialize(BorrowedStrDeserializer::new(key))
    }

    fn visit_str<E: de::Error>(self, key: &str) -> Result<K::Value, E> {
        self.unless_tag(key)?;
        self.seed.deserialize(StrDeserializer::new(key))
    }

    fn visit_string<E: de::Error>(self, key: String) -> Result<K::Value, E> {
        self.unless_tag(&key)?;
        self.seed.deserialize(StringDeserializer::new(key))
    }

    fn visit_u64<E: de::Error>(self, key: u64) -> Result<K::Value, E> {
        self.seed.deserialize(U64Deserializer::new(key))
    }

    fn visit_borrowed_bytes<E: de::Error>(self, key: &'de [u8]) -> Result<K::Value, E> {
        if key == self.tag.as_bytes() {
            return Err(E::duplicate_field(self.tag));
        }
        self.seed.deserialize(BorrowedBytesDeserializer::new(key))
    }

    fn visit_bytes<E: de::Error>(self, key: &[u8]) -> Result<K::Value, E> {
        if key == self.tag.as_bytes() {
            return Err(E::duplicate_field(self.tag));
        }
        self.seed.deserialize(BytesDeserializer::new(key))
    }
}

//! SHA-256 hashes of journal entries, written as lowercase hex.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Deserializer, Serialize, Serializer};
use sha2::{Digest, Sha256};

/// A SHA-256 digest.
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Hash(pub [u8; 32]);

impl Hash {
    /// The all-zero hash that the first entry of a journal points back to.
    pub const ZERO: Hash = Hash([0; 32]);

    /// The hash of one entry: SHA-256 over `"{seq}\n{prev as hex}\n{body}"`, where `body`
    /// is the entry's body exactly as written in the journal (compact JSON).
    pub fn of_entry(seq: u64, prev: &Hash, body: &str) -> Hash {
        let mut h = Sha256::new();
        h.update(seq.to_string().as_bytes());
        h.update(b"\n");
        h.update(prev.to_hex().as_bytes());
        h.update(b"\n");
        h.update(body.as_bytes());
        Hash(h.finalize().into())
    }

    /// SHA-256 of arbitrary bytes.
    pub fn of_bytes(bytes: &[u8]) -> Hash {
        Hash(Sha256::digest(bytes).into())
    }

    /// Lowercase hex, 64 characters.
    pub fn to_hex(&self) -> String {
        const HEX: &[u8; 16] = b"0123456789abcdef";
        let mut s = String::with_capacity(64);
        for b in self.0 {
            s.push(HEX[usize::from(b >> 4)] as char);
            s.push(HEX[usize::from(b & 15)] as char);
        }
        s
    }

    /// Parses 64 lowercase hex digits, the one form [`to_hex`](Hash::to_hex) writes: a
    /// journal line whose hash is spelt otherwise is not the line that was hashed and
    /// chained, so uppercase is refused rather than read as the same hash.
    pub fn from_hex(text: &str) -> Option<Hash> {
        let bytes = text.as_bytes();
        if bytes.len() != 64 {
            return None;
        }
        let nibble = |c: u8| match c {
            b'0'..=b'9' => Some(c - b'0'),
            b'a'..=b'f' => Some(c - b'a' + 10),
            _ => None,
        };
        let mut out = [0u8; 32];
        for (i, pair) in bytes.chunks_exact(2).enumerate() {
            out[i] = (nibble(pair[0])? << 4) | nibble(pair[1])?;
        }
        Some(Hash(out))
    }
}

impl fmt::Display for Hash {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.to_hex())
    }
}

impl fmt::Debug for Hash {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Hash({})", self.to_hex())
    }
}

/// The text was not 64 lowercase hex digits.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("not a SHA-256 hash in lowercase hex: {0:?}")]
pub struct BadHash(pub String);

impl FromStr for Hash {
    type Err = BadHash;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Hash::from_hex(s).ok_or_else(|| BadHash(s.to_owned()))
    }
}

#[cfg(feature = "schema")]
impl schemars::JsonSchema for Hash {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Hash".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "type": "string",
            "format": "sha256",
            "pattern": "^[0-9a-f]{64}$",
            "description": "A SHA-256 hash as 64 lowercase hex digits."
        })
    }
}

impl Serialize for Hash {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.to_hex())
    }
}

impl<'de> Deserialize<'de> for Hash {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let text = <std::borrow::Cow<'de, str>>::deserialize(d)?;
        Hash::from_hex(&text).ok_or_else(|| serde::de::Error::custom(BadHash(text.into_owned())))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn known_digest_and_hex_round_trip() {
        // SHA-256("abc"), FIPS 180-2 appendix B.1.
        let h = Hash::of_bytes(b"abc");
        assert_eq!(
            h.to_hex(),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
        assert_eq!(Hash::from_hex(&h.to_hex()), Some(h));
        assert_eq!(Hash::from_hex(&h.to_hex().to_uppercase()), None);
        assert_eq!(Hash::from_hex("abc"), None);
        assert_eq!(Hash::from_hex(&"g".repeat(64)), None);
    }

    #[test]
    fn entry_hash_covers_seq_prev_and_body() {
        let a = Hash::of_entry(1, &Hash::ZERO, "{}");
        assert_ne!(a, Hash::of_entry(2, &Hash::ZERO, "{}"));
        assert_ne!(a, Hash::of_entry(1, &a, "{}"));
        assert_ne!(a, Hash::of_entry(1, &Hash::ZERO, "{ }"));
        let mut manual = Vec::new();
        manual.extend_from_slice(b"1\n");
        manual.extend_from_slice(Hash::ZERO.to_hex().as_bytes());
        manual.extend_from_slice(b"\n{}");
        assert_eq!(a, Hash::of_bytes(&manual));
    }
}

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
        let mut digits = [0u8; 20];
        h.update(decimal(seq, &mut digits));
        h.update(b"\n");
        h.update(prev.hex_bytes());
        h.update(b"\n");
        h.update(body.as_bytes());
        Hash(h.finalize().into())
    }

    /// SHA-256 of arbitrary bytes.
    pub fn of_bytes(bytes: &[u8]) -> Hash {
        Hash(Sha256::digest(bytes).into())
    }

    /// SHA-256 of `value`'s compact JSON, written into the thread's reused buffer and
    /// hashed at once: faster than feeding the hash each token as it is written, and in
    /// WebAssembly each type's encoding is then built once in the module (for the
    /// journal's text) rather than once more for a hashing writer.
    pub(crate) fn of_json<T: Serialize + ?Sized>(value: &T) -> Result<Hash, serde_json::Error> {
        super::scratch::with_scratch(|buf| {
            serde_json::to_writer(&mut *buf, value)?;
            Ok(Hash::of_bytes(buf))
        })
    }

    /// Lowercase hex, 64 characters.
    pub fn to_hex(&self) -> String {
        self.hex_str(&mut [0u8; 64]).to_owned()
    }

    /// The lowercase hex digits, two a byte.
    fn hex_bytes(&self) -> [u8; 64] {
        const HEX: &[u8; 16] = b"0123456789abcdef";
        let mut out = [0u8; 64];
        for (i, b) in self.0.iter().enumerate() {
            out[2 * i] = HEX[usize::from(b >> 4)];
            out[2 * i + 1] = HEX[usize::from(b & 15)];
        }
        out
    }

    /// The lowercase hex digits written into `buf`, as text.
    fn hex_str<'a>(&self, buf: &'a mut [u8; 64]) -> &'a str {
        *buf = self.hex_bytes();
        // Every byte is an ASCII hex digit.
        std::str::from_utf8(buf).unwrap_or_default()
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
        f.write_str(self.hex_str(&mut [0u8; 64]))
    }
}

/// The decimal digits of `n`, written at the end of `buf`.
fn decimal(mut n: u64, buf: &mut [u8; 20]) -> &[u8] {
    let mut at = buf.len();
    loop {
        at -= 1;
        buf[at] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            return &buf[at..];
        }
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
        s.serialize_str(self.hex_str(&mut [0u8; 64]))
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
    fn decimal_digits_are_those_of_to_string() {
        for n in [0, 1, 9, 10, 99, 100, 12_345, u64::from(u32::MAX), u64::MAX] {
            let mut buf = [0u8; 20];
            assert_eq!(decimal(n, &mut buf), n.to_string().as_bytes());
        }
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
        let prev = Hash::of_bytes(b"abc");
        let mut manual = b"1234567\n".to_vec();
        manual.extend_from_slice(prev.to_hex().as_bytes());
        manual.extend_from_slice(b"\n{\"a\":1}");
        assert_eq!(
            Hash::of_entry(1_234_567, &prev, r#"{"a":1}"#),
            Hash::of_bytes(&manual)
        );
        assert_eq!(serde_json::to_string(&prev).unwrap(), format!("\"{prev}\""));
        let value = serde_json::json!({"actor": {"person": "王芳"}, "n": [1, 2.5, null]});
        let text = serde_json::to_string(&value).unwrap();
        assert_eq!(
            Hash::of_json(&value).unwrap(),
            Hash::of_bytes(text.as_bytes())
        );
    }
}

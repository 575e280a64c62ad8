//! Decimals as text in every serialised type, field by field.
//!
//! `rust_decimal`'s own serde impls follow its cargo features, and features unify across
//! a whole build: another crate turning on `serde-float` would make every decimal a
//! float and change the journal's bytes and hashes. So no serialised field relies on
//! them: each decimal field names this module's functions, which write `Decimal`'s own
//! text ("72.50", "-3", "0.05") and read it back only from a string, as JSON, whatever
//! features the build has.
//!
//! ```text
//! #[serde(serialize_with = "decimal_text::write", deserialize_with = "decimal_text::read")]
//! pub area: Decimal,
//! ```
//!
//! The same pair serves `Decimal`, `Option<Decimal>`, `Vec<Decimal>`, `(K, Decimal)` pairs
//! and maps to decimals ([`DecimalText`]). Keys are written by their own serde: no
//! serialised type has a decimal as a map key, and one that did would need its own text
//! form here. Naming the two functions, rather than
//! `with = "decimal_text"`, keeps the field's own type in the schema: `schemars` would
//! take a `with` module for a type. Reading through `deserialize_with` does not let a
//! missing `Option` field be `None` by itself; such a field also says `default`.

use std::collections::BTreeMap;
use std::fmt;
use std::str::FromStr;

use rust_decimal::Decimal;
use serde::de::{self, DeserializeOwned, Unexpected};
use serde::ser::SerializeTuple;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// Writes a decimal, or a value holding decimals, with each decimal as text.
pub(crate) fn write<T: DecimalText, S: Serializer>(value: &T, s: S) -> Result<S::Ok, S::Error> {
    value.write(s)
}

/// Reads a decimal, or a value holding decimals, with each decimal from a string.
pub(crate) fn read<'de, T: DecimalText, D: Deserializer<'de>>(d: D) -> Result<T, D::Error> {
    T::read(d)
}

/// A value whose decimals are written as text and read only from strings.
pub(crate) trait DecimalText: Sized {
    /// Writes the value.
    fn write<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error>;
    /// Reads the value.
    fn read<'de, D: Deserializer<'de>>(d: D) -> Result<Self, D::Error>;
}

/// A borrowed value that serialises with its decimals as text (for answers that are
/// bare decimals rather than fields).
pub(crate) struct Text<'a, T>(pub &'a T);

impl<T: DecimalText> Serialize for Text<'_, T> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        self.0.write(s)
    }
}

/// An owned value read with its decimals from strings.
struct Owned<T>(T);

impl<'de, T: DecimalText> Deserialize<'de> for Owned<T> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        T::read(d).map(Owned)
    }
}

impl DecimalText for Decimal {
    fn write<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut buf = [0u8; 64];
        s.serialize_str(format_decimal(self, &mut buf))
    }

    fn read<'de, D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_str(DecimalVisitor)
    }
}

impl<T: DecimalText> DecimalText for Option<T> {
    fn write<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            Some(v) => s.serialize_some(&Text(v)),
            None => s.serialize_none(),
        }
    }

    fn read<'de, D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        Ok(Option::<Owned<T>>::deserialize(d)?.map(|v| v.0))
    }
}

impl<T: DecimalText> DecimalText for Vec<T> {
    fn write<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq(self.iter().map(Text))
    }

    fn read<'de, D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let items = Vec::<Owned<T>>::deserialize(d)?;
        Ok(items.into_iter().map(|v| v.0).collect())
    }
}

impl<K: Serialize + DeserializeOwned, T: DecimalText> DecimalText for (K, T) {
    fn write<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut pair = s.serialize_tuple(2)?;
        pair.serialize_element(&self.0)?;
        pair.serialize_element(&Text(&self.1))?;
        pair.end()
    }

    fn read<'de, D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let (k, v) = <(K, Owned<T>)>::deserialize(d)?;
        Ok((k, v.0))
    }
}

impl<K: Ord + Serialize + DeserializeOwned, T: DecimalText> DecimalText for BTreeMap<K, T> {
    fn write<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_map(self.iter().map(|(k, v)| (k, Text(v))))
    }

    fn read<'de, D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let map = BTreeMap::<K, Owned<T>>::deserialize(d)?;
        Ok(map.into_iter().map(|(k, v)| (k, v.0)).collect())
    }
}

/// Reads a decimal as `rust_decimal`'s `serde-str` reading did: plain or scientific
/// notation from a string; a deserializer that ignores the hint may offer a number.
struct DecimalVisitor;

impl de::Visitor<'_> for DecimalVisitor {
    type Value = Decimal;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        write!(f, "a Decimal type representing a fixed-point number")
    }

    fn visit_i64<E: de::Error>(self, value: i64) -> Result<Decimal, E> {
        Ok(Decimal::from(value))
    }

    fn visit_u64<E: de::Error>(self, value: u64) -> Result<Decimal, E> {
        Ok(Decimal::from(value))
    }

    fn visit_f64<E: de::Error>(self, value: f64) -> Result<Decimal, E> {
        Decimal::from_str(&value.to_string())
            .map_err(|_| E::invalid_value(Unexpected::Float(value), &self))
    }

    fn visit_str<E: de::Error>(self, value: &str) -> Result<Decimal, E> {
        Decimal::from_str(value)
            .or_else(|_| Decimal::from_scientific(value))
            .map_err(|_| E::invalid_value(Unexpected::Str(value), &self))
    }
}

/// `Decimal`'s own text ("72.50", "-3", "0.05"; a negative zero without its sign, as
/// `Decimal`'s `Display` writes it) written into `buf` without allocating: a city's
/// journal writes millions of them.
pub(crate) fn format_decimal<'b>(d: &Decimal, buf: &'b mut [u8; 64]) -> &'b str {
    let scale = d.scale() as usize;
    let mut m = d.mantissa().unsigned_abs();
    let mut at = buf.len();
    let mut digits = 0;
    // At most 29 digits of mantissa and 28 of scale: the buffer always has room.
    while m > 0 || digits <= scale {
        if digits == scale && scale > 0 {
            at -= 1;
            buf[at] = b'.';
        }
        // 64-bit division when the rest fits: 128-bit division is a slow library call.
        let digit = match u64::try_from(m) {
            Ok(small) => {
                m = u128::from(small / 10);
                (small % 10) as u8
            }
            Err(_) => {
                let digit = (m % 10) as u8;
                m /= 10;
                digit
            }
        };
        at -= 1;
        buf[at] = b'0' + digit;
        digits += 1;
    }
    if d.is_sign_negative() && !d.is_zero() {
        at -= 1;
        buf[at] = b'-';
    }
    std::str::from_utf8(&buf[at..]).unwrap_or_default()
}

#[cfg(test)]
#[path = "decimal_text_tests.rs"]
mod tests;

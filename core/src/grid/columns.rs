//! The grid's largest tables in a snapshot, by column: a city holds millions of
//! households, and one CBOR map per household (its field names repeated millions of
//! times, each value decoded on its own) would make the snapshot larger than the journal
//! and slower to read than a replay. Each column is one CBOR byte or text string.

use serde::de::{self, Visitor};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use super::model::Household;
use petgraph::stable_graph::NodeIndex;

/// Bytes written as one CBOR byte string.
struct Bytes(Vec<u8>);

impl Serialize for Bytes {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_bytes(&self.0)
    }
}

impl<'de> Deserialize<'de> for Bytes {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct Seen;
        impl Visitor<'_> for Seen {
            type Value = Bytes;
            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("a byte string")
            }
            fn visit_bytes<E: de::Error>(self, v: &[u8]) -> Result<Bytes, E> {
                Ok(Bytes(v.to_vec()))
            }
            fn visit_byte_buf<E: de::Error>(self, v: Vec<u8>) -> Result<Bytes, E> {
                Ok(Bytes(v))
            }
        }
        d.deserialize_byte_buf(Seen)
    }
}

fn put(column: &mut Vec<u8>, n: u32) {
    column.extend_from_slice(&n.to_le_bytes());
}

/// The numbers of a column of little-endian u32s; its length must be a multiple of 4.
fn numbers<E: de::Error>(column: &[u8], name: &str) -> Result<Vec<u32>, E> {
    if column.len() % 4 != 0 {
        return Err(E::custom(format!(
            "the column {name} is {} bytes, not a whole number of u32s",
            column.len()
        )));
    }
    Ok(column
        .chunks_exact(4)
        .map(|c| u32::from_le_bytes([c[0], c[1], c[2], c[3]]))
        .collect())
}

/// A `Vec<u32>` as one byte string of little-endian u32s.
pub(super) mod u32s {
    use super::*;

    pub(in crate::grid) fn serialize<S: Serializer>(v: &[u32], s: S) -> Result<S::Ok, S::Error> {
        let mut column = Vec::with_capacity(v.len() * 4);
        for &n in v {
            put(&mut column, n);
        }
        Bytes(column).serialize(s)
    }

    pub(in crate::grid) fn deserialize<'de, D: Deserializer<'de>>(
        d: D,
    ) -> Result<Vec<u32>, D::Error> {
        numbers(&Bytes::deserialize(d)?.0, "of indices")
    }
}

#[derive(Serialize, Deserialize)]
struct Columns {
    /// Every id, one after the other.
    ids: String,
    /// Each id's length in bytes.
    lengths: Bytes,
    /// Each household's unit (its node index).
    units: Bytes,
    /// Each household's area in hundredths of a square metre.
    areas: Bytes,
}

/// The households, by column.
pub(super) mod households {
    use super::*;

    pub(in crate::grid) fn serialize<S: Serializer>(
        households: &[Household],
        s: S,
    ) -> Result<S::Ok, S::Error> {
        let n = households.len();
        let mut columns = Columns {
            ids: String::with_capacity(households.iter().map(|h| h.id.len()).sum()),
            lengths: Bytes(Vec::with_capacity(n * 4)),
            units: Bytes(Vec::with_capacity(n * 4)),
            areas: Bytes(Vec::with_capacity(n * 4)),
        };
        for h in households {
            let too_long = || serde::ser::Error::custom("a household id longer than 4 GiB");
            columns.ids.push_str(&h.id);
            put(
                &mut columns.lengths.0,
                u32::try_from(h.id.len()).map_err(|_| too_long())?,
            );
            let unit = u32::try_from(h.unit.index()).map_err(|_| too_long())?;
            put(&mut columns.units.0, unit);
            put(&mut columns.areas.0, h.area_centi);
        }
        columns.serialize(s)
    }

    pub(in crate::grid) fn deserialize<'de, D: Deserializer<'de>>(
        d: D,
    ) -> Result<Vec<Household>, D::Error> {
        let c = Columns::deserialize(d)?;
        let lengths = numbers::<D::Error>(&c.lengths.0, "lengths")?;
        let units = numbers::<D::Error>(&c.units.0, "units")?;
        let areas = numbers::<D::Error>(&c.areas.0, "areas")?;
        if units.len() != lengths.len() || areas.len() != lengths.len() {
            return Err(de::Error::custom(format!(
                "the household columns differ in length ({} ids, {} units, {} areas)",
                lengths.len(),
                units.len(),
                areas.len()
            )));
        }
        let mut out = Vec::with_capacity(lengths.len());
        let mut at = 0usize;
        for ((len, unit), area_centi) in lengths.into_iter().zip(units).zip(areas) {
            let end = at.saturating_add(len as usize);
            let id = c.ids.get(at..end).ok_or_else(|| {
                de::Error::custom(format!(
                    "household {} has an id outside the ids column",
                    out.len()
                ))
            })?;
            out.push(Household {
                id: id.into(),
                unit: NodeIndex::new(unit as usize),
                area_centi,
            });
            at = end;
        }
        if at != c.ids.len() {
            return Err(de::Error::custom("the ids column is longer than its ids"));
        }
        Ok(out)
    }
}

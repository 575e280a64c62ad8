//! Grid codes: the 18-digit numbers that name every unit of the hierarchy.
//!
//! Following Beijing's DB11/T 2157-2023, a grid code is 6 digits of district (GB/T 2260),
//! 3 of street, 3 of community and 3 of grid; Gridward adds 3 digits for the micro-grid.
//! A code therefore says its own level (by its length) and its parent (by its prefix).

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::error::kind::error_codes;

/// A level of the grid hierarchy, from the district down to the micro-grid.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Level {
    /// 区/县: a county-level district, 6 digits.
    District,
    /// 街道/镇/乡: a street office, town or township, 9 digits.
    Street,
    /// 社区: a residents' community, 12 digits.
    Community,
    /// 小区/院落网格: a grid (compound), 15 digits.
    Grid,
    /// 楼栋/单元微网格: a micro-grid (building or stairwell), 18 digits.
    MicroGrid,
}

impl Level {
    /// All levels, top down.
    pub const ALL: [Level; 5] = [
        Level::District,
        Level::Street,
        Level::Community,
        Level::Grid,
        Level::MicroGrid,
    ];

    /// Number of digits in a code of this level.
    pub const fn digits(self) -> u32 {
        match self {
            Level::District => 6,
            Level::Street => 9,
            Level::Community => 12,
            Level::Grid => 15,
            Level::MicroGrid => 18,
        }
    }

    /// The level directly above, if any.
    pub const fn parent(self) -> Option<Level> {
        match self {
            Level::District => None,
            Level::Street => Some(Level::District),
            Level::Community => Some(Level::Street),
            Level::Grid => Some(Level::Community),
            Level::MicroGrid => Some(Level::Grid),
        }
    }

    /// The level directly below, if any.
    pub const fn child(self) -> Option<Level> {
        match self {
            Level::District => Some(Level::Street),
            Level::Street => Some(Level::Community),
            Level::Community => Some(Level::Grid),
            Level::Grid => Some(Level::MicroGrid),
            Level::MicroGrid => None,
        }
    }

    /// The snake_case name used in JSON and in the bindings.
    pub const fn as_str(self) -> &'static str {
        match self {
            Level::District => "district",
            Level::Street => "street",
            Level::Community => "community",
            Level::Grid => "grid",
            Level::MicroGrid => "micro_grid",
        }
    }

    /// Parses a snake_case level name.
    pub fn parse(name: &str) -> Option<Level> {
        Level::ALL.into_iter().find(|l| l.as_str() == name)
    }

    fn from_digits(digits: usize) -> Option<Level> {
        Level::ALL
            .into_iter()
            .find(|l| l.digits() as usize == digits)
    }
}

impl fmt::Display for Level {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// What kind of street-level unit a 3-digit street part names.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StreetKind {
    /// 街道 (001–099).
    Subdistrict,
    /// 镇 (100–199).
    Town,
    /// 乡 (200–399).
    Township,
}

/// Why a code was refused.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum CodeError {
    /// The code has characters other than ASCII digits.
    #[error("grid code {0:?} must contain only digits")]
    NotDigits(String),
    /// The code has a length no level has.
    #[error("grid code {code:?} has {len} digits; a code has 6, 9, 12, 15 or 18")]
    Length {
        /// The code as given.
        code: String,
        /// Its length.
        len: usize,
    },
    /// The first two digits are not a province of GB/T 2260.
    #[error("grid code {0:?} does not start with a GB/T 2260 province code")]
    Province(String),
    /// The district part ends in 00, which names a prefecture, not a district.
    #[error("grid code {0:?}: the district part must not end in 00")]
    District(String),
    /// The street part is outside 001–399.
    #[error(
        "grid code {0:?}: the street part must be 001-099 (街道), 100-199 (镇) or 200-399 (乡)"
    )]
    Street(String),
    /// A community, grid or micro-grid part is 000.
    #[error("grid code {code:?}: the {level} part must be 001-999")]
    ZeroPart {
        /// The code as given.
        code: String,
        /// The level whose part is zero.
        level: Level,
    },
}

// Every malformed code has the one code `invalid_code`; the message says what is wrong.
error_codes! {
    CodeError {
        NotDigits(..) => ("invalid_code", Invalid),
        Length { .. } => ("invalid_code", Invalid),
        Province(..) => ("invalid_code", Invalid),
        District(..) => ("invalid_code", Invalid),
        Street(..) => ("invalid_code", Invalid),
        ZeroPart { .. } => ("invalid_code", Invalid),
    }
}

const PROVINCES: [u64; 34] = [
    11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34, 35, 36, 37, 41, 42, 43, 44, 45, 46, 50, 51, 52,
    53, 54, 61, 62, 63, 64, 65, 71, 81, 82,
];

/// A validated grid code; its level is given by its length and its parent by its prefix.
///
/// Serialised as a string of digits, since 18 digits do not fit a JavaScript number.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct NodeCode(u64);

impl NodeCode {
    /// Parses and validates a code of any level.
    pub fn parse(text: &str) -> Result<NodeCode, CodeError> {
        if text.is_empty() || !text.bytes().all(|b| b.is_ascii_digit()) {
            return Err(CodeError::NotDigits(text.to_owned()));
        }
        let level = Level::from_digits(text.len()).ok_or_else(|| CodeError::Length {
            code: text.to_owned(),
            len: text.len(),
        })?;
        // At most 18 digits, so the value fits in u64.
        let value = text
            .bytes()
            .fold(0u64, |acc, b| acc * 10 + u64::from(b - b'0'));
        NodeCode::validate(value, level, text)?;
        Ok(NodeCode(value))
    }

    fn validate(value: u64, level: Level, text: &str) -> Result<(), CodeError> {
        let district = value / 10u64.pow(level.digits() - 6);
        if !PROVINCES.contains(&(district / 10_000)) {
            return Err(CodeError::Province(text.to_owned()));
        }
        if district % 100 == 0 {
            return Err(CodeError::District(text.to_owned()));
        }
        for lower in [
            Level::Street,
            Level::Community,
            Level::Grid,
            Level::MicroGrid,
        ] {
            if lower.digits() > level.digits() {
                break;
            }
            let part = (value / 10u64.pow(level.digits() - lower.digits())) % 1000;
            if lower == Level::Street {
                if !(1..=399).contains(&part) {
                    return Err(CodeError::Street(text.to_owned()));
                }
            } else if part == 0 {
                return Err(CodeError::ZeroPart {
                    code: text.to_owned(),
                    level: lower,
                });
            }
        }
        Ok(())
    }

    /// The code's level.
    pub fn level(self) -> Level {
        let mut digits = 0;
        let mut v = self.0;
        while v > 0 {
            digits += 1;
            v /= 10;
        }
        Level::from_digits(digits).unwrap_or(Level::District)
    }

    /// The numeric value of the code.
    pub fn value(self) -> u64 {
        self.0
    }

    /// The parent's code, implied by the prefix; `None` for a district.
    pub fn parent(self) -> Option<NodeCode> {
        self.level().parent().map(|_| NodeCode(self.0 / 1000))
    }

    /// The code of the child numbered `part` (1–999; 1–399 below a district).
    pub fn child(self, part: u16) -> Result<NodeCode, CodeError> {
        NodeCode::parse(&format!("{self}{part:03}"))
    }

    /// The last three digits (or all six for a district): the unit's number in its parent.
    pub fn part(self) -> u64 {
        match self.level() {
            Level::District => self.0,
            _ => self.0 % 1000,
        }
    }

    /// This code's ancestor at `level`, or itself; `None` if `level` is below this code.
    pub fn at_level(self, level: Level) -> Option<NodeCode> {
        let own = self.level();
        (level <= own).then(|| NodeCode(self.0 / 10u64.pow(own.digits() - level.digits())))
    }

    /// True when `self` is `other` or one of its ancestors.
    pub fn contains(self, other: NodeCode) -> bool {
        other.at_level(self.level()) == Some(self)
    }

    /// For a street code, whether it is a subdistrict, town or township.
    pub fn street_kind(self) -> Option<StreetKind> {
        let street = self.at_level(Level::Street)?;
        Some(match street.0 % 1000 {
            0..=99 => StreetKind::Subdistrict,
            100..=199 => StreetKind::Town,
            _ => StreetKind::Township,
        })
    }
}

impl NodeCode {
    /// Writes the code's digits into `buf` and returns them; no allocation, since codes
    /// are written millions of times into a city's journal.
    fn digits(self, buf: &mut [u8; 18]) -> &str {
        let len = self.level().digits() as usize;
        let mut v = self.0;
        for slot in buf[..len].iter_mut().rev() {
            *slot = b'0' + (v % 10) as u8;
            v /= 10;
        }
        // Only ASCII digits were written.
        std::str::from_utf8(&buf[..len]).unwrap_or_default()
    }
}

impl fmt::Display for NodeCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.digits(&mut [0; 18]))
    }
}

impl FromStr for NodeCode {
    type Err = CodeError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        NodeCode::parse(s)
    }
}

#[cfg(feature = "schema")]
impl schemars::JsonSchema for NodeCode {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "NodeCode".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "type": "string",
            "format": "node-code",
            "pattern": "^[0-9]{6}(?:[0-9]{3}){0,4}$",
            "description": "A unit's code: 6 digits for a district (GB/T 2260), then 3 each for \
                            the street, community, grid and micro-grid (18 digits at most)."
        })
    }
}

impl Serialize for NodeCode {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.digits(&mut [0; 18]))
    }
}

impl<'de> Deserialize<'de> for NodeCode {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let text = <std::borrow::Cow<'de, str>>::deserialize(d)?;
        NodeCode::parse(&text).map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn levels_follow_length() {
        let c = NodeCode::parse("510104001002003004").unwrap();
        assert_eq!(c.level(), Level::MicroGrid);
        assert_eq!(c.to_string(), "510104001002003004");
        let p = c.parent().unwrap();
        assert_eq!(p.to_string(), "510104001002003");
        assert_eq!(p.level(), Level::Grid);
        assert_eq!(c.at_level(Level::District).unwrap().to_string(), "510104");
        assert!(NodeCode::parse("510104").unwrap().parent().is_none());
        assert!(p.contains(c) && !c.contains(p) && c.contains(c));
        assert_eq!(p.child(4).unwrap(), c);
    }

    #[test]
    fn street_part_bands() {
        assert_eq!(
            NodeCode::parse("510104050").unwrap().street_kind(),
            Some(StreetKind::Subdistrict)
        );
        assert_eq!(
            NodeCode::parse("510104150").unwrap().street_kind(),
            Some(StreetKind::Town)
        );
        assert_eq!(
            NodeCode::parse("510104399").unwrap().street_kind(),
            Some(StreetKind::Township)
        );
        assert!(matches!(
            NodeCode::parse("510104400"),
            Err(CodeError::Street(_))
        ));
        assert!(matches!(
            NodeCode::parse("510104000"),
            Err(CodeError::Street(_))
        ));
    }

    #[test]
    fn refuses_bad_codes() {
        assert!(matches!(
            NodeCode::parse("5101x4"),
            Err(CodeError::NotDigits(_))
        ));
        assert!(matches!(
            NodeCode::parse("5101041"),
            Err(CodeError::Length { len: 7, .. })
        ));
        assert!(matches!(
            NodeCode::parse("990104"),
            Err(CodeError::Province(_))
        ));
        assert!(matches!(
            NodeCode::parse("510100"),
            Err(CodeError::District(_))
        ));
        assert!(matches!(
            NodeCode::parse("510104001000"),
            Err(CodeError::ZeroPart {
                level: Level::Community,
                ..
            })
        ));
        assert!(NodeCode::parse("").is_err());
        assert!(NodeCode::parse("5101040010010010010").is_err());
    }

    #[test]
    fn serde_is_a_string() {
        let c = NodeCode::parse("110101001").unwrap();
        let json = serde_json::to_string(&c).unwrap();
        assert_eq!(json, "\"110101001\"");
        let back: NodeCode = serde_json::from_str(&json).unwrap();
        assert_eq!(back, c);
        assert!(serde_json::from_str::<NodeCode>("\"110100001\"").is_err());
    }
}

//! Time limits (时限) such as "5 working hours" or "3 days", and their short text form.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

use super::CalendarError;

/// The unit of a [`Limit`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum LimitUnit {
    /// Hours counted only inside working periods of working days (工作时), text `wh`.
    WorkingHours,
    /// Working days (工作日), text `wd`: each is the calendar's
    /// [`minutes_per_day`](super::Calendar::minutes_per_day) of working time.
    WorkingDays,
    /// Natural (calendar) hours, night and holidays included, text `h`.
    Hours,
    /// Natural days of 24 hours, text `d`.
    Days,
}

impl LimitUnit {
    /// The suffix of the unit in a limit's text: `wh`, `wd`, `h` or `d`.
    pub fn suffix(self) -> &'static str {
        match self {
            LimitUnit::WorkingHours => "wh",
            LimitUnit::WorkingDays => "wd",
            LimitUnit::Hours => "h",
            LimitUnit::Days => "d",
        }
    }

    /// The snake_case name used in JSON: `working_hours`, `working_days`, `hours`, `days`.
    pub fn as_str(self) -> &'static str {
        match self {
            LimitUnit::WorkingHours => "working_hours",
            LimitUnit::WorkingDays => "working_days",
            LimitUnit::Hours => "hours",
            LimitUnit::Days => "days",
        }
    }

    /// Whether the unit runs on the working-time calendar (rather than natural time).
    pub fn is_working_time(self) -> bool {
        matches!(self, LimitUnit::WorkingHours | LimitUnit::WorkingDays)
    }
}

/// A time limit: an amount of a [`LimitUnit`], written `5wh`, `15wd`, `24h` or `3d`.
///
/// In JSON a limit is `{"amount": 5, "unit": "working_hours"}`; reading also accepts the
/// short text `"5wh"`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
pub struct Limit {
    /// How many units.
    pub amount: u32,
    /// Which unit.
    pub unit: LimitUnit,
}

impl Limit {
    /// `n` working hours.
    pub fn working_hours(n: u32) -> Limit {
        Limit {
            amount: n,
            unit: LimitUnit::WorkingHours,
        }
    }

    /// `n` working days.
    pub fn working_days(n: u32) -> Limit {
        Limit {
            amount: n,
            unit: LimitUnit::WorkingDays,
        }
    }

    /// `n` natural hours.
    pub fn hours(n: u32) -> Limit {
        Limit {
            amount: n,
            unit: LimitUnit::Hours,
        }
    }

    /// `n` natural days (of 24 hours).
    pub fn days(n: u32) -> Limit {
        Limit {
            amount: n,
            unit: LimitUnit::Days,
        }
    }

    /// Parses the short text form: digits then a unit, `5wh`, `15wd`, `24h` or `3d`.
    /// Surrounding spaces and a space before the unit are allowed; units are case-insensitive.
    pub fn parse(text: &str) -> Result<Limit, CalendarError> {
        let bad = || CalendarError::BadLimit(text.to_owned());
        let trimmed = text.trim();
        let split = trimmed
            .find(|c: char| !c.is_ascii_digit())
            .ok_or_else(bad)?;
        let (digits, unit) = trimmed.split_at(split);
        if digits.is_empty() {
            return Err(bad());
        }
        let amount: u32 = digits.parse().map_err(|_| bad())?;
        let unit = match unit.trim_start().to_ascii_lowercase().as_str() {
            "wh" => LimitUnit::WorkingHours,
            "wd" => LimitUnit::WorkingDays,
            "h" => LimitUnit::Hours,
            "d" => LimitUnit::Days,
            _ => return Err(bad()),
        };
        Ok(Limit { amount, unit })
    }
}

impl FromStr for Limit {
    type Err = CalendarError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Limit::parse(s)
    }
}

impl fmt::Display for Limit {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}{}", self.amount, self.unit.suffix())
    }
}

#[cfg(feature = "schema")]
impl schemars::JsonSchema for Limit {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Limit".into()
    }

    fn json_schema(generator: &mut schemars::SchemaGenerator) -> schemars::Schema {
        let unit = generator.subschema_for::<LimitUnit>();
        schemars::json_schema!({
            "description": "A time limit: an amount of a unit, or its short text (\"5wh\", \"15wd\", \"24h\", \"3d\").",
            "oneOf": [
                {
                    "type": "object",
                    "properties": {
                        "amount": {"type": "integer", "format": "uint32", "minimum": 0},
                        "unit": unit
                    },
                    "required": ["amount", "unit"],
                    "additionalProperties": false
                },
                {"type": "string", "format": "limit", "pattern": "^\\s*[0-9]+\\s*(?i:wh|wd|h|d)\\s*$"}
            ]
        })
    }
}

impl<'de> Deserialize<'de> for Limit {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        #[derive(Deserialize)]
        #[serde(deny_unknown_fields)]
        struct Fields {
            amount: u32,
            unit: LimitUnit,
        }

        #[derive(Deserialize)]
        #[serde(untagged)]
        enum Either {
            Text(String),
            Fields(Fields),
        }

        match Either::deserialize(deserializer) {
            Ok(Either::Text(text)) => Limit::parse(&text).map_err(serde::de::Error::custom),
            Ok(Either::Fields(Fields { amount, unit })) => Ok(Limit { amount, unit }),
            Err(_) => Err(serde::de::Error::custom(
                "a limit is a text such as \"5wh\", \"15wd\", \"24h\" or \"3d\", \
                 or {\"amount\": 5, \"unit\": \"working_hours\"}",
            )),
        }
    }
}

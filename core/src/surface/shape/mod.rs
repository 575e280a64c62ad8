//! Shapes: the description's JSON Schema compiled into a small tree that checks a value
//! given to a face, field by field, before the core deserializes it.
//!
//! Both faces turn their host values into JSON and hand them to [`Shapes::check`], so a
//! value the description rejects gets the same [`InputError`] in Python and in
//! JavaScript, naming the field. The check also normalises what the description allows
//! in more than one spelling: a whole number where an exact decimal is described becomes
//! its decimal text.

use std::collections::BTreeMap;

use chrono::{DateTime, NaiveDate};
use rust_decimal::Decimal;

mod check;
mod compile;

/// What a string holds, when the description says (its JSON Schema `format`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// An exact decimal written as text (`"72.50"`): `decimal`.
    Decimal,
    /// An amount of money, an exact decimal to the fen (`"358.00"`): `amount`.
    Amount,
    /// A day, `YYYY-MM-DD`: `date`.
    Date,
    /// A moment with its UTC offset (RFC 3339): `date-time`.
    DateTime,
    /// A unit's code of 6 to 18 digits: `node-code`.
    Code,
    /// A calendar month, `YYYY-MM`: `month`.
    Month,
    /// A SHA-256 hash in hex: `sha256`.
    Hash,
    /// A time limit's short text (`"5wh"`): `limit`.
    Limit,
}

impl Format {
    /// The format by its JSON Schema name.
    pub fn parse(name: &str) -> Option<Format> {
        Some(match name {
            "decimal" => Format::Decimal,
            "amount" => Format::Amount,
            "date" => Format::Date,
            "date-time" => Format::DateTime,
            "node-code" => Format::Code,
            "month" => Format::Month,
            "sha256" => Format::Hash,
            "limit" => Format::Limit,
            _ => return None,
        })
    }

    /// True for the formats that hold exact decimals.
    pub fn is_decimal(self) -> bool {
        matches!(self, Format::Decimal | Format::Amount)
    }

    /// What the text must be, for messages.
    fn what(self) -> &'static str {
        match self {
            Format::Decimal => "a decimal",
            Format::Amount => "an amount of money (at most two decimals)",
            Format::Date => "a date (YYYY-MM-DD)",
            Format::DateTime => "a date-time (RFC 3339)",
            Format::Code => "a unit code (6, 9, 12, 15 or 18 digits)",
            Format::Month => "a month (YYYY-MM)",
            Format::Hash => "a SHA-256 hash (64 lowercase hex digits)",
            Format::Limit => "a time limit (\"5wh\", \"15wd\", \"24h\" or \"3d\")",
        }
    }

    /// Why the text does not parse as this format, by the core's own parsers (`None` when
    /// it does; an empty reason when the parser says nothing more).
    fn refusal(self, s: &str) -> Option<String> {
        let why = |r: Result<(), String>| r.err();
        match self {
            Format::Decimal => why(s.parse::<Decimal>().map(drop).map_err(|e| e.to_string())),
            Format::Amount => why(s
                .parse::<crate::money::Amount>()
                .map(drop)
                .map_err(|e| e.to_string())),
            Format::Date => why(NaiveDate::parse_from_str(s, "%Y-%m-%d")
                .map(drop)
                .map_err(|e| e.to_string())),
            Format::DateTime => why(DateTime::parse_from_rfc3339(s)
                .map(drop)
                .map_err(|e| e.to_string())),
            Format::Code => why(crate::grid::NodeCode::parse(s)
                .map(drop)
                .map_err(|e| e.to_string())),
            Format::Month => why(s
                .parse::<crate::scoring::Month>()
                .map(drop)
                .map_err(|e| e.to_string())),
            Format::Hash => crate::journal::Hash::from_hex(s)
                .is_none()
                .then(String::new),
            Format::Limit => why(crate::calendar::Limit::parse(s)
                .map(drop)
                .map_err(|e| e.to_string())),
        }
    }
}

/// One described type, compiled.
#[derive(Clone, Debug, PartialEq)]
pub enum Shape {
    /// Any JSON value.
    Any,
    /// `null` only.
    Null,
    /// `true` or `false`.
    Bool,
    /// A whole number within bounds.
    Int {
        /// The least allowed.
        min: i128,
        /// The most allowed.
        max: i128,
    },
    /// Any JSON number (only results carry these: shares computed as binary floats).
    Number,
    /// A string, maybe of a format, maybe one of listed values.
    Str {
        /// What it holds.
        format: Option<Format>,
        /// The values allowed, when it is an enumeration.
        values: Option<Vec<String>>,
    },
    /// A list of items of one shape.
    List(Box<Shape>),
    /// A list of fixed length, each place with its own shape.
    Tuple(Vec<Shape>),
    /// An object whose keys are free and whose values have one shape.
    Map(Box<Shape>),
    /// An object with named fields.
    Object(Box<ObjectShape>),
    /// `null`, or the inner shape.
    Nullable(Box<Shape>),
    /// One of several shapes.
    OneOf(Box<Choice>),
    /// A named type of the description, by index in [`Shapes`].
    Ref(usize),
}

/// An object's fields, sorted by name.
#[derive(Clone, Debug, PartialEq)]
pub struct ObjectShape {
    /// The fields, sorted by name.
    pub fields: Vec<Field>,
    /// True when keys other than the fields are refused.
    pub closed: bool,
}

impl ObjectShape {
    /// The field with this name.
    pub fn field(&self, name: &str) -> Option<&Field> {
        self.fields
            .binary_search_by(|f| f.name.as_str().cmp(name))
            .ok()
            .map(|i| &self.fields[i])
    }
}

/// A field of an object.
#[derive(Clone, Debug, PartialEq)]
pub struct Field {
    /// Its name.
    pub name: String,
    /// Its shape.
    pub shape: Shape,
    /// True when it must be given.
    pub required: bool,
}

/// The branches of a choice and how a value picks one.
#[derive(Clone, Debug, PartialEq)]
pub struct Choice {
    /// The branches, in the description's order.
    pub branches: Vec<Shape>,
    /// How a value names its branch.
    pub pick: Pick,
}

/// How a value names its branch of a choice.
#[derive(Clone, Debug, PartialEq)]
pub enum Pick {
    /// By the string value of a tag field (`{"type": "file", …}`).
    Tag {
        /// The tag field.
        field: String,
        /// Tag value → branch.
        branches: BTreeMap<String, usize>,
    },
    /// By the one key of the object (`{"household": "1-01"}`), or by a plain string
    /// for branches that are bare names.
    Key(BTreeMap<String, usize>),
    /// By trying the branches in order.
    Try,
}

/// Every named type of a description, compiled, and the names that find them.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Shapes {
    names: BTreeMap<String, usize>,
    shapes: Vec<Shape>,
}

/// Why a schema could not be compiled: it uses a construct shapes do not cover.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("schema {at}: {why}")]
pub struct ShapeError {
    /// Where in the schema.
    pub at: String,
    /// What is not covered.
    pub why: String,
}

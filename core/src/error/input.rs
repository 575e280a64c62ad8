//! Input the description rejects: the field at fault and what is wrong with it.

use std::fmt;

use crate::error::kind::ErrorKind;

/// What is wrong with a field.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum Problem {
    /// The value has the wrong type.
    WrongType {
        /// What the description wants.
        expected: &'static str,
        /// What was given.
        found: &'static str,
    },
    /// A field the type does not have.
    UnknownField {
        /// The fields it has.
        allowed: Vec<String>,
    },
    /// A required field is missing.
    MissingField,
    /// A name that is not one of the enumeration's.
    UnknownValue {
        /// The value given.
        value: String,
        /// The values allowed.
        allowed: Vec<String>,
    },
    /// The value is none of the shapes a choice allows.
    NoneOf(Vec<String>),
    /// A binary float where an exact decimal is described.
    FloatNotAllowed,
    /// A table's cell that reached JSON as a binary float too large to hold every digit
    /// of the code or number it stood for (the float, in scientific notation).
    LostDigits(String),
    /// A date-time without its UTC offset.
    NaiveDateTime,
    /// Text that does not parse as its format.
    BadFormat {
        /// The format, with its article ("a date (YYYY-MM-DD)").
        format: &'static str,
        /// The text (at most 80 characters of it).
        value: String,
        /// Why it does not parse, in the parser's words (empty when it says nothing more).
        why: String,
    },
    /// A whole number outside its type's range.
    OutOfRange(String),
    /// A value the face cannot express in JSON (a Python set, a JavaScript function).
    Unsupported(String),
    /// A value of the right shape that its type still refuses, in the type's words.
    Rejected(String),
    /// Lists and objects nested deeper than a face reads (the limit, in levels): the
    /// faces refuse such a value before they descend into it, so that no input can
    /// exhaust the stack ([`MAX_NESTING`]).
    TooDeep(usize),
}

/// How many lists and objects, one inside another, a value given to a face may hold
/// (the value itself counting as the first when it is one). The Python and JavaScript
/// faces refuse the list or object one level deeper with [`Problem::TooDeep`], naming
/// its path, before they read it, so that no input can exhaust the stack; every input
/// the description allows nests far less (a rating tree, the deepest, has at most 8
/// levels of groups).
pub const MAX_NESTING: usize = 64;

/// A value given to a face that its described type rejects.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct InputError {
    /// The field at fault, as a path (`rows[3].area`); empty for the whole value.
    pub field: String,
    /// What is wrong.
    pub problem: Problem,
}

impl InputError {
    /// An error at `field`.
    pub fn new(field: impl Into<String>, problem: Problem) -> InputError {
        InputError {
            field: field.into(),
            problem,
        }
    }

    /// An error at the field a walk reached: its steps are keys, or indices written
    /// `[3]`, and join as `rows[3].area`.
    pub fn at_path(steps: &[String], problem: Problem) -> InputError {
        let mut field = String::new();
        for step in steps {
            if !step.starts_with('[') && !field.is_empty() {
                field.push('.');
            }
            field.push_str(step);
        }
        InputError::new(field, problem)
    }

    /// The same error, its field placed under `parent`.
    pub fn under(mut self, parent: &str) -> InputError {
        self.field = match (parent.is_empty(), self.field.is_empty()) {
            (true, _) => self.field,
            (false, true) => parent.to_owned(),
            (false, false) if self.field.starts_with('[') => format!("{parent}{}", self.field),
            (false, false) => format!("{parent}.{}", self.field),
        };
        self
    }

    /// A stable snake_case code: the problem's.
    pub fn code(&self) -> &'static str {
        self.problem.code()
    }

    /// The broad kind: always invalid input.
    pub fn kind(&self) -> ErrorKind {
        self.problem.kind()
    }

    /// Every code an input error can have.
    pub fn codes() -> Vec<(&'static str, ErrorKind)> {
        Problem::codes()
    }
}

crate::error::kind::error_codes! {
    Problem {
        WrongType { .. } => ("wrong_type", Invalid),
        NoneOf(..) => ("wrong_type", Invalid),
        Unsupported(..) => ("wrong_type", Invalid),
        UnknownField { .. } => ("unknown_field", Invalid),
        MissingField => ("missing_field", Invalid),
        UnknownValue { .. } => ("unknown_value", Invalid),
        FloatNotAllowed => ("float_not_allowed", Invalid),
        LostDigits(..) => ("lost_digits", Invalid),
        NaiveDateTime => ("naive_datetime", Invalid),
        BadFormat { .. } => ("bad_format", Invalid),
        OutOfRange(..) => ("out_of_range", Invalid),
        Rejected(..) => ("invalid_value", Invalid),
        TooDeep(..) => ("too_deep", Invalid),
    }
}

impl fmt::Display for InputError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let field = if self.field.is_empty() {
            "the value"
        } else {
            self.field.as_str()
        };
        match &self.problem {
            Problem::WrongType { expected, found } => {
                write!(f, "{field}: expected {expected}, got {found}")
            }
            Problem::UnknownField { allowed } => {
                write!(
                    f,
                    "{field}: unknown field; the fields are {}",
                    allowed.join(", ")
                )
            }
            Problem::MissingField => write!(f, "{field}: missing, and it is required"),
            Problem::UnknownValue { value, allowed } => {
                write!(f, "{field}: {value:?} is not one of {}", allowed.join(", "))
            }
            Problem::NoneOf(keys) if keys.is_empty() => {
                write!(f, "{field}: matches none of the shapes it may take")
            }
            Problem::NoneOf(keys) => {
                write!(
                    f,
                    "{field}: expected an object with one key of {}",
                    keys.join(", ")
                )
            }
            Problem::FloatNotAllowed => write!(
                f,
                "{field}: a binary float is refused where an exact decimal is described; give \
                 the decimal as text (or a Python Decimal), or a whole number; read a table's \
                 column as text (pandas: dtype=str, or gridward.read_table)"
            ),
            Problem::LostDigits(float) => write!(
                f,
                "{field}: the cell came as the binary float {float}, too large to hold every \
                 digit exactly; read the column as text (pandas: dtype=str)"
            ),
            Problem::NaiveDateTime => write!(
                f,
                "{field}: a date-time needs its UTC offset (an aware datetime, or text such as \
                 2026-03-02T09:00:00+08:00)"
            ),
            Problem::BadFormat { format, value, why } if why.is_empty() => {
                write!(f, "{field}: {value:?} is not {format}")
            }
            Problem::BadFormat { format, value, why } => {
                write!(f, "{field}: {value:?} is not {format}: {why}")
            }
            Problem::OutOfRange(why) => write!(f, "{field}: out of range: {why}"),
            Problem::Unsupported(what) => write!(f, "{field}: {what} cannot be given here"),
            Problem::Rejected(why) => write!(f, "{field}: {why}"),
            Problem::TooDeep(limit) => write!(
                f,
                "{field}: lists and objects nested deeper than {limit} levels cannot be given"
            ),
        }
    }
}

impl std::error::Error for InputError {}

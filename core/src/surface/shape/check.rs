//! Checking a value against its shape, naming the field at fault.

use chrono::NaiveDateTime;
use serde_json::Value;

use super::{Choice, Format, ObjectShape, Pick, Shape, Shapes};
use crate::error::input::{InputError, Problem};

impl Shapes {
    /// Checks `value` against `shape`, naming the field at fault, and normalises it: a
    /// whole number where a decimal is described becomes its text.
    pub fn check(&self, shape: &Shape, value: &mut Value) -> Result<(), InputError> {
        self.walk(shape, value, Mode::Strict)
    }

    /// Checks an object of arguments as [`Shapes::check`] does, except that the
    /// arguments named in `tables` were read from a table's cells (a DataFrame, an Arrow
    /// table, a CSV file), where a column's type says little about what its cells mean.
    /// Below those arguments, and only there:
    /// - a whole number where text is described (a code, an id, a name) becomes its
    ///   digits, as a column of codes read as integers holds them;
    /// - a binary float holding a whole number where text or a whole number is
    ///   described becomes that number, as a column with gaps read as floats holds it,
    ///   when it is below 2^53, where every whole float is exact; a larger one has lost
    ///   digits and is refused (`lost_digits`);
    /// - a binary float where a decimal is described is refused (`float_not_allowed`),
    ///   as everywhere.
    ///
    /// The field at fault is named as always: `rows[3].area` is the fourth row's `area`.
    pub fn check_args(
        &self,
        shape: &Shape,
        value: &mut Value,
        tables: &[&str],
    ) -> Result<(), InputError> {
        self.walk(shape, value, Mode::Tables(tables))
    }

    /// Checks one value; a fault below it comes back with its field named from here
    /// down, and each container on the way out puts its own step in front, so that a
    /// value without faults costs no path at all.
    fn walk(&self, shape: &Shape, value: &mut Value, mode: Mode<'_>) -> Result<(), InputError> {
        let wrong = |expected: &'static str, value: &Value| {
            Err(InputError::new(
                "",
                Problem::WrongType {
                    expected,
                    found: kind(value),
                },
            ))
        };
        match shape {
            Shape::Any => Ok(()),
            Shape::Ref(i) => self.walk(&self.shapes[*i], value, mode),
            Shape::Null if value.is_null() => Ok(()),
            Shape::Bool if value.is_boolean() => Ok(()),
            Shape::Number if value.is_number() => Ok(()),
            Shape::Nullable(_) if value.is_null() => Ok(()),
            Shape::Nullable(inner) => self.walk(inner, value, mode),
            Shape::Int { min, max } => match value {
                Value::Number(n) if mode.cells() && n.is_f64() => {
                    let whole = whole_float(n.as_f64().unwrap_or(f64::NAN))?;
                    match whole {
                        Some(w) => {
                            *value = Value::Number(w.into());
                            self.walk(shape, value, mode)
                        }
                        None => wrong("a whole number", value),
                    }
                }
                Value::Number(n) => {
                    let whole = n
                        .as_i64()
                        .map(i128::from)
                        .or_else(|| n.as_u64().map(i128::from));
                    match whole {
                        Some(w) if w >= *min && w <= *max => Ok(()),
                        Some(w) => Err(InputError::new(
                            "",
                            Problem::OutOfRange(format!("{w} is not in {min}..={max}")),
                        )),
                        None => wrong("a whole number", value),
                    }
                }
                _ => wrong("a whole number", value),
            },
            Shape::Str { format, values } => {
                self.string(*format, values.as_deref(), value, mode.cells())
            }
            Shape::List(item) => match value {
                Value::Array(items) => items.iter_mut().enumerate().try_for_each(|(i, v)| {
                    self.walk(item, v, mode.below())
                        .map_err(|e| e.under(&format!("[{i}]")))
                }),
                _ => wrong("a list", value),
            },
            Shape::Tuple(places) => match value {
                Value::Array(items) if items.len() == places.len() => items
                    .iter_mut()
                    .zip(places)
                    .enumerate()
                    .try_for_each(|(i, (v, s))| {
                        self.walk(s, v, mode.below())
                            .map_err(|e| e.under(&format!("[{i}]")))
                    }),
                _ => wrong(tuple_name(places.len()), value),
            },
            Shape::Map(inner) => match value {
                Value::Object(o) => o.iter_mut().try_for_each(|(k, v)| {
                    self.walk(inner, v, mode.below()).map_err(|e| e.under(k))
                }),
                _ => wrong("an object", value),
            },
            Shape::Object(o) => self.object_value(o, value, mode),
            Shape::OneOf(choice) => self.one_of(choice, value, mode),
            Shape::Null => wrong("null", value),
            Shape::Bool => wrong("true or false", value),
            Shape::Number => wrong("a number", value),
        }
    }

    fn string(
        &self,
        format: Option<Format>,
        values: Option<&[String]>,
        value: &mut Value,
        cells: bool,
    ) -> Result<(), InputError> {
        let err = |problem: Problem| Err(InputError::new("", problem));
        if let (Some(f), Value::Number(n)) = (format, &*value) {
            if f.is_decimal() {
                // Whole numbers are exact; anything else reached JSON as a binary float.
                if n.is_i64() || n.is_u64() {
                    *value = Value::String(n.to_string());
                    return Ok(());
                }
                return err(Problem::FloatNotAllowed);
            }
        }
        if let (true, None | Some(Format::Code), Value::Number(n)) = (cells, format, &*value) {
            let digits = if n.is_f64() {
                whole_float(n.as_f64().unwrap_or(f64::NAN))?.map(|w| w.to_string())
            } else {
                Some(n.to_string())
            };
            if let Some(digits) = digits {
                *value = Value::String(digits);
            }
        }
        let Value::String(s) = value else {
            let expected = match format {
                Some(f) if f.is_decimal() => "a decimal",
                Some(Format::Date) => "a date",
                Some(Format::DateTime) => "a date-time with its UTC offset",
                _ => "a string",
            };
            return err(Problem::WrongType {
                expected,
                found: kind(value),
            });
        };
        if let Some(f) = format {
            if let Some(why) = f.refusal(s) {
                let naive = f == Format::DateTime
                    && (NaiveDateTime::parse_from_str(s, "%Y-%m-%dT%H:%M:%S%.f").is_ok()
                        || NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M:%S%.f").is_ok());
                return err(if naive {
                    Problem::NaiveDateTime
                } else {
                    Problem::BadFormat {
                        format: f.what(),
                        value: clip(s),
                        why,
                    }
                });
            }
        }
        match values {
            Some(v) if !v.iter().any(|x| x == s) => err(Problem::UnknownValue {
                value: clip(s),
                allowed: v.to_vec(),
            }),
            _ => Ok(()),
        }
    }

    fn object_value(
        &self,
        shape: &ObjectShape,
        value: &mut Value,
        mode: Mode<'_>,
    ) -> Result<(), InputError> {
        let Value::Object(o) = value else {
            return Err(InputError::new(
                "",
                Problem::WrongType {
                    expected: "an object",
                    found: kind(value),
                },
            ));
        };
        // One pass over what was given, finding each field's shape by name; a hash of
        // every key would cost more than a search among a handful of sorted names.
        let mut required = 0;
        for (k, v) in o.iter_mut() {
            match shape.field(k) {
                Some(field) => {
                    required += usize::from(field.required);
                    self.walk(&field.shape, v, mode.field(k))
                        .map_err(|e| e.under(k))?;
                }
                None if shape.closed => {
                    let allowed = shape.fields.iter().map(|f| f.name.clone()).collect();
                    return Err(InputError::new(
                        k.as_str(),
                        Problem::UnknownField { allowed },
                    ));
                }
                None => {}
            }
        }
        if required < shape.fields.iter().filter(|f| f.required).count() {
            if let Some(missing) = shape
                .fields
                .iter()
                .find(|f| f.required && !o.contains_key(&f.name))
            {
                return Err(InputError::new(
                    missing.name.as_str(),
                    Problem::MissingField,
                ));
            }
        }
        Ok(())
    }

    fn one_of(&self, choice: &Choice, value: &mut Value, mode: Mode<'_>) -> Result<(), InputError> {
        if let Some(branch) = self.branch(choice, value) {
            return self.walk(branch, value, mode);
        }
        match (&choice.pick, &*value) {
            (Pick::Tag { field, branches }, Value::Object(o)) => {
                let problem = match o.get(field) {
                    None => Problem::MissingField,
                    Some(Value::String(s)) => Problem::UnknownValue {
                        value: clip(s),
                        allowed: branches.keys().cloned().collect(),
                    },
                    Some(other) => Problem::WrongType {
                        expected: "a string",
                        found: kind(other),
                    },
                };
                Err(InputError::new(field.as_str(), problem))
            }
            (Pick::Key(keys), _) => Err(InputError::new(
                "",
                Problem::NoneOf(keys.keys().cloned().collect()),
            )),
            _ => {
                for branch in &choice.branches {
                    let mut attempt = value.clone();
                    if self.walk(branch, &mut attempt, mode).is_ok() {
                        *value = attempt;
                        return Ok(());
                    }
                }
                Err(InputError::new("", Problem::NoneOf(Vec::new())))
            }
        }
    }
}

/// How values are read: as given, or as a table's cells.
#[derive(Clone, Copy)]
enum Mode<'a> {
    /// As given: a value's JSON type must be the described one.
    Strict,
    /// As a table's cells (see [`Shapes::check_args`]).
    Cells,
    /// An object of arguments, of which these were read from tables.
    Tables(&'a [&'a str]),
}

impl<'a> Mode<'a> {
    fn cells(self) -> bool {
        matches!(self, Mode::Cells)
    }

    /// The mode of an object's field `name`.
    fn field(self, name: &str) -> Mode<'a> {
        match self {
            Mode::Tables(tables) if tables.contains(&name) => Mode::Cells,
            Mode::Tables(_) => Mode::Strict,
            other => other,
        }
    }

    /// The mode of an item of a list or map.
    fn below(self) -> Mode<'a> {
        match self {
            Mode::Tables(_) => Mode::Strict,
            other => other,
        }
    }
}

/// The largest magnitude below which every whole binary float is exact: 2^53.
const EXACT_FLOAT: f64 = 9_007_199_254_740_992.0;

/// The whole number a cell's binary float holds: `None` when it has a fraction (or is
/// not finite), and `lost_digits` when it is too large to be exact.
fn whole_float(x: f64) -> Result<Option<i64>, InputError> {
    if !x.is_finite() || x.fract() != 0.0 {
        return Ok(None);
    }
    if x.abs() >= EXACT_FLOAT {
        return Err(InputError::new("", Problem::LostDigits(format!("{x:e}"))));
    }
    // Exact: a whole float below 2^53 in magnitude is an i64 without rounding.
    Ok(Some(x as i64))
}

fn kind(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(n) if n.is_f64() => "a float",
        Value::Number(_) => "a whole number",
        Value::String(_) => "a string",
        Value::Array(_) => "a list",
        Value::Object(_) => "an object",
    }
}

fn tuple_name(n: usize) -> &'static str {
    match n {
        2 => "a pair",
        3 => "a triple",
        _ => "a list of fixed length",
    }
}

fn clip(s: &str) -> String {
    s.chars().take(80).collect()
}

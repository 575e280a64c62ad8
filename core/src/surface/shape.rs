//! Shapes: the description's JSON Schema compiled into a small tree that checks a value
//! given to a face, field by field, before the core deserializes it.
//!
//! Both faces turn their host values into JSON and hand them to [`Shapes::check`], so a
//! value the description rejects gets the same [`InputError`] in Python and in
//! JavaScript, naming the field. The check also normalises what the description allows
//! in more than one spelling: a whole number where an exact decimal is described becomes
//! its decimal text.

use std::collections::BTreeMap;

use chrono::{DateTime, NaiveDate, NaiveDateTime};
use rust_decimal::Decimal;
use serde_json::{Map, Value};

use crate::error::input::{InputError, Problem};

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
            Format::Hash => "a SHA-256 hash (64 hex digits)",
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

impl Shapes {
    /// Compiles every definition of `defs` (a JSON Schema `$defs` object).
    pub fn compile(defs: &Map<String, Value>) -> Result<Shapes, ShapeError> {
        let mut shapes = Shapes {
            names: defs
                .keys()
                .enumerate()
                .map(|(i, k)| (k.clone(), i))
                .collect(),
            shapes: Vec::with_capacity(defs.len()),
        };
        for (name, schema) in defs {
            let shape = shapes.shape_of(schema, name)?;
            shapes.shapes.push(shape);
        }
        // Choices pick their branches by looking into the shapes they refer to, which
        // exist only once every definition is compiled: compile once more with them.
        let again = defs
            .iter()
            .map(|(name, schema)| shapes.shape_of(schema, name))
            .collect::<Result<Vec<_>, _>>()?;
        shapes.shapes = again;
        Ok(shapes)
    }

    /// The shape of a named type.
    pub fn named(&self, name: &str) -> Option<&Shape> {
        self.names.get(name).map(|&i| &self.shapes[i])
    }

    /// Follows references until a shape that is not one.
    pub fn resolve<'a>(&'a self, mut shape: &'a Shape) -> &'a Shape {
        // Definitions never alias each other in cycles of pure references.
        for _ in 0..16 {
            match shape {
                Shape::Ref(i) => match self.shapes.get(*i) {
                    Some(s) => shape = s,
                    None => return shape,
                },
                _ => return shape,
            }
        }
        shape
    }

    /// Compiles a schema that may refer to this table's definitions.
    pub fn shape_of(&self, schema: &Value, at: &str) -> Result<Shape, ShapeError> {
        let fail = |why: &str| ShapeError {
            at: at.to_owned(),
            why: why.to_owned(),
        };
        let obj = match schema {
            Value::Bool(true) => return Ok(Shape::Any),
            Value::Object(o) => o,
            _ => return Err(fail("not an object schema")),
        };
        if let Some(r) = obj.get("$ref").and_then(Value::as_str) {
            let name = r.strip_prefix("#/$defs/").ok_or_else(|| fail(r))?;
            let ix = self.names.get(name).ok_or_else(|| fail(r))?;
            return Ok(Shape::Ref(*ix));
        }
        if let Some(c) = obj.get("const") {
            return match c {
                Value::String(s) => Ok(Shape::Str {
                    format: None,
                    values: Some(vec![s.clone()]),
                }),
                _ => Err(fail("a constant that is not a string")),
            };
        }
        if let Some(e) = obj.get("enum").and_then(Value::as_array) {
            let values: Option<Vec<String>> =
                e.iter().map(|v| v.as_str().map(str::to_owned)).collect();
            let values = values.ok_or_else(|| fail("an enumeration of non-strings"))?;
            return Ok(Shape::Str {
                format: None,
                values: Some(values),
            });
        }
        for key in ["oneOf", "anyOf"] {
            if let Some(branches) = obj.get(key).and_then(Value::as_array) {
                let branches = branches
                    .iter()
                    .enumerate()
                    .map(|(i, b)| self.shape_of(b, &format!("{at}/{key}/{i}")))
                    .collect::<Result<Vec<_>, _>>()?;
                return Ok(self.choice(branches));
            }
        }
        if let Some(all) = obj.get("allOf").and_then(Value::as_array) {
            if let [one] = all.as_slice() {
                return self.shape_of(one, at);
            }
            return Err(fail("allOf of several schemas"));
        }
        match obj.get("type") {
            None => Ok(Shape::Any),
            Some(Value::String(t)) => self.typed(t, obj, at),
            Some(Value::Array(types)) => {
                let names: Vec<&str> = types.iter().filter_map(Value::as_str).collect();
                let mut branches = Vec::new();
                for t in names.iter().filter(|t| **t != "null") {
                    branches.push(self.typed(t, obj, at)?);
                }
                let inner = match branches.len() {
                    1 => branches.remove(0),
                    _ => self.choice(branches),
                };
                Ok(if names.contains(&"null") {
                    Shape::Nullable(Box::new(inner))
                } else {
                    inner
                })
            }
            Some(_) => Err(fail("a type that is neither a name nor a list")),
        }
    }

    fn typed(&self, t: &str, obj: &Map<String, Value>, at: &str) -> Result<Shape, ShapeError> {
        let format = obj.get("format").and_then(Value::as_str);
        Ok(match t {
            "null" => Shape::Null,
            "boolean" => Shape::Bool,
            "number" => Shape::Number,
            "integer" => {
                let (lo, hi) = int_bounds(format);
                let min = obj.get("minimum").and_then(Value::as_i64).map(i128::from);
                let max = obj.get("maximum").and_then(Value::as_u64).map(i128::from);
                Shape::Int {
                    min: min.map_or(lo, |m| m.max(lo)),
                    max: max.map_or(hi, |m| m.min(hi)),
                }
            }
            "string" => Shape::Str {
                format: format.and_then(Format::parse),
                values: None,
            },
            "array" => {
                if let Some(places) = obj.get("prefixItems").and_then(Value::as_array) {
                    let places = places
                        .iter()
                        .enumerate()
                        .map(|(i, p)| self.shape_of(p, &format!("{at}/prefixItems/{i}")))
                        .collect::<Result<Vec<_>, _>>()?;
                    Shape::Tuple(places)
                } else {
                    let items = obj.get("items").unwrap_or(&Value::Bool(true));
                    Shape::List(Box::new(self.shape_of(items, &format!("{at}/items"))?))
                }
            }
            "object" => self.object(obj, at)?,
            other => {
                return Err(ShapeError {
                    at: at.to_owned(),
                    why: format!("type {other}"),
                })
            }
        })
    }

    fn object(&self, obj: &Map<String, Value>, at: &str) -> Result<Shape, ShapeError> {
        let extra = obj.get("additionalProperties");
        let props = obj.get("properties").and_then(Value::as_object);
        let Some(props) = props else {
            return Ok(match extra {
                Some(Value::Bool(false)) => Shape::Object(Box::new(ObjectShape {
                    fields: Vec::new(),
                    closed: true,
                })),
                Some(s @ Value::Object(_)) => {
                    Shape::Map(Box::new(self.shape_of(s, &format!("{at}/additional"))?))
                }
                _ => Shape::Map(Box::new(Shape::Any)),
            });
        };
        let required: Vec<&str> = obj
            .get("required")
            .and_then(Value::as_array)
            .map(|r| r.iter().filter_map(Value::as_str).collect())
            .unwrap_or_default();
        let mut fields = Vec::with_capacity(props.len());
        for (name, schema) in props {
            fields.push(Field {
                name: name.clone(),
                shape: self.shape_of(schema, &format!("{at}/{name}"))?,
                required: required.contains(&name.as_str()),
            });
        }
        fields.sort_by(|a, b| a.name.cmp(&b.name));
        Ok(Shape::Object(Box::new(ObjectShape {
            fields,
            closed: matches!(extra, Some(Value::Bool(false))),
        })))
    }

    /// A choice, with the way its values pick a branch; bare names merge into one
    /// enumeration, and `X or null` becomes a nullable `X`.
    fn choice(&self, branches: Vec<Shape>) -> Shape {
        let (nulls, mut rest): (Vec<Shape>, Vec<Shape>) =
            branches.into_iter().partition(|b| *b == Shape::Null);
        if !nulls.is_empty() {
            let inner = match rest.len() {
                1 => rest.remove(0),
                _ => self.choice(rest),
            };
            return Shape::Nullable(Box::new(inner));
        }
        let names: Option<Vec<String>> = rest
            .iter()
            .map(|b| match b {
                Shape::Str {
                    format: None,
                    values: Some(v),
                } => Some(v.clone()),
                _ => None,
            })
            .collect::<Option<Vec<_>>>()
            .map(|v| v.concat());
        if let Some(values) = names {
            return Shape::Str {
                format: None,
                values: Some(values),
            };
        }
        // A branch that is itself a choice (an untagged variant holding an enum) lends
        // its branches, so that one tag picks among them all.
        let mut flat = Vec::with_capacity(rest.len());
        for branch in rest {
            match self.resolve(&branch) {
                Shape::OneOf(inner) => flat.extend(inner.branches.iter().cloned()),
                _ => flat.push(branch),
            }
        }
        let pick = self.pick(&flat);
        Shape::OneOf(Box::new(Choice {
            branches: flat,
            pick,
        }))
    }

    fn pick(&self, branches: &[Shape]) -> Pick {
        let objects: Option<Vec<&ObjectShape>> = branches
            .iter()
            .map(|b| match self.resolve(b) {
                Shape::Object(o) => Some(&**o),
                _ => None,
            })
            .collect();
        if let Some(objects) = &objects {
            if let Some(tag) = tag_field(objects) {
                let mut map = BTreeMap::new();
                for (i, o) in objects.iter().enumerate() {
                    if let Some(Shape::Str {
                        values: Some(v), ..
                    }) = o.field(&tag).map(|f| &f.shape)
                    {
                        map.insert(v[0].clone(), i);
                    }
                }
                return Pick::Tag {
                    field: tag,
                    branches: map,
                };
            }
        }
        // Externally tagged: each branch an object of one required key, or a bare name.
        let mut keys = BTreeMap::new();
        for (i, b) in branches.iter().enumerate() {
            match self.resolve(b) {
                Shape::Object(o) if o.closed && o.fields.len() == 1 && o.fields[0].required => {
                    keys.insert(o.fields[0].name.clone(), i);
                }
                Shape::Str {
                    format: None,
                    values: Some(v),
                } => {
                    for name in v {
                        keys.insert(name.clone(), i);
                    }
                }
                _ => return Pick::Try,
            }
        }
        Pick::Key(keys)
    }

    /// The branch a value takes, when its tag or key names one.
    pub fn branch<'a>(&'a self, choice: &'a Choice, value: &Value) -> Option<&'a Shape> {
        let ix = match (&choice.pick, value) {
            (Pick::Tag { field, branches }, Value::Object(o)) => {
                branches.get(o.get(field)?.as_str()?).copied()
            }
            (Pick::Key(keys), Value::Object(o)) if o.len() == 1 => {
                o.keys().next().and_then(|k| keys.get(k)).copied()
            }
            (Pick::Key(keys), Value::String(s)) => keys.get(s).copied(),
            _ => None,
        };
        ix.map(|i| &choice.branches[i])
    }

    /// Checks `value` against `shape`, naming the field at fault, and normalises it: a
    /// whole number where a decimal is described becomes its text.
    pub fn check(&self, shape: &Shape, value: &mut Value) -> Result<(), InputError> {
        self.walk(shape, value)
    }

    /// Checks one value; a fault below it comes back with its field named from here
    /// down, and each container on the way out puts its own step in front, so that a
    /// value without faults costs no path at all.
    fn walk(&self, shape: &Shape, value: &mut Value) -> Result<(), InputError> {
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
            Shape::Ref(i) => self.walk(&self.shapes[*i], value),
            Shape::Null if value.is_null() => Ok(()),
            Shape::Bool if value.is_boolean() => Ok(()),
            Shape::Number if value.is_number() => Ok(()),
            Shape::Nullable(_) if value.is_null() => Ok(()),
            Shape::Nullable(inner) => self.walk(inner, value),
            Shape::Int { min, max } => match value {
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
            Shape::Str { format, values } => self.string(*format, values.as_deref(), value),
            Shape::List(item) => match value {
                Value::Array(items) => items.iter_mut().enumerate().try_for_each(|(i, v)| {
                    self.walk(item, v).map_err(|e| e.under(&format!("[{i}]")))
                }),
                _ => wrong("a list", value),
            },
            Shape::Tuple(places) => match value {
                Value::Array(items) if items.len() == places.len() => items
                    .iter_mut()
                    .zip(places)
                    .enumerate()
                    .try_for_each(|(i, (v, s))| {
                        self.walk(s, v).map_err(|e| e.under(&format!("[{i}]")))
                    }),
                _ => wrong(tuple_name(places.len()), value),
            },
            Shape::Map(inner) => match value {
                Value::Object(o) => o
                    .iter_mut()
                    .try_for_each(|(k, v)| self.walk(inner, v).map_err(|e| e.under(k))),
                _ => wrong("an object", value),
            },
            Shape::Object(o) => self.object_value(o, value),
            Shape::OneOf(choice) => self.one_of(choice, value),
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

    fn object_value(&self, shape: &ObjectShape, value: &mut Value) -> Result<(), InputError> {
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
                    self.walk(&field.shape, v).map_err(|e| e.under(k))?;
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

    fn one_of(&self, choice: &Choice, value: &mut Value) -> Result<(), InputError> {
        if let Some(branch) = self.branch(choice, value) {
            return self.walk(branch, value);
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
                    if self.walk(branch, &mut attempt).is_ok() {
                        *value = attempt;
                        return Ok(());
                    }
                }
                Err(InputError::new("", Problem::NoneOf(Vec::new())))
            }
        }
    }
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

/// The field a choice of objects is tagged by: one every branch has, holding a constant.
fn tag_field(objects: &[&ObjectShape]) -> Option<String> {
    let first = objects.first()?;
    first
        .fields
        .iter()
        .filter(|f| matches!(&f.shape, Shape::Str { values: Some(v), .. } if v.len() == 1))
        .map(|f| f.name.clone())
        .find(|name| {
            objects.iter().all(|o| {
                matches!(o.field(name).map(|f| &f.shape),
                    Some(Shape::Str { values: Some(v), .. }) if v.len() == 1)
            })
        })
}

/// Bounds of an integer by its schemars format.
fn int_bounds(format: Option<&str>) -> (i128, i128) {
    match format {
        Some("uint8") => (0, u8::MAX.into()),
        Some("uint16") => (0, u16::MAX.into()),
        Some("uint32") => (0, u32::MAX.into()),
        Some("uint64") | Some("uint") => (0, u64::MAX.into()),
        Some("int8") => (i8::MIN.into(), i8::MAX.into()),
        Some("int16") => (i16::MIN.into(), i16::MAX.into()),
        Some("int32") => (i32::MIN.into(), i32::MAX.into()),
        _ => (i64::MIN.into(), u64::MAX.into()),
    }
}

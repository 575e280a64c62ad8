//! Decoding a JSON value the decoder owns, naming the field a refusal comes from.
//!
//! [`decode`] reads a [`Value`] as serde_json's own decoder of an owned value does, with
//! the same answers and the same messages, and on a refusal gives the path to the field
//! that caused it, written as `serde_path_to_error` writes paths (`streets[0].band`, `.`
//! for the value itself). It tracks the path without wrapping each type's decoding: a
//! refusal notes its key or index at each level as it passes back out, so a value
//! without faults pays nothing, and every type is decoded through this one decoder
//! whether or not a path is wanted. The WebAssembly module builds each type's decoding
//! once for it instead of once more for a path tracker.
//!
//! The entries of an internally tagged object read before its tag
//! ([`crate::tagged`]) are decoded through it too, naming their keys.

use std::cell::{Cell, RefCell};
use std::fmt::Write as _;

use serde::de::value::{StrDeserializer, StringDeserializer};
use serde::de::{
    self, DeserializeOwned, DeserializeSeed, EnumAccess, Error as _, IntoDeserializer as _,
    MapAccess, SeqAccess, Unexpected, VariantAccess, Visitor,
};
use serde::Deserializer;
use serde_json::{Error, Map, Value};

/// One step of a path: a key, an index, or an externally tagged enum's variant.
enum Step {
    Key(String),
    Index(usize),
    Variant(String),
}

thread_local! {
    /// Whether a [`decode`] is running, so that refusals note their steps.
    static ARMED: Cell<bool> = const { Cell::new(false) };
    /// The steps a refusal passed on its way out, innermost first.
    static TRAIL: RefCell<Vec<Step>> = const { RefCell::new(Vec::new()) };
}

/// Notes the step a refusal passed, while a [`decode`] runs.
fn note(step: impl FnOnce() -> Step) {
    if ARMED.get() {
        TRAIL.with_borrow_mut(|t| t.push(step()));
    }
}

/// `read`, noting `step` if it is a refusal.
fn noted<T>(read: Result<T, Error>, step: impl FnOnce() -> Step) -> Result<T, Error> {
    if read.is_err() {
        note(step);
    }
    read
}

/// A refusal and the path to where it was made.
#[derive(Debug)]
pub(crate) struct Refusal {
    /// The path, as `serde_path_to_error` writes it: `.` for the value itself.
    pub(crate) path: String,
    /// serde's message.
    pub(crate) error: Error,
}

/// Decodes `value` as a `T`, naming the path of a refusal.
pub(crate) fn decode<T: DeserializeOwned>(value: Value) -> Result<T, Refusal> {
    let armed = ARMED.replace(true);
    TRAIL.with_borrow_mut(Vec::clear);
    let out = T::deserialize(Owned(value));
    ARMED.set(armed);
    out.map_err(|error| Refusal {
        path: TRAIL.with_borrow_mut(|t| written(t.drain(..).rev())),
        error,
    })
}

/// Decodes `value` as a `T` inside another type's decoding (which reads a value first
/// and then decides what it is): a refusal notes its steps for the [`decode`] running,
/// if one is.
pub(crate) fn from_value<T: DeserializeOwned>(value: Value) -> Result<T, Error> {
    T::deserialize(Owned(value))
}

/// Decodes a held value, as [`crate::tagged`] does with the entries before a tag; a
/// refusal notes `key`.
pub(crate) fn decode_held<'de, S: DeserializeSeed<'de>>(
    seed: S,
    key: &str,
    value: Value,
) -> Result<S::Value, Error> {
    noted(seed.deserialize(Owned(value)), || Step::Key(key.to_owned()))
}

/// A path's text: steps joined by `.`, an index in brackets, `.` for no step.
fn written(steps: impl Iterator<Item = Step>) -> String {
    let mut out = String::new();
    for step in steps {
        match step {
            Step::Index(i) => {
                let _ = write!(out, "[{i}]");
            }
            Step::Key(k) | Step::Variant(k) => {
                if !out.is_empty() {
                    out.push('.');
                }
                out.push_str(&k);
            }
        }
    }
    if out.is_empty() {
        out.push('.');
    }
    out
}

/// An owned JSON value as a decoder, read as serde_json reads one; its arrays and
/// objects note the steps of a refusal.
struct Owned(Value);

/// Gives `visitor` an array's items; items it leaves unread are refused, as serde_json
/// refuses them.
fn array<'de, V: Visitor<'de>>(items: Vec<Value>, visitor: V) -> Result<V::Value, Error> {
    let len = items.len();
    let mut seq = Items {
        items: items.into_iter(),
        index: 0,
    };
    let out = visitor.visit_seq(&mut seq)?;
    if seq.items.len() == 0 {
        Ok(out)
    } else {
        Err(Error::invalid_length(len, &"fewer elements in array"))
    }
}

/// Gives `visitor` an object's entries; entries it leaves unread are refused, as
/// serde_json refuses them.
fn object<'de, V: Visitor<'de>>(map: Map<String, Value>, visitor: V) -> Result<V::Value, Error> {
    let len = map.len();
    let mut entries = Entries {
        entries: map.into_iter(),
        key: None,
        value: None,
    };
    let out = visitor.visit_map(&mut entries)?;
    if entries.entries.len() == 0 {
        Ok(out)
    } else {
        Err(Error::invalid_length(len, &"fewer elements in map"))
    }
}

impl Owned {
    /// serde's refusal of this value where `visitor` wanted something else.
    fn refused<'de, V: Visitor<'de>>(&self, visitor: &V) -> Error {
        Error::invalid_type(unexpected(&self.0), visitor)
    }
}

macro_rules! number {
    ($($method:ident)*) => {
        $(fn $method<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
            match self.0 {
                Value::Number(n) => n.deserialize_any(visitor),
                _ => Err(self.refused(&visitor)),
            }
        })*
    };
}

macro_rules! text {
    ($($method:ident)*) => {
        $(fn $method<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
            match self.0 {
                Value::String(s) => visitor.visit_string(s),
                _ => Err(self.refused(&visitor)),
            }
        })*
    };
}

// Every method is written out rather than handed to serde_json's own decoder of a value:
// that decoder's methods would build each type's decoding once more for its own arrays
// and objects, which this one never gives it.
impl<'de> Deserializer<'de> for Owned {
    type Error = Error;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        match self.0 {
            Value::Null => visitor.visit_unit(),
            Value::Bool(b) => visitor.visit_bool(b),
            Value::Number(n) => n.deserialize_any(visitor),
            Value::String(s) => visitor.visit_string(s),
            Value::Array(items) => array(items, visitor),
            Value::Object(map) => object(map, visitor),
        }
    }

    number! {
        deserialize_i8 deserialize_i16 deserialize_i32 deserialize_i64 deserialize_i128
        deserialize_u8 deserialize_u16 deserialize_u32 deserialize_u64 deserialize_u128
        deserialize_f32 deserialize_f64
    }

    text! { deserialize_char deserialize_str deserialize_string deserialize_identifier }

    fn deserialize_bool<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        match self.0 {
            Value::Bool(b) => visitor.visit_bool(b),
            _ => Err(self.refused(&visitor)),
        }
    }

    fn deserialize_unit<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        match self.0 {
            Value::Null => visitor.visit_unit(),
            _ => Err(self.refused(&visitor)),
        }
    }

    fn deserialize_unit_struct<V: Visitor<'de>>(
        self,
        _: &'static str,
        visitor: V,
    ) -> Result<V::Value, Error> {
        self.deserialize_unit(visitor)
    }

    fn deserialize_bytes<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        self.deserialize_byte_buf(visitor)
    }

    fn deserialize_byte_buf<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        match self.0 {
            Value::String(s) => visitor.visit_string(s),
            Value::Array(items) => array(items, visitor),
            _ => Err(self.refused(&visitor)),
        }
    }

    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        match self.0 {
            Value::Null => visitor.visit_none(),
            _ => visitor.visit_some(self),
        }
    }

    /// serde_json's raw values are not read from a value here (Gridward reads them
    /// from text only).
    fn deserialize_newtype_struct<V: Visitor<'de>>(
        self,
        _: &'static str,
        visitor: V,
    ) -> Result<V::Value, Error> {
        visitor.visit_newtype_struct(self)
    }

    fn deserialize_seq<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        match self.0 {
            Value::Array(items) => array(items, visitor),
            _ => Err(self.refused(&visitor)),
        }
    }

    fn deserialize_tuple<V: Visitor<'de>>(self, _: usize, visitor: V) -> Result<V::Value, Error> {
        self.deserialize_seq(visitor)
    }

    fn deserialize_tuple_struct<V: Visitor<'de>>(
        self,
        _: &'static str,
        _: usize,
        visitor: V,
    ) -> Result<V::Value, Error> {
        self.deserialize_seq(visitor)
    }

    fn deserialize_map<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        match self.0 {
            Value::Object(map) => object(map, visitor),
            _ => Err(self.refused(&visitor)),
        }
    }

    fn deserialize_struct<V: Visitor<'de>>(
        self,
        _: &'static str,
        _: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Error> {
        match self.0 {
            Value::Array(items) => array(items, visitor),
            Value::Object(map) => object(map, visitor),
            _ => Err(self.refused(&visitor)),
        }
    }

    fn deserialize_enum<V: Visitor<'de>>(
        self,
        _: &'static str,
        _: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Error> {
        match self.0 {
            Value::Object(map) => {
                let single = || Error::invalid_value(Unexpected::Map, &"map with a single key");
                let mut entries = map.into_iter();
                let (variant, value) = entries.next().ok_or_else(single)?;
                if entries.next().is_some() {
                    return Err(single());
                }
                visitor.visit_enum(Variant {
                    variant,
                    value: Some(value),
                })
            }
            Value::String(variant) => visitor.visit_enum(Variant {
                variant,
                value: None,
            }),
            other => Err(Error::invalid_type(unexpected(&other), &"string or map")),
        }
    }

    fn deserialize_ignored_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        drop(self);
        visitor.visit_unit()
    }
}

/// An array's items.
struct Items {
    items: std::vec::IntoIter<Value>,
    index: usize,
}

impl<'de> SeqAccess<'de> for Items {
    type Error = Error;

    fn next_element_seed<T: DeserializeSeed<'de>>(
        &mut self,
        seed: T,
    ) -> Result<Option<T::Value>, Error> {
        let Some(value) = self.items.next() else {
            return Ok(None);
        };
        let index = self.index;
        self.index += 1;
        noted(seed.deserialize(Owned(value)).map(Some), || {
            Step::Index(index)
        })
    }

    fn size_hint(&self) -> Option<usize> {
        exact(self.items.size_hint())
    }
}

/// An object's entries; the key of the entry whose value is next.
struct Entries {
    entries: serde_json::map::IntoIter,
    key: Option<String>,
    value: Option<Value>,
}

impl<'de> MapAccess<'de> for Entries {
    type Error = Error;

    fn next_key_seed<K: DeserializeSeed<'de>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, Error> {
        let Some((key, value)) = self.entries.next() else {
            return Ok(None);
        };
        self.value = Some(value);
        match seed.deserialize(Key(&key)) {
            Ok(read) => {
                self.key = Some(key);
                Ok(Some(read))
            }
            Err(refused) => noted(Err(refused), || Step::Key(key)),
        }
    }

    fn next_value_seed<V: DeserializeSeed<'de>>(&mut self, seed: V) -> Result<V::Value, Error> {
        let value = self
            .value
            .take()
            .ok_or_else(|| Error::custom("value is missing"))?;
        let key = self.key.take();
        noted(seed.deserialize(Owned(value)), || {
            Step::Key(key.unwrap_or_default())
        })
    }

    fn size_hint(&self) -> Option<usize> {
        exact(self.entries.size_hint())
    }
}

fn exact((lower, upper): (usize, Option<usize>)) -> Option<usize> {
    (upper == Some(lower)).then_some(lower)
}

/// An object's key, read as serde_json reads a key: text, or a number or a boolean
/// written as text.
struct Key<'k>(&'k str);

impl Key<'_> {
    /// serde_json's refusal of a key that is not a number where one is wanted.
    fn not_numeric() -> Error {
        Error::custom("invalid value: expected key to be a number in quotes")
    }

    /// A number written as the key's text, as serde_json reads one.
    fn number<'de, V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        if !matches!(self.0.as_bytes().first(), Some(b'0'..=b'9' | b'-')) {
            return Err(Key::not_numeric());
        }
        // serde_json reads the key as JSON text, so a refusal of the number says where
        // the number ends: the key's end, as the key is the number alone.
        match self.0.parse::<serde_json::Number>() {
            Ok(n) => n
                .deserialize_any(visitor)
                .map_err(|e| Error::custom(format_args!("{e} at line 1 column {}", self.0.len()))),
            Err(_) => Err(Key::not_numeric()),
        }
    }
}

macro_rules! numeric_key {
    ($($method:ident)*) => {
        $(fn $method<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
            self.number(visitor)
        })*
    };
}

impl<'de> Deserializer<'de> for Key<'_> {
    type Error = Error;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        visitor.visit_str(self.0)
    }

    numeric_key! {
        deserialize_i8 deserialize_i16 deserialize_i32 deserialize_i64 deserialize_i128
        deserialize_u8 deserialize_u16 deserialize_u32 deserialize_u64 deserialize_u128
        deserialize_f32 deserialize_f64
    }

    fn deserialize_bool<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        match self.0 {
            "true" => visitor.visit_bool(true),
            "false" => visitor.visit_bool(false),
            other => Err(Error::invalid_type(Unexpected::Str(other), &visitor)),
        }
    }

    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        visitor.visit_some(self)
    }

    fn deserialize_newtype_struct<V: Visitor<'de>>(
        self,
        _: &'static str,
        visitor: V,
    ) -> Result<V::Value, Error> {
        visitor.visit_newtype_struct(self)
    }

    fn deserialize_enum<V: Visitor<'de>>(
        self,
        name: &'static str,
        variants: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Error> {
        StrDeserializer::<Error>::new(self.0).deserialize_enum(name, variants, visitor)
    }

    serde::forward_to_deserialize_any! {
        char str string bytes byte_buf unit unit_struct seq tuple tuple_struct map struct
        identifier ignored_any
    }
}

/// An externally tagged enum's variant and what it holds (nothing, for a variant
/// written as text).
struct Variant {
    variant: String,
    value: Option<Value>,
}

impl<'de> EnumAccess<'de> for Variant {
    type Error = Error;
    type Variant = Content;

    fn variant_seed<S: DeserializeSeed<'de>>(self, seed: S) -> Result<(S::Value, Content), Error> {
        let Variant { variant, value } = self;
        let read: StringDeserializer<Error> = variant.clone().into_deserializer();
        let v = seed.deserialize(read)?;
        Ok((v, Content { variant, value }))
    }
}

/// What a variant holds, a refusal within it noting the variant.
struct Content {
    variant: String,
    value: Option<Value>,
}

impl Content {
    /// Reads what the variant holds; `expected` names what a variant written as text
    /// lacks.
    fn within<T>(
        self,
        expected: &'static str,
        read: impl FnOnce(Value) -> Result<T, Error>,
    ) -> Result<T, Error> {
        let Content { variant, value } = self;
        let read = match value {
            Some(value) => read(value),
            None => Err(Error::invalid_type(Unexpected::UnitVariant, &expected)),
        };
        noted(read, || Step::Variant(variant))
    }
}

impl<'de> VariantAccess<'de> for Content {
    type Error = Error;

    fn unit_variant(self) -> Result<(), Error> {
        match self.value {
            None => Ok(()),
            Some(_) => self.within("unit variant", |v| de::Deserialize::deserialize(Owned(v))),
        }
    }

    fn newtype_variant_seed<T: DeserializeSeed<'de>>(self, seed: T) -> Result<T::Value, Error> {
        self.within("newtype variant", |v| seed.deserialize(Owned(v)))
    }

    fn tuple_variant<V: Visitor<'de>>(self, _: usize, visitor: V) -> Result<V::Value, Error> {
        self.within("tuple variant", |v| match v {
            Value::Array(items) if items.is_empty() => visitor.visit_unit(),
            Value::Array(items) => array(items, visitor),
            other => Err(Error::invalid_type(unexpected(&other), &"tuple variant")),
        })
    }

    fn struct_variant<V: Visitor<'de>>(
        self,
        _: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Error> {
        self.within("struct variant", |v| match v {
            Value::Object(map) => object(map, visitor),
            other => Err(Error::invalid_type(unexpected(&other), &"struct variant")),
        })
    }
}

/// How serde_json names a value it did not expect.
pub(crate) fn unexpected(value: &Value) -> Unexpected<'_> {
    match value {
        Value::Null => Unexpected::Unit,
        Value::Bool(b) => Unexpected::Bool(*b),
        Value::Number(n) => match (n.as_u64(), n.as_i64(), n.as_f64()) {
            (Some(u), _, _) => Unexpected::Unsigned(u),
            (_, Some(i), _) => Unexpected::Signed(i),
            (_, _, Some(f)) => Unexpected::Float(f),
            _ => Unexpected::Other("number"),
        },
        Value::String(s) => Unexpected::Str(s),
        Value::Array(_) => Unexpected::Seq,
        Value::Object(_) => Unexpected::Map,
    }
}

/// Decodes JSON text as a `T`; a refusal gives serde_json's message.
///
/// Natively the text is read straight into the type. In WebAssembly it is read into a
/// value and decoded by [`decode`], so that no type's decoding is built a second time
/// for reading text; a refusal of the text's syntax says where it is, as natively, and
/// a refusal by the type gives serde's message without the line and column.
pub(crate) fn from_text<T: DeserializeOwned>(text: &str) -> Result<T, String> {
    #[cfg(not(target_arch = "wasm32"))]
    {
        serde_json::from_str(text).map_err(|e| e.to_string())
    }
    #[cfg(target_arch = "wasm32")]
    {
        let value: Value = serde_json::from_str(text).map_err(|e| e.to_string())?;
        decode(value).map_err(|r| r.error.to_string())
    }
}

//! The description's JSON Schema read into a small type language both faces render:
//! named declarations, each in an output flavour (what the core returns) and, when it
//! holds decimals or times, an input flavour (what a face may give: a decimal as text or
//! a whole number, a date-time as text or the host's own date-time).

use std::collections::{BTreeMap, BTreeSet};

use serde_json::{Map, Value};

/// A type.
#[derive(Clone, Debug, PartialEq)]
pub enum Ty {
    Any,
    Null,
    Bool,
    Int,
    Float,
    Str,
    Decimal,
    Date,
    DateTime,
    Literal(Vec<String>),
    Ref(String),
    List(Box<Ty>),
    Tuple(Vec<Ty>),
    Map(Box<Ty>),
    /// An object declared inline, by the name given to its declaration.
    Object(String),
    Union(Vec<Ty>),
    Nullable(Box<Ty>),
}

/// A field of an object.
#[derive(Clone, Debug)]
pub struct Field {
    pub name: String,
    pub doc: String,
    pub ty: Ty,
    pub required: bool,
    /// True when reading may leave it out (`#[serde(default)]`), which is also when
    /// writing may skip it; a field without a default is always in an answer.
    pub defaulted: bool,
}

impl Field {
    /// Whether an answer always carries the field (as `null`, if it has no value).
    pub fn always_answered(&self) -> bool {
        self.required || !self.defaulted
    }
}

/// What a declaration declares.
#[derive(Clone, Debug)]
pub enum Body {
    /// An object with named fields.
    Object(Vec<Field>),
    /// Another type under this name.
    Alias(Ty),
}

/// A named declaration.
#[derive(Clone, Debug)]
pub struct Decl {
    pub name: String,
    pub doc: String,
    pub body: Body,
}

/// Every declaration of a description, and which ones have an input flavour.
pub struct Types {
    pub decls: Vec<Decl>,
    /// Definitions whose input flavour differs from their output flavour.
    pub flavoured: BTreeSet<String>,
}

impl Types {
    /// Reads every definition.
    pub fn read(defs: &Map<String, Value>) -> Result<Types, String> {
        let mut reader = Reader::default();
        for (name, schema) in defs {
            reader.declare(name, schema)?;
        }
        let flavoured = flavoured(&reader.decls);
        Ok(Types {
            decls: reader.decls,
            flavoured,
        })
    }

    /// Reads a schema used in place (an operation's field or answer), declaring the
    /// objects it holds inline under names made from `context`.
    pub fn inline(&mut self, schema: &Value, context: &str) -> Result<Ty, String> {
        let mut reader = Reader::default();
        let ty = reader.ty(schema, context)?;
        self.decls.extend(reader.decls);
        self.flavoured = flavoured(&self.decls);
        Ok(ty)
    }

    /// The declaration by name.
    pub fn decl(&self, name: &str) -> Option<&Decl> {
        self.decls.iter().find(|d| d.name == name)
    }
}

/// The fields of an operation's arguments, in the order a call gives them: required
/// fields in declaration order, then the optional ones by name.
pub fn arguments(types: &mut Types, args: &Value, context: &str) -> Result<Vec<Field>, String> {
    let obj = args.as_object().ok_or("arguments are not an object")?;
    let required: Vec<String> = obj
        .get("required")
        .and_then(Value::as_array)
        .map(|r| {
            r.iter()
                .filter_map(|v| v.as_str().map(str::to_owned))
                .collect()
        })
        .unwrap_or_default();
    let empty = Map::new();
    let props = obj
        .get("properties")
        .and_then(Value::as_object)
        .unwrap_or(&empty);
    let mut fields = Vec::new();
    for name in &required {
        let schema = props
            .get(name)
            .ok_or_else(|| format!("{context}: {name} is required but undescribed"))?;
        fields.push(field(types, name, schema, true, context)?);
    }
    for (name, schema) in props {
        if !required.contains(name) {
            fields.push(field(types, name, schema, false, context)?);
        }
    }
    Ok(fields)
}

fn field(
    types: &mut Types,
    name: &str,
    schema: &Value,
    required: bool,
    context: &str,
) -> Result<Field, String> {
    Ok(Field {
        name: name.to_owned(),
        doc: doc_of(schema),
        ty: types.inline(schema, &format!("{context}{}", camel(name)))?,
        required,
        defaulted: schema.get("default").is_some(),
    })
}

/// A schema's description.
pub fn doc_of(schema: &Value) -> String {
    schema
        .get("description")
        .and_then(Value::as_str)
        .unwrap_or_default()
        .to_owned()
}

/// `snake_case` or `kebab-case` to `CamelCase`.
pub fn camel(name: &str) -> String {
    name.split(['_', '-', ' '])
        .filter(|p| !p.is_empty())
        .map(|p| {
            let mut c = p.chars();
            match c.next() {
                Some(f) => f.to_uppercase().chain(c).collect::<String>(),
                None => String::new(),
            }
        })
        .collect()
}

#[derive(Default)]
struct Reader {
    decls: Vec<Decl>,
}

impl Reader {
    fn declare(&mut self, name: &str, schema: &Value) -> Result<(), String> {
        let doc = doc_of(schema);
        let body = match object_fields(schema) {
            Some(props) => Body::Object(self.fields(props, schema, name)?),
            None => Body::Alias(self.ty_inner(schema, name, true)?),
        };
        self.decls.push(Decl {
            name: name.to_owned(),
            doc,
            body,
        });
        Ok(())
    }

    fn fields(
        &mut self,
        props: &Map<String, Value>,
        schema: &Value,
        owner: &str,
    ) -> Result<Vec<Field>, String> {
        let required: Vec<&str> = schema
            .get("required")
            .and_then(Value::as_array)
            .map(|r| r.iter().filter_map(Value::as_str).collect())
            .unwrap_or_default();
        props
            .iter()
            .map(|(name, s)| {
                Ok(Field {
                    name: name.clone(),
                    doc: doc_of(s),
                    ty: self.ty(s, &format!("{owner}{}", camel(name)))?,
                    required: required.contains(&name.as_str()),
                    defaulted: s.get("default").is_some(),
                })
            })
            .collect()
    }

    fn ty(&mut self, schema: &Value, context: &str) -> Result<Ty, String> {
        self.ty_inner(schema, context, false)
    }

    /// A schema as a type; an object declared inline gets a declaration named `context`.
    fn ty_inner(&mut self, schema: &Value, context: &str, top: bool) -> Result<Ty, String> {
        let obj = match schema {
            Value::Bool(true) => return Ok(Ty::Any),
            Value::Object(o) => o,
            _ => return Err(format!("{context}: not a schema")),
        };
        if let Some(r) = obj.get("$ref").and_then(Value::as_str) {
            let name = r
                .strip_prefix("#/$defs/")
                .ok_or_else(|| format!("{context}: {r}"))?;
            return Ok(Ty::Ref(name.to_owned()));
        }
        if let Some(c) = obj.get("const").and_then(Value::as_str) {
            return Ok(Ty::Literal(vec![c.to_owned()]));
        }
        if let Some(values) = obj.get("enum").and_then(Value::as_array) {
            let names = values
                .iter()
                .filter_map(|v| v.as_str().map(str::to_owned))
                .collect();
            return Ok(Ty::Literal(names));
        }
        for key in ["oneOf", "anyOf"] {
            if let Some(branches) = obj.get(key).and_then(Value::as_array) {
                let mut tys = Vec::new();
                for (i, b) in branches.iter().enumerate() {
                    let name = format!("{context}{}", branch_name(b, i));
                    tys.push(self.ty(b, &name)?);
                }
                return Ok(union(tys));
            }
        }
        if let Some(all) = obj.get("allOf").and_then(Value::as_array) {
            if let [one] = all.as_slice() {
                return self.ty_inner(one, context, top);
            }
        }
        match obj.get("type") {
            None => Ok(Ty::Any),
            Some(Value::String(t)) => self.typed(t, schema, context, top),
            Some(Value::Array(types)) => {
                let mut tys = Vec::new();
                for t in types.iter().filter_map(Value::as_str) {
                    tys.push(if t == "null" {
                        Ty::Null
                    } else {
                        self.typed(t, schema, context, top)?
                    });
                }
                Ok(union(tys))
            }
            Some(_) => Err(format!("{context}: odd type")),
        }
    }

    fn typed(&mut self, t: &str, schema: &Value, context: &str, top: bool) -> Result<Ty, String> {
        let format = schema.get("format").and_then(Value::as_str);
        Ok(match t {
            "null" => Ty::Null,
            "boolean" => Ty::Bool,
            "integer" => Ty::Int,
            "number" => Ty::Float,
            "string" => match format {
                Some("decimal") | Some("amount") => Ty::Decimal,
                Some("date") => Ty::Date,
                Some("date-time") => Ty::DateTime,
                _ => Ty::Str,
            },
            "array" => match schema.get("prefixItems").and_then(Value::as_array) {
                Some(places) => {
                    let mut tys = Vec::new();
                    for (i, p) in places.iter().enumerate() {
                        tys.push(self.ty(p, &format!("{context}{i}"))?);
                    }
                    Ty::Tuple(tys)
                }
                None => {
                    let items = schema.get("items").unwrap_or(&Value::Bool(true));
                    Ty::List(Box::new(self.ty(items, &format!("{context}Item"))?))
                }
            },
            "object" => match object_fields(schema) {
                Some(props) if !top => {
                    let fields = self.fields(props, schema, context)?;
                    self.decls.push(Decl {
                        name: context.to_owned(),
                        doc: doc_of(schema),
                        body: Body::Object(fields),
                    });
                    Ty::Object(context.to_owned())
                }
                Some(_) => return Err(format!("{context}: object at the top of an alias")),
                None => match schema.get("additionalProperties") {
                    Some(s @ Value::Object(_)) => {
                        Ty::Map(Box::new(self.ty(s, &format!("{context}Value"))?))
                    }
                    _ => Ty::Map(Box::new(Ty::Any)),
                },
            },
            other => return Err(format!("{context}: type {other}")),
        })
    }
}

/// The fields of an object schema with properties (even none, if it is closed).
fn object_fields(schema: &Value) -> Option<&Map<String, Value>> {
    if schema.get("type").and_then(Value::as_str) != Some("object") {
        return None;
    }
    match schema.get("properties").and_then(Value::as_object) {
        Some(p) => Some(p),
        None if schema.get("additionalProperties") == Some(&Value::Bool(false)) => {
            static EMPTY: std::sync::OnceLock<Map<String, Value>> = std::sync::OnceLock::new();
            Some(EMPTY.get_or_init(Map::new))
        }
        None => None,
    }
}

/// A branch's name: its tag's value, its one key, or its place.
fn branch_name(branch: &Value, index: usize) -> String {
    if let Some(props) = branch.get("properties").and_then(Value::as_object) {
        for p in props.values() {
            if let Some(c) = p.get("const").and_then(Value::as_str) {
                return camel(c);
            }
        }
        if props.len() == 1 {
            if let Some(k) = props.keys().next() {
                return camel(k);
            }
        }
    }
    format!("{}", index + 1)
}

/// A union, with literal branches merged and `X | null` kept as nullable.
fn union(mut tys: Vec<Ty>) -> Ty {
    let nullable = tys.contains(&Ty::Null);
    tys.retain(|t| *t != Ty::Null);
    let literals: Option<Vec<String>> = tys
        .iter()
        .map(|t| match t {
            Ty::Literal(v) => Some(v.clone()),
            _ => None,
        })
        .collect::<Option<Vec<_>>>()
        .map(|v| v.concat());
    let inner = match (literals, tys.len()) {
        (Some(v), n) if n > 0 => Ty::Literal(v),
        (_, 1) => tys.remove(0),
        (_, 0) => Ty::Null,
        _ => Ty::Union(tys),
    };
    if nullable && inner != Ty::Null {
        Ty::Nullable(Box::new(inner))
    } else {
        inner
    }
}

fn holds_formats(ty: &Ty, flavoured: &BTreeSet<String>) -> bool {
    match ty {
        Ty::Decimal | Ty::Date | Ty::DateTime => true,
        Ty::Ref(n) | Ty::Object(n) => flavoured.contains(n),
        Ty::List(t) | Ty::Map(t) | Ty::Nullable(t) => holds_formats(t, flavoured),
        Ty::Tuple(ts) | Ty::Union(ts) => ts.iter().any(|t| holds_formats(t, flavoured)),
        _ => false,
    }
}

/// Declarations whose given and answered forms differ: they hold decimals or times, or
/// fields that are optional to give but always answered, directly or through others.
fn flavoured(decls: &[Decl]) -> BTreeSet<String> {
    let bodies: BTreeMap<&str, &Body> = decls.iter().map(|d| (d.name.as_str(), &d.body)).collect();
    let mut set = BTreeSet::new();
    loop {
        let before = set.len();
        for (name, body) in &bodies {
            // Given and answered differ by a decimal's or a time's spelling, or by a field
            // a caller may leave out that an answer always carries.
            let holds = match body {
                Body::Object(fields) => fields
                    .iter()
                    .any(|f| holds_formats(&f.ty, &set) || f.required != f.always_answered()),
                Body::Alias(t) => holds_formats(t, &set),
            };
            if holds {
                set.insert((*name).to_owned());
            }
        }
        if set.len() == before {
            return set;
        }
    }
}

/// Every error code in the description's order, and every kind once, sorted: both
/// quoted, for a `Literal` or a union.
pub fn error_lists(errors: &[gridward::surface::ErrorCode]) -> (Vec<String>, Vec<String>) {
    let codes = errors.iter().map(|e| format!("\"{}\"", e.code)).collect();
    let mut kinds: Vec<String> = errors.iter().map(|e| format!("\"{}\"", e.kind)).collect();
    kinds.sort();
    kinds.dedup();
    (codes, kinds)
}

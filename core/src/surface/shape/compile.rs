//! Compiling the description's JSON Schema into shapes.

use std::collections::BTreeMap;

use serde_json::{Map, Value};

use super::{Choice, Field, Format, ObjectShape, Pick, Shape, ShapeError, Shapes};

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
                    .map(|(i, b)| {
                        let at = format!("{at}/{key}/{i}");
                        match with_own_fields(obj, key, b) {
                            Some(merged) => self.shape_of(&merged, &at),
                            None => self.shape_of(b, &at),
                        }
                    })
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
        crate::order::sort_by(&mut fields, |a, b| a.name.cmp(&b.name));
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

/// A branch of an object that also has fields of its own (a struct with a flattened
/// enum: `properties` beside `oneOf`), as one object with the struct's fields and the
/// branch's; none when the schema has no fields of its own or the branch is not an
/// inline object.
fn with_own_fields(outer: &Map<String, Value>, key: &str, branch: &Value) -> Option<Value> {
    let own = outer.get("properties")?.as_object()?;
    let branch = branch.as_object()?;
    if branch.contains_key("$ref") {
        return None;
    }
    let mut merged = outer.clone();
    merged.remove(key);
    let mut properties = own.clone();
    if let Some(theirs) = branch.get("properties").and_then(Value::as_object) {
        properties.extend(theirs.iter().map(|(k, v)| (k.clone(), v.clone())));
    }
    merged.insert("properties".to_owned(), Value::Object(properties));
    let mut required: Vec<Value> = outer
        .get("required")
        .and_then(Value::as_array)
        .cloned()
        .unwrap_or_default();
    for name in branch
        .get("required")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
    {
        if !required.contains(name) {
            required.push(name.clone());
        }
    }
    merged.insert("required".to_owned(), Value::Array(required));
    merged
        .entry("type")
        .or_insert_with(|| Value::String("object".to_owned()));
    Some(Value::Object(merged))
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::super::{Shape, Shapes};

    /// A struct with a flattened, internally tagged enum: every branch keeps the
    /// struct's own fields, so that its decimals are known as decimals.
    #[test]
    fn a_flattened_enum_keeps_the_structs_own_fields() {
        let defs = json!({
            "Row": {
                "type": "object",
                "properties": {
                    "id": {"type": "string"},
                    "cost": {"type": "string", "format": "decimal"}
                },
                "required": ["id", "cost"],
                "oneOf": [
                    {"type": "object", "properties": {"reason": {"type": "string", "const": "selected"}},
                     "required": ["reason"]},
                    {"type": "object", "properties": {"reason": {"type": "string", "const": "does_not_fit"},
                     "left": {"type": "string", "format": "decimal"}}, "required": ["reason", "left"]}
                ]
            }
        });
        let shapes = Shapes::compile(defs.as_object().unwrap()).unwrap();
        let Some(Shape::OneOf(choice)) = shapes.named("Row") else {
            panic!("a choice: {:?}", shapes.named("Row"));
        };
        for tag in ["selected", "does_not_fit"] {
            let value = json!({"id": "p", "cost": "1.00", "reason": tag, "left": "0.50"});
            let branch = shapes.branch(choice, &value).expect("a branch by its tag");
            let Shape::Object(o) = shapes.resolve(branch) else {
                panic!("an object: {branch:?}");
            };
            assert!(
                o.field("id").is_some() && o.field("reason").is_some(),
                "{tag}"
            );
            assert!(
                matches!(
                    o.field("cost").map(|f| &f.shape),
                    Some(Shape::Str {
                        format: Some(_),
                        ..
                    })
                ),
                "{tag}: cost is a decimal"
            );
            assert!(o.fields.iter().filter(|f| f.required).count() >= 3, "{tag}");
        }
    }
}

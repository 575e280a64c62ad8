//! Builds the description from the core's types with `schemars`.

use schemars::generate::SchemaSettings;
use schemars::{JsonSchema, Schema, SchemaGenerator};
use serde_json::{Map, Value};

use super::{CapabilitySurface, ErrorCode, Operation, Surface, WardSurface, FUNCTIONS, QUERY_SETS};
use crate::error::Error;
use crate::ward::{Command, Event, Receipt, WardConfig, CAPABILITIES};

/// The description of the public surface, derived from the core's types: every
/// capability's commands (the variants of its command type) and queries (its
/// [`QuerySet`](super::QuerySet)), the pure functions, the ward's configuration, command,
/// event and receipt, every error code, and the named types they use.
pub fn describe() -> Surface {
    let mut generator = SchemaSettings::draft2020_12().into_generator();
    let capabilities = CAPABILITIES
        .iter()
        .map(|cap| {
            let commands = variants((cap.commands)(&mut generator));
            let queries = QUERY_SETS
                .iter()
                .filter(|s| s.capability == cap.name)
                .flat_map(|s| s.entries.iter())
                .map(|e| operation(e.name, (e.describe)(&mut generator)))
                .collect();
            CapabilitySurface {
                name: cap.name.to_owned(),
                doc: cap.doc.to_owned(),
                commands,
                queries,
            }
        })
        .collect();
    let functions = FUNCTIONS
        .iter()
        .map(|f| operation(f.name, (f.describe)(&mut generator)))
        .collect();
    let ward = WardSurface {
        config: reference::<WardConfig>(&mut generator),
        command: reference::<Command>(&mut generator),
        event: reference::<Event>(&mut generator),
        receipt: reference::<Receipt>(&mut generator),
    };
    let errors = Error::codes()
        .into_iter()
        .map(|(code, kind)| ErrorCode {
            code: code.to_owned(),
            kind: kind.as_str().to_owned(),
        })
        .collect();
    let mut definitions: Map<String, Value> = generator.take_definitions(true);
    for schema in definitions.values_mut() {
        decimals_by_format(schema);
    }
    let mut surface = Surface {
        version: env!("CARGO_PKG_VERSION").to_owned(),
        ward,
        capabilities,
        functions,
        errors,
        definitions,
    };
    for op in surface
        .capabilities
        .iter_mut()
        .flat_map(|c| c.commands.iter_mut().chain(c.queries.iter_mut()))
        .chain(surface.functions.iter_mut())
    {
        decimals_by_format(&mut op.args);
        decimals_by_format(&mut op.answer);
    }
    surface
}

fn reference<T: JsonSchema>(generator: &mut SchemaGenerator) -> Value {
    generator.subschema_for::<T>().to_value()
}

/// One operation from its argument and answer schemas; the argument type's doc comment
/// becomes the operation's.
fn operation(name: &str, (args, answer): (Schema, Schema)) -> Operation {
    let mut args = args.to_value();
    let doc = take_doc(&mut args);
    Operation {
        name: name.to_owned(),
        doc,
        args,
        answer: answer.to_value(),
    }
}

fn take_doc(schema: &mut Value) -> String {
    let Some(obj) = schema.as_object_mut() else {
        return String::new();
    };
    obj.remove("title");
    match obj.remove("description") {
        Some(Value::String(s)) => s,
        _ => String::new(),
    }
}

/// A command type's variants as operations: each variant's tag is the name, its doc the
/// operation's, its other fields the arguments; every command answers with a receipt.
fn variants(schema: Schema) -> Vec<Operation> {
    let value = schema.to_value();
    let branches = value
        .get("oneOf")
        .and_then(Value::as_array)
        .cloned()
        .unwrap_or_default();
    branches
        .into_iter()
        .filter_map(|mut branch| {
            let doc = take_doc(&mut branch);
            let obj = branch.as_object_mut()?;
            let props = obj.get_mut("properties")?.as_object_mut()?;
            let tag = props.remove("type")?;
            let name = tag.get("const")?.as_str()?.to_owned();
            if let Some(Value::Array(required)) = obj.get_mut("required") {
                required.retain(|r| r != "type");
            }
            Some(Operation {
                name,
                doc,
                args: branch,
                answer: Value::Object(
                    [(
                        "$ref".to_owned(),
                        Value::String("#/$defs/Receipt".to_owned()),
                    )]
                    .into_iter()
                    .collect(),
                ),
            })
        })
        .collect()
}

/// `schemars` describes `rust_decimal::Decimal` as a string or number matching a
/// pattern; Gridward reads and writes decimals only as text, so they are described as
/// strings of the `decimal` format, which the faces convert to exact decimals.
fn decimals_by_format(schema: &mut Value) {
    const DECIMAL_PATTERN: &str = r"^-?\d+(\.\d+)?([eE]\d+)?$";
    match schema {
        Value::Object(obj) => {
            if obj.get("pattern").and_then(Value::as_str) == Some(DECIMAL_PATTERN) {
                obj.remove("pattern");
                let nullable = match obj.get("type") {
                    Some(Value::Array(types)) => types.iter().any(|t| t == "null"),
                    _ => false,
                };
                let ty = if nullable {
                    serde_json::json!(["string", "null"])
                } else {
                    Value::String("string".to_owned())
                };
                obj.insert("type".to_owned(), ty);
                obj.insert("format".to_owned(), Value::String("decimal".to_owned()));
            }
            for v in obj.values_mut() {
                decimals_by_format(v);
            }
        }
        Value::Array(items) => items.iter_mut().for_each(decimals_by_format),
        _ => {}
    }
}

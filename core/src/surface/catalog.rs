//! The description compiled for the faces: operations found by name, their arguments
//! checked against their shapes, and their answers returned with the shape that types
//! them.

use chrono::{DateTime, FixedOffset};
use hashbrown::HashMap;
use serde_json::{Map, Value};

use super::shape::{Shape, ShapeError, Shapes};
use super::{decode, Operation, Surface, FUNCTIONS, QUERY_SETS};
use crate::access::Actor;
use crate::access::Context;
use crate::error::input::{InputError, Problem};
use crate::error::Error;
use crate::ward::{Command, Receipt, Ward, WardConfig};

/// An operation's compiled argument and answer shapes.
#[derive(Clone, Debug)]
struct Compiled {
    args: Shape,
    answer: Shape,
}

/// What kind of operation a name is looked up as.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
enum Kind {
    Command,
    Query,
    Function,
}

/// The description compiled: what a face needs to check values and run operations.
#[derive(Clone, Debug)]
pub struct Catalog {
    shapes: Shapes,
    /// Operations by kind and capability (empty for functions), then by name: a few
    /// groups scanned, then one lookup, without allocating.
    ops: Vec<(Kind, String, HashMap<String, Compiled>)>,
    config: Shape,
    command: Shape,
    event: Shape,
    receipt: Shape,
}

impl Catalog {
    /// Compiles a description.
    pub fn new(surface: &Surface) -> Result<Catalog, ShapeError> {
        let shapes = Shapes::compile(&surface.definitions)?;
        let mut ops: Vec<(Kind, String, HashMap<String, Compiled>)> = Vec::new();
        let mut add = |kind: Kind, cap: &str, op: &Operation| -> Result<(), ShapeError> {
            let at = format!("{cap}.{}", op.name);
            let compiled = Compiled {
                args: shapes.shape_of(&op.args, &at)?,
                answer: shapes.shape_of(&op.answer, &at)?,
            };
            match ops.iter_mut().find(|(k, c, _)| *k == kind && c == cap) {
                Some((_, _, group)) => {
                    group.insert(op.name.clone(), compiled);
                }
                None => ops.push((
                    kind,
                    cap.to_owned(),
                    [(op.name.clone(), compiled)].into_iter().collect(),
                )),
            }
            Ok(())
        };
        for cap in &surface.capabilities {
            for op in &cap.commands {
                add(Kind::Command, &cap.name, op)?;
            }
            for op in &cap.queries {
                add(Kind::Query, &cap.name, op)?;
            }
        }
        for op in &surface.functions {
            add(Kind::Function, "", op)?;
        }
        let w = &surface.ward;
        Ok(Catalog {
            config: shapes.shape_of(&w.config, "config")?,
            command: shapes.shape_of(&w.command, "command")?,
            event: shapes.shape_of(&w.event, "event")?,
            receipt: shapes.shape_of(&w.receipt, "receipt")?,
            shapes,
            ops,
        })
    }

    /// The description checked in with this version of the crate, compiled (from its
    /// compact form without docs, [`Surface::embedded_shapes`]).
    pub fn embedded() -> Result<Catalog, Error> {
        let surface = Surface::embedded_shapes()?;
        Catalog::new(&surface).map_err(|e| {
            Error::Input(InputError::new(
                "shapes.json",
                Problem::Rejected(e.to_string()),
            ))
        })
    }

    /// The named types, for following a shape's references.
    pub fn shapes(&self) -> &Shapes {
        &self.shapes
    }

    /// The shape of any event (what `decide` returns, as a list).
    pub fn event_shape(&self) -> &Shape {
        &self.event
    }

    /// The shape of a receipt (what every command returns).
    pub fn receipt_shape(&self) -> &Shape {
        &self.receipt
    }

    /// The shape of the configuration.
    pub fn config_shape(&self) -> &Shape {
        &self.config
    }

    fn group(&self, kind: Kind, cap: &str) -> Option<&HashMap<String, Compiled>> {
        self.ops
            .iter()
            .find(|(k, c, _)| *k == kind && c == cap)
            .map(|(_, _, group)| group)
    }

    fn op(&self, kind: Kind, cap: &str, name: &str) -> Result<&Compiled, Error> {
        self.group(kind, cap)
            .and_then(|group| group.get(name))
            .ok_or_else(|| {
                let known = self
                    .group(kind, cap)
                    .into_iter()
                    .flat_map(|g| g.keys().cloned());
                let mut allowed: Vec<String> = known.collect();
                crate::order::sort(&mut allowed);
                let what = match kind {
                    Kind::Command => "command",
                    Kind::Query => "query",
                    Kind::Function => "function",
                };
                Error::Input(InputError::new(
                    what,
                    Problem::UnknownValue {
                        value: format!("{cap}.{name}").trim_start_matches('.').to_owned(),
                        allowed,
                    },
                ))
            })
    }

    /// The shape of a command's arguments.
    pub fn command_args(&self, capability: &str, name: &str) -> Option<&Shape> {
        let group = self.group(Kind::Command, capability)?;
        group.get(name).map(|c| &c.args)
    }

    /// Checks a value against a shape, naming the field at fault.
    pub fn check(&self, shape: &Shape, value: &mut Value) -> Result<(), Error> {
        self.shapes.check(shape, value).map_err(Error::Input)
    }

    /// A command of `capability` named `name`, from its arguments as JSON.
    pub fn command(&self, capability: &str, name: &str, args: Value) -> Result<Command, Error> {
        self.command_with_tables(capability, name, args, &[])
    }

    /// A command from its arguments as JSON, of which those named in `tables` were read
    /// from a table's cells (a DataFrame, an Arrow table): a column of codes read as
    /// integers, or as floats for its gaps, gives its codes as text. The rules are
    /// [`Shapes::check_args`]'.
    pub fn command_with_tables(
        &self,
        capability: &str,
        name: &str,
        mut args: Value,
        tables: &[&str],
    ) -> Result<Command, Error> {
        let op = self.op(Kind::Command, capability, name)?;
        self.shapes
            .check_args(&op.args, &mut args, tables)
            .map_err(Error::Input)?;
        let mut body = match args {
            Value::Object(o) => o,
            _ => Map::new(),
        };
        body.insert("type".to_owned(), Value::String(name.to_owned()));
        let mut outer = Map::with_capacity(1);
        outer.insert(capability.to_owned(), Value::Object(body));
        decode(Value::Object(outer)).map_err(|e| strip_variant(e, capability))
    }

    /// Any command in its JSON form (`{"tasks": {"type": "file", …}}`).
    pub fn any_command(&self, mut command: Value) -> Result<Command, Error> {
        self.check(&self.command, &mut command)?;
        decode(command)
    }

    /// Asks the query of `capability` named `name`: its answer as JSON and the shape that
    /// types it.
    pub fn ask(
        &self,
        ward: &Ward,
        capability: &str,
        name: &str,
        mut args: Value,
    ) -> Result<(Value, &Shape), Error> {
        let op = self.op(Kind::Query, capability, name)?;
        self.check(&op.args, &mut args)?;
        let set = QUERY_SETS.iter().find(|s| s.capability == capability);
        let entry = set.and_then(|s| s.entries.iter().find(|e| e.name == name));
        let entry = entry.ok_or_else(|| unknown("query", capability, name))?;
        Ok(((entry.ask)(ward, args)?, &op.answer))
    }

    /// Calls the pure function named `name`: its result as JSON and the shape that types
    /// it.
    pub fn call(&self, name: &str, mut args: Value) -> Result<(Value, &Shape), Error> {
        let op = self.op(Kind::Function, "", name)?;
        self.check(&op.args, &mut args)?;
        let entry = FUNCTIONS.iter().find(|f| f.name == name);
        let entry = entry.ok_or_else(|| unknown("function", "", name))?;
        Ok(((entry.call)(args)?, &op.answer))
    }

    /// A ward's configuration from JSON (`null` for the default).
    pub fn config(&self, mut value: Value) -> Result<WardConfig, Error> {
        if value.is_null() {
            return Ok(WardConfig::default());
        }
        self.check(&self.config, &mut value)
            .map_err(|e| under(e, "config"))?;
        decode(value).map_err(|e| under(e, "config"))
    }

    /// A command's context: the actor (a person's id, or the platform when `None`), the
    /// time (`now` when `None`) and the idempotency key.
    pub fn context(
        &self,
        actor: Option<String>,
        at: Option<Value>,
        key: Option<String>,
        now: DateTime<FixedOffset>,
    ) -> Result<Context, Error> {
        let at = match at {
            None | Some(Value::Null) => now,
            Some(mut v) => {
                let shape = Shape::Str {
                    format: Some(super::shape::Format::DateTime),
                    values: None,
                };
                self.check(&shape, &mut v).map_err(|e| under(e, "at"))?;
                decode(v).map_err(|e| under(e, "at"))?
            }
        };
        let actor = match actor {
            None => Actor::System,
            Some(id) => Actor::Person(id),
        };
        let ctx = Context::new(actor, at);
        Ok(match key {
            Some(k) => ctx.with_key(k),
            None => ctx,
        })
    }
}

/// The fields of one command of a batch.
const BATCH_FIELDS: [&str; 4] = ["command", "actor", "at", "key"];

impl Catalog {
    /// One command of a batch in its JSON form, `{"command": {"tasks": {…}}, "actor":
    /// "p1", "at": "…", "key": "…"}` (only `command` is required; `at` defaults to
    /// `now`), with anything wrong in it named under `commands[index]`.
    pub fn batch_item(
        &self,
        index: usize,
        value: Value,
        now: DateTime<FixedOffset>,
    ) -> Result<(Context, Command), Error> {
        let parent = format!("commands[{index}]");
        self.batch_fields(value, now).map_err(|e| under(e, &parent))
    }

    fn batch_fields(
        &self,
        value: Value,
        now: DateTime<FixedOffset>,
    ) -> Result<(Context, Command), Error> {
        let mut fields = match value {
            Value::Object(map) => map,
            other => {
                return Err(Error::Input(InputError::new(
                    "",
                    Problem::WrongType {
                        expected: "an object of command, actor, at and key",
                        found: json_type(&other),
                    },
                )))
            }
        };
        if let Some(name) = fields.keys().find(|k| !BATCH_FIELDS.contains(&k.as_str())) {
            return Err(Error::Input(InputError::new(
                name.clone(),
                Problem::UnknownField {
                    allowed: BATCH_FIELDS.iter().map(|f| (*f).to_owned()).collect(),
                },
            )));
        }
        let text = |fields: &mut Map<String, Value>, name: &str| match fields.remove(name) {
            None | Some(Value::Null) => Ok(None),
            Some(Value::String(s)) => Ok(Some(s)),
            Some(other) => Err(Error::Input(InputError::new(
                name,
                Problem::WrongType {
                    expected: "a string",
                    found: json_type(&other),
                },
            ))),
        };
        let actor = text(&mut fields, "actor")?;
        let key = text(&mut fields, "key")?;
        let command = match fields.remove("command") {
            None | Some(Value::Null) => {
                return Err(Error::Input(InputError::new(
                    "command",
                    Problem::MissingField,
                )))
            }
            Some(c) => self.any_command(c).map_err(|e| under(e, "command"))?,
        };
        let ctx = self.context(actor, fields.remove("at"), key, now)?;
        Ok((ctx, command))
    }
}

/// Executes a batch whose items a face has read, some already refused (a bad item
/// is refused in its place): the good ones go to [`Ward::execute_batch`] together,
/// and the outcomes come back in the items' order.
pub fn execute_read_batch(
    ward: &mut Ward,
    items: Vec<Result<(Context, Command), Error>>,
) -> Vec<Result<Receipt, Error>> {
    let run = |given| Ok::<_, std::convert::Infallible>(ward.execute_batch(given).outcomes);
    match run_read_batch(items, run) {
        Ok(outcomes) => outcomes,
        Err(never) => match never {},
    }
}

/// As [`execute_read_batch`], with the good items given to `run` (which executes them
/// as one batch, through a store say, and may fail as a whole): the outcomes in the
/// items' order, or `run`'s error.
pub fn run_read_batch<E>(
    items: Vec<Result<(Context, Command), Error>>,
    run: impl FnOnce(Vec<(Context, Command)>) -> Result<Vec<Result<Receipt, Error>>, E>,
) -> Result<Vec<Result<Receipt, Error>>, E> {
    let mut refused = Vec::with_capacity(items.len());
    let mut given = Vec::with_capacity(items.len());
    for item in items {
        refused.push(item.map(|command| given.push(command)).err());
    }
    let mut decided = run(given)?.into_iter();
    Ok(refused
        .into_iter()
        .map(|refusal| match refusal {
            Some(e) => Err(e),
            None => decided.next().unwrap_or_else(|| {
                Err(Error::Internal(
                    "a batch gave fewer outcomes than commands".to_owned(),
                ))
            }),
        })
        .collect())
}

/// What a JSON value is, in the words of an error message.
pub fn json_type(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "a list",
        Value::Object(_) => "an object",
    }
}

fn unknown(what: &str, cap: &str, name: &str) -> Error {
    Error::Input(InputError::new(
        what,
        Problem::UnknownValue {
            value: format!("{cap}.{name}").trim_start_matches('.').to_owned(),
            allowed: Vec::new(),
        },
    ))
}

fn under(e: Error, parent: &str) -> Error {
    match e {
        Error::Input(i) => Error::Input(i.under(parent)),
        other => other,
    }
}

/// A decoding error's path starts at the capability's key; the faces name fields of the
/// arguments.
fn strip_variant(e: Error, capability: &str) -> Error {
    match e {
        Error::Input(mut i) => {
            if let Some(rest) = i.field.strip_prefix(capability) {
                i.field = rest.trim_start_matches('.').to_owned();
            }
            Error::Input(i)
        }
        other => other,
    }
}

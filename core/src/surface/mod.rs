//! The public surface, described once: every capability's commands and queries, the
//! pure functions, the configuration, the events, and every error code — with their
//! types as JSON Schema derived from the core's own Rust types (the `schema` feature).
//!
//! The Python and JavaScript faces are generated from this description, and at run time
//! they reach the core through it: a face turns its host values into JSON, the
//! [`Catalog`] checks them against the described type (so a bad value gets the same
//! [`InputError`] on every face, naming the field) and runs the operation, and the
//! answer goes back with its described type, so that a face converts values by type
//! (an exact decimal, a date, a date-time), never by a key's name.
//!
//! Queries are typed questions ([`Query`]): a struct whose fields are the arguments and
//! whose `Answer` is the reply, gathered per capability in a [`QuerySet`]. Pure
//! functions of their arguments ([`Function`]) are gathered in [`FUNCTIONS`].

mod catalog;
#[cfg(feature = "schema")]
mod describe;
pub mod input;
pub mod shape;

use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use crate::error::Error;
use crate::ward::Ward;

pub use catalog::Catalog;
#[cfg(feature = "schema")]
pub use describe::describe;
pub use input::{InputError, Problem};

/// A typed question to a ward: its fields are the arguments, [`Query::Answer`] the
/// reply.
pub trait Query: DeserializeOwned {
    /// The reply.
    type Answer: Serialize;

    /// Answers from the ward's state.
    fn ask(self, ward: &Ward) -> Result<Self::Answer, Error>;
}

/// A pure function of its arguments: no ward, no state.
pub trait Function: DeserializeOwned {
    /// The result.
    type Answer: Serialize;

    /// Computes the result.
    fn call(self) -> Result<Self::Answer, Error>;
}

/// Runs a query given as JSON arguments and returns its answer as JSON.
pub type AskJson = fn(&Ward, Value) -> Result<Value, Error>;
/// Runs a function given as JSON arguments and returns its result as JSON.
pub type CallJson = fn(Value) -> Result<Value, Error>;
/// The JSON Schema of an operation's arguments and of its answer.
#[cfg(feature = "schema")]
pub type DescribeOp = fn(&mut schemars::SchemaGenerator) -> (schemars::Schema, schemars::Schema);

/// One query of a set: its name on every face, and how to run and describe it.
#[derive(Clone, Copy)]
pub struct QueryEntry {
    /// The name (snake_case).
    pub name: &'static str,
    /// Runs it from JSON.
    pub ask: AskJson,
    /// Describes its arguments and answer.
    #[cfg(feature = "schema")]
    pub describe: DescribeOp,
}

/// A capability's queries.
#[derive(Clone, Copy)]
pub struct QuerySet {
    /// The capability (`grid`, `tasks` …).
    pub capability: &'static str,
    /// The queries.
    pub entries: &'static [QueryEntry],
}

/// One pure function: its name on every face, and how to run and describe it.
#[derive(Clone, Copy)]
pub struct FunctionEntry {
    /// The name (snake_case).
    pub name: &'static str,
    /// Runs it from JSON.
    pub call: CallJson,
    /// Describes its arguments and result.
    #[cfg(feature = "schema")]
    pub describe: DescribeOp,
}

/// Decodes a query's JSON arguments, asks it, and encodes the answer.
pub fn ask_json<Q: Query>(ward: &Ward, args: Value) -> Result<Value, Error> {
    let query: Q = decode(args)?;
    encode(&query.ask(ward)?)
}

/// Decodes a function's JSON arguments, calls it, and encodes the result.
pub fn call_json<F: Function>(args: Value) -> Result<Value, Error> {
    let function: F = decode(args)?;
    encode(&function.call()?)
}

/// Describes a query or function by its argument type and answer type.
#[cfg(feature = "schema")]
pub fn describe_op<A: schemars::JsonSchema, R: schemars::JsonSchema>(
    generator: &mut schemars::SchemaGenerator,
) -> (schemars::Schema, schemars::Schema) {
    (A::json_schema(generator), generator.subschema_for::<R>())
}

/// Decodes a value of a described type, naming the field where the type refuses it.
pub fn decode<T: DeserializeOwned>(value: Value) -> Result<T, Error> {
    serde_path_to_error::deserialize(value).map_err(|e| {
        let field = e.path().to_string();
        let field = if field == "." { String::new() } else { field };
        Error::Input(InputError::new(
            field,
            Problem::Rejected(e.into_inner().to_string()),
        ))
    })
}

/// Encodes an answer as JSON.
pub fn encode<T: Serialize>(value: &T) -> Result<Value, Error> {
    serde_json::to_value(value)
        .map_err(|e| Error::Journal(crate::journal::JournalError::Encode(e.to_string())))
}

/// Declares a capability's queries: a name on every face for each query type.
///
/// ```ignore
/// query_set! {
///     pub static GRID_QUERIES for "grid" {
///         "unit" => UnitQuery,
///         "roots" => Roots,
///     }
/// }
/// ```
#[macro_export]
#[doc(hidden)]
macro_rules! query_set {
    ($vis:vis static $set:ident for $cap:literal { $($name:literal => $ty:ty),* $(,)? }) => {
        /// The capability's queries, by name.
        $vis static $set: $crate::surface::QuerySet = $crate::surface::QuerySet {
            capability: $cap,
            entries: &[$(
                $crate::surface::QueryEntry {
                    name: $name,
                    ask: $crate::surface::ask_json::<$ty>,
                    #[cfg(feature = "schema")]
                    describe: $crate::surface::describe_op::<
                        $ty,
                        <$ty as $crate::surface::Query>::Answer,
                    >,
                },
            )*],
        };
    };
}

/// Declares the pure functions: a name on every face for each function type.
#[macro_export]
#[doc(hidden)]
macro_rules! function_set {
    ($vis:vis static $set:ident { $($name:literal => $ty:ty),* $(,)? }) => {
        /// The pure functions, by name.
        $vis static $set: &[$crate::surface::FunctionEntry] = &[$(
            $crate::surface::FunctionEntry {
                name: $name,
                call: $crate::surface::call_json::<$ty>,
                #[cfg(feature = "schema")]
                describe: $crate::surface::describe_op::<
                    $ty,
                    <$ty as $crate::surface::Function>::Answer,
                >,
            },
        )*];
    };
}

pub use crate::queries::{FUNCTIONS, QUERY_SETS};

/// The description of the public surface: what the faces are generated from.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Surface {
    /// The crate's version.
    pub version: String,
    /// The ward itself: its configuration, any command, any event, a receipt.
    pub ward: WardSurface,
    /// The capabilities, in the ward's order.
    pub capabilities: Vec<CapabilitySurface>,
    /// The pure functions.
    pub functions: Vec<Operation>,
    /// Every error code with its kind.
    pub errors: Vec<ErrorCode>,
    /// The named types (JSON Schema `$defs`) the schemas above refer to.
    pub definitions: Map<String, Value>,
}

/// The ward's own types.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct WardSurface {
    /// The configuration's schema.
    pub config: Value,
    /// Any command's schema.
    pub command: Value,
    /// Any event's schema.
    pub event: Value,
    /// A receipt's schema.
    pub receipt: Value,
}

/// A capability's commands and queries.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CapabilitySurface {
    /// Its name (`grid`, `tasks` …).
    pub name: String,
    /// What it holds.
    pub doc: String,
    /// Its commands; each answers with a receipt.
    pub commands: Vec<Operation>,
    /// Its queries.
    pub queries: Vec<Operation>,
}

/// One operation: a command, a query or a function.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Operation {
    /// Its name (snake_case).
    pub name: String,
    /// What it does.
    pub doc: String,
    /// The schema of its arguments: an object whose `required` list is in declaration
    /// order.
    pub args: Value,
    /// The schema of its answer.
    pub answer: Value,
}

/// An error code and its kind.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ErrorCode {
    /// The stable code.
    pub code: String,
    /// The broad kind.
    pub kind: String,
}

impl Surface {
    /// The description as generated and checked in with this version of the crate.
    pub fn embedded() -> Result<Surface, Error> {
        serde_json::from_str(include_str!("surface.json")).map_err(|e| {
            Error::Input(InputError::new(
                "surface.json",
                Problem::Rejected(e.to_string()),
            ))
        })
    }
}

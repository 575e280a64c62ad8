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
pub mod shape;
#[cfg(test)]
mod tables_tests;

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use crate::error::Error;

pub use crate::error::input::{InputError, Problem, MAX_NESTING};
pub use crate::queries::typed::{
    ask_json, call_json, decode, encode, AskJson, CallJson, Function, FunctionEntry, Query,
    QueryEntry, QuerySet,
};
#[cfg(feature = "schema")]
pub use crate::queries::typed::{describe_op, DescribeOp};
pub use crate::queries::{FUNCTIONS, QUERY_SETS};
pub use catalog::{execute_read_batch, json_type, run_read_batch, Catalog};
#[cfg(feature = "schema")]
pub use describe::describe;

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
        Surface::read("surface.json", include_str!("surface.json"))
    }

    /// The same description without its doc comments, as the faces' catalog reads it
    /// ([`Catalog::embedded`]): every shape, operation and error code, in a fraction of
    /// the bytes.
    pub fn embedded_shapes() -> Result<Surface, Error> {
        Surface::read("shapes.json", include_str!("shapes.json"))
    }

    fn read(name: &str, text: &str) -> Result<Surface, Error> {
        crate::tracked::from_text(text)
            .map_err(|e| Error::Input(InputError::new(name, Problem::Rejected(e))))
    }
}

//! Typed questions and pure functions: the traits every query and function implements,
//! the tables that name them on every face, and their JSON entry points.

use serde::de::DeserializeOwned;
use serde::Serialize;
use serde_json::Value;

use crate::error::input::{InputError, Problem};
use crate::error::Error;
use crate::ward::Ward;

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

    /// The result as JSON. A result that is a bare decimal overrides it to write the
    /// decimal as text, as every decimal field does, whatever `rust_decimal`'s features.
    fn answer_json(answer: &Self::Answer) -> Result<Value, Error> {
        encode(answer)
    }
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
    F::answer_json(&function.call()?)
}

/// Describes a query or function by its argument type and answer type.
#[cfg(feature = "schema")]
pub fn describe_op<A: schemars::JsonSchema, R: schemars::JsonSchema>(
    generator: &mut schemars::SchemaGenerator,
) -> (schemars::Schema, schemars::Schema) {
    (A::json_schema(generator), generator.subschema_for::<R>())
}

/// Decodes a value of a described type, naming the field where the type refuses it.
///
/// Natively the value is decoded straight, and only a refusal is decoded again, noting
/// the path, to name its field: the common case pays nothing for it. In WebAssembly the
/// one pass notes the path, so that every type's decoding is built once in a module
/// that every page downloads; the answers and messages are the same.
pub fn decode<T: DeserializeOwned>(value: Value) -> Result<T, Error> {
    #[cfg(not(target_arch = "wasm32"))]
    if let Ok(decoded) = T::deserialize(&value) {
        return Ok(decoded);
    }
    crate::tracked::decode(value).map_err(|refusal| {
        let field = if refusal.path == "." {
            String::new()
        } else {
            refusal.path
        };
        Error::Input(InputError::new(
            field,
            Problem::Rejected(refusal.error.to_string()),
        ))
    })
}

/// Encodes an answer as JSON.
pub fn encode<T: Serialize>(value: &T) -> Result<Value, Error> {
    crate::as_value::as_value(value)
        .map_err(|e| Error::Journal(crate::journal::JournalError::Encode(e.to_string())))
}

/// Declares a capability's queries: a name on every face for each query type.
///
/// ```text
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
        $vis static $set: $crate::queries::typed::QuerySet = $crate::queries::typed::QuerySet {
            capability: $cap,
            entries: &[$(
                $crate::queries::typed::QueryEntry {
                    name: $name,
                    ask: $crate::queries::typed::ask_json::<$ty>,
                    #[cfg(feature = "schema")]
                    describe: $crate::queries::typed::describe_op::<
                        $ty,
                        <$ty as $crate::queries::typed::Query>::Answer,
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
        $vis static $set: &[$crate::queries::typed::FunctionEntry] = &[$(
            $crate::queries::typed::FunctionEntry {
                name: $name,
                call: $crate::queries::typed::call_json::<$ty>,
                #[cfg(feature = "schema")]
                describe: $crate::queries::typed::describe_op::<
                    $ty,
                    <$ty as $crate::queries::typed::Function>::Answer,
                >,
            },
        )*];
    };
}

impl Ward {
    /// Answers a typed question ([`Query`]) from the ward's state.
    pub fn ask<Q: Query>(&self, query: Q) -> Result<Q::Answer, Error> {
        query.ask(self)
    }
}

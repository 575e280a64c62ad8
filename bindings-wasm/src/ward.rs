//! The raw ward: the core's `Ward` behind generic entry points that the generated
//! `api.js` calls, and `call` for the pure functions. Answers go back as plain
//! JavaScript in the core's JSON form: decimals and times as strings.

use gridward::surface::Catalog;
use gridward::{Context, Error, Ward};
use serde::Serialize;
use serde_json::Value;
use wasm_bindgen::prelude::*;

use crate::error::{to_js, OrThrow};
use crate::to_json::to_value;

thread_local! {
    // WebAssembly runs on one thread; the description is compiled once per instance.
    static CATALOG: Result<Catalog, Error> = Catalog::embedded();
}

fn with_catalog<T>(f: impl FnOnce(&Catalog) -> Result<T, Error>) -> Result<T, JsValue> {
    CATALOG.with(|c| match c {
        Ok(catalog) => f(catalog).or_throw(),
        Err(e) => Err(to_js(e)),
    })
}

/// A JSON value as plain JavaScript: objects as objects, big integers as numbers.
fn to_js_value<T: Serialize>(value: &T) -> Result<JsValue, JsValue> {
    let serializer = serde_wasm_bindgen::Serializer::json_compatible();
    value.serialize(&serializer).map_err(|e| {
        to_js(&Error::Journal(gridward::journal::JournalError::Encode(
            e.to_string(),
        )))
    })
}

fn json(value: &JsValue) -> Result<Value, JsValue> {
    to_value(value).or_throw()
}

/// A command's context from `{actor, at, key}` (all optional).
fn context(catalog: &Catalog, ctx: &JsValue) -> Result<Context, Error> {
    let value = crate::to_json::to_value(ctx)?;
    let field = |name: &str| value.get(name).cloned().filter(|v| !v.is_null());
    let text = |name: &str| -> Result<Option<String>, Error> {
        match field(name) {
            None => Ok(None),
            Some(Value::String(s)) => Ok(Some(s)),
            Some(_) => Err(Error::Input(gridward::surface::InputError::new(
                format!("context.{name}"),
                gridward::surface::Problem::WrongType {
                    expected: "a string",
                    found: "another value",
                },
            ))),
        }
    };
    let now = js_sys::Date::new_0().to_iso_string();
    let now = chrono::DateTime::parse_from_rfc3339(&String::from(now)).map_err(|e| {
        Error::Input(gridward::surface::InputError::new(
            "at",
            gridward::surface::Problem::Rejected(e.to_string()),
        ))
    })?;
    catalog.context(text("actor")?, field("at"), text("key")?, now)
}

/// A ward, for the generated `Ward` class to wrap.
#[wasm_bindgen]
pub struct RawWard {
    inner: Ward,
}

#[wasm_bindgen]
impl RawWard {
    /// An empty ward with this configuration (the default when null).
    #[wasm_bindgen(constructor)]
    pub fn new(config: JsValue) -> Result<RawWard, JsValue> {
        let config = json(&config)?;
        let config = with_catalog(|c| c.config(config))?;
        Ok(RawWard {
            inner: Ward::new(config),
        })
    }

    /// Rebuilds a ward from its journal (JSON lines).
    pub fn from_journal(text: &str, config: JsValue) -> Result<RawWard, JsValue> {
        let config = json(&config)?;
        let config = with_catalog(|c| c.config(config))?;
        let inner = Ward::from_jsonl(config, text).or_throw()?;
        Ok(RawWard { inner })
    }

    /// Executes the command `name` of `capability` with these arguments.
    pub fn execute(
        &mut self,
        capability: &str,
        name: &str,
        args: JsValue,
        ctx: JsValue,
    ) -> Result<JsValue, JsValue> {
        let args = json(&args)?;
        let receipt = with_catalog(|c| {
            let command = c.command(capability, name, args)?;
            let ctx = context(c, &ctx)?;
            self.inner.execute(&ctx, command)
        })?;
        to_js_value(&receipt)
    }

    /// Executes any command in its JSON form.
    pub fn execute_command(&mut self, command: JsValue, ctx: JsValue) -> Result<JsValue, JsValue> {
        let command = json(&command)?;
        let receipt = with_catalog(|c| {
            let command = c.any_command(command)?;
            let ctx = context(c, &ctx)?;
            self.inner.execute(&ctx, command)
        })?;
        to_js_value(&receipt)
    }

    /// The events a command in its JSON form would cause, without recording them.
    pub fn decide(&self, command: JsValue, ctx: JsValue) -> Result<JsValue, JsValue> {
        let command = json(&command)?;
        let events = with_catalog(|c| {
            let command = c.any_command(command)?;
            let ctx = context(c, &ctx)?;
            self.inner.decide(&ctx, command)
        })?;
        to_js_value(&events)
    }

    /// Asks the query `name` of `capability` with these arguments.
    pub fn ask(&self, capability: &str, name: &str, args: JsValue) -> Result<JsValue, JsValue> {
        let args = json(&args)?;
        let answer = with_catalog(|c| c.ask(&self.inner, capability, name, args).map(|(v, _)| v))?;
        to_js_value(&answer)
    }

    /// The journal's head hash.
    #[wasm_bindgen(getter)]
    pub fn head(&self) -> String {
        self.inner.head().to_hex()
    }

    /// The number of entries in the journal.
    #[wasm_bindgen(getter)]
    pub fn journal_length(&self) -> usize {
        self.inner.journal().len()
    }

    /// A digest of the whole state.
    pub fn state_digest(&self) -> String {
        self.inner.state_digest().to_hex()
    }

    /// The journal as JSON lines.
    pub fn export_journal(&self) -> String {
        self.inner.to_jsonl()
    }

    /// The configuration.
    pub fn config(&self) -> Result<JsValue, JsValue> {
        to_js_value(self.inner.config())
    }
}

/// Calls the pure function `name` with these arguments.
#[wasm_bindgen]
pub fn call(name: &str, args: JsValue) -> Result<JsValue, JsValue> {
    let args = json(&args)?;
    let answer = with_catalog(|c| c.call(name, args).map(|(v, _)| v))?;
    to_js_value(&answer)
}

//! The raw ward: the core's `Ward` behind generic entry points that the generated
//! `api.js` calls, and `call` for the pure functions. Answers go back as plain
//! JavaScript in the core's JSON form: decimals and times as strings.

use gridward::surface::{execute_read_batch, json_type, Catalog, InputError, Problem};
use gridward::{Context, Error, Ward};
use serde::Serialize;
use serde_json::{Map, Value};
use wasm_bindgen::prelude::*;

use crate::error::{to_js, OrThrow};
use crate::observe::{since, Observers};
use crate::to_json::{to_value, MAX_ITEMS};

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

/// A value as plain JavaScript, through its JSON text: objects as objects, whole numbers
/// as numbers.
fn to_js_value<T: Serialize>(value: &T) -> Result<JsValue, JsValue> {
    crate::to_js::to_js_value(value).or_throw()
}

fn json(value: &JsValue) -> Result<Value, JsValue> {
    to_value(value).or_throw()
}

/// The fields a command's context may have.
const CONTEXT_FIELDS: [&str; 3] = ["actor", "at", "key"];

/// A bad context, at `context.{field}` (or `context` itself when `field` is empty).
fn context_error(field: &str, problem: Problem) -> Error {
    let path = if field.is_empty() {
        "context".to_owned()
    } else {
        format!("context.{field}")
    };
    Error::Input(InputError::new(path, problem))
}

/// A command's context from `{actor, at, key}` (all optional; null or absent for none).
/// Anything else — another type, an unknown field, a field of the wrong type — is
/// refused naming `context` or the field, as bad arguments are.
fn context(catalog: &Catalog, ctx: &JsValue) -> Result<Context, Error> {
    let value = to_value(ctx).map_err(|e| match e {
        Error::Input(i) => context_error(&i.field, i.problem),
        other => other,
    })?;
    let fields = match value {
        Value::Null => Map::new(),
        Value::Object(map) => map,
        other => {
            return Err(context_error(
                "",
                Problem::WrongType {
                    expected: "an object of actor, at and key",
                    found: json_type(&other),
                },
            ))
        }
    };
    if let Some(name) = fields
        .keys()
        .find(|k| !CONTEXT_FIELDS.contains(&k.as_str()))
    {
        return Err(context_error(
            name,
            Problem::UnknownField {
                allowed: CONTEXT_FIELDS.iter().map(|f| (*f).to_owned()).collect(),
            },
        ));
    }
    let field = |name: &str| fields.get(name).cloned().filter(|v| !v.is_null());
    let text = |name: &str| -> Result<Option<String>, Error> {
        match field(name) {
            None => Ok(None),
            Some(Value::String(s)) => Ok(Some(s)),
            Some(other) => Err(context_error(
                name,
                Problem::WrongType {
                    expected: "a string",
                    found: json_type(&other),
                },
            )),
        }
    };
    let now = now().map_err(|problem| context_error("at", problem))?;
    let (actor, key) = (text("actor")?, text("key")?);
    catalog
        .context(actor, field("at"), key, now)
        .map_err(|e| match e {
            // The core names the time `at`; here it is a field of the context.
            Error::Input(i) if i.field == "at" => context_error("at", i.problem),
            other => other,
        })
}

/// The time now, from the JavaScript clock.
fn now() -> Result<chrono::DateTime<chrono::FixedOffset>, Problem> {
    let now = String::from(js_sys::Date::new_0().to_iso_string());
    chrono::DateTime::parse_from_rfc3339(&now).map_err(|e| Problem::Rejected(e.to_string()))
}

/// A ward, for the generated `Ward` class to wrap.
#[wasm_bindgen]
pub struct RawWard {
    inner: Ward,
    observers: Observers,
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
            observers: Observers::default(),
        })
    }

    /// Rebuilds a ward from its journal (JSON lines); `text` that is not a string is
    /// refused naming `text`, as a bad argument is.
    pub fn from_journal(text: JsValue, config: JsValue) -> Result<RawWard, JsValue> {
        let Some(text) = text.as_string() else {
            let found = to_value(&text)
                .map(|v| json_type(&v))
                .unwrap_or("another value");
            return Err(to_js(&Error::Input(InputError::new(
                "text",
                Problem::WrongType {
                    expected: "a string",
                    found,
                },
            ))));
        };
        let config = json(&config)?;
        let config = with_catalog(|c| c.config(config))?;
        let inner = Ward::from_jsonl(config, &text).or_throw()?;
        Ok(RawWard {
            inner,
            observers: Observers::default(),
        })
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
        let before = self.inner.journal().len();
        let receipt = with_catalog(|c| {
            let command = c.command(capability, name, args)?;
            let ctx = context(c, &ctx)?;
            self.inner.execute(&ctx, command)
        })?;
        self.observers.notify(&self.inner, before)?;
        to_js_value(&receipt)
    }

    /// Executes any command in its JSON form.
    pub fn execute_command(&mut self, command: JsValue, ctx: JsValue) -> Result<JsValue, JsValue> {
        let command = json(&command)?;
        let before = self.inner.journal().len();
        let receipt = with_catalog(|c| {
            let command = c.any_command(command)?;
            let ctx = context(c, &ctx)?;
            self.inner.execute(&ctx, command)
        })?;
        self.observers.notify(&self.inner, before)?;
        to_js_value(&receipt)
    }

    /// Executes a batch of commands, each `{command, actor, at, key}`: each decided in
    /// turn against the state the ones before it left, the accepted ones recorded in one
    /// journal entry. Gives one outcome per command, in order: its receipt, or the
    /// `GridwardError` that refused it (returned, not thrown; it left no trace).
    pub fn execute_batch(&mut self, commands: JsValue) -> Result<js_sys::Array, JsValue> {
        if !js_sys::Array::is_array(&commands) {
            return Err(to_js(&Error::Input(InputError::new(
                "commands",
                Problem::WrongType {
                    expected: "an array of commands",
                    found: if commands.is_null() || commands.is_undefined() {
                        "null"
                    } else {
                        "another value"
                    },
                },
            ))));
        }
        let batch_error =
            |problem: Problem| to_js(&Error::Input(InputError::new("commands", problem)));
        // Read with Reflect, which catches: the array may be a Proxy whose traps throw.
        let length = js_sys::Reflect::get(&commands, &"length".into())
            .ok()
            .and_then(|l| l.as_f64())
            .ok_or_else(|| {
                batch_error(Problem::WrongType {
                    expected: "an array of commands",
                    found: "an array whose length cannot be read",
                })
            })?;
        // A sparse array claims items it does not hold; reading them all would exhaust
        // the module's memory.
        if !(0.0..=f64::from(MAX_ITEMS)).contains(&length) {
            return Err(batch_error(Problem::OutOfRange(format!(
                "a batch of {length} commands; at most {MAX_ITEMS} can be given"
            ))));
        }
        let now = now().map_err(|problem| to_js(&Error::Input(InputError::new("at", problem))))?;
        let mut items = Vec::new();
        with_catalog(|c| {
            for index in 0..length as u32 {
                let item = js_sys::Reflect::get_u32(&commands, index).map_err(|_| {
                    Error::Input(InputError::new(
                        "",
                        Problem::WrongType {
                            expected: "an object of command, actor, at and key",
                            found: "a value that cannot be read",
                        },
                    ))
                });
                let index = index as usize;
                items.push(match item.and_then(|item| to_value(&item)) {
                    Ok(value) => c.batch_item(index, value, now),
                    Err(Error::Input(i)) => {
                        Err(Error::Input(i.under(&format!("commands[{index}]"))))
                    }
                    Err(other) => Err(other),
                });
            }
            Ok(())
        })?;
        let out = js_sys::Array::new();
        let before = self.inner.journal().len();
        for outcome in execute_read_batch(&mut self.inner, items) {
            match outcome {
                Ok(receipt) => out.push(&to_js_value(&receipt)?),
                Err(e) => out.push(&to_js(&e)),
            };
        }
        self.observers.notify(&self.inner, before)?;
        Ok(out)
    }

    /// The events a command in its JSON form would cause, without recording them.
    pub fn decide(&self, command: JsValue, ctx: JsValue) -> Result<JsValue, JsValue> {
        let command = json(&command)?;
        let events = with_catalog(|c| {
            let command = c.any_command(command)?;
            let ctx = context(c, &ctx)?;
            // The key is refused as `execute` would refuse it, though deciding ignores it.
            if let Some(k) = &ctx.idempotency_key {
                gridward::text::check(gridward::text::TextKind::Key, "idempotency key", k)?;
            }
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

    /// The journal as JSON lines: all of it, or the entries after entry `since` of
    /// `{since}`.
    pub fn export_journal(&self, options: JsValue) -> Result<String, JsValue> {
        let since = since(&options)?;
        let mut out = String::new();
        for entry in self.inner.journal().entries_after(since) {
            entry.write_jsonl(&mut out);
        }
        Ok(out)
    }

    /// Calls `listener` with each entry appended from now on, as its JSON line, once
    /// its command has taken effect; gives the id that `off_entry` takes. A listener
    /// must not call the ward back (the ward is busy with the command); an exception it
    /// throws is thrown to the command's caller after every listener has been called.
    pub fn on_entry(&mut self, listener: JsValue) -> Result<u32, JsValue> {
        self.observers.add(&listener)
    }

    /// Stops calling the listener with this id.
    pub fn off_entry(&mut self, id: u32) {
        self.observers.remove(id);
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

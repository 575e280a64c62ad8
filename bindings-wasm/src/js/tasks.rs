//! Conversion for the tasks capability: task commands, imported requests, locations,
//! periods and statuses coming in; routing decisions and categories going out.
//!
//! A task command is read like a grid command — JSON first, touched up where JavaScript
//! differs (a `Date`, a field set to `null`), then the core's own serde type — so the
//! JSON form of a command is exactly what the journal records.

use gridward::calendar::Limit;
use gridward::grid::{Domain, NodeCode};
use gridward::tasks::{
    Category, Handler, ImportedRequest, Location, Period, RouteDecision, Status, TaskCommand,
};
use gridward::Command;
use js_sys::{Array, Date, Object};
use serde::Serialize;
use serde_json::{Map, Value};
use wasm_bindgen::{JsCast, JsValue};

use super::{date, field, from_json, is_nullish, is_plain_object, to_json, typed_args};
use crate::error::WardError;

const COMMAND: &str = "invalid_command";
const ROW: &str = "invalid_row";

/// Checks the grid codes a task command or imported request may hold (`scope`,
/// `location.unit`, `to.pool`), so that a malformed code gets the grid's own error code.
fn check_codes(map: &Map<String, Value>) -> Result<(), WardError> {
    let nested = |outer: &str, inner: &str| {
        map.get(outer)
            .and_then(Value::as_object)
            .and_then(|o| o.get(inner))
            .and_then(Value::as_str)
    };
    let codes = [
        map.get("scope").and_then(Value::as_str),
        nested("location", "unit"),
        nested("to", "pool"),
    ];
    for text in codes.into_iter().flatten() {
        NodeCode::parse(text)?;
    }
    Ok(())
}

/// One imported request: its dates may be `Date` objects; `null` fields mean absent.
fn imported(value: &JsValue, i: usize) -> Result<ImportedRequest, WardError> {
    let what = format!("import row {i}");
    if !is_plain_object(value) {
        return Err(WardError::input(ROW, format!("{what}: expected an object")));
    }
    let mut json = to_json(value, ROW, &what)?;
    let Value::Object(map) = &mut json else {
        return Err(WardError::input(ROW, format!("{what}: expected an object")));
    };
    map.retain(|_, v| !v.is_null());
    for name in ["filed_at", "updated_at"] {
        let given = field(value, name);
        if given.is_instance_of::<Date>() {
            let at = date(&given, &format!("{what}: {name}"))?;
            map.insert(name.into(), Value::String(at.to_rfc3339()));
        } else if let Some(Value::String(text)) = map.get(name) {
            super::parse_date_text(text, &format!("{what}: {name}"))?;
        }
    }
    check_codes(map)?;
    from_json(json, ROW, &what)
}

/// The requests of an import, each read on its own so an error names its row.
pub fn imported_requests(value: &JsValue) -> Result<Vec<ImportedRequest>, WardError> {
    let Some(list) = value.dyn_ref::<Array>() else {
        return Err(WardError::input(
            ROW,
            "import: expected an array of requests",
        ));
    };
    list.iter()
        .enumerate()
        .map(|(i, row)| imported(&row, i))
        .collect()
}

/// A task command from JavaScript. `kind` is the command type of a typed method (the
/// object then holds only the variant's fields); `None` means `command.type` says it.
/// A sweep may be given no object at all.
pub fn task_command(kind: Option<&str>, args: &JsValue) -> Result<TaskCommand, WardError> {
    let what = kind.unwrap_or("command");
    let empty: JsValue;
    let args = if kind == Some("sweep") && is_nullish(args) {
        empty = Object::new().into();
        &empty
    } else {
        args
    };
    let mut value = typed_args(kind, args)?;
    let Value::Object(map) = &mut value else {
        return Err(WardError::input(
            COMMAND,
            format!("{what}: expected an object"),
        ));
    };
    if map.get("type").and_then(Value::as_str) == Some("import") {
        let requests = imported_requests(&field(args, "requests"))?;
        if let Some(extra) = map
            .keys()
            .find(|k| !matches!(k.as_str(), "type" | "requests"))
        {
            return Err(WardError::input(
                COMMAND,
                format!("import: unknown field {extra:?}"),
            ));
        }
        return Ok(TaskCommand::Import { requests });
    }
    map.retain(|_, v| !v.is_null());
    check_codes(map)?;
    from_json(value, COMMAND, what)
}

/// Any command, as `execute` and `decide` take it: `{ grid: {...} }`, `{ tasks: {...} }`,
/// `{ fund: {...} }`, `{ assembly: {...} }`, `{ scoring: {...} }`, `{ points: {...} }`, or a
/// plain grid command (the form the grid-only API took).
pub fn any_command(value: &JsValue) -> Result<Command, WardError> {
    if is_plain_object(value) {
        let keys = Object::keys(value.unchecked_ref::<Object>());
        if keys.length() == 1 {
            match keys.get(0).as_string().as_deref() {
                Some("grid") => {
                    return Ok(Command::Grid(super::command(None, &field(value, "grid"))?))
                }
                Some("tasks") => {
                    return Ok(Command::Tasks(task_command(None, &field(value, "tasks"))?))
                }
                Some("fund") => {
                    return Ok(Command::Fund(super::fund_command(
                        None,
                        &field(value, "fund"),
                    )?))
                }
                Some("assembly") => {
                    return Ok(Command::Assembly(super::assembly_command(
                        None,
                        &field(value, "assembly"),
                    )?))
                }
                Some("scoring") => {
                    return Ok(Command::Scoring(super::scoring_command(
                        None,
                        &field(value, "scoring"),
                    )?))
                }
                Some("points") => {
                    return Ok(Command::Points(super::points_command(
                        None,
                        &field(value, "points"),
                    )?))
                }
                _ => {}
            }
        }
    }
    Ok(Command::Grid(super::command(None, value)?))
}

/// A location: `{ household: "id" }` or `{ unit: "code" }`.
pub fn location(value: &JsValue) -> Result<Location, WardError> {
    const CODE: &str = "invalid_location";
    let json = to_json(value, CODE, "location")?;
    if let Some(Value::String(text)) = json.get("unit") {
        NodeCode::parse(text)?;
    }
    from_json(
        json,
        CODE,
        "location (expected { household: id } or { unit: code })",
    )
}

/// A status name.
pub fn status(text: &str) -> Result<Status, WardError> {
    Status::parse(text).ok_or_else(|| {
        let all: Vec<&str> = Status::ALL.iter().map(|s| s.as_str()).collect();
        WardError::input(
            "invalid_status",
            format!("status: {text:?} is not one of {}", all.join(", ")),
        )
    })
}

/// A period `{ from, to }` (from included, to excluded), and a `scope` code if the object
/// has one.
pub fn period(value: &JsValue, scoped: bool) -> Result<(Option<NodeCode>, Period), WardError> {
    const CODE: &str = "invalid_period";
    let expected = if scoped {
        "{ scope?, from, to }"
    } else {
        "{ from, to }"
    };
    if !is_plain_object(value) {
        return Err(WardError::input(
            CODE,
            format!("period: expected an object {expected}"),
        ));
    }
    for name in Object::keys(value.unchecked_ref::<Object>()).iter() {
        let name = name.as_string().unwrap_or_default();
        let known = matches!(name.as_str(), "from" | "to") || (scoped && name == "scope");
        if !known {
            return Err(WardError::input(
                CODE,
                format!("period: unknown field {name:?}; expected {expected}"),
            ));
        }
    }
    let when = |name: &str| {
        let v = field(value, name);
        if is_nullish(&v) {
            return Err(WardError::input(
                CODE,
                format!("period: {name} is required ({expected})"),
            ));
        }
        date(&v, &format!("period.{name}"))
    };
    let period = Period {
        from: when("from")?,
        to: when("to")?,
    };
    let scope = field(value, "scope");
    let scope = if is_nullish(&scope) {
        None
    } else {
        let text = scope
            .as_string()
            .ok_or_else(|| WardError::input(CODE, "period.scope: expected a grid code"))?;
        Some(NodeCode::parse(&text)?)
    };
    Ok((scope, period))
}

/// Where the routing rules send a request, as `route()` returns it.
#[derive(Serialize)]
pub struct RouteOut {
    /// `person`, `department`, `pool` or `locality`.
    pub kind: &'static str,
    /// The person, for `person`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub person: Option<String>,
    /// The department, for `department`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub department: Option<String>,
    /// The pool's unit, or the locality (the street) that takes it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub unit: Option<NodeCode>,
    /// The status the request would take: `assigned` or `pooled`.
    pub status: Status,
}

impl From<RouteDecision<'_>> for RouteOut {
    fn from(d: RouteDecision<'_>) -> Self {
        let status = d.status();
        let mut out = RouteOut {
            kind: "",
            person: None,
            department: None,
            unit: None,
            status,
        };
        match d {
            RouteDecision::Person(p) => {
                out.kind = "person";
                out.person = Some(p.id().to_owned());
            }
            RouteDecision::Department(x) => {
                out.kind = "department";
                out.department = Some(x.id().to_owned());
            }
            RouteDecision::Pool(code) => {
                out.kind = "pool";
                out.unit = Some(code);
            }
            RouteDecision::Locality(code) => {
                out.kind = "locality";
                out.unit = Some(code);
            }
        }
        out
    }
}

/// A category in its config form, limits in their short text (`"5wh"`, `"15wd"`).
#[derive(Serialize)]
pub struct CategoryOut<'a> {
    /// Its code (Open311's `service_code`).
    pub code: &'a str,
    /// Its name.
    pub name: &'a str,
    /// What it is about.
    pub description: &'a str,
    /// The group it is listed under.
    pub group: &'a str,
    /// The domain that answers for it.
    pub domain: Domain,
    /// Who handles it.
    pub handler: Handler,
    /// First action due within this limit from dispatch.
    pub response_limit: String,
    /// Resolution due within this limit from dispatch.
    pub resolution_limit: String,
    /// The one extension.
    pub extension: String,
    /// Skill tags a handler must have.
    pub skills: &'a [String],
    /// A micro-wish (微心愿).
    pub micro_wish: bool,
}

impl<'a> From<&'a Category> for CategoryOut<'a> {
    fn from(c: &'a Category) -> Self {
        let text = |l: Limit| l.to_string();
        CategoryOut {
            code: &c.code,
            name: &c.name,
            description: &c.description,
            group: &c.group,
            domain: c.domain,
            handler: c.handler,
            response_limit: text(c.response_limit),
            resolution_limit: text(c.resolution_limit),
            extension: text(c.extension),
            skills: &c.skills,
            micro_wish: c.micro_wish,
        }
    }
}

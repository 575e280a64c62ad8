//! Structured changes to a command's JSON, driven by the fuzzer's bytes: one scalar
//! replaced (by a value another step gave the same field, or by an edge case), a field
//! removed, or a list's element dropped or repeated.

use std::collections::BTreeMap;
use std::sync::OnceLock;

use arbitrary::{Result, Unstructured};
use serde_json::Value;

use crate::scenarios;

/// Values that sit at the edges of what fields accept.
const EDGES: [&str; 14] = [
    "",
    "0",
    "-1",
    "0.001",
    "-0",
    "1e3",
    "79228162514264337593543950335",
    "99999999999999999999999999999999",
    "NaN",
    "2026-02-29",
    "9999-12-31T23:59:59+14:00",
    "510105001001001001001",
    "\u{0}",
    "𝔊𝔯𝔦𝔡",
];

/// Every scalar the scenarios give each field name, so that a replacement is often a
/// value that means something (another unit's code, another person's id).
pub fn pool() -> &'static BTreeMap<String, Vec<Value>> {
    static POOL: OnceLock<BTreeMap<String, Vec<Value>>> = OnceLock::new();
    POOL.get_or_init(|| {
        let mut pool: BTreeMap<String, Vec<Value>> = BTreeMap::new();
        for scenario in scenarios() {
            for step in &scenario.steps {
                collect(&step.command, "", &mut pool);
                if let Some(actor) = &step.actor {
                    pool.entry("actor".into())
                        .or_default()
                        .push(Value::from(actor.clone()));
                }
            }
        }
        for values in pool.values_mut() {
            values.sort_by_key(Value::to_string);
            values.dedup();
        }
        pool
    })
}

fn collect(value: &Value, key: &str, pool: &mut BTreeMap<String, Vec<Value>>) {
    match value {
        Value::Object(map) => map.iter().for_each(|(k, v)| collect(v, k, pool)),
        Value::Array(items) => items.iter().for_each(|v| collect(v, key, pool)),
        scalar => pool.entry(key.to_owned()).or_default().push(scalar.clone()),
    }
}

/// A value for a field named `key`: one the scenarios gave it or another field, an edge
/// case, or any text or number.
pub fn value_for(u: &mut Unstructured<'_>, key: &str) -> Result<Value> {
    let pool = pool();
    Ok(match u.int_in_range(0u8..=7)? {
        0..=2 => match pool.get(key) {
            Some(values) if !values.is_empty() => values[u.choose_index(values.len())?].clone(),
            _ => Value::Null,
        },
        3 => {
            let values: Vec<&Vec<Value>> = pool.values().collect();
            let values = values[u.choose_index(values.len())?];
            values[u.choose_index(values.len())?].clone()
        }
        4 => Value::from(EDGES[u.choose_index(EDGES.len())?]),
        5 => Value::from(u.arbitrary::<String>()?),
        6 => match u.int_in_range(0u8..=3)? {
            0 => Value::from(u.arbitrary::<i64>()?),
            1 => Value::from(u.arbitrary::<u64>()?),
            2 => serde_json::Number::from_f64(u.arbitrary::<f64>()?)
                .map_or(Value::Null, Value::Number),
            _ => Value::Bool(u.arbitrary()?),
        },
        _ => Value::Null,
    })
}

/// Changes one place in `value`, chosen by the bytes.
pub fn mutate(u: &mut Unstructured<'_>, value: &mut Value) -> Result<()> {
    let mut places = Vec::new();
    places_in(value, &mut Vec::new(), &mut places);
    if places.is_empty() {
        return Ok(());
    }
    let path = places[u.choose_index(places.len())?].clone();
    let key = path.iter().rev().find_map(|p| match p {
        Place::Key(k) => Some(k.clone()),
        Place::Index(_) => None,
    });
    let (last, parent_path) = path.split_last().expect("a place has a path");
    let Some(parent) = at_path(value, parent_path) else {
        return Ok(());
    };
    match (u.int_in_range(0u8..=9)?, parent, last) {
        (0, Value::Object(map), Place::Key(k)) => {
            map.remove(k);
        }
        (1, Value::Array(items), Place::Index(i)) => {
            items.remove(*i);
        }
        (2, Value::Array(items), Place::Index(i)) => {
            let again = items[*i].clone();
            items.insert(*i, again);
        }
        (_, parent, last) => {
            let new = value_for(u, key.as_deref().unwrap_or(""))?;
            if let Some(slot) = child(parent, last) {
                *slot = new;
            }
        }
    }
    Ok(())
}

/// One step of a path into a JSON value.
#[derive(Clone, Debug)]
enum Place {
    Key(String),
    Index(usize),
}

/// Every place below the command's tag (`{"grid": {"type": …}}`): the tag and `type`
/// stay, since a changed tag only meets the catalog's refusal.
fn places_in(value: &Value, path: &mut Vec<Place>, out: &mut Vec<Vec<Place>>) {
    match value {
        Value::Object(map) => {
            for (k, v) in map {
                if path.len() == 1 && k == "type" {
                    continue;
                }
                path.push(Place::Key(k.clone()));
                if path.len() > 1 {
                    out.push(path.clone());
                }
                places_in(v, path, out);
                path.pop();
            }
        }
        Value::Array(items) => {
            for (i, v) in items.iter().enumerate() {
                path.push(Place::Index(i));
                out.push(path.clone());
                places_in(v, path, out);
                path.pop();
            }
        }
        _ => {}
    }
}

fn at_path<'a>(value: &'a mut Value, path: &[Place]) -> Option<&'a mut Value> {
    path.iter().try_fold(value, |v, p| child(v, p))
}

fn child<'a>(value: &'a mut Value, place: &Place) -> Option<&'a mut Value> {
    match (value, place) {
        (Value::Object(map), Place::Key(k)) => map.get_mut(k),
        (Value::Array(items), Place::Index(i)) => items.get_mut(*i),
        _ => None,
    }
}

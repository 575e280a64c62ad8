//! Forging a legal journal at random: one event's field altered, an entry removed,
//! duplicated or swapped with the next, and every hash recomputed so that the chain
//! verifies, leaving replay's checks as the only defence.

use std::collections::{BTreeMap, BTreeSet};

use gridward::journal::Hash;
use serde_json::Value;

/// A small deterministic generator (SplitMix64), so that every run forges the same
/// journals.
pub struct Rng(u64);

impl Rng {
    /// A generator from its seed.
    pub fn new(seed: u64) -> Rng {
        Rng(seed)
    }

    /// The next number.
    pub fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    /// A number below `n` (which is not zero).
    pub fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    /// True with probability `p` percent.
    pub fn percent(&mut self, p: u64) -> bool {
        self.next() % 100 < p
    }
}

/// How a journal was forged.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// One field of one event, or of the entry's actor or time, changed.
    Alter,
    /// One element of a list inside an event removed or repeated.
    List,
    /// An entry removed.
    Remove,
    /// An entry repeated right after itself.
    Duplicate,
    /// An entry swapped with the next.
    Swap,
}

impl Kind {
    /// Its name in the report.
    pub fn name(self) -> &'static str {
        match self {
            Kind::Alter => "alter",
            Kind::List => "list",
            Kind::Remove => "remove",
            Kind::Duplicate => "duplicate",
            Kind::Swap => "swap",
        }
    }
}

/// One forged journal.
pub struct Forged {
    /// The journal, re-hashed.
    pub text: String,
    /// How it was forged.
    pub kind: Kind,
    /// The capability of the event changed ("entry" for the entry's own fields).
    pub capability: String,
    /// The first entry that differs from the legal journal.
    pub entry: u64,
    /// What was done, for a failure's message.
    pub what: String,
}

/// A legal journal and the values seen under each field name, which make forgeries
/// plausible: a person swapped for another person, a date for another date.
pub struct Forgery {
    bodies: Vec<Value>,
    seen: BTreeMap<String, Vec<Value>>,
}

impl Forgery {
    /// Reads a legal journal's entries.
    pub fn new(jsonl: &str) -> Forgery {
        let bodies: Vec<Value> = jsonl
            .lines()
            .map(|l| serde_json::from_str::<Value>(l).unwrap()["body"].clone())
            .collect();
        let mut seen: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
        for b in &bodies {
            collect(b, "", &mut seen);
        }
        let seen = seen
            .into_iter()
            .map(|(k, v)| {
                let values = v.iter().map(|t| serde_json::from_str(t).unwrap()).collect();
                (k, values)
            })
            .collect();
        Forgery { bodies, seen }
    }

    /// One forgery, or `None` when the one drawn changes nothing.
    pub fn forge(&self, rng: &mut Rng) -> Option<Forged> {
        let n = self.bodies.len();
        let mut bodies = self.bodies.clone();
        let i = rng.below(n);
        let capability = |b: &Value, e: usize| -> String {
            b["events"][e]
                .as_object()
                .and_then(|o| o.keys().next().cloned())
                .unwrap_or_else(|| "entry".to_owned())
        };
        let events = bodies[i]["events"].as_array().map_or(0, Vec::len);
        let (kind, cap, what) = match rng.below(10) {
            0 => {
                bodies.remove(i);
                (
                    Kind::Remove,
                    capability(&self.bodies[i], 0),
                    format!("entry {} removed", i + 1),
                )
            }
            1 => {
                bodies.insert(i + 1, bodies[i].clone());
                let cap = capability(&self.bodies[i], 0);
                (Kind::Duplicate, cap, format!("entry {} repeated", i + 1))
            }
            2 if i + 1 < n => {
                bodies.swap(i, i + 1);
                let cap = capability(&self.bodies[i], 0);
                (
                    Kind::Swap,
                    cap,
                    format!("entries {} and {} swapped", i + 1, i + 2),
                )
            }
            3 if rng.percent(30) => {
                let field = if rng.percent(50) { "actor" } else { "at" };
                let old = bodies[i][field].clone();
                let new = self.other(field, &old, rng)?;
                bodies[i][field] = new.clone();
                let what = format!("entry {}: {field} {old} -> {new}", i + 1);
                (Kind::Alter, "entry".to_owned(), what)
            }
            _ if events > 0 => {
                let e = rng.below(events);
                let cap = capability(&bodies[i], e);
                let event = &mut bodies[i]["events"][e];
                let mut places = Vec::new();
                places_in(event, &mut Vec::new(), &mut places);
                if places.is_empty() {
                    return None;
                }
                let (path, key) = places[rng.below(places.len())].clone();
                let target = at_path(event, &path)?;
                let old = target.clone();
                let kind = if let Value::Array(items) = target {
                    if items.is_empty() {
                        return None;
                    }
                    let k = rng.below(items.len());
                    if rng.percent(50) {
                        items.remove(k);
                    } else {
                        let copy = items[k].clone();
                        items.insert(k, copy);
                    }
                    Kind::List
                } else {
                    *target = self.other(&key, &old, rng)?;
                    Kind::Alter
                };
                let new = at_path(event, &path)?.clone();
                let what = format!(
                    "entry {}, event {e} ({cap}), {}: {} -> {}",
                    i + 1,
                    path.join("."),
                    short(&old),
                    short(&new)
                );
                (kind, cap, what)
            }
            _ => return None,
        };
        if bodies == self.bodies {
            return None;
        }
        let entry = bodies
            .iter()
            .zip(&self.bodies)
            .position(|(a, b)| a != b)
            .unwrap_or(bodies.len().min(self.bodies.len())) as u64
            + 1;
        Some(Forged {
            text: chain(&bodies),
            kind,
            capability: cap,
            entry,
            what,
        })
    }

    /// Another value for a field named `key`: mostly one seen elsewhere under the same
    /// name, sometimes a value no command would give.
    fn other(&self, key: &str, old: &Value, rng: &mut Rng) -> Option<Value> {
        if rng.percent(65) {
            if let Some(values) = self.seen.get(key) {
                let choices: Vec<&Value> = values.iter().filter(|v| *v != old).collect();
                if !choices.is_empty() {
                    return Some(choices[rng.below(choices.len())].clone());
                }
            }
        }
        Some(match old {
            Value::Bool(b) => Value::Bool(!b),
            Value::Number(n) => {
                let v = n.as_i64().unwrap_or(1);
                let picks = [v + 1, v - 1, 0, v.saturating_mul(10), -1, i64::MAX];
                Value::from(picks[rng.below(picks.len())])
            }
            Value::String(s) => match s.parse::<rust_decimal::Decimal>() {
                Ok(d) => {
                    let picks = [
                        d + rust_decimal::Decimal::new(1, 2),
                        -d,
                        d * rust_decimal::Decimal::TEN,
                        rust_decimal::Decimal::ZERO,
                    ];
                    Value::String(picks[rng.below(picks.len())].to_string())
                }
                Err(_) => {
                    let picks = ["", "x", "510105", "2026-02-30"];
                    Value::String(picks[rng.below(picks.len())].to_owned())
                }
            },
            Value::Null => {
                let values = self.seen.get(key)?;
                let non_null: Vec<&Value> = values.iter().filter(|v| !v.is_null()).collect();
                if non_null.is_empty() {
                    return None;
                }
                non_null[rng.below(non_null.len())].clone()
            }
            _ => return None,
        })
    }
}

/// The entries' bodies as a journal, numbered from 1 and hashed in a chain.
pub fn chain(bodies: &[Value]) -> String {
    let mut prev = Hash::ZERO;
    let mut out = String::new();
    for (i, body) in bodies.iter().enumerate() {
        let seq = i as u64 + 1;
        let body = serde_json::to_string(body).unwrap();
        let hash = Hash::of_entry(seq, &prev, &body);
        out.push_str(&format!(
            "{{\"seq\":{seq},\"prev\":\"{prev}\",\"hash\":\"{hash}\",\"body\":{body}}}\n"
        ));
        prev = hash;
    }
    out
}

/// Records every scalar under its field name, as JSON text.
fn collect(value: &Value, key: &str, seen: &mut BTreeMap<String, BTreeSet<String>>) {
    match value {
        Value::Object(map) => {
            for (k, v) in map {
                collect(v, k, seen);
            }
        }
        Value::Array(items) => {
            for v in items {
                collect(v, key, seen);
            }
        }
        scalar => {
            seen.entry(key.to_owned())
                .or_default()
                .insert(scalar.to_string());
        }
    }
}

/// Every place a forgery may change inside an event: its scalars, and its lists, each
/// with its path and the field name it sits under. The event's `type` is left alone:
/// changing it makes an event that fails to decode, which is not the interesting case.
fn places_in(value: &Value, path: &mut Vec<String>, out: &mut Vec<(Vec<String>, String)>) {
    let key = path.last().cloned().unwrap_or_default();
    match value {
        Value::Object(map) => {
            for (k, v) in map {
                if k == "type" {
                    continue;
                }
                path.push(k.clone());
                places_in(v, path, out);
                path.pop();
            }
        }
        Value::Array(items) => {
            out.push((path.clone(), key.clone()));
            for (i, v) in items.iter().enumerate() {
                path.push(i.to_string());
                places_in(v, path, out);
                path.pop();
            }
        }
        _ => {
            let name = path
                .iter()
                .rev()
                .find(|p| p.parse::<usize>().is_err())
                .cloned()
                .unwrap_or_default();
            out.push((path.clone(), name));
        }
    }
}

fn at_path<'a>(value: &'a mut Value, path: &[String]) -> Option<&'a mut Value> {
    let mut v = value;
    for p in path {
        v = match p.parse::<usize>() {
            Ok(i) if v.is_array() => v.get_mut(i)?,
            _ => v.get_mut(p.as_str())?,
        };
    }
    Some(v)
}

fn short(v: &Value) -> String {
    let s = v.to_string();
    if s.chars().count() > 60 {
        format!("{}…", s.chars().take(60).collect::<String>())
    } else {
        s
    }
}

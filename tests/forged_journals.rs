//! Forged journals, made at random from the legal ones of the parity scenarios: one
//! event's field altered, an entry removed, duplicated or moved, and every hash
//! recomputed so that the chain verifies. Replay must then refuse, naming the entry, or
//! rebuild a state that keeps the invariants a legal history keeps: the books balance,
//! the bank never goes below zero, every lot and passbook adds up, every vote is by an
//! owner and every tally is the count of its votes, every request has one responsible
//! party that exists. Replay never panics.
//!
//! `GRIDWARD_FORGERIES=N` sets how many forgeries each scenario gets (300 by default);
//! the test prints how many of each kind were tried, refused, harmless (the same state
//! as the legal journal) or accepted with the invariants held.

mod common;

use std::collections::BTreeMap;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::PathBuf;

use common::forgery::{Forgery, Rng};
use common::invariants::invariants;
use gridward::{Ward, WardConfig};
use gridward_scenarios::parity::{run_steps, Step};
use serde::Deserialize;

/// The scenario files of the parity fixture, as far as replay needs them.
#[derive(Deserialize)]
struct Scenario {
    #[serde(default)]
    config: Option<WardConfig>,
    steps: Vec<Step<gridward::Command>>,
}

#[derive(Deserialize)]
struct GridScenario {
    steps: Vec<Step>,
}

fn fixture(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/parity")
        .join(name)
}

/// The legal journal of one scenario, with the configuration it was written under.
fn legal(name: &str) -> (WardConfig, String) {
    let text = std::fs::read_to_string(fixture(&format!("{name}_scenario.json"))).unwrap();
    if name == "grid" {
        let s: GridScenario = serde_json::from_str(&text).unwrap();
        let mut ward = Ward::new(WardConfig::default());
        run_steps(&mut ward, &s.steps).unwrap();
        return (WardConfig::default(), ward.to_jsonl());
    }
    let s: Scenario = serde_json::from_str(&text).unwrap();
    let config = s.config.unwrap_or_default();
    let mut ward = Ward::new(config.clone());
    run_steps(&mut ward, &s.steps).unwrap();
    (config, ward.to_jsonl())
}

/// What became of the forgeries of one kind on one capability.
#[derive(Default)]
struct Tally {
    tried: u64,
    refused: u64,
    harmless: u64,
    held: u64,
}

const SCENARIOS: &[&str] = &["grid", "tasks", "fund", "points", "projects", "party"];

#[test]
fn forged_journals_are_refused_or_keep_every_invariant() {
    let per_scenario: u64 = std::env::var("GRIDWARD_FORGERIES")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(300);
    let mut table: BTreeMap<(String, &'static str), Tally> = BTreeMap::new();
    let mut failures = Vec::new();
    for (s, name) in SCENARIOS.iter().enumerate() {
        let (config, text) = legal(name);
        let ward = Ward::from_jsonl(config.clone(), &text).unwrap();
        invariants(&ward).unwrap_or_else(|e| panic!("{name}: the legal journal breaks {e}"));
        let legal_digest = ward.state_digest();
        let forgery = Forgery::new(&text);
        let mut rng = Rng::new(0x5eed_0000 + s as u64);
        let mut made = 0;
        let mut attempts = 0;
        while made < per_scenario && attempts < per_scenario * 20 {
            attempts += 1;
            let Some(forged) = forgery.forge(&mut rng) else {
                continue;
            };
            made += 1;
            let row = table
                .entry((forged.capability.clone(), forged.kind.name()))
                .or_default();
            row.tried += 1;
            let replayed = catch_unwind(AssertUnwindSafe(|| {
                Ward::from_jsonl(config.clone(), &forged.text)
            }));
            match replayed {
                Err(_) => failures.push(format!("{name}: replay panicked on {}", forged.what)),
                Ok(Err(e)) => {
                    // The entry named is the first whose history became impossible: the
                    // forged one, or a later one that the forgery made impossible.
                    let named = entry_named(&e.to_string()).is_some_and(|n| n >= forged.entry);
                    if !named || !matches!(e.code(), "journal_replay" | "journal_malformed") {
                        failures.push(format!(
                            "{name}: {} refused without naming the entry: {} {e}",
                            forged.what,
                            e.code()
                        ));
                    }
                    row.refused += 1;
                }
                Ok(Ok(w)) if w.state_digest() == legal_digest => row.harmless += 1,
                Ok(Ok(w)) => match catch_unwind(AssertUnwindSafe(|| invariants(&w))) {
                    Ok(Ok(())) => row.held += 1,
                    Ok(Err(broken)) => failures.push(format!(
                        "{name}: {} was replayed and breaks {broken}",
                        forged.what
                    )),
                    Err(_) => failures.push(format!("{name}: {} made a query panic", forged.what)),
                },
            }
        }
        assert!(
            made >= per_scenario / 2,
            "{name}: only {made} forgeries could be made"
        );
    }
    println!(
        "{:<10} {:<10} {:>7} {:>8} {:>9} {:>6}",
        "events", "forgery", "tried", "refused", "harmless", "held"
    );
    for ((capability, kind), t) in &table {
        println!(
            "{capability:<10} {kind:<10} {:>7} {:>8} {:>9} {:>6}",
            t.tried, t.refused, t.harmless, t.held
        );
    }
    let total: u64 = table.values().map(|t| t.tried).sum();
    let refused: u64 = table.values().map(|t| t.refused).sum();
    println!(
        "{total} forged journals, {refused} refused, {} failures",
        failures.len()
    );
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// The entry a replay error names ("… entry 12 …").
fn entry_named(message: &str) -> Option<u64> {
    let rest = &message[message.find("entry ")? + "entry ".len()..];
    let digits: String = rest.chars().take_while(char::is_ascii_digit).collect();
    digits.parse().ok()
}

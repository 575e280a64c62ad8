//! Where Gridward's cold balance report spends its time (`ledger_cold steps FILE`): the
//! steps of `ledger_cold open FILE`, timed one by one inside one process.

use std::error::Error;
use std::time::{Duration, Instant};

use chrono::{DateTime, FixedOffset};
use gridward::{Actor, Event, Hash, Journal, Ward, WardConfig};
use serde::Deserialize;

use crate::ledger_cold::FUND;

/// An entry's body, decoded as replay decodes it.
#[derive(Deserialize)]
#[allow(dead_code)]
struct Body {
    at: DateTime<FixedOffset>,
    actor: Actor,
    #[serde(default)]
    key: Option<String>,
    #[serde(default)]
    digest: Option<Hash>,
    events: Vec<Event>,
}

fn timed<T>(f: impl FnOnce() -> T) -> (Duration, T) {
    let start = Instant::now();
    let out = f();
    (start.elapsed(), out)
}

/// Times reading `file`, verifying its chain alone, reading it into a journal (verified),
/// decoding every body on one thread, replaying (decoding ahead on a second thread while
/// checking and applying in order), and the balances with their text; prints each.
pub fn print(file: &str) -> Result<(), Box<dyn Error>> {
    let (read, text) = timed(|| std::fs::read_to_string(file));
    let text = text?;
    let (verify, report) = timed(|| Journal::verify_jsonl(&text));
    if !report.intact {
        return Err("the journal's chain is broken".into());
    }
    let (load, journal) = timed(|| Journal::from_jsonl(&text));
    let journal = journal?;
    let (decode, bodies) = timed(|| {
        journal
            .entries()
            .iter()
            .map(|e| serde_json::from_str::<Body>(e.body()))
            .collect::<Result<Vec<Body>, _>>()
    });
    let events: usize = bodies?.iter().map(|b| b.events.len()).sum();
    let (replay, ward) = timed(|| Ward::replay(WardConfig::default(), journal));
    let ward = ward?;
    let (balances, out) = timed(|| -> Result<String, Box<dyn Error>> {
        let mut out = String::new();
        for row in ward.fund(FUND)?.ledger.balances_at(None) {
            out.push_str(&format!("{}\t{}\n", row.account, row.balance));
        }
        Ok(out)
    });
    let lines = out?.lines().count();
    let total = read + load + replay + balances;
    let ms = |d: Duration| d.as_secs_f64() * 1e3;
    println!(
        "\n  Gridward's steps ({} entries, {events} events, {:.1} MB):",
        report.entries,
        text.len() as f64 / 1e6
    );
    println!("  | step                                              |       ms |");
    println!("  |---------------------------------------------------|---------:|");
    let rows = [
        ("read the file", read),
        ("  verify the chain alone (parse lines, SHA-256)", verify),
        ("journal from JSON lines (verify, keep entries)", load),
        ("  decode every body alone (one thread)", decode),
        ("replay (decode ahead, check and apply)", replay),
        ("balances and their text", balances),
        ("total of `open` (unindented rows)", total),
    ];
    for (step, d) in rows {
        println!("  | {step:<49} | {:>8.1} |", ms(d));
    }
    println!("  ({lines} accounts)");
    Ok(())
}

//! Journals large enough to be verified on several threads and replayed with their
//! entries decoded ahead: the outcome, and the first fault reported, are those of a
//! reading in one pass.

mod common;

use gridward::{Error, Journal, Ward, WardConfig};
use gridward_scenarios::at;
use gridward_scenarios::city::{build, Shape};
use serde_json::Value;

/// A city of twenty districts, one import entry each: several MiB of journal, above the
/// size from which lines are shared among threads and entries decoded ahead.
fn city() -> Ward {
    let shape = Shape {
        districts: 20,
        ..Shape::SMALL
    };
    build(&shape, at("2026-01-05T08:00:00+08:00")).expect("the city imports")
}

fn bodies(text: &str) -> Vec<Value> {
    text.lines()
        .map(|l| serde_json::from_str::<Value>(l).unwrap()["body"].clone())
        .collect()
}

#[test]
fn a_large_journal_verifies_and_replays_to_the_live_state() {
    let live = city();
    let text = live.to_jsonl();
    assert!(
        text.len() > 2 << 20,
        "{} bytes: too small to spread",
        text.len()
    );
    let report = Journal::verify_jsonl(&text);
    assert!(report.intact);
    assert_eq!((report.entries, report.head), (20, live.head()));

    let again = Ward::replay(WardConfig::default(), live.journal().clone()).unwrap();
    assert_eq!(again.state_digest(), live.state_digest());
    assert_eq!(again.head(), live.head());
    let imported = Ward::from_jsonl(WardConfig::default(), &text).unwrap();
    assert_eq!(imported.state_digest(), live.state_digest());
    assert_eq!(imported.to_jsonl(), text);
}

#[test]
fn the_first_broken_line_is_the_one_reported() {
    let text = city().to_jsonl();
    let mut lines: Vec<String> = text.lines().map(str::to_owned).collect();
    // Two edits: the later must not be reported first, however the lines are shared.
    for n in [7usize, 10] {
        lines[n - 1] = lines[n - 1].replacen("\"area\":\"", "\"area\":\"1", 1);
    }
    let edited = lines.join("\n") + "\n";
    let report = Journal::verify_jsonl(&edited);
    assert!(!report.intact);
    assert_eq!(report.entries, 6);
    let brk = report.first_break.unwrap();
    assert_eq!(brk.line, 7);
    assert!(brk.reason.starts_with("hash is "), "{}", brk.reason);
}

#[test]
fn the_first_impossible_entry_is_the_one_reported() {
    let text = city().to_jsonl();
    let mut bodies = bodies(&text);
    // Entry 5 holds no events, entry 9 is not a body at all: both are re-chained so
    // the hashes hold, and replay must stop at entry 5.
    bodies[4]["events"] = Value::Array(Vec::new());
    bodies[8] = serde_json::json!({"not": "a body"});
    let forged = common::forgery::chain(&bodies);
    assert!(Journal::verify_jsonl(&forged).intact);
    match Ward::from_jsonl(WardConfig::default(), &forged) {
        Err(Error::MalformedEntry { seq, message }) => {
            assert_eq!(seq, 5);
            assert!(message.contains("at least one event"), "{message}");
        }
        other => panic!(
            "expected entry 5 to be refused, got {:?}",
            other.map(|w| w.head())
        ),
    }
    // An event that contradicts the state (a household imported twice) is refused at
    // its entry, after the entries before it were applied.
    let mut bodies = self::bodies(&text);
    bodies[10] = bodies[3].clone();
    let forged = common::forgery::chain(&bodies);
    match Ward::from_jsonl(WardConfig::default(), &forged) {
        Err(Error::Replay { seq, .. }) => assert_eq!(seq, 11),
        other => panic!(
            "expected entry 11 to be refused, got {:?}",
            other.map(|w| w.head())
        ),
    }
}

use chrono::DateTime;

use super::*;
use crate::access::Actor;
use crate::grid::GridCommand;
use crate::ward::WardConfig;

fn ctx(minute: i64) -> Context {
    let at = DateTime::parse_from_rfc3339("2026-01-05T08:00:00+08:00").unwrap()
        + chrono::Duration::minutes(minute);
    Context::new(Actor::System, at)
}

fn person(i: usize, name: &str) -> (Context, Command) {
    let command = GridCommand::AddPerson {
        id: format!("p{i}"),
        name: name.to_owned(),
        phone: None,
        party_member: false,
    };
    (ctx(i as i64), command.into())
}

#[test]
fn a_batch_too_long_for_one_entry_goes_on_in_the_next() {
    let mut batched = Ward::new(WardConfig::default());
    let commands: Vec<_> = (0..10).map(|i| person(i, "某人")).collect();
    let receipt = batched.execute_batch_within(commands.clone(), 400);
    assert_eq!(receipt.refused(), 0);
    assert!(receipt.entries.len() > 1, "{:?}", receipt.entries);
    let journal = batched.journal();
    assert_eq!(receipt.entries.len(), journal.len());
    assert!(journal.entries().iter().all(|e| e.body().len() <= 400));
    // Each command's receipt names the entry that holds it, and the head after the batch.
    for (i, outcome) in receipt.outcomes.iter().enumerate() {
        let r = outcome.as_ref().unwrap();
        let seq = r.seq.unwrap();
        let body = journal.entries()[seq as usize - 1].body();
        assert!(body.contains(&format!("\"p{i}\"")), "{body}");
        assert_eq!(r.head, batched.head());
    }
    let mut single = Ward::new(WardConfig::default());
    for (c, command) in commands {
        single.execute(&c, command).unwrap();
    }
    assert_eq!(batched.state_digest(), single.state_digest());
    let replayed = Ward::from_jsonl(WardConfig::default(), &batched.to_jsonl()).unwrap();
    assert_eq!(replayed.state_digest(), batched.state_digest());
    assert_eq!(replayed.head(), batched.head());
}

#[test]
fn a_command_too_long_for_an_entry_alone_is_refused_and_leaves_no_trace() {
    let mut ward = Ward::new(WardConfig::default());
    let long = "长".repeat(200);
    let commands = vec![person(0, "某人"), person(1, &long), person(2, "某人")];
    let receipt = ward.execute_batch_within(commands, 400);
    let codes: Vec<_> = receipt
        .outcomes
        .iter()
        .map(|o| o.as_ref().err().map(Error::code))
        .collect();
    assert_eq!(codes, [None, Some("too_large"), None]);
    assert_eq!(receipt.entries, [1]);
    assert!(ward.grid().person("p1").is_none());
    assert!(ward.grid().person("p2").is_some());
    let body = ward.journal().entries()[0].body();
    assert!(!body.contains("p1"), "{body}");
}

#[test]
fn a_batch_that_changes_nothing_writes_no_entry() {
    let mut ward = Ward::new(WardConfig::default());
    let receipt = ward.execute_batch(Vec::new());
    assert!(receipt.entries.is_empty());
    assert_eq!(receipt.head, Hash::ZERO);
    let receipt = ward.execute_batch(vec![person(0, "")]);
    assert_eq!(receipt.refused(), 1);
    assert!(ward.journal().is_empty());
}

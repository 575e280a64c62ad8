//! Replay of journals whose chain verifies but whose bodies are anything: the first byte
//! picks a parity scenario's configuration, and each further line is an entry's body,
//! chained and hashed so that only replay's checks stand between it and the state.
//! Replay must refuse or reach a state whose journal, exported, is the one given; and the
//! same journal followed line by line (as a store opens one, releasing the entries from
//! memory half-way) must be refused exactly when replay refuses it, or reach the same
//! state and head.
#![no_main]

use gridward::journal::{Entry, Journal};
use gridward::Ward;
use gridward_fuzz::{chain, scenarios};
use libfuzzer_sys::fuzz_target;
use serde_json::Value;

fuzz_target!(init: gridward_fuzz::seeds::on_request(), |data: &[u8]| {
    let Some((&pick, rest)) = data.split_first() else {
        return;
    };
    let Ok(text) = std::str::from_utf8(rest) else {
        return;
    };
    let scenarios = scenarios();
    let config = scenarios[usize::from(pick) % scenarios.len()].config.clone();
    let Ok(bodies) = text
        .lines()
        .map(serde_json::from_str::<Value>)
        .collect::<Result<Vec<_>, _>>()
    else {
        return;
    };
    let jsonl = chain(&bodies);
    let journal = Journal::from_jsonl(&jsonl).expect("a chained journal reads");
    let followed = follow(config.clone(), &jsonl);
    let replayed = Ward::replay(config, journal);
    assert_eq!(followed.is_ok(), replayed.is_ok(), "follow and replay agree");
    if let (Ok(a), Ok(b)) = (&followed, &replayed) {
        assert_eq!(a.state_digest(), b.state_digest());
        assert_eq!(a.head(), b.head());
    }
    if let Ok(ward) = replayed {
        assert_eq!(ward.to_jsonl(), jsonl, "replay kept the journal as given");
        let again = Ward::replay(ward.config().clone(), ward.journal().clone())
            .expect("a replayed journal replays again");
        assert_eq!(again.state_digest(), ward.state_digest());
    }
});

/// The ward the lines make, added one at a time, its entries released half-way.
fn follow(config: gridward::WardConfig, jsonl: &str) -> Result<Ward, gridward::Error> {
    let lines: Vec<&str> = jsonl.lines().collect();
    let mut ward = Ward::new(config);
    for (i, line) in lines.iter().enumerate() {
        let entry = Entry::from_jsonl_line(i as u64 + 1, line).expect("a chained line reads");
        ward = ward.follow(entry)?;
        if i == lines.len() / 2 {
            ward.release_journal();
        }
    }
    Ok(ward)
}

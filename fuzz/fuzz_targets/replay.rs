//! Replay of journals whose chain verifies but whose bodies are anything: the first byte
//! picks a parity scenario's configuration, and each further line is an entry's body,
//! chained and hashed so that only replay's checks stand between it and the state.
//! Replay must refuse or reach a state whose journal, exported, is the one given.
#![no_main]

use gridward::journal::Journal;
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
    if let Ok(ward) = Ward::replay(config, journal) {
        assert_eq!(ward.to_jsonl(), jsonl, "replay kept the journal as given");
        let again = Ward::replay(ward.config().clone(), ward.journal().clone())
            .expect("a replayed journal replays again");
        assert_eq!(again.state_digest(), ward.state_digest());
    }
});

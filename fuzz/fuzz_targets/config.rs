//! The ward's configuration decoder (JSON, checked against the described shape) on any
//! text: refused with the field named, or a configuration that writes back and reads
//! again the same, under which the requests scenario runs with every refusal leaving
//! nothing and the journal replaying into the same state.
#![no_main]

use gridward::Ward;
use gridward_fuzz::{assert_replays, catalog, context, execute_checked, scenarios};
use libfuzzer_sys::fuzz_target;
use serde_json::Value;

fuzz_target!(init: gridward_fuzz::seeds::on_request(), |data: &[u8]| {
    let Ok(value) = serde_json::from_slice::<Value>(data) else {
        return;
    };
    let config = match catalog().config(value) {
        Ok(config) => config,
        Err(e) => {
            assert!(!e.code().is_empty());
            return;
        }
    };
    let written = serde_json::to_value(&config).expect("a configuration serialises");
    let reread = catalog().config(written).expect("a written configuration reads again");
    assert_eq!(reread, config);
    let tasks = scenarios().iter().find(|s| s.name == "tasks").expect("a tasks scenario");
    let mut ward = Ward::new(config);
    for step in &tasks.steps {
        let ctx = context(step.actor.clone(), step.at, step.key.clone());
        execute_checked(&mut ward, &ctx, step.command.clone());
    }
    assert_replays(&ward);
});

//! The grid's bulk import (units, households, people, roles and departments as rows) on
//! any rows: into an empty ward and into the grid scenario's ward. An import is applied
//! whole or refused with the row and field named and nothing applied, and what it wrote
//! replays into the same state.
#![no_main]

use gridward::Ward;
use gridward_fuzz::{assert_replays, context, execute_checked, scenarios, wards_after};
use libfuzzer_sys::fuzz_target;
use serde_json::{json, Value};

fuzz_target!(init: gridward_fuzz::seeds::on_request(), |data: &[u8]| {
    let Ok(rows) = serde_json::from_slice::<Value>(data) else {
        return;
    };
    let grid = scenarios().iter().position(|s| s.name == "grid").expect("a grid scenario");
    let at = scenarios()[grid].steps.last().expect("steps").at;
    let command = json!({"grid": {"type": "import", "rows": rows}});
    for mut ward in [Ward::default(), wards_after()[grid].clone()] {
        if execute_checked(&mut ward, &context(None, at, None), command.clone()) {
            assert_replays(&ward);
        }
    }
});

//! The Pabulib (`.pb`) reader on any text: a file is read or refused with the line and
//! field named; a file that reads writes back and reads again the same, and its rule,
//! when Gridward implements it, selects within the budget.
#![no_main]

use gridward::projects::pabulib::{read, write};
use gridward::projects::select;
use libfuzzer_sys::fuzz_target;
use rust_decimal::Decimal;

fuzz_target!(init: gridward_fuzz::seeds::on_request(), |data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let file = match read(text) {
        Ok(file) => file,
        Err(e) => {
            assert!(!e.to_string().is_empty());
            return;
        }
    };
    let again = read(&write(&file)).expect("a written file reads again");
    assert_eq!(again.election, file.election);
    assert_eq!(again.rule, file.rule);
    // Large elections cost the fuzzer time without reaching new code.
    if file.election.ballots.len() > 200 || file.election.candidates.len() > 40 {
        return;
    }
    if let Some(rule) = &file.rule {
        if let Ok(selection) = select(&file.election, rule) {
            let cost: Decimal = file
                .election
                .candidates
                .iter()
                .filter(|c| selection.selected.contains(&c.id))
                .map(|c| c.cost)
                .sum();
            assert!(cost <= file.election.budget, "selected {cost} over the budget");
        }
    }
});

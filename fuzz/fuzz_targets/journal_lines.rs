//! The journal's JSON-lines decoder and verifier on any text, and replay of whatever
//! decodes: a journal either reads or is refused with the line named, never a panic.
#![no_main]

use gridward::journal::Journal;
use gridward::{Ward, WardConfig};
use libfuzzer_sys::fuzz_target;

fuzz_target!(init: gridward_fuzz::seeds::on_request(), |data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let report = Journal::verify_jsonl(text);
    match Journal::from_jsonl(text) {
        Ok(journal) => {
            assert!(report.intact, "a journal that reads verifies");
            assert_eq!(journal.to_jsonl().lines().count(), journal.len());
            if let Ok(ward) = Ward::replay(WardConfig::default(), journal.clone()) {
                assert_eq!(ward.head(), journal.head());
            }
        }
        Err(e) => assert!(!e.to_string().is_empty()),
    }
});

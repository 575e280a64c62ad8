//! The Open311 (GeoReport v2) decoder on any text, and the import of what it reads into
//! a ward that knows the requests scenario's grid: a feed is read or refused with the
//! element named, what is read writes back and reads again the same, and an import is
//! all or nothing.
#![no_main]

use gridward::tasks::parse_requests;
use gridward_fuzz::{assert_replays, context, execute_checked, scenarios, wards_after};
use libfuzzer_sys::fuzz_target;
use serde_json::json;

fuzz_target!(init: gridward_fuzz::seeds::on_request(), |data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    match parse_requests(text) {
        Ok(requests) => {
            let again = serde_json::to_string(&requests).expect("requests serialise");
            let reread = parse_requests(&again).expect("written requests read again");
            assert_eq!(reread, requests);
        }
        Err(e) => assert!(!e.to_string().is_empty()),
    }
    let tasks = scenarios().iter().position(|s| s.name == "tasks").expect("a tasks scenario");
    let mut ward = wards_after()[tasks].clone();
    let at = scenarios()[tasks].steps.last().expect("steps").at;
    let command = json!({"tasks": {"type": "import_open311", "feed": text}});
    if execute_checked(&mut ward, &context(None, at, None), command) {
        assert_replays(&ward);
    }
});

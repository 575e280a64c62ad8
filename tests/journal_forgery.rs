//! A journal whose hashes are all correct can still be forged: someone may rewrite the
//! events and recompute every hash. Replaying checks every event against the state it
//! meets, so a forged journal that describes an impossible history is refused, not
//! half-believed, and never panics.

use gridward::journal::Hash;
use gridward::{Ward, WardConfig};

fn chain(bodies: &[&str]) -> String {
    let mut prev = Hash::ZERO;
    let mut out = String::new();
    for (i, body) in bodies.iter().enumerate() {
        let seq = i as u64 + 1;
        let hash = Hash::of_entry(seq, &prev, body);
        out.push_str(&format!(
            "{{\"seq\":{seq},\"prev\":\"{prev}\",\"hash\":\"{hash}\",\"body\":{body}}}\n"
        ));
        prev = hash;
    }
    out
}

const AT: &str = "\"at\":\"2026-01-05T08:00:00+08:00\",\"actor\":\"system\"";

#[test]
fn a_household_in_a_unit_that_never_existed_is_refused() {
    let district = format!(
        "{{{AT},\"events\":[{{\"grid\":{{\"type\":\"unit_added\",\"code\":\"510105\",\"name\":\"区\",\"domains\":[]}}}}]}}"
    );
    let orphan = format!(
        "{{{AT},\"events\":[{{\"grid\":{{\"type\":\"households_added\",\"unit\":\"510105001001001001\",\"households\":[{{\"id\":\"h\",\"area\":\"80\"}}]}}}}]}}"
    );
    let text = chain(&[&district, &orphan]);
    let err = Ward::from_jsonl(WardConfig::default(), &text).unwrap_err();
    assert_eq!(err.code(), "journal_replay");
    assert!(err.to_string().contains("entry 2"), "{err}");
}

#[test]
fn unknown_event_types_and_empty_entries_are_refused() {
    let odd = format!("{{{AT},\"events\":[{{\"grid\":{{\"type\":\"mint_money\"}}}}]}}");
    let err = Ward::from_jsonl(WardConfig::default(), &chain(&[&odd])).unwrap_err();
    assert_eq!(err.code(), "journal_malformed");

    let empty = format!("{{{AT},\"events\":[]}}");
    let err = Ward::from_jsonl(WardConfig::default(), &chain(&[&empty])).unwrap_err();
    assert_eq!(err.code(), "journal_malformed");
}

#[test]
fn an_invalid_code_inside_an_event_is_refused() {
    let bad = format!(
        "{{{AT},\"events\":[{{\"grid\":{{\"type\":\"unit_added\",\"code\":\"999999\",\"name\":\"x\",\"domains\":[]}}}}]}}"
    );
    let err = Ward::from_jsonl(WardConfig::default(), &chain(&[&bad])).unwrap_err();
    assert_eq!(err.code(), "journal_malformed");
}

//! Forging a published journal: one event changed and every hash recomputed, so that the
//! chain verifies and only replay's checks can refuse it.

use gridward::{Error, Ward, WardConfig};
use gridward_scenarios::parity::forged;
use serde_json::Value;

/// The journal with the first entry holding an event that `pick` matches changed by
/// `edit` (given the entry's body and the event's index in it), re-hashed. Returns the
/// forged text and the entry changed; panics if no event matched.
pub fn forge(
    text: &str,
    pick: impl Fn(&Value) -> bool,
    mut edit: impl FnMut(&mut Value, usize),
) -> (String, u64) {
    let (out, seq) = forged(text, |body| {
        let Some(ix) = body["events"]
            .as_array()
            .and_then(|events| events.iter().position(&pick))
        else {
            return false;
        };
        edit(body, ix);
        true
    });
    assert!(seq > 0, "no event to forge");
    (out, seq)
}

/// Whether `event` is the `capability`'s event of this `type` whose fields include every
/// pair of `fields`.
pub fn is(event: &Value, capability: &str, kind: &str, fields: &[(&str, &str)]) -> bool {
    let e = &event[capability];
    e["type"] == kind && fields.iter().all(|(k, v)| e[*k] == *v)
}

/// Asserts that the journal replays as it is.
pub fn replays(config: &WardConfig, text: &str) -> Ward {
    Ward::from_jsonl(config.clone(), text).expect("the journal as written must replay")
}

/// Asserts that replay refuses the journal at entry `seq`, for the reason `code`.
pub fn refused_at(config: &WardConfig, text: &str, seq: u64, code: &str) -> Error {
    let err = Ward::from_jsonl(config.clone(), text).expect_err("the forgery must be refused");
    assert_eq!(err.code(), "journal_replay", "{err}");
    assert!(
        err.to_string()
            .starts_with(&format!("journal entry {seq} ")),
        "{err}"
    );
    match &err {
        Error::Replay { seq: at, source } => {
            assert_eq!(*at, seq, "{err}");
            assert_eq!(source.code(), code, "{err}");
        }
        other => panic!("not a replay error: {other}"),
    }
    err
}

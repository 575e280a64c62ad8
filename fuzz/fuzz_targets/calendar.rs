//! The working calendar's decoder (zone, weekdays, hours, holiday tables, make-up days)
//! and the time-limit text form, then deadlines counted with them: a calendar or limit
//! is refused with a typed error or gives a deadline no earlier than its start.
//!
//! The input is JSON: `{"calendar": {…}, "start": "2026-01-30T17:00:00+08:00",
//! "limits": ["5wh", "3wd", …]}`.
#![no_main]

use chrono::DateTime;
use gridward::calendar::{Calendar, CalendarConfig, Limit};
use libfuzzer_sys::fuzz_target;
use serde_json::Value;

fuzz_target!(init: gridward_fuzz::seeds::on_request(), |data: &[u8]| {
    let Ok(input) = serde_json::from_slice::<Value>(data) else {
        return;
    };
    let Ok(config) = serde_json::from_value::<CalendarConfig>(input["calendar"].clone()) else {
        return;
    };
    let calendar = match Calendar::try_from(config) {
        Ok(calendar) => calendar,
        Err(e) => {
            assert!(!e.to_string().is_empty());
            return;
        }
    };
    let written = CalendarConfig::from(calendar.clone());
    assert_eq!(Calendar::try_from(written).ok().as_ref(), Some(&calendar));
    let Some(start) = input["start"].as_str().and_then(|s| DateTime::parse_from_rfc3339(s).ok())
    else {
        return;
    };
    let limits = input["limits"].as_array().cloned().unwrap_or_default();
    for text in limits.iter().filter_map(Value::as_str).take(8) {
        let Ok(limit) = Limit::parse(text) else {
            continue;
        };
        assert_eq!(Limit::parse(&limit.to_string()).ok(), Some(limit));
        if let Ok((due, _)) = calendar.deadline_with_warnings(start, limit) {
            assert!(due >= start, "{limit} from {start} fell due at {due}, before it began");
        }
    }
});

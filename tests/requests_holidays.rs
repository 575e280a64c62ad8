//! Requests on the calendar with the State Council's holidays built in: deadlines that
//! keep Qingming off, the typed warning of a year without a table in the request's row,
//! and a strict calendar's refusal, which leaves the ward as it was.

mod common;

use chrono::DateTime;
use common::as_person;
use common::requests::*;
use gridward::calendar::CalendarWarning;
use gridward::tasks::TaskCommand;
use gridward::{Ward, WardConfig};

/// Friday 3 April 2026, before Qingming (Saturday 4 to Monday 6 April off).
const BEFORE_QINGMING: &str = "2026-04-03T09:00:00+08:00";
/// Friday 5 February 2027: no table for 2027 is built in.
const IN_2027: &str = "2027-02-05T09:00:00+08:00";

fn t(s: &str) -> chrono::DateTime<chrono::FixedOffset> {
    DateTime::parse_from_rfc3339(s).unwrap()
}

/// A community with requests on a ward whose calendar is configured as `calendar`.
fn with_calendar(calendar: serde_json::Value) -> Ward {
    let config: WardConfig =
        serde_json::from_value(serde_json::json!({ "tasks": { "calendar": calendar } })).unwrap();
    world(config)
}

/// Files rubbish request `id` as `r1` at `at` and returns its row.
fn filed(w: &mut Ward, at: &str, id: &str) -> gridward::tasks::RequestRow {
    file(w, "r1", at, id, "exposed_rubbish", home1());
    w.request(id).unwrap()
}

#[test]
fn the_default_calendar_keeps_qingming_off() {
    let mut w = world(WardConfig::default());
    let row = filed(&mut w, BEFORE_QINGMING, "q1");
    assert_eq!(row.resolution_due, Some(t("2026-04-07T09:00:00+08:00")));
    assert!(row.calendar_warnings.is_empty());
}

#[test]
fn without_presets_the_holiday_counts_and_the_row_says_so() {
    let mut w = with_calendar(serde_json::json!({ "presets": [] }));
    let row = filed(&mut w, BEFORE_QINGMING, "q1");
    assert_eq!(row.resolution_due, Some(t("2026-04-06T09:00:00+08:00")));
    assert_eq!(
        row.calendar_warnings,
        vec![CalendarWarning::UncoveredYear { year: 2026 }]
    );
}

#[test]
fn a_year_without_a_table_is_warned_of_unless_declared_covered() {
    let mut w = world(WardConfig::default());
    let row = filed(&mut w, IN_2027, "q1");
    assert_eq!(row.resolution_due, Some(t("2027-02-08T09:00:00+08:00")));
    assert_eq!(
        row.calendar_warnings,
        vec![CalendarWarning::UncoveredYear { year: 2027 }]
    );

    let mut declared = with_calendar(serde_json::json!({ "covered_years": [2027] }));
    assert!(filed(&mut declared, IN_2027, "q1")
        .calendar_warnings
        .is_empty());
}

#[test]
fn a_strict_calendar_refuses_and_the_ward_stays() {
    let mut w = with_calendar(serde_json::json!({ "strict": true }));
    let (head, length, digest) = (w.head(), w.journal().len(), w.state_digest());
    let cmd = TaskCommand::File {
        id: "q1".into(),
        category: "exposed_rubbish".into(),
        location: home1(),
        description: "楼道堆放杂物".into(),
        photos: vec![],
    };
    let ctx = as_person("r1", IN_2027).with_key("file-q1");
    let err = w.execute(&ctx, cmd).unwrap_err();
    assert_eq!(err.code(), "uncovered_year");
    assert!(err.to_string().contains("2027"), "{err}");
    assert_eq!(
        (w.head(), w.journal().len(), w.state_digest()),
        (head, length, digest)
    );
    assert!(w.request("q1").is_none());
    // Inside the tables' years it counts as the default calendar does.
    file(
        &mut w,
        "r1",
        BEFORE_QINGMING,
        "q2",
        "exposed_rubbish",
        home1(),
    );
    assert_eq!(
        w.request("q2").unwrap().resolution_due,
        Some(t("2026-04-07T09:00:00+08:00"))
    );
}

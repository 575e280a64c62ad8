//! Calendars without working time and results out of range: errors, never loops or panics.

use chrono::{DateTime, NaiveDate};

use super::tests::{at, date, due};
use super::*;

#[test]
fn no_working_time_is_an_error_not_a_loop() {
    let start = at("2025-03-03T10:00:00+08:00");
    // Built by hand: the public constructors refuse such calendars.
    let mut idle = Calendar {
        weekdays: WeekdaySet(0),
        ..Calendar::without_holidays()
    };
    assert_eq!(
        idle.deadline(start, Limit::working_hours(1)),
        Err(CalendarError::NoWorkingTime)
    );
    assert_eq!(
        idle.next_working_moment(start),
        Err(CalendarError::NoWorkingTime)
    );
    assert_eq!(
        idle.working_minutes_between(start, at("2026-03-03T10:00:00+08:00")),
        0
    );
    assert!(!idle.is_working_time(start));
    let mut overlapping = Calendar::default();
    overlapping.hours.reverse();
    let error = overlapping
        .deadline(start, Limit::working_hours(1))
        .map_err(|e| e.code());
    assert_eq!(error, Err("overlapping_periods"));
    assert_eq!(
        overlapping.working_minutes_between(start, at("2025-03-04T10:00:00+08:00")),
        0
    );

    // Only make-up days work: fine until the last one, then an error after the scan.
    idle.make_up_days = vec![date(2025, 3, 9), date(2027, 6, 6)];
    assert_eq!(
        due(&idle, "2025-03-03T10:00:00+08:00", "8wh"),
        "2025-03-09T18:00:00+08:00"
    );
    assert_eq!(
        due(&idle, "2025-03-03T10:00:00+08:00", "9wh"),
        "2027-06-06T09:30:00+08:00"
    );
    assert_eq!(
        due(&idle, "2025-03-03T10:00:00+08:00", "1wd"),
        "2025-03-09T18:00:00+08:00"
    );
    assert_eq!(
        due(&idle, "2025-03-03T10:00:00+08:00", "2wd"),
        "2027-06-06T18:00:00+08:00"
    );
    let after = idle
        .deadline(start, Limit::working_days(3))
        .map_err(|e| e.code());
    assert_eq!(after, Err("no_working_day"));
    let minutes = idle.working_minutes_between(start, at("2030-01-01T00:00:00+08:00"));
    assert_eq!(minutes, 960);

    // Eleven years of holidays in a row.
    let first = date(2025, 3, 1);
    let days = first.iter_days().take(11 * 366);
    let closed = Calendar::without_holidays().with_holidays(days, []);
    let error = closed.deadline(start, Limit::working_hours(1));
    assert_eq!(
        error,
        Err(CalendarError::NoWorkingDayWithin {
            after: date(2025, 3, 3),
            days: 3660
        })
    );
}

#[test]
fn out_of_range_is_an_error() {
    let calendar = Calendar::default();
    let zone = calendar.zone();
    let last_days = NaiveDate::MAX
        .checked_sub_days(chrono::Days::new(10))
        .expect("a date");
    let late = last_days
        .and_hms_opt(10, 0, 0)
        .and_then(|t| t.and_local_timezone(zone).single());
    let late = late.expect("a late moment");
    for limit in [
        "30wd",
        "4294967295wd",
        "4294967295wh",
        "4294967295h",
        "4294967295d",
    ] {
        let limit = Limit::parse(limit).expect("a limit");
        assert_eq!(
            calendar.deadline(late, limit),
            Err(CalendarError::OutOfRange),
            "{limit}"
        );
    }
    let early = at("2025-03-03T10:00:00+08:00");
    assert_eq!(
        calendar.deadline(early, Limit::working_days(u32::MAX)),
        Err(CalendarError::OutOfRange)
    );
    // Moments whose local time in the calendar's zone is out of range.
    let edge = DateTime::<chrono::Utc>::MAX_UTC.fixed_offset();
    assert_eq!(
        calendar.deadline(edge, Limit::hours(0)),
        Err(CalendarError::OutOfRange)
    );
    assert_eq!(
        calendar.next_working_moment(edge),
        Err(CalendarError::OutOfRange)
    );
    assert!(!calendar.is_working_time(edge));
    assert_eq!(calendar.working_minutes_between(early, edge), 0);
}

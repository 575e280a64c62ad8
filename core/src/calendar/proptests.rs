//! Properties of the working-time arithmetic, and a minute-by-minute reference for it.

use chrono::{DateTime, Duration, FixedOffset, NaiveDate, NaiveDateTime, Timelike, Weekday};
use proptest::prelude::*;

use super::tests::{at, cn};
use super::{Calendar, Limit, WorkingPeriod};

/// 2024-12-25 00:00 in Beijing; the generated moments run two years from here.
fn origin() -> DateTime<FixedOffset> {
    at("2024-12-25T00:00:00+08:00")
}

fn moment(minutes: i64, seconds: i64) -> DateTime<FixedOffset> {
    origin() + Duration::minutes(minutes) + Duration::seconds(seconds)
}

/// Whether the minute starting at `t` (calendar-local) is working time, from the
/// definitions alone.
fn reference_minute(calendar: &Calendar, t: NaiveDateTime) -> bool {
    let minute = t.hour() * 60 + t.minute();
    calendar.is_working_day(t.date())
        && calendar
            .periods()
            .iter()
            .any(|p| p.start_minute() <= minute && minute < p.end_minute())
}

fn local(calendar: &Calendar, t: DateTime<FixedOffset>) -> NaiveDateTime {
    t.with_timezone(&calendar.zone()).naive_local()
}

/// The deadline found by walking minute by minute (`start` on a whole minute).
fn reference_deadline(
    calendar: &Calendar,
    start: DateTime<FixedOffset>,
    minutes: u32,
) -> NaiveDateTime {
    let mut t = local(calendar, start);
    let mut left = minutes;
    while left > 0 {
        if !calendar.is_working_day(t.date()) {
            t = next_midnight(t);
            continue;
        }
        if reference_minute(calendar, t) {
            left -= 1;
        }
        t += Duration::minutes(1);
    }
    t
}

fn next_midnight(t: NaiveDateTime) -> NaiveDateTime {
    t.date().and_time(chrono::NaiveTime::MIN) + Duration::days(1)
}

/// Working minutes in `[from, to)` counted one by one (both on whole minutes).
fn reference_between(
    calendar: &Calendar,
    from: DateTime<FixedOffset>,
    to: DateTime<FixedOffset>,
) -> i64 {
    let (mut t, end) = (local(calendar, from), local(calendar, to));
    let mut count = 0;
    while t < end {
        count += i64::from(reference_minute(calendar, t));
        t += Duration::minutes(1);
    }
    count
}

/// A random valid calendar: some weekdays, one to three periods, and listed dates in the
/// first two months after the origin.
fn any_calendar() -> impl Strategy<Value = Calendar> {
    let bounds = proptest::collection::btree_set(0u32..=48, 2..=6);
    let dates = || proptest::collection::btree_set(0u64..60, 0..12);
    (1u8..128, bounds, dates(), dates(), -12i32..=14).prop_filter_map(
        "a valid calendar",
        |(mask, bounds, holidays, make_ups, hours)| {
            // Half-hour steps; 48 is midnight at the end of the day.
            let clock = |half_hours: u32| {
                chrono::NaiveTime::from_hms_opt(half_hours / 2 % 24, half_hours % 2 * 30, 0)
            };
            let bounds: Vec<u32> = bounds.into_iter().collect();
            let periods: Option<Vec<WorkingPeriod>> = bounds
                .chunks_exact(2)
                .map(|pair| WorkingPeriod::new(clock(pair[0])?, clock(pair[1])?).ok())
                .collect();
            let weekdays = (0..7u8)
                .filter(|i| mask & (1 << i) != 0)
                .filter_map(|i| Weekday::try_from(i).ok());
            let zone = FixedOffset::east_opt(hours * 3600)?;
            let first = NaiveDate::from_ymd_opt(2024, 12, 25)?;
            let day = |n: &u64| first.checked_add_days(chrono::Days::new(*n));
            let make_ups: Vec<NaiveDate> = make_ups.difference(&holidays).filter_map(day).collect();
            let holidays: Vec<NaiveDate> = holidays.iter().filter_map(day).collect();
            Calendar::new(zone, weekdays, periods?)
                .ok()
                .map(|c| c.with_holidays(holidays, make_ups))
        },
    )
}

proptest! {
    #[test]
    fn deadlines_compose(minutes in 0i64..2 * 366 * 1440, seconds in 0i64..60, a in 0u32..120, b in 0u32..120) {
        let calendar = cn();
        let start = moment(minutes, seconds);
        let whole = calendar.deadline(start, Limit::working_hours(a + b));
        let half = calendar.deadline(start, Limit::working_hours(a));
        let parts = half.and_then(|t| calendar.deadline(t, Limit::working_hours(b)));
        prop_assert_eq!(whole, parts);
    }

    #[test]
    fn the_clock_counts_what_the_deadline_consumed(minutes in 0i64..2 * 366 * 1440, seconds in 0i64..60, n in 0u32..400) {
        let calendar = cn();
        let start = moment(minutes, seconds);
        let end = calendar.deadline(start, Limit::working_hours(n));
        prop_assert!(end.is_ok());
        if let Ok(end) = end {
            prop_assert!(end >= start);
            prop_assert_eq!(calendar.working_minutes_between(start, end), i64::from(n) * 60);
            prop_assert_eq!(calendar.working_minutes_between(end, start), -i64::from(n) * 60);
        }
    }

    #[test]
    fn working_days_are_days_of_working_minutes(minutes in 0i64..2 * 366 * 1440, n in 0u32..40) {
        let calendar = cn();
        let start = moment(minutes, 0);
        let by_days = calendar.deadline(start, Limit::working_days(n));
        prop_assert_eq!(by_days, calendar.deadline(start, Limit::working_hours(n * 8)));
    }

    #[test]
    fn deadlines_match_the_minute_by_minute_walk(
        calendar in any_calendar(),
        minutes in 0i64..50 * 1440,
        n in 0u32..1500,
    ) {
        let start = moment(minutes, 0);
        let due = calendar.after_working_minutes(start, u64::from(n));
        prop_assert!(due.is_ok());
        if let Ok(due) = due {
            prop_assert_eq!(due.offset(), &calendar.zone());
            let reference = reference_deadline(&calendar, start, n);
            prop_assert_eq!(due.naive_local(), reference);
        }
    }

    #[test]
    fn working_minutes_match_the_minute_by_minute_count(
        calendar in any_calendar(),
        from in 0i64..50 * 1440,
        span in 0i64..25 * 1440,
    ) {
        let (a, b) = (moment(from, 0), moment(from + span, 0));
        let count = calendar.working_minutes_between(a, b);
        prop_assert_eq!(count, reference_between(&calendar, a, b));
        let next = calendar.next_working_moment(a);
        prop_assert!(next.is_ok());
        if let Ok(next) = next {
            prop_assert!(calendar.is_working_time(next));
            prop_assert_eq!(calendar.working_minutes_between(a, next), 0);
            prop_assert_eq!(calendar.is_working_time(a), next == a);
        }
    }
}

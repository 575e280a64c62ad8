//! Deadlines and working minutes on a calendar without holidays and on the real 2025–2026
//! tables.

use chrono::{DateTime, FixedOffset, NaiveDate, Weekday};

use super::*;

pub(super) fn at(text: &str) -> DateTime<FixedOffset> {
    DateTime::parse_from_rfc3339(text).expect("a test time")
}

pub(super) fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("a test date")
}

pub(super) fn due(calendar: &Calendar, start: &str, limit: &str) -> String {
    let limit: Limit = limit.parse().expect("a test limit");
    calendar
        .deadline(at(start), limit)
        .expect("a deadline")
        .to_rfc3339()
}

/// The 2025 and 2026 tables in one calendar: the default.
pub(super) fn cn() -> Calendar {
    Calendar::default()
}

/// The 2025 table alone.
pub(super) fn cn_2025() -> Calendar {
    load(r#"{"presets": ["cn-2025"]}"#).expect("the 2025 preset")
}

/// The default week and hours without holidays.
pub(super) fn plain() -> Calendar {
    Calendar::without_holidays()
}

pub(super) fn load(json: &str) -> Result<Calendar, String> {
    serde_json::from_str::<Calendar>(json).map_err(|e| e.to_string())
}

#[test]
fn the_2025_table_loads_with_the_default_week() {
    let calendar = cn_2025();
    assert_eq!(calendar.holidays().len(), 28);
    assert_eq!(calendar.make_up_days().len(), 5);
    assert_eq!(calendar.minutes_per_day(), 480);
    assert_eq!(calendar.zone().local_minus_utc(), 8 * 3600);
    assert!(calendar.validate().is_ok());
    assert!(cn().validate().is_ok());
}

#[test]
fn holidays_and_make_up_days_of_2025() {
    let calendar = cn_2025();
    assert!(calendar.is_working_day(date(2025, 1, 26)), "make-up Sunday");
    assert!(
        calendar.is_working_day(date(2025, 2, 8)),
        "make-up Saturday"
    );
    assert!(
        calendar.is_working_day(date(2025, 10, 11)),
        "make-up Saturday"
    );
    assert!(calendar.is_working_day(date(2025, 10, 9)));
    assert!(
        !calendar.is_working_day(date(2025, 10, 8)),
        "last day of National Day"
    );
    assert!(!calendar.is_working_day(date(2025, 1, 1)));
    assert!(!calendar.is_working_day(date(2025, 2, 4)));
    assert!(
        !calendar.is_working_day(date(2025, 10, 12)),
        "an ordinary Sunday"
    );
    assert!(!plain().is_working_day(date(2025, 1, 26)));
}

#[test]
fn one_working_day_across_spring_festival() {
    assert_eq!(
        due(&cn_2025(), "2025-01-27T10:00:00+08:00", "1wd"),
        "2025-02-05T10:00:00+08:00"
    );
    // Filed on the make-up Sunday: due Monday at the same time.
    assert_eq!(
        due(&cn_2025(), "2025-01-26T09:00:00+08:00", "1wd"),
        "2025-01-27T09:00:00+08:00"
    );
}

#[test]
fn working_hours_across_national_day() {
    let calendar = cn_2025();
    // 120 minutes on 30 Sep, then 180 on 9 Oct.
    assert_eq!(
        due(&calendar, "2025-09-30T16:00:00+08:00", "5wh"),
        "2025-10-09T11:30:00+08:00"
    );
    // 15 working days from Friday 26 Sep count the make-up days 28 Sep and 11 Oct.
    assert_eq!(
        due(&calendar, "2025-09-26T09:00:00+08:00", "15wd"),
        "2025-10-23T09:00:00+08:00"
    );
    assert_eq!(
        due(&calendar, "2025-09-30T18:00:00+08:00", "1wh"),
        "2025-10-09T09:30:00+08:00"
    );
    let next = calendar.next_working_moment(at("2025-09-30T18:00:00+08:00"));
    assert_eq!(
        next.map(|t| t.to_rfc3339()),
        Ok("2025-10-09T08:30:00+08:00".into())
    );
}

#[test]
fn working_minutes_across_holidays() {
    let calendar = cn_2025();
    let (from, to) = (
        at("2025-09-30T09:00:00+08:00"),
        at("2025-10-09T09:00:00+08:00"),
    );
    assert_eq!(calendar.working_minutes_between(from, to), 180 + 270 + 30);
    assert_eq!(calendar.working_minutes_between(to, from), -480);
    // Only the make-up Sunday and Monday fall between these two moments.
    let (from, to) = (
        at("2025-01-24T18:00:00+08:00"),
        at("2025-02-05T08:30:00+08:00"),
    );
    assert_eq!(calendar.working_minutes_between(from, to), 960);
    // A whole year: 365 days − 104 weekend days − 18 weekday holidays + 5 make-up days.
    let (from, to) = (
        at("2025-01-01T00:00:00+08:00"),
        at("2026-01-01T00:00:00+08:00"),
    );
    assert_eq!(calendar.working_minutes_between(from, to), 248 * 480);
}

#[test]
fn the_2026_table() {
    let calendar = cn();
    assert!(calendar.is_working_day(date(2026, 1, 4)));
    assert!(calendar.is_working_day(date(2026, 2, 28)));
    assert!(!calendar.is_working_day(date(2026, 2, 23)));
    assert!(!calendar.is_working_day(date(2026, 9, 25)));
    // Friday before the nine-day Spring Festival: the make-up Saturday counts.
    assert_eq!(
        due(&calendar, "2026-02-13T10:00:00+08:00", "2wd"),
        "2026-02-24T10:00:00+08:00"
    );
    // New Year 2026: 31 Dec 2025 is a Wednesday; the next working day is Sunday 4 Jan.
    assert_eq!(
        due(&calendar, "2025-12-31T17:00:00+08:00", "2wh"),
        "2026-01-04T09:30:00+08:00"
    );
}

#[test]
fn landing_on_the_end_of_a_period_stays_there() {
    let calendar = plain();
    // 3 March 2025 is a Monday.
    assert_eq!(
        due(&calendar, "2025-03-03T08:30:00+08:00", "8wh"),
        "2025-03-03T18:00:00+08:00"
    );
    let noon = calendar.after_working_minutes(at("2025-03-03T08:30:00+08:00"), 210);
    assert_eq!(
        noon.map(|t| t.to_rfc3339()),
        Ok("2025-03-03T12:00:00+08:00".into())
    );
    assert_eq!(
        due(&calendar, "2025-03-03T08:30:00+08:00", "4wh"),
        "2025-03-03T14:00:00+08:00"
    );
    assert_eq!(
        due(&calendar, "2025-03-03T08:30:00+08:00", "1wd"),
        "2025-03-03T18:00:00+08:00"
    );
}

#[test]
fn starting_outside_working_time() {
    let calendar = plain();
    assert_eq!(
        due(&calendar, "2025-03-03T12:30:00+08:00", "1wh"),
        "2025-03-03T14:30:00+08:00"
    );
    assert_eq!(
        due(&calendar, "2025-03-03T07:00:00+08:00", "1wh"),
        "2025-03-03T09:30:00+08:00"
    );
    assert_eq!(
        due(&calendar, "2025-03-03T19:00:00+08:00", "1wh"),
        "2025-03-04T09:30:00+08:00"
    );
    // Saturday and Sunday.
    assert_eq!(
        due(&calendar, "2025-03-08T10:00:00+08:00", "2wh"),
        "2025-03-10T10:30:00+08:00"
    );
    assert_eq!(
        due(&calendar, "2025-03-09T15:00:00+08:00", "1wd"),
        "2025-03-10T18:00:00+08:00"
    );
    assert_eq!(
        due(&calendar, "2025-03-03T10:00:00+08:00", "1wd"),
        "2025-03-04T10:00:00+08:00"
    );
    // Friday afternoon, 10 working days: two weeks later.
    assert_eq!(
        due(&calendar, "2025-03-07T15:00:00+08:00", "10wd"),
        "2025-03-21T15:00:00+08:00"
    );
}

#[test]
fn seconds_are_kept() {
    let calendar = plain();
    let start = "2025-03-03T11:59:30.25+08:00";
    assert_eq!(
        due(&calendar, start, "1wh"),
        "2025-03-03T14:29:30.250+08:00"
    );
    let end = calendar
        .deadline(at(start), Limit::working_hours(1))
        .expect("a deadline");
    assert_eq!(calendar.working_minutes_between(at(start), end), 60);
    let short = at("2025-03-03T09:04:59+08:00");
    assert_eq!(
        calendar.working_minutes_between(at("2025-03-03T09:00:00+08:00"), short),
        4
    );
}

#[test]
fn a_zero_limit_is_the_start() {
    let calendar = plain();
    for limit in [
        Limit::working_hours(0),
        Limit::working_days(0),
        Limit::hours(0),
        Limit::days(0),
    ] {
        let saturday = at("2025-03-08T23:15:00+08:00");
        assert_eq!(calendar.deadline(saturday, limit), Ok(saturday));
    }
    let utc = at("2025-03-08T15:15:00Z");
    assert_eq!(
        due(&calendar, "2025-03-08T15:15:00Z", "0wh"),
        "2025-03-08T23:15:00+08:00"
    );
    assert_eq!(calendar.deadline(utc, Limit::days(0)), Ok(utc));
}

#[test]
fn natural_hours_and_days_ignore_the_calendar() {
    let calendar = cn_2025();
    assert_eq!(
        due(&calendar, "2025-03-07T17:00:00+08:00", "24h"),
        "2025-03-08T17:00:00+08:00"
    );
    assert_eq!(
        due(&calendar, "2025-03-07T17:00:00+08:00", "3d"),
        "2025-03-10T17:00:00+08:00"
    );
    assert_eq!(
        due(&calendar, "2025-09-30T16:00:00+08:00", "2d"),
        "2025-10-02T16:00:00+08:00"
    );
    assert_eq!(
        due(&calendar, "2025-09-30T16:00:00Z", "1h"),
        "2025-10-01T01:00:00+08:00"
    );
}

#[test]
fn other_zones_are_converted() {
    let calendar = plain();
    // 01:00 UTC is 09:00 in Beijing.
    assert_eq!(
        due(&calendar, "2025-03-03T01:00:00Z", "1wh"),
        "2025-03-03T10:00:00+08:00"
    );
    // Sunday 20:00 in New York is Monday 09:00 in Beijing.
    assert_eq!(
        due(&calendar, "2025-03-02T20:00:00-05:00", "1wh"),
        "2025-03-03T10:00:00+08:00"
    );
    assert!(
        calendar.is_working_time(at("2025-03-03T01:00:00Z")),
        "09:00 in Beijing"
    );
    assert!(
        !calendar.is_working_time(at("2025-03-03T05:00:00Z")),
        "13:00 is lunch"
    );
    let in_utc: Calendar = load(r#"{"zone": "Z"}"#).expect("a UTC calendar");
    assert_eq!(
        due(&in_utc, "2025-03-03T09:00:00+08:00", "1wh"),
        "2025-03-03T09:30:00+00:00"
    );
}

#[test]
fn working_time_and_the_next_working_moment() {
    let calendar = cn_2025();
    assert!(calendar.is_working_time(at("2025-03-03T08:30:00+08:00")));
    assert!(calendar.is_working_time(at("2025-03-03T17:59:59+08:00")));
    assert!(!calendar.is_working_time(at("2025-03-03T12:00:00+08:00")));
    assert!(!calendar.is_working_time(at("2025-03-03T18:00:00+08:00")));
    assert!(!calendar.is_working_time(at("2025-03-08T10:00:00+08:00")));
    assert!(calendar.is_working_time(at("2025-01-26T10:00:00+08:00")));
    let next = |t| calendar.next_working_moment(at(t)).map(|t| t.to_rfc3339());
    assert_eq!(
        next("2025-03-07T18:00:00+08:00"),
        Ok("2025-03-10T08:30:00+08:00".into())
    );
    assert_eq!(
        next("2025-03-07T12:10:00+08:00"),
        Ok("2025-03-07T13:30:00+08:00".into())
    );
    assert_eq!(
        next("2025-03-07T02:10:00Z"),
        Ok("2025-03-07T10:10:00+08:00".into())
    );
}

#[test]
fn a_whole_day_period_runs_like_natural_time() {
    let all_week = [
        Weekday::Mon,
        Weekday::Tue,
        Weekday::Wed,
        Weekday::Thu,
        Weekday::Fri,
        Weekday::Sat,
        Weekday::Sun,
    ];
    let whole_day = WorkingPeriod::parse("00:00", "24:00").expect("a period");
    let zone = FixedOffset::east_opt(8 * 3600).expect("+08:00");
    let calendar = Calendar::new(zone, all_week, [whole_day]).expect("a 7×24 calendar");
    assert_eq!(calendar.minutes_per_day(), 1440);
    assert_eq!(
        due(&calendar, "2025-03-03T10:00:00+08:00", "30wh"),
        "2025-03-04T16:00:00+08:00"
    );
    assert_eq!(
        due(&calendar, "2025-03-03T10:00:00+08:00", "2wd"),
        "2025-03-05T10:00:00+08:00"
    );
    assert_eq!(
        due(&calendar, "2025-03-03T10:00:00+08:00", "14wh"),
        "2025-03-04T00:00:00+08:00"
    );
}

use chrono::{DateTime, FixedOffset, NaiveDate, NaiveTime, Weekday};

use super::*;
use crate::error::ErrorKind;

const CN_2025: &str = include_str!("../../../tests/fixtures/calendar/cn-2025.json");
const CN_2026: &str = include_str!("../../../tests/fixtures/calendar/cn-2026.json");

pub(super) fn at(text: &str) -> DateTime<FixedOffset> {
    DateTime::parse_from_rfc3339(text).expect("a test time")
}

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("a test date")
}

fn due(calendar: &Calendar, start: &str, limit: &str) -> String {
    let limit: Limit = limit.parse().expect("a test limit");
    calendar
        .deadline(at(start), limit)
        .expect("a deadline")
        .to_rfc3339()
}

/// The 2025 and 2026 tables in one calendar.
pub(super) fn cn() -> Calendar {
    let both: Calendar = serde_json::from_str(CN_2026).expect("cn-2026.json loads");
    cn_2025().with_holidays(both.holidays().to_vec(), both.make_up_days().to_vec())
}

fn cn_2025() -> Calendar {
    serde_json::from_str(CN_2025).expect("cn-2025.json loads")
}

fn load(json: &str) -> Result<Calendar, String> {
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
    assert!(!Calendar::default().is_working_day(date(2025, 1, 26)));
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
    let calendar = Calendar::default();
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
    let calendar = Calendar::default();
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
    let calendar = Calendar::default();
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
    let calendar = Calendar::default();
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
    let calendar = Calendar::default();
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
fn limits_parse_and_display() {
    for (text, limit) in [
        ("5wh", Limit::working_hours(5)),
        ("15wd", Limit::working_days(15)),
        ("24h", Limit::hours(24)),
        ("3d", Limit::days(3)),
        ("0wh", Limit::working_hours(0)),
    ] {
        assert_eq!(text.parse::<Limit>(), Ok(limit));
        assert_eq!(limit.to_string(), text);
        assert_eq!(Limit::parse(&limit.to_string()), Ok(limit));
    }
    assert_eq!(Limit::parse(" 7 WH "), Ok(Limit::working_hours(7)));
    for bad in [
        "",
        "wh",
        "5",
        "5x",
        "-1wh",
        "5.5wh",
        "99999999999wh",
        "5 w h",
        "５wh",
    ] {
        let error = Limit::parse(bad).expect_err(bad);
        assert_eq!(
            (error.code(), error.kind()),
            ("bad_limit", ErrorKind::Invalid)
        );
    }
    let json = serde_json::to_string(&Limit::working_days(15)).expect("serialises");
    assert_eq!(json, r#"{"amount":15,"unit":"working_days"}"#);
    assert_eq!(
        serde_json::from_str::<Limit>(&json).ok(),
        Some(Limit::working_days(15))
    );
    assert_eq!(
        serde_json::from_str::<Limit>(r#""24h""#).ok(),
        Some(Limit::hours(24))
    );
    assert!(serde_json::from_str::<Limit>(r#""24y""#).is_err());
    assert!(serde_json::from_str::<Limit>(r#"{"amount":1,"unit":"weeks"}"#).is_err());
}

#[test]
fn json_round_trips_and_defaults() {
    assert_eq!(load("{}"), Ok(Calendar::default()));
    let text = serde_json::to_string(&Calendar::default()).expect("serialises");
    assert_eq!(
        text,
        r#"{"zone":"+08:00","weekdays":["mon","tue","wed","thu","fri"],"hours":[["08:30","12:00"],["13:30","18:00"]],"holidays":[],"make_up_days":[]}"#
    );
    let calendar = cn();
    let again = load(&serde_json::to_string(&calendar).expect("serialises"));
    assert_eq!(again, Ok(calendar));
    let six_days = load(
        r#"{"weekdays": ["Monday","tue","wed","thu","fri","sat"], "hours": [["9:00","24:00"]]}"#,
    )
    .expect("a six-day calendar");
    assert_eq!(six_days.minutes_per_day(), 900);
    assert!(six_days.is_working_day(date(2025, 3, 8)));
    assert_eq!(six_days.periods()[0].to_string(), "09:00–24:00");
    assert_eq!(
        due(&six_days, "2025-03-08T23:00:00+08:00", "2wh"),
        "2025-03-10T10:00:00+08:00"
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

#[test]
fn bad_calendars_are_refused() {
    let refused = |json: &str, words: &str| {
        let message = load(json).expect_err(json);
        assert!(message.contains(words), "{json}: {message}");
    };
    refused(
        r#"{"hours": [["08:30","12:00"],["11:00","18:00"]]}"#,
        "not overlap",
    );
    refused(
        r#"{"hours": [["13:30","18:00"],["08:30","12:00"]]}"#,
        "in order",
    );
    refused(
        r#"{"hours": [["12:00","08:30"]]}"#,
        "must start before it ends",
    );
    refused(
        r#"{"hours": [["08:30","08:30"]]}"#,
        "must start before it ends",
    );
    refused(
        r#"{"hours": [["08:30","25:00"]]}"#,
        "\"25:00\" is not a time of day",
    );
    refused(
        r#"{"hours": [["24:00","24:00"]]}"#,
        "\"24:00\" is not a time of day",
    );
    refused(r#"{"hours": [["8.30","12:00"]]}"#, "not a time of day");
    refused(r#"{"hours": []}"#, "no working time");
    refused(r#"{"weekdays": []}"#, "no working time");
    refused(r#"{"weekdays": ["funday"]}"#, "\"funday\" is not one of");
    refused(r#"{"zone": "+25:00"}"#, "not a UTC offset");
    refused(r#"{"zone": "Asia/Shanghai"}"#, "not a UTC offset");
    refused(
        r#"{"holidays": ["2025-02-30"]}"#,
        "holiday \"2025-02-30\" is not a date",
    );
    refused(
        r#"{"holidays": ["2025-01-26"], "make_up_days": ["2025-01-26"]}"#,
        "2025-01-26 is listed both",
    );
    refused(r#"{"holiday": ["2025-01-01"]}"#, "unknown field");

    let zone = FixedOffset::east_opt(8 * 3600).expect("+08:00");
    let morning = WorkingPeriod::parse("08:30", "12:00").expect("a period");
    let no_days = Calendar::new(zone, [], [morning]);
    assert_eq!(no_days.map_err(|e| e.code()), Err("no_working_time"));
    let odd_zone = FixedOffset::east_opt(8 * 3600 + 30).expect("an offset");
    let odd = Calendar::new(odd_zone, [Weekday::Mon], [morning]).map_err(|e| e.code());
    assert_eq!(odd, Err("bad_zone"));
    let seconds = NaiveTime::from_hms_opt(12, 0, 30).expect("a time");
    let period = WorkingPeriod::new(NaiveTime::MIN, seconds).map_err(|e| e.code());
    assert_eq!(period, Err("bad_period"));

    let both = Calendar::default().with_holidays([date(2025, 1, 26)], [date(2025, 1, 26)]);
    let error = both.validate().expect_err("a date in both lists");
    assert_eq!(error, CalendarError::HolidayAndMakeUpDay(date(2025, 1, 26)));
    assert_eq!(
        (error.code(), error.kind()),
        ("holiday_and_make_up_day", ErrorKind::Invalid)
    );
    // Arithmetic still works on it: the make-up day wins.
    assert!(both.is_working_day(date(2025, 1, 26)));
}

#[test]
fn no_working_time_is_an_error_not_a_loop() {
    let start = at("2025-03-03T10:00:00+08:00");
    // Built by hand: the public constructors refuse such calendars.
    let mut idle = Calendar::default();
    idle.weekdays = WeekdaySet(0);
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
    let closed = Calendar::default().with_holidays(days, []);
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

#[test]
fn error_codes_are_stable() {
    let errors = [
        (CalendarError::BadZone("x".into()), "bad_zone"),
        (CalendarError::BadWeekday("x".into()), "bad_weekday"),
        (CalendarError::BadTime("x".into()), "bad_time"),
        (
            CalendarError::BadPeriod {
                start: "a".into(),
                end: "b".into(),
            },
            "bad_period",
        ),
        (
            CalendarError::OverlappingPeriods {
                first: "a".into(),
                second: "b".into(),
            },
            "overlapping_periods",
        ),
        (
            CalendarError::BadDate {
                what: "holiday",
                value: "x".into(),
            },
            "bad_date",
        ),
        (
            CalendarError::HolidayAndMakeUpDay(date(2025, 1, 1)),
            "holiday_and_make_up_day",
        ),
        (CalendarError::NoWorkingTime, "no_working_time"),
        (
            CalendarError::NoWorkingDayWithin {
                after: date(2025, 1, 1),
                days: 1,
            },
            "no_working_day",
        ),
        (CalendarError::OutOfRange, "date_out_of_range"),
        (CalendarError::BadLimit("x".into()), "bad_limit"),
    ];
    for (error, code) in errors {
        assert_eq!((error.code(), error.kind()), (code, ErrorKind::Invalid));
    }
}

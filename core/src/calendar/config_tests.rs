//! Text and JSON forms: limits, calendars, and the errors of bad ones.

use chrono::{FixedOffset, NaiveTime, Weekday};

use super::tests::{cn, date, due, load};
use super::*;
use crate::error::ErrorKind;

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
        r#"{"zone":"+08:00","weekdays":["mon","tue","wed","thu","fri"],"hours":[["08:30","12:00"],["13:30","18:00"]],"presets":["cn-2025","cn-2026"],"holidays":[],"make_up_days":[],"covered_years":[],"strict":false}"#
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
    refused(r#"{"weekdays": [], "presets": []}"#, "no working time");
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
        (CalendarError::UnknownPreset("x".into()), "unknown_preset"),
        (
            CalendarError::UncoveredYear { year: 2027 },
            "uncovered_year",
        ),
    ];
    for (error, code) in errors {
        assert_eq!((error.code(), error.kind()), (code, ErrorKind::Invalid));
    }
}

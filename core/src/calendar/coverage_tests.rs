//! Deadlines across the holidays of 2025 and 2026 on the default calendar, the years a
//! calendar covers, the warnings of the others, strict calendars, and presets in JSON.

use super::tests::{at, cn, date, due, load, plain};
use super::*;

#[test]
fn one_working_day_across_spring_festival_2026() {
    let calendar = cn();
    // Saturday 14 February is the last working day before the break (a make-up day):
    // 390 minutes that day, the other 90 on Tuesday 24 February, the first after it.
    assert_eq!(
        due(&calendar, "2026-02-14T10:00:00+08:00", "1wd"),
        "2026-02-24T10:00:00+08:00"
    );
    // Filed after hours on that Saturday: the whole of the 24th.
    assert_eq!(
        due(&calendar, "2026-02-14T18:30:00+08:00", "1wd"),
        "2026-02-24T18:00:00+08:00"
    );
    // The make-up Saturdays count as working days.
    assert_eq!(
        due(&calendar, "2026-02-13T10:00:00+08:00", "1wd"),
        "2026-02-14T10:00:00+08:00"
    );
    assert_eq!(
        due(&calendar, "2026-02-27T10:00:00+08:00", "1wd"),
        "2026-02-28T10:00:00+08:00"
    );
    // Without the table the holiday would count: due on Monday 16 February.
    assert_eq!(
        due(&plain(), "2026-02-14T10:00:00+08:00", "1wd"),
        "2026-02-16T18:00:00+08:00"
    );
    // 15 working days from Monday 9 February: 9–13, 14, 24–27, 28, 2–5 March.
    assert_eq!(
        due(&calendar, "2026-02-09T09:00:00+08:00", "15wd"),
        "2026-03-06T09:00:00+08:00"
    );
}

#[test]
fn one_working_day_across_every_break_of_2026() {
    let calendar = cn();
    for (filed, expected) in [
        // 元旦: Wednesday 31 December to the make-up Sunday 4 January.
        ("2025-12-31T10:00:00+08:00", "2026-01-04T10:00:00+08:00"),
        // 清明: Friday 3 April to Tuesday 7 April.
        ("2026-04-03T10:00:00+08:00", "2026-04-07T10:00:00+08:00"),
        // 劳动节: Thursday 30 April to Wednesday 6 May; the make-up Saturday 9 May.
        ("2026-04-30T10:00:00+08:00", "2026-05-06T10:00:00+08:00"),
        ("2026-05-08T10:00:00+08:00", "2026-05-09T10:00:00+08:00"),
        // 端午: Thursday 18 June to Monday 22 June.
        ("2026-06-18T10:00:00+08:00", "2026-06-22T10:00:00+08:00"),
        // 中秋: Thursday 24 September to Monday 28 September.
        ("2026-09-24T10:00:00+08:00", "2026-09-28T10:00:00+08:00"),
        // 国庆: the make-up Sunday 20 September; Wednesday 30 September to Thursday
        // 8 October; Friday 9 October to the make-up Saturday 10 October.
        ("2026-09-19T10:00:00+08:00", "2026-09-20T18:00:00+08:00"),
        ("2026-09-30T10:00:00+08:00", "2026-10-08T10:00:00+08:00"),
        ("2026-10-09T10:00:00+08:00", "2026-10-10T10:00:00+08:00"),
    ] {
        assert_eq!(due(&calendar, filed, "1wd"), expected, "{filed}");
        let (_, warnings) = calendar
            .deadline_with_warnings(at(filed), Limit::working_days(1))
            .expect("a deadline");
        assert!(warnings.is_empty(), "{filed}: {warnings:?}");
    }
}

#[test]
fn one_working_day_across_the_breaks_of_2025() {
    let calendar = cn();
    for (filed, expected) in [
        ("2024-12-31T10:00:00+08:00", "2025-01-02T10:00:00+08:00"),
        ("2025-01-27T10:00:00+08:00", "2025-02-05T10:00:00+08:00"),
        ("2025-02-07T10:00:00+08:00", "2025-02-08T10:00:00+08:00"),
        ("2025-04-03T10:00:00+08:00", "2025-04-07T10:00:00+08:00"),
        ("2025-04-25T10:00:00+08:00", "2025-04-27T10:00:00+08:00"),
        ("2025-04-30T10:00:00+08:00", "2025-05-06T10:00:00+08:00"),
        ("2025-05-30T10:00:00+08:00", "2025-06-03T10:00:00+08:00"),
        ("2025-09-26T10:00:00+08:00", "2025-09-28T10:00:00+08:00"),
        ("2025-09-30T10:00:00+08:00", "2025-10-09T10:00:00+08:00"),
        ("2025-10-10T10:00:00+08:00", "2025-10-11T10:00:00+08:00"),
    ] {
        assert_eq!(due(&calendar, filed, "1wd"), expected, "{filed}");
    }
}

#[test]
fn the_years_a_calendar_covers() {
    assert_eq!(cn().covered_years(), [2025, 2026]);
    assert!(cn().covers(2026) && !cn().covers(2024) && !cn().covers(2027));
    assert!(plain().covered_years().is_empty());
    // No presets, no dates: nothing covered.
    let bare = load(r#"{"presets": []}"#).expect("a calendar");
    assert_eq!(bare, plain());
    // A listed holiday or make-up day covers its year; so does a declared year.
    let listed = load(
        r#"{"presets": ["cn-2026"], "holidays": ["2027-02-08"], "make_up_days": ["2029-02-10"],
            "covered_years": [2030]}"#,
    )
    .expect("a calendar");
    assert_eq!(listed.covered_years(), [2026, 2027, 2029, 2030]);
    assert!(!listed.covers(2025) && !listed.covers(2028));
    let built = plain()
        .with_presets(["cn-2025"])
        .expect("a preset")
        .with_holidays([date(2031, 1, 1)], [])
        .with_covered_years([2032]);
    assert_eq!(built.covered_years(), [2025, 2031, 2032]);
}

#[test]
fn a_deadline_through_a_year_without_a_table_is_warned_of() {
    let calendar = cn();
    let warning = |year| CalendarWarning::UncoveredYear { year };
    // From the last week of 2026 into 2027: counted without 2027's holidays, and said so.
    let filed = at("2026-12-28T10:00:00+08:00");
    let (due, warnings) = calendar
        .deadline_with_warnings(filed, Limit::working_days(5))
        .expect("a deadline");
    assert_eq!(due.to_rfc3339(), "2027-01-04T10:00:00+08:00");
    assert_eq!(warnings, [warning(2027)]);
    assert_eq!(calendar.uncovered_years(filed, due), [2027]);
    // In either order, and naming each year in between.
    let far = at("2029-03-01T10:00:00+08:00");
    assert_eq!(calendar.uncovered_years(far, filed), [2027, 2028, 2029]);
    // From 2024 into 2025.
    let (_, warnings) = calendar
        .deadline_with_warnings(at("2024-12-30T10:00:00+08:00"), Limit::working_days(3))
        .expect("a deadline");
    assert_eq!(warnings, [warning(2024)]);
    // Within covered years, or in natural time: nothing to say.
    let (_, warnings) = calendar
        .deadline_with_warnings(at("2026-12-21T10:00:00+08:00"), Limit::working_days(5))
        .expect("a deadline");
    assert!(warnings.is_empty());
    let (_, warnings) = calendar
        .deadline_with_warnings(filed, Limit::days(10))
        .expect("a deadline");
    assert!(warnings.is_empty());
    // Without any table, every year is warned of.
    let (_, warnings) = plain()
        .deadline_with_warnings(at("2026-02-14T10:00:00+08:00"), Limit::working_days(1))
        .expect("a deadline");
    assert_eq!(warnings, [warning(2026)]);
    // The zone decides the year: 16:30 UTC on 31 December is 00:30 in Beijing.
    let new_year = at("2026-12-31T16:30:00Z");
    assert_eq!(calendar.uncovered_years(new_year, new_year), [2027]);
    let w = warning(2027);
    assert_eq!(w.code(), "uncovered_year");
    assert!(w.to_string().contains("2027"));
    let json = serde_json::to_string(&w).expect("serialises");
    assert_eq!(json, r#"{"code":"uncovered_year","year":2027}"#);
}

#[test]
fn a_strict_calendar_refuses_a_deadline_through_a_year_without_a_table() {
    let strict = load(r#"{"strict": true}"#).expect("a strict calendar");
    assert!(strict.is_strict() && !cn().is_strict());
    let refused = strict.deadline(at("2026-12-28T10:00:00+08:00"), Limit::working_days(5));
    assert_eq!(refused, Err(CalendarError::UncoveredYear { year: 2027 }));
    let error = refused.expect_err("refused");
    assert_eq!(
        (error.code(), error.kind()),
        ("uncovered_year", crate::error::ErrorKind::Invalid)
    );
    assert!(error.to_string().contains("2027"), "{error}");
    let start = at("2024-12-31T10:00:00+08:00");
    assert_eq!(
        strict.deadline(start, Limit::working_hours(1)),
        Err(CalendarError::UncoveredYear { year: 2024 })
    );
    assert_eq!(
        strict.next_working_moment(at("2026-12-31T18:00:00+08:00")),
        Err(CalendarError::UncoveredYear { year: 2027 })
    );
    // Within covered years it counts as the lenient calendar does; natural time is free.
    assert_eq!(
        due(&strict, "2026-02-14T10:00:00+08:00", "1wd"),
        "2026-02-24T10:00:00+08:00"
    );
    assert_eq!(
        due(&strict, "2026-12-28T10:00:00+08:00", "10d"),
        "2027-01-07T10:00:00+08:00"
    );
    assert_eq!(
        due(&strict, "2027-03-01T10:00:00+08:00", "0wd"),
        "2027-03-01T10:00:00+08:00"
    );
    // Listing 2027's New Year holiday, or declaring the year covered, lets it through.
    let listed = load(r#"{"strict": true, "holidays": ["2027-01-01"]}"#).expect("a calendar");
    assert_eq!(
        due(&listed, "2026-12-28T10:00:00+08:00", "5wd"),
        "2027-01-05T10:00:00+08:00"
    );
    let declared = load(r#"{"strict": true, "covered_years": [2027]}"#).expect("a calendar");
    assert_eq!(
        due(&declared, "2026-12-28T10:00:00+08:00", "5wd"),
        "2027-01-04T10:00:00+08:00"
    );
}

#[test]
fn presets_merge_with_listed_dates() {
    // A local extra day off after Spring Festival pushes the deadline one more day.
    let local =
        load(r#"{"presets": ["cn-2026"], "holidays": ["2026-02-24"]}"#).expect("a calendar");
    assert_eq!(
        due(&local, "2026-02-14T10:00:00+08:00", "1wd"),
        "2026-02-25T10:00:00+08:00"
    );
    assert_eq!(local.holidays().len(), 34);
    // Naming a preset twice, or the default's own, changes nothing.
    let twice = load(r#"{"presets": ["cn-2026", "cn-2026"]}"#).expect("a calendar");
    assert_eq!(
        twice,
        load(r#"{"presets": ["cn-2026"]}"#).expect("a calendar")
    );
    assert_eq!(
        load(r#"{"presets": ["cn-2026", "cn-2025"]}"#).map(|c| c.holidays().to_vec()),
        Ok(cn().holidays().to_vec())
    );
    // A listed make-up day on a preset's holiday is refused, as any date in both lists.
    let clash = load(r#"{"presets": ["cn-2026"], "make_up_days": ["2026-02-16"]}"#);
    assert!(
        clash
            .as_ref()
            .is_err_and(|m| m.contains("2026-02-16 is listed both")),
        "{clash:?}"
    );
}

#[test]
fn an_unknown_preset_is_refused_by_name() {
    let config = CalendarConfig {
        presets: vec!["cn-2025".into(), "cn-2099".into()],
        ..CalendarConfig::default()
    };
    let error = Calendar::try_from(config).expect_err("no such preset");
    assert_eq!(error, CalendarError::UnknownPreset("cn-2099".into()));
    assert_eq!(error.code(), "unknown_preset");
    assert!(error.to_string().contains("cn-2025, cn-2026"), "{error}");
    let message = load(r#"{"presets": ["cn-2099"]}"#).expect_err("no such preset");
    assert!(message.contains("\"cn-2099\""), "{message}");
    assert_eq!(
        plain().with_presets(["2026"]).map_err(|e| e.code()),
        Err("unknown_preset")
    );
}

#[test]
fn presets_round_trip_in_json_without_their_dates() {
    let json = r#"{"zone":"+08:00","weekdays":["mon","tue","wed","thu","fri"],"hours":[["08:30","12:00"],["13:30","18:00"]],"presets":["cn-2026"],"holidays":["2026-02-24","2027-02-08"],"make_up_days":[],"covered_years":[2028],"strict":true}"#;
    let calendar = load(json).expect("a calendar");
    assert_eq!(serde_json::to_string(&calendar).ok().as_deref(), Some(json));
    assert_eq!(load(json), Ok(calendar));
    // A listed date a preset also has is kept once, by the preset.
    let again =
        load(r#"{"presets": ["cn-2026"], "holidays": ["2026-02-16"]}"#).expect("a calendar");
    let config = CalendarConfig::from(again);
    assert!(config.holidays.is_empty(), "{:?}", config.holidays);
}

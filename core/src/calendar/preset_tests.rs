//! The presets hold the State Council's tables of 2025 and 2026 exactly as the notices
//! give them: every day off, every make-up working day, each break by name and length.

use chrono::{Datelike, NaiveDate, Weekday};

use super::tests::{at, cn, date, load};
use super::*;

/// The notices' days off (放假), weekends inside a break included, as written out when
/// they were published (国办发明电〔2024〕12号 and 〔2025〕7号).
const HOLIDAYS_2025: [&str; 28] = [
    "2025-01-01",
    "2025-01-28",
    "2025-01-29",
    "2025-01-30",
    "2025-01-31",
    "2025-02-01",
    "2025-02-02",
    "2025-02-03",
    "2025-02-04",
    "2025-04-04",
    "2025-04-05",
    "2025-04-06",
    "2025-05-01",
    "2025-05-02",
    "2025-05-03",
    "2025-05-04",
    "2025-05-05",
    "2025-05-31",
    "2025-06-01",
    "2025-06-02",
    "2025-10-01",
    "2025-10-02",
    "2025-10-03",
    "2025-10-04",
    "2025-10-05",
    "2025-10-06",
    "2025-10-07",
    "2025-10-08",
];
const MAKE_UP_2025: [&str; 5] = [
    "2025-01-26",
    "2025-02-08",
    "2025-04-27",
    "2025-09-28",
    "2025-10-11",
];
const HOLIDAYS_2026: [&str; 33] = [
    "2026-01-01",
    "2026-01-02",
    "2026-01-03",
    "2026-02-15",
    "2026-02-16",
    "2026-02-17",
    "2026-02-18",
    "2026-02-19",
    "2026-02-20",
    "2026-02-21",
    "2026-02-22",
    "2026-02-23",
    "2026-04-04",
    "2026-04-05",
    "2026-04-06",
    "2026-05-01",
    "2026-05-02",
    "2026-05-03",
    "2026-05-04",
    "2026-05-05",
    "2026-06-19",
    "2026-06-20",
    "2026-06-21",
    "2026-09-25",
    "2026-09-26",
    "2026-09-27",
    "2026-10-01",
    "2026-10-02",
    "2026-10-03",
    "2026-10-04",
    "2026-10-05",
    "2026-10-06",
    "2026-10-07",
];
const MAKE_UP_2026: [&str; 6] = [
    "2026-01-04",
    "2026-02-14",
    "2026-02-28",
    "2026-05-09",
    "2026-09-20",
    "2026-10-10",
];

fn dates(texts: &[&str]) -> Vec<NaiveDate> {
    texts
        .iter()
        .map(|t| NaiveDate::parse_from_str(t, "%Y-%m-%d").expect("a test date"))
        .collect()
}

fn preset(name: &str) -> &'static Preset {
    Preset::find(name).expect("a preset of the library")
}

/// A break by its name in the notice: first day, last day, days off, make-up days.
fn festival(p: &Preset, chinese: &str) -> (NaiveDate, NaiveDate, i64, Vec<NaiveDate>) {
    let b = p
        .breaks
        .iter()
        .find(|b| b.chinese == chinese)
        .expect(chinese);
    let days = (b.last - b.first).num_days() + 1;
    (b.first, b.last, days, b.make_up_days.to_vec())
}

#[test]
fn the_presets_are_found_by_name() {
    let names: Vec<&str> = PRESETS.iter().map(|p| p.name).collect();
    assert_eq!(names, ["cn-2025", "cn-2026"]);
    assert_eq!(preset("cn-2025").year, 2025);
    assert_eq!(preset(" CN-2026 ").year, 2026);
    assert!(Preset::find("cn-2027").is_none());
    assert!(Preset::find("2026").is_none());
    assert!(preset("cn-2025").notice.contains("国办发明电〔2024〕12号"));
    assert!(preset("cn-2026").notice.contains("国办发明电〔2025〕7号"));
}

#[test]
fn every_day_of_both_notices_is_there() {
    for (name, holidays, make_up) in [
        ("cn-2025", &HOLIDAYS_2025[..], &MAKE_UP_2025[..]),
        ("cn-2026", &HOLIDAYS_2026[..], &MAKE_UP_2026[..]),
    ] {
        let p = preset(name);
        assert_eq!(p.holidays().collect::<Vec<_>>(), dates(holidays), "{name}");
        assert_eq!(
            p.make_up_days().collect::<Vec<_>>(),
            dates(make_up),
            "{name}"
        );
        let alone = load(&format!(r#"{{"presets": ["{name}"]}}"#)).expect(name);
        assert_eq!(alone.holidays(), dates(holidays));
        assert_eq!(alone.make_up_days(), dates(make_up));
        assert_eq!(alone.covered_years(), [p.year]);
        // Every make-up day is a weekend day; every day of the table is of its year.
        for d in p.make_up_days() {
            assert!(matches!(d.weekday(), Weekday::Sat | Weekday::Sun), "{d}");
        }
        assert!(p
            .holidays()
            .chain(p.make_up_days())
            .all(|d| d.year() == p.year));
    }
    let both = cn();
    assert_eq!(both.holidays().len(), 28 + 33);
    assert_eq!(both.make_up_days().len(), 5 + 6);
    assert!(both.validate().is_ok());
}

#[test]
fn the_breaks_of_2025() {
    let p = preset("cn-2025");
    let d = |m, day| date(2025, m, day);
    assert_eq!(festival(p, "元旦"), (d(1, 1), d(1, 1), 1, vec![]));
    assert_eq!(
        festival(p, "春节"),
        (d(1, 28), d(2, 4), 8, vec![d(1, 26), d(2, 8)])
    );
    assert_eq!(festival(p, "清明节"), (d(4, 4), d(4, 6), 3, vec![]));
    assert_eq!(festival(p, "劳动节"), (d(5, 1), d(5, 5), 5, vec![d(4, 27)]));
    assert_eq!(festival(p, "端午节"), (d(5, 31), d(6, 2), 3, vec![]));
    assert_eq!(
        festival(p, "国庆节、中秋节"),
        (d(10, 1), d(10, 8), 8, vec![d(9, 28), d(10, 11)])
    );
    assert_eq!(p.breaks.len(), 6);
    // 春节 starts on New Year's Eve, a Tuesday; the make-up days are Sunday and Saturday.
    assert_eq!(d(1, 28).weekday(), Weekday::Tue);
    assert_eq!(d(1, 26).weekday(), Weekday::Sun);
    assert_eq!(d(2, 8).weekday(), Weekday::Sat);
}

#[test]
fn the_breaks_of_2026() {
    let p = preset("cn-2026");
    let d = |m, day| date(2026, m, day);
    assert_eq!(festival(p, "元旦"), (d(1, 1), d(1, 3), 3, vec![d(1, 4)]));
    assert_eq!(
        festival(p, "春节"),
        (d(2, 15), d(2, 23), 9, vec![d(2, 14), d(2, 28)])
    );
    assert_eq!(festival(p, "清明节"), (d(4, 4), d(4, 6), 3, vec![]));
    assert_eq!(festival(p, "劳动节"), (d(5, 1), d(5, 5), 5, vec![d(5, 9)]));
    assert_eq!(festival(p, "端午节"), (d(6, 19), d(6, 21), 3, vec![]));
    assert_eq!(festival(p, "中秋节"), (d(9, 25), d(9, 27), 3, vec![]));
    assert_eq!(
        festival(p, "国庆节"),
        (d(10, 1), d(10, 7), 7, vec![d(9, 20), d(10, 10)])
    );
    assert_eq!(p.breaks.len(), 7);
    // 春节 runs from a Sunday to a Monday, between two make-up Saturdays.
    assert_eq!(d(2, 15).weekday(), Weekday::Sun);
    assert_eq!(d(2, 23).weekday(), Weekday::Mon);
    assert_eq!(d(2, 14).weekday(), Weekday::Sat);
    assert_eq!(d(2, 28).weekday(), Weekday::Sat);
}

#[test]
fn the_breaks_are_in_order_and_apart() {
    for p in PRESETS {
        for pair in p.breaks.windows(2) {
            assert!(pair[0].last < pair[1].first, "{}: {}", p.name, pair[1].name);
        }
        for b in p.breaks {
            assert!(b.first <= b.last, "{}", b.name);
            // A make-up day lies outside its break, within a fortnight of it.
            for m in b.make_up_days {
                assert!(*m < b.first || *m > b.last, "{m}");
                let near =
                    (*m - b.first).num_days().abs() <= 14 || (*m - b.last).num_days().abs() <= 14;
                assert!(near, "{m} is far from {}", b.name);
            }
        }
    }
}

#[test]
fn each_year_has_248_working_days() {
    let calendar = cn();
    for year in [2025, 2026] {
        let from = at(&format!("{year}-01-01T00:00:00+08:00"));
        let to = at(&format!("{}-01-01T00:00:00+08:00", year + 1));
        // 2025: 365 − 104 weekend days − 18 weekday holidays + 5 make-up days.
        // 2026: 365 − 104 weekend days − 19 weekday holidays + 6 make-up days.
        assert_eq!(
            calendar.working_minutes_between(from, to),
            248 * 480,
            "{year}"
        );
    }
}

#[test]
fn the_default_calendar_knows_every_festival() {
    let calendar = Calendar::default();
    for (holiday, worked) in [
        (date(2025, 1, 1), date(2025, 1, 2)),
        (date(2025, 1, 31), date(2025, 1, 26)),
        (date(2025, 4, 4), date(2025, 4, 7)),
        (date(2025, 5, 5), date(2025, 4, 27)),
        (date(2025, 6, 2), date(2025, 6, 3)),
        (date(2025, 10, 8), date(2025, 10, 11)),
        (date(2026, 1, 2), date(2026, 1, 4)),
        (date(2026, 2, 23), date(2026, 2, 28)),
        (date(2026, 4, 6), date(2026, 4, 7)),
        (date(2026, 5, 4), date(2026, 5, 9)),
        (date(2026, 6, 19), date(2026, 6, 22)),
        (date(2026, 9, 25), date(2026, 9, 20)),
        (date(2026, 10, 7), date(2026, 10, 10)),
    ] {
        assert!(calendar.is_holiday(holiday), "{holiday}");
        assert!(!calendar.is_working_day(holiday), "{holiday}");
        assert!(calendar.is_working_day(worked), "{worked}");
    }
}

//! Case-handling indicators on RULES.md's vectors: 天门's 911 closed and 737 on time of
//! 972 due (93.72% and 75.82%), and satisfaction 70 / 20 / 10 → 90%; the rework rate over
//! requests closed at least once; a street's whistle rate watched against its band.

mod common;

use common::requests::*;
use common::{as_person, as_system};
use gridward::grid::Level;
use gridward::tasks::{
    ImportedRequest, Indicators, Location, OpenOrClosed, Period, Satisfaction, StreetBand,
    TaskCommand, TasksConfig, WhistleBand, WhistleBands, WhistleFlag,
};
use gridward::WardConfig;
use gridward_scenarios::at;
use rust_decimal::Decimal;

fn march() -> Period {
    Period {
        from: at("2026-03-01T00:00:00+08:00"),
        to: at("2026-04-01T00:00:00+08:00"),
    }
}

fn imported(id: usize, filed: &str, closed: Option<&str>) -> ImportedRequest {
    ImportedRequest {
        id: format!("t{id}"),
        category: "exposed_rubbish".into(),
        location: Location::Household(format!("{MICRO1}-{}", id % 3)),
        description: "暴露垃圾".into(),
        filed_at: at(filed),
        status: if closed.is_some() {
            OpenOrClosed::Closed
        } else {
            OpenOrClosed::Open
        },
        updated_at: closed.map(at),
        status_notes: String::new(),
        photos: vec![],
    }
}

#[test]
fn tianmen_closure_and_on_time_rates() {
    let mut w = world(WardConfig::default());
    let monday = "2026-03-02T09:00:00+08:00";
    let mut rows = Vec::new();
    // Filed Monday 09:00 with a limit of 1 working day: due Tuesday 09:00.
    for i in 0..737 {
        rows.push(imported(i, monday, Some("2026-03-02T15:00:00+08:00")));
    }
    for i in 737..911 {
        rows.push(imported(i, monday, Some("2026-03-05T10:00:00+08:00")));
    }
    // Still open past the limit: due, not closed.
    for i in 911..972 {
        rows.push(imported(i, monday, None));
    }
    // Open but not yet due at the end of March: not counted as due.
    for i in 972..982 {
        rows.push(imported(i, "2026-03-31T17:00:00+08:00", None));
    }
    // Filed in April: outside the period.
    for i in 982..990 {
        rows.push(imported(i, "2026-04-01T09:00:00+08:00", None));
    }
    w.execute(&as_system(monday), TaskCommand::Import { requests: rows })
        .unwrap();
    // Withdrawn requests are not due either.
    for i in 972..975 {
        let cancel = TaskCommand::Cancel {
            request: format!("t{i}"),
            reason: "重复反映".into(),
        };
        w.execute(&as_system("2026-03-31T18:00:00+08:00"), cancel)
            .unwrap();
    }
    let i = w.indicators(None, &march()).unwrap();
    assert_eq!(
        (i.filed, i.withdrawn, i.due, i.closed, i.closed_on_time),
        (982, 3, 972, 911, 737)
    );
    assert_eq!(i.closure_rate, Some(Decimal::new(9372, 2)));
    assert_eq!(i.on_time_rate, Some(Decimal::new(7582, 2)));
    assert_eq!(i.overdue, 61);
    // Scoped to the micro-grid, the same; scoped to the other micro-grid, nothing.
    let here = w.indicators(Some(common::code(MICRO1)), &march()).unwrap();
    assert_eq!(here.closure_rate, i.closure_rate);
    let there = w.indicators(Some(common::code(MICRO2)), &march()).unwrap();
    assert_eq!((there.filed, there.closure_rate), (0, None));
}

#[test]
fn satisfaction_counts_the_top_three_levels_of_those_rated() {
    let mut w = world(WardConfig::default());
    let levels = [
        (70, Satisfaction::VerySatisfied),
        (20, Satisfaction::Satisfied),
        (10, Satisfaction::Dissatisfied),
    ];
    let mut n = 0;
    for (count, level) in levels {
        for _ in 0..count {
            let id = format!("s{n}");
            n += 1;
            file(
                &mut w,
                "r1",
                "2026-03-02T09:00:00+08:00",
                &id,
                "exposed_rubbish",
                home1(),
            );
            let handle = TaskCommand::Handle {
                request: id.clone(),
                report: "ok".into(),
                photos: vec![],
            };
            w.execute(&as_person("w1", "2026-03-02T10:00:00+08:00"), handle)
                .unwrap();
            let verify = TaskCommand::Verify {
                request: id.clone(),
                passed: true,
                note: String::new(),
            };
            w.execute(&as_person("gl", "2026-03-02T11:00:00+08:00"), verify)
                .unwrap();
            let rate = TaskCommand::Rate {
                request: id.clone(),
                level,
                comment: String::new(),
            };
            w.execute(&as_person("r1", "2026-03-02T12:00:00+08:00"), rate)
                .unwrap();
        }
    }
    // Five more closed but never rated: excluded.
    for k in 0..5 {
        let id = format!("u{k}");
        file(
            &mut w,
            "r1",
            "2026-03-02T09:00:00+08:00",
            &id,
            "exposed_rubbish",
            home1(),
        );
    }
    let i = w.indicators(None, &march()).unwrap();
    assert_eq!((i.rated, i.satisfied), (100, 90));
    assert_eq!(i.satisfaction_rate, Some(Decimal::new(9000, 2)));
    // The ten bad ratings reopened their requests: rework is 10 of the 100 closed at
    // least once, the ten still open among them (not 10 of the 90 still closed).
    assert_eq!(i.reopened, 10);
    assert_eq!((i.closed, i.closed_once), (90, 100));
    assert_eq!(i.rework_rate, Some(Decimal::new(1000, 2)));
}

/// A ward whose street's whistle rate is watched against `band` (or the default band
/// when the street has none of its own): three requests filed, departments called in on
/// `whistled` of them.
fn watched(default: (&str, &str), own: Option<(&str, &str)>, whistled: usize) -> Indicators {
    let band = |(low, high): (&str, &str)| {
        WhistleBand::new(low.parse().unwrap(), high.parse().unwrap()).unwrap()
    };
    let streets = own
        .map(|b| StreetBand {
            street: common::code(STREET),
            band: band(b),
        })
        .into_iter()
        .collect();
    let mut tasks = TasksConfig::default();
    tasks.whistle_bands = WhistleBands::new(band(default), streets).unwrap();
    let mut w = world(WardConfig::default().with_tasks(tasks));
    for n in 0..3 {
        let id = format!("b{n}");
        file(
            &mut w,
            "r1",
            "2026-03-02T09:00:00+08:00",
            &id,
            "exposed_rubbish",
            home1(),
        );
        if n < whistled {
            let whistle = TaskCommand::Whistle {
                request: id,
                departments: vec!["cg".into()],
                reason: "联合执法".into(),
            };
            w.execute(&as_person("sa", "2026-03-02T10:00:00+08:00"), whistle)
                .unwrap();
        }
    }
    let street = w.indicators(Some(common::code(STREET)), &march()).unwrap();
    // The street's row of the breakdown by street says the same.
    assert_eq!(
        w.indicators_by(Level::Street, &march()),
        vec![street.clone()]
    );
    // Units other than streets, and the whole ward, carry no band.
    let community = w
        .indicators(Some(common::code(COMMUNITY)), &march())
        .unwrap();
    assert_eq!(
        (community.whistle_band, community.whistle_flag),
        (None, None)
    );
    street
}

#[test]
fn a_streets_whistle_rate_is_flagged_outside_its_band_both_ways() {
    // One of three: 33.33%.
    let inside = watched(("10", "40"), None, 1);
    assert_eq!(inside.whistle_rate, Some(Decimal::new(3333, 2)));
    assert_eq!(
        inside.whistle_band.map(|b| b.high()),
        Some(Decimal::from(40))
    );
    assert_eq!(inside.whistle_flag, None);
    // The street's own band overrides the default.
    let high = watched(("10", "40"), Some(("0", "20")), 1);
    assert_eq!(high.whistle_flag, Some(WhistleFlag::TooHigh));
    assert_eq!(high.whistle_band.map(|b| b.high()), Some(Decimal::from(20)));
    let low = watched(("40", "60"), None, 0);
    assert_eq!(low.whistle_rate, Some(Decimal::ZERO));
    assert_eq!(low.whistle_flag, Some(WhistleFlag::TooLow));
    // The default band is the whole range: nothing is flagged.
    let mut w = world(WardConfig::default());
    file(
        &mut w,
        "r1",
        "2026-03-02T09:00:00+08:00",
        "d0",
        "exposed_rubbish",
        home1(),
    );
    let street = w.indicators(Some(common::code(STREET)), &march()).unwrap();
    assert_eq!(street.whistle_band, Some(WhistleBand::FULL));
    assert_eq!(street.whistle_flag, None);
}

//! A city simulated district by district: each district in a ward of its own gives the
//! same requests as beside the others in one ward, and the districts' counts merge to
//! exactly the one ward's. The policy's rules change the figures; bad shapes and
//! policies are refused naming the field.

use gridward::grid::Level;
use gridward::sim::{CityShape, DistrictReport, DistrictRun, Policy};
use gridward::tasks::{merge_counts, IndicatorCounts};
use gridward::{Error, Ward};
use gridward_scenarios::at;

fn run(district: u16, policy: Policy) -> DistrictRun {
    DistrictRun {
        shape: CityShape::SMALL,
        district,
        start: at("2026-03-02T08:30:00+08:00"),
        days: 14,
        requests: 600,
        seed: 7,
        policy,
        level: Level::Community,
        journal: false,
        period_days: None,
    }
}

fn without_unit(rows: impl IntoIterator<Item = IndicatorCounts>) -> Vec<IndicatorCounts> {
    rows.into_iter()
        .map(|c| IndicatorCounts { unit: None, ..c })
        .collect()
}

#[test]
fn districts_apart_merge_to_the_city_in_one_ward() {
    let policy = Policy {
        max_open_claims: Some(1),
        ..Policy::default()
    };
    let parts: Vec<_> = (0..2)
        .map(|d| run(d, policy.clone()).run().unwrap())
        .collect();
    assert!(parts
        .iter()
        .all(|p| p.outcome.requests == 600 && p.whole.open > 0));

    // The same districts, built side by side in one ward and simulated there.
    let mut city = Ward::new(run(0, policy.clone()).config());
    for d in 0..2 {
        run(d, policy.clone()).build(&mut city).unwrap();
    }
    for (d, part) in parts.iter().enumerate() {
        let outcome = run(d as u16, policy.clone()).simulate(&mut city).unwrap();
        assert_eq!(outcome, part.outcome);
    }
    let period = run(0, policy.clone()).period();

    // Unit by unit: every community of both districts.
    let merged = merge_counts(parts.iter().flat_map(|p| &p.counts));
    assert_eq!(merged, city.indicator_counts_by(Level::Community, &period));
    // The whole: the districts' counts merged, and the rates computed after merging.
    let whole = merge_counts(&without_unit(parts.iter().map(|p| p.whole.clone())));
    assert_eq!(whole[0], city.indicator_counts(None, &period).unwrap());
    assert_eq!(
        whole[0].indicators(),
        city.indicators(None, &period).unwrap()
    );
}

#[test]
fn the_same_seed_gives_the_same_district() {
    let a = run(1, Policy::default()).run().unwrap();
    let b = run(1, Policy::default()).run().unwrap();
    assert_eq!(a, b);
    let other = run(0, Policy::default()).run().unwrap();
    assert_ne!(a.digest, other.digest);
    let reseeded = DistrictRun {
        seed: 8,
        ..run(1, Policy::default())
    }
    .run()
    .unwrap();
    assert_ne!(a.whole, reseeded.whole);
}

#[test]
fn a_district_travels_as_its_journal() {
    let spec = DistrictRun {
        journal: true,
        ..run(0, Policy::default())
    };
    let report = spec.run().unwrap();
    let text = report.journal.as_deref().unwrap();
    let again = Ward::from_jsonl(spec.config(), text).unwrap();
    assert_eq!(again.state_digest(), report.digest);
    assert_eq!(again.head(), report.head);
    assert_eq!(
        again.indicator_counts_by(Level::Community, &spec.period()),
        report.counts
    );

    // Without the journal asked for, the entries are dropped as the days go: the same
    // report in every figure, head and entry count included, and no journal.
    let lean = DistrictRun {
        journal: false,
        ..spec
    }
    .run()
    .unwrap();
    assert_eq!((lean.journal, lean.config), (None, None));
    assert_eq!(
        DistrictReport {
            journal: report.journal.clone(),
            config: report.config.clone(),
            ..lean
        },
        report
    );
}

#[test]
fn the_policy_moves_the_figures() {
    let base = run(0, Policy::default()).run().unwrap();
    let tight = run(
        0,
        Policy {
            resolution_limit: Some("1wd".parse().unwrap()),
            max_open_claims: Some(1),
            failed_verification_percent: 30,
            bad_rating_percent: 20,
            ..Policy::default()
        },
    )
    .run()
    .unwrap();
    let (b, t) = (base.whole.indicators(), tight.whole.indicators());
    assert!(t.on_time_rate < b.on_time_rate, "{t:?} {b:?}");
    assert!(t.rework_rate > b.rework_rate);
    assert!(tight.outcome.failed_verifications > 0);
    let over = |r: &gridward::sim::DistrictReport| r.outcome.refused.get("claim_limit").copied();
    assert!(over(&tight) > over(&base));
}

#[test]
fn bad_shapes_and_policies_are_refused_naming_the_field() {
    let field = |e: Error| match e {
        Error::Input(i) => i.field,
        other => panic!("{other:?}"),
    };
    let mut spec = run(0, Policy::default());
    spec.shape.streets = 0;
    assert_eq!(field(spec.run().unwrap_err()), "shape.streets");
    let mut spec = run(0, Policy::default());
    spec.shape.max_households = 10;
    assert_eq!(field(spec.run().unwrap_err()), "shape.max_households");
    assert_eq!(
        field(run(2, Policy::default()).run().unwrap_err()),
        "district"
    );
    // Bounds that keep a run within what one ward can hold and one call can finish.
    let mut spec = run(0, Policy::default());
    spec.shape = CityShape {
        streets: 399,
        communities: 399,
        ..CityShape::SMALL
    };
    assert_eq!(field(spec.run().unwrap_err()), "shape");
    for (days, requests, period_days, at) in [
        (0, 10, None, "days"),
        (gridward::sim::MAX_DAYS + 1, 10, None, "days"),
        (10, gridward::sim::MAX_REQUESTS + 1, None, "requests"),
        (10, 10, Some(0), "period_days"),
    ] {
        let spec = DistrictRun {
            days,
            requests,
            period_days,
            ..run(0, Policy::default())
        };
        assert_eq!(field(spec.run().unwrap_err()), at);
    }
    let policy = Policy {
        claimable_percent: 70,
        ..Policy::default()
    };
    assert_eq!(
        field(run(0, policy).run().unwrap_err()),
        "policy.claimable_percent"
    );
}

#[test]
fn periods_count_each_request_once_as_it_stood_at_its_periods_end() {
    let spec = DistrictRun {
        period_days: Some(4),
        journal: true,
        ..run(0, Policy::default())
    };
    let report = spec.run().unwrap();
    // 14 filing days in periods of 4: 4, 4, 4 and 2 days.
    let days: Vec<i64> = report
        .periods
        .iter()
        .map(|p| (p.period.to - p.period.from).num_days())
        .collect();
    assert_eq!(days, [4, 4, 4, 2]);
    let filed: u64 = report.periods.iter().map(|p| p.whole.filed).sum();
    assert_eq!(filed, report.whole.filed);
    // A period's counts are the ward's at that period, seen from its end.
    let ward = Ward::from_jsonl(spec.config(), report.journal.as_deref().unwrap()).unwrap();
    for p in &report.periods {
        assert_eq!(
            ward.indicator_counts_by(Level::Community, &p.period),
            p.counts
        );
        let open_at_end: u64 = p.counts.iter().map(|c| c.open).sum();
        assert_eq!(open_at_end, p.whole.open);
    }
    assert!(run(0, Policy::default()).run().unwrap().periods.is_empty());
}

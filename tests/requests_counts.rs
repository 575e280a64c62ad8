//! The counts behind the indicators merge exactly: a simulated month on a small city is
//! counted by district, by street and by community, each part's rows are merged, and the
//! merged counts give the whole ward's counts, and their rates its indicators. A period
//! that ends while requests are still open makes every count count.

use gridward::grid::{Level, NodeCode};
use gridward::tasks::{merge_counts, IndicatorCounts, Indicators, Period};
use gridward::Ward;
use gridward_scenarios::at;
use gridward_scenarios::city::Shape;
use gridward_scenarios::requests::{requests_city, simulate};

fn month() -> (Ward, Period) {
    let (mut ward, sites) = requests_city(&Shape::SMALL, at("2026-01-05T08:00:00+08:00")).unwrap();
    simulate(
        &mut ward,
        &sites,
        at("2026-03-02T08:30:00+08:00"),
        30,
        3000,
        11,
    )
    .unwrap();
    // Ends a fortnight in: some requests are still open, some overdue, some unrated.
    let period = Period {
        from: at("2026-03-01T00:00:00+08:00"),
        to: at("2026-03-16T00:00:00+08:00"),
    };
    (ward, period)
}

/// The rows merged into one, each row's unit dropped.
fn merged(rows: impl IntoIterator<Item = IndicatorCounts>) -> IndicatorCounts {
    let parts: Vec<IndicatorCounts> = rows
        .into_iter()
        .map(|c| IndicatorCounts { unit: None, ..c })
        .collect();
    let mut out = merge_counts(&parts);
    assert_eq!(out.len(), 1);
    out.remove(0)
}

#[test]
fn the_parts_counts_merge_to_the_whole() {
    let (ward, period) = month();
    let whole = ward.indicator_counts(None, &period).unwrap();
    assert!(
        whole.open > 0 && whole.overdue > 0 && whole.closed > 0,
        "{whole:?}"
    );
    assert!(whole.reopened > 0 && whole.whistled > 0 && whole.rated < whole.filed);
    assert!(whole.rated_by_level[0] > 0 && whole.rated_by_level[3] > 0);

    let districts: Vec<IndicatorCounts> = (0..Shape::SMALL.districts)
        .map(|d| {
            ward.indicator_counts(Some(Shape::district(d).unwrap()), &period)
                .unwrap()
        })
        .collect();
    assert!(districts
        .iter()
        .all(|c| c.filed > 0 && c.filed < whole.filed));
    assert_eq!(merged(districts), whole);
    for level in [
        Level::Street,
        Level::Community,
        Level::Grid,
        Level::MicroGrid,
    ] {
        assert_eq!(
            merged(ward.indicator_counts_by(level, &period)),
            whole,
            "{level:?}"
        );
    }
}

#[test]
fn rates_computed_after_merging_are_the_wards() {
    let (ward, period) = month();
    let rows = ward.indicator_counts_by(Level::Community, &period);
    let from_parts: Indicators = merged(rows.iter().cloned()).indicators();
    assert_eq!(from_parts, ward.indicators(None, &period).unwrap());
    // Averaging the communities' rates is not the ward's rate.
    let rates: Vec<_> = ward
        .indicators_by(Level::Community, &period)
        .iter()
        .filter_map(|i| i.on_time_rate)
        .collect();
    let mean =
        rates.iter().sum::<rust_decimal::Decimal>() / rust_decimal::Decimal::from(rates.len());
    assert_ne!(mean.round_dp(2), from_parts.on_time_rate.unwrap());
    // Each unit's counts give its indicators.
    let by_unit = ward.indicators_by(Level::Community, &period);
    for (counts, indicators) in rows.iter().zip(&by_unit) {
        assert_eq!(&counts.indicators(), indicators);
    }
}

#[test]
fn merging_is_unit_by_unit_in_any_order() {
    let (ward, period) = month();
    let rows = ward.indicator_counts_by(Level::Community, &period);
    // The same rows split into two parts, halves of each unit's counts impossible to
    // split, so: every row twice, in reverse order the second time.
    let mut parts = rows.clone();
    parts.extend(rows.iter().rev().cloned());
    let twice = merge_counts(&parts);
    assert_eq!(twice.len(), rows.len());
    for (m, r) in twice.iter().zip(&rows) {
        assert_eq!(m.unit, r.unit);
        assert_eq!(m.filed, 2 * r.filed);
        assert_eq!(m.rated_by_level, r.rated_by_level.map(|n| 2 * n));
    }
    // Rows of different units added together are of no one unit.
    let mut sum = rows[0].clone();
    sum += &rows[1];
    assert_eq!(sum.unit, None::<NodeCode>);
    assert_eq!(sum.filed, rows[0].filed + rows[1].filed);
}

use chrono::NaiveDate;
use rust_decimal::Decimal;

use super::*;

fn d(text: &str) -> Decimal {
    text.parse().unwrap()
}

fn day(text: &str) -> NaiveDate {
    text.parse().unwrap()
}

#[test]
fn national_star_vectors() {
    let p = StarProfile::national();
    let cut = p.cutoffs();
    for (hours, level) in [
        ("99.99", 0),
        ("100", 1),
        ("299.5", 1),
        ("300", 2),
        ("999", 3),
        ("1000", 4),
        ("1500", 5),
    ] {
        assert_eq!(p.level(d(hours)), level, "{hours} h");
        // The same in whole minutes (99.99 h is 5999.4 minutes: 5999 do not reach 100 h).
        let minutes = (d(hours) * Decimal::from(60)).floor();
        assert_eq!(cut.level(minutes.try_into().unwrap()), level, "{hours} h");
    }
    assert_eq!(cut.level(5999), 0);
    assert_eq!(cut.level(6000), 1);
}

#[test]
fn local_profile_and_validation() {
    let p = StarProfile::zhangjiagang();
    assert_eq!(p.level(d("29.5")), 0);
    assert_eq!(p.level(d("30")), 1);
    assert_eq!(p.level(d("299")), 4);
    assert_eq!(p.level(d("300")), 5);
    assert!(p.validate().is_ok());
    let mut bad = StarProfile::national();
    bad.thresholds = vec![d("100"), d("100")];
    assert_eq!(bad.validate().unwrap_err().code(), "bad_star_profile");
    bad.thresholds.clear();
    assert!(bad.validate().is_err());
}

#[test]
fn stepwise_grants_one_level_after_holding() {
    let mut p = StarProfile::national();
    p.progression = Progression::Stepwise { min_days_held: 30 };
    let cut = p.cutoffs();
    let jan = day("2026-01-01");
    // 700 h reach level 3, but a first grant gives one star.
    assert_eq!(cut.grant(700 * 60, 0, None, jan), 1);
    // Held 29 days: no change; 30 days: the next level.
    assert_eq!(cut.grant(700 * 60, 1, Some(jan), day("2026-01-30")), 1);
    assert_eq!(cut.grant(700 * 60, 1, Some(jan), day("2026-01-31")), 2);
    // Levels never go down, and direct profiles jump.
    assert_eq!(cut.grant(0, 2, Some(jan), day("2026-06-01")), 2);
    assert_eq!(
        StarProfile::national()
            .cutoffs()
            .grant(700 * 60, 0, None, jan),
        3
    );
}

#[test]
fn hours_rules() {
    let national = HoursRules::default();
    assert_eq!(national.record_minutes(90, 30), 90, "travel left out");
    let with_travel = HoursRules {
        exclude_travel: false,
        ..HoursRules::default()
    };
    assert_eq!(with_travel.record_minutes(90, 30), 120);
    let hailin = HoursRules::hailin();
    assert_eq!(hailin.record_minutes(150, 0), 120, "2 h per activity");
    assert_eq!(hailin.record_minutes(100, 0), 90, "half hours rounded down");
    assert_eq!(hailin.record_minutes(29, 0), 0);
    assert_eq!(hailin.counted(120, 0, 420), 60, "8 h a day");
    assert_eq!(hailin.counted(120, 0, 480), 0);
    let half_up = HoursRules {
        unit_minutes: Some(30),
        unit_rounding: UnitRounding::HalfUp,
        ..HoursRules::default()
    };
    assert_eq!(half_up.record_minutes(44, 0), 30);
    assert_eq!(half_up.record_minutes(45, 0), 60);
    let up = HoursRules {
        unit_minutes: Some(30),
        unit_rounding: UnitRounding::Up,
        ..HoursRules::default()
    };
    assert_eq!(up.record_minutes(31, 0), 60);
}

#[test]
fn satisfaction_vector() {
    // 70 very satisfied, 20 satisfied, 10 dissatisfied → 90%.
    assert_eq!(satisfaction_rate([70, 20, 0, 10, 0]), Some(d("90.00")));
    assert_eq!(satisfaction_rate([0, 0, 1, 0, 3]), Some(d("25.00")));
    assert_eq!(satisfaction_rate([0; 5]), None);
}

#[test]
fn handler_weights_skip_missing_rates() {
    let w = HandlerWeights::default();
    assert_eq!(
        w.score([Some(d("100")), Some(d("50")), None]),
        Some(d("75.00"))
    );
    assert_eq!(
        w.score([Some(d("90")), Some(d("80")), Some(d("100"))]),
        Some(d("91.00"))
    );
    assert_eq!(w.score([None, None, None]), None);
}

#[test]
fn months() {
    let m: Month = "2026-11".parse().unwrap();
    assert_eq!(m.to_string(), "2026-11");
    let range = Month::range(m, "2027-02".parse().unwrap()).unwrap();
    assert_eq!(range.len(), 4);
    assert_eq!(range[2].to_string(), "2027-01");
    assert!("2026-13".parse::<Month>().is_err());
    assert!("26-01".parse::<Month>().is_err());
    assert!(Month::range("2027-01".parse().unwrap(), m).is_err());
}

#[test]
fn hours_display_rounds_down() {
    assert_eq!(hours_of(5999).to_string(), "99.98");
    assert_eq!(hours_of(6000).to_string(), "100.00");
    assert_eq!(hours_of(20).to_string(), "0.33");
}

//! The coverage report: the Chengdu band of 30–100 households (inclusive), one party member
//! per micro-grid (holding a role there or living there), leaders per level, and
//! households outside any micro-grid — each rule configurable.

mod common;

use common::{add_households, add_units, code};
use gridward::grid::{CoverageRules, GridCommand, Level};
use gridward::{Actor, Context, Role, Ward, WardConfig};
use rust_decimal::Decimal;

fn build(sizes: &[u32]) -> Ward {
    let mut w = Ward::new(WardConfig::default());
    add_units(
        &mut w,
        &["510105", "510105001", "510105001001", "510105001001001"],
    );
    for (m, &n) in sizes.iter().enumerate() {
        let micro = format!("510105001001001{:03}", m + 1);
        add_units(&mut w, &[micro.as_str()]);
        add_households(&mut w, &micro, n);
    }
    w
}

#[test]
fn the_band_is_inclusive_at_30_and_100() {
    let w = build(&[29, 30, 100, 101]);
    let r = w.grid().coverage(None, &CoverageRules::default()).unwrap();
    let out: Vec<(String, u64)> = r
        .out_of_band
        .iter()
        .map(|o| (o.code.to_string(), o.households))
        .collect();
    assert_eq!(
        out,
        vec![
            ("510105001001001001".to_owned(), 29),
            ("510105001001001004".to_owned(), 101)
        ]
    );
    assert_eq!((r.households, r.micro_grids), (260, 4));
}

#[test]
fn a_party_member_counts_by_role_or_by_living_there() {
    let mut w = build(&[30, 30, 30]);
    let sys = Context::new(
        Actor::System,
        chrono::DateTime::parse_from_rfc3339("2026-01-05T09:00:00+08:00").unwrap(),
    );
    w.execute(
        &sys,
        GridCommand::AddPerson {
            id: "pm".into(),
            name: "党员".into(),
            phone: None,
            party_member: true,
        },
    )
    .unwrap();
    w.execute(
        &sys,
        GridCommand::GrantRole {
            person: "pm".into(),
            role: Role::ReportingPartyMember,
            unit: code("510105001001001001"),
        },
    )
    .unwrap();
    w.execute(
        &sys,
        GridCommand::AddPerson {
            id: "home".into(),
            name: "党员".into(),
            phone: None,
            party_member: true,
        },
    )
    .unwrap();
    w.execute(
        &sys,
        GridCommand::RegisterResident {
            person: "home".into(),
            household: "510105001001001002-3".into(),
        },
    )
    .unwrap();
    let r = w.grid().coverage(None, &CoverageRules::default()).unwrap();
    assert_eq!(r.without_party_member, vec![code("510105001001001003")]);
}

#[test]
fn leaders_are_required_per_level_and_rules_switch_off() {
    let mut w = build(&[30]);
    let sys = Context::new(
        Actor::System,
        chrono::DateTime::parse_from_rfc3339("2026-01-05T09:00:00+08:00").unwrap(),
    );
    w.execute(
        &sys,
        GridCommand::AddHousehold {
            id: "loose".into(),
            unit: code("510105001001"),
            area: Decimal::new(50, 0),
        },
    )
    .unwrap();
    let r = w.grid().coverage(None, &CoverageRules::default()).unwrap();
    let missing: Vec<(Level, Role)> = r.without_leader.iter().map(|m| (m.level, m.role)).collect();
    assert_eq!(
        missing,
        vec![
            (Level::Community, Role::ChiefGridLeader),
            (Level::Grid, Role::GridLeader),
            (Level::MicroGrid, Role::MicroGridWorker)
        ]
    );
    assert_eq!(r.unassigned_households, vec!["loose".to_owned()]);
    assert!(!r.is_clean());

    let off = CoverageRules::none();
    let r = w.grid().coverage(None, &off).unwrap();
    assert!(r.is_clean());
    assert_eq!(r.households, 31);
}

#[test]
fn a_subtree_is_checked_alone_and_an_unknown_scope_is_an_error() {
    let w = build(&[10, 50]);
    let r = w
        .grid()
        .coverage(Some(code("510105001001001002")), &CoverageRules::default())
        .unwrap();
    assert_eq!(
        (r.micro_grids, r.households, r.out_of_band.len()),
        (1, 50, 0)
    );
    let err = w
        .grid()
        .coverage(Some(code("510105002")), &CoverageRules::default())
        .unwrap_err();
    assert_eq!(err.code(), "unknown_unit");
}

//! A directive issued at a unit reaches every household below it; residents acknowledge
//! their own, workers the households they serve; progress is counted by unit.

mod common;

use common::{add_households, add_person, add_units, appoint, as_system, code};
use gridward::grid::{GridCommand, Level};
use gridward::{Actor, Context, Role, Ward, WardConfig};
use gridward_scenarios::at;
use rust_decimal::Decimal;

fn world() -> Ward {
    let mut w = Ward::new(WardConfig::default());
    add_units(
        &mut w,
        &[
            "510105",
            "510105001",
            "510105001001",
            "510105001001001",
            "510105001001002",
            "510105001001001001",
            "510105001001002001",
        ],
    );
    add_households(&mut w, "510105001001001001", 40);
    add_households(&mut w, "510105001001002001", 60);
    appoint(&mut w, "chief", Role::ChiefGridLeader, "510105001001");
    appoint(&mut w, "w1", Role::MicroGridWorker, "510105001001001001");
    add_person(&mut w, "r", false);
    let home = GridCommand::RegisterResident {
        person: "r".into(),
        household: "510105001001002001-7".into(),
    };
    w.execute(&as_system("2026-01-05T08:00:00+08:00"), home)
        .unwrap();
    w
}

#[test]
fn fan_out_acknowledgement_and_progress() {
    let mut w = world();
    let issue = GridCommand::IssueDirective {
        id: "d".into(),
        unit: code("510105001001"),
        title: "防汛通知".into(),
        due: Some(at("2026-01-05T12:00:00+08:00")),
    };
    w.execute(
        &Context::new(Actor::person("chief"), at("2026-01-05T10:00:00+08:00")),
        issue,
    )
    .unwrap();
    let p = w.grid().directive_progress("d").unwrap();
    assert_eq!(
        (p.targets, p.acknowledged, p.completion_rate),
        (100, 0, 0.0)
    );

    // The worker answers for the 40 households of their micro-grid, five minutes in.
    let mine: Vec<String> = (0..40).map(|h| format!("510105001001001001-{h}")).collect();
    let w1 = Context::new(Actor::person("w1"), at("2026-01-05T10:05:00+08:00"));
    w.execute(
        &w1,
        GridCommand::Acknowledge {
            directive: "d".into(),
            households: mine.clone(),
        },
    )
    .unwrap();
    // Not for a household elsewhere.
    let other = GridCommand::Acknowledge {
        directive: "d".into(),
        households: vec!["510105001001002001-1".into()],
    };
    assert_eq!(
        w.execute(&w1, other).unwrap_err().code(),
        "permission_denied"
    );
    // A resident answers for their own home, late.
    let r = Context::new(Actor::person("r"), at("2026-01-05T13:00:00+08:00"));
    w.execute(
        &r,
        GridCommand::Acknowledge {
            directive: "d".into(),
            households: vec!["510105001001002001-7".into()],
        },
    )
    .unwrap();
    // A retry is no error and changes nothing.
    let len = w.journal().len();
    let receipt = w
        .execute(
            &w1,
            GridCommand::Acknowledge {
                directive: "d".into(),
                households: mine,
            },
        )
        .unwrap();
    assert_eq!((receipt.seq, w.journal().len()), (None, len));

    let p = w.grid().directive_progress("d").unwrap();
    assert_eq!((p.targets, p.acknowledged, p.late), (100, 41, 1));
    assert!((p.completion_rate - 0.41).abs() < 1e-12);
    assert_eq!(
        (p.first_after_secs, p.last_after_secs),
        (Some(300), Some(10_800))
    );
    let by: Vec<(String, u64, u64)> = w
        .grid()
        .directive_progress_by("d", Level::Grid)
        .unwrap()
        .into_iter()
        .map(|u| (u.code.to_string(), u.targets, u.acknowledged))
        .collect();
    assert_eq!(
        by,
        vec![
            ("510105001001001".into(), 40, 40),
            ("510105001001002".into(), 60, 1)
        ]
    );
}

#[test]
fn households_added_later_are_not_targets_and_empty_units_get_no_directive() {
    let mut w = world();
    let sys = Context::new(Actor::System, at("2026-01-05T10:00:00+08:00"));
    w.execute(
        &sys,
        GridCommand::IssueDirective {
            id: "d".into(),
            unit: code("510105001001001"),
            title: "通知".into(),
            due: None,
        },
    )
    .unwrap();
    w.execute(
        &sys,
        GridCommand::AddHousehold {
            id: "late".into(),
            unit: code("510105001001001001"),
            area: Decimal::new(50, 0),
        },
    )
    .unwrap();
    let err = w
        .execute(
            &sys,
            GridCommand::Acknowledge {
                directive: "d".into(),
                households: vec!["late".into()],
            },
        )
        .unwrap_err();
    assert_eq!(err.code(), "not_a_target");
    w.execute(
        &sys,
        GridCommand::AddUnit {
            code: code("510105001001003"),
            name: "空".into(),
            domains: None,
        },
    )
    .unwrap();
    let err = w
        .execute(
            &sys,
            GridCommand::IssueDirective {
                id: "e".into(),
                unit: code("510105001001003"),
                title: "通知".into(),
                due: None,
            },
        )
        .unwrap_err();
    assert_eq!(err.code(), "no_households");
    let err = w
        .execute(
            &sys,
            GridCommand::IssueDirective {
                id: "d".into(),
                unit: code("510105001001"),
                title: "again".into(),
                due: None,
            },
        )
        .unwrap_err();
    assert_eq!(err.code(), "directive_exists");
}

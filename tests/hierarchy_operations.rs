//! Building, renaming, moving households, retiring units, and bulk import — all or nothing.

mod common;

use common::code;
use gridward::grid::{Domain, DomainSet, GridCommand, ImportRow};
use gridward::{Actor, Context, Ward, WardConfig};
use gridward_scenarios::{at, city};
use rust_decimal::Decimal;

fn sys() -> Context {
    Context::new(Actor::System, at("2026-01-05T08:00:00+08:00"))
}

fn unit_row(c: &str) -> ImportRow {
    ImportRow::Unit {
        code: code(c),
        parent: None,
        name: c.into(),
        domains: None,
    }
}

#[test]
fn import_takes_rows_in_any_order_and_builds_a_small_city() {
    let mut rows = city::district_rows(&city::Shape::SMALL, 0);
    rows.reverse();
    let mut w = Ward::new(WardConfig::default());
    let receipt = w.execute(&sys(), GridCommand::Import { rows }).unwrap();
    assert_eq!(receipt.seq, Some(1));
    let c = w.grid().counts(None).unwrap();
    assert_eq!(
        (
            c.districts,
            c.streets,
            c.communities,
            c.grids,
            c.micro_grids
        ),
        (1, 2, 6, 12, 36)
    );
    let tree = w.grid().subtree(city::Shape::district(0).unwrap()).unwrap();
    assert_eq!(tree.len(), 1 + 2 + 6 + 12 + 36);
    assert_eq!(tree[0].households, c.households);
    let sum_micro: u64 = tree
        .iter()
        .filter(|r| r.depth == 4)
        .map(|r| r.households)
        .sum();
    assert_eq!(sum_micro, c.households);
}

#[test]
fn a_bad_row_refuses_the_whole_import_and_names_the_row() {
    let mut w = Ward::new(WardConfig::default());
    let rows = vec![
        unit_row("510105"),
        unit_row("510105001"),
        ImportRow::Household {
            id: "h".into(),
            unit: code("510105001"),
            area: Decimal::new(50, 0),
        },
    ];
    let err = w.execute(&sys(), GridCommand::Import { rows }).unwrap_err();
    assert_eq!(err.code(), "wrong_level");
    assert!(err.to_string().starts_with("import row 2:"), "{err}");
    assert!(w.journal().is_empty());
    assert_eq!(w.grid().counts(None).unwrap().districts, 0);

    let mismatch = vec![ImportRow::Unit {
        code: code("510105001"),
        parent: Some(code("510106")),
        name: "s".into(),
        domains: None,
    }];
    let err = w
        .execute(&sys(), GridCommand::Import { rows: mismatch })
        .unwrap_err();
    assert_eq!(err.code(), "parent_mismatch");

    let dup = vec![unit_row("510105"), unit_row("510105")];
    assert_eq!(
        w.execute(&sys(), GridCommand::Import { rows: dup })
            .unwrap_err()
            .code(),
        "unit_exists"
    );
}

#[test]
fn move_retire_rename_and_domains() {
    let mut w = Ward::new(WardConfig::default());
    let rows: Vec<ImportRow> = [
        "510105",
        "510105001",
        "510105001001",
        "510105001001001",
        "510105001001001001",
        "510105001001001002",
    ]
    .into_iter()
    .map(unit_row)
    .chain((0..3).map(|h| ImportRow::Household {
        id: format!("h{h}"),
        unit: code("510105001001001001"),
        area: Decimal::new(7250, 2),
    }))
    .collect();
    w.execute(&sys(), GridCommand::Import { rows }).unwrap();
    let a = code("510105001001001001");
    let b = code("510105001001001002");

    // Retiring a micro-grid with households needs somewhere to put them.
    assert_eq!(
        w.execute(
            &sys(),
            GridCommand::RetireUnit {
                code: a,
                transfer_households_to: None
            }
        )
        .unwrap_err()
        .code(),
        "unit_not_empty"
    );
    assert_eq!(
        w.execute(
            &sys(),
            GridCommand::RetireUnit {
                code: a,
                transfer_households_to: Some(a)
            }
        )
        .unwrap_err()
        .code(),
        "bad_move"
    );
    let r = w
        .execute(
            &sys(),
            GridCommand::RetireUnit {
                code: a,
                transfer_households_to: Some(b),
            },
        )
        .unwrap();
    assert_eq!(r.events, 4);
    assert!(w.grid().unit(a).is_none());
    assert_eq!(w.grid().households_under(b).unwrap().len(), 3);
    // A grid with child units cannot be retired.
    let grid = code("510105001001001");
    assert_eq!(
        w.execute(
            &sys(),
            GridCommand::RetireUnit {
                code: grid,
                transfer_households_to: None
            }
        )
        .unwrap_err()
        .code(),
        "unit_not_empty"
    );

    assert_eq!(
        w.execute(
            &sys(),
            GridCommand::MoveHousehold {
                id: "h0".into(),
                to: b
            }
        )
        .unwrap_err()
        .code(),
        "bad_move"
    );
    w.execute(
        &sys(),
        GridCommand::MoveHousehold {
            id: "h0".into(),
            to: grid,
        },
    )
    .unwrap();
    assert_eq!(
        w.grid().household_unit(w.grid().household("h0").unwrap()),
        Some(grid)
    );

    w.execute(
        &sys(),
        GridCommand::RenameUnit {
            code: b,
            name: "2栋".into(),
        },
    )
    .unwrap();
    assert_eq!(w.grid().unit(b).unwrap().name(), "2栋");
    let only_fire = DomainSet::of(&[Domain::FireSafety]);
    w.execute(
        &sys(),
        GridCommand::SetDomains {
            code: b,
            domains: only_fire,
        },
    )
    .unwrap();
    let chain = w.grid().chain("h1", Domain::CivilAffairs).unwrap();
    assert!(
        chain.links.iter().all(|l| l.unit.code() != b),
        "b no longer answers for civil affairs"
    );
    let chain = w.grid().chain("h1", Domain::FireSafety).unwrap();
    assert_eq!(chain.links[0].unit.code(), b);
}

#[test]
fn bad_text_and_areas_are_refused() {
    let mut w = Ward::new(WardConfig::default());
    assert_eq!(
        w.execute(
            &sys(),
            GridCommand::AddUnit {
                code: code("510105"),
                name: " ".into(),
                domains: None
            }
        )
        .unwrap_err()
        .code(),
        "bad_text"
    );
    w.execute(
        &sys(),
        GridCommand::AddUnit {
            code: code("510105"),
            name: "区".into(),
            domains: None,
        },
    )
    .unwrap();
    for (c, n) in [("510105001", "s"), ("510105001001", "c")] {
        w.execute(
            &sys(),
            GridCommand::AddUnit {
                code: code(c),
                name: n.into(),
                domains: None,
            },
        )
        .unwrap();
    }
    let unit = code("510105001001");
    for area in [
        Decimal::ZERO,
        Decimal::new(-5, 0),
        Decimal::new(1001, 3),
        Decimal::new(100_000, 0),
    ] {
        let err = w
            .execute(
                &sys(),
                GridCommand::AddHousehold {
                    id: "h".into(),
                    unit,
                    area,
                },
            )
            .unwrap_err();
        assert_eq!(err.code(), "bad_area", "{area}");
    }
    // Trailing zeros are not extra precision.
    w.execute(
        &sys(),
        GridCommand::AddHousehold {
            id: "h".into(),
            unit,
            area: Decimal::new(72_500, 3),
        },
    )
    .unwrap();
    let err = w
        .execute(
            &sys(),
            GridCommand::AddPerson {
                id: "p".into(),
                name: "某".into(),
                phone: Some("call me".into()),
                party_member: false,
            },
        )
        .unwrap_err();
    assert_eq!(err.code(), "bad_text");
}

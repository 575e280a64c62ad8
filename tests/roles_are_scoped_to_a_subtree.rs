//! Permissions come from roles held at a unit and reach that unit's subtree only.

mod common;

use common::{add_person, add_units, appoint, code};
use gridward::grid::GridCommand;
use gridward::{Actor, Context, Role, Ward, WardConfig};
use rust_decimal::Decimal;

fn ctx(actor: Actor) -> Context {
    Context::new(
        actor,
        chrono::DateTime::parse_from_rfc3339("2026-01-05T08:00:00+08:00").unwrap(),
    )
}

fn world() -> Ward {
    let mut w = Ward::new(WardConfig::default());
    add_units(
        &mut w,
        &[
            "510105",
            "510105001",
            "510105001001",
            "510105001002",
            "510105001001001",
            "510105001002001",
        ],
    );
    appoint(&mut w, "staff-a", Role::CommunityStaff, "510105001001");
    appoint(&mut w, "worker-a", Role::GridLeader, "510105001001001");
    appoint(&mut w, "admin", Role::Administrator, "510105001");
    appoint(&mut w, "vol", Role::Volunteer, "510105001001");
    add_person(&mut w, "resident", false);
    w
}

fn grid_under(community: &str) -> GridCommand {
    GridCommand::AddUnit {
        code: code(&format!("{community}009")),
        name: "新网格".into(),
        domains: None,
    }
}

#[test]
fn staff_shape_their_own_community_only() {
    let mut w = world();
    let staff = ctx(Actor::person("staff-a"));
    assert!(w.execute(&staff, grid_under("510105001001")).is_ok());
    let err = w.execute(&staff, grid_under("510105001002")).unwrap_err();
    assert_eq!(err.code(), "permission_denied");
    assert!(err.to_string().contains("510105001002"), "{err}");
}

#[test]
fn residents_and_volunteers_change_no_structure() {
    let mut w = world();
    for who in ["resident", "vol"] {
        let head = w.head();
        let err = w
            .execute(&ctx(Actor::person(who)), grid_under("510105001001"))
            .unwrap_err();
        assert_eq!(err.code(), "permission_denied");
        assert_eq!(w.head(), head);
    }
}

#[test]
fn grid_leaders_keep_households_but_do_not_shape() {
    let mut w = world();
    let leader = ctx(Actor::person("worker-a"));
    let add = GridCommand::AddHousehold {
        id: "h1".into(),
        unit: code("510105001001001"),
        area: Decimal::new(80, 0),
    };
    assert!(w.execute(&leader, add).is_ok());
    let elsewhere = GridCommand::AddHousehold {
        id: "h2".into(),
        unit: code("510105001002001"),
        area: Decimal::new(80, 0),
    };
    assert_eq!(
        w.execute(&leader, elsewhere).unwrap_err().code(),
        "permission_denied"
    );
    let rename = GridCommand::RenameUnit {
        code: code("510105001001001"),
        name: "改".into(),
    };
    assert_eq!(
        w.execute(&leader, rename).unwrap_err().code(),
        "permission_denied"
    );
}

#[test]
fn only_the_platform_creates_districts_and_administrators_are_appointed_from_above() {
    let mut w = world();
    let admin = ctx(Actor::person("admin"));
    let district = GridCommand::AddUnit {
        code: code("510106"),
        name: "金牛区".into(),
        domains: None,
    };
    assert_eq!(
        w.execute(&admin, district).unwrap_err().code(),
        "permission_denied"
    );
    // An administrator of the street may not make someone administrator of that street…
    let same_level = GridCommand::GrantRole {
        person: "resident".into(),
        role: Role::Administrator,
        unit: code("510105001"),
    };
    assert_eq!(
        w.execute(&admin, same_level).unwrap_err().code(),
        "permission_denied"
    );
    // …but staff below it are theirs to appoint.
    let below = GridCommand::GrantRole {
        person: "resident".into(),
        role: Role::CommunityStaff,
        unit: code("510105001002"),
    };
    assert!(w.execute(&admin, below).is_ok());
}

#[test]
fn an_unknown_actor_is_refused() {
    let mut w = world();
    let err = w
        .execute(&ctx(Actor::person("ghost")), grid_under("510105001001"))
        .unwrap_err();
    assert_eq!(err.code(), "unknown_actor");
    assert_eq!(err.kind(), gridward::ErrorKind::PermissionDenied);
}

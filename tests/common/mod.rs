//! Random command sequences over a small world, for the property tests.

#![allow(dead_code)]

use chrono::{DateTime, Duration, FixedOffset};
use gridward::grid::{Domain, DomainSet, GridCommand, ImportRow, NodeCode};
use gridward::{Actor, Context, Role, Ward, WardConfig};
use proptest::prelude::*;

pub mod forge;
pub mod forgery;
pub mod fund;
pub mod invariants;
pub mod parity_wards;
pub mod requests;
use rust_decimal::Decimal;

/// Every unit code of the small world: 1 district, 2 streets, 4 communities, 8 grids,
/// 16 micro-grids.
pub fn codes() -> Vec<NodeCode> {
    let mut out = vec![NodeCode::parse("510105").unwrap()];
    let mut frontier = out.clone();
    for _ in 0..4 {
        let mut next = Vec::new();
        for c in &frontier {
            for part in 1..=2 {
                next.push(c.child(part).unwrap());
            }
        }
        out.extend(next.iter().copied());
        frontier = next;
    }
    out
}

fn any_code() -> impl Strategy<Value = NodeCode> {
    let all = codes();
    (0..all.len()).prop_map(move |i| all[i])
}

/// Indices into `codes()` of the units `seeded()` creates.
const SEEDED: [usize; 10] = [0, 1, 3, 4, 7, 9, 15, 16, 19, 20];

fn some_code() -> impl Strategy<Value = NodeCode> {
    let all = codes();
    let existing = all.clone();
    prop_oneof![
        2 => (0..all.len()).prop_map(move |i| all[i]),
        3 => (0..SEEDED.len()).prop_map(move |i| existing[SEEDED[i]]),
    ]
}

fn household() -> impl Strategy<Value = String> {
    (0..30u8).prop_map(|i| format!("h{i}"))
}

fn person() -> impl Strategy<Value = String> {
    (0..4u8).prop_map(|i| format!("p{i}"))
}

fn area() -> impl Strategy<Value = Decimal> {
    prop_oneof![
        8 => (1i64..20_000).prop_map(|n| Decimal::new(n, 2)),
        1 => Just(Decimal::ZERO),
        1 => Just(Decimal::new(1234, 3)),
    ]
}

fn role() -> impl Strategy<Value = Role> {
    (0..Role::ALL.len()).prop_map(|i| Role::ALL[i])
}

fn domains() -> impl Strategy<Value = DomainSet> {
    proptest::collection::vec(0..Domain::ALL.len(), 0..4)
        .prop_map(|v| v.into_iter().map(|i| Domain::ALL[i]).collect())
}

fn row() -> impl Strategy<Value = ImportRow> {
    prop_oneof![
        (some_code(), "[a-z]{1,6}").prop_map(|(code, name)| ImportRow::Unit {
            code,
            parent: None,
            name,
            domains: None
        }),
        (household(), some_code(), area()).prop_map(|(id, unit, area)| ImportRow::Household {
            id,
            unit,
            area
        }),
        (person(), proptest::option::of(household())).prop_map(|(id, household)| {
            ImportRow::Person {
                id,
                name: "某人".into(),
                phone: None,
                party_member: true,
                household,
            }
        }),
        (person(), role(), some_code()).prop_map(|(person, role, unit)| ImportRow::Role {
            person,
            role,
            unit
        }),
    ]
}

/// One random command.
pub fn command() -> impl Strategy<Value = GridCommand> {
    prop_oneof![
        6 => (any_code(), "[a-z]{1,6}").prop_map(|(code, name)| GridCommand::AddUnit { code, name, domains: None }),
        1 => (some_code(), "[a-z ]{0,4}").prop_map(|(code, name)| GridCommand::RenameUnit { code, name }),
        1 => (some_code(), domains()).prop_map(|(code, domains)| GridCommand::SetDomains { code, domains }),
        1 => (some_code(), proptest::option::of(some_code())).prop_map(|(code, t)| GridCommand::RetireUnit { code, transfer_households_to: t }),
        6 => (household(), some_code(), area()).prop_map(|(id, unit, area)| GridCommand::AddHousehold { id, unit, area }),
        2 => (household(), some_code()).prop_map(|(id, to)| GridCommand::MoveHousehold { id, to }),
        2 => ((0..6u8), any::<bool>()).prop_map(|(i, party_member)| GridCommand::AddPerson { id: format!("p{i}"), name: "某人".into(), phone: None, party_member }),
        1 => (person(), household()).prop_map(|(person, household)| GridCommand::RegisterResident { person, household }),
        3 => (person(), role(), some_code()).prop_map(|(person, role, unit)| GridCommand::GrantRole { person, role, unit }),
        1 => (person(), role(), some_code()).prop_map(|(person, role, unit)| GridCommand::RevokeRole { person, role, unit }),
        1 => ((0..3u8), some_code(), domains()).prop_map(|(i, street, domains)| GridCommand::AddDepartment { id: format!("d{i}"), name: "科".into(), street, domains }),
        1 => ((0..3u8), some_code()).prop_map(|(i, community)| GridCommand::AddPairedUnit { id: format!("u{i}"), name: "单位".into(), community }),
        1 => proptest::collection::vec(row(), 0..6).prop_map(|rows| GridCommand::Import { rows }),
        2 => ((0..3u8), some_code()).prop_map(|(i, unit)| GridCommand::IssueDirective { id: format!("r{i}"), unit, title: "通知".into(), due: None }),
        3 => ((0..3u8), proptest::collection::vec(household(), 0..5)).prop_map(|(i, households)| GridCommand::Acknowledge { directive: format!("r{i}"), households }),
    ]
}

/// One random step: who acts, the command, and an optional idempotency key.
pub fn step() -> impl Strategy<Value = (Option<u8>, GridCommand, Option<u8>)> {
    (
        proptest::option::weighted(0.3, 0..4u8),
        command(),
        proptest::option::weighted(0.1, 0..8u8),
    )
}

/// The context of step number `n`.
pub fn context(n: usize, actor: Option<u8>, key: Option<u8>) -> Context {
    let start: DateTime<FixedOffset> =
        DateTime::parse_from_rfc3339("2026-01-05T08:00:00+08:00").unwrap();
    let actor = actor.map_or(Actor::System, |p| Actor::person(format!("p{p}")));
    let mut ctx = Context::new(actor, start + Duration::minutes(n as i64 * 7));
    ctx.idempotency_key = key.map(|k| format!("k{k}"));
    ctx
}

/// A ward where half the small world exists already: the district, a street, two
/// communities with a grid and two micro-grids each, and people p0–p2 holding roles, so
/// that random commands meet something to act on.
pub fn seeded() -> Ward {
    let mut ward = Ward::new(WardConfig::default());
    let all = codes();
    let ctx = context(0, None, None);
    // District, first street, its two communities, their first grids, their micro-grids.
    for &i in &SEEDED {
        ward.execute(
            &ctx,
            GridCommand::AddUnit {
                code: all[i],
                name: format!("u{i}"),
                domains: None,
            },
        )
        .unwrap();
    }
    for p in 0..3 {
        ward.execute(
            &ctx,
            GridCommand::AddPerson {
                id: format!("p{p}"),
                name: "某人".into(),
                phone: None,
                party_member: p == 2,
            },
        )
        .unwrap();
    }
    let grants = [
        ("p0", Role::Administrator, 1usize),
        ("p1", Role::ChiefGridLeader, 3),
        ("p2", Role::MicroGridWorker, 15),
    ];
    for (person, role, unit) in grants {
        ward.execute(
            &ctx,
            GridCommand::GrantRole {
                person: person.into(),
                role,
                unit: all[unit],
            },
        )
        .unwrap();
    }
    for h in 0..8 {
        let unit = all[[15usize, 16, 19, 20][h % 4]];
        ward.execute(
            &ctx,
            GridCommand::AddHousehold {
                id: format!("h{h}"),
                unit,
                area: Decimal::new(7250, 2),
            },
        )
        .unwrap();
    }
    ward
}

/// Runs the steps on the seeded world, ignoring refusals, and returns the ward.
pub fn run(steps: &[(Option<u8>, GridCommand, Option<u8>)]) -> Ward {
    let mut ward = seeded();
    for (n, (actor, cmd, key)) in steps.iter().enumerate() {
        let _ = ward.execute(&context(n, *actor, *key), cmd.clone());
    }
    ward
}

/// A unit code written in a test.
pub fn code(s: &str) -> NodeCode {
    NodeCode::parse(s).unwrap()
}

/// The platform acting at an RFC 3339 time.
pub fn as_system(at: &str) -> Context {
    Context::new(Actor::System, DateTime::parse_from_rfc3339(at).unwrap())
}

/// A person acting at an RFC 3339 time.
pub fn as_person(id: &str, at: &str) -> Context {
    Context::new(Actor::person(id), DateTime::parse_from_rfc3339(at).unwrap())
}

const SETUP_AT: &str = "2026-01-05T08:00:00+08:00";

/// Creates units (named after their codes), parents first.
pub fn add_units(w: &mut Ward, codes: &[&str]) {
    for c in codes {
        let cmd = GridCommand::AddUnit {
            code: code(c),
            name: (*c).to_owned(),
            domains: None,
        };
        w.execute(&as_system(SETUP_AT), cmd).unwrap();
    }
}

/// Registers a person.
pub fn add_person(w: &mut Ward, id: &str, party_member: bool) {
    let cmd = GridCommand::AddPerson {
        id: id.into(),
        name: "某人".into(),
        phone: None,
        party_member,
    };
    w.execute(&as_system(SETUP_AT), cmd).unwrap();
}

/// Registers a person and gives them a role at a unit.
pub fn appoint(w: &mut Ward, id: &str, role: Role, unit: &str) {
    add_person(w, id, false);
    let cmd = GridCommand::GrantRole {
        person: id.into(),
        role,
        unit: code(unit),
    };
    w.execute(&as_system(SETUP_AT), cmd).unwrap();
}

/// Adds `n` households of 60 m² to a unit, with ids `{unit}-{i}`.
pub fn add_households(w: &mut Ward, unit: &str, n: u32) {
    for h in 0..n {
        let cmd = GridCommand::AddHousehold {
            id: format!("{unit}-{h}"),
            unit: code(unit),
            area: Decimal::new(60, 0),
        };
        w.execute(&as_system(SETUP_AT), cmd).unwrap();
    }
}

//! Unit tests of the party capability: the rules `decide` and replay share, the
//! single offices, stations and the weekly report.

use chrono::NaiveDate;
use rust_decimal::Decimal;

use super::{Office, Party, PartyCommand, PartyConfig, PartyEvent, Seat};
use crate::access::{Actor, Context, Role};
use crate::grid::{GridCommand, NodeCode};
use crate::{Ward, WardConfig};

const COMMUNITY: &str = "510107001001";
const COMPOUND: &str = "510107001001001";

fn code(c: &str) -> NodeCode {
    NodeCode::parse(c).unwrap()
}

fn day(m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, m, d).unwrap()
}

fn sys() -> Context {
    Context::new(Actor::System, "2026-03-31T09:00:00+08:00".parse().unwrap())
}

fn ward() -> Ward {
    let mut w = Ward::new(WardConfig::default());
    for (c, n) in [
        ("510107", "区"),
        ("510107001", "街道"),
        (COMMUNITY, "社区"),
        (COMPOUND, "小区"),
        ("510107001001001001", "1栋"),
    ] {
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
    for (id, party_member) in [("a", true), ("b", true), ("c", false), ("staff", false)] {
        w.execute(
            &sys(),
            GridCommand::AddPerson {
                id: id.into(),
                name: format!("{id}某"),
                phone: None,
                party_member,
            },
        )
        .unwrap();
    }
    w.execute(
        &sys(),
        GridCommand::GrantRole {
            person: "staff".into(),
            role: Role::CommunityStaff,
            unit: code(COMMUNITY),
        },
    )
    .unwrap();
    w.execute(
        &sys(),
        PartyCommand::SetUpBody {
            unit: code(COMMUNITY),
            name: "社区党委".into(),
            on: day(3, 1),
        },
    )
    .unwrap();
    w
}

fn refused(w: &mut Ward, command: impl Into<crate::Command>, code: &str) {
    let before = w.head();
    let e = w.execute(&sys(), command).unwrap_err();
    assert_eq!(e.code(), code, "{e}");
    assert_eq!(w.head(), before);
}

#[test]
fn a_new_secretary_leaves_the_old_one_a_member() {
    let mut w = ward();
    for p in ["a", "b"] {
        w.execute(
            &sys(),
            PartyCommand::Appoint {
                unit: code(COMMUNITY),
                person: p.into(),
                office: Office::Secretary,
            },
        )
        .unwrap();
    }
    let body = w.party().body(code(COMMUNITY)).unwrap();
    assert_eq!(body.secretary(), Some("b"));
    assert_eq!(body.roster.get("a"), Some(&Office::Member));
    refused(
        &mut w,
        PartyCommand::Appoint {
            unit: code(COMMUNITY),
            person: "c".into(),
            office: Office::Member,
        },
        "not_a_party_member",
    );
    refused(
        &mut w,
        PartyCommand::SetUpBody {
            unit: code("510107001"),
            name: "街道".into(),
            on: day(3, 1),
        },
        "no_party_body_at_level",
    );
}

#[test]
fn one_director_and_cross_appointment_is_reported() {
    let mut w = ward();
    w.execute(
        &sys(),
        PartyCommand::Appoint {
            unit: code(COMMUNITY),
            person: "a".into(),
            office: Office::Secretary,
        },
    )
    .unwrap();
    for (p, seat) in [("a", Seat::Director), ("c", Seat::Director)] {
        w.execute(
            &sys(),
            PartyCommand::Seat {
                community: code(COMMUNITY),
                person: p.into(),
                seat,
            },
        )
        .unwrap();
    }
    let two = w.party().two_committees(w.grid(), code(COMMUNITY)).unwrap();
    assert_eq!(two.cross_appointed, 1);
    assert_eq!(two.cross_share, Some(Decimal::new(5000, 2)));
    let seats = w.party().residents_committee(code(COMMUNITY)).unwrap();
    assert_eq!(seats.get("a"), Some(&Seat::Member));
    assert_eq!(seats.get("c"), Some(&Seat::Director));
}

#[test]
fn first_secretaries_do_not_overlap_and_a_recall_ends_the_term() {
    let mut w = ward();
    let send = |p: &str, from, to| PartyCommand::SendFirstSecretary {
        person: p.into(),
        community: code(COMMUNITY),
        sent_by: "组织部".into(),
        from,
        to,
    };
    w.execute(&sys(), send("a", day(3, 1), day(12, 31)))
        .unwrap();
    refused(
        &mut w,
        send("b", day(12, 31), day(12, 31)),
        "first_secretary_overlaps",
    );
    w.execute(
        &sys(),
        PartyCommand::RecallFirstSecretary {
            community: code(COMMUNITY),
            on: day(6, 1),
        },
    )
    .unwrap();
    assert!(w
        .party()
        .first_secretary(code(COMMUNITY), day(5, 31))
        .is_some());
    assert!(w
        .party()
        .first_secretary(code(COMMUNITY), day(6, 1))
        .is_none());
    // The recalled term ends the day before: a successor may start on the recall's day.
    w.execute(&sys(), send("b", day(6, 1), day(12, 31)))
        .unwrap();
    refused(
        &mut w,
        send("c", day(7, 1), day(7, 2)),
        "not_a_party_member",
    );
}

#[test]
fn a_station_begun_mid_week_requires_only_the_days_it_held() {
    let mut w = ward();
    // Wednesday 4 March to the week's end: five days held, three required.
    w.execute(
        &sys(),
        PartyCommand::AssignStation {
            person: "staff".into(),
            compound: code(COMPOUND),
            from: day(3, 4),
        },
    )
    .unwrap();
    refused(
        &mut w,
        PartyCommand::RecordStationDay {
            person: "staff".into(),
            compound: code(COMPOUND),
            on: day(3, 3),
        },
        "not_on_station",
    );
    for d in [4, 5] {
        w.execute(
            &sys(),
            PartyCommand::RecordStationDay {
                person: "staff".into(),
                compound: code(COMPOUND),
                on: day(3, d),
            },
        )
        .unwrap();
    }
    let config = PartyConfig::default();
    let rows = w
        .party()
        .station_week(w.grid(), &config, day(3, 8), None)
        .unwrap();
    assert_eq!(
        (rows[0].days, rows[0].required, rows[0].short),
        (2, 3, true)
    );
    // Ended on Friday: two days held (Wed, Thu) and two served, so none short.
    w.execute(
        &sys(),
        PartyCommand::EndStation {
            person: "staff".into(),
            compound: code(COMPOUND),
            on: day(3, 6),
        },
    )
    .unwrap();
    let rows = w
        .party()
        .station_week(w.grid(), &config, day(3, 2), None)
        .unwrap();
    assert_eq!(
        (rows[0].days, rows[0].required, rows[0].short),
        (2, 2, false)
    );
    // A week when the station did not hold has no row.
    assert!(w
        .party()
        .station_week(w.grid(), &config, day(3, 16), None)
        .unwrap()
        .is_empty());
    let bad = PartyConfig::default().with_station_days_per_week(8);
    let e = w
        .party()
        .station_week(w.grid(), &bad, day(3, 2), None)
        .unwrap_err();
    assert_eq!(e.code(), "bad_party_config");
    assert!(e.to_string().contains("party.station_days_per_week"));
    refused(
        &mut w,
        PartyCommand::AssignStation {
            person: "c".into(),
            compound: code(COMPOUND),
            from: day(3, 9),
        },
        "not_a_cadre",
    );
}

#[test]
fn replay_refuses_what_decide_would_have_refused() {
    let w = ward();
    let party: &Party = w.party();
    let reads = super::Reads {
        grid: w.grid(),
        config: &w.config().party,
    };
    let forged = [
        PartyEvent::Appointed {
            unit: code(COMMUNITY),
            person: "c".into(),
            office: Office::Secretary,
        },
        PartyEvent::BodySetUp {
            unit: code(COMMUNITY),
            name: "又一个".into(),
            on: day(3, 2),
        },
        PartyEvent::StationDayRecorded {
            person: "a".into(),
            compound: code(COMPOUND),
            on: day(3, 2),
        },
        PartyEvent::UnitServiceRecorded {
            id: "x".into(),
            unit: "nobody".into(),
            on: day(3, 2),
            activity: "义诊".into(),
            people: 1,
            hours: Decimal::ONE,
        },
        PartyEvent::MemberReportedIn {
            person: "a".into(),
            community: code(COMMUNITY),
            on: day(3, 2),
            workplace: None,
        },
    ];
    for e in &forged {
        assert!(
            super::check::check_event(party, reads, e).is_err(),
            "{e:?} passed"
        );
    }
}

#[test]
fn a_day_that_has_not_come_is_refused() {
    let mut w = ward();
    w.execute(
        &sys(),
        PartyCommand::AssignStation {
            person: "staff".into(),
            compound: code(COMPOUND),
            from: day(3, 2),
        },
    )
    .unwrap();
    refused(
        &mut w,
        PartyCommand::RecordStationDay {
            person: "staff".into(),
            compound: code(COMPOUND),
            on: day(4, 1),
        },
        "future_day",
    );
}

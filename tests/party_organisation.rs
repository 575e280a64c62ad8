//! The party capability end to end: the parity scenario replays to the same state, a
//! forged party event whose chain verifies is refused on replay naming its entry, police
//! routing falls back to the street's department, and random party commands never leave
//! a trace when refused.

use chrono::NaiveDate;
use gridward::grid::{Domain, GridCommand, NodeCode};
use gridward::party::{Office, PartyCommand, Seat};
use gridward::queries::tasks::Route;
use gridward::tasks::{Location, RouteView};
use gridward::{Actor, Context, Role, Ward};
use gridward_scenarios::parity::{forged, run_steps};
use gridward_scenarios::parity_party::{scenario, COMMUNITY, COMPOUND_A, STREET};
use proptest::prelude::*;
use serde_json::Value;

fn live() -> Ward {
    let s = scenario();
    let mut ward = Ward::new(s.config.clone().unwrap_or_default());
    run_steps(&mut ward, &s.steps).unwrap();
    ward
}

fn party_events(body: &mut Value) -> impl Iterator<Item = &mut Value> {
    body["events"]
        .as_array_mut()
        .into_iter()
        .flatten()
        .filter_map(|e| e.get_mut("party"))
}

#[test]
fn the_scenario_replays_to_the_same_state_and_head() {
    let ward = live();
    let again = Ward::from_jsonl(ward.config().clone(), &ward.to_jsonl()).unwrap();
    assert_eq!(again.state_digest(), ward.state_digest());
    assert_eq!(again.head(), ward.head());
    assert_eq!(again.party(), ward.party());
}

fn refused_at(edit: impl FnMut(&mut Value) -> bool) -> (u64, String) {
    let ward = live();
    let (forgery, seq) = forged(&ward.to_jsonl(), edit);
    assert!(seq > 0, "nothing was forged");
    let e = Ward::from_jsonl(ward.config().clone(), &forgery).unwrap_err();
    assert_eq!(e.code(), "journal_replay", "{e}");
    (seq, e.to_string())
}

#[test]
fn a_forged_appointment_of_a_non_member_is_refused_on_replay() {
    let (seq, why) = refused_at(|body| {
        for e in party_events(body) {
            if e["type"] == "appointed" && e["person"] == "m1" {
                e["person"] = "m2".into();
                return true;
            }
        }
        false
    });
    assert!(why.contains(&format!("entry {seq}")), "{why}");
    assert!(why.contains("not a party member"), "{why}");
}

#[test]
fn a_forged_station_day_off_station_is_refused_on_replay() {
    let (_, why) = refused_at(|body| {
        for e in party_events(body) {
            if e["type"] == "station_day_recorded" && e["person"] == "police" {
                e["on"] = "2026-04-01".into();
                return true;
            }
        }
        false
    });
    assert!(why.contains("not on station"), "{why}");
}

#[test]
fn a_forged_second_report_is_refused_on_replay() {
    let (_, why) = refused_at(|body| {
        for e in party_events(body) {
            if e["type"] == "unit_reported_in" && e["unit"] == "u-hosp" {
                e["unit"] = "u-tax".into();
                return true;
            }
        }
        false
    });
    assert!(why.contains("reported in"), "{why}");
}

fn sys() -> Context {
    Context::new(Actor::System, "2026-05-04T09:00:00+08:00".parse().unwrap())
}

#[test]
fn without_police_a_public_order_request_goes_to_the_streets_department() {
    let mut ward = live();
    for p in ["police", "aux1", "aux2"] {
        let role = if p == "police" {
            Role::CommunityPolice
        } else {
            Role::AuxiliaryPolice
        };
        let unit = NodeCode::parse(COMMUNITY).unwrap();
        ward.execute(
            &sys(),
            GridCommand::RevokeRole {
                person: p.into(),
                role,
                unit,
            },
        )
        .unwrap();
    }
    let route = Route {
        category: "public_order".into(),
        location: Location::Household("a1-101".into()),
    };
    assert!(matches!(
        ward.ask(route.clone()).unwrap(),
        RouteView::Locality { .. }
    ));
    ward.execute(
        &sys(),
        GridCommand::AddDepartment {
            id: "psb".into(),
            name: "派出所".into(),
            street: NodeCode::parse(STREET).unwrap(),
            domains: gridward::grid::DomainSet::of(&[Domain::PublicSecurity]),
        },
    )
    .unwrap();
    match ward.ask(route).unwrap() {
        RouteView::Department { department, .. } => assert_eq!(department, "psb"),
        other => panic!("routed to {other:?}"),
    }
}

fn command() -> impl Strategy<Value = PartyCommand> {
    let person = prop::sample::select(vec![
        "sec", "chief", "m1", "m2", "fs", "pm", "staff", "nobody",
    ]);
    let unit = prop::sample::select(vec![
        COMMUNITY,
        COMPOUND_A,
        "510104002003002",
        "510104002003001002",
        STREET,
    ]);
    let d = (1u32..=28).prop_map(|d| NaiveDate::from_ymd_opt(2026, 5, d).unwrap());
    let office = prop::sample::select(vec![
        Office::Secretary,
        Office::DeputySecretary,
        Office::Member,
    ]);
    let seat = prop::sample::select(vec![Seat::Director, Seat::DeputyDirector, Seat::Member]);
    let code = |u: &str| NodeCode::parse(u).unwrap();
    prop_oneof![
        (unit.clone(), d.clone()).prop_map(move |(u, on)| PartyCommand::SetUpBody {
            unit: code(u),
            name: "党组织".into(),
            on
        }),
        (unit.clone(), person.clone(), office).prop_map(move |(u, p, office)| {
            PartyCommand::Appoint {
                unit: code(u),
                person: p.into(),
                office,
            }
        }),
        (unit.clone(), person.clone()).prop_map(move |(u, p)| PartyCommand::Release {
            unit: code(u),
            person: p.into()
        }),
        (unit.clone(), person.clone(), seat).prop_map(move |(u, p, seat)| PartyCommand::Seat {
            community: code(u),
            person: p.into(),
            seat
        }),
        (unit.clone(), person.clone(), d.clone()).prop_map(move |(u, p, on)| {
            PartyCommand::MemberReportsIn {
                person: p.into(),
                community: code(u),
                on,
                workplace: None,
            }
        }),
        (unit.clone(), person.clone(), d.clone()).prop_map(move |(u, p, from)| {
            PartyCommand::AssignStation {
                person: p.into(),
                compound: code(u),
                from,
            }
        }),
        (unit.clone(), person.clone(), d.clone()).prop_map(move |(u, p, on)| {
            PartyCommand::RecordStationDay {
                person: p.into(),
                compound: code(u),
                on,
            }
        }),
        (unit, person, d.clone(), d).prop_map(move |(u, p, from, to)| {
            PartyCommand::SendFirstSecretary {
                person: p.into(),
                community: code(u),
                sent_by: "组织部".into(),
                from,
                to,
            }
        }),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    #[test]
    fn refused_commands_leave_no_trace_and_the_journal_replays(
        commands in prop::collection::vec((command(), prop::sample::select(vec![None, Some("staff"), Some("m1"), Some("admin")])), 1..24)
    ) {
        let mut ward = live();
        for (c, actor) in commands {
            let ctx = Context::new(actor.map_or(Actor::System, Actor::person), sys().at);
            let (head, digest) = (ward.head(), ward.state_digest());
            if ward.execute(&ctx, c).is_err() {
                prop_assert_eq!(ward.head(), head);
                prop_assert_eq!(ward.state_digest(), digest);
            }
        }
        let again = Ward::from_jsonl(ward.config().clone(), &ward.to_jsonl()).unwrap();
        prop_assert_eq!(again.state_digest(), ward.state_digest());
    }
}

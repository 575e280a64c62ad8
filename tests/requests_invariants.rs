//! Properties of the request cycle under random command sequences: every request always
//! has exactly one responsible party that exists, only the filer's rating is recorded, no
//! request is closed without verification by someone other than its handler, and replay
//! gives the live state.

mod common;

use chrono::{DateTime, Duration};
use common::requests::*;
use gridward::tasks::{Assignee, Location, Responsible, Satisfaction, Status, TaskCommand};
use gridward::{Actor, Context, Ward, WardConfig};
use proptest::prelude::*;
use serde_json::Value;

const ACTORS: [Option<&str>; 12] = [
    None,
    Some("r1"),
    Some("r2"),
    Some("w1"),
    Some("w2"),
    Some("gl"),
    Some("chief"),
    Some("pm1"),
    Some("vol"),
    Some("sa"),
    Some("o1"),
    Some("o2"),
];
const CATEGORIES: [&str; 5] = [
    "exposed_rubbish",
    "neighbour_help",
    "illegal_construction",
    "elder_care",
    "micro_wish",
];

fn request_id() -> impl Strategy<Value = String> {
    (0..6u8).prop_map(|i| format!("q{i}"))
}

fn person() -> impl Strategy<Value = String> {
    (1..ACTORS.len()).prop_map(|i| ACTORS[i].unwrap_or("r1").to_owned())
}

fn location() -> impl Strategy<Value = Location> {
    prop_oneof![
        Just(Location::Household(format!("{MICRO1}-0"))),
        Just(Location::Household(format!("{MICRO2}-0"))),
        (0..3u8).prop_map(|i| Location::Household(format!("{MICRO2}-{i}"))),
        Just(Location::Unit(common::code(GRID))),
    ]
}

/// An actor: usually one of those who would give the command, sometimes anyone.
fn actor(likely: &'static [usize]) -> impl Strategy<Value = usize> {
    prop_oneof![
        4 => (0..likely.len()).prop_map(move |i| likely[i]),
        1 => 0..ACTORS.len(),
    ]
}

// Indices into ACTORS.
const RESIDENTS: &[usize] = &[1, 2];
const STAFF: &[usize] = &[5, 6];
const HANDLERS: &[usize] = &[3, 4, 5, 7, 8, 10];
const VERIFIERS: &[usize] = &[3, 5, 6];
const CLAIMERS: &[usize] = &[7, 8, 2];
const STREET: &[usize] = &[9];
const OFFICERS: &[usize] = &[10];
const SYSTEM: &[usize] = &[0];

fn step() -> impl Strategy<Value = (usize, TaskCommand)> {
    let r = request_id;
    prop_oneof![
        4 => (actor(RESIDENTS), r(), 0..CATEGORIES.len(), location()).prop_map(|(a, id, c, location)| (a, TaskCommand::File {
            id,
            category: CATEGORIES[c].into(),
            location,
            description: "x".into(),
            photos: vec![],
        })),
        2 => (actor(STAFF), r(), prop::option::of(prop_oneof![
            person().prop_map(Assignee::Person),
            Just(Assignee::Department("cg".into())),
            Just(Assignee::Pool(common::code(MICRO1))),
        ])).prop_map(|(a, request, to)| (a, TaskCommand::Dispatch { request, to })),
        3 => (actor(CLAIMERS), r()).prop_map(|(a, request)| (a, TaskCommand::Claim { request, donor: None })),
        1 => (actor(CLAIMERS), r()).prop_map(|(a, request)| (a, TaskCommand::ReleaseClaim { request })),
        1 => (actor(HANDLERS), r(), person()).prop_map(|(a, request, to)| (a, TaskCommand::OfferHandover { request, to })),
        1 => (actor(HANDLERS), r()).prop_map(|(a, request)| (a, TaskCommand::AcceptHandover { request })),
        3 => (actor(HANDLERS), r()).prop_map(|(a, request)| (a, TaskCommand::Start { request })),
        4 => (actor(HANDLERS), r()).prop_map(|(a, request)| (a, TaskCommand::Handle { request, report: "done".into(), photos: vec![] })),
        4 => (actor(VERIFIERS), r(), any::<bool>()).prop_map(|(a, request, passed)| (a, TaskCommand::Verify { request, passed, note: String::new() })),
        1 => (actor(HANDLERS), r()).prop_map(|(a, request)| (a, TaskCommand::Return { request, reason: "wrong".into() })),
        1 => (actor(STAFF), r()).prop_map(|(a, request)| (a, TaskCommand::Cancel { request, reason: "no".into() })),
        1 => (actor(STAFF), r(), r()).prop_map(|(a, request, of)| (a, TaskCommand::MarkDuplicate { request, of })),
        1 => (actor(STAFF), r()).prop_map(|(a, request)| (a, TaskCommand::Reopen { request, reason: "again".into() })),
        4 => (actor(RESIDENTS), r(), 0..5usize).prop_map(|(a, request, l)| (a, TaskCommand::Rate { request, level: Satisfaction::ALL[l], comment: String::new() })),
        1 => (actor(STAFF), r()).prop_map(|(a, request)| (a, TaskCommand::Extend { request, reason: "more time".into() })),
        1 => (actor(STREET), r()).prop_map(|(a, request)| (a, TaskCommand::Whistle { request, departments: vec!["cg".into()], reason: "help".into() })),
        1 => (actor(OFFICERS), r()).prop_map(|(a, request)| (a, TaskCommand::Report { request, department: "cg".into(), report: "here".into() })),
        1 => actor(SYSTEM).prop_map(|a| (a, TaskCommand::Sweep { scope: None })),
    ]
}

fn context(n: usize, actor: usize) -> Context {
    let start = DateTime::parse_from_rfc3339(MONDAY).unwrap();
    let at = start + Duration::minutes(97 * n as i64);
    let actor = ACTORS[actor].map_or(Actor::System, Actor::person);
    Context::new(actor, at).with_key(format!("k{n}"))
}

fn check(w: &Ward) -> Result<(), TestCaseError> {
    let grid = w.grid();
    for row in w.requests(None, None) {
        // Exactly one responsible party, and it exists.
        let exists = match &row.responsible {
            Responsible::Unit(u) => grid.unit(*u).is_some(),
            Responsible::Person(p) => grid.person(p).is_some(),
            Responsible::Department(d) => grid.department(d).is_some(),
        };
        prop_assert!(exists, "{} answers to a missing party", row.id);
        match row.status {
            Status::Claimed => {
                let claimer = row.claimed_by.clone().map(Responsible::Person);
                prop_assert_eq!(Some(row.responsible.clone()), claimer);
            }
            Status::Pooled => prop_assert!(matches!(row.responsible, Responsible::Unit(_))),
            _ => {}
        }
        // No close without verification by someone other than the handler.
        if row.status == Status::Closed {
            prop_assert!(row.verified_by.is_some(), "{} closed unverified", row.id);
            prop_assert_ne!(&row.verified_by, &row.handled_by);
        }
    }
    // Every rating in the journal was given by the request's filer.
    for entry in w.journal().entries() {
        let body: Value = serde_json::from_str(entry.body()).unwrap();
        for e in body["events"].as_array().unwrap() {
            if e["tasks"]["type"] == "rated" {
                let id = e["tasks"]["request"].as_str().unwrap();
                let filer = w.request(id).unwrap().filer;
                prop_assert_eq!(body["actor"]["person"].as_str(), filer.as_deref());
            }
        }
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(250))]

    #[test]
    fn invariants_hold_and_replay_equals_live(
        steps in prop::collection::vec(step(), 1..80)
    ) {
        let mut w = world(WardConfig::default());
        // Four requests of different kinds to start from; the random steps may file more.
        file(&mut w, "r1", MONDAY, "q0", "exposed_rubbish", home1());
        file(&mut w, "r1", MONDAY, "q1", "neighbour_help", home1());
        let home2 = Location::Household(format!("{MICRO2}-0"));
        file(&mut w, "r2", MONDAY, "q2", "illegal_construction", home2.clone());
        file(&mut w, "r2", MONDAY, "q3", "elder_care", home2);
        for (n, (actor, cmd)) in steps.into_iter().enumerate() {
            let head = w.head();
            let digest = w.state_digest();
            if w.execute(&context(n, actor), cmd).is_err() {
                // A refused command leaves no trace.
                prop_assert_eq!(w.head(), head);
                prop_assert_eq!(w.state_digest(), digest);
            }
            check(&w)?;
        }
        let again = Ward::from_jsonl(WardConfig::default(), &w.to_jsonl()).unwrap();
        prop_assert_eq!(again.state_digest(), w.state_digest());
    }
}

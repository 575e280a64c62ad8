//! Scoring's queries against a small community: records, volunteers, the grant preview,
//! obligations and handlers' scores, with the figures the old faces' tests relied on, and
//! their refusals; plus the shared community the points tests use too.

use chrono::{DateTime, FixedOffset, NaiveDate};
use rust_decimal::Decimal;
use serde_json::json;

use super::scoring::*;
use crate::access::Context;
use crate::access::{Actor, Role};
use crate::grid::{Domain, DomainSet, GridCommand, NodeCode};
use crate::scoring::{Activity, ScoringCommand, ServiceState, ServiceStatus, StarProfile};
use crate::surface::{Catalog, Query};
use crate::tasks::{Location, Satisfaction, TaskCommand};
use crate::ward::{Command, Ward, WardConfig};

pub(super) const STREET: &str = "510105001";
pub(super) const COMMUNITY: &str = "510105001001";
pub(super) const GRID: &str = "510105001001001";
pub(super) const MICRO1: &str = "510105001001001001";

pub(super) fn code(text: &str) -> NodeCode {
    text.parse().unwrap()
}

pub(super) fn time(text: &str) -> DateTime<FixedOffset> {
    DateTime::parse_from_rfc3339(text).unwrap()
}

pub(super) fn day(text: &str) -> NaiveDate {
    text.parse().unwrap()
}

pub(super) fn d(text: &str) -> Decimal {
    text.parse().unwrap()
}

/// Runs a command as `who` (the platform when `None`) at an RFC 3339 time.
pub(super) fn run(ward: &mut Ward, who: Option<&str>, at: &str, command: impl Into<Command>) {
    let actor = who.map_or(Actor::System, Actor::person);
    let ctx = Context::new(actor, time(at)).with_key(format!("k{}", ward.journal().len()));
    if let Err(e) = ward.execute(&ctx, command) {
        panic!("the scenario's command was refused: {e}");
    }
}

/// A community: district → street → community → grid → micro-grid, merged grids with
/// urban management; staff `chief` (community), `gl` (grid), `w1` (micro-grid), `sa`
/// (street); sent-down party member `pm` (community); residents `r1` (household `h1`) and
/// `r2`.
pub(super) fn world(config: WardConfig) -> Ward {
    let mut w = Ward::new(config);
    let setup = "2025-01-01T08:00:00+08:00";
    for c in ["510105", STREET, COMMUNITY, GRID, MICRO1] {
        let name = c.to_owned();
        let add = GridCommand::AddUnit {
            code: code(c),
            name,
            domains: None,
        };
        run(&mut w, None, setup, add);
    }
    let mut domains = DomainSet::merged();
    domains.insert(Domain::UrbanManagement);
    for c in [COMMUNITY, GRID, MICRO1] {
        let set = GridCommand::SetDomains {
            code: code(c),
            domains,
        };
        run(&mut w, None, setup, set);
    }
    let home = GridCommand::AddHousehold {
        id: "h1".into(),
        unit: code(MICRO1),
        area: d("60"),
    };
    run(&mut w, None, setup, home);
    for (id, role, unit) in [
        ("chief", Some(Role::ChiefGridLeader), COMMUNITY),
        ("gl", Some(Role::GridLeader), GRID),
        ("w1", Some(Role::MicroGridWorker), MICRO1),
        ("sa", Some(Role::Administrator), STREET),
        ("pm", Some(Role::SentDownPartyMember), COMMUNITY),
        ("r1", None, MICRO1),
        ("r2", None, MICRO1),
    ] {
        let person = GridCommand::AddPerson {
            id: id.into(),
            name: "某人".into(),
            phone: None,
            party_member: id == "pm",
        };
        run(&mut w, None, setup, person);
        if let Some(role) = role {
            let grant = GridCommand::GrantRole {
                person: id.into(),
                role,
                unit: code(unit),
            };
            run(&mut w, None, setup, grant);
        }
    }
    let register = GridCommand::RegisterResident {
        person: "r1".into(),
        household: "h1".into(),
    };
    run(&mut w, None, setup, register);
    w
}

/// `person` records `minutes` of service at `unit`, started at `start`.
fn record(w: &mut Ward, id: &str, person: &str, unit: &str, start: &str, minutes: u32) {
    let command = ScoringCommand::RecordService {
        id: id.into(),
        person: person.into(),
        unit: code(unit),
        activity: Activity::ElderCare,
        started_at: time(start),
        minutes,
        travel_minutes: 30,
        request: None,
        note: "陪老人就医".into(),
    };
    run(w, Some(person), "2026-03-31T08:00:00+08:00", command);
}

fn certify(w: &mut Ward, who: &str, id: &str) {
    let command = ScoringCommand::CertifyService { id: id.into() };
    run(w, Some(who), "2026-03-31T09:00:00+08:00", command);
}

/// Three records of `r1`: `s1` (90 minutes, certified by `w1`), `s2` pending, `s3`
/// rejected; and `pm`'s `s4` (150 minutes in March, certified by `chief`).
fn served() -> Ward {
    let mut w = world(WardConfig::default());
    record(&mut w, "s1", "r1", MICRO1, "2026-03-02T09:00:00+08:00", 90);
    certify(&mut w, "w1", "s1");
    record(&mut w, "s2", "r1", MICRO1, "2026-03-03T09:00:00+08:00", 30);
    record(&mut w, "s3", "r1", MICRO1, "2026-03-03T10:00:00+08:00", 30);
    let reject = ScoringCommand::RejectService {
        id: "s3".into(),
        reason: "重复登记".into(),
    };
    run(&mut w, Some("w1"), "2026-03-31T09:00:00+08:00", reject);
    record(
        &mut w,
        "s4",
        "pm",
        COMMUNITY,
        "2026-03-05T09:00:00+08:00",
        150,
    );
    certify(&mut w, "chief", "s4");
    w
}

#[test]
fn a_record_by_id_in_the_core_form() {
    let w = served();
    let s1 = w.ask(ServiceRecordOf { id: "s1".into() }).unwrap().unwrap();
    // Travel is left out by the national rule: 90 of 120 minutes count.
    assert_eq!(
        s1.status,
        ServiceStatus::Certified {
            by: Some("w1".into()),
            counted: 90
        }
    );
    assert_eq!(s1.started_at, time("2026-03-02T09:00:00+08:00"));
    let s2 = w.ask(ServiceRecordOf { id: "s2".into() }).unwrap().unwrap();
    assert_eq!(s2.status, ServiceStatus::Pending);
    assert_eq!(w.ask(ServiceRecordOf { id: "nope".into() }).unwrap(), None);
}

#[test]
fn records_as_flat_rows() {
    let w = served();
    let rows = w.ask(ServiceRecords {}).unwrap();
    let seen: Vec<_> = rows
        .iter()
        .map(|r| {
            let by = r.certified_by.as_deref();
            (r.id.as_str(), r.status, by, r.counted_minutes)
        })
        .collect();
    assert_eq!(
        seen,
        vec![
            ("s1", ServiceState::Certified, Some("w1"), 90),
            ("s2", ServiceState::Pending, None, 0),
            ("s3", ServiceState::Rejected, None, 0),
            ("s4", ServiceState::Certified, Some("chief"), 150),
        ]
    );
    assert_eq!(rows[2].rejected_reason.as_deref(), Some("重复登记"));
    assert_eq!((rows[0].minutes, rows[0].travel_minutes), (90, 30));
    // A flat row's JSON holds the status as a name.
    let value = serde_json::to_value(&rows[1]).unwrap();
    assert_eq!(value["status"], json!("pending"));
    assert_eq!(value["started_at"], json!("2026-03-03T09:00:00+08:00"));
}

#[test]
fn volunteers_and_their_hours() {
    let w = served();
    let r1 = w
        .ask(VolunteerOf {
            person: "r1".into(),
        })
        .unwrap()
        .unwrap();
    assert_eq!(
        (r1.hours, r1.minutes, r1.services, r1.level, r1.since),
        (d("1.50"), 90, 1, 0, None)
    );
    assert_eq!(
        w.ask(VolunteerOf {
            person: "r2".into()
        })
        .unwrap(),
        None
    );
    assert_eq!(
        w.ask(VolunteerOf {
            person: "nobody".into()
        })
        .unwrap(),
        None
    );
    let all = w.ask(Volunteers {}).unwrap();
    let seen: Vec<_> = all.iter().map(|v| (v.person.as_str(), v.hours)).collect();
    assert_eq!(seen, vec![("pm", d("2.50")), ("r1", d("1.50"))]);
}

#[test]
fn the_grant_preview_changes_nothing() {
    let w = served();
    let on = day("2026-03-31");
    // Nobody reaches 100 hours, the national profile's first star.
    let preview = GrantPreview { on, profile: None };
    assert_eq!(w.ask(preview.clone()).unwrap(), vec![]);
    let low = StarProfile {
        name: "low".into(),
        thresholds: vec![d("1"), d("2.5")],
        ..StarProfile::national()
    };
    let with = |profile: &StarProfile| GrantPreview {
        on,
        profile: Some(profile.clone()),
    };
    let head = w.head();
    let changes = w.ask(with(&low)).unwrap();
    let seen: Vec<_> = changes
        .iter()
        .map(|c| (c.person.as_str(), c.from, c.to))
        .collect();
    // In the order people were registered: `pm` (2.5 h) before `r1` (1.5 h).
    assert_eq!(seen, vec![("pm", 0, 2), ("r1", 0, 1)]);
    assert_eq!(w.head(), head);
    // Once the ward's own profile grants them, nothing is left to change.
    let mut config = w.config().clone();
    config.scoring.stars = low.clone();
    let mut again = Ward::from_jsonl(config, &w.to_jsonl()).unwrap();
    run(
        &mut again,
        None,
        "2026-03-31T18:00:00+08:00",
        ScoringCommand::GrantStars { on },
    );
    assert_eq!(again.ask(preview).unwrap(), vec![]);
    let r1 = again
        .ask(VolunteerOf {
            person: "r1".into(),
        })
        .unwrap();
    assert_eq!(r1.map(|v| (v.level, v.since)), Some((1, Some(on))));
    // A profile that breaks its rules, and a grant before the last one, are refused.
    let bad = StarProfile {
        thresholds: vec![d("2"), d("1")],
        ..low
    };
    assert_eq!(w.ask(with(&bad)).unwrap_err().code(), "bad_star_profile");
    let back = GrantPreview {
        on: day("2026-03-30"),
        profile: None,
    };
    assert_eq!(again.ask(back).unwrap_err().code(), "grant_backdated");
}

#[test]
fn obligations_month_by_month() {
    let w = served();
    let ask = |start: &str, end: &str| {
        w.ask(Obligations {
            unit: code(COMMUNITY),
            start: start.parse().unwrap(),
            end: end.parse().unwrap(),
        })
    };
    let rows = ask("2026-03", "2026-04").unwrap();
    let seen: Vec<_> = rows
        .iter()
        .map(|r| {
            let month = r.month.to_string();
            (r.person.as_str(), r.unit, month, r.services, r.hours, r.met)
        })
        .collect();
    assert_eq!(
        seen,
        vec![
            ("pm", code(COMMUNITY), "2026-03".into(), 1, d("2.50"), true),
            ("pm", code(COMMUNITY), "2026-04".into(), 0, d("0.00"), false),
        ]
    );
    // Members holding the role elsewhere are not listed under the grid.
    let under_grid = w.ask(Obligations {
        unit: code(GRID),
        start: "2026-03".parse().unwrap(),
        end: "2026-03".parse().unwrap(),
    });
    assert_eq!(under_grid.unwrap(), vec![]);
    assert_eq!(ask("2026-04", "2026-03").unwrap_err().code(), "bad_months");
    assert_eq!(ask("2016-01", "2026-12").unwrap_err().code(), "bad_months");
    let unknown = w.ask(Obligations {
        unit: code("510105001009"),
        start: "2026-03".parse().unwrap(),
        end: "2026-03".parse().unwrap(),
    });
    assert_eq!(unknown.unwrap_err().code(), "unknown_unit");
}

/// `r1` files a request at home; `w1` handles it, `gl` verifies it and `r1` rates it
/// very satisfied.
fn handled_request(w: &mut Ward) {
    let file = TaskCommand::File {
        id: "q1".into(),
        category: "exposed_rubbish".into(),
        location: Location::Household("h1".into()),
        description: "楼道堆放杂物".into(),
        photos: vec![],
    };
    run(w, Some("r1"), "2026-03-02T09:00:00+08:00", file);
    let start = TaskCommand::Start {
        request: "q1".into(),
    };
    run(w, Some("w1"), "2026-03-02T10:00:00+08:00", start);
    let handle = TaskCommand::Handle {
        request: "q1".into(),
        report: "已清运".into(),
        photos: vec![],
    };
    run(w, Some("w1"), "2026-03-02T11:00:00+08:00", handle);
    let verify = TaskCommand::Verify {
        request: "q1".into(),
        passed: true,
        note: String::new(),
    };
    run(w, Some("gl"), "2026-03-02T12:00:00+08:00", verify);
    let rate = TaskCommand::Rate {
        request: "q1".into(),
        level: Satisfaction::VerySatisfied,
        comment: String::new(),
    };
    run(w, Some("r1"), "2026-03-02T13:00:00+08:00", rate);
}

#[test]
fn handlers_scored_and_ranked_over_a_period() {
    let mut w = world(WardConfig::default());
    handled_request(&mut w);
    let march = |start: &str, end: &str| HandlerScores {
        unit: code(GRID),
        start: time(start),
        end: time(end),
    };
    let rows = w
        .ask(march(
            "2026-03-01T00:00:00+08:00",
            "2026-04-01T00:00:00+08:00",
        ))
        .unwrap();
    assert_eq!(rows.len(), 1);
    let row = &rows[0];
    assert_eq!(
        (row.person.as_str(), row.rank, row.handled, row.closed),
        ("w1", Some(1), 1, 1)
    );
    assert_eq!(row.score, Some(d("100.00")));
    assert_eq!(row.satisfaction_rate, Some(d("100.00")));
    // An empty period finds nobody; one that ends before it starts is refused.
    let empty = march("2026-03-01T00:00:00+08:00", "2026-03-01T00:00:00+08:00");
    assert_eq!(w.ask(empty).unwrap(), vec![]);
    let backwards = march("2026-04-01T00:00:00+08:00", "2026-03-01T00:00:00+08:00");
    let e = w.ask(backwards).unwrap_err();
    assert_eq!(e.code(), "invalid_value");
    assert!(e.to_string().contains("end"), "{e}");
    let unknown = HandlerScores {
        unit: code("510105001009"),
        ..march("2026-03-01T00:00:00+08:00", "2026-04-01T00:00:00+08:00")
    };
    assert_eq!(w.ask(unknown).unwrap_err().code(), "unknown_unit");
}

#[test]
fn the_faces_reach_scoring_by_name() {
    let w = served();
    let catalog = Catalog::embedded().unwrap();
    let ask = |name: &str, args| catalog.ask(&w, "scoring", name, args).map(|(v, _)| v);
    let rows = ask(
        "obligations",
        json!({"unit": COMMUNITY, "start": "2026-03", "end": "2026-03"}),
    )
    .unwrap();
    assert_eq!(
        rows,
        json!([{"person": "pm", "unit": COMMUNITY, "month": "2026-03", "services": 1,
            "hours": "2.50", "qualifying_visits": 1, "short_visits": 0, "met": true}])
    );
    let volunteer = ask("volunteer", json!({"person": "r1"})).unwrap();
    assert_eq!(volunteer["hours"], json!("1.50"));
    let preview = ask(
        "grant_preview",
        json!({"on": "2026-03-31", "profile": {"name": "x", "thresholds": [1, "1.5"]}}),
    )
    .unwrap();
    assert_eq!(
        preview,
        json!([{"person": "pm", "from": 0, "to": 2}, {"person": "r1", "from": 0, "to": 2}])
    );
    assert_eq!(ask("service_records", json!({})).unwrap()[3]["id"], "s4");
    // A month that is not YYYY-MM is refused at its field.
    let bad = ask(
        "obligations",
        json!({"unit": COMMUNITY, "start": "2026-3", "end": "2026-04"}),
    );
    assert!(bad.unwrap_err().to_string().contains("start"));
    let naive = ask(
        "handler_scores",
        json!({"unit": GRID, "start": "2026-03-01T00:00:00", "end": "2026-04-01T00:00:00+08:00"}),
    );
    assert_eq!(naive.unwrap_err().code(), "naive_datetime");
}

#[test]
fn every_query_is_in_the_set() {
    let names: Vec<&str> = SCORING_QUERIES.entries.iter().map(|e| e.name).collect();
    assert_eq!(
        names,
        [
            "service_record",
            "service_records",
            "volunteer",
            "volunteers",
            "grant_preview",
            "obligations",
            "handler_scores"
        ]
    );
    // The JSON entry runs the typed question.
    let w = served();
    let entry = SCORING_QUERIES.entries[0];
    let value = (entry.ask)(&w, json!({"id": "s3"})).unwrap();
    assert_eq!(
        value["status"],
        json!({"status": "rejected", "reason": "重复登记"})
    );
    let typed = ServiceRecordOf { id: "s3".into() }.ask(&w).unwrap();
    assert_eq!(serde_json::to_value(typed).unwrap(), value);
}

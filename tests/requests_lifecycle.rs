//! A request's whole life through the ward: routing, claims, handling, verification,
//! rating, returns, escalation, supervision and parking — with the deadlines the
//! working-time calendar gives.

mod common;

use chrono::DateTime;
use common::requests::*;
use common::{as_person, as_system, code};
use gridward::tasks::{Assignee, Location, Responsible, Satisfaction, Status, TaskCommand};
use gridward::{Ward, WardConfig};

fn t(s: &str) -> chrono::DateTime<chrono::FixedOffset> {
    DateTime::parse_from_rfc3339(s).unwrap()
}

fn status(w: &Ward, id: &str) -> Status {
    w.request(id).unwrap().status
}

#[test]
fn rubbish_is_routed_to_the_micro_grid_worker_with_calendar_deadlines() {
    let mut w = world(WardConfig::default());
    file(&mut w, "r1", MONDAY, "q1", "exposed_rubbish", home1());
    let row = w.request("q1").unwrap();
    assert_eq!(row.status, Status::Assigned);
    assert_eq!(row.responsible, Responsible::Person("w1".into()));
    assert_eq!(row.filer.as_deref(), Some("r1"));
    // 2 working hours to respond, 1 working day to resolve, 1 more day of extension.
    assert_eq!(row.response_due, Some(t("2026-03-02T11:00:00+08:00")));
    assert_eq!(row.resolution_due, Some(t("2026-03-03T09:00:00+08:00")));
    let d = w.tasks().request("q1").unwrap().deadlines().unwrap();
    assert_eq!(d.park, t("2026-03-04T09:00:00+08:00"));
}

#[test]
fn least_open_work_breaks_ties_between_workers() {
    let mut w = world(WardConfig::default());
    // A second worker at micro-grid 1 takes the next request while w1 holds one.
    common::appoint(&mut w, "w1b", gridward::Role::MicroGridWorker, MICRO1);
    file(&mut w, "r1", MONDAY, "q1", "exposed_rubbish", home1());
    file(&mut w, "r1", MONDAY, "q2", "exposed_rubbish", home1());
    file(&mut w, "r1", MONDAY, "q3", "exposed_rubbish", home1());
    let who: Vec<_> = ["q1", "q2", "q3"]
        .iter()
        .map(|q| w.request(q).unwrap().responsible)
        .collect();
    assert_eq!(
        who,
        vec![
            Responsible::Person("w1".into()),
            Responsible::Person("w1b".into()),
            Responsible::Person("w1".into()),
        ]
    );
}

#[test]
fn full_cycle_to_a_rated_close() {
    let mut w = world(WardConfig::default());
    file(&mut w, "r1", MONDAY, "q1", "exposed_rubbish", home1());
    act(
        &mut w,
        "w1",
        "2026-03-02T09:30:00+08:00",
        TaskCommand::Start {
            request: "q1".into(),
        },
    )
    .unwrap();
    let handle = TaskCommand::Handle {
        request: "q1".into(),
        report: "已清运".into(),
        photos: vec!["photo://after.jpg".into()],
    };
    act(&mut w, "w1", "2026-03-02T15:00:00+08:00", handle).unwrap();
    // The handler cannot verify their own work; the head does not move.
    let head = w.head();
    let own = TaskCommand::Verify {
        request: "q1".into(),
        passed: true,
        note: String::new(),
    };
    let err = act(&mut w, "w1", "2026-03-02T16:00:00+08:00", own.clone()).unwrap_err();
    assert_eq!(err.code(), "verifier_is_handler");
    assert_eq!(w.head(), head);
    act(&mut w, "gl", "2026-03-02T16:00:00+08:00", own).unwrap();
    let row = w.request("q1").unwrap();
    assert_eq!(row.status, Status::Closed);
    assert_eq!(row.on_time, Some(true));
    assert_eq!(row.verified_by.as_deref(), Some("gl"));
    // Only the filer rates.
    let rate = |level| TaskCommand::Rate {
        request: "q1".into(),
        level,
        comment: String::new(),
    };
    let err = act(
        &mut w,
        "r2",
        "2026-03-02T17:00:00+08:00",
        rate(Satisfaction::Satisfied),
    )
    .unwrap_err();
    assert_eq!(err.code(), "not_filer");
    let err = w
        .execute(
            &as_system("2026-03-02T17:00:00+08:00"),
            rate(Satisfaction::Satisfied),
        )
        .unwrap_err();
    assert_eq!(err.code(), "not_filer");
    act(
        &mut w,
        "r1",
        "2026-03-02T17:00:00+08:00",
        rate(Satisfaction::VerySatisfied),
    )
    .unwrap();
    let err = act(
        &mut w,
        "r1",
        "2026-03-02T17:05:00+08:00",
        rate(Satisfaction::Satisfied),
    )
    .unwrap_err();
    assert_eq!(err.code(), "already_rated");
    assert_eq!(
        w.request("q1").unwrap().rating,
        Some(Satisfaction::VerySatisfied)
    );
}

#[test]
fn a_bad_rating_reopens_the_work_with_a_fifteen_day_correction_window() {
    let mut w = world(WardConfig::default());
    file(&mut w, "r1", MONDAY, "q1", "exposed_rubbish", home1());
    let handle = TaskCommand::Handle {
        request: "q1".into(),
        report: "ok".into(),
        photos: vec![],
    };
    act(&mut w, "w1", "2026-03-02T10:00:00+08:00", handle).unwrap();
    let verify = TaskCommand::Verify {
        request: "q1".into(),
        passed: true,
        note: String::new(),
    };
    act(&mut w, "gl", "2026-03-02T11:00:00+08:00", verify).unwrap();
    let rate = TaskCommand::Rate {
        request: "q1".into(),
        level: Satisfaction::Dissatisfied,
        comment: "又堆上了".into(),
    };
    act(&mut w, "r1", "2026-03-02T12:00:00+08:00", rate).unwrap();
    let row = w.request("q1").unwrap();
    assert_eq!(row.status, Status::InProgress);
    assert_eq!(row.responsible, Responsible::Person("w1".into()));
    assert_eq!(row.reopens, 1);
    assert_eq!(row.closed_at, None);
    // 15 working days from Monday 2 March 12:00 (no holidays in the default calendar):
    // three weeks on, Monday 23 March 12:00.
    assert_eq!(row.correction_due, Some(t("2026-03-23T12:00:00+08:00")));
    assert_eq!(row.resolution_due, row.correction_due);
}

#[test]
fn claimable_work_goes_to_a_pool_and_claims_are_limited() {
    let mut w = world(WardConfig::default());
    for i in 0..4 {
        file(
            &mut w,
            "r1",
            MONDAY,
            &format!("h{i}"),
            "neighbour_help",
            home1(),
        );
    }
    let row = w.request("h0").unwrap();
    assert_eq!(row.status, Status::Pooled);
    assert_eq!(row.responsible, Responsible::Unit(code(MICRO1)));
    assert_eq!(w.claimable_by("pm1").unwrap().len(), 4);
    // A resident without a claiming role sees nothing and cannot claim.
    assert!(w.claimable_by("r2").unwrap().is_empty());
    let claim = |q: &str| TaskCommand::Claim {
        request: q.into(),
        donor: None,
    };
    assert_eq!(
        act(&mut w, "r2", MONDAY, claim("h0")).unwrap_err().code(),
        "not_eligible"
    );
    for q in ["h0", "h1", "h2"] {
        act(&mut w, "pm1", MONDAY, claim(q)).unwrap();
    }
    let head = w.head();
    assert_eq!(
        act(&mut w, "pm1", MONDAY, claim("h3")).unwrap_err().code(),
        "claim_limit"
    );
    assert_eq!(w.head(), head);
    // The community's volunteer may claim from the micro-grid's pool.
    act(&mut w, "vol", MONDAY, claim("h3")).unwrap();
    assert_eq!(
        w.request("h3").unwrap().responsible,
        Responsible::Person("vol".into())
    );
}

#[test]
fn a_stale_claim_returns_to_the_pool_and_a_handover_needs_consent() {
    let mut w = world(WardConfig::default());
    file(&mut w, "r1", MONDAY, "h0", "neighbour_help", home1());
    act(
        &mut w,
        "pm1",
        MONDAY,
        TaskCommand::Claim {
            request: "h0".into(),
            donor: None,
        },
    )
    .unwrap();
    let offer = TaskCommand::OfferHandover {
        request: "h0".into(),
        to: "vol".into(),
    };
    act(&mut w, "pm1", "2026-03-02T10:00:00+08:00", offer).unwrap();
    // Nobody else may accept it.
    let accept = TaskCommand::AcceptHandover {
        request: "h0".into(),
    };
    assert_eq!(
        act(&mut w, "w1", "2026-03-02T10:05:00+08:00", accept.clone())
            .unwrap_err()
            .code(),
        "no_handover"
    );
    act(&mut w, "vol", "2026-03-02T10:10:00+08:00", accept).unwrap();
    assert_eq!(w.request("h0").unwrap().claimed_by.as_deref(), Some("vol"));
    // Three calendar days without a start: a sweep gives it back to the pool.
    let sweep = TaskCommand::Sweep { scope: None };
    w.execute(&as_system("2026-03-05T10:00:00+08:00"), sweep.clone())
        .unwrap();
    assert_eq!(status(&w, "h0"), Status::Claimed);
    w.execute(&as_system("2026-03-05T10:11:00+08:00"), sweep)
        .unwrap();
    let row = w.request("h0").unwrap();
    assert_eq!(row.status, Status::Pooled);
    assert_eq!(row.responsible, Responsible::Unit(code(MICRO1)));
    assert!(row.note.contains("not acted on"));
}

#[test]
fn returned_work_goes_back_to_the_community_for_dispatch_by_hand() {
    let mut w = world(WardConfig::default());
    file(&mut w, "r1", MONDAY, "q1", "exposed_rubbish", home1());
    let ret = TaskCommand::Return {
        request: "q1".into(),
        reason: "不属于本网格".into(),
    };
    act(&mut w, "w1", "2026-03-02T09:10:00+08:00", ret).unwrap();
    let row = w.request("q1").unwrap();
    assert_eq!(row.status, Status::Filed);
    assert_eq!(row.responsible, Responsible::Unit(code(COMMUNITY)));
    assert_eq!(row.returns, 1);
    // A resident cannot dispatch; the chief can, by hand.
    let to_w2 = TaskCommand::Dispatch {
        request: "q1".into(),
        to: Some(Assignee::Person("w2".into())),
    };
    assert_eq!(
        act(&mut w, "r1", "2026-03-02T09:20:00+08:00", to_w2.clone())
            .unwrap_err()
            .code(),
        "permission_denied"
    );
    act(&mut w, "chief", "2026-03-02T09:20:00+08:00", to_w2).unwrap();
    let row = w.request("q1").unwrap();
    assert_eq!(row.responsible, Responsible::Person("w2".into()));
    // The deadlines still run from the first dispatch.
    assert_eq!(row.resolution_due, Some(t("2026-03-03T09:00:00+08:00")));
}

#[test]
fn the_street_whistles_and_late_department_reports_are_flagged() {
    let mut w = world(WardConfig::default());
    file(&mut w, "r1", MONDAY, "c1", "illegal_construction", home1());
    // A department category goes straight to the street's department for the domain.
    assert_eq!(
        w.request("c1").unwrap().responsible,
        Responsible::Department("cg".into())
    );
    let whistle = TaskCommand::Whistle {
        request: "c1".into(),
        departments: vec!["cg".into(), "sj".into()],
        reason: "联合执法".into(),
    };
    // Only the street (or above) calls departments in.
    assert_eq!(
        act(&mut w, "chief", MONDAY, whistle.clone())
            .unwrap_err()
            .code(),
        "permission_denied"
    );
    act(&mut w, "sa", MONDAY, whistle).unwrap();
    let report = TaskCommand::Report {
        request: "c1".into(),
        department: "cg".into(),
        report: "已到场".into(),
    };
    assert_eq!(
        act(&mut w, "o2", "2026-03-03T09:00:00+08:00", report.clone())
            .unwrap_err()
            .code(),
        "not_responsible"
    );
    act(&mut w, "o1", "2026-03-03T09:00:00+08:00", report).unwrap();
    // Two working days: due Wednesday 09:00; at Wednesday 10:00 sj has not reported.
    w.execute(
        &as_system("2026-03-04T10:00:00+08:00"),
        TaskCommand::Sweep { scope: None },
    )
    .unwrap();
    let row = w.request("c1").unwrap();
    let late: Vec<_> = row
        .whistles
        .iter()
        .map(|c| (c.department.as_str(), c.late))
        .collect();
    assert_eq!(late, vec![("cg", false), ("sj", true)]);
    // The officer of cg handles it for the department.
    let handle = TaskCommand::Handle {
        request: "c1".into(),
        report: "已拆除".into(),
        photos: vec![],
    };
    act(&mut w, "o1", "2026-03-05T09:00:00+08:00", handle).unwrap();
    assert_eq!(w.request("c1").unwrap().handled_by.as_deref(), Some("o1"));
}

#[test]
fn overdue_work_is_supervised_and_parked_after_its_extension() {
    let mut w = world(WardConfig::default());
    file(&mut w, "r1", MONDAY, "q1", "exposed_rubbish", home1());
    let sweep = || TaskCommand::Sweep { scope: None };
    // Not answered within 2 working hours: supervised.
    w.execute(&as_system("2026-03-02T11:01:00+08:00"), sweep())
        .unwrap();
    assert!(w.request("q1").unwrap().supervised);
    assert!(!w.request("q1").unwrap().parked);
    let extend = TaskCommand::Extend {
        request: "q1".into(),
        reason: "需要协调物业".into(),
    };
    act(&mut w, "chief", "2026-03-02T12:00:00+08:00", extend.clone()).unwrap();
    assert_eq!(
        act(&mut w, "chief", "2026-03-02T12:00:00+08:00", extend)
            .unwrap_err()
            .code(),
        "already_extended"
    );
    assert_eq!(
        w.request("q1").unwrap().resolution_due,
        Some(t("2026-03-04T09:00:00+08:00"))
    );
    w.execute(&as_system("2026-03-04T09:00:00+08:00"), sweep())
        .unwrap();
    assert!(!w.request("q1").unwrap().parked);
    w.execute(&as_system("2026-03-04T09:01:00+08:00"), sweep())
        .unwrap();
    let row = w.request("q1").unwrap();
    assert!(row.parked);
    // A parked request stays visible until resolved, then is no longer parked.
    let handle = TaskCommand::Handle {
        request: "q1".into(),
        report: "ok".into(),
        photos: vec![],
    };
    act(&mut w, "w1", "2026-03-05T09:00:00+08:00", handle).unwrap();
    let verify = TaskCommand::Verify {
        request: "q1".into(),
        passed: true,
        note: String::new(),
    };
    act(&mut w, "gl", "2026-03-05T10:00:00+08:00", verify).unwrap();
    let row = w.request("q1").unwrap();
    assert!(!row.parked);
    assert_eq!(row.on_time, Some(false));
}

#[test]
fn filing_needs_a_key_and_a_retry_has_one_effect() {
    let mut w = world(WardConfig::default());
    let cmd = TaskCommand::File {
        id: "q1".into(),
        category: "exposed_rubbish".into(),
        location: home1(),
        description: "垃圾".into(),
        photos: vec![],
    };
    let err = w
        .execute(&as_person("r1", MONDAY), cmd.clone())
        .unwrap_err();
    assert_eq!(err.code(), "key_required");
    let ctx = as_person("r1", MONDAY).with_key("k-1");
    let first = w.execute(&ctx, cmd.clone()).unwrap();
    let again = w.execute(&ctx, cmd).unwrap();
    assert!(again.duplicate);
    assert_eq!(again.seq, first.seq);
    assert_eq!(w.tasks().requests().len(), 1);
    // A resident files only for their own home or the units around it.
    let other = TaskCommand::File {
        id: "q2".into(),
        category: "exposed_rubbish".into(),
        location: Location::Household(format!("{MICRO2}-1")),
        description: "垃圾".into(),
        photos: vec![],
    };
    let err = w
        .execute(&as_person("r1", MONDAY).with_key("k-2"), other)
        .unwrap_err();
    assert_eq!(err.code(), "permission_denied");
    let public = TaskCommand::File {
        id: "q3".into(),
        category: "dirty_road".into(),
        location: Location::Unit(code(GRID)),
        description: "路面油污".into(),
        photos: vec![],
    };
    w.execute(&as_person("r1", MONDAY).with_key("k-3"), public)
        .unwrap();
    // Grid has no unit below it: the grid leader answers.
    assert_eq!(
        w.request("q3").unwrap().responsible,
        Responsible::Person("gl".into())
    );
}

#[test]
fn duplicates_cancellations_and_reopening() {
    let mut w = world(WardConfig::default());
    file(&mut w, "r1", MONDAY, "q1", "exposed_rubbish", home1());
    file(&mut w, "r1", MONDAY, "q2", "exposed_rubbish", home1());
    file(&mut w, "r1", MONDAY, "q3", "exposed_rubbish", home1());
    let dup = TaskCommand::MarkDuplicate {
        request: "q2".into(),
        of: "q1".into(),
    };
    act(&mut w, "chief", MONDAY, dup).unwrap();
    assert_eq!(w.request("q2").unwrap().duplicate_of.as_deref(), Some("q1"));
    let bad = TaskCommand::MarkDuplicate {
        request: "q3".into(),
        of: "q3".into(),
    };
    assert_eq!(
        act(&mut w, "chief", MONDAY, bad).unwrap_err().code(),
        "bad_duplicate"
    );
    // The filer may withdraw their own request.
    act(
        &mut w,
        "r1",
        MONDAY,
        TaskCommand::Cancel {
            request: "q3".into(),
            reason: "已自行解决".into(),
        },
    )
    .unwrap();
    assert_eq!(status(&w, "q3"), Status::Cancelled);
    assert_eq!(w.tasks().open_count(), 1);
    let handle = TaskCommand::Handle {
        request: "q1".into(),
        report: "ok".into(),
        photos: vec![],
    };
    act(&mut w, "w1", "2026-03-02T10:00:00+08:00", handle).unwrap();
    let verify = TaskCommand::Verify {
        request: "q1".into(),
        passed: false,
        note: "没清干净".into(),
    };
    act(&mut w, "gl", "2026-03-02T11:00:00+08:00", verify).unwrap();
    assert_eq!(status(&w, "q1"), Status::InProgress);
    let handle = TaskCommand::Handle {
        request: "q1".into(),
        report: "再清".into(),
        photos: vec![],
    };
    act(&mut w, "w1", "2026-03-02T12:00:00+08:00", handle).unwrap();
    let verify = TaskCommand::Verify {
        request: "q1".into(),
        passed: true,
        note: String::new(),
    };
    act(&mut w, "gl", "2026-03-02T14:00:00+08:00", verify).unwrap();
    let reopen = TaskCommand::Reopen {
        request: "q1".into(),
        reason: "复发".into(),
    };
    act(&mut w, "chief", "2026-03-03T09:00:00+08:00", reopen).unwrap();
    let row = w.request("q1").unwrap();
    assert_eq!((row.status, row.reopens), (Status::InProgress, 1));
    assert_eq!(row.responsible, Responsible::Person("w1".into()));
}

#[test]
fn micro_wishes_are_claimed_by_donors_for_paired_units() {
    let mut w = world(WardConfig::default());
    let paired = gridward::grid::GridCommand::AddPairedUnit {
        id: "bank".into(),
        name: "建设银行支行".into(),
        community: code(COMMUNITY),
    };
    w.execute(&as_system(MONDAY), paired).unwrap();
    file(&mut w, "r1", MONDAY, "wish", "micro_wish", home1());
    // Anyone registered may give; r2 claims on behalf of the paired bank.
    let claim = TaskCommand::Claim {
        request: "wish".into(),
        donor: Some("bank".into()),
    };
    act(&mut w, "r2", MONDAY, claim).unwrap();
    let row = w.request("wish").unwrap();
    assert_eq!(row.claimed_by.as_deref(), Some("r2"));
    assert_eq!(row.donor.as_deref(), Some("bank"));
}

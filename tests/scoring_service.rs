//! Scoring through the ward: hours from handled requests and plain records, the rules of
//! counting, star grants, the sent-down members' obligation and handlers' scores.

mod common;

use common::requests::{act, file, home1, world, COMMUNITY, GRID, MICRO1, MICRO2};
use common::{appoint, as_person, as_system, code};
use gridward::points::PointsCommand;
use gridward::scoring::{Activity, HoursRules, Progression, ScoringCommand, StarProfile};
use gridward::tasks::{Period, Satisfaction, TaskCommand};
use gridward::{Role, Ward, WardConfig};

fn record(id: &str, person: &str, unit: &str, start: &str, minutes: u32) -> ScoringCommand {
    ScoringCommand::RecordService {
        id: id.into(),
        person: person.into(),
        unit: code(unit),
        activity: Activity::ElderCare,
        started_at: chrono::DateTime::parse_from_rfc3339(start).unwrap(),
        minutes,
        travel_minutes: 40,
        request: None,
        note: String::new(),
    }
}

fn certify(w: &mut Ward, who: &str, id: &str) {
    let cmd = ScoringCommand::CertifyService { id: id.into() };
    w.execute(&as_person(who, "2026-03-31T09:00:00+08:00"), cmd)
        .unwrap();
}

/// Files, handles, verifies and rates a request: handled by `w1`, verified by `gl`.
fn handled_request(w: &mut Ward) {
    file(
        w,
        "r1",
        "2026-03-02T09:00:00+08:00",
        "q1",
        "exposed_rubbish",
        home1(),
    );
    act(
        w,
        "w1",
        "2026-03-02T10:00:00+08:00",
        TaskCommand::Start {
            request: "q1".into(),
        },
    )
    .unwrap();
    let handle = TaskCommand::Handle {
        request: "q1".into(),
        report: "已清运".into(),
        photos: vec![],
    };
    act(w, "w1", "2026-03-02T11:00:00+08:00", handle).unwrap();
    let verify = TaskCommand::Verify {
        request: "q1".into(),
        passed: true,
        note: String::new(),
    };
    act(w, "gl", "2026-03-02T12:00:00+08:00", verify).unwrap();
    let rate = TaskCommand::Rate {
        request: "q1".into(),
        level: Satisfaction::VerySatisfied,
        comment: String::new(),
    };
    act(w, "r1", "2026-03-02T13:00:00+08:00", rate).unwrap();
}

#[test]
fn a_handled_request_counts_hours_certified_by_its_verification() {
    let mut config = WardConfig::default();
    config.points.per_rating.very_satisfied = 5;
    let mut w = world(config);
    handled_request(&mut w);
    let mut cmd = record("s1", "w1", MICRO1, "2026-03-02T10:00:00+08:00", 75);
    if let ScoringCommand::RecordService {
        request, activity, ..
    } = &mut cmd
    {
        *request = Some("q1".into());
        *activity = Activity::HandlingRequest;
    }
    w.execute(&as_person("w1", "2026-03-03T09:00:00+08:00"), cmd.clone())
        .unwrap();
    let r = w.scoring().record("s1").unwrap();
    assert_eq!(r.counted_minutes(), 75, "travel is left out");
    assert_eq!(
        r.status,
        gridward::scoring::ServiceStatus::Certified {
            by: Some("gl".into()),
            counted: 75
        }
    );
    // The same request cannot be recorded twice, under another id either.
    if let ScoringCommand::RecordService { id, .. } = &mut cmd {
        *id = "s2".into();
    }
    let again = w.execute(&as_person("w1", "2026-03-03T09:00:00+08:00"), cmd);
    assert_eq!(again.unwrap_err().code(), "request_recorded");
    // Points: 75 minutes at 1 an hour round down to 1; the rating gives 5.
    let chief = as_person("chief", "2026-03-04T09:00:00+08:00");
    w.execute(
        &chief,
        PointsCommand::EarnForService {
            record: "s1".into(),
        },
    )
    .unwrap();
    w.execute(
        &chief,
        PointsCommand::EarnForRequest {
            request: "q1".into(),
        },
    )
    .unwrap();
    let book = w.points().passbook(w.grid(), "w1").unwrap();
    let lots: Vec<(String, u64)> = book
        .lots()
        .iter()
        .map(|l| (l.id.clone(), l.points))
        .collect();
    assert_eq!(
        lots,
        vec![("service:s1".into(), 1), ("request:q1".into(), 5)]
    );
    let head = w.head();
    w.execute(
        &chief,
        PointsCommand::EarnForRequest {
            request: "q1".into(),
        },
    )
    .unwrap();
    assert_eq!(w.head(), head, "earning twice has one effect");
}

#[test]
fn local_rules_cap_the_day_and_certification_is_someone_elses() {
    let mut config = WardConfig::default();
    config.scoring.hours = HoursRules::hailin();
    let mut w = world(config);
    for (i, minutes) in [(1, 100), (2, 150), (3, 150), (4, 150), (5, 150)] {
        let start = format!("2026-03-10T0{i}:00:00+08:00");
        let cmd = record(&format!("v{i}"), "vol", GRID, &start, minutes);
        w.execute(&as_person("vol", "2026-03-10T20:00:00+08:00"), cmd)
            .unwrap();
    }
    // A service cannot be recorded before it starts; the refusal leaves no trace.
    let head = w.head();
    let early = record("v9", "vol", GRID, "2026-03-11T09:00:00+08:00", 60);
    let err = w.execute(&as_person("vol", "2026-03-10T20:00:00+08:00"), early);
    assert_eq!(err.unwrap_err().code(), "future_service");
    assert_eq!(w.head(), head);
    // The volunteer cannot certify (no permission); a worker cannot certify their own.
    let own = ScoringCommand::CertifyService { id: "v1".into() };
    let err = w.execute(&as_person("vol", "2026-03-31T09:00:00+08:00"), own);
    assert_eq!(err.unwrap_err().code(), "permission_denied");
    for i in 1..=5 {
        certify(&mut w, "gl", &format!("v{i}"));
    }
    // 100 → 90 (half hours down); 150 → 120 (2 h per activity) ×3 = 450; the fifth has
    // 30 left under 8 h a day.
    let counted: Vec<u32> = (1..=5)
        .map(|i| {
            w.scoring()
                .record(&format!("v{i}"))
                .unwrap()
                .counted_minutes()
        })
        .collect();
    assert_eq!(counted, vec![90, 120, 120, 120, 30]);
    let v = w.scoring().volunteer(w.grid(), "vol").unwrap();
    assert_eq!(
        (v.minutes, v.services, v.hours.to_string().as_str()),
        (480, 5, "8.00")
    );
    let mine = record("w1-own", "w1", MICRO1, "2026-03-11T09:00:00+08:00", 60);
    w.execute(&as_person("w1", "2026-03-11T12:00:00+08:00"), mine)
        .unwrap();
    let err = w.execute(
        &as_person("w1", "2026-03-11T12:00:00+08:00"),
        ScoringCommand::CertifyService {
            id: "w1-own".into(),
        },
    );
    assert_eq!(err.unwrap_err().code(), "own_service");
}

#[test]
fn stars_are_granted_one_level_at_a_time_when_stepwise() {
    let mut profile = StarProfile::zhangjiagang();
    profile.progression = Progression::Stepwise { min_days_held: 30 };
    let mut config = WardConfig::default();
    config.scoring.stars = profile;
    let mut w = world(config);
    // 8 records of 16 h = 128 h: 张家港's level 3.
    for i in 0..8 {
        let start = format!("2026-03-{:02}T00:00:00+08:00", 10 + i);
        let cmd = record(&format!("v{i}"), "vol", GRID, &start, 960);
        w.execute(&as_system("2026-03-20T09:00:00+08:00"), cmd)
            .unwrap();
        certify(&mut w, "gl", &format!("v{i}"));
    }
    let grant = |on: &str| ScoringCommand::GrantStars {
        on: on.parse().unwrap(),
    };
    let sa = |on: &str| as_person("sa", &format!("{on}T09:00:00+08:00"));
    w.execute(&sa("2026-04-01"), grant("2026-04-01")).unwrap();
    assert_eq!(w.scoring().volunteer(w.grid(), "vol").unwrap().level, 1);
    w.execute(&sa("2026-04-20"), grant("2026-04-20")).unwrap();
    assert_eq!(
        w.scoring().volunteer(w.grid(), "vol").unwrap().level,
        1,
        "held 19 days"
    );
    w.execute(&sa("2026-05-01"), grant("2026-05-01")).unwrap();
    assert_eq!(w.scoring().volunteer(w.grid(), "vol").unwrap().level, 2);
    let back = w.execute(&sa("2026-05-01"), grant("2026-04-30"));
    assert_eq!(back.unwrap_err().code(), "grant_backdated");
    let by_chief = w.execute(
        &as_person("chief", "2026-06-01T09:00:00+08:00"),
        grant("2026-06-01"),
    );
    assert_eq!(by_chief.unwrap_err().code(), "permission_denied");
    let preview = w
        .scoring()
        .grant_preview(
            w.grid(),
            &w.config().scoring.stars,
            "2026-06-01".parse().unwrap(),
        )
        .unwrap();
    assert_eq!((preview[0].from, preview[0].to), (2, 3));
    let again = Ward::from_jsonl(w.config().clone(), &w.to_jsonl()).unwrap();
    assert_eq!(again.state_digest(), w.state_digest());
}

#[test]
fn obligations_and_handler_scores() {
    let mut w = world(WardConfig::default());
    appoint(&mut w, "sd1", Role::SentDownPartyMember, GRID);
    appoint(&mut w, "sd2", Role::SentDownPartyMember, MICRO2);
    for (id, person, unit, start, minutes) in [
        ("a", "sd1", GRID, "2026-03-05T09:00:00+08:00", 130),
        ("b", "sd2", MICRO2, "2026-03-06T09:00:00+08:00", 60),
        ("c", "sd2", MICRO2, "2026-04-06T09:00:00+08:00", 60),
        ("d", "sd2", MICRO2, "2026-04-07T09:00:00+08:00", 60),
    ] {
        w.execute(&as_system(start), record(id, person, unit, start, minutes))
            .unwrap();
        certify(&mut w, "gl", id);
    }
    let seen = |w: &Ward| -> Vec<(String, String, u32, u32, u32, bool)> {
        let rows = w
            .obligations(code(COMMUNITY), "2026-03", "2026-04")
            .unwrap();
        rows.iter()
            .map(|r| {
                let month = r.month.to_string();
                let visits = (r.services, r.qualifying_visits, r.short_visits);
                (r.person.clone(), month, visits.0, visits.1, visits.2, r.met)
            })
            .collect()
    };
    // At least once a month, at least 2 hours each time: two 1-hour visits are two short
    // visits, not one of 2 hours.
    assert_eq!(
        seen(&w),
        vec![
            ("sd1".into(), "2026-03".into(), 1, 1, 0, true),
            ("sd1".into(), "2026-04".into(), 0, 0, 0, false),
            ("sd2".into(), "2026-03".into(), 1, 0, 1, false),
            ("sd2".into(), "2026-04".into(), 2, 0, 2, false),
        ]
    );
    let april = &w
        .obligations(code(COMMUNITY), "2026-04", "2026-04")
        .unwrap()[1];
    assert_eq!(
        (april.person.as_str(), april.hours.to_string()),
        ("sd2", "2.00".into())
    );
    // The minimums are configurable: with 1-hour visits, twice a month, sd2 meets April.
    let mut config = w.config().clone();
    config.scoring.obligation.minutes_per_service = 60;
    config.scoring.obligation.services_per_month = 2;
    let relaxed = Ward::from_jsonl(config, &w.to_jsonl()).unwrap();
    assert_eq!(
        seen(&relaxed),
        vec![
            ("sd1".into(), "2026-03".into(), 1, 1, 0, false),
            ("sd1".into(), "2026-04".into(), 0, 0, 0, false),
            ("sd2".into(), "2026-03".into(), 1, 1, 0, false),
            ("sd2".into(), "2026-04".into(), 2, 2, 0, true),
        ]
    );
    assert_eq!(
        w.obligations(code(COMMUNITY), "2026-05", "2026-04")
            .unwrap_err()
            .code(),
        "bad_months"
    );
    handled_request(&mut w);
    let period = Period {
        from: chrono::DateTime::parse_from_rfc3339("2026-03-01T00:00:00+08:00").unwrap(),
        to: chrono::DateTime::parse_from_rfc3339("2026-04-01T00:00:00+08:00").unwrap(),
    };
    let scores = w.handler_scores(code(COMMUNITY), &period).unwrap();
    assert_eq!(scores.len(), 1);
    assert_eq!(scores[0].person, "w1");
    assert_eq!(scores[0].rank, Some(1));
    assert_eq!(scores[0].score.unwrap().to_string(), "100.00");
}

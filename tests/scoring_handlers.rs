//! Handlers' scores through the ward: a request assigned to or claimed by a person and
//! left to run past its resolution limit counts against that person, handled or not.

mod common;

use chrono::{DateTime, FixedOffset};
use common::code;
use common::requests::{act, file, home1, world, MICRO2, MONDAY};
use gridward::scoring::HandlerScore;
use gridward::tasks::{Location, Period, Satisfaction, TaskCommand};
use gridward::{Ward, WardConfig};

const COMMUNITY: &str = common::requests::COMMUNITY;

fn t(s: &str) -> DateTime<FixedOffset> {
    DateTime::parse_from_rfc3339(s).unwrap()
}

fn period(from: &str, to: &str) -> Period {
    Period {
        from: t(from),
        to: t(to),
    }
}

/// Handles `q` as `who` at `at`, verifies it an hour later and rates it very satisfied.
fn handle_and_close(w: &mut Ward, who: &str, at: DateTime<FixedOffset>, q: &str, filer: &str) {
    let stamp = |d: DateTime<FixedOffset>| d.to_rfc3339();
    let handle = TaskCommand::Handle {
        request: q.into(),
        report: "已处理".into(),
        photos: vec![],
    };
    act(w, who, &stamp(at), handle).unwrap();
    let verify = TaskCommand::Verify {
        request: q.into(),
        passed: true,
        note: String::new(),
    };
    let later = at + chrono::Duration::hours(1);
    act(w, "gl", &stamp(later), verify).unwrap();
    let rate = TaskCommand::Rate {
        request: q.into(),
        level: Satisfaction::VerySatisfied,
        comment: String::new(),
    };
    act(w, filer, &stamp(later + chrono::Duration::hours(1)), rate).unwrap();
}

fn row<'a>(rows: &'a [HandlerScore], person: &str) -> &'a HandlerScore {
    rows.iter().find(|r| r.person == person).unwrap()
}

fn scores(w: &Ward, p: &Period) -> Vec<HandlerScore> {
    w.handler_scores(code(COMMUNITY), p).unwrap()
}

#[test]
fn sitting_on_an_overdue_request_counts_against_its_holder() {
    let mut w = world(WardConfig::default());
    // q1 goes to w1 (due 3 March 09:00), who never touches it; q2 goes to w2, who handles
    // it the same morning.
    file(&mut w, "r1", MONDAY, "q1", "exposed_rubbish", home1());
    let home2 = Location::Household(format!("{MICRO2}-0"));
    file(&mut w, "r2", MONDAY, "q2", "exposed_rubbish", home2);
    let q2_at = t("2026-03-02T10:00:00+08:00");
    handle_and_close(&mut w, "w2", q2_at, "q2", "r2");

    let march = period("2026-03-01T00:00:00+08:00", "2026-04-01T00:00:00+08:00");
    let rows = scores(&w, &march);
    let people: Vec<&str> = rows.iter().map(|r| r.person.as_str()).collect();
    assert_eq!(people, ["w2", "w1"]);
    let (w1, w2) = (row(&rows, "w1"), row(&rows, "w2"));
    assert_eq!(
        (w2.score.unwrap().to_string(), w2.rank),
        ("100.00".into(), Some(1))
    );
    assert_eq!((w2.handled, w2.held_overdue), (1, 0));
    // w1 handled nothing, yet answers for q1: due, not closed, not on time.
    assert_eq!((w1.handled, w1.held_overdue), (0, 1));
    assert_eq!((w1.due, w1.closed, w1.closed_on_time), (1, 0, 0));
    assert_eq!(w1.score.unwrap().to_string(), "0.00");
    assert_eq!(w1.rank, Some(2));
    assert!(w1.score < w2.score);

    // Asked before q1's limit has passed, it is not overdue and nobody answers for it yet.
    let early = period("2026-03-01T00:00:00+08:00", "2026-03-03T08:00:00+08:00");
    let rows = scores(&w, &early);
    assert_eq!(rows.len(), 1);
    assert_eq!(rows[0].person, "w2");
    let at_limit = period("2026-03-01T00:00:00+08:00", "2026-03-03T09:00:00+08:00");
    assert!(scores(&w, &at_limit).iter().all(|r| r.person != "w1"));
}

#[test]
fn a_late_close_counts_once_for_the_holder_who_handled_it() {
    let mut w = world(WardConfig::default());
    file(&mut w, "r1", MONDAY, "q1", "exposed_rubbish", home1());
    // Handled on the 4th, past the limit of 3 March 09:00: closed late.
    handle_and_close(&mut w, "w1", t("2026-03-04T10:00:00+08:00"), "q1", "r1");
    let march = period("2026-03-01T00:00:00+08:00", "2026-04-01T00:00:00+08:00");
    let rows = scores(&w, &march);
    assert_eq!(rows.len(), 1);
    let w1 = &rows[0];
    assert_eq!(
        (w1.person.as_str(), w1.handled, w1.held_overdue),
        ("w1", 1, 0)
    );
    assert_eq!((w1.due, w1.closed, w1.closed_on_time), (1, 1, 0));
    // 30 × 100 + 30 × 0 + 40 × 100, over 100.
    assert_eq!(w1.score.unwrap().to_string(), "70.00");
}

#[test]
fn a_claimer_who_lets_a_claim_run_late_answers_for_it() {
    let mut w = world(WardConfig::default());
    file(&mut w, "r1", MONDAY, "h0", "neighbour_help", home1());
    let claim = TaskCommand::Claim {
        request: "h0".into(),
        donor: None,
    };
    act(&mut w, "pm1", MONDAY, claim).unwrap();
    let limit = w
        .tasks()
        .request("h0")
        .unwrap()
        .deadlines()
        .unwrap()
        .resolution;
    let after = limit + chrono::Duration::hours(1);
    let p = Period {
        from: t("2026-03-01T00:00:00+08:00"),
        to: after,
    };
    let rows = scores(&w, &p);
    assert_eq!(rows.len(), 1);
    let pm1 = &rows[0];
    assert_eq!(
        (pm1.person.as_str(), pm1.handled, pm1.held_overdue),
        ("pm1", 0, 1)
    );
    assert_eq!(pm1.score.unwrap().to_string(), "0.00");
    // Before the limit the claim is no mark against them.
    let before = Period {
        from: p.from,
        to: limit,
    };
    assert!(scores(&w, &before).is_empty());
}

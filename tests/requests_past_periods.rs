//! A past period's indicators do not move: March's figures, computed at the end of March,
//! are the same after April has reopened, closed again, rated, extended, called
//! departments in on, supervised, parked, cancelled and marked duplicate March's
//! requests — and after the journal is replayed.

mod common;

use common::requests::*;
use common::{as_person, as_system, code};
use gridward::grid::Level;
use gridward::tasks::{Period, Satisfaction, TaskCommand};
use gridward::{Ward, WardConfig};
use gridward_scenarios::at;
use rust_decimal::Decimal;

fn march() -> Period {
    Period {
        from: at("2026-03-01T00:00:00+08:00"),
        to: at("2026-04-01T00:00:00+08:00"),
    }
}

fn run(w: &mut Ward, who: &str, when: &str, cmd: TaskCommand) {
    let result = if who == "system" {
        w.execute(&as_system(when), cmd)
    } else {
        w.execute(&as_person(who, when), cmd)
    };
    result.unwrap();
}

fn handle(id: &str) -> TaskCommand {
    TaskCommand::Handle {
        request: id.into(),
        report: "已处理".into(),
        photos: vec![],
    }
}

fn verify(id: &str) -> TaskCommand {
    TaskCommand::Verify {
        request: id.into(),
        passed: true,
        note: String::new(),
    }
}

fn rate(id: &str, level: Satisfaction) -> TaskCommand {
    TaskCommand::Rate {
        request: id.into(),
        level,
        comment: String::new(),
    }
}

fn reason(text: &str) -> String {
    text.to_owned()
}

/// March: m1 and m2 closed (m2 rated), m3 open past its limit, m4 open within it, m5
/// started and then parked; a sweep on the last evening supervises m3 and m5.
fn march_world() -> Ward {
    let mut w = world(WardConfig::default());
    for (id, filed) in [
        ("m1", "2026-03-02T09:00:00+08:00"),
        ("m2", "2026-03-02T09:00:00+08:00"),
        ("m3", "2026-03-30T09:00:00+08:00"),
        ("m4", "2026-03-31T17:00:00+08:00"),
        ("m5", "2026-03-03T09:00:00+08:00"),
    ] {
        file(&mut w, "r1", filed, id, "exposed_rubbish", home1());
    }
    for id in ["m1", "m2"] {
        run(&mut w, "w1", "2026-03-02T10:00:00+08:00", handle(id));
        run(&mut w, "gl", "2026-03-02T11:00:00+08:00", verify(id));
    }
    let very = Satisfaction::VerySatisfied;
    run(&mut w, "r1", "2026-03-02T12:00:00+08:00", rate("m2", very));
    let start = TaskCommand::Start {
        request: "m5".into(),
    };
    run(&mut w, "w1", "2026-03-03T10:00:00+08:00", start);
    let sweep = TaskCommand::Sweep { scope: None };
    run(&mut w, "system", "2026-03-31T18:00:00+08:00", sweep);
    w
}

/// April does everything it can to March's requests.
fn april(w: &mut Ward) {
    let bad = Satisfaction::Dissatisfied;
    let very = Satisfaction::VerySatisfied;
    // m1: a bad rating reopens it; handled, closed again and rated well.
    run(w, "r1", "2026-04-01T09:00:00+08:00", rate("m1", bad));
    run(w, "w1", "2026-04-01T10:00:00+08:00", handle("m1"));
    run(w, "gl", "2026-04-01T11:00:00+08:00", verify("m1"));
    run(w, "r1", "2026-04-01T12:00:00+08:00", rate("m1", very));
    // m2: reopened by hand, extended, departments called in, supervised, closed again.
    let reopen = TaskCommand::Reopen {
        request: "m2".into(),
        reason: reason("居民再次反映"),
    };
    run(w, "chief", "2026-04-01T09:00:00+08:00", reopen);
    let extend = |id: &str| TaskCommand::Extend {
        request: id.into(),
        reason: reason("需协调"),
    };
    run(w, "chief", "2026-04-01T09:30:00+08:00", extend("m2"));
    let whistle = |id: &str| TaskCommand::Whistle {
        request: id.into(),
        departments: vec!["cg".into()],
        reason: reason("联合执法"),
    };
    run(w, "sa", "2026-04-01T10:00:00+08:00", whistle("m2"));
    let supervise = TaskCommand::Supervise {
        request: "m2".into(),
        reason: reason("反复投诉"),
    };
    run(w, "sa", "2026-04-01T10:30:00+08:00", supervise);
    run(w, "w1", "2026-04-02T10:00:00+08:00", handle("m2"));
    run(w, "gl", "2026-04-02T11:00:00+08:00", verify("m2"));
    // m3: extended (its limit moves past March's end), called in, parked, cancelled.
    run(w, "chief", "2026-04-01T09:30:00+08:00", extend("m3"));
    run(w, "sa", "2026-04-01T10:00:00+08:00", whistle("m3"));
    let sweep = TaskCommand::Sweep { scope: None };
    run(w, "system", "2026-04-10T18:00:00+08:00", sweep);
    let cancel = TaskCommand::Cancel {
        request: "m3".into(),
        reason: reason("居民撤回"),
    };
    run(w, "chief", "2026-04-13T09:00:00+08:00", cancel);
    // m4: started, handled and closed, then rated badly and reopened.
    run(w, "w1", "2026-04-01T09:00:00+08:00", handle("m4"));
    run(w, "gl", "2026-04-01T11:00:00+08:00", verify("m4"));
    run(w, "r1", "2026-04-02T09:00:00+08:00", rate("m4", bad));
    // m5: marked a duplicate of m4.
    let duplicate = TaskCommand::MarkDuplicate {
        request: "m5".into(),
        of: "m4".into(),
    };
    run(w, "chief", "2026-04-02T10:00:00+08:00", duplicate);
}

#[test]
fn march_does_not_move_when_april_changes_marchs_requests() {
    let mut w = march_world();
    let street = Some(code(STREET));
    let before = w.indicators(None, &march()).unwrap();
    let by_street = w.indicators_by(Level::Street, &march());
    let community = w.indicators(Some(code(COMMUNITY)), &march()).unwrap();
    // March as it stood: two closed on time, m3 and m5 overdue, m4 not yet due.
    assert_eq!(
        (
            before.filed,
            before.withdrawn,
            before.due,
            before.closed,
            before.open
        ),
        (5, 0, 4, 2, 3)
    );
    assert_eq!((before.closed_on_time, before.overdue), (2, 2));
    assert_eq!(
        (before.closed_once, before.reopened, before.extended),
        (2, 0, 0)
    );
    // m1, m2 and m5 answered in time; m3's response fell due unanswered; m4's had not.
    assert_eq!((before.response_due, before.responded_on_time), (4, 3));
    assert_eq!((before.rated, before.satisfied), (1, 1));
    assert_eq!(
        (before.whistled, before.supervised, before.parked),
        (0, 2, 1)
    );
    assert_eq!(before.closure_rate, Some(Decimal::new(5000, 2)));
    assert_eq!(before.rework_rate, Some(Decimal::ZERO));

    april(&mut w);
    // April really changed them.
    let now = |id: &str| w.request(id).unwrap();
    assert_eq!(
        (now("m1").reopens, now("m2").reopens, now("m4").reopens),
        (1, 1, 1)
    );
    assert!(now("m2").extended && now("m2").supervised && now("m3").extended);
    assert_eq!(now("m3").status.as_str(), "cancelled");
    assert_eq!(now("m5").status.as_str(), "duplicate");
    assert_eq!(now("m1").rating, Some(Satisfaction::VerySatisfied));

    assert_eq!(w.indicators(None, &march()).unwrap(), before);
    assert_eq!(w.indicators_by(Level::Street, &march()), by_street);
    assert_eq!(
        w.indicators(Some(code(COMMUNITY)), &march()).unwrap(),
        community
    );
    assert_eq!(w.indicators(street, &march()).unwrap(), by_street[0]);

    // Replayed from its journal, the ward counts March the same.
    let replayed = Ward::from_jsonl(WardConfig::default(), &w.to_jsonl()).unwrap();
    assert_eq!(replayed.state_digest(), w.state_digest());
    assert_eq!(replayed.indicators(None, &march()).unwrap(), before);

    // March and April together see April's doings.
    let spring = Period {
        from: march().from,
        to: at("2026-05-01T00:00:00+08:00"),
    };
    let both = w.indicators(None, &spring).unwrap();
    assert_eq!((both.withdrawn, both.reopened, both.closed_once), (2, 3, 3));
    // m3's call and extension went with it when it was cancelled.
    assert_eq!((both.closed, both.whistled, both.extended), (2, 1, 1));
    // m4 reopened and still open: counted below the rework line as well as above it.
    assert_eq!(both.rework_rate, Some(Decimal::ONE_HUNDRED));
}

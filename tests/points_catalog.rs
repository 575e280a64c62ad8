//! Points through the ward: RULES' catalog and spending vectors, reversal with the
//! original expiry, caps, and refusals that leave no trace.

mod common;

use chrono::NaiveDate;
use common::requests::{world, COMMUNITY};
use common::{add_person, as_person, as_system, code};
use gridward::points::{Expiry, PointsCommand, PointsConfig};
use gridward::{Command, Ward, WardConfig};

fn day(text: &str) -> NaiveDate {
    text.parse().unwrap()
}

fn at(d: &str) -> String {
    format!("{d}T10:00:00+08:00")
}

fn award(w: &mut Ward, on: &str, id: &str, person: &str, points: u64) {
    let cmd = PointsCommand::Award {
        id: id.into(),
        person: person.into(),
        unit: code(COMMUNITY),
        points,
        reason: "邻里互助".into(),
    };
    w.execute(&as_system(&at(on)), cmd).unwrap();
}

fn item(w: &mut Ward, id: &str, cost: u64, stock: u32, per_person: Option<u32>) {
    let cmd = PointsCommand::AddItem {
        id: id.into(),
        unit: code(COMMUNITY),
        name: format!("物品{id}"),
        cost,
        stock,
        per_person,
        valid_from: None,
        valid_until: None,
        min_star: None,
    };
    w.execute(&as_system(&at("2026-03-01")), cmd).unwrap();
}

fn redeem(id: &str, person: &str, item: &str) -> PointsCommand {
    PointsCommand::Redeem {
        id: id.into(),
        person: person.into(),
        item: item.into(),
        quantity: 1,
    }
}

/// Runs a redemption as the person, keyed by its id.
fn try_redeem(w: &mut Ward, on: &str, id: &str, person: &str, item: &str) -> Result<(), String> {
    let ctx = as_person(person, &at(on)).with_key(format!("key-{id}"));
    w.execute(&ctx, redeem(id, person, item))
        .map(|_| ())
        .map_err(|e| e.code().to_owned())
}

/// Asserts a command is refused with `code` and changes nothing.
fn refused(w: &mut Ward, on: &str, id: &str, person: &str, item: &str, code: &str) {
    let (head, digest) = (w.head(), w.state_digest());
    assert_eq!(try_redeem(w, on, id, person, item), Err(code.to_owned()));
    assert_eq!((w.head(), w.state_digest()), (head, digest));
}

#[test]
fn stock_ten_per_person_one() {
    let mut w = world(WardConfig::default());
    let people: Vec<String> = (0..11).map(|i| format!("p{i}")).collect();
    for p in &people {
        add_person(&mut w, p, false);
        award(&mut w, "2026-03-02", &format!("a-{p}"), p, 100);
    }
    item(&mut w, "rice", 10, 10, Some(1));
    for (i, p) in people.iter().take(10).enumerate() {
        try_redeem(&mut w, "2026-03-03", &format!("r{i}"), p, "rice").unwrap();
    }
    // The 11th redemption fails: the stock is spent.
    refused(
        &mut w,
        "2026-03-03",
        "r10",
        &people[10],
        "rice",
        "out_of_stock",
    );
    assert_eq!(w.points().item("rice").unwrap().stock, 0);
    // One person's second fails on another item with stock to spare.
    item(&mut w, "oil", 10, 10, Some(1));
    try_redeem(&mut w, "2026-03-04", "o1", "p0", "oil").unwrap();
    refused(&mut w, "2026-03-04", "o2", "p0", "oil", "limit_reached");
    assert_eq!(w.points().item("oil").unwrap().stock, 9);
}

#[test]
fn spending_vector_through_the_ward() {
    let mut w = world(WardConfig::default());
    award(&mut w, "2026-03-02", "A", "r1", 100);
    award(&mut w, "2026-03-03", "B", "r1", 50);
    item(&mut w, "x120", 120, 5, None);
    item(&mut w, "x131", 131, 5, None);
    try_redeem(&mut w, "2026-03-04", "s1", "r1", "x120").unwrap();
    let book = w.points().passbook(w.grid(), "r1").unwrap();
    let left: Vec<u64> = book.lots().iter().map(|l| l.left).collect();
    assert_eq!(left, vec![0, 30], "A is spent first, B keeps 30");
    award(&mut w, "2026-03-05", "C", "r1", 100);
    assert_eq!(
        w.points()
            .passbook(w.grid(), "r1")
            .unwrap()
            .available(day("2026-03-05")),
        130
    );
    refused(
        &mut w,
        "2026-03-05",
        "s2",
        "r1",
        "x131",
        "insufficient_points",
    );
    // A retry with the same key has one effect; the key for another command conflicts.
    let ctx = as_person("r1", &at("2026-03-04")).with_key("key-s1");
    assert!(
        w.execute(&ctx, redeem("s1", "r1", "x120"))
            .unwrap()
            .duplicate
    );
    let other = w.execute(&ctx, redeem("s9", "r1", "x120")).unwrap_err();
    assert_eq!(other.code(), "idempotency_conflict");
    // Without a key a redemption is refused.
    let bare = as_person("r1", &at("2026-03-05"));
    assert_eq!(
        w.execute(&bare, redeem("s3", "r1", "x120"))
            .unwrap_err()
            .code(),
        "key_required"
    );
}

#[test]
fn reversal_restores_lots_with_their_original_expiry() {
    let mut points = PointsConfig::default();
    points.expiry = Expiry::Days { days: 30 };
    let config = WardConfig::default().with_points(points);
    let mut w = world(config);
    award(&mut w, "2026-01-10", "A", "r1", 40);
    award(&mut w, "2026-01-20", "B", "r1", 40);
    item(&mut w, "bus", 60, 3, None);
    try_redeem(&mut w, "2026-01-25", "b1", "r1", "bus").unwrap();
    let r = w.points().redemption("b1").unwrap().clone();
    assert_eq!(
        r.taken.iter().map(|t| t.points).collect::<Vec<_>>(),
        vec![40, 20]
    );
    let cmd = PointsCommand::Reverse {
        id: "b1".into(),
        reason: "未领取".into(),
    };
    w.execute(&as_person("chief", &at("2026-02-12")), cmd.clone())
        .unwrap();
    let book = w.points().passbook(w.grid(), "r1").unwrap();
    assert_eq!(book.lots()[0].left, 40);
    assert_eq!(book.lots()[0].expires_on, Some(day("2026-02-08")));
    // A's points are back but past their last day: on 12 February only B's 40 count.
    assert_eq!(book.available(day("2026-02-12")), 40);
    assert_eq!(w.points().item("bus").unwrap().stock, 3);
    let again = w.execute(&as_person("chief", &at("2026-02-12")), cmd);
    assert_eq!(again.unwrap_err().code(), "already_reversed");
    let run = PointsCommand::Expire {
        on: day("2026-02-12"),
    };
    w.execute(&as_system(&at("2026-02-12")), run).unwrap();
    let book = w.points().passbook(w.grid(), "r1").unwrap();
    assert_eq!((book.expired(), book.balance()), (40, 40));
    assert_eq!(
        book.earned(),
        book.spent() + book.expired() + book.balance()
    );
    // The journal replays to the same state.
    let again = Ward::from_jsonl(w.config().clone(), &w.to_jsonl()).unwrap();
    assert_eq!(again.state_digest(), w.state_digest());
}

#[test]
fn awards_are_idempotent_and_capped() {
    let mut config = WardConfig::default();
    config.points.caps = vec![gridward::points::Cap {
        period: gridward::points::CapPeriod::Month,
        points: 100,
    }];
    let mut w = world(config);
    award(&mut w, "2026-03-02", "a1", "r1", 70);
    let head = w.head();
    award(&mut w, "2026-03-02", "a1", "r1", 70);
    assert_eq!(w.head(), head, "the same award twice has one effect");
    award(&mut w, "2026-03-03", "a2", "r1", 70);
    let lots = w.points().passbook(w.grid(), "r1").unwrap().lots().to_vec();
    assert_eq!(lots[1].points, 30, "cut to the month's cap");
    let cmd = Command::from(PointsCommand::Award {
        id: "a3".into(),
        person: "r1".into(),
        unit: code(COMMUNITY),
        points: 5,
        reason: "x".into(),
    });
    let err = w.execute(&as_system(&at("2026-03-04")), cmd.clone());
    assert_eq!(err.unwrap_err().code(), "cap_reached");
    assert!(w.execute(&as_system(&at("2026-04-01")), cmd).is_ok());
    let refused = PointsCommand::Award {
        id: "a1".into(),
        person: "r1".into(),
        unit: code(COMMUNITY),
        points: 71,
        reason: "x".into(),
    };
    let err = w.execute(&as_system(&at("2026-04-02")), refused);
    assert_eq!(err.unwrap_err().code(), "earning_exists");
    // A resident may not award points.
    let by_resident = PointsCommand::Award {
        id: "a9".into(),
        person: "r1".into(),
        unit: code(COMMUNITY),
        points: 5,
        reason: "x".into(),
    };
    let err = w.execute(&as_person("r2", &at("2026-04-02")), by_resident);
    assert_eq!(err.unwrap_err().code(), "permission_denied");
}

#[test]
fn redemptions_for_oneself_for_another_and_found_by_id() {
    let mut w = world(WardConfig::default());
    award(&mut w, "2026-03-02", "a1", "r1", 1_000);
    award(&mut w, "2026-03-02", "a2", "r2", 100);
    item(&mut w, "soap", 1, 1_000, None);
    // A resident may not spend another's points: refused, and nothing changes.
    let (head, digest) = (w.head(), w.state_digest());
    let ctx = as_person("r1", &at("2026-03-03")).with_key("key-x1");
    let err = w.execute(&ctx, redeem("x1", "r2", "soap")).unwrap_err();
    assert_eq!(err.code(), "permission_denied");
    assert_eq!((w.head(), w.state_digest()), (head, digest));
    // Staff who keep points redeem for a resident; residents for themselves.
    let ctx = as_person("chief", &at("2026-03-03")).with_key("key-x2");
    w.execute(&ctx, redeem("x2", "r2", "soap")).unwrap();
    let book = w.points().passbook(w.grid(), "r2").unwrap();
    assert_eq!(book.balance(), 99);
    for i in 0..300 {
        try_redeem(&mut w, "2026-03-03", &format!("s{i}"), "r1", "soap").unwrap();
    }
    // Every redemption is found by its id, and an id taken is refused.
    for i in 0..300 {
        let r = w.points().redemption(&format!("s{i}")).unwrap();
        assert_eq!((r.person.as_str(), r.points), ("r1", 1));
    }
    assert_eq!(w.points().redemption("x2").unwrap().person, "r2");
    assert!(w.points().redemption("s300").is_none());
    // Under a fresh key (the same key and command would be a retry).
    let (head, digest) = (w.head(), w.state_digest());
    let ctx = as_person("r1", &at("2026-03-03")).with_key("key-again");
    let err = w.execute(&ctx, redeem("s17", "r1", "soap")).unwrap_err();
    assert_eq!(err.code(), "redemption_exists");
    assert_eq!((w.head(), w.state_digest()), (head, digest));
    let cmd = PointsCommand::Reverse {
        id: "s150".into(),
        reason: "未领取".into(),
    };
    w.execute(&as_person("chief", &at("2026-03-04")), cmd)
        .unwrap();
    assert!(w.points().redemption("s150").unwrap().reversed.is_some());
    let book = w.points().passbook(w.grid(), "r1").unwrap();
    assert_eq!(book.balance(), 701);
    // The journal replays to the same state, indexes included.
    let again = Ward::from_jsonl(w.config().clone(), &w.to_jsonl()).unwrap();
    assert_eq!(again.state_digest(), w.state_digest());
    assert_eq!(again.points(), w.points());
    assert_eq!(again.points().redemption("s299").unwrap().id, "s299");
}

//! Points' queries against a small community: a passbook of two lots earned a year apart,
//! a redemption reversed and one standing, an expiry run — the figures the old faces'
//! tests relied on — and their refusals.

use serde_json::json;

use super::points::*;
use super::scoring_tests::{code, day, run, world, COMMUNITY};
use crate::points::{Expiry, Movement, PointsCommand, Reversal, Source, Take};
use crate::surface::Catalog;
use crate::ward::{Ward, WardConfig};

fn award(w: &mut Ward, id: &str, points: u64, at: &str) {
    let command = PointsCommand::Award {
        id: id.into(),
        person: "r1".into(),
        unit: code(COMMUNITY),
        points,
        reason: "社区表彰".into(),
    };
    run(w, Some("chief"), at, command);
}

fn redeem(w: &mut Ward, id: &str, at: &str) {
    let command = PointsCommand::Redeem {
        id: id.into(),
        person: "r1".into(),
        item: "oil".into(),
        quantity: 1,
    };
    run(w, Some("r1"), at, command);
}

/// Points expire at the end of the year they were earned in. `r1` earns 100 in December
/// 2025 and 50 in January 2026.
fn earned() -> Ward {
    let mut config = WardConfig::default();
    config.points.expiry = Expiry::EndOfYear;
    let mut w = world(config);
    award(&mut w, "old", 100, "2025-12-20T10:00:00+08:00");
    award(&mut w, "new", 50, "2026-01-10T10:00:00+08:00");
    w
}

/// Then: oil at 40 points, 3 in stock; `r1` redeems one (`red1`), which is reversed, then
/// another (`red2`); an expiry run on 15 January lapses the 2025 lot.
fn spent() -> Ward {
    let mut w = earned();
    let add = PointsCommand::AddItem {
        id: "oil".into(),
        unit: code(COMMUNITY),
        name: "食用油".into(),
        cost: 40,
        stock: 3,
        per_person: None,
        valid_from: None,
        valid_until: None,
        min_star: None,
    };
    run(&mut w, Some("chief"), "2026-01-10T11:00:00+08:00", add);
    redeem(&mut w, "red1", "2026-01-11T10:00:00+08:00");
    let reverse = PointsCommand::Reverse {
        id: "red1".into(),
        reason: "领错了".into(),
    };
    run(&mut w, Some("chief"), "2026-01-12T10:00:00+08:00", reverse);
    redeem(&mut w, "red2", "2026-01-13T10:00:00+08:00");
    let expire = PointsCommand::Expire {
        on: day("2026-01-15"),
    };
    run(&mut w, Some("chief"), "2026-01-15T10:00:00+08:00", expire);
    w
}

fn passbook(w: &Ward, person: &str) -> Option<crate::points::PassbookView> {
    w.ask(PassbookOf {
        person: person.into(),
    })
    .unwrap()
}

#[test]
fn a_passbook_with_its_lots() {
    let w = earned();
    let book = passbook(&w, "r1").unwrap();
    assert_eq!(
        (
            book.person.as_str(),
            book.earned,
            book.spent,
            book.expired,
            book.balance
        ),
        ("r1", 150, 0, 0, 150)
    );
    let lots: Vec<_> = book
        .lots
        .iter()
        .map(|l| (l.id.as_str(), l.source, l.expires_on, l.left))
        .collect();
    assert_eq!(
        lots,
        vec![
            ("award:old", Source::Award, Some(day("2025-12-31")), 100),
            ("award:new", Source::Award, Some(day("2026-12-31")), 50),
        ]
    );
    let after = passbook(&spent(), "r1").unwrap();
    assert_eq!(
        (after.earned, after.spent, after.expired, after.balance),
        (150, 40, 100, 10)
    );
    assert_eq!(after.earned, after.spent + after.expired + after.balance);
    let left: Vec<_> = after.lots.iter().map(|l| (l.left, l.expired)).collect();
    assert_eq!(left, vec![(0, 100), (10, 0)]);
    assert_eq!(passbook(&w, "r2"), None);
    assert_eq!(passbook(&w, "nobody"), None);
}

#[test]
fn points_available_on_a_day() {
    let w = earned();
    let on = |person: &str, text: &str| {
        w.ask(AvailablePoints {
            person: person.into(),
            on: day(text),
        })
    };
    // In 2026 the 2025 lot is past its last day: only the new one may be spent.
    assert_eq!(on("r1", "2026-01-10").unwrap(), 50);
    assert_eq!(on("r2", "2026-01-10").unwrap(), 0);
    assert_eq!(
        on("nobody", "2026-01-10").unwrap_err().code(),
        "unknown_person"
    );
}

#[test]
fn a_passbook_history_oldest_first() {
    let w = spent();
    let history = w
        .ask(PassbookHistory {
            person: "r1".into(),
        })
        .unwrap();
    let seen: Vec<_> = history
        .iter()
        .map(|h| (h.on, h.movement, h.points, h.balance, h.reference.as_str()))
        .collect();
    assert_eq!(
        seen,
        vec![
            (day("2025-12-20"), Movement::Earned, 100, 100, "award:old"),
            (day("2026-01-10"), Movement::Earned, 50, 150, "award:new"),
            (day("2026-01-11"), Movement::Redeemed, 40, 110, "red1"),
            (day("2026-01-12"), Movement::Reversed, 40, 150, "red1"),
            (day("2026-01-13"), Movement::Redeemed, 40, 110, "red2"),
            (day("2026-01-15"), Movement::Expired, 100, 10, "award:old"),
        ]
    );
    let none = w.ask(PassbookHistory {
        person: "r2".into(),
    });
    assert_eq!(none.unwrap(), vec![]);
}

#[test]
fn the_catalog() {
    let w = spent();
    let items = w.ask(Items {}).unwrap();
    assert_eq!(items.len(), 1);
    let oil = &items[0];
    // Three in stock, one redeemed for good.
    assert_eq!(
        (
            oil.id.as_str(),
            oil.unit,
            oil.cost,
            oil.stock,
            oil.per_person
        ),
        ("oil", code(COMMUNITY), 40, 2, None)
    );
    assert_eq!(
        w.ask(ItemOf { id: "oil".into() }).unwrap().as_ref(),
        Some(oil)
    );
    assert_eq!(w.ask(ItemOf { id: "nope".into() }).unwrap(), None);
    assert_eq!(Ward::default().ask(Items {}).unwrap(), vec![]);
}

#[test]
fn redemptions_by_id_and_as_flat_rows() {
    let w = spent();
    let red1 = w.ask(RedemptionOf { id: "red1".into() }).unwrap().unwrap();
    assert_eq!(
        red1.reversed,
        Some(Reversal {
            on: day("2026-01-12"),
            reason: "领错了".into()
        })
    );
    assert_eq!(red1.taken, vec![Take { lot: 1, points: 40 }]);
    assert_eq!(w.ask(RedemptionOf { id: "nope".into() }).unwrap(), None);
    let rows = w.ask(Redemptions {}).unwrap();
    let seen: Vec<_> = rows
        .iter()
        .map(|r| {
            let reason = r.reversal_reason.as_deref();
            (r.id.as_str(), r.points, r.on, r.reversed_on, reason)
        })
        .collect();
    assert_eq!(
        seen,
        vec![
            (
                "red1",
                40,
                day("2026-01-11"),
                Some(day("2026-01-12")),
                Some("领错了")
            ),
            ("red2", 40, day("2026-01-13"), None, None),
        ]
    );
    assert_eq!(rows[1].taken, vec![Take { lot: 1, points: 40 }]);
    assert_eq!(
        serde_json::to_value(&rows[1]).unwrap(),
        json!({"id": "red2", "person": "r1", "item": "oil", "quantity": 1, "points": 40,
            "on": "2026-01-13", "taken": [{"lot": 1, "points": 40}], "reversed_on": null,
            "reversal_reason": null})
    );
}

#[test]
fn totals_across_the_ward() {
    let t = spent().ask(Totals {}).unwrap();
    assert_eq!(
        (t.people, t.earned, t.spent, t.expired, t.balance),
        (1, 150, 40, 100, 10)
    );
    assert_eq!((t.redemptions, t.reversed), (1, 1));
    assert_eq!(Ward::default().ask(Totals {}).unwrap().people, 0);
}

#[test]
fn the_faces_reach_points_by_name() {
    let w = spent();
    let catalog = Catalog::embedded().unwrap();
    let ask = |name: &str, args| catalog.ask(&w, "points", name, args).map(|(v, _)| v);
    assert_eq!(
        ask("totals", json!({})).unwrap(),
        json!({"people": 1, "earned": 150, "spent": 40, "expired": 100, "balance": 10,
            "redemptions": 1, "reversed": 1})
    );
    let on = json!({"person": "r1", "on": "2026-01-13"});
    assert_eq!(ask("available_points", on).unwrap(), json!(10));
    let book = ask("passbook", json!({"person": "r1"})).unwrap();
    assert_eq!(
        book["lots"][1],
        json!({"id": "award:new", "source": "award", "earned_on": "2026-01-10",
            "expires_on": "2026-12-31", "points": 50, "left": 10, "expired": 0})
    );
    assert_eq!(
        ask("passbook", json!({"person": "r2"})).unwrap(),
        json!(null)
    );
    let bad = ask(
        "available_points",
        json!({"person": "r1", "on": "13/01/2026"}),
    );
    assert_eq!(bad.unwrap_err().code(), "bad_format");
    let stray = ask("items", json!({"unit": COMMUNITY}));
    assert_eq!(stray.unwrap_err().code(), "unknown_field");
}

#[test]
fn every_query_is_in_the_set() {
    let names: Vec<&str> = POINTS_QUERIES.entries.iter().map(|e| e.name).collect();
    assert_eq!(
        names,
        [
            "passbook",
            "available_points",
            "passbook_history",
            "items",
            "item",
            "redemptions",
            "redemption",
            "totals"
        ]
    );
}

use chrono::NaiveDate;

use super::*;

fn day(text: &str) -> NaiveDate {
    text.parse().unwrap()
}

fn lot(id: &str, earned: &str, expires: Option<&str>, points: u64) -> Lot {
    Lot {
        id: id.to_owned(),
        source: Source::Award,
        earned_on: day(earned),
        expires_on: expires.map(day),
        points,
        left: points,
        expired: 0,
    }
}

#[test]
fn spending_vector() {
    // Lots A = 100 (older) and B = 50: spending 120 leaves A 0 and B 30.
    let mut book = Passbook::default();
    book.add_lot(lot("A", "2026-01-05", None, 100));
    book.add_lot(lot("B", "2026-02-05", None, 50));
    let on = day("2026-03-01");
    assert_eq!(book.available(on), 150);
    let plan = book.plan(120, on).unwrap();
    assert_eq!(
        plan,
        vec![
            Take {
                lot: 0,
                points: 100
            },
            Take { lot: 1, points: 20 }
        ]
    );
    book.take(&plan, on, 0);
    assert_eq!((book.lots[0].left, book.lots[1].left), (0, 30));
    // Topped up to 130 available, 131 cannot be spent and nothing changes.
    book.add_lot(lot("C", "2026-03-01", None, 100));
    assert_eq!(book.available(on), 130);
    let before = book.clone();
    assert_eq!(book.plan(131, on), None);
    assert_eq!(book, before);
}

#[test]
fn earliest_expiry_first_then_earliest_earned() {
    let mut book = Passbook::default();
    book.add_lot(lot("never", "2026-01-01", None, 10));
    book.add_lot(lot("year", "2026-02-01", Some("2026-12-31"), 10));
    book.add_lot(lot("month", "2026-03-01", Some("2026-03-31"), 10));
    book.add_lot(lot("month-older", "2026-02-15", Some("2026-03-31"), 10));
    let plan = book.plan(35, day("2026-03-10")).unwrap();
    let order: Vec<u32> = plan.iter().map(|t| t.lot).collect();
    assert_eq!(order, vec![3, 2, 1, 0]);
    assert_eq!(plan[3].points, 5);
    // In April the March lots are past their last day: not usable, even before a run.
    assert_eq!(book.available(day("2026-04-01")), 20);
    assert_eq!(book.plan(21, day("2026-04-01")), None);
}

#[test]
fn restore_and_expire_keep_every_point() {
    let mut book = Passbook::default();
    book.add_lot(lot("a", "2026-01-01", Some("2026-01-31"), 40));
    book.add_lot(lot("b", "2026-01-02", None, 60));
    let on = day("2026-01-10");
    let plan = book.plan(70, on).unwrap();
    book.take(&plan, on, 0);
    book.restore(&plan, day("2026-01-20"), 0);
    assert_eq!((book.lots[0].left, book.lots[1].left), (40, 60));
    book.expire(0, 40, day("2026-02-01"));
    assert_eq!(
        book.earned(),
        book.spent() + book.expired() + book.balance()
    );
    assert_eq!((book.expired(), book.balance()), (40, 60));
    assert_eq!(book.history.len(), 5);
}

#[test]
fn expiry_rules() {
    let earned = day("2026-02-10");
    assert_eq!(Expiry::Never.last_day(earned), None);
    assert_eq!(
        Expiry::Days { days: 30 }.last_day(earned),
        Some(day("2026-03-11"))
    );
    assert_eq!(Expiry::Days { days: 1 }.last_day(earned), Some(earned));
    assert_eq!(Expiry::EndOfMonth.last_day(earned), Some(day("2026-02-28")));
    assert_eq!(
        Expiry::EndOfMonth.last_day(day("2026-12-05")),
        Some(day("2026-12-31"))
    );
    assert_eq!(Expiry::EndOfYear.last_day(earned), Some(day("2026-12-31")));
    assert_eq!(CapPeriod::Month.start(earned), day("2026-02-01"));
    assert_eq!(CapPeriod::Year.start(earned), day("2026-01-01"));
}

#[test]
fn item_window() {
    let item = Item {
        id: "bus".into(),
        unit: "510105001001".parse().unwrap(),
        name: "公交卡".into(),
        cost: 10,
        stock: 1,
        per_person: None,
        valid_from: Some(day("2026-01-01")),
        valid_until: Some(day("2026-06-30")),
        min_star: None,
    };
    assert!(!item.open_on(day("2025-12-31")));
    assert!(item.open_on(day("2026-01-01")));
    assert!(item.open_on(day("2026-06-30")));
    assert!(!item.open_on(day("2026-07-01")));
}

proptest::proptest! {
    /// However the lots came (in spending order or not), a plan takes them earliest
    /// expiry first (never last), then earliest earned, skipping lots past their day.
    #[test]
    fn plans_follow_the_spending_order_however_the_lots_came(
        lots in proptest::collection::vec((0i64..60, proptest::option::of(0i64..90), 1u64..50), 1..8),
        spend in 1u64..200,
    ) {
        let start = day("2026-01-01");
        let on = start + chrono::Duration::days(45);
        let mut book = Passbook::default();
        for (i, &(earned, expires, points)) in lots.iter().enumerate() {
            let earned_on = start + chrono::Duration::days(earned);
            let expires_on = expires.map(|d| earned_on + chrono::Duration::days(d));
            book.add_lot(Lot {
                id: format!("l{i}"),
                source: Source::Award,
                earned_on,
                expires_on,
                points,
                left: points,
                expired: 0,
            });
        }
        let mut order: Vec<usize> = (0..book.lots.len()).collect();
        order.sort_by_key(|&i| {
            let l = &book.lots[i];
            (l.expires_on.unwrap_or(NaiveDate::MAX), l.earned_on, i)
        });
        let mut need = spend;
        let mut expected = Vec::new();
        for i in order {
            let l = &book.lots[i];
            if need == 0 || !l.usable_on(on) {
                continue;
            }
            let take = l.left.min(need);
            expected.push(Take { lot: i as u32, points: take });
            need -= take;
        }
        let expected = (need == 0).then_some(expected);
        proptest::prop_assert_eq!(book.plan(spend, on), expected);
    }
}

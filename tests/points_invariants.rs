//! Property tests of points: no sequence of awards, redemptions (some retried under the
//! same key, some with a key reused for something else), reversals, restocks, expiry
//! runs and days passing loses a point or a piece of stock, spends a lot past its last
//! day, or leaves a trace when refused; a reversal puts back exactly what was taken;
//! and replaying the journal gives the same state.

use chrono::{DateTime, Days, FixedOffset, NaiveDate};
use gridward::grid::{GridCommand, NodeCode};
use gridward::points::{Cap, CapPeriod, Expiry, PointsCommand};
use gridward::{Actor, Command, Context, Error, Receipt, Ward, WardConfig};
use proptest::prelude::*;

const COMMUNITY: &str = "510105001001";
const PEOPLE: usize = 4;
/// A catalog item as the test sets it up.
struct Spec {
    id: &'static str,
    cost: u64,
    stock: u32,
    per_person: Option<u32>,
    min_star: Option<u8>,
}

/// Soap is scarce and limited to two a person; bus rides need a star nobody holds.
const ITEMS: [Spec; 3] = [
    Spec {
        id: "soap",
        cost: 7,
        stock: 5,
        per_person: Some(2),
        min_star: None,
    },
    Spec {
        id: "rice",
        cost: 3,
        stock: 8,
        per_person: None,
        min_star: None,
    },
    Spec {
        id: "bus",
        cost: 2,
        stock: 50,
        per_person: None,
        min_star: Some(1),
    },
];

fn person(i: usize) -> String {
    format!("p{i}")
}

fn community() -> NodeCode {
    NodeCode::parse(COMMUNITY).unwrap()
}

fn start() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 1, 5).unwrap()
}

fn time(day: NaiveDate, step: usize) -> DateTime<FixedOffset> {
    let text = format!("{day}T{:02}:{:02}:00+08:00", 8 + step % 10, step % 60);
    DateTime::parse_from_rfc3339(&text).unwrap()
}

fn act(ward: &mut Ward, ctx: &Context, c: impl Into<Command>) -> Result<Receipt, Error> {
    ward.execute(ctx, c)
}

/// The community, its people and its catalog, under `config`.
fn ward(config: WardConfig) -> Ward {
    let mut w = Ward::new(config);
    let ctx = Context::new(Actor::System, time(start(), 0));
    for (code, name) in [
        ("510105", "青羊区"),
        ("510105001", "草市街街道"),
        (COMMUNITY, "吉福社区"),
    ] {
        let code = NodeCode::parse(code).unwrap();
        act(
            &mut w,
            &ctx,
            GridCommand::AddUnit {
                code,
                name: name.into(),
                domains: None,
            },
        )
        .unwrap();
    }
    for i in 0..PEOPLE {
        let add = GridCommand::AddPerson {
            id: person(i),
            name: format!("居民{i}"),
            phone: None,
            party_member: false,
        };
        act(&mut w, &ctx, add).unwrap();
    }
    for it in &ITEMS {
        let add = PointsCommand::AddItem {
            id: it.id.into(),
            unit: community(),
            name: it.id.into(),
            cost: it.cost,
            stock: it.stock,
            per_person: it.per_person,
            valid_from: None,
            valid_until: None,
            min_star: it.min_star,
        };
        act(&mut w, &ctx, add).unwrap();
    }
    w
}

#[derive(Clone, Debug)]
enum Op {
    /// Award points to a person.
    Award(usize, u64),
    /// A person redeems pieces of an item for themselves (or, when the flag is set, for
    /// the next person, which they may not).
    Redeem(usize, usize, u32, bool),
    /// The last redemption tried again under its key.
    Retry,
    /// A key used before, given to a different redemption.
    ReuseKey(usize),
    /// A redemption without a key.
    NoKey(usize, usize),
    /// Staff (or, when the flag is set, a resident) reverse the n-th redemption.
    Reverse(usize, bool),
    /// Stock added.
    Restock(usize, u32),
    /// An expiry run.
    Expire,
    /// Days pass.
    Advance(u64),
}

fn op() -> impl Strategy<Value = Op> {
    prop_oneof![
        4 => (0..PEOPLE, 1u64..60).prop_map(|(p, n)| Op::Award(p, n)),
        6 => (0..PEOPLE, 0..ITEMS.len(), 1u32..4, proptest::bool::weighted(0.1))
            .prop_map(|(p, i, q, other)| Op::Redeem(p, i, q, other)),
        2 => Just(Op::Retry),
        1 => (0usize..20).prop_map(Op::ReuseKey),
        1 => (0..PEOPLE, 0..ITEMS.len()).prop_map(|(p, i)| Op::NoKey(p, i)),
        2 => (0usize..20, proptest::bool::weighted(0.2)).prop_map(|(n, r)| Op::Reverse(n, r)),
        1 => (0..ITEMS.len(), 1u32..5).prop_map(|(i, q)| Op::Restock(i, q)),
        1 => Just(Op::Expire),
        3 => (1u64..12).prop_map(Op::Advance),
    ]
}

fn config() -> impl Strategy<Value = WardConfig> {
    let expiry = prop_oneof![
        Just(Expiry::Days { days: 20 }),
        Just(Expiry::EndOfMonth),
        Just(Expiry::Never),
    ];
    let caps = prop_oneof![
        Just(Vec::new()),
        Just(vec![Cap {
            period: CapPeriod::Month,
            points: 120,
        }]),
    ];
    (expiry, caps).prop_map(|(expiry, caps)| {
        let mut c = WardConfig::default();
        c.points.expiry = expiry;
        c.points.caps = caps;
        c
    })
}

/// Every invariant of the accounts that holds after any step.
fn check_accounts(w: &Ward, restocked: &[u32]) -> Result<(), TestCaseError> {
    let points = w.points();
    let grid = w.grid();
    let standing: Vec<_> = points
        .redemptions()
        .iter()
        .filter(|r| r.reversed.is_none())
        .collect();
    for i in 0..PEOPLE {
        let who = person(i);
        let Some(book) = points.passbook(grid, &who) else {
            prop_assert!(standing.iter().all(|r| r.person != who));
            continue;
        };
        let lots = book.lots();
        prop_assert_eq!(
            book.earned(),
            book.spent() + book.expired() + book.balance()
        );
        prop_assert_eq!(book.balance(), lots.iter().map(|l| l.left).sum::<u64>());
        prop_assert_eq!(book.earned(), lots.iter().map(|l| l.points).sum::<u64>());
        prop_assert_eq!(book.expired(), lots.iter().map(|l| l.expired).sum::<u64>());
        for l in lots {
            prop_assert!(l.left + l.expired <= l.points);
        }
        let spent: u64 = standing
            .iter()
            .filter(|r| r.person == who)
            .map(|r| r.points)
            .sum();
        prop_assert_eq!(book.spent(), spent);
        // What the lots are missing is what standing redemptions took and what expired.
        let mut taken = vec![0u64; lots.len()];
        for r in standing.iter().filter(|r| r.person == who) {
            for t in &r.taken {
                taken[t.lot as usize] += t.points;
            }
        }
        for (l, t) in lots.iter().zip(&taken) {
            prop_assert_eq!(l.points, l.left + l.expired + t);
        }
    }
    for (ix, spec) in ITEMS.iter().enumerate() {
        let (id, cost, opening, per_person) = (spec.id, spec.cost, spec.stock, spec.per_person);
        let item = points.item(id).unwrap();
        let out: u32 = standing
            .iter()
            .filter(|r| r.item == id)
            .map(|r| r.quantity)
            .sum();
        prop_assert_eq!(item.stock + out, opening + restocked[ix]);
        if let Some(limit) = per_person {
            for i in 0..PEOPLE {
                let held: u32 = standing
                    .iter()
                    .filter(|r| r.item == id && r.person == person(i))
                    .map(|r| r.quantity)
                    .sum();
                prop_assert!(held <= limit, "{} holds {} of {}", person(i), held, id);
            }
        }
        for r in standing.iter().filter(|r| r.item == id) {
            prop_assert_eq!(r.points, cost * u64::from(r.quantity));
        }
    }
    for r in points.redemptions() {
        let book = points.passbook(grid, &r.person).unwrap();
        let mut total = 0;
        for t in &r.taken {
            let lot = &book.lots()[t.lot as usize];
            let usable = match lot.expires_on {
                Some(last) => r.on <= last,
                None => true,
            };
            prop_assert!(
                usable,
                "redemption {} on {} took from lot {} whose last day is {:?}",
                r.id,
                r.on,
                lot.id,
                lot.expires_on
            );
            prop_assert!(lot.earned_on <= r.on);
            total += t.points;
        }
        prop_assert_eq!(total, r.points);
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(120))]
    #[test]
    fn points_add_up_and_stock_is_never_lost(
        config in config(),
        ops in proptest::collection::vec(op(), 1..80),
    ) {
        let mut w = ward(config.clone());
        let mut day = start();
        let mut restocked = vec![0u32; ITEMS.len()];
        // Redemptions tried with a key: (key, actor, command); keys a redemption holds.
        let mut keyed: Vec<(String, Actor, PointsCommand)> = Vec::new();
        let mut held_keys: Vec<(String, Actor)> = Vec::new();
        for (i, op) in ops.iter().enumerate() {
            let at = time(day, i);
            let system = Context::new(Actor::System, at);
            let (head, digest) = (w.head(), w.state_digest());
            let mut reversal = None;
            let outcome = match op {
                Op::Award(p, n) => act(&mut w, &system, PointsCommand::Award {
                    id: format!("a{i}"),
                    person: person(*p),
                    unit: community(),
                    points: *n,
                    reason: "volunteering".into(),
                }),
                Op::Redeem(p, item, q, other) => {
                    let whom = if *other { (p + 1) % PEOPLE } else { *p };
                    let command = PointsCommand::Redeem {
                        id: format!("r{i}"),
                        person: person(whom),
                        item: ITEMS[*item].id.into(),
                        quantity: *q,
                    };
                    let key = format!("k{i}");
                    let actor = Actor::person(person(*p));
                    keyed.push((key.clone(), actor.clone(), command.clone()));
                    act(&mut w, &Context::new(actor, at).with_key(key), command)
                }
                Op::Retry => match keyed.last() {
                    Some((key, actor, command)) => {
                        let ctx = Context::new(actor.clone(), at).with_key(key.clone());
                        act(&mut w, &ctx, command.clone())
                    }
                    None => continue,
                },
                Op::ReuseKey(n) => {
                    if held_keys.is_empty() {
                        continue;
                    }
                    let (key, actor) = held_keys[n % held_keys.len()].clone();
                    let Actor::Person(who) = &actor else { unreachable!() };
                    let command = PointsCommand::Redeem {
                        id: format!("r{i}"),
                        person: who.clone(),
                        item: ITEMS[1].id.into(),
                        quantity: 1,
                    };
                    let r = act(&mut w, &Context::new(actor, at).with_key(key), command);
                    prop_assert_eq!(
                        r.as_ref().map_err(Error::code).err(),
                        Some("idempotency_conflict")
                    );
                    r
                }
                Op::NoKey(p, item) => {
                    let r = act(&mut w, &Context::new(Actor::person(person(*p)), at), PointsCommand::Redeem {
                        id: format!("r{i}"),
                        person: person(*p),
                        item: ITEMS[*item].id.into(),
                        quantity: 1,
                    });
                    prop_assert!(r.is_err());
                    r
                }
                Op::Reverse(n, by_resident) => {
                    let all = w.points().redemptions();
                    let id = if all.is_empty() {
                        format!("r{n}")
                    } else {
                        all[n % all.len()].id.clone()
                    };
                    if let Some(r) = w.points().redemption(&id) {
                        let book = w.points().passbook(w.grid(), &r.person).unwrap();
                        let left: Vec<u64> = book.lots().iter().map(|l| l.left).collect();
                        reversal = Some((r.clone(), left));
                    }
                    let actor = if *by_resident { Actor::person(person(0)) } else { Actor::System };
                    act(&mut w, &Context::new(actor, at), PointsCommand::Reverse {
                        id,
                        reason: "returned".into(),
                    })
                }
                Op::Restock(item, q) => {
                    let r = act(&mut w, &system, PointsCommand::Restock {
                        item: ITEMS[*item].id.into(),
                        quantity: *q,
                    });
                    if r.is_ok() {
                        restocked[*item] += q;
                    }
                    r
                }
                Op::Expire => act(&mut w, &system, PointsCommand::Expire { on: day }),
                Op::Advance(n) => {
                    day = day.checked_add_days(Days::new(*n)).unwrap();
                    continue;
                }
            };
            match &outcome {
                Err(_) => prop_assert_eq!((w.head(), w.state_digest()), (head, digest)),
                Ok(receipt) if receipt.duplicate || receipt.events == 0 => {
                    prop_assert!(receipt.duplicate == matches!(op, Op::Retry));
                    prop_assert_eq!((w.head(), w.state_digest()), (head, digest));
                }
                Ok(_) => {
                    prop_assert_ne!(w.head(), head);
                    if matches!(op, Op::Redeem(..) | Op::Retry) {
                        let (key, actor, _) = keyed.last().unwrap();
                        held_keys.push((key.clone(), actor.clone()));
                    }
                }
            }
            if let (Ok(receipt), Some((r, before))) = (&outcome, reversal) {
                if receipt.events > 0 {
                    // Every lot the redemption took from has exactly those points back.
                    let book = w.points().passbook(w.grid(), &r.person).unwrap();
                    let mut expect = before;
                    for t in &r.taken {
                        expect[t.lot as usize] += t.points;
                    }
                    let now: Vec<u64> = book.lots().iter().map(|l| l.left).collect();
                    prop_assert_eq!(now, expect);
                    let back = w.points().redemption(&r.id).unwrap();
                    prop_assert!(back.reversed.is_some());
                    prop_assert_eq!(&back.taken, &r.taken);
                }
            }
            check_accounts(&w, &restocked)?;
        }
        let again = Ward::from_jsonl(config, &w.to_jsonl()).unwrap();
        prop_assert_eq!(again.state_digest(), w.state_digest());
        prop_assert_eq!(again.head(), w.head());
        prop_assert_eq!(again.points(), w.points());
    }
}

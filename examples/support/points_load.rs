//! Points and stars at scale, for the points benchmarks: a community of many people
//! with earned lots and a catalog of well-stocked items, a million redemptions to make,
//! and volunteers with certified service for star grants. Deterministic: the same sizes
//! give the same ward and the same commands.

use chrono::{DateTime, Duration, FixedOffset};
use gridward::grid::{GridCommand, ImportRow, NodeCode};
use gridward::points::PointsCommand;
use gridward::scoring::{Activity, ScoringCommand};
use gridward::{Actor, Context, Error, Ward, WardConfig};

use crate::Mix;

/// The community every person, award and item belongs to.
pub const COMMUNITY: &str = "510105001001";

/// People imported per grid command.
const IMPORT_CHUNK: usize = 50_000;

/// The id of person number `i` (from 0).
pub fn person(i: usize) -> String {
    format!("v{i:07}")
}

fn community() -> NodeCode {
    NodeCode::parse(COMMUNITY).expect("the community code is valid")
}

/// A ward with a district, a street and a community, and `people` people registered
/// in imports of 50,000.
pub fn people_ward(
    config: WardConfig,
    people: usize,
    at: DateTime<FixedOffset>,
) -> Result<Ward, Error> {
    let mut ward = Ward::new(config);
    let ctx = Context::new(Actor::System, at);
    let units = [
        ("510105", "青羊区"),
        ("510105001", "草市街街道"),
        (COMMUNITY, "吉福社区"),
    ];
    let rows = units
        .iter()
        .map(|&(code, name)| ImportRow::Unit {
            code: NodeCode::parse(code).expect("the unit codes are valid"),
            parent: None,
            name: name.to_owned(),
            domains: None,
        })
        .collect();
    ward.execute(&ctx, GridCommand::Import { rows })?;
    for start in (0..people).step_by(IMPORT_CHUNK) {
        let rows = (start..people.min(start + IMPORT_CHUNK))
            .map(|i| ImportRow::Person {
                id: person(i),
                name: format!("居民{i}"),
                phone: None,
                party_member: false,
                household: None,
            })
            .collect();
        ward.execute(&ctx, GridCommand::Import { rows })?;
    }
    Ok(ward)
}

/// The catalog: `(id, cost)` of each item.
pub const ITEMS: [(&str, u64); 4] = [("soap", 2), ("rice", 5), ("haircut", 3), ("bus", 1)];

/// Puts [`ITEMS`] in the community's catalog with `stock` pieces each and no limit per
/// person.
pub fn add_items(ward: &mut Ward, stock: u32, at: DateTime<FixedOffset>) -> Result<(), Error> {
    let ctx = Context::new(Actor::System, at);
    for (id, cost) in ITEMS {
        let add = PointsCommand::AddItem {
            id: id.to_owned(),
            unit: community(),
            name: id.to_owned(),
            cost,
            stock,
            per_person: None,
            valid_from: None,
            valid_until: None,
            min_star: None,
        };
        ward.execute(&ctx, add)?;
    }
    Ok(())
}

/// Awards each of the first `people` people `lots` lots of `points` points, one day
/// apart from `at`, each award a command of the platform.
pub fn award_lots(
    ward: &mut Ward,
    people: usize,
    lots: usize,
    points: u64,
    at: DateTime<FixedOffset>,
) -> Result<(), Error> {
    for lot in 0..lots {
        let ctx = Context::new(Actor::System, at + Duration::days(lot as i64));
        for i in 0..people {
            let award = PointsCommand::Award {
                id: format!("{i}-{lot}"),
                person: person(i),
                unit: community(),
                points,
                reason: "volunteering".to_owned(),
            };
            ward.execute(&ctx, award)?;
        }
    }
    Ok(())
}

/// A redemption to make: who makes it, its idempotency key, and the command.
#[derive(Clone, Debug)]
pub struct Redeem {
    /// The person redeeming (their own points).
    pub actor: Actor,
    /// The idempotency key.
    pub key: String,
    /// The command.
    pub command: PointsCommand,
}

/// `n` redemptions of one piece of a random item by the first `people` people in turn
/// (person `i % people` makes the `i`-th), ids `r{i}` and keys `k{i}`.
pub fn redemptions(n: usize, people: usize, seed: u64) -> Vec<Redeem> {
    let mut mix = Mix::new(seed);
    (0..n)
        .map(|i| {
            let who = person(i % people);
            let (item, _) = ITEMS[(mix.next_u64() % ITEMS.len() as u64) as usize];
            Redeem {
                actor: Actor::Person(who.clone()),
                key: format!("k{i}"),
                command: PointsCommand::Redeem {
                    id: format!("r{i}"),
                    person: who,
                    item: item.to_owned(),
                    quantity: 1,
                },
            }
        })
        .collect()
}

/// Records and certifies `records` services of 600 to 1,440 minutes for each of the
/// first `people` people, one day apart from `at`: certified minutes for star grants.
pub fn certified_service(
    ward: &mut Ward,
    people: usize,
    records: usize,
    at: DateTime<FixedOffset>,
    seed: u64,
) -> Result<(), Error> {
    let mut mix = Mix::new(seed);
    for r in 0..records {
        let day = at + Duration::days(r as i64);
        let ctx = Context::new(Actor::System, day);
        for i in 0..people {
            let id = format!("s{i}-{r}");
            let record = ScoringCommand::RecordService {
                id: id.clone(),
                person: person(i),
                unit: community(),
                activity: Activity::Charity,
                started_at: day,
                minutes: mix.between(600, 1440) as u32,
                travel_minutes: 0,
                request: None,
                note: String::new(),
            };
            ward.execute(&ctx, record)?;
            ward.execute(&ctx, ScoringCommand::CertifyService { id })?;
        }
    }
    Ok(())
}

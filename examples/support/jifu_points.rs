//! The main example's month of service and points in 吉福社区: the month's handled
//! requests become certified service records of their handlers; residents and sent-down
//! party members record neighbour help, elder care, patrols and mediation, which grid
//! leaders certify; points are earned by the rules, stars granted, and residents redeem
//! from the community's catalog.

use std::collections::BTreeMap;

use chrono::{DateTime, Duration, FixedOffset, NaiveDate};
use gridward::grid::{GridCommand, Level, NodeCode};
use gridward::points::{Cap, CapPeriod, Expiry, PointsCommand, RatingPoints};
use gridward::scoring::{Activity, ScoringCommand, StarProfile};
use gridward::tasks::Status;
use gridward::{Actor, Command, Context, Error, Role, Ward, WardConfig};

use crate::requests::Site;
use crate::Mix;

/// The example's configuration: 黄石's 1 point an hour, points for kinds of service and
/// for good ratings, a monthly cap of 200 points, lots valid to the end of the year, and
/// 张家港's local star profile (30/60/100/200/300 h).
pub fn config() -> WardConfig {
    let mut c = WardConfig::default();
    c.scoring.stars = StarProfile::zhangjiagang();
    let kinds = [
        (Activity::HandlingRequest, 1),
        (Activity::Charity, 2),
        (Activity::ElderCare, 3),
        (Activity::NeighbourHelp, 2),
        (Activity::Mediation, 5),
        (Activity::Patrol, 1),
    ];
    c.points.per_activity = kinds.into_iter().collect();
    c.points.per_rating = RatingPoints {
        very_satisfied: 3,
        satisfied: 2,
        basically_satisfied: 1,
        ..RatingPoints::default()
    };
    c.points.caps = vec![Cap {
        period: CapPeriod::Month,
        points: 200,
    }];
    c.points.expiry = Expiry::EndOfYear;
    c
}

/// What the month did.
#[derive(Clone, Debug, Default)]
pub struct Month {
    /// Service records made, and how many of them came from handled requests.
    pub records: (usize, usize),
    /// Records certified.
    pub certified: usize,
    /// Records refused.
    pub rejected: usize,
    /// Earnings made, and refused because the monthly cap was reached.
    pub earnings: (usize, usize),
    /// Redemptions made, and refused (points, stock, limits, stars).
    pub redemptions: (usize, usize),
    /// Refusals by code.
    pub refusals: BTreeMap<String, usize>,
    /// Reversals.
    pub reversed: usize,
    /// Sent-down party members appointed.
    pub sent_down: usize,
}

fn step(ward: &mut Ward, ctx: &Context, c: impl Into<Command>, month: &mut Month) -> bool {
    match ward.execute(ctx, c) {
        Ok(_) => true,
        Err(e) => {
            *month.refusals.entry(e.code().to_owned()).or_insert(0) += 1;
            false
        }
    }
}

/// An earning; the monthly cap may refuse it, nothing else may.
fn earn(ward: &mut Ward, ctx: &Context, c: PointsCommand, month: &mut Month) -> Result<(), Error> {
    match ward.execute(ctx, c) {
        Ok(_) => month.earnings.0 += 1,
        Err(e) if e.code() == "cap_reached" => month.earnings.1 += 1,
        Err(e) => return Err(e),
    }
    Ok(())
}

fn at(t: DateTime<FixedOffset>, who: Option<&str>) -> Context {
    Context::new(who.map_or(Actor::System, Actor::person), t)
}

/// A catalog item: id, name, cost, stock, per-person limit, stars required.
type Offer = (
    &'static str,
    &'static str,
    u64,
    u32,
    Option<u32>,
    Option<u8>,
);

const ITEMS: [Offer; 4] = [
    ("bus-card", "公交月卡(一星及以上)", 30, 20, Some(1), Some(1)),
    ("rice", "大米5kg", 20, 60, Some(2), None),
    ("detergent", "洗衣液", 10, 120, None, None),
    ("haircut", "理发券", 5, 300, Some(4), None),
];

/// Runs the month on a ward whose requests month has run, configured by [`config`].
pub fn month(ward: &mut Ward, sites: &[Site], chief: &str, seed: u64) -> Result<Month, Error> {
    let mut rng = Mix::new(seed);
    let mut m = Month::default();
    let start = crate::at("2026-03-02T08:00:00+08:00");
    let community: NodeCode = crate::jifu::COMMUNITY.parse()?;
    // Handled, closed requests become their handlers' certified service.
    for r in ward.requests(Some(community), Some(Status::Closed)) {
        let (Some(handler), Some(done)) = (r.handled_by.clone(), r.handled_at) else {
            continue;
        };
        let minutes = rng.between(30, 150) as u32;
        let cmd = ScoringCommand::RecordService {
            id: format!("svc-{}", r.id),
            person: handler,
            unit: r.unit,
            activity: Activity::HandlingRequest,
            started_at: done - Duration::minutes(i64::from(minutes)),
            minutes,
            travel_minutes: rng.between(5, 30) as u32,
            request: Some(r.id.clone()),
            note: String::new(),
        };
        if step(ward, &at(done, None), cmd, &mut m) {
            m.records.1 += 1;
        }
    }
    // Sent-down party members, one per grid, serve in their grids.
    let grids: Vec<NodeCode> = ward
        .grid()
        .subtree(community)?
        .into_iter()
        .filter(|row| row.level == Level::Grid)
        .map(|row| row.code)
        .collect();
    for (i, g) in grids.iter().enumerate() {
        let id = format!("jf-sd-{i}");
        let person = GridCommand::AddPerson {
            id: id.clone(),
            name: format!("下沉党员{i}"),
            phone: None,
            party_member: true,
        };
        ward.execute(&at(start, None), person)?;
        let role = GridCommand::GrantRole {
            person: id.clone(),
            role: Role::SentDownPartyMember,
            unit: *g,
        };
        ward.execute(&at(start, None), role)?;
        m.sent_down += 1;
    }
    // Residents and members record their service; a grid leader certifies, and refuses
    // one in twenty.
    let mut plain = Vec::new();
    for (i, site) in sites.iter().enumerate().filter(|(i, _)| i % 3 == 0) {
        let times = rng.between(2, 14);
        for k in 0..times {
            let kind = [
                Activity::NeighbourHelp,
                Activity::ElderCare,
                Activity::Charity,
            ][(k % 3) as usize];
            plain.push((
                site.resident.clone(),
                site.micro,
                site.verifier.clone(),
                kind,
                i,
                k,
            ));
        }
    }
    for (i, g) in grids.iter().enumerate() {
        let verifier = sites
            .iter()
            .find(|s| g.contains(s.micro))
            .map(|s| s.verifier.clone());
        let Some(verifier) = verifier else { continue };
        for k in 0..rng.between(0, 3) {
            let kind = if k % 2 == 0 {
                Activity::Patrol
            } else {
                Activity::Mediation
            };
            plain.push((
                format!("jf-sd-{i}"),
                *g,
                verifier.clone(),
                kind,
                10_000 + i,
                k,
            ));
        }
    }
    for (person, unit, verifier, activity, i, k) in plain {
        let day = rng.between(0, 27) as i64;
        let begins = start + Duration::days(day) + Duration::hours(rng.between(0, 10) as i64);
        let id = format!("svc-{person}-{i}-{k}");
        let cmd = ScoringCommand::RecordService {
            id: id.clone(),
            person: person.clone(),
            unit,
            activity,
            started_at: begins,
            minutes: rng.between(60, 540) as u32,
            travel_minutes: rng.between(0, 40) as u32,
            request: None,
            note: String::new(),
        };
        if !step(
            ward,
            &at(begins + Duration::hours(10), Some(&person)),
            cmd,
            &mut m,
        ) {
            continue;
        }
        m.records.0 += 1;
        let when = at(begins + Duration::hours(30), Some(&verifier));
        if rng.chance(5) {
            let reject = ScoringCommand::RejectService {
                id,
                reason: "服务时间无人见证".into(),
            };
            m.rejected += usize::from(step(ward, &when, reject, &mut m));
        } else if step(ward, &when, ScoringCommand::CertifyService { id }, &mut m) {
            m.certified += 1;
        }
    }
    m.records.0 += m.records.1;
    m.certified += m.records.1;
    // Points by the rules, at the month's end.
    let end = crate::at("2026-03-31T18:00:00+08:00");
    let certified: Vec<(String, Option<String>)> = ward
        .scoring()
        .records()
        .iter()
        .filter(|r| r.counted_minutes() > 0)
        .map(|r| (r.id.clone(), r.request.clone()))
        .collect();
    for (record, request) in certified {
        earn(
            ward,
            &at(end, Some(chief)),
            PointsCommand::EarnForService { record },
            &mut m,
        )?;
        let Some(request) = request else { continue };
        let rated = ward.tasks().request(&request).and_then(|q| q.rating());
        if rated.is_some_and(|l| l.is_satisfied()) {
            let cmd = PointsCommand::EarnForRequest { request };
            earn(ward, &at(end, Some(chief)), cmd, &mut m)?;
        }
    }
    let on: NaiveDate = end.date_naive();
    ward.execute(&at(end, None), ScoringCommand::GrantStars { on })?;
    redeem(ward, chief, &mut rng, &mut m)?;
    Ok(m)
}

/// The catalog opens on 1 April; everyone with points tries the items in turn.
fn redeem(ward: &mut Ward, chief: &str, rng: &mut Mix, m: &mut Month) -> Result<(), Error> {
    let april = crate::at("2026-04-01T09:00:00+08:00");
    let community: NodeCode = crate::jifu::COMMUNITY.parse()?;
    for (id, name, cost, stock, per_person, min_star) in ITEMS {
        let cmd = PointsCommand::AddItem {
            id: id.into(),
            unit: community,
            name: name.into(),
            cost,
            stock,
            per_person,
            valid_from: None,
            valid_until: NaiveDate::from_ymd_opt(2026, 12, 31),
            min_star,
        };
        ward.execute(&at(april, Some(chief)), cmd)?;
    }
    let holders: Vec<(String, u64)> = ward
        .scoring()
        .volunteers(ward.grid())
        .into_iter()
        .filter_map(|v| {
            let book = ward.points().passbook(ward.grid(), &v.person)?;
            Some((v.person, book.balance()))
        })
        .collect();
    let mut n = 0;
    for (person, _) in holders {
        for _ in 0..rng.between(1, 5) {
            let (item, ..) = ITEMS[rng.between(0, ITEMS.len() as u64 - 1) as usize];
            n += 1;
            let id = format!("rd-{n}");
            let ctx = at(april + Duration::minutes(n), Some(&person)).with_key(format!("key-{id}"));
            let cmd = PointsCommand::Redeem {
                id,
                person: person.clone(),
                item: item.into(),
                quantity: 1,
            };
            if step(ward, &ctx, cmd, m) {
                m.redemptions.0 += 1;
            } else {
                m.redemptions.1 += 1;
            }
        }
    }
    // A card not collected is reversed: its points go back to their lots.
    let first = ward
        .points()
        .redemptions()
        .iter()
        .find(|r| r.item == "bus-card")
        .map(|r| r.id.clone());
    if let Some(id) = first {
        let cmd = PointsCommand::Reverse {
            id,
            reason: "逾期未领取".into(),
        };
        ward.execute(&at(april + Duration::days(7), Some(chief)), cmd)?;
        m.reversed += 1;
    }
    Ok(())
}

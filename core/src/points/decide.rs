//! Deciding points commands and checking points events against the state.
//!
//! [`decide`] and [`Points::apply`](super::Points::apply) are the capability's pure step;
//! a [`Ward`](crate::Ward) wraps them with its journal. They are public so that the step
//! can be measured or simulated on its own.

use chrono::{DateTime, FixedOffset, NaiveDate};
use rust_decimal::prelude::ToPrimitive;
use rust_decimal::Decimal;

use super::catalog::Item;
use super::command::{ExpiredLot, PointsCommand, PointsEvent};
use super::config::PointsConfig;
use super::error::PointsError;
use super::passbook::Source;
use super::Points;
use crate::access::{Actor, Permission};
use crate::error::Error;
use crate::grid::{Authority, Grid, GridError};
use crate::scoring::{Scoring, ServiceStatus};
use crate::tasks::{Status, Tasks};
use crate::text::check;
use crate::text::TextKind::{Key, Name, Reason};

/// What the points capability reads of the rest of the ward.
#[derive(Clone, Copy)]
pub struct Reads<'a> {
    /// The grid (people, units, roles).
    pub grid: &'a Grid,
    /// Requests (for points per rated request).
    pub tasks: &'a Tasks,
    /// Service records and star levels.
    pub scoring: &'a Scoring,
    /// The earning rules.
    pub config: &'a PointsConfig,
}

fn number(what: &'static str, value: u64, min: u64, max: u64) -> Result<(), Error> {
    if value < min || value > max {
        return Err(PointsError::BadNumber {
            what,
            value,
            why: if value < min {
                "too small"
            } else {
                "too large"
            },
        }
        .into());
    }
    Ok(())
}

fn person_ix(grid: &Grid, person: &str) -> Result<u32, Error> {
    grid.person_ids
        .get(person)
        .copied()
        .ok_or_else(|| PointsError::UnknownPerson(person.to_owned()).into())
}

/// The events a points command causes, or why it is refused; an earning made already
/// causes none.
pub fn decide(
    cx: Reads<'_>,
    points: &Points,
    actor: &Actor,
    at: DateTime<FixedOffset>,
    key: Option<&str>,
    command: PointsCommand,
) -> Result<Vec<PointsEvent>, Error> {
    let who = Authority::new(cx.grid, actor)?;
    let day = at.date_naive();
    match command {
        PointsCommand::AddItem {
            id,
            unit,
            name,
            cost,
            stock,
            per_person,
            valid_from,
            valid_until,
            min_star,
        } => {
            who.require(Permission::KeepPoints, unit)?;
            let event = PointsEvent::ItemAdded {
                item: Item {
                    id,
                    unit,
                    name,
                    cost,
                    stock,
                    per_person,
                    valid_from,
                    valid_until,
                    min_star,
                },
            };
            check_event(cx.grid, points, &event)?;
            Ok(vec![event])
        }
        PointsCommand::Restock { item, quantity } => {
            let it = points
                .item(&item)
                .ok_or_else(|| PointsError::UnknownItem(item.clone()))?;
            who.require(Permission::KeepPoints, it.unit)?;
            let event = PointsEvent::Restocked { item, quantity };
            check_event(cx.grid, points, &event)?;
            Ok(vec![event])
        }
        PointsCommand::EarnForService { record } => {
            let r = cx
                .scoring
                .record(&record)
                .ok_or_else(|| crate::scoring::ScoringError::UnknownRecord(record.clone()))?;
            who.require(Permission::KeepPoints, r.unit)?;
            let id = format!("service:{record}");
            if points.earning(&id).is_some() {
                return Ok(Vec::new());
            }
            let ServiceStatus::Certified { counted, .. } = r.status else {
                return Err(not_earnable(&record, "the record is not certified"));
            };
            let hours = (Decimal::from(counted) * cx.config.per_hour / Decimal::from(60))
                .floor()
                .to_u64()
                .unwrap_or(0);
            let bonus = cx
                .config
                .per_activity
                .get(&r.activity)
                .copied()
                .unwrap_or(0);
            let asked = hours.saturating_add(bonus);
            earn(cx, points, id, &r.person, Source::Service, asked, day).map(|e| vec![e])
        }
        PointsCommand::EarnForRequest { request } => {
            let r = cx
                .tasks
                .request(&request)
                .ok_or_else(|| crate::scoring::ScoringError::UnknownRequest(request.clone()))?;
            who.require(Permission::KeepPoints, r.unit())?;
            let id = format!("request:{request}");
            if points.earning(&id).is_some() {
                return Ok(Vec::new());
            }
            if r.status() != Status::Closed {
                return Err(not_earnable(&request, "the request is not closed"));
            }
            let Some(level) = r.rating() else {
                return Err(not_earnable(&request, "the request is not rated"));
            };
            let Some(handler) = r.handled_by.and_then(|h| cx.grid.people.get(h as usize)) else {
                return Err(not_earnable(&request, "nobody is recorded as its handler"));
            };
            let asked = cx.config.per_rating.of(level);
            let person = handler.id.to_string();
            earn(cx, points, id, &person, Source::Request, asked, day).map(|e| vec![e])
        }
        PointsCommand::Award {
            id,
            person,
            unit,
            points: amount,
            reason,
        } => {
            check(Key, "award id", &id).map_err(PointsError::Text)?;
            check(Reason, "reason", &reason).map_err(PointsError::Text)?;
            number("points", amount, 1, 1_000_000_000)?;
            if cx.grid.unit(unit).is_none() {
                return Err(GridError::UnknownUnit(unit).into());
            }
            who.require(Permission::KeepPoints, unit)?;
            let px = person_ix(cx.grid, &person)?;
            let id = format!("award:{id}");
            if let Some((owner, lot)) = points.earning(&id) {
                let same = owner == px
                    && points
                        .passbook_ix(px)
                        .and_then(|b| b.lots.get(lot as usize))
                        .is_some_and(|l| l.points == amount);
                return if same {
                    Ok(Vec::new())
                } else {
                    Err(PointsError::EarningExists(id).into())
                };
            }
            earn(cx, points, id, &person, Source::Award, amount, day).map(|e| vec![e])
        }
        PointsCommand::Redeem {
            id,
            person,
            item,
            quantity,
        } => {
            if key.is_none() {
                return Err(PointsError::KeyRequired.into());
            }
            redeem(cx, &who, points, day, id, person, item, quantity)
        }
        PointsCommand::Reverse { id, reason } => {
            let r = points
                .redemption(&id)
                .ok_or_else(|| PointsError::UnknownRedemption(id.clone()))?;
            let unit = points.item(&r.item).map(|i| i.unit);
            if let Some(unit) = unit {
                who.require(Permission::KeepPoints, unit)?;
            }
            check(Reason, "reason", &reason).map_err(PointsError::Text)?;
            let event = PointsEvent::Reversed {
                id,
                on: day,
                reason,
            };
            check_event(cx.grid, points, &event)?;
            Ok(vec![event])
        }
        PointsCommand::Expire { on } => {
            who.require_anywhere(Permission::KeepPoints)?;
            let mut due: Vec<(u32, u32, u64)> = Vec::new();
            for (px, book) in points.passbooks() {
                for (ix, lot) in book.lots.iter().enumerate() {
                    if lot.left > 0 && lot.expires_on.is_some_and(|last| last < on) {
                        due.push((px, ix as u32, lot.left));
                    }
                }
            }
            if due.is_empty() {
                return Ok(Vec::new());
            }
            due.sort_unstable();
            let lots = due
                .into_iter()
                .filter_map(|(px, lot, points)| {
                    let person = cx.grid.people.get(px as usize)?.id.to_string();
                    Some(ExpiredLot {
                        person,
                        lot,
                        points,
                    })
                })
                .collect();
            Ok(vec![PointsEvent::Expired { on, lots }])
        }
    }
}

fn not_earnable(source: &str, why: &'static str) -> Error {
    PointsError::NotEarnable {
        source_id: source.to_owned(),
        why,
    }
    .into()
}

/// An earning of `asked` points, cut to the person's caps.
fn earn(
    cx: Reads<'_>,
    points: &Points,
    id: String,
    person: &str,
    source: Source,
    asked: u64,
    day: NaiveDate,
) -> Result<PointsEvent, Error> {
    let px = person_ix(cx.grid, person)?;
    if asked == 0 {
        return Err(not_earnable(&id, "the rules give it no points"));
    }
    let mut granted = asked;
    for cap in &cx.config.caps {
        let start = cap.period.start(day);
        let left = cap
            .points
            .saturating_sub(points.earned_in(px, cap.period, start));
        if left == 0 {
            return Err(PointsError::CapReached {
                person: person.to_owned(),
                cap: cap.points,
                from: start.to_string(),
            }
            .into());
        }
        granted = granted.min(left);
    }
    Ok(PointsEvent::Earned {
        id,
        person: person.to_owned(),
        source,
        asked,
        points: granted,
        earned_on: day,
        expires_on: cx.config.expiry.last_day(day),
    })
}

#[allow(clippy::too_many_arguments)]
fn redeem(
    cx: Reads<'_>,
    who: &Authority<'_>,
    points: &Points,
    day: NaiveDate,
    id: String,
    person: String,
    item: String,
    quantity: u32,
) -> Result<Vec<PointsEvent>, Error> {
    check(Key, "redemption id", &id).map_err(PointsError::Text)?;
    number("quantity", u64::from(quantity), 1, 1000)?;
    if points.redemption(&id).is_some() {
        return Err(PointsError::RedemptionExists(id).into());
    }
    let px = person_ix(cx.grid, &person)?;
    let ix = points
        .item_ix(&item)
        .ok_or_else(|| PointsError::UnknownItem(item.clone()))?;
    let it = &points.items()[ix as usize];
    let own = who.person().is_some_and(|(me, _)| me == px);
    if !own {
        who.require(Permission::KeepPoints, it.unit)?;
    }
    if !it.open_on(day) {
        return Err(PointsError::NotOnOffer {
            item,
            on: day.to_string(),
        }
        .into());
    }
    if let Some(needed) = it.min_star {
        let held = cx.scoring.standing_ix(px).map_or(0, |s| s.level);
        if held < needed {
            return Err(PointsError::StarsNeeded {
                item,
                person,
                needed,
                held,
            }
            .into());
        }
    }
    if it.stock < quantity {
        return Err(PointsError::OutOfStock {
            item,
            stock: it.stock,
            wanted: quantity,
        }
        .into());
    }
    if let Some(limit) = it.per_person {
        let held = points.held(px, ix);
        if held.saturating_add(quantity) > limit {
            return Err(PointsError::LimitReached {
                person,
                item,
                held,
                limit,
            }
            .into());
        }
    }
    let cost = it.cost.saturating_mul(u64::from(quantity));
    let book = points.passbook_ix(px);
    let Some(taken) = book.and_then(|b| b.plan(cost, day)) else {
        return Err(PointsError::InsufficientPoints {
            person,
            available: book.map_or(0, |b| b.available(day)),
            needed: cost,
            on: day.to_string(),
        }
        .into());
    };
    Ok(vec![PointsEvent::Redeemed {
        id,
        person,
        item,
        quantity,
        points: cost,
        on: day,
        taken,
    }])
}

/// Checks an event against the state it meets (on replay, and for most commands live).
pub fn check_event(grid: &Grid, points: &Points, event: &PointsEvent) -> Result<(), Error> {
    match event {
        PointsEvent::ItemAdded { item } => {
            check(Key, "item id", &item.id).map_err(PointsError::Text)?;
            check(Name, "item name", &item.name).map_err(PointsError::Text)?;
            number("cost", item.cost, 1, 1_000_000_000)?;
            if let Some(stars) = item.min_star {
                number("min_star", u64::from(stars), 1, 10)?;
            }
            if let Some(limit) = item.per_person {
                number("per_person", u64::from(limit), 1, 1_000_000)?;
            }
            if let (Some(from), Some(until)) = (item.valid_from, item.valid_until) {
                if until < from {
                    return Err(PointsError::BadWindow(item.id.clone()).into());
                }
            }
            if grid.unit(item.unit).is_none() {
                return Err(GridError::UnknownUnit(item.unit).into());
            }
            if points.item(&item.id).is_some() {
                return Err(PointsError::ItemExists(item.id.clone()).into());
            }
            Ok(())
        }
        PointsEvent::Restocked { item, quantity } => {
            let it = points
                .item(item)
                .ok_or_else(|| PointsError::UnknownItem(item.clone()))?;
            number("quantity", u64::from(*quantity), 1, 1_000_000)?;
            if it.stock.checked_add(*quantity).is_none() {
                return Err(PointsError::BadNumber {
                    what: "stock",
                    value: u64::from(it.stock) + u64::from(*quantity),
                    why: "too large",
                }
                .into());
            }
            Ok(())
        }
        PointsEvent::Earned {
            id,
            person,
            points: p,
            asked,
            ..
        } => {
            person_ix(grid, person)?;
            if points.earning(id).is_some() {
                return Err(PointsError::EarningExists(id.clone()).into());
            }
            if *p == 0 || p > asked {
                return Err(PointsError::BadNumber {
                    what: "points",
                    value: *p,
                    why: "an earning is positive and no more than the rules give",
                }
                .into());
            }
            Ok(())
        }
        PointsEvent::Redeemed {
            id,
            person,
            item,
            quantity,
            points: cost,
            on,
            taken,
        } => {
            if points.redemption(id).is_some() {
                return Err(PointsError::RedemptionExists(id.clone()).into());
            }
            let px = person_ix(grid, person)?;
            let it = points
                .item(item)
                .ok_or_else(|| PointsError::UnknownItem(item.clone()))?;
            if it.stock < *quantity || it.cost.saturating_mul(u64::from(*quantity)) != *cost {
                return Err(PointsError::OutOfStock {
                    item: item.clone(),
                    stock: it.stock,
                    wanted: *quantity,
                }
                .into());
            }
            let book = points.passbook_ix(px);
            let mut total = 0u64;
            for t in taken {
                let ok = book
                    .and_then(|b| b.lots.get(t.lot as usize))
                    .is_some_and(|l| t.points > 0 && l.left >= t.points && l.usable_on(*on));
                if !ok {
                    return Err(PointsError::BadLot {
                        person: person.clone(),
                        lot: t.lot,
                        points: t.points,
                    }
                    .into());
                }
                total = total.saturating_add(t.points);
            }
            if total != *cost {
                return Err(PointsError::InsufficientPoints {
                    person: person.clone(),
                    available: total,
                    needed: *cost,
                    on: on.to_string(),
                }
                .into());
            }
            Ok(())
        }
        PointsEvent::Reversed { id, .. } => {
            let r = points
                .redemption(id)
                .ok_or_else(|| PointsError::UnknownRedemption(id.clone()))?;
            if r.reversed.is_some() {
                return Err(PointsError::AlreadyReversed(id.clone()).into());
            }
            Ok(())
        }
        PointsEvent::Expired { lots, .. } => {
            for e in lots {
                let px = person_ix(grid, &e.person)?;
                let ok = points
                    .passbook_ix(px)
                    .and_then(|b| b.lots.get(e.lot as usize))
                    .is_some_and(|l| e.points > 0 && l.left >= e.points);
                if !ok {
                    return Err(PointsError::BadLot {
                        person: e.person.clone(),
                        lot: e.lot,
                        points: e.points,
                    }
                    .into());
                }
            }
            Ok(())
        }
    }
}

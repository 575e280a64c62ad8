//! The rules points commands must meet, shared by `decide` (which turns a command into
//! events) and replay's check (which refuses a recorded event the rules could not have
//! produced for its entry's actor at its entry's time).

use chrono::NaiveDate;
use rust_decimal::prelude::ToPrimitive;
use rust_decimal::Decimal;

use super::catalog::Item;
use super::command::{ExpiredLot, PointsEvent};
use super::config::PointsConfig;
use super::error::PointsError;
use super::passbook::Source;
use super::Points;
use crate::access::Permission;
use crate::error::Error;
use crate::grid::{Authority, Grid, GridError};
use crate::scoring::{Scoring, ScoringError, ServiceStatus};
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

/// Refuses `value` outside `min..=max`, naming the field `what`.
pub(super) fn number(what: &'static str, value: u64, min: u64, max: u64) -> Result<(), Error> {
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

/// The index of a registered person.
pub(super) fn person_ix(grid: &Grid, person: &str) -> Result<u32, Error> {
    grid.person_ix(person)
        .ok_or_else(|| PointsError::UnknownPerson(person.to_owned()).into())
}

/// A source that earns nothing, and why.
pub(super) fn not_earnable(source: &str, why: &'static str) -> Error {
    PointsError::NotEarnable {
        source_id: source.to_owned(),
        why,
    }
    .into()
}

/// An earning of `asked` points, cut to the person's caps.
pub(super) fn earn(
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

/// Whether `who` may put `item` in its unit's catalog: one who keeps points there, a
/// well-formed id and name, numbers in range, a window that does not end before it
/// starts, an existing unit and a fresh id.
pub(super) fn may_add_item(
    grid: &Grid,
    points: &Points,
    who: &Authority<'_>,
    item: &Item,
) -> Result<(), Error> {
    who.require(Permission::KeepPoints, item.unit)?;
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

/// Whether `who` may add `quantity` pieces to `item`'s stock.
pub(super) fn may_restock(
    points: &Points,
    who: &Authority<'_>,
    item: &str,
    quantity: u32,
) -> Result<(), Error> {
    let it = points
        .item(item)
        .ok_or_else(|| PointsError::UnknownItem(item.to_owned()))?;
    who.require(Permission::KeepPoints, it.unit)?;
    number("quantity", u64::from(quantity), 1, 1_000_000)?;
    if it.stock.checked_add(quantity).is_none() {
        return Err(PointsError::BadNumber {
            what: "stock",
            value: u64::from(it.stock) + u64::from(quantity),
            why: "too large",
        }
        .into());
    }
    Ok(())
}

/// What an earning asks before any cap: its id, who earns, where from and how much.
pub(super) struct Asked {
    pub(super) id: String,
    pub(super) person: String,
    pub(super) source: Source,
    pub(super) asked: u64,
}

/// The earning of a certified service record's points, if `who` keeps points at its
/// unit; `None` if it was earned already.
pub(super) fn for_service(
    cx: Reads<'_>,
    points: &Points,
    who: &Authority<'_>,
    record: &str,
) -> Result<Option<Asked>, Error> {
    let r = cx
        .scoring
        .record(record)
        .ok_or_else(|| ScoringError::UnknownRecord(record.to_owned()))?;
    who.require(Permission::KeepPoints, r.unit)?;
    let id = format!("service:{record}");
    if points.earning(&id).is_some() {
        return Ok(None);
    }
    let ServiceStatus::Certified { counted, .. } = r.status else {
        return Err(not_earnable(record, "the record is not certified"));
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
    Ok(Some(Asked {
        id,
        person: r.person.clone(),
        source: Source::Service,
        asked: hours.saturating_add(bonus),
    }))
}

/// The earning of a rated request's points for its handler, if `who` keeps points at
/// its unit; `None` if it was earned already.
pub(super) fn for_request(
    cx: Reads<'_>,
    points: &Points,
    who: &Authority<'_>,
    request: &str,
) -> Result<Option<Asked>, Error> {
    let r = cx
        .tasks
        .request(request)
        .ok_or_else(|| ScoringError::UnknownRequest(request.to_owned()))?;
    who.require(Permission::KeepPoints, r.unit())?;
    let id = format!("request:{request}");
    if points.earning(&id).is_some() {
        return Ok(None);
    }
    if r.status() != Status::Closed {
        return Err(not_earnable(request, "the request is not closed"));
    }
    let Some(level) = r.rating() else {
        return Err(not_earnable(request, "the request is not rated"));
    };
    let Some(handler) = r.handled_by.and_then(|h| cx.grid.people.get(h as usize)) else {
        return Err(not_earnable(request, "nobody is recorded as its handler"));
    };
    Ok(Some(Asked {
        id,
        person: handler.id.to_string(),
        source: Source::Request,
        asked: cx.config.per_rating.of(level),
    }))
}

/// Checks an award's id, reason and points.
pub(super) fn award_fields(id: &str, reason: Option<&str>, amount: u64) -> Result<(), Error> {
    check(Key, "award id", id).map_err(PointsError::Text)?;
    if let Some(reason) = reason {
        check(Reason, "reason", reason).map_err(PointsError::Text)?;
    }
    number("points", amount, 1, 1_000_000_000)
}

/// Whether `who` may reverse redemption `id` for `reason`.
pub(super) fn may_reverse(
    points: &Points,
    who: &Authority<'_>,
    id: &str,
    reason: &str,
) -> Result<(), Error> {
    let r = points
        .redemption(id)
        .ok_or_else(|| PointsError::UnknownRedemption(id.to_owned()))?;
    if let Some(item) = points.item(&r.item) {
        who.require(Permission::KeepPoints, item.unit)?;
    }
    check(Reason, "reason", reason).map_err(PointsError::Text)?;
    if r.reversed.is_some() {
        return Err(PointsError::AlreadyReversed(id.to_owned()).into());
    }
    Ok(())
}

/// Every lot with points left whose last day is before `on`, in person and lot order.
pub(super) fn due(grid: &Grid, points: &Points, on: NaiveDate) -> Vec<ExpiredLot> {
    let mut due: Vec<(u32, u32, u64)> = Vec::new();
    for (px, book) in points.passbooks() {
        for (ix, lot) in book.lots.iter().enumerate() {
            if lot.left > 0 && lot.expires_on.is_some_and(|last| last < on) {
                due.push((px, ix as u32, lot.left));
            }
        }
    }
    due.sort_unstable();
    due.into_iter()
        .filter_map(|(px, lot, points)| {
            let person = grid.people.get(px as usize)?.id.to_string();
            Some(ExpiredLot {
                person,
                lot,
                points,
            })
        })
        .collect()
}

/// The redemption `who` asks for `person` on `day`: the person's own, or one who keeps
/// points at the item's unit; an item on offer that day, stars enough, stock enough,
/// within the per-person limit, paid from the lots `plan` picks.
#[allow(clippy::too_many_arguments)]
pub(super) fn redeem(
    cx: Reads<'_>,
    who: &Authority<'_>,
    points: &Points,
    day: NaiveDate,
    id: String,
    person: String,
    item: String,
    quantity: u32,
) -> Result<PointsEvent, Error> {
    check(Key, "redemption id", &id).map_err(PointsError::Text)?;
    number("quantity", u64::from(quantity), 1, 1000)?;
    if points.redemption(&id).is_some() {
        return Err(PointsError::RedemptionExists(id).into());
    }
    // A resident redeeming their own points is the person the actor names already.
    let px = match who.person_named(&person) {
        Some(me) => me,
        None => person_ix(cx.grid, &person)?,
    };
    let Some((ix, it)) = points
        .item_ix(&item)
        .and_then(|ix| Some((ix, points.items().get(ix as usize)?)))
    else {
        return Err(PointsError::UnknownItem(item).into());
    };
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
    Ok(PointsEvent::Redeemed {
        id,
        person,
        item,
        quantity,
        points: cost,
        on: day,
        taken,
    })
}

//! Checking points events met in a replayed journal: each must be what `decide` could
//! have produced for the entry's actor at the entry's time from the state it meets, by
//! the same rules (`rules.rs`).

use super::command::PointsEvent;
use super::error::PointsError;
use super::passbook::Source;
use super::rules::{
    award_fields, due, earn, for_request, for_service, may_add_item, may_restock, may_reverse,
    redeem, Asked, Reads,
};
use super::Points;
use crate::access::{Context, Permission};
use crate::error::Error;
use crate::grid::Authority;

/// Refuses a points event that the state could not have produced for `ctx`'s actor at
/// `ctx.at`: what `decide` would have refused, or an event other than the one it would
/// have produced (other points, lots, days or expiries than the rules give).
pub fn check_event(
    cx: Reads<'_>,
    points: &Points,
    ctx: &Context,
    event: &PointsEvent,
) -> Result<(), Error> {
    let who = Authority::new(cx.grid, &ctx.actor)?;
    let day = ctx.at.date_naive();
    match event {
        PointsEvent::ItemAdded { item } => may_add_item(cx.grid, points, &who, item),
        PointsEvent::Restocked { item, quantity } => may_restock(points, &who, item, *quantity),
        PointsEvent::Earned {
            id,
            person,
            source,
            asked,
            ..
        } => {
            let made = asked_by_rules(cx, points, &who, id, person, *source, *asked)?;
            let Some(a) = made else {
                return Err(PointsError::EarningExists(id.clone()).into());
            };
            let expected = earn(cx, points, a.id, &a.person, a.source, a.asked, day)?;
            same(id, &expected, event)
        }
        PointsEvent::Redeemed {
            id,
            person,
            item,
            quantity,
            ..
        } => {
            if ctx.idempotency_key.is_none() {
                return Err(PointsError::KeyRequired.into());
            }
            let (id, person, item) = (id.clone(), person.clone(), item.clone());
            let expected = redeem(cx, &who, points, day, id.clone(), person, item, *quantity)?;
            same(&id, &expected, event)
        }
        PointsEvent::Reversed { id, on, reason } => {
            may_reverse(points, &who, id, reason)?;
            if *on != day {
                return Err(wrong(id, "on"));
            }
            Ok(())
        }
        PointsEvent::Expired { on, lots } => {
            who.require_anywhere(Permission::KeepPoints)?;
            let expected = due(cx.grid, points, *on);
            if lots.is_empty() || *lots != expected {
                return Err(wrong(&format!("expiry of {on}"), "lots"));
            }
            Ok(())
        }
    }
}

/// What the rules ask for the earning `id`, by the kind its id names: a certified
/// service's or a rated request's points by the rules (`None`: earned already), or an
/// award's points as recorded, which `who` must be one who keeps points to give.
fn asked_by_rules(
    cx: Reads<'_>,
    points: &Points,
    who: &Authority<'_>,
    id: &str,
    person: &str,
    source: Source,
    asked: u64,
) -> Result<Option<Asked>, Error> {
    if let Some(record) = id.strip_prefix("service:") {
        return for_service(cx, points, who, record);
    }
    if let Some(request) = id.strip_prefix("request:") {
        return for_request(cx, points, who, request);
    }
    let Some(award) = id.strip_prefix("award:") else {
        return Err(wrong(id, "id"));
    };
    award_fields(award, None, asked)?;
    // The unit an award was given at is not recorded: its giver keeps points somewhere.
    who.require_anywhere(Permission::KeepPoints)?;
    if source != Source::Award {
        return Err(wrong(id, "source"));
    }
    if points.earning(id).is_some() {
        return Ok(None);
    }
    Ok(Some(Asked {
        id: id.to_owned(),
        person: person.to_owned(),
        source,
        asked,
    }))
}

/// Refuses `recorded` unless it is the event the rules give, naming the first field
/// that differs.
fn same(id: &str, expected: &PointsEvent, recorded: &PointsEvent) -> Result<(), Error> {
    if expected == recorded {
        return Ok(());
    }
    let field = match (expected, recorded) {
        (
            PointsEvent::Earned {
                person: p1,
                source: s1,
                asked: a1,
                points: n1,
                earned_on: e1,
                ..
            },
            PointsEvent::Earned {
                person: p2,
                source: s2,
                asked: a2,
                points: n2,
                earned_on: e2,
                ..
            },
        ) => {
            if p1 != p2 {
                "person"
            } else if s1 != s2 {
                "source"
            } else if a1 != a2 {
                "asked"
            } else if n1 != n2 {
                "points"
            } else if e1 != e2 {
                "earned_on"
            } else {
                "expires_on"
            }
        }
        (
            PointsEvent::Redeemed {
                points: n1, on: o1, ..
            },
            PointsEvent::Redeemed {
                points: n2, on: o2, ..
            },
        ) => {
            if n1 != n2 {
                "points"
            } else if o1 != o2 {
                "on"
            } else {
                "taken"
            }
        }
        _ => "type",
    };
    Err(wrong(id, field))
}

fn wrong(id: &str, field: &'static str) -> Error {
    PointsError::NotAsDecided {
        id: id.to_owned(),
        field,
    }
    .into()
}

//! Deciding points commands.
//!
//! [`decide`] and [`Points::apply`](super::Points::apply) are the capability's pure step;
//! a [`Ward`](crate::Ward) wraps them with its journal. They are public so that the step
//! can be measured or simulated on its own. The rules a command must meet are in
//! `rules.rs`, which replay's check applies to recorded events.

use chrono::{DateTime, FixedOffset};

use super::catalog::Item;
use super::command::{PointsCommand, PointsEvent};
use super::error::PointsError;
use super::passbook::Source;
use super::rules::{
    award_fields, due, earn, for_request, for_service, may_add_item, may_restock, may_reverse,
    person_ix, redeem, Reads,
};
use super::Points;
use crate::access::{Actor, Permission};
use crate::error::Error;
use crate::grid::{Authority, GridError};

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
            let item = Item {
                id,
                unit,
                name,
                cost,
                stock,
                per_person,
                valid_from,
                valid_until,
                min_star,
            };
            may_add_item(cx.grid, points, &who, &item)?;
            Ok(vec![PointsEvent::ItemAdded { item }])
        }
        PointsCommand::Restock { item, quantity } => {
            may_restock(points, &who, &item, quantity)?;
            Ok(vec![PointsEvent::Restocked { item, quantity }])
        }
        PointsCommand::EarnForService { record } => match for_service(cx, points, &who, &record)? {
            None => Ok(Vec::new()),
            Some(a) => earn(cx, points, a.id, &a.person, a.source, a.asked, day).map(|e| vec![e]),
        },
        PointsCommand::EarnForRequest { request } => {
            match for_request(cx, points, &who, &request)? {
                None => Ok(Vec::new()),
                Some(a) => {
                    earn(cx, points, a.id, &a.person, a.source, a.asked, day).map(|e| vec![e])
                }
            }
        }
        PointsCommand::Award {
            id,
            person,
            unit,
            points: amount,
            reason,
        } => {
            award_fields(&id, Some(&reason), amount)?;
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
            redeem(cx, &who, points, day, id, person, item, quantity).map(|e| vec![e])
        }
        PointsCommand::Reverse { id, reason } => {
            may_reverse(points, &who, &id, &reason)?;
            Ok(vec![PointsEvent::Reversed {
                id,
                on: day,
                reason,
            }])
        }
        PointsCommand::Expire { on } => {
            who.require_anywhere(Permission::KeepPoints)?;
            let lots = due(cx.grid, points, on);
            if lots.is_empty() {
                return Ok(Vec::new());
            }
            Ok(vec![PointsEvent::Expired { on, lots }])
        }
    }
}

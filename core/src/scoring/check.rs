//! Checking scoring events met in a replayed journal: each must be what `decide` could
//! have produced for the entry's actor at the entry's time from the state it meets, by
//! the same rules (the helpers of `decide.rs`).

use super::command::{ScoringEvent, StarChange};
use super::config::ScoringConfig;
use super::decide::{
    certifiable, closed_request, counted, may_record, may_reject, pending, verifier, Counted,
    Service,
};
use super::error::ScoringError;
use super::Scoring;
use crate::access::{Context, Permission};
use crate::error::Error;
use crate::grid::{Authority, Grid};
use crate::tasks::Tasks;

/// Refuses a scoring event that the state could not have produced for `ctx`'s actor at
/// `ctx.at`.
pub(crate) fn check_event(
    grid: &Grid,
    tasks: &Tasks,
    scoring: &Scoring,
    config: &ScoringConfig,
    ctx: &Context,
    event: &ScoringEvent,
) -> Result<(), Error> {
    let who = Authority::new(grid, &ctx.actor)?;
    match event {
        ScoringEvent::ServiceRecorded {
            id,
            person,
            unit,
            started_at,
            minutes,
            travel_minutes,
            request,
            note,
            ..
        } => {
            let service = Service {
                id,
                person,
                unit: *unit,
                started_at: *started_at,
                minutes: *minutes,
                travel_minutes: *travel_minutes,
                request: request.as_deref(),
                note,
            };
            may_record(grid, tasks, scoring, &who, ctx.at, &service)
        }
        ScoringEvent::ServiceCertified {
            id,
            by,
            counted: recorded,
        } => {
            // Certified with its recording, in the same entry, by the request's
            // verification; or later by one who may certify it, named as its certifier.
            let (px, record) = pending(grid, scoring, id)?;
            let just_recorded = scoring.last_recorded() == Some((id.as_str(), ctx.at));
            let by_verification = just_recorded
                && closed_request(tasks, record)?.is_some_and(|r| verifier(grid, r) == *by);
            if !by_verification {
                certifiable(grid, tasks, scoring, &who, id)?;
                if *by != who.person().map(|(_, p)| p.id.to_string()) {
                    return Err(ScoringError::WrongCertifier {
                        id: id.clone(),
                        by: by.clone().unwrap_or_default(),
                        actor: ctx.actor.to_string(),
                    }
                    .into());
                }
            }
            let expected = counted(config, scoring, px, &Counted::of(record));
            if *recorded != expected {
                return Err(ScoringError::WrongCount {
                    id: id.clone(),
                    counted: *recorded,
                    expected,
                }
                .into());
            }
            Ok(())
        }
        ScoringEvent::ServiceRejected { id, reason } => may_reject(grid, scoring, &who, id, reason),
        ScoringEvent::StarsGranted { on, changes } => {
            who.require_anywhere(Permission::GrantStars)?;
            for c in changes {
                let px = grid
                    .person_ix(c.person.as_str())
                    .ok_or_else(|| ScoringError::UnknownPerson(c.person.clone()))?;
                let found = scoring.standing_ix(px).map_or(0, |s| s.level);
                if found != c.from {
                    return Err(ScoringError::StaleLevel {
                        person: c.person.clone(),
                        expected: c.from,
                        found,
                    }
                    .into());
                }
            }
            let expected = scoring.grant_preview(grid, &config.stars, *on)?;
            match first_difference(changes, &expected) {
                Some(person) => Err(ScoringError::WrongGrant {
                    on: on.to_string(),
                    person: person.to_owned(),
                }
                .into()),
                None => Ok(()),
            }
        }
    }
}

/// The person of the first change where `recorded` and `expected` differ, if they do.
fn first_difference<'a>(recorded: &'a [StarChange], expected: &'a [StarChange]) -> Option<&'a str> {
    let pairs = recorded.iter().zip(expected);
    if let Some((r, _)) = pairs.clone().find(|(r, e)| r != e) {
        return Some(&r.person);
    }
    let n = pairs.count();
    recorded
        .get(n)
        .or_else(|| expected.get(n))
        .map(|c| c.person.as_str())
}

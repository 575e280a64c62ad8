//! Deciding scoring commands and checking scoring events against the state.

use chrono::{DateTime, FixedOffset};

use super::command::{ScoringCommand, ScoringEvent, StarChange};
use super::config::ScoringConfig;
use super::error::ScoringError;
use super::model::ServiceStatus;
use super::stars::StarProfile;
use super::Scoring;
use crate::access::{Actor, Permission};
use crate::error::Error;
use crate::grid::{Authority, Grid, GridError, NodeCode};
use crate::tasks::{Status, Tasks};
use crate::text::check;
use crate::text::TextKind::{Key, Note, Reason};

/// The events a scoring command causes, or why it is refused.
pub(crate) fn decide(
    grid: &Grid,
    tasks: &Tasks,
    scoring: &Scoring,
    config: &ScoringConfig,
    actor: &Actor,
    at: DateTime<FixedOffset>,
    command: ScoringCommand,
) -> Result<Vec<ScoringEvent>, Error> {
    let who = Authority::new(grid, actor)?;
    match command {
        ScoringCommand::RecordService {
            id,
            person,
            unit,
            activity,
            started_at,
            minutes,
            travel_minutes,
            request,
            note,
        } => {
            check(Key, "record id", &id).map_err(ScoringError::Text)?;
            check(Note, "note", &note).map_err(ScoringError::Text)?;
            if started_at > at {
                return Err(ScoringError::FutureService {
                    id,
                    started_at: started_at.to_rfc3339(),
                }
                .into());
            }
            let recorded = ScoringEvent::ServiceRecorded {
                id: id.clone(),
                person: person.clone(),
                unit,
                activity,
                started_at,
                minutes,
                travel_minutes,
                request: request.clone(),
                note,
            };
            check_event(grid, tasks, scoring, &recorded)?;
            let own = who.person().is_some_and(|(_, p)| *p.id == *person);
            if !own {
                who.require(Permission::CertifyService, unit)?;
            }
            let mut events = vec![recorded];
            let closed = request
                .as_deref()
                .and_then(|r| tasks.request(r))
                .filter(|r| r.status() == Status::Closed);
            if let Some(r) = closed {
                let px = grid.person_ids.get(person.as_str()).copied().unwrap_or(0);
                let counted = config.hours.counted(
                    minutes,
                    travel_minutes,
                    scoring.counted_on(px, started_at.date_naive()),
                );
                let by = r
                    .verified_by
                    .and_then(|v| grid.people.get(v as usize))
                    .map(|p| p.id.to_string());
                events.push(ScoringEvent::ServiceCertified { id, by, counted });
            }
            Ok(events)
        }
        ScoringCommand::CertifyService { id } => {
            let (px, record) = pending(grid, scoring, &id)?;
            who.require(Permission::CertifyService, record.unit)?;
            if let Some((me, _)) = who.person() {
                if me == px {
                    return Err(ScoringError::OwnService(record.person.clone()).into());
                }
            }
            if let Some(r) = &record.request {
                if tasks.request(r).map(|q| q.status()) != Some(Status::Closed) {
                    return Err(mismatch(r, "the request is not closed yet"));
                }
            }
            let counted = config.hours.counted(
                record.minutes,
                record.travel_minutes,
                scoring.counted_on(px, record.day()),
            );
            let by = who.person().map(|(_, p)| p.id.to_string());
            Ok(vec![ScoringEvent::ServiceCertified { id, by, counted }])
        }
        ScoringCommand::RejectService { id, reason } => {
            let (_, record) = pending(grid, scoring, &id)?;
            who.require(Permission::CertifyService, record.unit)?;
            check(Reason, "reason", &reason).map_err(ScoringError::Text)?;
            Ok(vec![ScoringEvent::ServiceRejected { id, reason }])
        }
        ScoringCommand::GrantStars { on } => {
            who.require_anywhere(Permission::GrantStars)?;
            let changes = scoring.grant_preview(grid, &config.stars, on)?;
            Ok(vec![ScoringEvent::StarsGranted { on, changes }])
        }
    }
}

fn mismatch(request: &str, why: &'static str) -> Error {
    ScoringError::RequestMismatch {
        request: request.to_owned(),
        why,
    }
    .into()
}

fn pending<'a>(
    grid: &Grid,
    scoring: &'a Scoring,
    id: &str,
) -> Result<(u32, &'a super::ServiceRecord), Error> {
    let record = scoring
        .record(id)
        .ok_or_else(|| ScoringError::UnknownRecord(id.to_owned()))?;
    if record.status != ServiceStatus::Pending {
        return Err(ScoringError::NotPending(id.to_owned()).into());
    }
    let px = grid
        .person_ids
        .get(record.person.as_str())
        .copied()
        .ok_or_else(|| ScoringError::UnknownPerson(record.person.clone()))?;
    Ok((px, record))
}

impl Scoring {
    /// The level changes a grant on `on` would make under `profile`, in person order,
    /// without recording anything: who would be promoted, and to what.
    pub fn grant_preview(
        &self,
        grid: &Grid,
        profile: &StarProfile,
        on: chrono::NaiveDate,
    ) -> Result<Vec<StarChange>, ScoringError> {
        profile.validate()?;
        if let Some(last) = self.last_grant() {
            if on < last {
                return Err(ScoringError::GrantBackdated {
                    last: last.to_string(),
                    on: on.to_string(),
                });
            }
        }
        let cutoffs = profile.cutoffs();
        let mut raised: Vec<(u32, u8, u8)> = self
            .standings()
            .filter_map(|(px, s)| {
                let to = cutoffs.grant(s.minutes, s.level, s.since, on);
                (to != s.level).then_some((px, s.level, to))
            })
            .collect();
        raised.sort_unstable_by_key(|&(px, _, _)| px);
        Ok(raised
            .into_iter()
            .filter_map(|(px, from, to)| {
                let person = grid.people.get(px as usize)?.id.to_string();
                Some(StarChange { person, from, to })
            })
            .collect())
    }
}

/// Checks an event against the state it meets (live, and again on replay).
pub(crate) fn check_event(
    grid: &Grid,
    tasks: &Tasks,
    scoring: &Scoring,
    event: &ScoringEvent,
) -> Result<(), Error> {
    match event {
        ScoringEvent::ServiceRecorded {
            id,
            person,
            unit,
            minutes,
            travel_minutes,
            request,
            ..
        } => {
            if scoring.record(id).is_some() {
                return Err(ScoringError::RecordExists(id.clone()).into());
            }
            if *minutes == 0 || *minutes > 1440 || *travel_minutes > 1440 {
                return Err(ScoringError::BadMinutes {
                    id: id.clone(),
                    minutes: if *minutes == 0 || *minutes > 1440 {
                        *minutes
                    } else {
                        *travel_minutes
                    },
                }
                .into());
            }
            let px = grid
                .person_ids
                .get(person.as_str())
                .copied()
                .ok_or_else(|| ScoringError::UnknownPerson(person.clone()))?;
            if grid.unit(*unit).is_none() {
                return Err(GridError::UnknownUnit(*unit).into());
            }
            if let Some(r) = request {
                check_request(tasks, scoring, r, px, *unit)?;
            }
            Ok(())
        }
        ScoringEvent::ServiceCertified { id, .. } | ScoringEvent::ServiceRejected { id, .. } => {
            pending(grid, scoring, id).map(|_| ())
        }
        ScoringEvent::StarsGranted { on, changes } => {
            if let Some(last) = scoring.last_grant() {
                if *on < last {
                    return Err(ScoringError::GrantBackdated {
                        last: last.to_string(),
                        on: on.to_string(),
                    }
                    .into());
                }
            }
            for c in changes {
                let px = grid
                    .person_ids
                    .get(c.person.as_str())
                    .copied()
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
            Ok(())
        }
    }
}

fn check_request(
    tasks: &Tasks,
    scoring: &Scoring,
    request: &str,
    person: u32,
    unit: NodeCode,
) -> Result<(), Error> {
    let r = tasks
        .request(request)
        .ok_or_else(|| ScoringError::UnknownRequest(request.to_owned()))?;
    if let Some(record) = scoring.record_of_request(request) {
        return Err(ScoringError::RequestRecorded {
            request: request.to_owned(),
            record: record.id.clone(),
        }
        .into());
    }
    if r.handled_by != Some(person) {
        return Err(mismatch(request, "it was not handled by this person"));
    }
    if !unit.contains(r.unit()) {
        return Err(mismatch(request, "it is not under the record's unit"));
    }
    Ok(())
}

//! Deciding scoring commands. The rules a command must meet are the helpers below, which
//! replay's check (`check.rs`) applies to recorded events.

use chrono::{DateTime, FixedOffset, NaiveDate};

use super::command::{ScoringCommand, ScoringEvent, StarChange};
use super::config::ScoringConfig;
use super::error::ScoringError;
use super::model::ServiceStatus;
use super::stars::StarProfile;
use super::{Scoring, ServiceRecord};
use crate::access::{Actor, Permission};
use crate::error::Error;
use crate::grid::{Authority, Grid, GridError, NodeCode};
use crate::tasks::{Request, Status, Tasks};
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
            let service = Service {
                id: &id,
                person: &person,
                unit,
                started_at,
                minutes,
                travel_minutes,
                request: request.as_deref(),
                note: &note,
            };
            may_record(grid, tasks, scoring, &who, at, &service)?;
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
            let mut events = vec![recorded];
            let closed = request
                .as_deref()
                .and_then(|r| tasks.request(r))
                .filter(|r| r.status() == Status::Closed);
            if let Some(r) = closed {
                let px = grid.person_ix(person.as_str()).unwrap_or(0);
                let record = Counted {
                    minutes,
                    travel_minutes,
                    day: started_at.date_naive(),
                };
                let counted = counted(config, scoring, px, &record);
                let by = verifier(grid, r);
                events.push(ScoringEvent::ServiceCertified { id, by, counted });
            }
            Ok(events)
        }
        ScoringCommand::CertifyService { id } => {
            let (px, record) = certifiable(grid, tasks, scoring, &who, &id)?;
            let counted = counted(config, scoring, px, &Counted::of(record));
            let by = who.person().map(|(_, p)| p.id.to_string());
            Ok(vec![ScoringEvent::ServiceCertified { id, by, counted }])
        }
        ScoringCommand::RejectService { id, reason } => {
            may_reject(grid, scoring, &who, &id, &reason)?;
            Ok(vec![ScoringEvent::ServiceRejected { id, reason }])
        }
        ScoringCommand::GrantStars { on } => {
            who.require_anywhere(Permission::GrantStars)?;
            let changes = scoring.grant_preview(grid, &config.stars, on)?;
            Ok(vec![ScoringEvent::StarsGranted { on, changes }])
        }
    }
}

/// A service as it is recorded.
pub(super) struct Service<'a> {
    pub(super) id: &'a str,
    pub(super) person: &'a str,
    pub(super) unit: NodeCode,
    pub(super) started_at: DateTime<FixedOffset>,
    pub(super) minutes: u32,
    pub(super) travel_minutes: u32,
    pub(super) request: Option<&'a str>,
    pub(super) note: &'a str,
}

/// Whether `who` may record the service at `at`: a well-formed id and note, a service
/// already started, a fresh id, minutes in range, a registered person, an existing unit,
/// a request (if any) the person handled under the unit and not recorded yet; and the
/// person's own record, or one who certifies at the unit.
pub(super) fn may_record(
    grid: &Grid,
    tasks: &Tasks,
    scoring: &Scoring,
    who: &Authority<'_>,
    at: DateTime<FixedOffset>,
    s: &Service<'_>,
) -> Result<(), Error> {
    check(Key, "record id", s.id).map_err(ScoringError::Text)?;
    check(Note, "note", s.note).map_err(ScoringError::Text)?;
    if s.started_at > at {
        return Err(ScoringError::FutureService {
            id: s.id.to_owned(),
            started_at: s.started_at.to_rfc3339(),
        }
        .into());
    }
    if scoring.record(s.id).is_some() {
        return Err(ScoringError::RecordExists(s.id.to_owned()).into());
    }
    let bad_service = s.minutes == 0 || s.minutes > 1440;
    if bad_service || s.travel_minutes > 1440 {
        return Err(ScoringError::BadMinutes {
            id: s.id.to_owned(),
            minutes: if bad_service {
                s.minutes
            } else {
                s.travel_minutes
            },
        }
        .into());
    }
    let px = grid
        .person_ix(s.person)
        .ok_or_else(|| ScoringError::UnknownPerson(s.person.to_owned()))?;
    if grid.unit(s.unit).is_none() {
        return Err(GridError::UnknownUnit(s.unit).into());
    }
    if let Some(r) = s.request {
        check_request(tasks, scoring, r, px, s.unit)?;
    }
    let own = who.person().is_some_and(|(me, _)| me == px);
    if !own {
        who.require(Permission::CertifyService, s.unit)?;
    }
    Ok(())
}

/// What the counting rules read of a record.
pub(super) struct Counted {
    pub(super) minutes: u32,
    pub(super) travel_minutes: u32,
    pub(super) day: NaiveDate,
}

impl Counted {
    /// What the counting rules read of a recorded service.
    pub(super) fn of(record: &ServiceRecord) -> Counted {
        Counted {
            minutes: record.minutes,
            travel_minutes: record.travel_minutes,
            day: record.day(),
        }
    }
}

/// The minutes a record of person `px` counts when certified now, under the daily cap.
pub(super) fn counted(config: &ScoringConfig, scoring: &Scoring, px: u32, r: &Counted) -> u32 {
    let today = scoring.counted_on(px, r.day);
    config.hours.counted(r.minutes, r.travel_minutes, today)
}

/// The person who verified a request, by id.
pub(super) fn verifier(grid: &Grid, r: &Request) -> Option<String> {
    r.verified_by
        .and_then(|v| grid.people.get(v as usize))
        .map(|p| p.id.to_string())
}

/// The closed request of a record, or why the record cannot be certified yet.
pub(super) fn closed_request<'a>(
    tasks: &'a Tasks,
    record: &ServiceRecord,
) -> Result<Option<&'a Request>, Error> {
    let Some(r) = &record.request else {
        return Ok(None);
    };
    match tasks.request(r) {
        Some(q) if q.status() == Status::Closed => Ok(Some(q)),
        _ => Err(mismatch(r, "the request is not closed yet")),
    }
}

/// The pending record `id` and its person, if `who` may certify it: one who certifies
/// at its unit, not the person who served, once its request (if any) is closed.
pub(super) fn certifiable<'a>(
    grid: &Grid,
    tasks: &Tasks,
    scoring: &'a Scoring,
    who: &Authority<'_>,
    id: &str,
) -> Result<(u32, &'a ServiceRecord), Error> {
    let (px, record) = pending(grid, scoring, id)?;
    who.require(Permission::CertifyService, record.unit)?;
    if let Some((me, _)) = who.person() {
        if me == px {
            return Err(ScoringError::OwnService(record.person.clone()).into());
        }
    }
    closed_request(tasks, record)?;
    Ok((px, record))
}

/// Whether `who` may refuse the pending record `id` for `reason`.
pub(super) fn may_reject(
    grid: &Grid,
    scoring: &Scoring,
    who: &Authority<'_>,
    id: &str,
    reason: &str,
) -> Result<(), Error> {
    let (_, record) = pending(grid, scoring, id)?;
    who.require(Permission::CertifyService, record.unit)?;
    check(Reason, "reason", reason).map_err(ScoringError::Text)?;
    Ok(())
}

/// A record does not fit its request, and why.
pub(super) fn mismatch(request: &str, why: &'static str) -> Error {
    ScoringError::RequestMismatch {
        request: request.to_owned(),
        why,
    }
    .into()
}

/// The pending record `id` and the index of its person.
pub(super) fn pending<'a>(
    grid: &Grid,
    scoring: &'a Scoring,
    id: &str,
) -> Result<(u32, &'a ServiceRecord), Error> {
    let record = scoring
        .record(id)
        .ok_or_else(|| ScoringError::UnknownRecord(id.to_owned()))?;
    if record.status != ServiceStatus::Pending {
        return Err(ScoringError::NotPending(id.to_owned()).into());
    }
    let px = grid
        .person_ix(record.person.as_str())
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

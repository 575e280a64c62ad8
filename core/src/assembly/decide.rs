//! Deciding assembly commands and applying their events. The rules a command must meet
//! are the helpers below, which replay's check (`check.rs`) applies to recorded events.

use chrono::{DateTime, FixedOffset};

use super::command::{AssemblyCommand, AssemblyEvent};
use super::subject::Subject;
use super::tally::tally;
use super::{Assembly, AssemblyError, Motion};
use crate::access::{Actor, Permission};
use crate::error::Error;
use crate::fund::{check_subject, Funds};
use crate::grid::{Authority, Grid, GridError, NodeCode};
use crate::text::TextKind::{Key, Title};
use crate::text::{check, TextError};

/// Decides an assembly command.
pub(crate) fn decide(
    grid: &Grid,
    funds: &Funds,
    assembly: &Assembly,
    actor: &Actor,
    at: DateTime<FixedOffset>,
    command: AssemblyCommand,
) -> Result<Vec<AssemblyEvent>, Error> {
    let who = Authority::new(grid, actor)?;
    match command {
        AssemblyCommand::SetOwner { household, owner } => {
            may_set_owner(grid, &who, &household, owner.as_deref())?;
            if assembly.owners.get(&household) == owner.as_ref() {
                return Ok(Vec::new());
            }
            Ok(vec![AssemblyEvent::OwnerSet { household, owner }])
        }
        AssemblyCommand::OpenMotion {
            motion,
            unit,
            title,
            subject,
            closes,
        } => {
            let opening = Opening {
                motion: &motion,
                unit,
                title: &title,
                subject: &subject,
                closes,
            };
            may_open(grid, funds, assembly, &who, at, &opening)?;
            Ok(vec![AssemblyEvent::MotionOpened {
                motion,
                unit,
                title,
                kind: subject.kind(),
                subject,
                closes,
            }])
        }
        AssemblyCommand::CastVote {
            motion,
            owner,
            choice,
        } => {
            let m = votable(assembly, at, &motion)?;
            let (owner, recorded_by) = ballot(&who, m.unit, owner)?;
            may_vote(grid, assembly, m, &owner)?;
            Ok(vec![AssemblyEvent::VoteCast {
                motion,
                owner,
                choice,
                recorded_by,
            }])
        }
        AssemblyCommand::CloseMotion { motion } => {
            let m = closable(assembly, &who, at, &motion)?;
            let count = tally(m.kind, &assembly.electorate(grid, m.unit), &m.votes);
            Ok(vec![AssemblyEvent::MotionClosed {
                motion,
                tally: count,
            }])
        }
    }
}

/// Whether `who` may record `owner` for `household`: the home exists, the actor keeps
/// households or convenes the assembly at its unit, and the owner is a registered
/// person.
pub(super) fn may_set_owner(
    grid: &Grid,
    who: &Authority<'_>,
    household: &str,
    owner: Option<&str>,
) -> Result<(), Error> {
    let unit = grid
        .household(household)
        .and_then(|h| grid.household_unit(h))
        .ok_or_else(|| GridError::UnknownHousehold(household.to_owned()))?;
    if !who.may(Permission::KeepHouseholds, unit) {
        who.require(Permission::ConveneAssembly, unit)?;
    }
    if let Some(o) = owner {
        if grid.person(o).is_none() {
            return Err(GridError::UnknownPerson(o.to_owned()).into());
        }
    }
    Ok(())
}

/// A motion as it is put to the vote.
pub(super) struct Opening<'a> {
    pub(super) motion: &'a str,
    pub(super) unit: NodeCode,
    pub(super) title: &'a str,
    pub(super) subject: &'a Subject,
    pub(super) closes: DateTime<FixedOffset>,
}

/// Whether `who` may open the motion at `at`: a well-formed id and title, an existing
/// unit the actor convenes, a fresh id, a closing time after `at`, and for a fund
/// subject a valid matter of the unit's fund that no other open motion puts already.
pub(super) fn may_open(
    grid: &Grid,
    funds: &Funds,
    assembly: &Assembly,
    who: &Authority<'_>,
    at: DateTime<FixedOffset>,
    o: &Opening<'_>,
) -> Result<(), Error> {
    check(Key, "motion id", o.motion).map_err(AssemblyError::Text)?;
    check(Title, "motion title", o.title).map_err(AssemblyError::Text)?;
    if grid.unit(o.unit).is_none() {
        return Err(GridError::UnknownUnit(o.unit).into());
    }
    who.require(Permission::ConveneAssembly, o.unit)?;
    if assembly.motions.contains_key(o.motion) {
        return Err(AssemblyError::MotionExists(o.motion.to_owned()).into());
    }
    if o.closes <= at {
        return Err(AssemblyError::BadClosing(o.motion.to_owned()).into());
    }
    if let Some(fund_subject) = o.subject.fund_subject() {
        check_subject(funds, o.unit, fund_subject)?;
        if let Some(m) = assembly
            .motions
            .values()
            .find(|m| m.tally.is_none() && m.subject == *o.subject)
        {
            return Err(AssemblyError::SubjectPending(m.id.clone()).into());
        }
    }
    Ok(())
}

/// The open motion `id`, if votes may still be cast on it at `at`.
pub(super) fn votable<'a>(
    assembly: &'a Assembly,
    at: DateTime<FixedOffset>,
    id: &str,
) -> Result<&'a Motion, Error> {
    let m = open_motion(assembly, id)?;
    if at >= m.closes {
        return Err(AssemblyError::VotingEnded {
            motion: id.to_owned(),
            closes: m.closes.to_rfc3339(),
        }
        .into());
    }
    Ok(m)
}

/// Whose ballot it is and who recorded it: an owner's own vote (`owner` absent or the
/// actor), recorded by nobody; or a paper ballot for the named owner, which needs the
/// right to convene the assembly at `unit` and is recorded by the actor (`"system"` for
/// the platform).
pub(super) fn ballot(
    who: &Authority<'_>,
    unit: NodeCode,
    owner: Option<String>,
) -> Result<(String, Option<String>), Error> {
    let me = who.person().map(|(_, p)| p.id().to_owned());
    match (owner, me) {
        (Some(o), Some(me)) if o == me => Ok((o, None)),
        (Some(o), me) => {
            who.require(Permission::ConveneAssembly, unit)?;
            Ok((o, Some(me.unwrap_or_else(|| "system".to_owned()))))
        }
        (None, Some(me)) => Ok((me, None)),
        (None, None) => {
            let why = "the platform records a ballot for a named owner";
            let error = TextError::new(Key, "owner", "", why);
            Err(AssemblyError::Text(error).into())
        }
    }
}

/// Whether `owner` may vote on `m`: they own a home under its unit and have not voted.
pub(super) fn may_vote(
    grid: &Grid,
    assembly: &Assembly,
    m: &Motion,
    owner: &str,
) -> Result<(), Error> {
    owns_in(grid, assembly, owner, m.unit)?;
    if m.votes.contains_key(owner) {
        return Err(AssemblyError::VotedAlready {
            motion: m.id.clone(),
            owner: owner.to_owned(),
        }
        .into());
    }
    Ok(())
}

/// The open motion `id`, if `who` may close it at `at`: they convene the assembly at its
/// unit and its voting time is over.
pub(super) fn closable<'a>(
    assembly: &'a Assembly,
    who: &Authority<'_>,
    at: DateTime<FixedOffset>,
    id: &str,
) -> Result<&'a Motion, Error> {
    let m = open_motion(assembly, id)?;
    who.require(Permission::ConveneAssembly, m.unit)?;
    if at < m.closes {
        return Err(AssemblyError::StillOpen {
            motion: id.to_owned(),
            closes: m.closes.to_rfc3339(),
        }
        .into());
    }
    Ok(m)
}

fn open_motion<'a>(assembly: &'a Assembly, id: &str) -> Result<&'a Motion, Error> {
    let m = assembly
        .motions
        .get(id)
        .ok_or_else(|| AssemblyError::UnknownMotion(id.to_owned()))?;
    if m.tally.is_some() {
        return Err(AssemblyError::Closed(id.to_owned()).into());
    }
    Ok(m)
}

fn owns_in(grid: &Grid, assembly: &Assembly, owner: &str, unit: NodeCode) -> Result<(), Error> {
    let owns = assembly.homes.get(owner).is_some_and(|homes| {
        homes.iter().any(|h| {
            grid.household(h)
                .and_then(|h| grid.household_unit(h))
                .is_some_and(|u| unit.contains(u))
        })
    });
    if owns {
        Ok(())
    } else {
        Err(AssemblyError::NotAnOwner {
            owner: owner.to_owned(),
            unit: unit.to_string(),
        }
        .into())
    }
}

impl Assembly {
    /// Applies one event.
    pub(crate) fn apply(&mut self, event: AssemblyEvent, at: DateTime<FixedOffset>) {
        match event {
            AssemblyEvent::OwnerSet { household, owner } => {
                let before = match &owner {
                    Some(o) => self.owners.insert(household.clone(), o.clone()),
                    None => self.owners.remove(&household),
                };
                if let Some(b) = before {
                    if let Some(homes) = self.homes.get_mut(&b) {
                        homes.remove(&household);
                        if homes.is_empty() {
                            self.homes.remove(&b);
                        }
                    }
                }
                if let Some(o) = owner {
                    self.homes.entry(o).or_default().insert(household);
                }
            }
            AssemblyEvent::MotionOpened {
                motion,
                unit,
                title,
                subject,
                kind,
                closes,
            } => {
                self.motions.insert(
                    motion.clone(),
                    Motion {
                        id: motion,
                        unit,
                        title,
                        subject,
                        kind,
                        opened: at,
                        closes,
                        votes: Default::default(),
                        tally: None,
                    },
                );
            }
            AssemblyEvent::VoteCast {
                motion,
                owner,
                choice,
                ..
            } => {
                if let Some(m) = self.motions.get_mut(&motion) {
                    m.votes.insert(owner, choice);
                }
            }
            AssemblyEvent::MotionClosed { motion, tally } => {
                if let Some(m) = self.motions.get_mut(&motion) {
                    m.tally = Some(tally);
                }
            }
        }
    }
}

//! Deciding assembly commands, applying their events, and checking them on replay.

use chrono::{DateTime, FixedOffset};

use super::command::{AssemblyCommand, AssemblyEvent};
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
            let h = grid
                .household(&household)
                .ok_or_else(|| GridError::UnknownHousehold(household.clone()))?;
            let unit = grid
                .household_unit(h)
                .ok_or_else(|| GridError::UnknownHousehold(household.clone()))?;
            if !who.may(Permission::KeepHouseholds, unit) {
                who.require(Permission::ConveneAssembly, unit)?;
            }
            if let Some(o) = &owner {
                if grid.person(o).is_none() {
                    return Err(GridError::UnknownPerson(o.clone()).into());
                }
            }
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
            check(Key, "motion id", &motion).map_err(AssemblyError::Text)?;
            check(Title, "motion title", &title).map_err(AssemblyError::Text)?;
            if grid.unit(unit).is_none() {
                return Err(GridError::UnknownUnit(unit).into());
            }
            who.require(Permission::ConveneAssembly, unit)?;
            if assembly.motions.contains_key(&motion) {
                return Err(AssemblyError::MotionExists(motion).into());
            }
            if closes <= at {
                return Err(AssemblyError::BadClosing(motion).into());
            }
            if let Some(fund_subject) = subject.fund_subject() {
                check_subject(funds, unit, fund_subject)?;
                if let Some(m) = assembly
                    .motions
                    .values()
                    .find(|m| m.tally.is_none() && m.subject == subject)
                {
                    return Err(AssemblyError::SubjectPending(m.id.clone()).into());
                }
            }
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
            let m = open_motion(assembly, &motion)?;
            if at >= m.closes {
                return Err(AssemblyError::VotingEnded {
                    motion,
                    closes: m.closes.to_rfc3339(),
                }
                .into());
            }
            let me = who.person().map(|(_, p)| p.id().to_owned());
            let (owner, recorded_by) = match (owner, &me) {
                (Some(o), Some(me)) if &o == me => (o, None),
                (Some(o), _) => {
                    who.require(Permission::ConveneAssembly, m.unit)?;
                    (o, Some(me.clone().unwrap_or_else(|| "system".to_owned())))
                }
                (None, Some(me)) => (me.clone(), None),
                (None, None) => {
                    let why = "the platform records a ballot for a named owner";
                    let error = TextError::new(Key, "owner", "", why);
                    return Err(AssemblyError::Text(error).into());
                }
            };
            owns_in(grid, assembly, &owner, m.unit)?;
            if m.votes.contains_key(&owner) {
                return Err(AssemblyError::VotedAlready { motion, owner }.into());
            }
            Ok(vec![AssemblyEvent::VoteCast {
                motion,
                owner,
                choice,
                recorded_by,
            }])
        }
        AssemblyCommand::CloseMotion { motion } => {
            let m = open_motion(assembly, &motion)?;
            who.require(Permission::ConveneAssembly, m.unit)?;
            if at < m.closes {
                return Err(AssemblyError::StillOpen {
                    motion,
                    closes: m.closes.to_rfc3339(),
                }
                .into());
            }
            let count = tally(m.kind, &assembly.electorate(grid, m.unit), &m.votes);
            Ok(vec![AssemblyEvent::MotionClosed {
                motion,
                tally: count,
            }])
        }
    }
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

/// Checks an assembly event met in a journal against the state it meets.
pub(crate) fn check_event(
    grid: &Grid,
    assembly: &Assembly,
    event: &AssemblyEvent,
) -> Result<(), Error> {
    match event {
        AssemblyEvent::OwnerSet { household, owner } => {
            if grid.household(household).is_none() {
                return Err(GridError::UnknownHousehold(household.clone()).into());
            }
            if let Some(o) = owner {
                if grid.person(o).is_none() {
                    return Err(GridError::UnknownPerson(o.clone()).into());
                }
            }
        }
        AssemblyEvent::MotionOpened { motion, unit, .. } => {
            if assembly.motions.contains_key(motion) {
                return Err(AssemblyError::MotionExists(motion.clone()).into());
            }
            if grid.unit(*unit).is_none() {
                return Err(GridError::UnknownUnit(*unit).into());
            }
        }
        AssemblyEvent::VoteCast { motion, owner, .. } => {
            let m = open_motion(assembly, motion)?;
            if m.votes.contains_key(owner) {
                return Err(AssemblyError::VotedAlready {
                    motion: motion.clone(),
                    owner: owner.clone(),
                }
                .into());
            }
        }
        AssemblyEvent::MotionClosed { motion, .. } => {
            open_motion(assembly, motion)?;
        }
    }
    Ok(())
}

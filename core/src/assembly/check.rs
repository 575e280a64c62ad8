//! Checking assembly events met in a replayed journal: each must be what `decide` could
//! have produced for the entry's actor at the entry's time from the state it meets, by
//! the same rules (the helpers of `decide.rs`).

use super::command::AssemblyEvent;
use super::decide::{ballot, closable, may_open, may_set_owner, may_vote, votable, Opening};
use super::tally::tally;
use super::{Assembly, AssemblyError};
use crate::access::Context;
use crate::error::Error;
use crate::fund::Funds;
use crate::grid::{Authority, Grid};

/// Refuses an assembly event that the state could not have produced for `ctx`'s actor
/// at `ctx.at`.
pub(crate) fn check_event(
    grid: &Grid,
    funds: &Funds,
    assembly: &Assembly,
    ctx: &Context,
    event: &AssemblyEvent,
) -> Result<(), Error> {
    let who = Authority::new(grid, &ctx.actor)?;
    match event {
        AssemblyEvent::OwnerSet { household, owner } => {
            may_set_owner(grid, &who, household, owner.as_deref())?;
            if assembly.owners.get(household) == owner.as_ref() {
                return Err(AssemblyError::OwnerUnchanged(household.clone()).into());
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
            let opening = Opening {
                motion,
                unit: *unit,
                title,
                subject,
                closes: *closes,
            };
            may_open(grid, funds, assembly, &who, ctx.at, &opening)?;
            if *kind != subject.kind() {
                return Err(AssemblyError::WrongKind {
                    motion: motion.clone(),
                    kind: kind.as_str(),
                    expected: subject.kind().as_str(),
                }
                .into());
            }
        }
        AssemblyEvent::VoteCast {
            motion,
            owner,
            recorded_by,
            ..
        } => {
            let m = votable(assembly, ctx.at, motion)?;
            let (_, expected) = ballot(&who, m.unit, Some(owner.clone()))?;
            if *recorded_by != expected {
                return Err(AssemblyError::WrongRecorder {
                    motion: motion.clone(),
                    owner: owner.clone(),
                    recorded_by: recorded_by.clone().unwrap_or_default(),
                    actor: ctx.actor.to_string(),
                }
                .into());
            }
            may_vote(grid, assembly, m, owner)?;
        }
        AssemblyEvent::MotionClosed { motion, tally: t } => {
            let m = closable(assembly, &who, ctx.at, motion)?;
            let count = tally(m.kind, &assembly.electorate(grid, m.unit), &m.votes);
            if *t != count {
                return Err(AssemblyError::WrongTally {
                    motion: motion.clone(),
                    recorded: t.outcome.as_str(),
                    counted: count.outcome.as_str(),
                }
                .into());
            }
        }
    }
    Ok(())
}

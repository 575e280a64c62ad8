//! Checking a fund event met in a journal against the state it meets, for the entry's
//! actor at the entry's time, so that replay rebuilds exactly the ward that wrote the
//! journal and believes nothing `decide` could not have recorded: an event a command
//! records first is decided again (`redecide`), and a transaction posted by hand is
//! checked by the rules of `post` without rebuilding the command; one that follows
//! another in its entry is rebuilt as `decide` builds it (`follows`); one a motion
//! records is checked as the motion's effect (`decisions`).

use super::decide::{decide, Desk};
use super::event::{FundEvent, Purpose};
use super::ledger::{LedgerError, Posted, Transaction};
use super::model::PaymentStatus;
use super::redecide::{command_for, same};
use super::{decisions, follows};
use super::{FundConfig, FundError, Funds};
use crate::access::{Context, Permission};
use crate::error::Error;
use crate::grid::Grid;

/// Checks one fund event against the current state, for the entry's actor and time.
pub(crate) fn check_event(
    grid: &Grid,
    funds: &Funds,
    config: &FundConfig,
    ctx: &Context,
    event: &FundEvent,
) -> Result<(), Error> {
    // The ledger's own checks first: a transaction it would not take as new (one whose
    // id is taken, even by the same transaction) is refused before anything else.
    if let FundEvent::Posted { transaction, .. } = event {
        let f = funds.fund(event.fund())?;
        if f.ledger.check(transaction).map_err(FundError::from)? == Posted::Duplicate {
            return Err(FundError::from(LedgerError::IdReused(transaction.id.clone())).into());
        }
    }
    if let FundEvent::PaymentMade { payment, .. } = event {
        let earlier = funds
            .get(event.fund())
            .and_then(|f| f.payments.get(&payment.id));
        if let Some(p) = earlier.filter(|p| p.status != PaymentStatus::Pending) {
            return Err(FundError::WrongState {
                what: "payment",
                id: p.id.clone(),
                state: p.status.as_str(),
                action: "make it again",
            }
            .into());
        }
    }
    if let FundEvent::Posted {
        transaction,
        purpose: Purpose::Entry,
        ..
    } = event
    {
        return entry_posted(grid, funds, ctx, event, transaction);
    }
    if let Some(command) = command_for(funds, event)? {
        let produced = decide(grid, funds, config, &ctx.actor, ctx.at, command)?;
        return same(event, &produced);
    }
    let f = funds.fund(event.fund())?;
    let desk = Desk::new(grid, funds, &ctx.actor, ctx.at)?;
    match event {
        FundEvent::AccountOpened { account, .. } => follows::account(&desk, f, account),
        FundEvent::FeeProposed { standard, .. } => follows::fee_proposed(&desk, f, event, standard),
        FundEvent::Posted {
            transaction,
            purpose,
            ..
        } => follows::posting(&desk, f, event, transaction, purpose),
        _ => decisions::decision(&desk, funds, f, event),
    }
}

/// Checks a transaction posted by hand as the one-transaction `post` command that
/// [`command_for`] would rebuild is decided, without copying the transaction into a
/// command and the event it decides: the same permission and rules. The ledger's
/// verdict, which must be a new posting (the recorded event itself), was checked first
/// by [`check_event`]; it is not asked again.
fn entry_posted(
    grid: &Grid,
    funds: &Funds,
    ctx: &Context,
    event: &FundEvent,
    transaction: &Transaction,
) -> Result<(), Error> {
    let desk = Desk::new(grid, funds, &ctx.actor, ctx.at)?;
    let f = funds.fund(event.fund())?;
    desk.require(f, Permission::KeepAccounts)?;
    desk.post_rules(f, std::slice::from_ref(transaction))
}

//! Checking a fund event met in a journal against the state it meets, so that replay
//! rebuilds exactly the ward that wrote the journal.

use super::event::FundEvent;
use super::ledger::{LedgerError, Posted};
use super::{FundError, Funds};
use crate::error::Error;
use crate::grid::{Grid, GridError};

/// Checks one fund event against the current state.
pub(crate) fn check_event(grid: &Grid, funds: &Funds, event: &FundEvent) -> Result<(), Error> {
    if let FundEvent::FundOpened { fund, unit, .. } = event {
        if funds.get(fund).is_some() {
            return Err(FundError::FundExists(fund.clone()).into());
        }
        if grid.unit(*unit).is_none() {
            return Err(GridError::UnknownUnit(*unit).into());
        }
        return Ok(());
    }
    let f = funds.fund(event.fund())?;
    match event {
        FundEvent::AccountOpened { account, .. } => {
            f.ledger.check_open(account).map_err(FundError::from)?;
        }
        FundEvent::Posted { transaction, .. }
            if f.ledger.check(transaction).map_err(FundError::from)? == Posted::Duplicate =>
        {
            return Err(FundError::from(LedgerError::IdReused(transaction.id.clone())).into());
        }
        FundEvent::FeeProposed { standard, .. }
            if f.fee_standards.iter().any(|s| s.id == standard.id) =>
        {
            let what = "fee standard";
            let id = standard.id.clone();
            return Err(FundError::Exists { what, id }.into());
        }
        _ => {}
    }
    Ok(())
}

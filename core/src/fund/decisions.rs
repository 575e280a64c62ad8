//! Checking the fund events a passed (or failed) motion of the owners' assembly records,
//! in the entry that closes it and under whoever closed it: the matter must be one the
//! owners could vote on in the state met (`check_subject`), the actor must be one who may
//! close a motion on the fund's compound, and the event must be what the motion's effect
//! (`decided`) records.

use super::decide::Desk;
use super::effect::{check_subject, decided};
use super::event::FundEvent;
use super::ledger::LedgerError;
use super::model::{Approval, Fund};
use super::redecide::same;
use super::subject::FundSubject;
use super::{FundError, Funds};
use crate::access::Permission;
use crate::error::Error;
use crate::text::check;
use crate::text::TextKind::Key;

/// Checks a decision of the owners on a fund's matter.
pub(crate) fn decision(
    desk: &Desk<'_>,
    funds: &Funds,
    f: &Fund,
    event: &FundEvent,
) -> Result<(), Error> {
    desk.require(f, Permission::ConveneAssembly)?;
    let fund = f.id.clone();
    let (subject, motion, passed) = match event {
        FundEvent::BudgetDecided {
            budget,
            motion,
            approved,
            ..
        } => {
            let subject = FundSubject::ApproveBudget {
                fund,
                budget: budget.clone(),
            };
            (subject, motion, *approved)
        }
        FundEvent::AmendmentDecided {
            budget,
            amendment,
            motion,
            approved,
            ..
        } => {
            let subject = FundSubject::AmendBudget {
                fund,
                budget: budget.clone(),
                amendment: amendment.clone(),
            };
            (subject, motion, *approved)
        }
        FundEvent::DividendDecided {
            dividend,
            motion,
            approved,
            ..
        } => {
            let subject = FundSubject::Dividend {
                fund,
                dividend: dividend.clone(),
            };
            (subject, motion, *approved)
        }
        FundEvent::CommonIncomeInBaseDecided {
            motion, include, ..
        } => {
            let subject = FundSubject::CommonIncomeInBase {
                fund,
                include: *include,
            };
            (subject, motion, true)
        }
        FundEvent::FeeDecided {
            standard,
            motion,
            approved,
            ..
        } => return fee_decided(desk, funds, f, event, standard, motion, *approved),
        FundEvent::BusinessUseAllowed { resolution, .. } => {
            let subject = FundSubject::AllowBusinessUse {
                fund,
                uses: resolution.uses.clone(),
                until: resolution.until,
            };
            (subject, &resolution.motion, true)
        }
        // Recorded by commands, not by motions: checked elsewhere.
        _ => return Ok(()),
    };
    check(Key, "motion id", motion).map_err(FundError::Text)?;
    check_subject(funds, f.unit, &subject)?;
    let produced = decided(desk.grid, funds, Some(&subject), motion, passed, desk.date)?;
    // The accounts a passed motion opens come before its decision in the entry.
    if let Some(FundEvent::AccountOpened { account, .. }) = produced
        .iter()
        .find(|e| matches!(e, FundEvent::AccountOpened { .. }))
    {
        return Err(FundError::from(LedgerError::UnknownAccount(account.name.clone())).into());
    }
    same(event, &produced)
}

/// A fee standard decided on its own motion, or with the budget that carries it (right
/// after the budget, by the same motion, the same way).
fn fee_decided(
    desk: &Desk<'_>,
    funds: &Funds,
    f: &Fund,
    event: &FundEvent,
    standard: &str,
    motion: &str,
    approved: bool,
) -> Result<(), Error> {
    check(Key, "motion id", motion).map_err(FundError::Text)?;
    let fund = f.id.clone();
    let carried_by = f
        .fee_standards
        .iter()
        .find(|s| s.id == standard)
        .and_then(|s| s.budget.clone());
    let subject = match carried_by {
        None => {
            let standard = standard.to_owned();
            let subject = FundSubject::ApproveFee { fund, standard };
            check_subject(funds, f.unit, &subject)?;
            subject
        }
        Some(budget) => {
            let decided_now = f.budgets.get(&budget).is_some_and(|b| {
                b.motion.as_deref() == Some(motion)
                    && b.approval
                        == if approved {
                            Approval::Approved
                        } else {
                            Approval::Rejected
                        }
            });
            if !decided_now {
                let why = "a fee standard carried by a budget is decided with the budget";
                let error = crate::text::TextError::new(Key, "fee standard", standard, why);
                return Err(FundError::Text(error).into());
            }
            FundSubject::ApproveBudget { fund, budget }
        }
    };
    let produced = decided(
        desk.grid,
        funds,
        Some(&subject),
        motion,
        approved,
        desk.date,
    )?;
    same(event, &produced)
}

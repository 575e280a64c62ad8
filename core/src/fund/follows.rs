//! Checking the fund events that only follow another in a journal entry, so that no
//! command records them first: the accounts and the fee standard opened with a fund or a
//! budget, the postings of a month's bills, of a payment made, of an accrual and of a
//! dividend shared. Each is rebuilt by the function `decide` builds it with, from the
//! state the event before it left.

use super::chart;
use super::decide::{fee_tx, Desk};
use super::effect::{dividend_account, dividend_tx, line_account};
use super::event::{FundEvent, Purpose};
use super::ledger::{Account, Transaction};
use super::model::{Approval, FeeRate, FeeStandard, Fund, PaymentStatus, OPENING_STANDARD};
use super::redecide::same;
use super::share::remuneration_tx;
use super::spend::spending_tx;
use super::FundError;
use crate::access::Permission;
use crate::error::Error;
use crate::money::apply_rate;
use crate::text::TextError;
use crate::text::TextKind::Key;

/// Checks an account opened: by whoever keeps the accounts (any account), with a fund
/// (its standard chart, by whoever may open the fund), or by a passed motion (a budget
/// line's account, a household's dividend account, recorded under whoever closed it).
pub(crate) fn account(desk: &Desk<'_>, f: &Fund, account: &Account) -> Result<(), Error> {
    f.ledger.check_open(account).map_err(FundError::from)?;
    let (who, unit) = (&desk.who, f.unit);
    if who.may(Permission::KeepAccounts, unit) {
        return Ok(());
    }
    let name = account.name.clone();
    let with_fund = chart::standard().contains(account);
    let by_motion = (name.starts_with("expenses:") && *account == line_account(name.clone()))
        || (name.starts_with("liabilities:dividends:") && *account == dividend_account(name));
    if with_fund && who.may(Permission::ShapeStructure, unit)
        || by_motion && who.may(Permission::ConveneAssembly, unit)
    {
        Ok(())
    } else {
        Err(who.denied(Permission::KeepAccounts, Some(unit)))
    }
}

/// Checks a fee standard proposed with a fund (`opening`, by whoever may open the fund,
/// from the fund's first month) or carried by the budget just proposed (the budget's id,
/// from its first month).
pub(crate) fn fee_proposed(
    desk: &Desk<'_>,
    f: &Fund,
    event: &FundEvent,
    standard: &FeeStandard,
) -> Result<(), Error> {
    let produced = match &standard.budget {
        None => {
            desk.require(f, Permission::ShapeStructure)?;
            if !f.fee_standards.is_empty() {
                let id = OPENING_STANDARD.to_owned();
                let what = "fee standard proposed with the fund";
                return Err(FundError::Exists { what, id }.into());
            }
            let from = f.opened.format("%Y-%m").to_string();
            let id = OPENING_STANDARD.to_owned();
            desk.propose_fee(f, id, standard.fee.clone(), from, None)?
        }
        Some(b) => {
            desk.require(f, Permission::KeepAccounts)?;
            let budget = f.budgets.get(b).ok_or_else(|| FundError::UnknownBudget {
                fund: f.id.clone(),
                budget: b.clone(),
            })?;
            if budget.approval != Approval::Proposed {
                return Err(FundError::WrongState {
                    what: "budget",
                    id: b.clone(),
                    state: budget.approval.as_str(),
                    action: "carry a fee standard",
                }
                .into());
            }
            let from = budget.from.format("%Y-%m").to_string();
            let fee = standard.fee.clone();
            desk.propose_fee(f, b.clone(), fee, from, Some(b.clone()))?
        }
    };
    same(event, &produced)
}

/// Checks a posting that follows another event of its entry: a household's bill after
/// the month's billing, a payment's posting after the payment made, the remuneration
/// after its accrual, a dividend's shares after the owners approved it. The others are
/// decided again (see `redecide`).
pub(crate) fn posting(
    desk: &Desk<'_>,
    f: &Fund,
    event: &FundEvent,
    tx: &Transaction,
    purpose: &Purpose,
) -> Result<(), Error> {
    let expected = match purpose {
        Purpose::Fee { month, household } => {
            desk.require(f, Permission::KeepAccounts)?;
            desk.in_compound(f, household)?;
            bill(desk, f, month, household)?
        }
        Purpose::Spending { payment } => {
            let p = f.payments.get(payment).ok_or_else(|| FundError::Unknown {
                what: "payment",
                id: payment.clone(),
            })?;
            let permission = if p.approved_by.is_some() {
                Permission::ApprovePayments
            } else {
                Permission::KeepAccounts
            };
            desk.require(f, permission)?;
            if p.status != PaymentStatus::Posted || p.posted != Some(desk.date) {
                return Err(FundError::WrongState {
                    what: "payment",
                    id: payment.clone(),
                    state: p.status.as_str(),
                    action: "post it without making it today",
                }
                .into());
            }
            spending_tx(p, desk.date)
        }
        Purpose::Remuneration => {
            desk.require(f, Permission::KeepAccounts)?;
            let accrual = f.accruals.last().filter(|a| a.id == tx.id);
            let accrual = accrual.ok_or_else(|| FundError::Unknown {
                what: "accrual",
                id: tx.id.clone(),
            })?;
            remuneration_tx(accrual, desk.date)
        }
        Purpose::Dividend { dividend } => {
            desk.require(f, Permission::ConveneAssembly)?;
            let d = f
                .dividends
                .get(dividend)
                .ok_or_else(|| FundError::Unknown {
                    what: "dividend",
                    id: dividend.clone(),
                })?;
            if d.approval != Approval::Approved {
                return Err(FundError::WrongState {
                    what: "dividend",
                    id: dividend.clone(),
                    state: d.approval.as_str(),
                    action: "share it",
                }
                .into());
            }
            dividend_tx(dividend, &d.shares, desk.date).1
        }
        // Decided again, as the commands that record them first.
        Purpose::Entry
        | Purpose::FeePayment { .. }
        | Purpose::Income { .. }
        | Purpose::RemunerationPaid
        | Purpose::DividendPaid { .. }
        | Purpose::Reversal { .. } => return Ok(()),
    };
    let produced = FundEvent::Posted {
        fund: f.id.clone(),
        transaction: expected,
        purpose: purpose.clone(),
    };
    same(event, &[produced])
}

/// A household's bill for a month, by the standard the month's billing (the event
/// before) named, rounded on its own as the billing rounded it.
fn bill(desk: &Desk<'_>, f: &Fund, month: &str, household: &str) -> Result<Transaction, Error> {
    let no_standard = || FundError::NoFeeStandard {
        fund: f.id.clone(),
        month: month.to_owned(),
    };
    let billing = f.billings.get(month).ok_or_else(no_standard)?;
    let standard = billing
        .standard
        .as_ref()
        .and_then(|id| f.fee_standards.iter().find(|s| &s.id == id))
        .ok_or_else(no_standard)?;
    let area = desk
        .grid
        .household(household)
        .map(|h| h.area())
        .unwrap_or_default();
    let amount = match &standard.fee {
        FeeRate::Area { rate } => {
            let parts = apply_rate(*rate, &[area], f.terms.rounding).map_err(FundError::from)?;
            parts.parts.first().copied().unwrap_or_default()
        }
        FeeRate::Household { amount } => *amount,
    };
    if billing.date != desk.date {
        let why = "a household's bill is posted with the month's billing";
        let error = TextError::new(Key, "fee posting date", &desk.date.to_string(), why);
        return Err(FundError::Text(error).into());
    }
    Ok(fee_tx(month, household, amount, desk.date))
}

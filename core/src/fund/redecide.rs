//! Replaying an event by deciding it again: the command an event records first is
//! rebuilt from the event and decided against the state the event meets, for the entry's
//! actor at the entry's time, and the event must be what that decision records. One set
//! of rules, permissions included, serves deciding and replaying.

use std::mem::discriminant;

use serde_json::Value;

use super::command::FundCommand;
use super::event::{FundEvent, Purpose};
use super::model::{FeeRate, OPENING_STANDARD};
use super::{FundError, Funds};
use crate::error::Error;
use crate::money::Amount;

/// The command whose decision records `event` (as its first event of that type), for
/// the events a command records first; `None` for the events that follow another in an
/// entry (a bill's postings, a payment's posting, an accrual's posting, the accounts and
/// the fee standard opened with a fund or a budget) and for those a passed motion records.
pub(crate) fn command_for(funds: &Funds, event: &FundEvent) -> Result<Option<FundCommand>, Error> {
    let fund = event.fund().to_owned();
    let command = match event {
        FundEvent::FundOpened {
            name, unit, terms, ..
        } => FundCommand::OpenFund {
            fund,
            name: name.clone(),
            unit: *unit,
            // The fee is the next event's (the opening standard), checked there; any
            // valid fee decides the opening the same way.
            fee: FeeRate::Household {
                amount: Amount::from_fen(1),
            },
            basis: terms.basis.clone(),
            approval_threshold: Some(terms.approval_threshold),
            rounding: Some(terms.rounding),
        },
        FundEvent::Posted {
            transaction: tx,
            purpose,
            ..
        } => {
            let first = tx.postings.first().map(|p| p.amount).unwrap_or_default();
            match purpose {
                // Replay checks these without building the command (check.rs,
                // `entry_posted`), by the same rules.
                Purpose::Entry => FundCommand::Post {
                    fund,
                    transactions: vec![tx.clone()],
                },
                Purpose::Reversal { reason } => {
                    let Some(reverses) = tx.reverses.clone() else {
                        return Err(differs(event, "transaction.reverses".to_owned()));
                    };
                    FundCommand::Reverse {
                        fund,
                        transaction: tx.id.clone(),
                        reverses,
                        reason: reason.clone(),
                    }
                }
                Purpose::FeePayment { household } => FundCommand::RecordPayment {
                    fund,
                    payment: tx.id.clone(),
                    household: household.clone(),
                    amount: first,
                },
                Purpose::Income { source } => FundCommand::RecordIncome {
                    fund,
                    id: tx.id.clone(),
                    source: *source,
                    amount: first,
                    description: tx.description.clone(),
                },
                Purpose::RemunerationPaid => FundCommand::PayRemuneration {
                    fund,
                    payment: tx.id.clone(),
                    amount: first,
                },
                Purpose::DividendPaid { dividend } => FundCommand::PayDividend {
                    fund,
                    dividend: dividend.clone(),
                    payment: tx.id.clone(),
                },
                Purpose::Fee { .. }
                | Purpose::Spending { .. }
                | Purpose::Remuneration
                | Purpose::Dividend { .. } => return Ok(None),
            }
        }
        FundEvent::FeesBilled { billing, .. } => FundCommand::BillFees {
            fund,
            month: billing.month.clone(),
        },
        FundEvent::BudgetProposed { budget: b, .. } => FundCommand::ProposeBudget {
            fund,
            budget: b.id.clone(),
            from: b.from,
            to: b.to,
            lines: b.lines.clone(),
            // A fee the budget carries is the next event's, checked there.
            fee: None,
        },
        FundEvent::AmendmentProposed {
            budget, amendment, ..
        } => FundCommand::ProposeAmendment {
            fund,
            budget: budget.clone(),
            amendment: amendment.id.clone(),
            lines: amendment.lines.clone(),
            reason: amendment.reason.clone(),
        },
        FundEvent::PaymentRequested { payment: p, .. } => FundCommand::RequestPayment {
            fund,
            payment: p.id.clone(),
            budget: p.budget.clone(),
            line: p.line.clone(),
            amount: p.amount,
            voucher: p.voucher.clone(),
        },
        FundEvent::PaymentMade { payment: p, .. } => {
            let requested = funds
                .get(&fund)
                .is_some_and(|f| f.payments.contains_key(&p.id));
            if requested {
                FundCommand::ApprovePayment {
                    fund,
                    payment: p.id.clone(),
                }
            } else {
                FundCommand::RequestPayment {
                    fund,
                    payment: p.id.clone(),
                    budget: p.budget.clone(),
                    line: p.line.clone(),
                    amount: p.amount,
                    voucher: p.voucher.clone(),
                }
            }
        }
        FundEvent::PaymentRejected {
            payment, reason, ..
        } => FundCommand::RejectPayment {
            fund,
            payment: payment.clone(),
            reason: reason.clone(),
        },
        FundEvent::RemunerationAccrued { accrual, .. } => FundCommand::AccrueRemuneration {
            fund,
            accrual: accrual.id.clone(),
            from: accrual.from,
            to: accrual.to,
        },
        FundEvent::DividendProposed {
            dividend,
            amount,
            key,
            ..
        } => FundCommand::ProposeDividend {
            fund,
            dividend: dividend.clone(),
            amount: Some(*amount),
            key: key.clone(),
        },
        FundEvent::FeeProposed { standard, .. }
            if standard.budget.is_none() && standard.id != OPENING_STANDARD =>
        {
            FundCommand::ProposeFee {
                fund,
                standard: standard.id.clone(),
                fee: standard.fee.clone(),
                from: standard.from.clone(),
            }
        }
        FundEvent::AccountOpened { .. }
        | FundEvent::FeeProposed { .. }
        | FundEvent::BudgetDecided { .. }
        | FundEvent::AmendmentDecided { .. }
        | FundEvent::DividendDecided { .. }
        | FundEvent::CommonIncomeInBaseDecided { .. }
        | FundEvent::FeeDecided { .. }
        | FundEvent::BusinessUseAllowed { .. } => return Ok(None),
    };
    Ok(Some(command))
}

/// Refuses `event` unless the first event of its type among `produced` (what the rules
/// record from this state) is the event itself.
pub(crate) fn same(event: &FundEvent, produced: &[FundEvent]) -> Result<(), Error> {
    match produced
        .iter()
        .find(|e| discriminant(*e) == discriminant(event))
    {
        Some(e) if e == event => Ok(()),
        Some(e) => Err(differs(event, first_difference(event, e))),
        None => {
            let kinds: Vec<&str> = produced.iter().map(FundEvent::kind).collect();
            let field = if kinds.is_empty() {
                "type (the rules record nothing: it was done already)".to_owned()
            } else {
                format!("type (the rules record {})", kinds.join(", "))
            };
            Err(differs(event, field))
        }
    }
}

/// The refusal of an event that differs from what the rules record, in `field`.
pub(crate) fn differs(event: &FundEvent, field: String) -> Error {
    FundError::NotRecorded {
        event: event.kind(),
        id: event.id().to_owned(),
        field,
    }
    .into()
}

/// The path of the first field in which two events differ, as in JSON (`payment.amount`).
fn first_difference(a: &FundEvent, b: &FundEvent) -> String {
    let a = crate::as_value::as_value(a).unwrap_or(Value::Null);
    let b = crate::as_value::as_value(b).unwrap_or(Value::Null);
    path(&a, &b, String::new())
}

fn path(a: &Value, b: &Value, at: String) -> String {
    let (Value::Object(x), Value::Object(y)) = (a, b) else {
        return if at.is_empty() {
            "event".to_owned()
        } else {
            at
        };
    };
    let join = |k: &str| {
        if at.is_empty() {
            k.to_owned()
        } else {
            format!("{at}.{k}")
        }
    };
    for (k, v) in x {
        let w = y.get(k).unwrap_or(&Value::Null);
        if v != w {
            return path(v, w, join(k));
        }
    }
    match y.keys().find(|k| !x.contains_key(*k)) {
        Some(k) => join(k),
        None if at.is_empty() => "event".to_owned(),
        None => at,
    }
}

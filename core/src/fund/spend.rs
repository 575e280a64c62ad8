//! The open budget and its spending: proposals, amendments, payments with vouchers and
//! the supervisor's approval above the threshold.

use std::collections::{BTreeMap, BTreeSet};

use chrono::NaiveDate;

use super::chart::{self, BANK, REMUNERATION};
use super::decide::{positive, Desk};
use super::event::{FundEvent, Purpose};
use super::ledger::{kind_of, Posting, Transaction};
use super::model::{
    Amendment, Approval, Budget, FeeRate, Fund, LineAmount, Payment, PaymentStatus, Voucher,
};
use super::FundError;
use crate::error::Error;
use crate::text::TextKind::{Key, Name, Reason};
use crate::text::{check, TextError};

impl Desk<'_> {
    pub(super) fn propose_budget(
        &self,
        f: &Fund,
        id: String,
        from: NaiveDate,
        to: NaiveDate,
        lines: Vec<LineAmount>,
        fee: Option<FeeRate>,
    ) -> Result<Vec<FundEvent>, Error> {
        check(Key, "budget id", &id).map_err(FundError::Text)?;
        if f.budgets.contains_key(&id) {
            return Err(FundError::Exists { what: "budget", id }.into());
        }
        if to < from {
            return Err(FundError::BadPeriod { from, to }.into());
        }
        check_lines(&lines)?;
        let standard = match fee {
            Some(fee) => {
                let month = from.format("%Y-%m").to_string();
                self.propose_fee(f, id.clone(), fee, month, Some(id.clone()))?
            }
            None => Vec::new(),
        };
        let mut events = vec![FundEvent::BudgetProposed {
            fund: f.id.clone(),
            budget: Budget {
                id,
                from,
                to,
                lines,
                approval: Approval::Proposed,
                motion: None,
                amendments: Vec::new(),
                spent: BTreeMap::new(),
                pending: BTreeMap::new(),
            },
        }];
        events.extend(standard);
        Ok(events)
    }

    pub(super) fn propose_amendment(
        &self,
        f: &Fund,
        budget: &str,
        id: String,
        lines: Vec<LineAmount>,
        reason: String,
    ) -> Result<Vec<FundEvent>, Error> {
        check(Key, "amendment id", &id).map_err(FundError::Text)?;
        check(Reason, "reason", &reason).map_err(FundError::Text)?;
        let b = approved_budget(f, budget, "amend")?;
        if b.amendments.iter().any(|a| a.id == id) {
            return Err(FundError::Exists {
                what: "amendment",
                id,
            }
            .into());
        }
        check_lines(&lines)?;
        for l in &lines {
            let committed = b.spent.get(&l.line).copied().unwrap_or_default();
            let committed = committed
                .checked_add(b.pending.get(&l.line).copied().unwrap_or_default())
                .map_err(FundError::from)?;
            if l.amount < committed {
                return Err(FundError::BadFigure {
                    what: "amended line",
                    value: format!("{} {}", l.line, l.amount),
                    why: "it is below what the line has spent or committed",
                }
                .into());
            }
        }
        Ok(vec![FundEvent::AmendmentProposed {
            fund: f.id.clone(),
            budget: budget.to_owned(),
            amendment: Amendment {
                id,
                lines,
                reason,
                approval: Approval::Proposed,
                motion: None,
            },
        }])
    }

    pub(super) fn request_payment(
        &self,
        f: &Fund,
        id: String,
        budget: String,
        line: String,
        amount: crate::money::Amount,
        voucher: Voucher,
    ) -> Result<Vec<FundEvent>, Error> {
        check(Key, "payment id", &id).map_err(FundError::Text)?;
        check_voucher(&voucher)?;
        positive("payment", amount)?;
        let payment = Payment {
            id: id.clone(),
            budget,
            line,
            amount,
            voucher,
            requested: self.date,
            posted: None,
            approved_by: None,
            status: PaymentStatus::Pending,
            reason: None,
        };
        if let Some(earlier) = f.payments.get(&id) {
            let same = earlier.budget == payment.budget
                && earlier.line == payment.line
                && earlier.amount == payment.amount
                && earlier.voucher == payment.voucher;
            return if same {
                Ok(Vec::new())
            } else {
                Err(FundError::Exists {
                    what: "payment",
                    id,
                }
                .into())
            };
        }
        if f.ledger.transaction(&id).is_some() {
            return Err(FundError::Exists {
                what: "transaction",
                id,
            }
            .into());
        }
        let b = approved_budget(f, &payment.budget, "pay against")?;
        self.within(b, &payment, false)?;
        if amount > f.terms.approval_threshold {
            return Ok(vec![FundEvent::PaymentRequested {
                fund: f.id.clone(),
                payment,
            }]);
        }
        self.make(f, payment)
    }

    /// Checks a payment's date, line and remaining amount; `pending` when the payment's
    /// own amount is already counted as pending.
    fn within(&self, b: &Budget, p: &Payment, pending: bool) -> Result<(), Error> {
        if self.date < b.from || self.date > b.to {
            return Err(FundError::OutsidePeriod {
                budget: b.id.clone(),
                date: self.date,
                from: b.from,
                to: b.to,
            }
            .into());
        }
        let mut remaining = b.remaining(&p.line).ok_or_else(|| FundError::UnknownLine {
            budget: b.id.clone(),
            line: p.line.clone(),
        })?;
        if pending {
            remaining = remaining.checked_add(p.amount).map_err(FundError::from)?;
        }
        if p.amount > remaining {
            return Err(FundError::OverBudget {
                budget: b.id.clone(),
                line: p.line.clone(),
                remaining,
                amount: p.amount,
            }
            .into());
        }
        Ok(())
    }

    /// Posts a payment: the expense line is debited and the bank credited.
    fn make(&self, f: &Fund, mut payment: Payment) -> Result<Vec<FundEvent>, Error> {
        payment.posted = Some(self.date);
        payment.status = PaymentStatus::Posted;
        let tx = spending_tx(&payment, self.date);
        let purpose = Purpose::Spending {
            payment: payment.id.clone(),
        };
        let mut events = vec![FundEvent::PaymentMade {
            fund: f.id.clone(),
            payment,
        }];
        events.extend(self.posted(f, Vec::new(), vec![(tx, purpose)])?);
        Ok(events)
    }

    pub(super) fn approve_payment(&self, f: &Fund, id: &str) -> Result<Vec<FundEvent>, Error> {
        let p = pending_payment(f, id, "approve")?;
        let b = approved_budget(f, &p.budget, "pay against")?;
        self.within(b, p, true)?;
        let mut payment = p.clone();
        payment.approved_by = Some(self.actor_name());
        self.make(f, payment)
    }

    pub(super) fn reject_payment(
        &self,
        f: &Fund,
        id: &str,
        reason: String,
    ) -> Result<Vec<FundEvent>, Error> {
        check(Reason, "reason", &reason).map_err(FundError::Text)?;
        pending_payment(f, id, "reject")?;
        Ok(vec![FundEvent::PaymentRejected {
            fund: f.id.clone(),
            payment: id.to_owned(),
            by: self.actor_name(),
            reason,
        }])
    }
}

/// The transaction posting a payment: the expense line debited, the bank credited.
pub(crate) fn spending_tx(payment: &Payment, date: NaiveDate) -> Transaction {
    Transaction::new(
        payment.id.clone(),
        date,
        format!(
            "{}: {}",
            payment.voucher.reference, payment.voucher.description
        ),
        vec![
            Posting::new(chart::expense_line(&payment.line), payment.amount),
            Posting::new(BANK, payment.amount.neg()),
        ],
    )
}

fn pending_payment<'f>(f: &'f Fund, id: &str, action: &'static str) -> Result<&'f Payment, Error> {
    let p = f.payments.get(id).ok_or_else(|| FundError::Unknown {
        what: "payment",
        id: id.to_owned(),
    })?;
    if p.status != PaymentStatus::Pending {
        return Err(FundError::WrongState {
            what: "payment",
            id: id.to_owned(),
            state: p.status.as_str(),
            action,
        }
        .into());
    }
    Ok(p)
}

/// The budget, if the assembly approved it.
pub(crate) fn approved_budget<'f>(
    f: &'f Fund,
    id: &str,
    action: &'static str,
) -> Result<&'f Budget, Error> {
    let b = f.budgets.get(id).ok_or_else(|| FundError::UnknownBudget {
        fund: f.id.clone(),
        budget: id.to_owned(),
    })?;
    if b.approval != Approval::Approved {
        return Err(FundError::WrongState {
            what: "budget",
            id: id.to_owned(),
            state: b.approval.as_str(),
            action,
        }
        .into());
    }
    Ok(b)
}

fn check_lines(lines: &[LineAmount]) -> Result<(), Error> {
    if lines.is_empty() {
        return Err(FundError::BadFigure {
            what: "budget lines",
            value: "[]".to_owned(),
            why: "a budget needs at least one line",
        }
        .into());
    }
    let mut seen = BTreeSet::new();
    for l in lines {
        let account = chart::expense_line(&l.line);
        kind_of(&account).map_err(FundError::from)?;
        if account == REMUNERATION || l.line.contains(':') || !seen.insert(l.line.as_str()) {
            let why = "lines are distinct single segments, and remuneration is not a budget line";
            let error = TextError::new(Key, "budget line", &l.line, why);
            return Err(FundError::Text(error).into());
        }
        positive("budget line", l.amount)?;
    }
    Ok(())
}

fn check_voucher(v: &Voucher) -> Result<(), Error> {
    check(Key, "voucher reference", &v.reference).map_err(FundError::Text)?;
    check(Name, "payee", &v.payee).map_err(FundError::Text)?;
    check(Reason, "voucher description", &v.description).map_err(FundError::Text)?;
    let hex = v.document_hash.len() == 64
        && v.document_hash
            .bytes()
            .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b));
    if hex {
        Ok(())
    } else {
        let why = "it must be a SHA-256 in 64 lowercase hex digits";
        let error = TextError::new(Key, "document hash", &v.document_hash, why);
        Err(FundError::Text(error).into())
    }
}

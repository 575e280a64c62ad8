//! Folding fund events into state. Events were checked when decided (or replayed), so
//! applying them cannot fail.

use std::collections::BTreeMap;

use super::event::{FundEvent, Purpose};
use super::ledger::Ledger;
use super::model::{Approval, Fund, PaymentStatus};
use super::Funds;
use crate::money::Amount;

fn add(map: &mut BTreeMap<String, Amount>, key: &str, amount: Amount) {
    let entry = map.entry(key.to_owned()).or_insert(Amount::ZERO);
    *entry = entry.plus(amount);
}

impl Funds {
    /// Applies one event.
    pub(crate) fn apply(&mut self, event: FundEvent) {
        if let FundEvent::FundOpened {
            fund,
            name,
            unit,
            date,
            terms,
        } = event
        {
            self.funds.insert(
                fund.clone(),
                Fund {
                    id: fund,
                    name,
                    unit,
                    opened: date,
                    terms,
                    ledger: Ledger::new(),
                    budgets: BTreeMap::new(),
                    payments: BTreeMap::new(),
                    dividends: BTreeMap::new(),
                    billings: BTreeMap::new(),
                    accruals: Vec::new(),
                    receipts: Vec::new(),
                    fee_standards: Vec::new(),
                    fee_history: Vec::new(),
                    business_uses: Vec::new(),
                },
            );
            return;
        }
        let Some(f) = self.funds.get_mut(event.fund()) else {
            return;
        };
        f.apply(event);
    }
}

impl Fund {
    fn apply(&mut self, event: FundEvent) {
        match event {
            FundEvent::FundOpened { .. } => {}
            FundEvent::AccountOpened { account, .. } => {
                if let Ok(kind) = account.kind() {
                    self.ledger.record_open(account, kind);
                }
            }
            FundEvent::Posted {
                transaction,
                purpose,
                ..
            } => {
                self.note(&transaction, &purpose);
                self.ledger.record(transaction);
            }
            FundEvent::FeesBilled { billing, .. } => {
                self.billings.insert(billing.month.clone(), billing);
            }
            FundEvent::BudgetProposed { budget, .. } => {
                self.budgets.insert(budget.id.clone(), budget);
            }
            FundEvent::AmendmentProposed {
                budget, amendment, ..
            } => {
                if let Some(b) = self.budgets.get_mut(&budget) {
                    b.amendments.push(amendment);
                }
            }
            FundEvent::BudgetDecided {
                budget,
                motion,
                approved,
                ..
            } => {
                if let Some(b) = self.budgets.get_mut(&budget) {
                    b.approval = decision(approved);
                    b.motion = Some(motion);
                }
            }
            FundEvent::AmendmentDecided {
                budget,
                amendment,
                motion,
                approved,
                ..
            } => self.amendment_decided(&budget, &amendment, motion, approved),
            FundEvent::PaymentRequested { payment, .. } => {
                if let Some(b) = self.budgets.get_mut(&payment.budget) {
                    add(&mut b.pending, &payment.line, payment.amount);
                }
                self.payments.insert(payment.id.clone(), payment);
            }
            FundEvent::PaymentMade { payment, .. } => {
                let was_pending = self
                    .payments
                    .get(&payment.id)
                    .is_some_and(|p| p.status == PaymentStatus::Pending);
                if let Some(b) = self.budgets.get_mut(&payment.budget) {
                    if was_pending {
                        add(&mut b.pending, &payment.line, payment.amount.neg());
                    }
                    add(&mut b.spent, &payment.line, payment.amount);
                }
                self.payments.insert(payment.id.clone(), payment);
            }
            FundEvent::PaymentRejected {
                payment, reason, ..
            } => {
                if let Some(p) = self.payments.get_mut(&payment) {
                    p.status = PaymentStatus::Rejected;
                    p.reason = Some(reason);
                    if let Some(b) = self.budgets.get_mut(&p.budget) {
                        add(&mut b.pending, &p.line, p.amount.neg());
                    }
                }
            }
            FundEvent::RemunerationAccrued { accrual, .. } => self.accruals.push(accrual),
            FundEvent::DividendProposed {
                dividend,
                amount,
                key,
                ..
            } => {
                self.dividends.insert(
                    dividend.clone(),
                    super::model::Dividend {
                        id: dividend,
                        amount,
                        key,
                        approval: Approval::Proposed,
                        motion: None,
                        shares: Vec::new(),
                        residue: rust_decimal::Decimal::ZERO,
                        paid_by: None,
                    },
                );
            }
            FundEvent::DividendDecided {
                dividend,
                motion,
                approved,
                shares,
                residue,
                ..
            } => {
                if let Some(d) = self.dividends.get_mut(&dividend) {
                    d.approval = decision(approved);
                    d.motion = Some(motion);
                    if approved {
                        d.amount = shares.iter().map(|(_, s)| *s).sum();
                        d.residue = residue;
                    }
                    d.shares = shares;
                }
            }
            FundEvent::CommonIncomeInBaseDecided { include, .. } => {
                self.terms.common_income_in_base = include;
            }
            FundEvent::FeeProposed { standard, .. } => self.fee_standards.push(standard),
            FundEvent::FeeDecided {
                standard,
                motion,
                approved,
                ..
            } => {
                if let Some(s) = self.fee_standards.iter_mut().find(|s| s.id == standard) {
                    s.approval = decision(approved);
                    s.motion = Some(motion);
                    if approved {
                        self.fee_history.push(standard);
                    }
                }
            }
            FundEvent::BusinessUseAllowed { resolution, .. } => {
                self.business_uses.push(resolution);
            }
        }
    }

    fn amendment_decided(&mut self, budget: &str, amendment: &str, motion: String, ok: bool) {
        let Some(b) = self.budgets.get_mut(budget) else {
            return;
        };
        let Some(a) = b.amendments.iter_mut().find(|a| a.id == amendment) else {
            return;
        };
        a.approval = decision(ok);
        a.motion = Some(motion);
        if !ok {
            return;
        }
        for change in a.lines.clone() {
            match b.lines.iter_mut().find(|l| l.line == change.line) {
                Some(line) => line.amount = change.amount,
                None => b.lines.push(change),
            }
        }
    }

    /// Keeps the fund's records beside the ledger for a transaction about to be posted.
    fn note(&mut self, tx: &super::ledger::Transaction, purpose: &Purpose) {
        match purpose {
            Purpose::FeePayment { household } => {
                let amount = tx.postings.first().map(|p| p.amount).unwrap_or_default();
                self.receipts
                    .push((tx.date, tx.id.clone(), household.clone(), amount));
            }
            Purpose::DividendPaid { dividend } => {
                if let Some(d) = self.dividends.get_mut(dividend) {
                    d.paid_by = Some(tx.id.clone());
                }
            }
            Purpose::Reversal { .. } => {
                if let Some(of) = &tx.reverses {
                    self.undo(of);
                }
            }
            _ => {}
        }
    }

    /// What reversing a transaction undoes in the fund's records.
    fn undo(&mut self, of: &str) {
        if let Some(p) = self.payments.get_mut(of) {
            if p.status == PaymentStatus::Posted {
                p.status = PaymentStatus::Reversed;
                if let Some(b) = self.budgets.get_mut(&p.budget) {
                    add(&mut b.spent, &p.line, p.amount.neg());
                }
            }
        }
        self.receipts.retain(|r| r.1 != of);
        self.accruals.retain(|a| a.id != of);
        for d in self.dividends.values_mut() {
            if d.paid_by.as_deref() == Some(of) {
                d.paid_by = None;
            }
        }
    }
}

fn decision(approved: bool) -> Approval {
    if approved {
        Approval::Approved
    } else {
        Approval::Rejected
    }
}

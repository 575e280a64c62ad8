//! The manager's remuneration, dividends of common income, and the comparison of the
//! remuneration basis with the fixed-fee basis.

use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use super::chart::{self, BANK, FEES, REMUNERATION, REMUNERATION_PAYABLE};
use super::decide::{positive, Desk};
use super::event::{FundEvent, Purpose};
use super::ledger::{AccountKind, Posting, Transaction};
use super::model::{Accrual, Approval, Basis, Fund, IncomeSource, SharingKey};
use super::FundError;
use crate::error::Error;
use crate::grid::Grid;
use crate::money::{apply_rate, split, Amount};
use crate::text::check;
use crate::text::TextKind::Key;

impl Fund {
    /// Fees received from households over the days `from..=to` (reversed receipts
    /// excluded).
    pub fn fees_collected(&self, from: NaiveDate, to: NaiveDate) -> Amount {
        self.receipts
            .iter()
            .filter(|r| r.0 >= from && r.0 <= to)
            .map(|r| r.3)
            .sum()
    }

    /// Common income (parking, advertising, other) over the days `from..=to`.
    pub fn common_income(&self, from: NaiveDate, to: NaiveDate) -> Amount {
        IncomeSource::ALL
            .into_iter()
            .filter_map(|s| self.ledger.movement(&chart::income(s), from, to).ok())
            .map(Amount::neg)
            .sum()
    }

    /// Common income received so far, less dividends approved or proposed: what may
    /// still be shared.
    pub fn shareable(&self) -> Amount {
        let income: Amount = IncomeSource::ALL
            .into_iter()
            .filter_map(|s| self.ledger.balance(&chart::income(s)).ok())
            .map(Amount::neg)
            .sum();
        let promised: Amount = self
            .dividends
            .values()
            .filter(|d| d.approval != Approval::Rejected)
            .map(|d| d.amount)
            .sum();
        [income, promised.neg()].into_iter().sum()
    }

    /// The remuneration for a base, by the fund's basis (`None` on the fixed-fee basis).
    pub fn remuneration_for(&self, base: Amount) -> Option<Amount> {
        match &self.terms.basis {
            Basis::Remuneration { percent } => {
                let r = base.value().checked_mul(*percent)? / Decimal::ONE_HUNDRED;
                Some(Amount::round(r, self.terms.rounding))
            }
            Basis::FixedRemuneration { amount } => Some(*amount),
            Basis::FixedFee => None,
        }
    }

    /// Compares, for the days `from..=to`, what the manager and the owners end with under
    /// the fund's remuneration basis and under the fixed-fee basis (包干制).
    pub fn basis_comparison(&self, from: NaiveDate, to: NaiveDate) -> BasisComparison {
        let fees = self.fees_collected(from, to);
        let common = self.common_income(from, to);
        let costs: Amount = self
            .ledger
            .movements(from, to)
            .into_iter()
            .filter(|r| r.kind == AccountKind::Expenses && r.account != REMUNERATION)
            .map(|r| r.balance)
            .sum();
        let base = if self.terms.common_income_in_base {
            [fees, common].into_iter().sum()
        } else {
            fees
        };
        let remuneration = self.remuneration_for(base).unwrap_or_default();
        let owners = [fees, common, costs.neg(), remuneration.neg()]
            .into_iter()
            .sum();
        BasisComparison {
            from,
            to,
            fees_collected: fees,
            common_income: common,
            service_costs: costs,
            remuneration_basis: BasisOutcome {
                manager: remuneration,
                owners,
            },
            fixed_fee_basis: BasisOutcome {
                manager: [fees, costs.neg()].into_iter().sum(),
                owners: common,
            },
        }
    }
}

/// What the manager and the owners end with under one basis.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct BasisOutcome {
    /// The manager's income (remuneration, or fees less costs under 包干制).
    pub manager: Amount,
    /// What stays with the owners (surplus or, if negative, shortfall).
    pub owners: Amount,
}

/// The remuneration basis against the fixed-fee basis over one period.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct BasisComparison {
    /// First day.
    pub from: NaiveDate,
    /// Last day.
    pub to: NaiveDate,
    /// Fees collected.
    pub fees_collected: Amount,
    /// Common income.
    pub common_income: Amount,
    /// Spending on services (remuneration excluded).
    pub service_costs: Amount,
    /// 酬金制: the manager gets the remuneration; the owners keep fees and common
    /// income less costs and remuneration.
    pub remuneration_basis: BasisOutcome,
    /// 包干制: the manager keeps fees less costs; the owners keep common income.
    pub fixed_fee_basis: BasisOutcome,
}

impl Desk<'_> {
    pub(super) fn accrue(
        &self,
        f: &Fund,
        id: String,
        from: NaiveDate,
        to: NaiveDate,
    ) -> Result<Vec<FundEvent>, Error> {
        check(Key, "accrual id", &id).map_err(FundError::Text)?;
        if to < from {
            return Err(FundError::BadPeriod { from, to }.into());
        }
        if matches!(f.terms.basis, Basis::FixedFee) {
            return Err(FundError::FixedFeeBasis(f.id.clone()).into());
        }
        if let Some(a) = f.accruals.iter().find(|a| a.from <= to && from <= a.to) {
            return Err(FundError::Exists {
                what: "accrual over an overlapping period",
                id: a.id.clone(),
            }
            .into());
        }
        let fees = f.fees_collected(from, to);
        let common = if f.terms.common_income_in_base {
            f.common_income(from, to)
        } else {
            Amount::ZERO
        };
        let base = fees.checked_add(common).map_err(FundError::from)?;
        let amount = f.remuneration_for(base).unwrap_or_default();
        let accrual = Accrual {
            id,
            from,
            to,
            fees_collected: fees,
            common_income: common,
            amount,
        };
        let tx = remuneration_tx(&accrual, self.date);
        let mut events = vec![FundEvent::RemunerationAccrued {
            fund: f.id.clone(),
            accrual,
        }];
        if amount.is_positive() {
            events.extend(self.posted(f, Vec::new(), vec![(tx, Purpose::Remuneration)])?);
        }
        Ok(events)
    }

    pub(super) fn pay_remuneration(
        &self,
        f: &Fund,
        id: String,
        amount: Amount,
    ) -> Result<Vec<FundEvent>, Error> {
        positive("remuneration payment", amount)?;
        let tx = Transaction::new(
            id,
            self.date,
            "remuneration paid to the manager",
            vec![
                Posting::new(REMUNERATION_PAYABLE, amount),
                Posting::new(BANK, amount.neg()),
            ],
        );
        self.posted(f, Vec::new(), vec![(tx, Purpose::RemunerationPaid)])
    }

    pub(super) fn propose_dividend(
        &self,
        f: &Fund,
        id: String,
        amount: Option<Amount>,
        key: SharingKey,
    ) -> Result<Vec<FundEvent>, Error> {
        check(Key, "dividend id", &id).map_err(FundError::Text)?;
        if f.dividends.contains_key(&id) {
            return Err(FundError::Exists {
                what: "dividend",
                id,
            }
            .into());
        }
        if let SharingKey::Rate { per_m2 } = &key {
            if per_m2.is_sign_negative() || per_m2.is_zero() || per_m2.scale() > 4 {
                return Err(FundError::BadFigure {
                    what: "dividend rate",
                    value: per_m2.to_string(),
                    why: "it must be positive, with at most 4 decimals",
                }
                .into());
            }
        }
        if let SharingKey::Agreed { weights } = &key {
            let mut seen = std::collections::BTreeSet::new();
            for (h, w) in weights {
                self.in_compound(f, h)?;
                if w.is_sign_negative() || !seen.insert(h.as_str()) {
                    return Err(FundError::BadFigure {
                        what: "sharing weight",
                        value: format!("{h} {w}"),
                        why: "weights are not negative and name each household once",
                    }
                    .into());
                }
            }
        }
        // The key must share something: check it now rather than at the vote.
        let given = amount.unwrap_or_default();
        let (parts, _) = shares(self.grid, f, given, &key)?;
        let amount = match (&key, amount) {
            (SharingKey::Rate { .. }, given) => {
                let total: Amount = parts.iter().map(|(_, s)| *s).sum();
                if given.is_some_and(|g| g != total) {
                    return Err(FundError::BadFigure {
                        what: "dividend",
                        value: given.unwrap_or_default().to_string(),
                        why: "at a rate per m² the total is the sum of the rounded shares",
                    }
                    .into());
                }
                total
            }
            (_, Some(a)) => a,
            (_, None) => {
                return Err(FundError::BadFigure {
                    what: "dividend",
                    value: "none".to_owned(),
                    why: "sharing by area or an agreed key needs the total",
                }
                .into())
            }
        };
        positive("dividend", amount)?;
        let shareable = f.shareable();
        let bank = f.ledger.balance(BANK).unwrap_or_default();
        let available = shareable.min(bank);
        if amount > available {
            return Err(FundError::NotAvailable {
                what: "dividend of surplus common income",
                amount,
                available,
            }
            .into());
        }
        Ok(vec![FundEvent::DividendProposed {
            fund: f.id.clone(),
            dividend: id,
            amount,
            key,
        }])
    }

    pub(super) fn pay_dividend(
        &self,
        f: &Fund,
        id: &str,
        payment: String,
    ) -> Result<Vec<FundEvent>, Error> {
        let d = f.dividends.get(id).ok_or_else(|| FundError::Unknown {
            what: "dividend",
            id: id.to_owned(),
        })?;
        if d.approval != Approval::Approved || d.paid_by.is_some() {
            let state = if d.paid_by.is_some() {
                "paid"
            } else {
                d.approval.as_str()
            };
            return Err(FundError::WrongState {
                what: "dividend",
                id: id.to_owned(),
                state,
                action: "pay",
            }
            .into());
        }
        let mut postings: Vec<Posting> = d
            .shares
            .iter()
            .filter(|(_, s)| !s.is_zero())
            .map(|(h, s)| Posting::new(chart::dividend_payable(h), *s))
            .collect();
        postings.push(Posting::new(BANK, d.amount.neg()));
        let tx = Transaction::new(payment, self.date, format!("dividend {id} paid"), postings);
        let purpose = Purpose::DividendPaid {
            dividend: id.to_owned(),
        };
        self.posted(f, Vec::new(), vec![(tx, purpose)])
    }
}

/// The transaction posting an accrual's remuneration as owed to the manager.
pub(crate) fn remuneration_tx(accrual: &Accrual, date: NaiveDate) -> Transaction {
    Transaction::new(
        accrual.id.clone(),
        date,
        format!("remuneration {} to {}", accrual.from, accrual.to),
        vec![
            Posting::new(REMUNERATION, accrual.amount),
            Posting::new(REMUNERATION_PAYABLE, accrual.amount.neg()),
        ],
    )
}

/// A dividend's shares by household, in household order, and the rounding residue: by
/// area or an agreed key they add up to `amount` exactly (residue zero); at a rate per
/// m² each is rounded on its own and `amount` is not used.
pub(crate) fn shares(
    grid: &Grid,
    f: &Fund,
    amount: Amount,
    key: &SharingKey,
) -> Result<(Vec<(String, Amount)>, Decimal), Error> {
    let areas = || -> Result<Vec<(String, Decimal)>, Error> {
        let mut hs: Vec<(String, Decimal)> = grid
            .households_under(f.unit)
            .map_err(Error::from)?
            .into_iter()
            .map(|h| (h.id().to_owned(), h.area()))
            .collect();
        crate::order::sort(&mut hs);
        Ok(hs)
    };
    let weights: Vec<(String, Decimal)> = match key {
        SharingKey::Area | SharingKey::Rate { .. } => areas()?,
        SharingKey::Agreed { weights } => weights.clone(),
    };
    if weights.is_empty() {
        return Err(FundError::NoHouseholds(f.id.clone()).into());
    }
    let ws: Vec<Decimal> = weights.iter().map(|(_, w)| *w).collect();
    let (parts, residue) = match key {
        SharingKey::Rate { per_m2 } => {
            let r = apply_rate(*per_m2, &ws, f.terms.rounding).map_err(FundError::from)?;
            (r.parts, r.residue)
        }
        _ => (
            split(amount, &ws, f.terms.split).map_err(FundError::from)?,
            Decimal::ZERO,
        ),
    };
    let shares = weights.into_iter().map(|(h, _)| h).zip(parts).collect();
    Ok((shares, residue))
}

/// Fee income billed over a period, as a positive amount.
pub(crate) fn fees_billed(f: &Fund, from: NaiveDate, to: NaiveDate) -> Amount {
    f.ledger.movement(FEES, from, to).unwrap_or_default().neg()
}

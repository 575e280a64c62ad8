//! The public statement (公示) of a fund for a period: income, spending by budget line
//! against the budget, remuneration, dividends, balances, arrears by building and the
//! vouchers — with personal data masked — and the journal head it was drawn from, so
//! that anyone holding the journal can recompute it.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use super::chart::{self, BANK, DISTRIBUTIONS, REMUNERATION, REMUNERATION_PAYABLE};
use super::model::{Approval, Fund, IncomeSource, PaymentStatus};
use super::share::fees_billed;
use crate::grid::{Grid, NodeCode};
use crate::journal::Hash;
use crate::money::decimal_text;
use crate::money::Amount;

/// One line of income.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct IncomeRow {
    /// `fees`, `parking`, `advertising` or `other`.
    pub source: String,
    /// The amount in the period.
    pub amount: Amount,
}

/// Fees in the period.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct FeeFigures {
    /// Fees billed in the period.
    pub billed: Amount,
    /// The rounding residue of the period's billings (`rate × area` exact less billed),
    /// kept as its own line.
    #[serde(
        serialize_with = "decimal_text::write",
        deserialize_with = "decimal_text::read"
    )]
    pub rounding_residue: Decimal,
    /// Arrears owed at the start of the period.
    pub arrears_opening: Amount,
    /// What was due: opening arrears plus fees billed.
    pub due: Amount,
    /// Fees received in the period.
    pub collected: Amount,
    /// Collection rate (收缴率) = collected / due, percent with two decimals; `None`
    /// when nothing was due.
    #[serde(default)]
    #[serde(
        serialize_with = "decimal_text::write",
        deserialize_with = "decimal_text::read"
    )]
    #[cfg_attr(feature = "schema", schemars(!default))]
    pub collection_rate: Option<Decimal>,
    /// Arrears owed at the end of the period.
    pub arrears_closing: Amount,
}

/// A budget line against its budget.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct SpendingRow {
    /// The budget.
    pub budget: String,
    /// The line.
    pub line: String,
    /// The approved amount (amendments included).
    pub budgeted: Amount,
    /// Spent in the period.
    pub spent: Amount,
    /// Spent from the start of the budget to the end of the period.
    pub spent_to_date: Amount,
    /// What remains of the line at the end of the period.
    pub remaining: Amount,
}

/// A payment's voucher, for owners to inspect.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct VoucherRow {
    /// The payment.
    pub payment: String,
    /// When it posted.
    pub date: NaiveDate,
    /// The budget line.
    pub line: String,
    /// The amount.
    pub amount: Amount,
    /// The voucher's reference.
    pub reference: String,
    /// SHA-256 of the document.
    pub document_hash: String,
    /// The payee, masked when a private person (`张*`).
    pub payee: String,
    /// What for.
    pub description: String,
    /// Whether the supervisor approved it (above the threshold).
    pub supervisor_approved: bool,
}

/// Arrears of one building (the lowest unit holding the households).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct ArrearsRow {
    /// The unit.
    pub unit: NodeCode,
    /// Its name.
    pub name: String,
    /// Households owing.
    pub households: u32,
    /// What they owe.
    pub amount: Amount,
}

/// A fund's public statement for a period.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Statement {
    /// The fund.
    pub fund: String,
    /// Its name.
    pub name: String,
    /// Its compound's unit.
    pub unit: NodeCode,
    /// First day.
    pub from: NaiveDate,
    /// Last day.
    pub to: NaiveDate,
    /// The journal head the statement was drawn from.
    pub head: Hash,
    /// The journal's length at that head.
    pub journal_entries: u64,
    /// The bank balance at the start.
    pub opening_bank: Amount,
    /// The bank balance at the end.
    pub closing_bank: Amount,
    /// Income by source (fees billed, then common income).
    pub income: Vec<IncomeRow>,
    /// Fees, arrears and the collection rate.
    pub fees: FeeFigures,
    /// Spending by budget line against budget.
    pub spending: Vec<SpendingRow>,
    /// Remuneration accrued in the period.
    pub remuneration: Amount,
    /// Remuneration still owed to the manager at the end.
    pub remuneration_owed: Amount,
    /// Dividends shared to households in the period.
    pub dividends: Amount,
    /// Income less spending and remuneration in the period (negative: a shortfall).
    pub surplus: Amount,
    /// Arrears at the end by building.
    pub arrears_by_building: Vec<ArrearsRow>,
    /// Every payment posted in the period, with its voucher.
    pub vouchers: Vec<VoucherRow>,
}

/// What checking a published statement against a journal found.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct StatementCheck {
    /// Entries in the journal given.
    pub entries: u64,
    /// Whether the journal's entry at the statement's length has the statement's head.
    pub head_matches: bool,
    /// Whether the statement recomputed from that journal equals the one published.
    pub figures_match: bool,
    /// Both.
    pub verified: bool,
}

/// Masks a private person's name: its first character stays (`张三丰` → `张**`).
pub fn mask_name(name: &str) -> String {
    let mut chars = name.chars();
    match chars.next() {
        Some(first) => std::iter::once(first).chain(chars.map(|_| '*')).collect(),
        None => String::new(),
    }
}

impl Fund {
    /// The public statement for the days `from..=to`, stamped with `head` and `entries`.
    pub fn statement(
        &self,
        grid: &Grid,
        from: NaiveDate,
        to: NaiveDate,
        head: Hash,
        entries: u64,
    ) -> Statement {
        let l = &self.ledger;
        let before = from.pred_opt().unwrap_or(from);
        let at = |date: NaiveDate| -> BTreeMap<String, Amount> {
            l.balances_at(Some(date))
                .into_iter()
                .map(|r| (r.account, r.balance))
                .collect()
        };
        let (opening, closing) = (at(before), at(to));
        let bank = |m: &BTreeMap<String, Amount>| m.get(BANK).copied().unwrap_or_default();
        let billed = fees_billed(self, from, to);
        let mut income = vec![IncomeRow {
            source: "fees".to_owned(),
            amount: billed,
        }];
        for s in IncomeSource::ALL {
            let amount = l
                .movement(&chart::income(s), from, to)
                .unwrap_or_default()
                .neg();
            income.push(IncomeRow {
                source: s.as_str().to_owned(),
                amount,
            });
        }
        let arrears = |m: &BTreeMap<String, Amount>| -> Amount {
            m.iter()
                .filter(|(a, b)| a.starts_with("assets:receivable:") && b.is_positive())
                .map(|(_, b)| *b)
                .sum()
        };
        let arrears_opening = arrears(&opening);
        let due: Amount = arrears_opening.plus(billed);
        let collected = self.fees_collected(from, to);
        let residue = self
            .billings
            .values()
            .filter(|b| b.date >= from && b.date <= to)
            .map(|b| b.residue)
            .sum::<Decimal>()
            .normalize();
        let spending_costs: Amount = l
            .movements(from, to)
            .into_iter()
            .filter(|r| r.account.starts_with("expenses:"))
            .map(|r| r.balance)
            .sum();
        let all_income: Amount = income.iter().map(|r| r.amount).sum();
        Statement {
            fund: self.id.clone(),
            name: self.name.clone(),
            unit: self.unit,
            from,
            to,
            head,
            journal_entries: entries,
            opening_bank: bank(&opening),
            closing_bank: bank(&closing),
            fees: FeeFigures {
                billed,
                rounding_residue: residue,
                arrears_opening,
                due,
                collected,
                collection_rate: due.percent_of(collected),
                arrears_closing: arrears(&closing),
            },
            income,
            spending: self.spending_rows(from, to),
            remuneration: l.movement(REMUNERATION, from, to).unwrap_or_default(),
            remuneration_owed: closing
                .get(REMUNERATION_PAYABLE)
                .copied()
                .unwrap_or_default()
                .neg(),
            dividends: l.movement(DISTRIBUTIONS, from, to).unwrap_or_default(),
            surplus: [all_income, spending_costs.neg()].into_iter().sum(),
            arrears_by_building: self.arrears_by_building(grid, &closing),
            vouchers: self.vouchers(from, to),
        }
    }

    fn spending_rows(&self, from: NaiveDate, to: NaiveDate) -> Vec<SpendingRow> {
        let mut rows = Vec::new();
        for b in self.budgets.values() {
            if b.approval != Approval::Approved || b.to < from || b.from > to {
                continue;
            }
            for line in &b.lines {
                let paid = |lo: NaiveDate| -> Amount {
                    self.payments
                        .values()
                        .filter(|p| p.budget == b.id && p.line == line.line)
                        .filter(|p| p.status == PaymentStatus::Posted)
                        .filter(|p| p.posted.is_some_and(|d| d >= lo && d <= to))
                        .map(|p| p.amount)
                        .sum()
                };
                let spent_to_date = paid(b.from);
                rows.push(SpendingRow {
                    budget: b.id.clone(),
                    line: line.line.clone(),
                    budgeted: line.amount,
                    spent: paid(from),
                    spent_to_date,
                    remaining: [line.amount, spent_to_date.neg()].into_iter().sum(),
                });
            }
        }
        rows
    }

    fn arrears_by_building(
        &self,
        grid: &Grid,
        closing: &BTreeMap<String, Amount>,
    ) -> Vec<ArrearsRow> {
        let mut by: BTreeMap<NodeCode, (u32, Amount)> = BTreeMap::new();
        let households = grid.households_under(self.unit).unwrap_or_default();
        for h in households {
            let owed = closing
                .get(&chart::receivable(h.id()))
                .copied()
                .unwrap_or_default();
            if !owed.is_positive() {
                continue;
            }
            if let Some(unit) = grid.household_unit(h) {
                let e = by.entry(unit).or_insert((0, Amount::ZERO));
                e.0 += 1;
                e.1 = e.1.plus(owed);
            }
        }
        by.into_iter()
            .map(|(unit, (households, amount))| ArrearsRow {
                unit,
                name: grid
                    .unit(unit)
                    .map(|u| u.name().to_owned())
                    .unwrap_or_default(),
                households,
                amount,
            })
            .collect()
    }

    fn vouchers(&self, from: NaiveDate, to: NaiveDate) -> Vec<VoucherRow> {
        let mut rows: Vec<VoucherRow> = self
            .payments
            .values()
            .filter(|p| p.status == PaymentStatus::Posted)
            .filter_map(|p| {
                let date = p.posted.filter(|d| *d >= from && *d <= to)?;
                let v = &p.voucher;
                Some(VoucherRow {
                    payment: p.id.clone(),
                    date,
                    line: p.line.clone(),
                    amount: p.amount,
                    reference: v.reference.clone(),
                    document_hash: v.document_hash.clone(),
                    payee: if v.payee_is_person {
                        mask_name(&v.payee)
                    } else {
                        v.payee.clone()
                    },
                    description: v.description.clone(),
                    supervisor_approved: p.approved_by.is_some(),
                })
            })
            .collect();
        crate::order::sort_by(&mut rows, |a, b| {
            (a.date, &a.payment).cmp(&(b.date, &b.payment))
        });
        rows
    }
}

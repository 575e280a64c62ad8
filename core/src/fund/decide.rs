//! Deciding fund commands: permission first, then the events the command means, each
//! transaction checked by the ledger before anything is recorded.

use chrono::{DateTime, Datelike, FixedOffset, NaiveDate};
use rust_decimal::Decimal;

use super::chart::{self, BANK, FEES};
use super::command::FundCommand;
use super::event::{FundEvent, Purpose};
use super::fee::check_fee;
use super::ledger::{Account, AccountKind, Posted, Posting, Transaction};
use super::model::{Approval, Basis, Billing, FeeRate, Fund, IncomeSource, Terms};
use super::model::{FeeStandard, OPENING_STANDARD};
use super::{FundConfig, FundError, Funds};
use crate::access::{Actor, Permission};
use crate::error::Error;
use crate::grid::{Authority, Grid, GridError, NodeCode};
use crate::money::{apply_rate, Amount};
use crate::text::TextKind::{Key, Name, Reason};
use crate::text::{check, TextError};

/// What a command sees: the grid, the funds, the defaults, who acts and when.
pub(crate) struct Desk<'a> {
    pub(crate) grid: &'a Grid,
    pub(crate) funds: &'a Funds,
    pub(crate) who: Authority<'a>,
    pub(crate) actor: &'a Actor,
    pub(crate) date: NaiveDate,
}

/// Decides a fund command.
pub(crate) fn decide(
    grid: &Grid,
    funds: &Funds,
    config: &FundConfig,
    actor: &Actor,
    at: DateTime<FixedOffset>,
    command: FundCommand,
) -> Result<Vec<FundEvent>, Error> {
    let desk = Desk::new(grid, funds, actor, at)?;
    if let FundCommand::OpenFund {
        fund,
        name,
        unit,
        fee,
        basis,
        approval_threshold,
        rounding,
    } = command
    {
        let terms = Terms {
            basis,
            approval_threshold: approval_threshold.unwrap_or(config.approval_threshold),
            common_income_in_base: false,
            rounding: rounding.unwrap_or(config.rounding),
            split: Default::default(),
        };
        return desk.open_fund(fund, name, unit, terms, fee);
    }
    let f = funds.fund(command.fund())?;
    match command {
        FundCommand::OpenFund { .. } => Ok(Vec::new()),
        FundCommand::ApprovePayment { payment, .. } => {
            desk.require(f, Permission::ApprovePayments)?;
            desk.approve_payment(f, &payment)
        }
        FundCommand::RejectPayment {
            payment, reason, ..
        } => {
            desk.require(f, Permission::ApprovePayments)?;
            desk.reject_payment(f, &payment, reason)
        }
        other => {
            desk.require(f, Permission::KeepAccounts)?;
            desk.keep_accounts(f, other)
        }
    }
}

impl<'a> Desk<'a> {
    /// The desk of `actor` at `at`; refused when the actor is not known to the grid.
    pub(crate) fn new(
        grid: &'a Grid,
        funds: &'a Funds,
        actor: &'a Actor,
        at: DateTime<FixedOffset>,
    ) -> Result<Desk<'a>, Error> {
        Ok(Desk {
            grid,
            funds,
            who: Authority::new(grid, actor)?,
            actor,
            date: at.date_naive(),
        })
    }

    pub(crate) fn require(&self, f: &Fund, permission: Permission) -> Result<(), Error> {
        self.who.require(permission, f.unit)
    }

    /// The acting person's id, or `system`.
    pub(crate) fn actor_name(&self) -> String {
        match self.actor {
            Actor::Person(id) => id.clone(),
            Actor::System | Actor::Secret => "system".to_owned(),
        }
    }

    fn keep_accounts(&self, f: &Fund, command: FundCommand) -> Result<Vec<FundEvent>, Error> {
        match command {
            FundCommand::OpenAccount { account, .. } => {
                f.ledger.check_open(&account).map_err(FundError::from)?;
                Ok(vec![FundEvent::AccountOpened {
                    fund: f.id.clone(),
                    account,
                }])
            }
            FundCommand::Post { transactions, .. } => self.post(f, transactions),
            FundCommand::Reverse {
                transaction,
                reverses,
                reason,
                ..
            } => self.reverse(f, transaction, &reverses, reason),
            FundCommand::BillFees { month, .. } => self.bill(f, &month),
            FundCommand::RecordPayment {
                payment,
                household,
                amount,
                ..
            } => self.record_payment(f, payment, household, amount),
            FundCommand::RecordIncome {
                id,
                source,
                amount,
                description,
                ..
            } => self.record_income(f, id, source, amount, description),
            FundCommand::ProposeBudget {
                budget,
                from,
                to,
                lines,
                fee,
                ..
            } => self.propose_budget(f, budget, from, to, lines, fee),
            FundCommand::ProposeFee {
                standard,
                fee,
                from,
                ..
            } => self.propose_fee(f, standard, fee, from, None),
            FundCommand::ProposeAmendment {
                budget,
                amendment,
                lines,
                reason,
                ..
            } => self.propose_amendment(f, &budget, amendment, lines, reason),
            FundCommand::RequestPayment {
                payment,
                budget,
                line,
                amount,
                voucher,
                ..
            } => self.request_payment(f, payment, budget, line, amount, voucher),
            FundCommand::AccrueRemuneration {
                accrual, from, to, ..
            } => self.accrue(f, accrual, from, to),
            FundCommand::PayRemuneration {
                payment, amount, ..
            } => self.pay_remuneration(f, payment, amount),
            FundCommand::ProposeDividend {
                dividend,
                amount,
                key,
                ..
            } => self.propose_dividend(f, dividend, amount, key),
            FundCommand::PayDividend {
                dividend, payment, ..
            } => self.pay_dividend(f, &dividend, payment),
            FundCommand::OpenFund { .. }
            | FundCommand::ApprovePayment { .. }
            | FundCommand::RejectPayment { .. } => Ok(Vec::new()),
        }
    }

    fn open_fund(
        &self,
        fund: String,
        name: String,
        unit: NodeCode,
        terms: Terms,
        fee: FeeRate,
    ) -> Result<Vec<FundEvent>, Error> {
        check(Key, "fund id", &fund).map_err(FundError::Text)?;
        check(Name, "fund name", &name).map_err(FundError::Text)?;
        if self.grid.unit(unit).is_none() {
            return Err(GridError::UnknownUnit(unit).into());
        }
        self.who.require(Permission::ShapeStructure, unit)?;
        if self.funds.get(&fund).is_some() {
            return Err(FundError::FundExists(fund).into());
        }
        check_terms(&terms)?;
        check_fee(&fee)?;
        let mut events = vec![FundEvent::FundOpened {
            fund: fund.clone(),
            name,
            unit,
            date: self.date,
            terms,
        }];
        for account in chart::standard() {
            events.push(FundEvent::AccountOpened {
                fund: fund.clone(),
                account,
            });
        }
        events.push(FundEvent::FeeProposed {
            fund,
            standard: FeeStandard {
                id: OPENING_STANDARD.to_owned(),
                fee,
                from: self.date.format("%Y-%m").to_string(),
                budget: None,
                approval: Approval::Proposed,
                motion: None,
            },
        });
        Ok(events)
    }

    /// Checks transactions in order and turns the new ones into events, opening the
    /// accounts named in `open` first (those not open yet).
    pub(crate) fn posted(
        &self,
        f: &Fund,
        open: Vec<Account>,
        txs: Vec<(Transaction, Purpose)>,
    ) -> Result<Vec<FundEvent>, Error> {
        let missing: Vec<Account> = open
            .into_iter()
            .filter(|a| !f.ledger.has_account(&a.name))
            .collect();
        let (list, purposes): (Vec<Transaction>, Vec<Purpose>) = txs.into_iter().unzip();
        let verdicts = f
            .ledger
            .check_batch_opening(&missing, &list)
            .map_err(FundError::from)?;
        let mut events: Vec<FundEvent> = missing
            .into_iter()
            .map(|account| FundEvent::AccountOpened {
                fund: f.id.clone(),
                account,
            })
            .collect();
        for ((transaction, purpose), verdict) in list.into_iter().zip(purposes).zip(verdicts) {
            if verdict == Posted::New {
                events.push(FundEvent::Posted {
                    fund: f.id.clone(),
                    transaction,
                    purpose,
                });
            }
        }
        Ok(events)
    }

    fn post(&self, f: &Fund, transactions: Vec<Transaction>) -> Result<Vec<FundEvent>, Error> {
        let verdicts = self.post_verdicts(f, &transactions)?;
        Ok(transactions
            .into_iter()
            .zip(verdicts)
            .filter(|(_, v)| *v == Posted::New)
            .map(|(transaction, _)| FundEvent::Posted {
                fund: f.id.clone(),
                transaction,
                purpose: Purpose::Entry,
            })
            .collect())
    }

    /// The ledger's verdict on each transaction a `post` command gives, once the rules
    /// of posting by hand allow them ([`Desk::post_rules`]).
    pub(crate) fn post_verdicts(
        &self,
        f: &Fund,
        transactions: &[Transaction],
    ) -> Result<Vec<Posted>, Error> {
        self.post_rules(f, transactions)?;
        Ok(f.ledger
            .check_batch(transactions)
            .map_err(FundError::from)?)
    }

    /// The rules of posting by hand, beyond the ledger's own: a correction goes through
    /// `reverse`, and spending through a budget's payment. Replay checks a recorded
    /// entry's transaction by them once the ledger has taken it as new.
    pub(crate) fn post_rules(&self, f: &Fund, transactions: &[Transaction]) -> Result<(), Error> {
        for tx in transactions {
            if tx.reverses.is_some() {
                let why = "a correction goes through the reverse command";
                return Err(FundError::Text(TextError::new(Key, "reverses", &tx.id, why)).into());
            }
            for p in &tx.postings {
                if f.ledger.account_kind(&p.account) == Some(AccountKind::Expenses) {
                    return Err(FundError::SpendingOutsideBudget {
                        id: tx.id.clone(),
                        account: p.account.clone(),
                    }
                    .into());
                }
            }
        }
        Ok(())
    }

    fn reverse(
        &self,
        f: &Fund,
        id: String,
        reverses: &str,
        reason: String,
    ) -> Result<Vec<FundEvent>, Error> {
        check(Reason, "reason", &reason).map_err(FundError::Text)?;
        let original = f.ledger.transaction(reverses).ok_or_else(|| {
            FundError::Ledger(super::ledger::LedgerError::UnknownTransaction(
                reverses.to_owned(),
            ))
        })?;
        let tx = Transaction {
            id,
            date: self.date,
            description: format!("reverses {reverses}: {reason}"),
            postings: original
                .postings
                .into_iter()
                .map(|p| Posting::new(p.account, p.amount.neg()))
                .collect(),
            reverses: Some(reverses.to_owned()),
        };
        self.posted(f, Vec::new(), vec![(tx, Purpose::Reversal { reason })])
    }

    fn bill(&self, f: &Fund, month: &str) -> Result<Vec<FundEvent>, Error> {
        parse_month(month)?;
        if f.billings.contains_key(month) {
            return Err(FundError::BilledAlready {
                fund: f.id.clone(),
                month: month.to_owned(),
            }
            .into());
        }
        let mut households = self.grid.households_under(f.unit).map_err(Error::from)?;
        crate::order::sort_by(&mut households, |a, b| a.id().cmp(b.id()));
        if households.is_empty() {
            return Err(FundError::NoHouseholds(f.id.clone()).into());
        }
        let standard = f
            .fee_standard(month)
            .ok_or_else(|| FundError::NoFeeStandard {
                fund: f.id.clone(),
                month: month.to_owned(),
            })?;
        let (bills, exact, residue) = match &standard.fee {
            FeeRate::Area { rate } => {
                let areas: Vec<Decimal> = households.iter().map(|h| h.area()).collect();
                let r = apply_rate(*rate, &areas, f.terms.rounding).map_err(FundError::from)?;
                (r.parts, r.exact, r.residue)
            }
            FeeRate::Household { amount } => {
                let bills = vec![*amount; households.len()];
                let total = Amount::try_sum(bills.iter().copied()).map_err(FundError::from)?;
                (bills, total.value(), Decimal::ZERO)
            }
        };
        let mut open = Vec::new();
        let mut txs = Vec::new();
        for (h, bill) in households.iter().zip(&bills) {
            if bill.is_zero() {
                continue;
            }
            let account = chart::receivable(h.id());
            open.push(Account::new(account, "fees billed less paid"));
            let tx = fee_tx(month, h.id(), *bill, self.date);
            txs.push((
                tx,
                Purpose::Fee {
                    month: month.to_owned(),
                    household: h.id().to_owned(),
                },
            ));
        }
        let billing = Billing {
            month: month.to_owned(),
            date: self.date,
            households: txs.len() as u32,
            billed: Amount::try_sum(bills.iter().copied()).map_err(FundError::from)?,
            exact,
            residue,
            standard: Some(standard.id.clone()),
        };
        let mut events = self.posted(f, open, txs)?;
        let at = events
            .iter()
            .position(|e| matches!(e, FundEvent::Posted { .. }))
            .unwrap_or(events.len());
        events.insert(
            at,
            FundEvent::FeesBilled {
                fund: f.id.clone(),
                billing,
            },
        );
        Ok(events)
    }

    /// The household, if it is in the fund's compound.
    pub(crate) fn in_compound(&self, f: &Fund, household: &str) -> Result<(), Error> {
        let inside = self
            .grid
            .household(household)
            .and_then(|h| self.grid.household_unit(h))
            .is_some_and(|u| f.unit.contains(u));
        if inside {
            Ok(())
        } else {
            Err(FundError::NotInCompound {
                fund: f.id.clone(),
                household: household.to_owned(),
            }
            .into())
        }
    }

    fn record_payment(
        &self,
        f: &Fund,
        payment: String,
        household: String,
        amount: Amount,
    ) -> Result<Vec<FundEvent>, Error> {
        self.in_compound(f, &household)?;
        positive("payment", amount)?;
        let account = chart::receivable(&household);
        let tx = Transaction::new(
            payment,
            self.date,
            "fees received",
            vec![
                Posting::new(BANK, amount),
                Posting::new(account.clone(), amount.neg()),
            ],
        );
        let open = vec![Account::new(account, "fees billed less paid")];
        self.posted(f, open, vec![(tx, Purpose::FeePayment { household })])
    }

    fn record_income(
        &self,
        f: &Fund,
        id: String,
        source: IncomeSource,
        amount: Amount,
        description: String,
    ) -> Result<Vec<FundEvent>, Error> {
        positive("income", amount)?;
        if !f.business_use_allowed(source, self.date) {
            return Err(FundError::BusinessUseNotAllowed {
                fund: f.id.clone(),
                income: source,
            }
            .into());
        }
        let description = if description.is_empty() {
            format!("{} income", source.as_str())
        } else {
            description
        };
        let tx = Transaction::new(
            id,
            self.date,
            description,
            vec![
                Posting::new(BANK, amount),
                Posting::new(chart::income(source), amount.neg()),
            ],
        );
        self.posted(f, Vec::new(), vec![(tx, Purpose::Income { source })])
    }
}

/// The transaction billing a household's fee for a month.
pub(crate) fn fee_tx(month: &str, household: &str, bill: Amount, date: NaiveDate) -> Transaction {
    Transaction::new(
        format!("fee:{month}:{household}"),
        date,
        format!("fees {month}"),
        vec![
            Posting::new(chart::receivable(household), bill),
            Posting::new(FEES, bill.neg()),
        ],
    )
}

fn check_terms(terms: &Terms) -> Result<(), Error> {
    let bad =
        |what, value: String, why| -> Error { FundError::BadFigure { what, value, why }.into() };
    match &terms.basis {
        Basis::Remuneration { percent }
            if percent.is_sign_negative()
                || percent.is_zero()
                || *percent > Decimal::ONE_HUNDRED =>
        {
            return Err(bad(
                "remuneration percent",
                percent.to_string(),
                "it must be above 0 and at most 100",
            ));
        }
        Basis::FixedRemuneration { amount } if !amount.is_positive() => {
            return Err(bad(
                "remuneration",
                amount.to_string(),
                "it must be positive",
            ));
        }
        _ => {}
    }
    if terms.approval_threshold.is_negative() {
        return Err(bad(
            "approval threshold",
            terms.approval_threshold.to_string(),
            "it may not be negative",
        ));
    }
    Ok(())
}

/// Checks a `YYYY-MM` month.
pub(crate) fn parse_month(month: &str) -> Result<NaiveDate, Error> {
    let first = NaiveDate::parse_from_str(&format!("{month}-01"), "%Y-%m-%d")
        .ok()
        .filter(|d| month.len() == 7 && d.year() >= 1990);
    first.ok_or_else(|| {
        let why = "it must be YYYY-MM";
        FundError::Text(TextError::new(Key, "month", month, why)).into()
    })
}

/// Checks an amount is above zero.
pub(crate) fn positive(what: &'static str, amount: Amount) -> Result<(), Error> {
    if amount.is_positive() {
        Ok(())
    } else {
        Err(FundError::BadFigure {
            what,
            value: amount.to_string(),
            why: "it must be above zero",
        }
        .into())
    }
}

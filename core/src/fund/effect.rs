//! What the owners' assembly's decisions do to a fund: a budget or an amendment takes
//! effect (with the fee standard a budget carries), a dividend is shared to households'
//! payable accounts, common income enters or leaves the remuneration base, a fee
//! standard becomes billable, business use of common parts is allowed.

use chrono::NaiveDate;

use super::chart::{self, DISTRIBUTIONS};
use super::decide::Desk;
use super::event::{FundEvent, Purpose};
use super::ledger::{Account, Posting, Transaction};
use super::model::BusinessUse;
use super::model::{Approval, Fund};
use super::share::shares;
use super::subject::FundSubject;
use super::{FundError, Funds};
use crate::access::Actor;
use crate::error::Error;
use crate::grid::{Authority, Grid, NodeCode};
use crate::text::{TextError, TextKind};

/// Checks that a fund matter can be put to the owners of `unit`: the fund is theirs and
/// the thing decided awaits a decision.
pub(crate) fn check_subject(
    funds: &Funds,
    unit: NodeCode,
    subject: &FundSubject,
) -> Result<(), Error> {
    let f = funds.fund(subject.fund())?;
    if f.unit != unit {
        let why = "a fund's matters go to the owners of the fund's own compound";
        let error = TextError::new(TextKind::Key, "motion unit", &unit.to_string(), why);
        return Err(FundError::Text(error).into());
    }
    let proposed = |what: &'static str, id: &str, approval: Option<Approval>| match approval {
        None => Err(Error::from(FundError::Unknown {
            what,
            id: id.to_owned(),
        })),
        Some(Approval::Proposed) => Ok(()),
        Some(a) => Err(FundError::WrongState {
            what,
            id: id.to_owned(),
            state: a.as_str(),
            action: "put to the vote",
        }
        .into()),
    };
    match subject {
        FundSubject::ApproveBudget { budget, .. } => {
            proposed("budget", budget, f.budgets.get(budget).map(|b| b.approval))
        }
        FundSubject::AmendBudget {
            budget, amendment, ..
        } => {
            let b = super::spend::approved_budget(f, budget, "amend")?;
            let a = b.amendments.iter().find(|a| &a.id == amendment);
            proposed("amendment", amendment, a.map(|a| a.approval))
        }
        FundSubject::Dividend { dividend, .. } => proposed(
            "dividend",
            dividend,
            f.dividends.get(dividend).map(|d| d.approval),
        ),
        FundSubject::CommonIncomeInBase { .. } => Ok(()),
        FundSubject::ApproveFee { standard, .. } => {
            let s = f.fee_standards.iter().find(|s| &s.id == standard);
            if let Some(budget) = s.and_then(|s| s.budget.as_ref()) {
                let why = "a fee standard proposed in a budget is decided with the budget";
                let error = TextError::new(TextKind::Key, "fee standard", budget, why);
                return Err(FundError::Text(error).into());
            }
            proposed("fee standard", standard, s.map(|s| s.approval))
        }
        FundSubject::AllowBusinessUse { uses, .. } if uses.is_empty() => {
            Err(FundError::BadFigure {
                what: "uses",
                value: "[]".to_owned(),
                why: "a resolution names at least one use of common parts",
            }
            .into())
        }
        FundSubject::AllowBusinessUse { .. } => Ok(()),
    }
}

/// The fund events of a decided motion: none for a motion that decides no fund matter.
pub(crate) fn decided(
    grid: &Grid,
    funds: &Funds,
    subject: Option<&FundSubject>,
    motion: &str,
    passed: bool,
    date: NaiveDate,
) -> Result<Vec<FundEvent>, Error> {
    let Some(subject) = subject else {
        return Ok(Vec::new());
    };
    let f = funds.fund(subject.fund())?;
    let desk = Desk {
        grid,
        funds,
        who: Authority::new(grid, &Actor::System)?,
        actor: &Actor::System,
        date,
    };
    let motion = motion.to_owned();
    let id = f.id.clone();
    match subject {
        FundSubject::ApproveBudget { budget, .. } => {
            let mut events = Vec::new();
            if passed {
                let lines = f
                    .budgets
                    .get(budget)
                    .map(|b| b.lines.clone())
                    .unwrap_or_default();
                events.extend(open_lines(f, lines.iter().map(|l| l.line.as_str())));
            }
            events.push(FundEvent::BudgetDecided {
                fund: id.clone(),
                budget: budget.clone(),
                motion: motion.clone(),
                approved: passed,
            });
            let carried = f
                .fee_standards
                .iter()
                .find(|s| s.budget.as_ref() == Some(budget) && s.approval == Approval::Proposed);
            if let Some(s) = carried {
                events.push(FundEvent::FeeDecided {
                    fund: id,
                    standard: s.id.clone(),
                    motion,
                    approved: passed,
                });
            }
            Ok(events)
        }
        FundSubject::AmendBudget {
            budget, amendment, ..
        } => {
            let mut events = Vec::new();
            if passed {
                let lines = f
                    .budgets
                    .get(budget)
                    .and_then(|b| b.amendments.iter().find(|a| &a.id == amendment))
                    .map(|a| a.lines.clone())
                    .unwrap_or_default();
                events.extend(open_lines(f, lines.iter().map(|l| l.line.as_str())));
            }
            events.push(FundEvent::AmendmentDecided {
                fund: id,
                budget: budget.clone(),
                amendment: amendment.clone(),
                motion,
                approved: passed,
            });
            Ok(events)
        }
        FundSubject::Dividend { dividend, .. } => {
            let d = f
                .dividends
                .get(dividend)
                .ok_or_else(|| FundError::Unknown {
                    what: "dividend",
                    id: dividend.clone(),
                })?;
            if !passed {
                return Ok(vec![FundEvent::DividendDecided {
                    fund: id,
                    dividend: dividend.clone(),
                    motion,
                    approved: false,
                    shares: Vec::new(),
                    residue: rust_decimal::Decimal::ZERO,
                }]);
            }
            let (shares, residue) = shares(grid, f, d.amount, &d.key)?;
            let (open, tx) = dividend_tx(dividend, &shares, date);
            let purpose = Purpose::Dividend {
                dividend: dividend.clone(),
            };
            let posted = desk.posted(f, open, vec![(tx, purpose)])?;
            let at = posted
                .iter()
                .position(|e| matches!(e, FundEvent::Posted { .. }))
                .unwrap_or(posted.len());
            let mut events = posted;
            events.insert(
                at,
                FundEvent::DividendDecided {
                    fund: id,
                    dividend: dividend.clone(),
                    motion,
                    approved: true,
                    shares,
                    residue,
                },
            );
            Ok(events)
        }
        FundSubject::CommonIncomeInBase { include, .. } => Ok(if passed {
            vec![FundEvent::CommonIncomeInBaseDecided {
                fund: id,
                motion,
                include: *include,
            }]
        } else {
            Vec::new()
        }),
        FundSubject::ApproveFee { standard, .. } => Ok(vec![FundEvent::FeeDecided {
            fund: id,
            standard: standard.clone(),
            motion,
            approved: passed,
        }]),
        FundSubject::AllowBusinessUse { uses, until, .. } => Ok(if passed {
            let mut uses = uses.clone();
            crate::order::sort(&mut uses);
            uses.dedup();
            vec![FundEvent::BusinessUseAllowed {
                fund: id,
                resolution: BusinessUse {
                    motion,
                    uses,
                    from: date,
                    until: *until,
                },
            }]
        } else {
            Vec::new()
        }),
    }
}

/// The accounts a dividend's shares are owed on, and the transaction sharing it.
pub(crate) fn dividend_tx(
    dividend: &str,
    shares: &[(String, crate::money::Amount)],
    date: NaiveDate,
) -> (Vec<Account>, Transaction) {
    let total: crate::money::Amount = shares.iter().map(|(_, s)| *s).sum();
    let mut postings = vec![Posting::new(DISTRIBUTIONS, total)];
    let mut open = Vec::new();
    for (h, s) in shares.iter().filter(|(_, s)| !s.is_zero()) {
        let account = chart::dividend_payable(h);
        open.push(dividend_account(account.clone()));
        postings.push(Posting::new(account, s.neg()));
    }
    let tx = Transaction::new(
        format!("dividend:{dividend}"),
        date,
        format!("dividend {dividend} shared"),
        postings,
    );
    (open, tx)
}

/// The account a household's dividend is owed on, as a passed dividend opens it.
pub(crate) fn dividend_account(name: String) -> Account {
    Account::new(name, "dividend owed").no_negative()
}

/// A budget line's spending account, as a passed budget or amendment opens it.
pub(crate) fn line_account(name: String) -> Account {
    Account::new(name, "budget line")
}

fn open_lines<'l>(f: &Fund, lines: impl Iterator<Item = &'l str>) -> Vec<FundEvent> {
    lines
        .map(chart::expense_line)
        .filter(|a| !f.ledger.has_account(a))
        .map(|a| FundEvent::AccountOpened {
            fund: f.id.clone(),
            account: line_account(a),
        })
        .collect()
}

//! What every state reached by accepted commands keeps, whatever the commands were: the
//! test of a replayed journal that replay did not refuse.

use gridward::assembly::tally;
use gridward::tasks::{Responsible, Status};
use gridward::Ward;

/// Checks every capability's invariants, naming the first one broken.
pub fn invariants(ward: &Ward) -> Result<(), String> {
    books(ward)?;
    votes(ward)?;
    requests(ward)?;
    passbooks(ward)
}

/// Every fund's books balance, and no account that may not go negative ever did.
fn books(ward: &Ward) -> Result<(), String> {
    for fund in ward.funds().iter() {
        let trial = fund.ledger.trial_balance(None);
        if trial.debits != trial.credits {
            return Err(format!(
                "the books of fund {}: debits {} and credits {}",
                fund.id, trial.debits, trial.credits
            ));
        }
        for account in fund.ledger.accounts().filter(|a| a.no_negative) {
            let debit_normal = account.kind().map_err(|e| e.to_string())?.debit_normal();
            let history = fund
                .ledger
                .history(&account.name)
                .map_err(|e| e.to_string())?;
            for row in history {
                let wrong_side = if debit_normal {
                    row.balance.is_negative()
                } else {
                    row.balance.is_positive()
                };
                if wrong_side {
                    return Err(format!(
                        "fund {}: {} went to {} at transaction {}",
                        fund.id, account.name, row.balance, row.transaction
                    ));
                }
            }
        }
    }
    Ok(())
}

/// Every vote is by an owner of a home under the motion's unit, and every closed
/// motion's tally is the count of its votes.
fn votes(ward: &Ward) -> Result<(), String> {
    let grid = ward.grid();
    for m in ward.assembly().motions() {
        let electorate = ward.assembly().electorate(grid, m.unit);
        for owner in m.votes.keys() {
            if !electorate.iter().any(|(o, _)| o == owner) {
                return Err(format!("motion {}: {owner} voted and owns no home", m.id));
            }
        }
        if let Some(recorded) = &m.tally {
            let counted = tally(m.kind, &electorate, &m.votes);
            if &counted != recorded {
                return Err(format!(
                    "motion {}: the tally {recorded:?} is not the count {counted:?}",
                    m.id
                ));
            }
        }
    }
    Ok(())
}

/// Every request has one responsible party that exists, and its record agrees with its
/// status.
fn requests(ward: &Ward) -> Result<(), String> {
    let grid = ward.grid();
    for r in ward.requests(None, None) {
        let exists = match &r.responsible {
            Responsible::Unit(code) => grid.unit(*code).is_some(),
            Responsible::Person(id) => grid.person(id).is_some(),
            Responsible::Department(id) => grid.department(id).is_some(),
        };
        if !exists {
            return Err(format!(
                "request {}: {:?} does not exist",
                r.id, r.responsible
            ));
        }
        if grid.unit(r.unit).is_none() {
            return Err(format!(
                "request {}: its unit {} does not exist",
                r.id, r.unit
            ));
        }
        let consistent = match r.status {
            Status::Closed => r.closed_at.is_some(),
            Status::Handled => r.handled_at.is_some() && r.handled_by.is_some(),
            _ => true,
        };
        if !consistent {
            return Err(format!(
                "request {}: {:?} without its record",
                r.id, r.status
            ));
        }
    }
    Ok(())
}

/// Every passbook adds up: its lots hold what was earned, what is left is what the
/// lots have left, and no lot gives more than it held.
fn passbooks(ward: &Ward) -> Result<(), String> {
    let grid = ward.grid();
    let points = ward.points();
    let mut people: Vec<&str> = points
        .redemptions()
        .iter()
        .map(|r| r.person.as_str())
        .collect();
    people.sort_unstable();
    people.dedup();
    let mut spent_total = 0u64;
    for person in people {
        let Some(book) = points.passbook(grid, person) else {
            return Err(format!("{person} redeemed points and has no passbook"));
        };
        let lots = book.lots();
        let earned: u64 = lots.iter().map(|l| l.points).sum();
        let left: u64 = lots.iter().map(|l| l.left).sum();
        if lots.iter().any(|l| l.left + l.expired > l.points) {
            return Err(format!("{person}: a lot gave more than it held"));
        }
        if earned != book.earned() || book.spent() + book.expired() > earned {
            return Err(format!(
                "{person}: earned {} but the lots hold {earned}, spent {}, expired {}",
                book.earned(),
                book.spent(),
                book.expired()
            ));
        }
        if left != book.balance() {
            return Err(format!(
                "{person}: a balance of {} but the lots have {left} left",
                book.balance()
            ));
        }
        spent_total += book.spent();
    }
    let standing: u64 = points
        .redemptions()
        .iter()
        .filter(|r| r.reversed.is_none())
        .map(|r| r.points)
        .sum();
    if standing != spent_total {
        return Err(format!(
            "standing redemptions take {standing} points but passbooks spent {spent_total}"
        ));
    }
    Ok(())
}

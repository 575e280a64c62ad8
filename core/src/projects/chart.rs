//! The accounts of a project fund, and the transactions its events post.

use chrono::NaiveDate;

use crate::fund::ledger::{segment_for, Account, Posting, Transaction};
use crate::money::Amount;

/// The fund's bank account; it may not go negative.
pub const BANK: &str = "assets:bank";
/// The money allocated to the fund.
pub const ALLOCATION: &str = "equity:allocation";

/// The spending account of a project.
pub fn project_account(project: &str) -> String {
    format!("expenses:projects:{}", segment_for(project))
}

/// The accounts a fund opens with.
pub(crate) fn standard() -> Vec<Account> {
    vec![
        Account::new(BANK, "the project fund's bank account").no_negative(),
        Account::new(ALLOCATION, "the money allocated to the fund"),
    ]
}

/// The account a project's payments go to.
pub(crate) fn project(project: &str) -> Account {
    Account::new(
        project_account(project),
        "payments to a project's deliverer",
    )
}

/// The allocation paid into the bank account.
pub(crate) fn opening(date: NaiveDate, amount: Amount) -> Transaction {
    Transaction::new(
        "allocation",
        date,
        "the year's allocation",
        vec![
            Posting::new(BANK, amount),
            Posting::new(ALLOCATION, amount.neg()),
        ],
    )
}

/// A tranche paid from the bank account to a project.
pub(crate) fn payment(
    project: &str,
    payment: &str,
    date: NaiveDate,
    amount: Amount,
    voucher: &str,
) -> Transaction {
    Transaction::new(
        payment,
        date,
        format!("tranche for {project}, voucher {voucher}"),
        vec![
            Posting::new(project_account(project), amount),
            Posting::new(BANK, amount.neg()),
        ],
    )
}

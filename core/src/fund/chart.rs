//! The standard chart of accounts of a fund.

use super::ledger::{segment_for, Account};
use super::model::IncomeSource;

/// The fund's bank account; it may not go negative.
pub const BANK: &str = "assets:bank";
/// Remuneration owed to the manager; it may not go into debit (overpaid).
pub const REMUNERATION_PAYABLE: &str = "liabilities:remuneration";
/// The owners' fund.
pub const EQUITY: &str = "equity:fund";
/// Dividends distributed out of the owners' fund.
pub const DISTRIBUTIONS: &str = "equity:dividends";
/// Fees billed.
pub const FEES: &str = "income:fees";
/// The manager's remuneration.
pub const REMUNERATION: &str = "expenses:remuneration";

/// A household's receivable account (fees billed less paid).
pub fn receivable(household: &str) -> String {
    format!("assets:receivable:{}", segment_for(household))
}

/// A household's dividend payable account.
pub fn dividend_payable(household: &str) -> String {
    format!("liabilities:dividends:{}", segment_for(household))
}

/// The income account of a source of common income.
pub fn income(source: IncomeSource) -> String {
    format!("income:{}", source.as_str())
}

/// The spending account of a budget line.
pub fn expense_line(line: &str) -> String {
    format!("expenses:{line}")
}

/// The accounts every fund opens with.
pub(crate) fn standard() -> Vec<Account> {
    let mut accounts = vec![
        Account::new(BANK, "the common fund's bank account").no_negative(),
        Account::new(REMUNERATION_PAYABLE, "remuneration owed to the manager").no_negative(),
        Account::new(EQUITY, "the owners' common fund"),
        Account::new(DISTRIBUTIONS, "dividends shared out to owners"),
        Account::new(FEES, "property fees billed"),
    ];
    for source in IncomeSource::ALL {
        accounts.push(Account::new(income(source), "common income"));
    }
    accounts.push(Account::new(REMUNERATION, "the manager's remuneration"));
    accounts
}

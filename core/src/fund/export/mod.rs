//! Exports of a [`Ledger`] that accountants' tools read: an hledger journal
//! ([`to_hledger`]) and a Beancount file ([`to_beancount`]).
//!
//! Both are pure: they return the file's text and leave writing it to the caller. The
//! figures are the ledger's own, to the fen; a balance report in either tool equals
//! [`Ledger::balances_at`] account by account, which the interchange tests check with the
//! real tools.
//!
//! ```
//! use chrono::NaiveDate;
//! use gridward::fund::export::{to_beancount, to_hledger};
//! use gridward::fund::ledger::{Account, Ledger, Posting, Transaction};
//!
//! # fn main() -> Result<(), Box<dyn std::error::Error>> {
//! let mut ledger = Ledger::new();
//! ledger.open(Account::new("assets:bank", "the fund's bank account"))?;
//! ledger.open(Account::new("income:fees", "property fees"))?;
//! let day = NaiveDate::from_ymd_opt(2026, 1, 31).ok_or("bad date")?;
//! ledger.post(Transaction::new("fee-1", day, "January fee", vec![
//!     Posting::new("assets:bank", "288.00".parse()?),
//!     Posting::new("income:fees", "-288.00".parse()?),
//! ]))?;
//! assert!(to_hledger(&ledger, "CNY").contains("    assets:bank  288.00 CNY\n"));
//! assert!(to_beancount(&ledger, "CNY")?.contains("  Income:Fees  -288.00 CNY\n"));
//! # Ok(())
//! # }
//! ```
//!
//! [`Ledger`]: crate::fund::ledger::Ledger
//! [`Ledger::balances_at`]: crate::fund::ledger::Ledger::balances_at

mod beancount;
mod hledger;

use crate::error::kind::error_codes;

pub use beancount::{account_from_beancount, account_to_beancount, to_beancount};
pub use hledger::{hledger_code, to_hledger};

/// Why a ledger could not be exported.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum ExportError {
    /// An account name has no image in the target's naming rules. Names a ledger
    /// accepted always map; this guards names from elsewhere.
    #[error("account name {name:?} cannot be exported: {why}")]
    AccountName {
        /// The name given.
        name: String,
        /// Why not.
        why: &'static str,
    },
    /// The currency is not a valid commodity name for the target.
    #[error("currency {currency:?} cannot be exported: {why}")]
    Currency {
        /// The currency given.
        currency: String,
        /// Why not.
        why: &'static str,
    },
}

error_codes! {
    ExportError {
        AccountName { .. } => ("bad_export_account_name", Invalid),
        Currency { .. } => ("bad_export_currency", Invalid),
    }
}

#[cfg(test)]
mod tests {
    use chrono::NaiveDate;

    use crate::fund::ledger::{Account, Ledger, Posting, Transaction};

    fn yuan(s: &str) -> crate::money::Amount {
        s.parse().unwrap()
    }

    /// Six accounts of every kind, a fee, its reversal, and a three-way posting.
    pub(super) fn tiny() -> Ledger {
        let mut l = Ledger::new();
        l.open(Account::new("assets:bank", "the fund's bank: main").no_negative())
            .unwrap();
        l.open(Account::new("assets:receivable:1_680b_-101", ""))
            .unwrap();
        l.open(Account::new("liabilities:payable", "")).unwrap();
        l.open(Account::new("equity:fund", "")).unwrap();
        l.open(Account::new("income:fees", "")).unwrap();
        l.open(Account::new("expenses:cleaning", "")).unwrap();
        let day = |d| NaiveDate::from_ymd_opt(2026, 1, d).unwrap();
        let fee = Transaction::new(
            "fee 1",
            day(5),
            "January fee; 1栋 | 101",
            vec![
                Posting::new("assets:receivable:1_680b_-101", yuan("288.00")),
                Posting::new("income:fees", yuan("-288.00")),
            ],
        );
        l.post(fee.clone()).unwrap();
        let mut reversal = Transaction::new(
            "fee-1-rev",
            day(6),
            "wrong \"unit\"",
            fee.postings
                .iter()
                .map(|p| Posting::new(p.account.clone(), p.amount.neg()))
                .collect(),
        );
        reversal.reverses = Some("fee 1".into());
        l.post(reversal).unwrap();
        l.post(Transaction::new(
            "clean-1",
            day(31),
            "",
            vec![
                Posting::new("expenses:cleaning", yuan("1200.50")),
                Posting::new("assets:bank", yuan("1000.00")),
                Posting::new("liabilities:payable", yuan("-2200.50")),
            ],
        ))
        .unwrap();
        l
    }
}

//! Why a ledger refused an account or a transaction.

use chrono::NaiveDate;

use crate::error::kind::{error_codes, ErrorKind};
use crate::money::{Amount, MoneyError};
use crate::text::TextError;

/// Why a ledger refused an account or a transaction. A refused transaction leaves the
/// ledger as it was.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum LedgerError {
    /// An account name breaks the naming rule.
    #[error("bad account name {name:?}: {why}")]
    BadAccountName {
        /// The name given.
        name: String,
        /// Why not.
        why: &'static str,
    },
    /// An account with this name is open already.
    #[error("account {0:?} is open already")]
    AccountExists(String),
    /// No account has this name.
    #[error("no account named {0:?}")]
    UnknownAccount(String),
    /// A transaction id or description breaks its rule.
    #[error(transparent)]
    Text(#[from] TextError),
    /// A transaction needs two or more postings.
    #[error("transaction {0:?} needs two or more postings")]
    TooFewPostings(String),
    /// A posting of zero says nothing.
    #[error("transaction {id:?} posts zero to {account:?}")]
    ZeroPosting {
        /// The transaction.
        id: String,
        /// The account.
        account: String,
    },
    /// The postings do not sum to zero: debits differ from credits.
    #[error("transaction {id:?} does not balance: its postings sum to {off}, not 0.00")]
    Unbalanced {
        /// The transaction.
        id: String,
        /// What the postings sum to.
        off: Amount,
    },
    /// The transaction is dated before the ledger's last transaction.
    #[error("transaction {id:?} is dated {date}, before the ledger's last transaction ({last})")]
    Backdated {
        /// The transaction.
        id: String,
        /// Its date.
        date: NaiveDate,
        /// The last date in the ledger.
        last: NaiveDate,
    },
    /// The id was posted before with different content.
    #[error("transaction id {0:?} was posted before with different content")]
    IdReused(String),
    /// No transaction has this id.
    #[error("no transaction with id {0:?}")]
    UnknownTransaction(String),
    /// The transaction was reversed already.
    #[error("transaction {id:?} was reversed already by {by:?}")]
    AlreadyReversed {
        /// The transaction.
        id: String,
        /// Its reversal.
        by: String,
    },
    /// A reversal must turn the signs of exactly the original's postings, and a
    /// reversal is not itself reversed.
    #[error("transaction {id:?} does not reverse {reverses:?}: {why}")]
    NotAReversal {
        /// The would-be reversal.
        id: String,
        /// What it names.
        reverses: String,
        /// Why not.
        why: &'static str,
    },
    /// The transaction would leave an account that forbids it below zero.
    #[error("transaction {id:?} would leave {account:?} at {balance}, and it may not go negative")]
    NegativeBalance {
        /// The transaction.
        id: String,
        /// The account.
        account: String,
        /// The balance it would leave, in the account's normal direction.
        balance: Amount,
    },
    /// An amount is out of range.
    #[error(transparent)]
    Money(#[from] MoneyError),
}

error_codes! {
    LedgerError {
        BadAccountName { .. } => ("bad_account_name", Invalid),
        AccountExists(..) => ("account_exists", Conflict),
        UnknownAccount(..) => ("unknown_account", NotFound),
        Text(inner) => delegate TextError,
        TooFewPostings(..) => ("too_few_postings", Invalid),
        ZeroPosting { .. } => ("zero_posting", Invalid),
        Unbalanced { .. } => ("unbalanced", Invalid),
        Backdated { .. } => ("backdated", Conflict),
        IdReused(..) => ("transaction_id_reused", Conflict),
        UnknownTransaction(..) => ("unknown_transaction", NotFound),
        AlreadyReversed { .. } => ("already_reversed", Conflict),
        NotAReversal { .. } => ("not_a_reversal", Invalid),
        NegativeBalance { .. } => ("negative_balance", Conflict),
        Money(inner) => delegate MoneyError,
    }
}

impl LedgerError {
    /// Whether the error names something missing (rather than bad input or a clash).
    pub fn is_not_found(&self) -> bool {
        self.kind() == ErrorKind::NotFound
    }

    /// Whether the error is a clash with the ledger's state.
    pub fn is_conflict(&self) -> bool {
        self.kind() == ErrorKind::Conflict
    }
}

//! Accounts: named by colon-separated segments, the first of which is the kind.

use std::fmt;

use serde::{Deserialize, Serialize};

use super::LedgerError;

/// The five kinds of account. An account's name starts with its kind
/// (`assets:bank`, `income:parking`), as hledger and Beancount expect.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum AccountKind {
    /// What the fund holds or is owed: the bank account, households' receivables.
    Assets,
    /// What the fund owes: remuneration payable, dividends payable.
    Liabilities,
    /// The owners' fund itself.
    Equity,
    /// Fees, parking, advertising.
    Income,
    /// Spending, one account per budget line.
    Expenses,
}

impl AccountKind {
    /// Every kind, in the order of a trial balance.
    pub const ALL: [AccountKind; 5] = [
        AccountKind::Assets,
        AccountKind::Liabilities,
        AccountKind::Equity,
        AccountKind::Income,
        AccountKind::Expenses,
    ];

    /// The first segment of the names of accounts of this kind.
    pub fn as_str(self) -> &'static str {
        match self {
            AccountKind::Assets => "assets",
            AccountKind::Liabilities => "liabilities",
            AccountKind::Equity => "equity",
            AccountKind::Income => "income",
            AccountKind::Expenses => "expenses",
        }
    }

    /// Whether a balance of this kind is normally a debit (assets, expenses); the others
    /// normally hold credits, which are negative in Gridward's signs.
    pub fn debit_normal(self) -> bool {
        matches!(self, AccountKind::Assets | AccountKind::Expenses)
    }
}

impl fmt::Display for AccountKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// An account of a ledger.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Account {
    /// The full name, such as `assets:bank` or `assets:receivable:1-1-101`.
    pub name: String,
    /// What the account is for, in words.
    #[serde(default)]
    pub description: String,
    /// When set, no transaction may leave the account's balance below zero in its
    /// normal direction: an asset may not go into credit, a liability into debit. The
    /// fund's bank account forbids it.
    #[serde(default)]
    pub no_negative: bool,
}

impl Account {
    /// An account that may go either way.
    pub fn new(name: impl Into<String>, description: impl Into<String>) -> Account {
        Account {
            name: name.into(),
            description: description.into(),
            no_negative: false,
        }
    }

    /// The same account, forbidden to go negative.
    pub fn no_negative(mut self) -> Account {
        self.no_negative = true;
        self
    }

    /// The account's kind, from the first segment of its name.
    pub fn kind(&self) -> Result<AccountKind, LedgerError> {
        kind_of(&self.name)
    }
}

/// The kind named by an account name's first segment, checking the whole name: two or
/// more segments, each of lowercase ASCII letters, digits, `-` and `_`, not starting
/// with `-`, at most 200 characters in all.
pub fn kind_of(name: &str) -> Result<AccountKind, LedgerError> {
    let bad = |why: &'static str| LedgerError::BadAccountName {
        name: name.to_owned(),
        why,
    };
    if name.len() > 200 {
        return Err(bad("it is longer than 200 characters"));
    }
    let mut segments = name.split(':');
    let first = segments.next().unwrap_or_default();
    let kind = AccountKind::ALL
        .into_iter()
        .find(|k| k.as_str() == first)
        .ok_or_else(|| bad("it must start with assets, liabilities, equity, income or expenses"))?;
    let mut count = 1;
    for segment in segments {
        count += 1;
        let starts_well = segment
            .bytes()
            .next()
            .is_some_and(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_');
        if !starts_well {
            return Err(bad(
                "each segment must start with a lowercase letter, a digit or '_'",
            ));
        }
        if !segment
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-' || b == b'_')
        {
            return Err(bad(
                "segments hold only lowercase letters, digits, '-' and '_'",
            ));
        }
    }
    if count < 2 {
        return Err(bad(
            "it needs a segment after the kind, such as assets:bank",
        ));
    }
    Ok(kind)
}

/// A name segment for any identifier (a household's id): lowercase ASCII letters,
/// digits and `-` (not first) stay as they are; every other character becomes `_` and its code
/// point in hex followed by `_` (`1栋-101` → `1_680b_-101`). The mapping is one to one,
/// so two households never share an account.
pub fn segment_for(id: &str) -> String {
    let mut out = String::with_capacity(id.len() + 4);
    for (i, c) in id.chars().enumerate() {
        if c.is_ascii_lowercase() || c.is_ascii_digit() || (c == '-' && i > 0) {
            out.push(c);
        } else {
            out.push('_');
            out.push_str(&format!("{:x}", u32::from(c)));
            out.push('_');
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_carry_their_kind() {
        assert_eq!(kind_of("assets:bank"), Ok(AccountKind::Assets));
        assert_eq!(kind_of("expenses:cleaning"), Ok(AccountKind::Expenses));
        for bad in [
            "bank",
            "assets",
            "assets:",
            "assets:Bank",
            "assets:bank account",
            "x:y",
        ] {
            assert!(kind_of(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn segments_for_ids_are_valid_and_distinct() {
        let ids = ["1-1-101", "1栋-101", "A-1", "a-1", "-5", "_2d_5", "a_b"];
        let segs: Vec<String> = ids.iter().map(|i| segment_for(i)).collect();
        for s in &segs {
            assert!(kind_of(&format!("assets:{s}")).is_ok(), "{s}");
        }
        let mut unique = segs.clone();
        crate::order::sort(&mut unique);
        unique.dedup();
        assert_eq!(unique.len(), segs.len(), "{segs:?}");
        assert_eq!(segs[0], "1-1-101");
        assert_eq!(segs[1], "1_680b_-101");
    }
}

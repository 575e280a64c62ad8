//! Transactions and postings, as given to a ledger and as read back.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::money::Amount;

/// One line of a transaction: an amount to an account. Debits are positive, credits
/// negative, so a transaction's postings sum to zero.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Posting {
    /// The account's full name.
    pub account: String,
    /// Debit (positive) or credit (negative), never zero.
    pub amount: Amount,
}

impl Posting {
    /// A posting.
    pub fn new(account: impl Into<String>, amount: Amount) -> Posting {
        Posting {
            account: account.into(),
            amount,
        }
    }
}

/// A transaction: two or more postings that sum to exactly zero, under an id that is
/// never reused for different content. Once posted it is never changed; a mistake is
/// corrected by a reversing transaction that names it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Transaction {
    /// The id: posting the same id with the same content again does nothing.
    pub id: String,
    /// The date it takes effect; a ledger's dates never go backwards.
    pub date: NaiveDate,
    /// What it is, in words.
    #[serde(default)]
    pub description: String,
    /// Its postings.
    #[serde(deserialize_with = "exact_postings")]
    pub postings: Vec<Posting>,
    /// For a reversal, the id of the transaction it corrects; its postings must be that
    /// transaction's postings with their signs turned.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reverses: Option<String>,
}

impl Transaction {
    /// A transaction that reverses nothing.
    pub fn new(
        id: impl Into<String>,
        date: NaiveDate,
        description: impl Into<String>,
        postings: Vec<Posting>,
    ) -> Transaction {
        Transaction {
            id: id.into(),
            date,
            description: description.into(),
            postings,
            reverses: None,
        }
    }
}

/// A transaction as the ledger keeps it: its postings are a range of the ledger's list.
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "snapshot", derive(serde::Serialize, serde::Deserialize))]
pub(crate) struct Stored {
    pub(crate) id: Box<str>,
    pub(crate) date: NaiveDate,
    pub(crate) description: Box<str>,
    pub(crate) start: u32,
    pub(crate) end: u32,
    pub(crate) reverses: Option<u32>,
    pub(crate) reversed_by: Option<u32>,
}

/// The postings, in a buffer of their own length (a vector read from JSON grows to four).
fn exact_postings<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Vec<Posting>, D::Error> {
    let mut postings = Vec::<Posting>::deserialize(d)?;
    postings.shrink_to_fit();
    Ok(postings)
}

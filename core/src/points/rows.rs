//! Passbooks and redemptions as plain values: what the points queries answer with on
//! every face.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::catalog::Redemption;
use super::passbook::{Lot, Passbook, Take};

/// A person's passbook (积分存折): its totals and its lots. `earned = spent + expired +
/// balance`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct PassbookView {
    /// The person.
    pub person: String,
    /// All points ever earned.
    pub earned: u64,
    /// Points spent on redemptions still standing.
    pub spent: u64,
    /// Points expired.
    pub expired: u64,
    /// Points left (spendable, or awaiting an expiry run).
    pub balance: u64,
    /// The lots, in the order earned.
    pub lots: Vec<Lot>,
}

impl PassbookView {
    /// The view of `person`'s passbook.
    pub fn of(person: &str, book: &Passbook) -> PassbookView {
        PassbookView {
            person: person.to_owned(),
            earned: book.earned(),
            spent: book.spent(),
            expired: book.expired(),
            balance: book.balance(),
            lots: book.lots().to_vec(),
        }
    }
}

/// A redemption as a flat row: its reversal split into the day and the reason.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct RedemptionRow {
    /// Its id.
    pub id: String,
    /// Who redeemed.
    pub person: String,
    /// The item.
    pub item: String,
    /// Pieces.
    pub quantity: u32,
    /// Points spent.
    pub points: u64,
    /// The day.
    pub on: NaiveDate,
    /// The lots it took from, by their place in the person's passbook.
    pub taken: Vec<Take>,
    /// The day it was reversed (none while it stands).
    pub reversed_on: Option<NaiveDate>,
    /// Why it was reversed (none while it stands).
    pub reversal_reason: Option<String>,
}

impl RedemptionRow {
    /// The row of a redemption.
    pub fn of(r: &Redemption) -> RedemptionRow {
        RedemptionRow {
            id: r.id.clone(),
            person: r.person.clone(),
            item: r.item.clone(),
            quantity: r.quantity,
            points: r.points,
            on: r.on,
            taken: r.taken.clone(),
            reversed_on: r.reversed.as_ref().map(|x| x.on),
            reversal_reason: r.reversed.as_ref().map(|x| x.reason.clone()),
        }
    }
}

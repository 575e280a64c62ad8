//! The catalog of things points redeem, and the redemptions made.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::passbook::Take;
use crate::grid::NodeCode;

/// An item of a unit's catalog.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Item {
    /// Its id.
    pub id: String,
    /// The unit whose catalog holds it (its staff keep it).
    pub unit: NodeCode,
    /// Its name.
    pub name: String,
    /// Points per piece.
    pub cost: u64,
    /// Pieces in stock.
    pub stock: u32,
    /// At most this many pieces per person (reversed redemptions aside).
    pub per_person: Option<u32>,
    /// The first day it may be redeemed.
    pub valid_from: Option<NaiveDate>,
    /// The last day it may be redeemed.
    pub valid_until: Option<NaiveDate>,
    /// The star level a person must hold (a star-level benefit such as free bus rides).
    pub min_star: Option<u8>,
}

impl Item {
    /// Whether it may be redeemed on `day`.
    pub fn open_on(&self, day: NaiveDate) -> bool {
        self.valid_from.is_none_or(|f| f <= day) && self.valid_until.is_none_or(|u| day <= u)
    }
}

/// A redemption: points and stock taken in one step.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Redemption {
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
    /// The lots it took from.
    pub taken: Vec<Take>,
    /// When and why it was reversed, if it was.
    pub reversed: Option<Reversal>,
}

/// The reversal of a redemption.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Reversal {
    /// The day.
    pub on: NaiveDate,
    /// Why.
    pub reason: String,
}

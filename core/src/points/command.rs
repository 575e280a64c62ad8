//! Commands and events of the points capability.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::catalog::Item;
use super::passbook::{Source, Take};
use crate::grid::NodeCode;

/// A command of the points capability.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, gridward_derive::TaggedDeserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case", tag = "type", deny_unknown_fields)]
#[non_exhaustive]
pub enum PointsCommand {
    /// Put an item in a unit's catalog.
    AddItem {
        /// A new id.
        id: String,
        /// The unit whose catalog holds it.
        unit: NodeCode,
        /// Its name.
        name: String,
        /// Points per piece (at least 1).
        cost: u64,
        /// Pieces in stock.
        stock: u32,
        /// At most this many pieces per person.
        #[serde(default)]
        per_person: Option<u32>,
        /// The first day it may be redeemed.
        #[serde(default)]
        valid_from: Option<NaiveDate>,
        /// The last day it may be redeemed.
        #[serde(default)]
        valid_until: Option<NaiveDate>,
        /// The star level a person must hold.
        #[serde(default)]
        min_star: Option<u8>,
    },
    /// Add pieces to an item's stock.
    Restock {
        /// The item.
        item: String,
        /// Pieces added (at least 1).
        quantity: u32,
    },
    /// Earn the points of a certified service record for the person who served: hours
    /// at the hourly rate plus the activity's points. Earning twice has one effect.
    EarnForService {
        /// The record.
        record: String,
    },
    /// Earn the points of a rated request for the person who handled it. Earning twice
    /// has one effect.
    EarnForRequest {
        /// The request.
        request: String,
    },
    /// Award points by hand (an activity outside the rules, a prize).
    Award {
        /// A new id.
        id: String,
        /// Who earns.
        person: String,
        /// The unit whose staff award it.
        unit: NodeCode,
        /// Points (at least 1).
        points: u64,
        /// Why.
        reason: String,
    },
    /// Redeem an item: points and stock taken together or not at all. Needs an
    /// idempotency key.
    Redeem {
        /// A new id.
        id: String,
        /// Who redeems.
        person: String,
        /// The item.
        item: String,
        /// Pieces (1 to 1000).
        quantity: u32,
    },
    /// Reverse a redemption: its points go back to the lots they came from, with their
    /// original expiry, and its pieces back to stock.
    Reverse {
        /// The redemption.
        id: String,
        /// Why.
        reason: String,
    },
    /// Expire every lot whose last day is before `on`.
    Expire {
        /// The day of the run.
        on: NaiveDate,
    },
}

/// Points expired from one lot.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct ExpiredLot {
    /// The person.
    pub person: String,
    /// The lot's place in their passbook.
    pub lot: u32,
    /// Points expired.
    pub points: u64,
}

/// An event of the points capability.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, gridward_derive::TaggedDeserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case", tag = "type", deny_unknown_fields)]
#[non_exhaustive]
pub enum PointsEvent {
    /// An item was put in a catalog.
    ItemAdded {
        /// The item, with its opening stock.
        item: Item,
    },
    /// Stock was added.
    Restocked {
        /// The item.
        item: String,
        /// Pieces added.
        quantity: u32,
    },
    /// Points were earned as a new lot.
    Earned {
        /// The earning's id (`service:…`, `request:…`, `award:…`).
        id: String,
        /// Who.
        person: String,
        /// Where from.
        source: Source,
        /// Points the rules gave before any cap.
        asked: u64,
        /// Points earned.
        points: u64,
        /// The day.
        earned_on: NaiveDate,
        /// The last day they may be spent.
        expires_on: Option<NaiveDate>,
    },
    /// An item was redeemed.
    Redeemed {
        /// Its id.
        id: String,
        /// Who.
        person: String,
        /// The item.
        item: String,
        /// Pieces.
        quantity: u32,
        /// Points spent.
        points: u64,
        /// The day.
        on: NaiveDate,
        /// The lots taken from, in spending order.
        taken: Vec<Take>,
    },
    /// A redemption was reversed.
    Reversed {
        /// The redemption.
        id: String,
        /// The day.
        on: NaiveDate,
        /// Why.
        reason: String,
    },
    /// Lots expired.
    Expired {
        /// The day of the run.
        on: NaiveDate,
        /// What expired.
        lots: Vec<ExpiredLot>,
    },
}

//! Points' queries: passbooks (积分存折) with their lots and history, the points a person
//! may spend on a day, the catalog, redemptions and the ward's totals.

use chrono::NaiveDate;
use serde::Deserialize;

use crate::error::Error;
use crate::points::{
    self, HistoryLine, Item, PassbookView, PointsError, Redemption, RedemptionRow,
};
use crate::queries::typed::Query;
use crate::ward::Ward;

crate::query_set! {
    pub static POINTS_QUERIES for "points" {
        "passbook" => PassbookOf,
        "available_points" => AvailablePoints,
        "passbook_history" => PassbookHistory,
        "items" => Items,
        "item" => ItemOf,
        "redemptions" => Redemptions,
        "redemption" => RedemptionOf,
        "totals" => Totals,
    }
}

/// A person's passbook — earned, spent, expired and balance, where `earned = spent +
/// expired + balance` — and its lots in the order earned; none for someone who never
/// earned a point.
#[derive(Clone, Debug, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct PassbookOf {
    /// The person's id.
    pub person: String,
}

impl Query for PassbookOf {
    type Answer = Option<PassbookView>;

    fn ask(self, ward: &Ward) -> Result<Self::Answer, Error> {
        let book = ward.points().passbook(ward.grid(), &self.person);
        Ok(book.map(|b| PassbookView::of(&self.person, b)))
    }
}

/// The points a person may spend on a day: lots past their last day do not count, even
/// before an expiry run removes them. 0 for someone without a passbook.
#[derive(Clone, Debug, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct AvailablePoints {
    /// The person's id.
    pub person: String,
    /// The day.
    pub on: NaiveDate,
}

impl Query for AvailablePoints {
    type Answer = u64;

    fn ask(self, ward: &Ward) -> Result<Self::Answer, Error> {
        if ward.grid().person(&self.person).is_none() {
            return Err(PointsError::UnknownPerson(self.person).into());
        }
        let book = ward.points().passbook(ward.grid(), &self.person);
        Ok(book.map_or(0, |b| b.available(self.on)))
    }
}

/// A person's passbook history, oldest first: each movement (earned, redeemed, reversed,
/// expired), its points, the balance after it, and the lot or redemption it concerns.
/// Empty for someone without a passbook.
#[derive(Clone, Debug, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct PassbookHistory {
    /// The person's id.
    pub person: String,
}

impl Query for PassbookHistory {
    type Answer = Vec<HistoryLine>;

    fn ask(self, ward: &Ward) -> Result<Self::Answer, Error> {
        Ok(ward.points().history(ward.grid(), &self.person))
    }
}

/// Every catalog item with its stock, in the order added.
#[derive(Clone, Debug, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Items {}

impl Query for Items {
    type Answer = Vec<Item>;

    fn ask(self, ward: &Ward) -> Result<Self::Answer, Error> {
        Ok(ward.points().items().to_vec())
    }
}

/// The catalog item with this id, or none.
#[derive(Clone, Debug, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct ItemOf {
    /// The item's id.
    pub id: String,
}

impl Query for ItemOf {
    type Answer = Option<Item>;

    fn ask(self, ward: &Ward) -> Result<Self::Answer, Error> {
        Ok(ward.points().item(&self.id).cloned())
    }
}

/// Every redemption as a flat row, in the order made, reversed ones included (with the
/// day and reason of their reversal); `taken` lists the lots each took from.
#[derive(Clone, Debug, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Redemptions {}

impl Query for Redemptions {
    type Answer = Vec<RedemptionRow>;

    fn ask(self, ward: &Ward) -> Result<Self::Answer, Error> {
        Ok(ward
            .points()
            .redemptions()
            .iter()
            .map(RedemptionRow::of)
            .collect())
    }
}

/// The redemption with this id, or none; `reversed` says when and why it was reversed.
#[derive(Clone, Debug, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct RedemptionOf {
    /// The redemption's id.
    pub id: String,
}

impl Query for RedemptionOf {
    type Answer = Option<Redemption>;

    fn ask(self, ward: &Ward) -> Result<Self::Answer, Error> {
        Ok(ward.points().redemption(&self.id).cloned())
    }
}

/// Points earned, spent, expired and left across the ward, with the people holding a
/// passbook and the redemptions standing and reversed.
#[derive(Clone, Debug, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Totals {}

impl Query for Totals {
    type Answer = points::Totals;

    fn ask(self, ward: &Ward) -> Result<Self::Answer, Error> {
        Ok(ward.points().totals())
    }
}

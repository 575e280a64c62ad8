//! Points (`points`): the points passbook (积分存折) of dated lots with expiry, earned by
//! rules from certified service and rated requests or awarded by hand; a catalog of
//! items with stock, per-person limits, validity windows and star-level benefits;
//! redemption, reversal and expiry runs.
//!
//! Redemptions take points and stock in one step or not at all, need an idempotency key,
//! and may be reversed: the points return to the lots they came from, with their
//! original expiry. No sequence of commands makes a balance or a stock negative, spends
//! an expired lot, or loses a point: for every person `earned = spent + expired +
//! balance`.
//!
//! ## Quick start
//!
//! ```
//! use chrono::DateTime;
//! use gridward::grid::{ImportRow, NodeCode};
//! use gridward::points::PointsCommand;
//! use gridward::{Actor, Context, Ward, WardConfig};
//!
//! # fn main() -> Result<(), Box<dyn std::error::Error>> {
//! let mut ward = Ward::new(WardConfig::default());
//! let at = DateTime::parse_from_rfc3339("2026-03-02T09:00:00+08:00")?;
//! let platform = Context::new(Actor::System, at);
//! let micro = NodeCode::parse("510107017006001001")?;
//! let mut rows = Vec::new();
//! for (code, name) in [
//!     ("510107", "武侯区"),
//!     ("510107017", "晋阳街道"),
//!     ("510107017006", "吉福社区"),
//!     ("510107017006001", "云锦城市花园网格"),
//!     ("510107017006001001", "1栋微网格"),
//! ] {
//!     let code = NodeCode::parse(code)?;
//!     rows.push(ImportRow::Unit { code, parent: None, name: name.into(), domains: None });
//! }
//! rows.push(ImportRow::Household { id: "1-01".into(), unit: micro, area: "89.50".parse()? });
//! rows.push(ImportRow::Person {
//!     id: "r1".into(), name: "王芳".into(), phone: None, party_member: false,
//!     household: Some("1-01".into()),
//! });
//! ward.import(&platform, rows)?;
//!
//! // The community stocks its catalog and awards points by hand.
//! let community = NodeCode::parse("510107017006")?;
//! let item = PointsCommand::AddItem {
//!     id: "soap".into(),
//!     unit: community,
//!     name: "洗衣皂".into(),
//!     cost: 30,
//!     stock: 10,
//!     per_person: Some(1),
//!     valid_from: None,
//!     valid_until: None,
//!     min_star: None,
//! };
//! ward.execute(&platform, item)?;
//! let award = PointsCommand::Award {
//!     id: "a1".into(),
//!     person: "r1".into(),
//!     unit: community,
//!     points: 50,
//!     reason: "邻里互助".into(),
//! };
//! ward.execute(&platform, award)?;
//!
//! // The resident redeems once, keyed so that a retry redeems once; a second piece is
//! // over the per-person limit.
//! let redeem = |id: &str| PointsCommand::Redeem {
//!     id: id.into(), person: "r1".into(), item: "soap".into(), quantity: 1,
//! };
//! let resident = |key: &str| Context::new(Actor::person("r1"), at).with_key(key);
//! ward.execute(&resident("b1"), redeem("b1"))?;
//! let refused = ward.execute(&resident("b2"), redeem("b2")).map_err(|e| e.code());
//! assert_eq!(refused, Err("limit_reached"));
//!
//! let book = ward.points().passbook(ward.grid(), "r1").ok_or("no passbook")?;
//! assert_eq!((book.earned(), book.spent(), book.balance()), (50, 30, 20));
//! assert_eq!(ward.points().item("soap").map(|i| i.stock), Some(9));
//! # Ok(())
//! # }
//! ```

mod capability;
mod catalog;
mod check;
mod command;
mod config;
mod decide;
mod earnings;
mod error;
mod passbook;
mod passbooks;
#[cfg(feature = "snapshot")]
mod restore;
mod rows;
mod rules;
#[cfg(test)]
mod tests;

pub use catalog::{Item, Redemption, Reversal};
pub use command::{ExpiredLot, PointsCommand, PointsEvent};
pub use config::{Cap, CapPeriod, Expiry, PointsConfig, RatingPoints};
pub use error::PointsError;
pub use passbook::{Lot, Movement, Passbook, Source, Take};
pub use rows::{PassbookView, RedemptionRow};

pub use check::check_event;
pub use decide::decide;
pub use rules::Reads;

use chrono::NaiveDate;
use hashbrown::HashMap;
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use crate::grid::Grid;
use crate::ids::IdIndex;
use crate::journal::Hash;
use earnings::Earnings;
use passbooks::Passbooks;

/// A line of a passbook's history, for display.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct HistoryLine {
    /// The day.
    pub on: NaiveDate,
    /// What moved.
    pub movement: Movement,
    /// Points moved (always positive; the movement says which way).
    pub points: u64,
    /// The balance after it.
    pub balance: u64,
    /// The lot (earnings, expiries) or redemption (redemptions, reversals) it concerns.
    pub reference: String,
}

/// Points earned, spent, expired and left across the ward.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "schema", schemars(rename = "PointsTotals"))]
pub struct Totals {
    /// People with a passbook.
    pub people: u64,
    /// Points earned.
    pub earned: u64,
    /// Points spent on redemptions standing.
    pub spent: u64,
    /// Points expired.
    pub expired: u64,
    /// Points left.
    pub balance: u64,
    /// Redemptions standing.
    pub redemptions: u64,
    /// Redemptions reversed.
    pub reversed: u64,
}

/// The state of the points capability: a fold over points events.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
#[cfg_attr(feature = "snapshot", derive(serde::Serialize, serde::Deserialize))]
pub struct Points {
    passbooks: Passbooks,
    #[cfg_attr(feature = "snapshot", serde(skip))]
    earnings: Earnings,
    items: Vec<Item>,
    item_ids: HashMap<Box<str>, u32>,
    redemptions: Vec<Redemption>,
    #[cfg_attr(feature = "snapshot", serde(skip))]
    redemption_ids: IdIndex,
    held: HashMap<(u32, u32), u32>,
    period_earned: HashMap<(u32, CapPeriod, NaiveDate), u64>,
}

impl Points {
    /// No passbooks, an empty catalog.
    pub fn new() -> Points {
        Points::default()
    }

    /// Whether nothing has been recorded.
    pub fn is_empty(&self) -> bool {
        self.passbooks.is_empty() && self.items.is_empty()
    }

    /// A person's passbook, by person id.
    pub fn passbook(&self, grid: &Grid, person: &str) -> Option<&Passbook> {
        self.passbooks.get(grid.person_ix(person)?)
    }

    pub(crate) fn passbook_ix(&self, person: u32) -> Option<&Passbook> {
        self.passbooks.get(person)
    }

    /// A person's history, oldest first.
    pub fn history(&self, grid: &Grid, person: &str) -> Vec<HistoryLine> {
        let Some(book) = self.passbook(grid, person) else {
            return Vec::new();
        };
        book.history
            .iter()
            .map(|l| {
                let reference = match l.movement {
                    Movement::Earned | Movement::Expired => book
                        .lots
                        .get(l.reference as usize)
                        .map(|lot| lot.id.clone()),
                    Movement::Redeemed | Movement::Reversed => self
                        .redemptions
                        .get(l.reference as usize)
                        .map(|r| r.id.clone()),
                };
                HistoryLine {
                    on: l.on,
                    movement: l.movement,
                    points: l.points,
                    balance: l.balance,
                    reference: reference.unwrap_or_default(),
                }
            })
            .collect()
    }

    /// The catalog item with this id.
    pub fn item(&self, id: &str) -> Option<&Item> {
        self.item_ids.get(id).map(|&ix| &self.items[ix as usize])
    }

    /// Every catalog item, in the order added.
    pub fn items(&self) -> &[Item] {
        &self.items
    }

    /// The redemption with this id.
    pub fn redemption(&self, id: &str) -> Option<&Redemption> {
        let at = |ix: u32| self.redemptions[ix as usize].id.as_str();
        self.redemption_ids
            .get(id, at)
            .map(|ix| &self.redemptions[ix as usize])
    }

    /// Every redemption, in the order made.
    pub fn redemptions(&self) -> &[Redemption] {
        &self.redemptions
    }

    /// Pieces of an item a person holds (reversed redemptions aside).
    pub(crate) fn held(&self, person: u32, item: u32) -> u32 {
        self.held.get(&(person, item)).copied().unwrap_or(0)
    }

    pub(crate) fn earning(&self, id: &str) -> Option<(u32, u32)> {
        self.earnings.get(&self.passbooks, id)
    }

    pub(crate) fn item_ix(&self, id: &str) -> Option<u32> {
        self.item_ids.get(id).copied()
    }

    pub(crate) fn earned_in(&self, person: u32, period: CapPeriod, start: NaiveDate) -> u64 {
        self.period_earned
            .get(&(person, period, start))
            .copied()
            .unwrap_or(0)
    }

    pub(crate) fn passbooks(&self) -> impl Iterator<Item = (u32, &Passbook)> {
        self.passbooks.iter()
    }

    /// Points earned, spent, expired and left across the ward.
    pub fn totals(&self) -> Totals {
        let mut t = Totals {
            people: self.passbooks.len() as u64,
            ..Totals::default()
        };
        for (_, b) in self.passbooks.iter() {
            t.earned += b.earned;
            t.spent += b.spent;
            t.expired += b.expired;
            t.balance += b.balance();
        }
        for r in &self.redemptions {
            if r.reversed.is_some() {
                t.reversed += 1;
            } else {
                t.redemptions += 1;
            }
        }
        t
    }

    /// The places of a redemption's person and item.
    fn person_and_item(&self, grid: &Grid, person: &str, item: &str) -> Option<(u32, u32)> {
        Some((grid.person_ix(person)?, *self.item_ids.get(item)?))
    }

    /// Folds an event in. Events were checked before: this cannot fail.
    pub fn apply(&mut self, grid: &Grid, event: PointsEvent) {
        match event {
            PointsEvent::ItemAdded { item } => {
                self.item_ids
                    .insert(item.id.as_str().into(), self.items.len() as u32);
                self.items.push(item);
            }
            PointsEvent::Restocked { item, quantity } => {
                if let Some(&ix) = self.item_ids.get(item.as_str()) {
                    let it = &mut self.items[ix as usize];
                    it.stock = it.stock.saturating_add(quantity);
                }
            }
            PointsEvent::Earned {
                id,
                person,
                source,
                points,
                earned_on,
                expires_on,
                ..
            } => {
                let Some(px) = grid.person_ix(person.as_str()) else {
                    return;
                };
                for period in [CapPeriod::Month, CapPeriod::Year] {
                    *self
                        .period_earned
                        .entry((px, period, period.start(earned_on)))
                        .or_insert(0) += points;
                }
                let book = self.passbooks.open(px);
                let lot = book.add_lot(Lot {
                    id,
                    source,
                    earned_on,
                    expires_on,
                    points,
                    left: points,
                    expired: 0,
                });
                if let Some(l) = book.lots().get(lot as usize) {
                    self.earnings.insert(&l.id, px, lot);
                }
            }
            PointsEvent::Redeemed {
                id,
                person,
                item,
                quantity,
                points,
                on,
                taken,
            } => {
                let Some((px, ix)) = self.person_and_item(grid, &person, &item) else {
                    return;
                };
                let r = self.redemptions.len() as u32;
                if let Some(book) = self.passbooks.get_mut(px) {
                    book.take(&taken, on, r);
                }
                let it = &mut self.items[ix as usize];
                it.stock = it.stock.saturating_sub(quantity);
                // Pieces held count only against a limit; items without one keep no tally.
                if it.per_person.is_some() {
                    *self.held.entry((px, ix)).or_insert(0) += quantity;
                }
                self.redemption_ids.insert(&id, r);
                self.redemptions.push(Redemption {
                    id,
                    person,
                    item,
                    quantity,
                    points,
                    on,
                    taken,
                    reversed: None,
                });
            }
            PointsEvent::Reversed { id, on, reason } => {
                let at = |ix: u32| self.redemptions[ix as usize].id.as_str();
                let Some(r) = self.redemption_ids.get(&id, at) else {
                    return;
                };
                let red = &self.redemptions[r as usize];
                let Some((px, ix)) = self.person_and_item(grid, &red.person, &red.item) else {
                    return;
                };
                let red = &mut self.redemptions[r as usize];
                red.reversed = Some(Reversal { on, reason });
                if let Some(book) = self.passbooks.get_mut(px) {
                    book.restore(&red.taken, on, r);
                }
                let it = &mut self.items[ix as usize];
                it.stock = it.stock.saturating_add(red.quantity);
                if let Some(h) = self.held.get_mut(&(px, ix)) {
                    *h = h.saturating_sub(red.quantity);
                }
            }
            PointsEvent::Expired { on, lots } => {
                for e in lots {
                    let Some(px) = grid.person_ix(e.person.as_str()) else {
                        continue;
                    };
                    if let Some(book) = self.passbooks.get_mut(px) {
                        book.expire(e.lot, e.points, on);
                    }
                }
            }
        }
    }

    /// SHA-256 over the catalog, the redemptions and every passbook in person order.
    pub fn digest(&self, grid: &Grid) -> Hash {
        let mut h = Sha256::new();
        let mut feed = |tag: &str, text: Option<String>| {
            h.update(tag.as_bytes());
            h.update(text.unwrap_or_default().as_bytes());
            h.update(b"\n");
        };
        for it in &self.items {
            feed("I", serde_json::to_string(it).ok());
        }
        for r in &self.redemptions {
            feed("R", serde_json::to_string(r).ok());
        }
        let mut people: Vec<(&str, &Passbook)> = self
            .passbooks
            .iter()
            .filter_map(|(px, b)| Some((&*grid.people.get(px as usize)?.id, b)))
            .collect();
        crate::order::sort_by(&mut people, |a, b| a.0.cmp(b.0));
        for (person, book) in people {
            feed("P", Some(person.to_owned()));
            for lot in &book.lots {
                feed("L", serde_json::to_string(lot).ok());
            }
            feed(
                "H",
                Some(format!("{} {} {}", book.earned, book.spent, book.expired)),
            );
        }
        Hash::of_bytes(&h.finalize())
    }
}

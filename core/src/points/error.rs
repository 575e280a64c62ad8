//! Errors of the points capability.

use crate::error::ErrorKind;

/// Why a points command or event was refused.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum PointsError {
    /// No item has this id.
    #[error("no catalog item with id {0:?}")]
    UnknownItem(String),
    /// An item with this id exists already.
    #[error("a catalog item with id {0:?} exists already")]
    ItemExists(String),
    /// No redemption has this id.
    #[error("no redemption with id {0:?}")]
    UnknownRedemption(String),
    /// A redemption with this id exists already.
    #[error("a redemption with id {0:?} exists already")]
    RedemptionExists(String),
    /// An award with this id exists already, with other content.
    #[error("an earning with id {0:?} exists already")]
    EarningExists(String),
    /// No person has this id.
    #[error("no person with id {0:?}")]
    UnknownPerson(String),
    /// A text field is empty, too long or holds control characters.
    #[error("bad {what} {value:?}: {why}")]
    BadText {
        /// Which field.
        what: &'static str,
        /// The value given.
        value: String,
        /// Why not.
        why: &'static str,
    },
    /// A number is out of its range.
    #[error("bad {what} {value}: {why}")]
    BadNumber {
        /// Which field.
        what: &'static str,
        /// The value given.
        value: u64,
        /// Why not.
        why: &'static str,
    },
    /// The validity window ends before it starts.
    #[error("item {0:?}: valid_until is before valid_from")]
    BadWindow(String),
    /// A redemption needs an idempotency key.
    #[error("a redemption needs an idempotency key")]
    KeyRequired,
    /// The person has fewer usable points than the redemption costs.
    #[error("{person:?} has {available} points usable on {on}; {needed} are needed")]
    InsufficientPoints {
        /// Who.
        person: String,
        /// Points usable that day.
        available: u64,
        /// Points needed.
        needed: u64,
        /// The day.
        on: String,
    },
    /// Not enough stock.
    #[error("item {item:?} has {stock} in stock; {wanted} wanted")]
    OutOfStock {
        /// The item.
        item: String,
        /// Pieces in stock.
        stock: u32,
        /// Pieces wanted.
        wanted: u32,
    },
    /// The per-person limit would be passed.
    #[error("{person:?} holds {held} of item {item:?}; the limit is {limit}")]
    LimitReached {
        /// Who.
        person: String,
        /// The item.
        item: String,
        /// Pieces held.
        held: u32,
        /// The limit.
        limit: u32,
    },
    /// The item may not be redeemed that day.
    #[error("item {item:?} may not be redeemed on {on}")]
    NotOnOffer {
        /// The item.
        item: String,
        /// The day.
        on: String,
    },
    /// The person's star level is too low for the item.
    #[error("item {item:?} needs {needed} stars; {person:?} holds {held}")]
    StarsNeeded {
        /// The item.
        item: String,
        /// Who.
        person: String,
        /// Stars needed.
        needed: u8,
        /// Stars held.
        held: u8,
    },
    /// The redemption was reversed already.
    #[error("redemption {0:?} was reversed already")]
    AlreadyReversed(String),
    /// The earning's source does not earn (not certified, not rated, no handler).
    #[error("{source_id:?} earns nothing: {why}")]
    NotEarnable {
        /// The record or request.
        source_id: String,
        /// Why.
        why: &'static str,
    },
    /// The person's cap for the period is used up.
    #[error("{person:?} has reached the cap of {cap} points for the period from {from}")]
    CapReached {
        /// Who.
        person: String,
        /// The cap.
        cap: u64,
        /// The period's first day.
        from: String,
    },
    /// An event names a lot that does not hold what it says.
    #[error("{person:?} has no lot {lot} holding {points} points")]
    BadLot {
        /// Who.
        person: String,
        /// The lot.
        lot: u32,
        /// Points named.
        points: u64,
    },
}

impl PointsError {
    /// A stable snake_case code.
    pub fn code(&self) -> &'static str {
        match self {
            PointsError::UnknownItem(_) => "unknown_item",
            PointsError::ItemExists(_) => "item_exists",
            PointsError::UnknownRedemption(_) => "unknown_redemption",
            PointsError::RedemptionExists(_) => "redemption_exists",
            PointsError::EarningExists(_) => "earning_exists",
            PointsError::UnknownPerson(_) => "unknown_person",
            PointsError::BadText { .. } => "bad_text",
            PointsError::BadNumber { .. } => "bad_number",
            PointsError::BadWindow(_) => "bad_window",
            PointsError::KeyRequired => "key_required",
            PointsError::InsufficientPoints { .. } => "insufficient_points",
            PointsError::OutOfStock { .. } => "out_of_stock",
            PointsError::LimitReached { .. } => "limit_reached",
            PointsError::NotOnOffer { .. } => "not_on_offer",
            PointsError::StarsNeeded { .. } => "stars_needed",
            PointsError::AlreadyReversed(_) => "already_reversed",
            PointsError::NotEarnable { .. } => "not_earnable",
            PointsError::CapReached { .. } => "cap_reached",
            PointsError::BadLot { .. } => "bad_lot",
        }
    }

    /// The broad kind.
    pub fn kind(&self) -> ErrorKind {
        match self {
            PointsError::UnknownItem(_)
            | PointsError::UnknownRedemption(_)
            | PointsError::UnknownPerson(_) => ErrorKind::NotFound,
            PointsError::BadText { .. }
            | PointsError::BadNumber { .. }
            | PointsError::BadWindow(_)
            | PointsError::KeyRequired
            | PointsError::NotEarnable { .. } => ErrorKind::Invalid,
            PointsError::StarsNeeded { .. } => ErrorKind::PermissionDenied,
            _ => ErrorKind::Conflict,
        }
    }
}

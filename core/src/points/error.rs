//! Errors of the points capability.

use crate::error::kind::error_codes;
use crate::text::TextError;

/// Why a points command or event was refused.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
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
    /// An id, a name or a reason breaks its rule.
    #[error(transparent)]
    Text(#[from] TextError),
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
    /// A recorded event differs from the one the rules give for its entry's actor and
    /// day (replay): other points, lots, days or expiry, or an earning id of no kind.
    #[error("{field} of {id:?} is not what the rules give")]
    NotAsDecided {
        /// The earning, redemption or expiry run.
        id: String,
        /// The first field that differs.
        field: &'static str,
    },
}

error_codes! {
    PointsError {
        UnknownItem(..) => ("unknown_item", NotFound),
        ItemExists(..) => ("item_exists", Conflict),
        UnknownRedemption(..) => ("unknown_redemption", NotFound),
        RedemptionExists(..) => ("redemption_exists", Conflict),
        EarningExists(..) => ("earning_exists", Conflict),
        UnknownPerson(..) => ("unknown_person", NotFound),
        Text(inner) => delegate TextError,
        BadNumber { .. } => ("bad_number", Invalid),
        BadWindow(..) => ("bad_window", Invalid),
        KeyRequired => ("key_required", Invalid),
        InsufficientPoints { .. } => ("insufficient_points", Conflict),
        OutOfStock { .. } => ("out_of_stock", Conflict),
        LimitReached { .. } => ("limit_reached", Conflict),
        NotOnOffer { .. } => ("not_on_offer", Conflict),
        StarsNeeded { .. } => ("stars_needed", PermissionDenied),
        AlreadyReversed(..) => ("already_reversed", Conflict),
        NotEarnable { .. } => ("not_earnable", Invalid),
        CapReached { .. } => ("cap_reached", Conflict),
        BadLot { .. } => ("bad_lot", Conflict),
        NotAsDecided { .. } => ("not_as_decided", Invalid),
    }
}

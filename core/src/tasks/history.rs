//! A request's history in short: when it was closed (and whether late), reopened, rated,
//! given its extension, put under supervision, parked or withdrawn. `apply` keeps it from
//! the events, so replay rebuilds it; the indicators read it to count a request as it
//! stood at a period's end rather than as it stands now, so that a past period's figures
//! do not move when later events come.
//!
//! Times are kept in UTC without their offset (12 bytes rather than 16; the offset does
//! not order moments), and an entry is 28 bytes: a request closed and rated once holds
//! two.

use chrono::{DateTime, FixedOffset, NaiveDateTime};

use super::satisfaction::Satisfaction;

/// A moment in UTC.
pub(crate) type Moment = NaiveDateTime;

/// The moment `t` is, in UTC.
pub(crate) fn moment(t: DateTime<FixedOffset>) -> Moment {
    t.naive_utc()
}

/// What happened.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "snapshot", derive(serde::Serialize, serde::Deserialize))]
pub(crate) enum Mark {
    /// Closed; `late` when after the resolution deadline then in force.
    Closed { late: bool },
    /// Reopened; `was` is the resolution deadline it replaced.
    Reopened { was: Moment },
    /// Given its one extension; `was` is the resolution deadline it replaced.
    Extended { was: Moment },
    /// Rated by the filer.
    Rated(Satisfaction),
    /// Put under supervision.
    Supervised,
    /// Parked (挂账).
    Parked,
    /// Cancelled or marked a duplicate.
    Withdrawn,
}

/// One thing that happened, and when.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "snapshot", derive(serde::Serialize, serde::Deserialize))]
pub(crate) struct Entry {
    pub(crate) at: Moment,
    pub(crate) mark: Mark,
}

//! How a request stood at a moment, read from its history (see `history`): the
//! indicators count a request as it stood at a period's end.

use std::fmt::Write;

use chrono::{DateTime, FixedOffset};

use super::history::{moment, Entry, Mark, Moment};
use super::model::{Request, Satisfaction};

/// How a request stood at a moment, by its history up to then.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) struct Standing {
    /// Cancelled or marked a duplicate.
    pub(crate) withdrawn: bool,
    /// Closed (its last close not followed by a reopening).
    pub(crate) closed: bool,
    /// Closed at least once, reopened since or not.
    pub(crate) closed_once: bool,
    /// Some close came after the resolution deadline then in force.
    pub(crate) closed_late: bool,
    /// Reopened at least once.
    pub(crate) reopened: bool,
    /// Given its extension.
    pub(crate) extended: bool,
    /// Put under supervision.
    pub(crate) supervised: bool,
    /// Parked.
    pub(crate) parked: bool,
    /// Called departments in.
    pub(crate) whistled: bool,
    /// Its latest rating.
    pub(crate) rating: Option<Satisfaction>,
    /// The response and resolution deadlines in force, once dispatched.
    pub(crate) deadlines: Option<(Moment, Moment)>,
    /// When the responsible party first acted on it.
    pub(crate) responded_at: Option<Moment>,
}

impl Request {
    /// Records what happened at `at` (called by `apply` only).
    pub(crate) fn mark(&mut self, at: DateTime<FixedOffset>, mark: Mark) {
        // Kept exact in length: most requests hold two or three entries for life.
        let mut list = std::mem::take(&mut self.history).into_vec();
        list.push(Entry {
            at: moment(at),
            mark,
        });
        self.history = list.into_boxed_slice();
    }

    /// How the request stood just before `end`: only what happened before it counts.
    pub(crate) fn standing(&self, end: DateTime<FixedOffset>) -> Standing {
        let end = moment(end);
        let before = |t: Option<DateTime<FixedOffset>>| t.map(moment).filter(|&t| t < end);
        let mut s = Standing {
            whistled: self.whistles.iter().any(|w| moment(w.called_at) < end),
            responded_at: before(self.responded_at),
            ..Standing::default()
        };
        // The resolution deadline in force at the end: the one the first later change
        // replaced, or the one in force now.
        let mut resolution = self.deadlines.map(|d| moment(d.resolution));
        let mut replaced = false;
        for e in self.history.iter() {
            if e.at >= end {
                if let (false, Mark::Reopened { was } | Mark::Extended { was }) = (replaced, e.mark)
                {
                    resolution = resolution.map(|_| was);
                    replaced = true;
                }
                continue;
            }
            match e.mark {
                Mark::Closed { late } => {
                    s.closed = true;
                    s.closed_once = true;
                    s.closed_late |= late;
                }
                Mark::Reopened { .. } => {
                    s.closed = false;
                    s.reopened = true;
                }
                Mark::Extended { .. } => s.extended = true,
                Mark::Rated(level) => s.rating = Some(level),
                Mark::Supervised => s.supervised = true,
                Mark::Parked => s.parked = true,
                Mark::Withdrawn => s.withdrawn = true,
            }
        }
        if before(self.dispatched_at).is_some() {
            if let (Some(d), Some(resolution)) = (self.deadlines, resolution) {
                s.deadlines = Some((moment(d.response), resolution));
            }
        }
        s
    }

    /// The history as one line of text, for the state digest (empty when there is none).
    pub(crate) fn history_text(&self) -> String {
        let mut out = String::new();
        for e in self.history.iter() {
            let at = e.at.and_utc().to_rfc3339();
            // Writing to a String cannot fail.
            let _ = match e.mark {
                Mark::Closed { late } => write!(out, "closed:{late}@{at};"),
                Mark::Reopened { was } => write!(out, "reopened:{}@{at};", was.and_utc()),
                Mark::Extended { was } => write!(out, "extended:{}@{at};", was.and_utc()),
                Mark::Rated(level) => write!(out, "rated:{}@{at};", level.as_str()),
                Mark::Supervised => write!(out, "supervised@{at};"),
                Mark::Parked => write!(out, "parked@{at};"),
                Mark::Withdrawn => write!(out, "withdrawn@{at};"),
            };
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_entry_stays_small() {
        assert_eq!(std::mem::size_of::<Entry>(), 28);
    }
}

//! Which years a calendar holds the holidays of, and what it says of a deadline counted
//! through a year it does not: a warning, or a refusal when the calendar is strict.

use std::fmt;

use chrono::{DateTime, Datelike, FixedOffset, NaiveDate};
use serde::Serialize;

use super::{Calendar, CalendarError, Limit};

/// What a calendar warns of a deadline it counted: a typed note with a stable `code`.
///
/// In JSON: `{"code": "uncovered_year", "year": 2027}`.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, gridward_derive::TaggedDeserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(tag = "code", rename_all = "snake_case")]
#[non_exhaustive]
pub enum CalendarWarning {
    /// The deadline runs through a year the calendar holds no holidays for (no preset, no
    /// listed date, not declared covered): it was counted as if that year had no public
    /// holidays and no make-up working days, which is not so in mainland China.
    UncoveredYear {
        /// The year.
        year: i32,
    },
}

impl CalendarWarning {
    /// The warning's stable code: `uncovered_year`.
    pub fn code(&self) -> &'static str {
        match self {
            CalendarWarning::UncoveredYear { .. } => "uncovered_year",
        }
    }
}

impl fmt::Display for CalendarWarning {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            CalendarWarning::UncoveredYear { year } => write!(
                f,
                "the calendar has no holidays for {year}: the deadline counts it as a year \
                 without public holidays"
            ),
        }
    }
}

impl Calendar {
    /// Whether the calendar holds the holidays of `year`: one of its presets is of that
    /// year, a holiday or make-up working day of that year is listed, or the year is
    /// declared covered.
    pub fn covers(&self, year: i32) -> bool {
        self.covered.binary_search(&year).is_ok()
    }

    /// The years the calendar covers, in order.
    pub fn covered_years(&self) -> &[i32] {
        &self.covered
    }

    /// The years from the date of `from` to the date of `to` (both included, in the
    /// calendar's zone; in either order) that the calendar does not cover, in order.
    pub fn uncovered_years(
        &self,
        from: DateTime<FixedOffset>,
        to: DateTime<FixedOffset>,
    ) -> Vec<i32> {
        let (from, to) = if to < from { (to, from) } else { (from, to) };
        match (self.local_date(from), self.local_date(to)) {
            (Some(a), Some(b)) => (a.year()..=b.year()).filter(|y| !self.covers(*y)).collect(),
            _ => Vec::new(),
        }
    }

    /// What the calendar warns of a span of working time from `from` to `to` (a deadline
    /// and the moment it was counted from): one [`CalendarWarning::UncoveredYear`] for
    /// each year of the span it does not cover.
    pub fn warnings(
        &self,
        from: DateTime<FixedOffset>,
        to: DateTime<FixedOffset>,
    ) -> Vec<CalendarWarning> {
        self.uncovered_years(from, to)
            .into_iter()
            .map(|year| CalendarWarning::UncoveredYear { year })
            .collect()
    }

    /// The [`deadline`](Calendar::deadline) and what the calendar warns of it: the years
    /// it runs through without holidays, for a limit in working time (natural hours and
    /// days do not depend on holidays, so they carry none).
    pub fn deadline_with_warnings(
        &self,
        start: DateTime<FixedOffset>,
        limit: Limit,
    ) -> Result<(DateTime<FixedOffset>, Vec<CalendarWarning>), CalendarError> {
        let due = self.deadline(start, limit)?;
        let warnings = if limit.unit.is_working_time() && limit.amount > 0 {
            self.warnings(start, due)
        } else {
            Vec::new()
        };
        Ok((due, warnings))
    }

    /// For a strict calendar, refuses a span of working time through a year it does not
    /// cover, naming the first.
    pub(super) fn check_coverage(
        &self,
        from: DateTime<FixedOffset>,
        to: DateTime<FixedOffset>,
    ) -> Result<(), CalendarError> {
        if !self.strict {
            return Ok(());
        }
        match self.uncovered_years(from, to).first() {
            Some(&year) => Err(CalendarError::UncoveredYear { year }),
            None => Ok(()),
        }
    }

    /// The date of `t` in the calendar's zone, if chrono can represent it.
    fn local_date(&self, t: DateTime<FixedOffset>) -> Option<NaiveDate> {
        t.naive_utc()
            .checked_add_offset(self.zone)
            .map(|local| local.date())
    }
}

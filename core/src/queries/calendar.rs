//! The working-time calendar as a pure function: the deadline of a time limit counted on
//! a calendar, and what the calendar warns of it.

use chrono::{DateTime, FixedOffset};
use serde::{Deserialize, Serialize};

use crate::calendar::{Calendar, CalendarWarning, Limit};
use crate::error::Error;
use crate::queries::typed::Function;

/// The deadline of a time limit from a moment, counted on a calendar (the default one,
/// with the State Council's holidays of every year the library has, when none is given):
/// one working day from Friday 3 April 2026, 09:00, is Tuesday 7 April, 09:00, because
/// Qingming keeps the Monday off.
#[derive(Clone, Debug, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Deadline {
    /// The moment the limit runs from.
    pub start: DateTime<FixedOffset>,
    /// The limit: working hours or days, or natural hours or days.
    pub limit: Limit,
    /// The calendar; the default one when absent.
    #[serde(default)]
    pub calendar: Option<Calendar>,
}

/// A deadline and what the calendar warns of it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct CountedDeadline {
    /// The moment the limit runs out, in the calendar's zone.
    pub due: DateTime<FixedOffset>,
    /// The years the count ran through without a holiday table (working time only);
    /// empty when every year was covered. A strict calendar refuses instead.
    pub warnings: Vec<CalendarWarning>,
}

impl Function for Deadline {
    type Answer = CountedDeadline;

    fn call(self) -> Result<Self::Answer, Error> {
        let calendar = self.calendar.unwrap_or_default();
        let (due, warnings) = calendar.deadline_with_warnings(self.start, self.limit)?;
        Ok(CountedDeadline { due, warnings })
    }
}

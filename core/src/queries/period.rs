//! The period a query counts over, from its arguments.

use chrono::{DateTime, FixedOffset};

use crate::error::input::{InputError, Problem};
use crate::error::Error;
use crate::tasks::Period;

/// The period from `start` to `end`, refused when it ends before it starts.
pub fn period(start: DateTime<FixedOffset>, end: DateTime<FixedOffset>) -> Result<Period, Error> {
    if end < start {
        let why = format!(
            "the period ends ({}) before it starts ({})",
            end.to_rfc3339(),
            start.to_rfc3339()
        );
        return Err(InputError::new("end", Problem::Rejected(why)).into());
    }
    Ok(Period {
        from: start,
        to: end,
    })
}

//! Errors of the working-time calendar.

use chrono::NaiveDate;

use crate::error::kind::error_codes;

/// Why a calendar, a limit or a deadline was refused.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum CalendarError {
    /// The zone is not a UTC offset such as `+08:00`, or not a whole number of minutes.
    #[error("zone {0:?} is not a UTC offset of whole minutes such as +08:00")]
    BadZone(String),
    /// A weekday name that is not one of `mon` … `sun`.
    #[error("weekday {0:?} is not one of mon, tue, wed, thu, fri, sat, sun")]
    BadWeekday(String),
    /// A working-period bound that is not a time of day `HH:MM`.
    #[error("working-hours bound {0:?} is not a time of day HH:MM (00:00 to 24:00)")]
    BadTime(String),
    /// A working period that does not end after it starts, or has bounds finer than a minute.
    #[error("working period {start}–{end} must start before it ends, on whole minutes")]
    BadPeriod {
        /// Its start, as `HH:MM[:SS]`.
        start: String,
        /// Its end, as `HH:MM[:SS]` (`24:00` for the end of the day).
        end: String,
    },
    /// Two working periods overlap or are out of order.
    #[error("working periods must be in order and not overlap: {first} is followed by {second}")]
    OverlappingPeriods {
        /// The earlier period, as `HH:MM–HH:MM`.
        first: String,
        /// The period after it, as `HH:MM–HH:MM`.
        second: String,
    },
    /// A date that is not `YYYY-MM-DD`.
    #[error("{what} {value:?} is not a date YYYY-MM-DD")]
    BadDate {
        /// Which list it was in (`holiday` or `make-up day`).
        what: &'static str,
        /// The text given.
        value: String,
    },
    /// A date listed both as a public holiday and as a make-up working day.
    #[error("{0} is listed both as a holiday and as a make-up working day")]
    HolidayAndMakeUpDay(NaiveDate),
    /// The calendar has no working time at all: no working periods, or no working weekdays
    /// and no make-up working days.
    #[error("the calendar has no working time: it needs working hours and a working weekday or make-up day")]
    NoWorkingTime,
    /// No working day was found within the scan limit (about ten years) after a date.
    #[error("no working day within {days} days after {after}")]
    NoWorkingDayWithin {
        /// The last date scanned from.
        after: NaiveDate,
        /// How many days were scanned.
        days: u32,
    },
    /// The result lies outside the dates chrono can represent.
    #[error("the result lies outside the representable range of dates")]
    OutOfRange,
    /// A limit that is not an amount followed by `wh`, `wd`, `h` or `d`.
    #[error("limit {0:?} is not an amount and a unit such as 5wh, 15wd, 24h or 3d")]
    BadLimit(String),
    /// A preset name the library has no table for.
    #[error("no holiday preset is named {0:?}; the presets are {presets}", presets = preset_names())]
    UnknownPreset(String),
    /// A strict calendar was asked for a deadline through a year it holds no holidays for.
    #[error("the calendar has no holidays for {year}: add its preset or list its holidays (or declare it covered) before counting a deadline through it")]
    UncoveredYear {
        /// The first such year.
        year: i32,
    },
}

/// The presets' names, for messages: `cn-2025, cn-2026`.
fn preset_names() -> String {
    let names: Vec<&str> = super::PRESETS.iter().map(|p| p.name).collect();
    names.join(", ")
}

error_codes! {
    CalendarError {
        BadZone(..) => ("bad_zone", Invalid),
        BadWeekday(..) => ("bad_weekday", Invalid),
        BadTime(..) => ("bad_time", Invalid),
        BadPeriod { .. } => ("bad_period", Invalid),
        OverlappingPeriods { .. } => ("overlapping_periods", Invalid),
        BadDate { .. } => ("bad_date", Invalid),
        HolidayAndMakeUpDay(..) => ("holiday_and_make_up_day", Invalid),
        NoWorkingTime => ("no_working_time", Invalid),
        NoWorkingDayWithin { .. } => ("no_working_day", Invalid),
        OutOfRange => ("date_out_of_range", Invalid),
        BadLimit(..) => ("bad_limit", Invalid),
        UnknownPreset(..) => ("unknown_preset", Invalid),
        UncoveredYear { .. } => ("uncovered_year", Invalid),
    }
}

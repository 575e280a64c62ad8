//! Working time (工作日 / 工作时间): a calendar of working weekdays and working periods
//! in one zone, with public holidays (法定节假日) and make-up working days (调休上班日),
//! and the deadlines of time limits (时限) counted on it.
//!
//! The module is pure: times are always given, never read from a clock.
//!
//! ```
//! use chrono::{DateTime, NaiveDate};
//! use gridward::calendar::{Calendar, Limit};
//!
//! # fn main() -> Result<(), Box<dyn std::error::Error>> {
//! // Spring Festival 2025: 28 January to 4 February off, Sunday 26 January worked.
//! let calendar: Calendar = serde_json::from_str(r#"{
//!     "zone": "+08:00",
//!     "holidays": ["2025-01-28", "2025-01-29", "2025-01-30", "2025-01-31",
//!                  "2025-02-01", "2025-02-02", "2025-02-03", "2025-02-04"],
//!     "make_up_days": ["2025-01-26", "2025-02-08"]
//! }"#)?;
//! assert_eq!(calendar.minutes_per_day(), 480); // default hours: 08:30–12:00, 13:30–18:00
//! assert!(calendar.is_working_day(NaiveDate::from_ymd_opt(2025, 1, 26).ok_or("date")?));
//!
//! // Filed on the Monday before the break, one working day is due after it.
//! let filed = DateTime::parse_from_rfc3339("2025-01-27T10:00:00+08:00")?;
//! let due = calendar.deadline(filed, "1wd".parse::<Limit>()?)?;
//! assert_eq!(due.to_rfc3339(), "2025-02-05T10:00:00+08:00");
//! assert_eq!(calendar.working_minutes_between(filed, due), 480);
//!
//! // Natural time ignores the calendar.
//! let due = calendar.deadline(filed, Limit::hours(24))?;
//! assert_eq!(due.to_rfc3339(), "2025-01-28T10:00:00+08:00");
//! # Ok(())
//! # }
//! ```

mod clock;
mod config;
#[cfg(test)]
mod config_tests;
mod deadline;
mod error;
#[cfg(test)]
mod guard_tests;
mod limit;
#[cfg(test)]
mod proptests;
#[cfg(test)]
mod tests;

use std::fmt;

use chrono::{Datelike, FixedOffset, NaiveDate, NaiveTime, Timelike, Weekday};
use serde::{Deserialize, Serialize};

pub use config::CalendarConfig;
pub use error::CalendarError;
pub use limit::{Limit, LimitUnit};

// The panics below are in constants, so they are evaluated (and ruled out) at compile time.

/// China Standard Time, the default zone.
const CHINA_STANDARD_TIME: FixedOffset = match FixedOffset::east_opt(8 * 3600) {
    Some(zone) => zone,
    None => panic!("+08:00 is a valid offset"),
};

/// The default working periods: 08:30–12:00 and 13:30–18:00.
const DEFAULT_HOURS: [WorkingPeriod; 2] = [
    WorkingPeriod {
        start: clock(8, 30),
        end: clock(12, 0),
    },
    WorkingPeriod {
        start: clock(13, 30),
        end: clock(18, 0),
    },
];

/// A time of day, for constants.
const fn clock(hour: u32, minute: u32) -> NaiveTime {
    match NaiveTime::from_hms_opt(hour, minute, 0) {
        Some(time) => time,
        None => panic!("a valid time of day"),
    }
}

/// One working period within a day, from `start` (included) to `end` (excluded).
///
/// An `end` of `00:00` means midnight at the end of the day (written `24:00`), so a period
/// `00:00`–`24:00` covers the whole day. Bounds are whole minutes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct WorkingPeriod {
    /// When work starts.
    pub start: NaiveTime,
    /// When work stops; `00:00` stands for `24:00`.
    pub end: NaiveTime,
}

impl WorkingPeriod {
    /// A checked period: `start` before `end` (with `00:00` as end meaning `24:00`), on whole
    /// minutes.
    pub fn new(start: NaiveTime, end: NaiveTime) -> Result<WorkingPeriod, CalendarError> {
        let period = WorkingPeriod { start, end };
        period.check()?;
        Ok(period)
    }

    /// Parses two bounds written `HH:MM`; the end may be `24:00`.
    pub fn parse(start: &str, end: &str) -> Result<WorkingPeriod, CalendarError> {
        let start = clock::parse_clock(start, false)?;
        let end = clock::parse_clock(end, true)?;
        WorkingPeriod::new(start, end)
    }

    /// The start as minutes after midnight.
    pub fn start_minute(&self) -> u32 {
        self.start.num_seconds_from_midnight() / 60
    }

    /// The end as minutes after midnight (1440 for an end of `00:00`, i.e. `24:00`).
    pub fn end_minute(&self) -> u32 {
        if self.end == NaiveTime::MIN {
            1440
        } else {
            self.end.num_seconds_from_midnight() / 60
        }
    }

    /// Working minutes in the period (0 for an inverted one).
    pub fn minutes(&self) -> u32 {
        self.end_minute().saturating_sub(self.start_minute())
    }

    fn check(&self) -> Result<(), CalendarError> {
        let whole = |t: NaiveTime| t.second() == 0 && t.nanosecond() == 0;
        if whole(self.start) && whole(self.end) && self.start_minute() < self.end_minute() {
            Ok(())
        } else {
            Err(CalendarError::BadPeriod {
                start: clock::format_clock(self.start, false),
                end: clock::format_clock(self.end, true),
            })
        }
    }
}

impl fmt::Display for WorkingPeriod {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let start = clock::format_clock(self.start, false);
        write!(f, "{start}–{}", clock::format_clock(self.end, true))
    }
}

/// A set of weekdays as a bit mask (bit 0 is Monday).
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
struct WeekdaySet(u8);

impl WeekdaySet {
    const MONDAY_TO_FRIDAY: WeekdaySet = WeekdaySet(0b0001_1111);

    fn bit(day: Weekday) -> u8 {
        1 << day.num_days_from_monday()
    }

    fn contains(self, day: Weekday) -> bool {
        self.0 & Self::bit(day) != 0
    }

    fn len(self) -> u32 {
        self.0.count_ones()
    }

    fn iter(self) -> impl Iterator<Item = Weekday> {
        let all = [
            Weekday::Mon,
            Weekday::Tue,
            Weekday::Wed,
            Weekday::Thu,
            Weekday::Fri,
            Weekday::Sat,
            Weekday::Sun,
        ];
        all.into_iter().filter(move |d| self.contains(*d))
    }
}

impl FromIterator<Weekday> for WeekdaySet {
    fn from_iter<I: IntoIterator<Item = Weekday>>(days: I) -> Self {
        WeekdaySet(days.into_iter().fold(0, |mask, d| mask | Self::bit(d)))
    }
}

impl fmt::Debug for WeekdaySet {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_set().entries(self.iter()).finish()
    }
}

/// A working-time calendar (工作日历) in one zone: working weekdays, working periods within
/// a day, public holidays and make-up working days (调休上班日).
///
/// A date is a working day when its weekday is a working weekday and it is not a holiday,
/// or when it is a make-up working day (a make-up day wins if a date is in both lists,
/// though [`validate`](Calendar::validate) refuses such a calendar). The clock of working
/// time runs only inside the working periods of working days.
///
/// The default is Monday to Friday, 08:30–12:00 and 13:30–18:00 (8 working hours a day),
/// in `+08:00`, with no holidays.
///
/// In JSON (config files) a calendar reads and writes as
/// `{"zone": "+08:00", "weekdays": ["mon","tue","wed","thu","fri"],
/// "hours": [["08:30","12:00"],["13:30","18:00"]], "holidays": ["2025-01-01"],
/// "make_up_days": ["2025-01-26"]}`; every field is optional and defaults as above, unknown
/// fields are refused, and reading runs [`validate`](Calendar::validate), so a bad calendar
/// (overlapping hours, `"25:00"`, a date in both lists) fails to load with a clear message.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(try_from = "CalendarConfig", into = "CalendarConfig")]
pub struct Calendar {
    zone: FixedOffset,
    weekdays: WeekdaySet,
    hours: Vec<WorkingPeriod>,
    /// Sorted, without duplicates.
    holidays: Vec<NaiveDate>,
    /// Sorted, without duplicates.
    make_up_days: Vec<NaiveDate>,
}

impl Default for Calendar {
    fn default() -> Self {
        Calendar {
            zone: CHINA_STANDARD_TIME,
            weekdays: WeekdaySet::MONDAY_TO_FRIDAY,
            hours: DEFAULT_HOURS.to_vec(),
            holidays: Vec::new(),
            make_up_days: Vec::new(),
        }
    }
}

impl Calendar {
    /// A validated calendar without holidays: its zone, working weekdays and working periods
    /// (in order, not overlapping).
    pub fn new(
        zone: FixedOffset,
        weekdays: impl IntoIterator<Item = Weekday>,
        periods: impl IntoIterator<Item = WorkingPeriod>,
    ) -> Result<Calendar, CalendarError> {
        let calendar = Calendar {
            zone,
            weekdays: weekdays.into_iter().collect(),
            hours: periods.into_iter().collect(),
            holidays: Vec::new(),
            make_up_days: Vec::new(),
        };
        calendar.validate()?;
        Ok(calendar)
    }

    /// Adds public holidays and make-up working days (调休上班日) to those already held.
    /// Order and repetition do not matter. A date in both lists makes the calendar invalid
    /// (see [`validate`](Calendar::validate)).
    pub fn with_holidays(
        mut self,
        holidays: impl IntoIterator<Item = NaiveDate>,
        make_up_days: impl IntoIterator<Item = NaiveDate>,
    ) -> Calendar {
        merge_dates(&mut self.holidays, holidays);
        merge_dates(&mut self.make_up_days, make_up_days);
        self
    }

    /// Checks the calendar: the zone is whole minutes; periods start before they end, are
    /// in order and do not overlap; no date is both a holiday and a make-up day; and there
    /// is some working time (a period, and a working weekday or a make-up day).
    pub fn validate(&self) -> Result<(), CalendarError> {
        if self.zone.local_minus_utc() % 60 != 0 {
            return Err(CalendarError::BadZone(self.zone.to_string()));
        }
        self.check_periods()?;
        if let Some(date) = first_common(&self.holidays, &self.make_up_days) {
            return Err(CalendarError::HolidayAndMakeUpDay(date));
        }
        Ok(())
    }

    /// What the arithmetic needs: well-formed periods and some working time.
    fn check_periods(&self) -> Result<(), CalendarError> {
        for period in &self.hours {
            period.check()?;
        }
        for pair in self.hours.windows(2) {
            if pair[0].end_minute() > pair[1].start_minute() {
                return Err(CalendarError::OverlappingPeriods {
                    first: pair[0].to_string(),
                    second: pair[1].to_string(),
                });
            }
        }
        if self.hours.is_empty() || (self.weekdays.len() == 0 && self.make_up_days.is_empty()) {
            return Err(CalendarError::NoWorkingTime);
        }
        Ok(())
    }

    /// Whether `date` is a working day: a working weekday that is not a holiday, or a
    /// make-up working day.
    pub fn is_working_day(&self, date: NaiveDate) -> bool {
        self.is_make_up_day(date)
            || (self.weekdays.contains(date.weekday()) && !self.is_holiday(date))
    }

    /// Whether `date` is listed as a public holiday.
    pub fn is_holiday(&self, date: NaiveDate) -> bool {
        self.holidays.binary_search(&date).is_ok()
    }

    /// Whether `date` is listed as a make-up working day.
    pub fn is_make_up_day(&self, date: NaiveDate) -> bool {
        self.make_up_days.binary_search(&date).is_ok()
    }

    /// Working minutes in a working day (480 for the default calendar).
    pub fn minutes_per_day(&self) -> u32 {
        self.hours.iter().map(WorkingPeriod::minutes).sum()
    }

    /// The calendar's zone; results are given in it.
    pub fn zone(&self) -> FixedOffset {
        self.zone
    }

    /// The working weekdays, Monday first.
    pub fn weekdays(&self) -> Vec<Weekday> {
        self.weekdays.iter().collect()
    }

    /// The working periods of a working day, in order.
    pub fn periods(&self) -> &[WorkingPeriod] {
        &self.hours
    }

    /// The public holidays, sorted.
    pub fn holidays(&self) -> &[NaiveDate] {
        &self.holidays
    }

    /// The make-up working days, sorted.
    pub fn make_up_days(&self) -> &[NaiveDate] {
        &self.make_up_days
    }
}

/// Adds dates to a sorted list, keeping it sorted and without duplicates.
fn merge_dates(list: &mut Vec<NaiveDate>, more: impl IntoIterator<Item = NaiveDate>) {
    list.extend(more);
    list.sort_unstable();
    list.dedup();
}

/// The first date in both sorted lists.
fn first_common(a: &[NaiveDate], b: &[NaiveDate]) -> Option<NaiveDate> {
    let (mut i, mut j) = (0, 0);
    while let (Some(x), Some(y)) = (a.get(i), b.get(j)) {
        match x.cmp(y) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => return Some(*x),
        }
    }
    None
}

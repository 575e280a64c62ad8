//! Working time (工作日 / 工作时间): a calendar of working weekdays and working periods
//! in one zone, with public holidays (法定节假日) and make-up working days (调休上班日),
//! and the deadlines of time limits (时限) counted on it.
//!
//! The State Council's tables of 2025 and 2026 are compiled in as [presets](presets)
//! (`cn-2025`, `cn-2026`) and the default calendar selects every one the library has.
//! A calendar *covers* a year when it holds that year's holidays (see
//! [`Calendar::covers`]); a deadline counted through a year it does not cover carries a
//! [`CalendarWarning`], or is refused with [`CalendarError::UncoveredYear`] when the
//! calendar is strict — it is never quietly counted as if the year had no holidays.
//!
//! The module is pure: times are always given, never read from a clock.
//!
//! ```
//! use chrono::{DateTime, NaiveDate};
//! use gridward::calendar::{Calendar, CalendarWarning, Limit};
//!
//! # fn main() -> Result<(), Box<dyn std::error::Error>> {
//! // The default calendar: Monday to Friday, 08:30–12:00 and 13:30–18:00, in +08:00,
//! // with the State Council's holidays and make-up working days of 2025 and 2026.
//! let calendar = Calendar::default();
//! assert_eq!(calendar.minutes_per_day(), 480);
//! let saturday = NaiveDate::from_ymd_opt(2026, 2, 14).ok_or("date")?;
//! assert!(calendar.is_make_up_day(saturday) && calendar.is_working_day(saturday));
//!
//! // Filed on the make-up Saturday before Spring Festival (15–23 February 2026), one
//! // working day is due on the first working day after it.
//! let filed = DateTime::parse_from_rfc3339("2026-02-14T10:00:00+08:00")?;
//! let due = calendar.deadline(filed, "1wd".parse::<Limit>()?)?;
//! assert_eq!(due.to_rfc3339(), "2026-02-24T10:00:00+08:00");
//! assert_eq!(calendar.working_minutes_between(filed, due), 480);
//! assert!(calendar.warnings(filed, due).is_empty());
//!
//! // Natural time ignores the calendar.
//! let due = calendar.deadline(filed, Limit::hours(24))?;
//! assert_eq!(due.to_rfc3339(), "2026-02-15T10:00:00+08:00");
//!
//! // 2027 has no table yet: the deadline says so, or a strict calendar refuses it.
//! let filed = DateTime::parse_from_rfc3339("2027-02-05T10:00:00+08:00")?;
//! let (due, warnings) = calendar.deadline_with_warnings(filed, Limit::working_days(5))?;
//! assert_eq!(due.to_rfc3339(), "2027-02-12T10:00:00+08:00");
//! assert_eq!(warnings, vec![CalendarWarning::UncoveredYear { year: 2027 }]);
//! let strict: Calendar = serde_json::from_str(r#"{"presets": ["cn-2026"], "strict": true}"#)?;
//! let refused = strict.deadline(filed, Limit::working_days(5)).map_err(|e| e.code());
//! assert_eq!(refused, Err("uncovered_year"));
//! # Ok(())
//! # }
//! ```

mod clock;
mod config;
#[cfg(test)]
mod config_tests;
mod coverage;
#[cfg(test)]
mod coverage_tests;
mod deadline;
mod error;
#[cfg(test)]
mod guard_tests;
mod limit;
#[cfg(test)]
mod preset_tests;
pub mod presets;
#[cfg(test)]
mod proptests;
#[cfg(test)]
mod tests;

use std::fmt;

use chrono::{Datelike, FixedOffset, NaiveDate, NaiveTime, Timelike, Weekday};
use serde::{Deserialize, Serialize};

pub use config::CalendarConfig;
pub use coverage::CalendarWarning;
pub use error::CalendarError;
pub use limit::{Limit, LimitUnit};
pub use presets::{Break, Preset, PRESETS};

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
/// The default is mainland China's: Monday to Friday, 08:30–12:00 and 13:30–18:00 (8
/// working hours a day), in `+08:00`, with the holidays and make-up working days of every
/// [preset](presets) the library has (the State Council's tables of 2025 and 2026).
///
/// A calendar *covers* the years of its presets, the years of the holidays and make-up
/// days listed in it, and the years it declares covered (`covered_years`, for a year
/// known to have no holidays). A deadline counted through any other year carries a
/// [`CalendarWarning`] ([`warnings`](Calendar::warnings)); a *strict* calendar refuses
/// it with [`CalendarError::UncoveredYear`] instead.
///
/// In JSON (config files) a calendar reads and writes as
/// `{"zone": "+08:00", "weekdays": ["mon","tue","wed","thu","fri"],
/// "hours": [["08:30","12:00"],["13:30","18:00"]], "presets": ["cn-2025","cn-2026"],
/// "holidays": ["2027-01-01"], "make_up_days": [], "covered_years": [], "strict": false}`;
/// every field is optional and defaults as above, unknown fields are refused, and reading
/// runs [`validate`](Calendar::validate), so a bad calendar (overlapping hours, `"25:00"`,
/// a date in both lists, an unknown preset) fails to load with a clear message.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(try_from = "CalendarConfig", into = "CalendarConfig")]
pub struct Calendar {
    zone: FixedOffset,
    weekdays: WeekdaySet,
    hours: Vec<WorkingPeriod>,
    /// The presets' and the listed ones; sorted, without duplicates.
    holidays: Vec<NaiveDate>,
    /// The presets' and the listed ones; sorted, without duplicates.
    make_up_days: Vec<NaiveDate>,
    /// The presets selected, in the order given, without repeats.
    presets: Vec<&'static Preset>,
    /// The years declared covered although no date of theirs is listed; sorted.
    declared_years: Vec<i32>,
    /// Every year covered: the presets', the listed dates', the declared; sorted.
    covered: Vec<i32>,
    /// Whether a deadline through a year not covered is refused rather than warned of.
    strict: bool,
}

impl Default for Calendar {
    fn default() -> Self {
        PRESETS
            .iter()
            .fold(Calendar::without_holidays(), Calendar::with_preset)
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
            ..Calendar::without_holidays()
        };
        calendar.validate()?;
        Ok(calendar)
    }

    /// The default week and hours (Monday to Friday, 08:30–12:00 and 13:30–18:00, in
    /// `+08:00`) without any holidays or presets: it covers no year until some are added.
    pub fn without_holidays() -> Calendar {
        Calendar {
            zone: CHINA_STANDARD_TIME,
            weekdays: WeekdaySet::MONDAY_TO_FRIDAY,
            hours: DEFAULT_HOURS.to_vec(),
            holidays: Vec::new(),
            make_up_days: Vec::new(),
            presets: Vec::new(),
            declared_years: Vec::new(),
            covered: Vec::new(),
            strict: false,
        }
    }

    /// Adds public holidays and make-up working days (调休上班日) to those already held;
    /// the calendar then covers their years. Order and repetition do not matter. A date
    /// in both lists makes the calendar invalid (see [`validate`](Calendar::validate)).
    pub fn with_holidays(
        mut self,
        holidays: impl IntoIterator<Item = NaiveDate>,
        make_up_days: impl IntoIterator<Item = NaiveDate>,
    ) -> Calendar {
        let (before, made_up) = (self.holidays.len(), self.make_up_days.len());
        merge_dates(&mut self.holidays, holidays);
        merge_dates(&mut self.make_up_days, make_up_days);
        if self.holidays.len() != before || self.make_up_days.len() != made_up {
            let years = self.holidays.iter().chain(&self.make_up_days);
            merge_years(&mut self.covered, years.map(|d| d.year()));
        }
        self
    }

    /// Adds a preset's holidays and make-up working days; the calendar then covers its
    /// year. Adding one twice changes nothing.
    pub fn with_preset(mut self, preset: &'static Preset) -> Calendar {
        if self.presets.contains(&preset) {
            return self;
        }
        merge_dates(&mut self.holidays, preset.holidays());
        merge_dates(&mut self.make_up_days, preset.make_up_days());
        merge_years(&mut self.covered, [preset.year]);
        self.presets.push(preset);
        self
    }

    /// Adds the presets of these names (`cn-2025` …), or names the first the library does
    /// not have.
    pub fn with_presets<S: AsRef<str>>(
        self,
        names: impl IntoIterator<Item = S>,
    ) -> Result<Calendar, CalendarError> {
        names.into_iter().try_fold(self, |calendar, name| {
            let name = name.as_ref();
            let preset =
                Preset::find(name).ok_or_else(|| CalendarError::UnknownPreset(name.to_owned()))?;
            Ok(calendar.with_preset(preset))
        })
    }

    /// Declares years covered although none of their dates is listed: years known to have
    /// no public holidays for this calendar's users.
    pub fn with_covered_years(mut self, years: impl IntoIterator<Item = i32>) -> Calendar {
        let years: Vec<i32> = years.into_iter().collect();
        merge_years(&mut self.declared_years, years.iter().copied());
        merge_years(&mut self.covered, years);
        self
    }

    /// Makes the calendar strict (a deadline through a year it does not cover is refused
    /// with [`CalendarError::UncoveredYear`]) or lenient (it carries a warning).
    pub fn with_strict(mut self, strict: bool) -> Calendar {
        self.strict = strict;
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

    /// The presets selected, in the order given.
    pub fn presets(&self) -> &[&'static Preset] {
        &self.presets
    }

    /// Whether a deadline through a year the calendar does not cover is refused.
    pub fn is_strict(&self) -> bool {
        self.strict
    }
}

/// Adds dates to a sorted list, keeping it sorted and without duplicates.
fn merge_dates(list: &mut Vec<NaiveDate>, more: impl IntoIterator<Item = NaiveDate>) {
    list.extend(more);
    list.sort_unstable();
    list.dedup();
}

/// Adds years to a sorted list, keeping it sorted and without duplicates.
fn merge_years(list: &mut Vec<i32>, more: impl IntoIterator<Item = i32>) {
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

//! Working-time arithmetic: deadlines, working minutes between two moments, and where the
//! clock of working time runs.
//!
//! Moments are handled as a local date and nanoseconds since its midnight, in the
//! calendar's zone. Runs of "plain" days (neither holiday nor make-up day) are skipped a
//! whole week at a time, so the cost grows with the number of listed dates crossed, not
//! with the length of the limit.

use chrono::{
    DateTime, Datelike, Days, FixedOffset, NaiveDate, NaiveTime, TimeDelta, TimeZone, Timelike,
};

use super::{Calendar, CalendarError, Limit, LimitUnit, WorkingPeriod};

const SECOND_NS: i64 = 1_000_000_000;
const DAY_NS: i64 = 86_400 * SECOND_NS;
const MINUTE_NS: i128 = 60 * SECOND_NS as i128;
/// How many days in a row may pass without a working day before a deadline gives up.
const MAX_GAP_DAYS: u32 = 3_660;

/// A moment in the calendar's zone: a date and nanoseconds since its midnight.
#[derive(Clone, Copy)]
struct Local {
    date: NaiveDate,
    nanos: i64,
}

impl Calendar {
    /// The moment a time limit runs out, counted from `start`; given in the calendar's zone.
    ///
    /// - Working hours (`wh`): the clock runs only inside working periods of working days,
    ///   starting at `start`, or at the next working moment if `start` is outside working
    ///   time. A deadline that lands exactly on the end of a period is that end (Monday
    ///   08:30 + 8wh is Monday 18:00, not Tuesday 08:30).
    /// - Working days (`wd`): *n* working days are *n* × [`minutes_per_day`] working
    ///   minutes on the same clock. So a request filed on Monday at 10:00 with 1wd is due
    ///   on Tuesday at 10:00, and one filed on Sunday is due on Monday at 18:00.
    /// - Hours (`h`) and days (`d`): natural time, 60 minutes and 24 hours each, holidays
    ///   included.
    /// - An amount of 0: `start` itself (in the calendar's zone).
    ///
    /// A working-time deadline through a year the calendar does not
    /// [cover](Calendar::covers) is counted as if that year had no holidays:
    /// [`deadline_with_warnings`](Calendar::deadline_with_warnings) says so, and a strict
    /// calendar refuses it with [`CalendarError::UncoveredYear`].
    ///
    /// Errors if the calendar has malformed periods or no working time, if no working day
    /// comes within about ten years, if the result lies outside chrono's range, or (strict
    /// calendars) if it runs through a year not covered.
    ///
    /// [`minutes_per_day`]: Calendar::minutes_per_day
    pub fn deadline(
        &self,
        start: DateTime<FixedOffset>,
        limit: Limit,
    ) -> Result<DateTime<FixedOffset>, CalendarError> {
        let amount = u64::from(limit.amount);
        match limit.unit {
            _ if amount == 0 => self.in_zone(start),
            LimitUnit::Hours => self.natural(start, TimeDelta::try_hours(i64::from(limit.amount))),
            LimitUnit::Days => self.natural(start, TimeDelta::try_days(i64::from(limit.amount))),
            LimitUnit::WorkingHours => self.after_working_minutes(start, amount * 60),
            LimitUnit::WorkingDays => {
                self.after_working_minutes(start, amount * u64::from(self.minutes_per_day()))
            }
        }
    }

    /// The moment `minutes` working minutes after `start`, as [`deadline`](Self::deadline)
    /// counts working hours (0 minutes is `start` itself). Errors as `deadline` does.
    pub fn after_working_minutes(
        &self,
        start: DateTime<FixedOffset>,
        minutes: u64,
    ) -> Result<DateTime<FixedOffset>, CalendarError> {
        if minutes == 0 {
            return self.in_zone(start);
        }
        self.check_periods()?;
        let from = self.local(start)?;
        let at = self.advance(from, i128::from(minutes) * MINUTE_NS)?;
        let due = self.moment(at)?;
        self.check_coverage(start, due)?;
        Ok(due)
    }

    /// Working minutes from `from` to `to`: whole minutes, truncated, negative if `to` is
    /// before `from`. A calendar that fails [`validate`](Self::validate)'s period checks
    /// has none (0), as do moments outside chrono's range.
    pub fn working_minutes_between(
        &self,
        from: DateTime<FixedOffset>,
        to: DateTime<FixedOffset>,
    ) -> i64 {
        if to < from {
            return -self.working_minutes_between(to, from);
        }
        if self.check_periods().is_err() {
            return 0;
        }
        match (self.local(from), self.local(to)) {
            (Ok(a), Ok(b)) => {
                let nanos = self.working_nanos(a, b);
                i64::try_from(nanos / MINUTE_NS).unwrap_or(i64::MAX)
            }
            _ => 0,
        }
    }

    /// Whether the clock of working time runs at `t`: a working day, inside a working
    /// period (start included, end excluded).
    pub fn is_working_time(&self, t: DateTime<FixedOffset>) -> bool {
        if self.check_periods().is_err() {
            return false;
        }
        match self.local(t) {
            Ok(at) => {
                self.is_working_day(at.date)
                    && self.hours.iter().any(|p| {
                        let (start, end) = bounds(p);
                        (start..end).contains(&at.nanos)
                    })
            }
            Err(_) => false,
        }
    }

    /// `t` if it is working time, else the start of the next working period of a working
    /// day; in the calendar's zone. Errors as [`deadline`](Self::deadline) does.
    pub fn next_working_moment(
        &self,
        t: DateTime<FixedOffset>,
    ) -> Result<DateTime<FixedOffset>, CalendarError> {
        self.check_periods()?;
        let at = self.advance(self.local(t)?, 0)?;
        let next = self.moment(at)?;
        self.check_coverage(t, next)?;
        Ok(next)
    }

    /// Natural time added to `start`.
    fn natural(
        &self,
        start: DateTime<FixedOffset>,
        delta: Option<TimeDelta>,
    ) -> Result<DateTime<FixedOffset>, CalendarError> {
        let end = delta
            .and_then(|d| start.checked_add_signed(d))
            .ok_or(CalendarError::OutOfRange)?;
        self.in_zone(end)
    }

    /// `t` in the calendar's zone, refused if its local time is out of chrono's range.
    fn in_zone(&self, t: DateTime<FixedOffset>) -> Result<DateTime<FixedOffset>, CalendarError> {
        self.local(t)?;
        Ok(t.with_timezone(&self.zone))
    }

    fn local(&self, t: DateTime<FixedOffset>) -> Result<Local, CalendarError> {
        let local = t
            .naive_utc()
            .checked_add_offset(self.zone)
            .ok_or(CalendarError::OutOfRange)?;
        // A leap second's nanoseconds (≥ 10⁹) count as the last instant of its second.
        let nanos = i64::from(local.nanosecond().min(999_999_999));
        let nanos = i64::from(local.num_seconds_from_midnight()) * SECOND_NS + nanos;
        Ok(Local {
            date: local.date(),
            nanos,
        })
    }

    fn moment(&self, at: Local) -> Result<DateTime<FixedOffset>, CalendarError> {
        let (date, nanos) = if at.nanos >= DAY_NS {
            (
                at.date.succ_opt().ok_or(CalendarError::OutOfRange)?,
                at.nanos - DAY_NS,
            )
        } else {
            (at.date, at.nanos)
        };
        let secs = u32::try_from(nanos / SECOND_NS).map_err(|_| CalendarError::OutOfRange)?;
        let frac = u32::try_from(nanos % SECOND_NS).map_err(|_| CalendarError::OutOfRange)?;
        let time = NaiveTime::from_num_seconds_from_midnight_opt(secs, frac)
            .ok_or(CalendarError::OutOfRange)?;
        self.zone
            .from_local_datetime(&date.and_time(time))
            .single()
            .ok_or(CalendarError::OutOfRange)
    }

    /// Working nanoseconds in one week of plain days.
    fn week_nanos(&self) -> i128 {
        i128::from(self.weekdays.len()) * i128::from(self.minutes_per_day()) * MINUTE_NS
    }

    /// Consumes `need` nanoseconds of working time from `at`; with `need` 0 this is the
    /// next working moment. Expects checked periods.
    fn advance(&self, at: Local, need: i128) -> Result<Local, CalendarError> {
        let week = self.week_nanos();
        let Local {
            mut date,
            mut nanos,
        } = at;
        let mut remaining = need;
        let mut listed = Listed::new(self, date);
        // The last working day seen (or the start), and the days walked since.
        let mut last_working = date;
        let mut idle_days: u64 = 0;
        loop {
            if listed.is_working_day(date) {
                last_working = date;
                idle_days = 0;
                for period in &self.hours {
                    let (start, end) = bounds(period);
                    if nanos >= end {
                        continue;
                    }
                    let from = nanos.max(start);
                    let available = i128::from(end - from);
                    if remaining <= available {
                        // Fits in i64: remaining ≤ available < one day.
                        let offset = i64::try_from(remaining).unwrap_or(0);
                        return Ok(Local {
                            date,
                            nanos: from + offset,
                        });
                    }
                    remaining -= available;
                    nanos = end;
                }
            }
            date = date.succ_opt().ok_or(CalendarError::OutOfRange)?;
            nanos = 0;
            idle_days += 1;
            // Skip whole weeks of plain days, leaving at least one nanosecond so that the
            // landing happens day by day.
            if week == 0 || remaining > week {
                let weeks = listed.plain_weeks(date);
                let skip = if week == 0 {
                    weeks.min(u64::from(MAX_GAP_DAYS / 7 + 1))
                } else {
                    weeks.min(u64::try_from((remaining - 1) / week).unwrap_or(0))
                };
                if skip > 0 {
                    date = skip_weeks(date, skip)?;
                    remaining -= i128::from(skip) * week;
                    idle_days = if week == 0 { idle_days + 7 * skip } else { 0 };
                }
            }
            if idle_days > u64::from(MAX_GAP_DAYS) {
                return Err(CalendarError::NoWorkingDayWithin {
                    after: last_working,
                    days: MAX_GAP_DAYS,
                });
            }
        }
    }

    /// Working nanoseconds from `a` to `b` (`a` ≤ `b`). Expects checked periods.
    fn working_nanos(&self, a: Local, b: Local) -> i128 {
        let week = self.week_nanos();
        let Local {
            mut date,
            mut nanos,
        } = a;
        let mut total: i128 = 0;
        let mut listed = Listed::new(self, date);
        let mut days_left = b.date.signed_duration_since(date).num_days();
        loop {
            let until = if days_left == 0 { b.nanos } else { DAY_NS };
            if listed.is_working_day(date) {
                for period in &self.hours {
                    let (start, end) = bounds(period);
                    let overlap = end.min(until) - start.max(nanos);
                    total += i128::from(overlap.max(0));
                }
            }
            if days_left <= 0 {
                return total;
            }
            date = match date.succ_opt() {
                Some(next) => next,
                None => return total,
            };
            nanos = 0;
            days_left -= 1;
            if days_left >= 7 {
                let within = u64::try_from(days_left / 7).unwrap_or(0);
                let weeks = listed.plain_weeks(date).min(within);
                if weeks > 0 {
                    match skip_weeks(date, weeks) {
                        Ok(next) => date = next,
                        Err(_) => return total,
                    }
                    total += i128::from(weeks) * week;
                    days_left -= i64::try_from(weeks * 7).unwrap_or(days_left);
                }
            }
        }
    }
}

/// A period's bounds in nanoseconds since midnight (the end of `00:00` is the day's end).
fn bounds(period: &WorkingPeriod) -> (i64, i64) {
    let start = i64::from(period.start_minute()) * 60 * SECOND_NS;
    (start, i64::from(period.end_minute()) * 60 * SECOND_NS)
}

fn skip_weeks(date: NaiveDate, weeks: u64) -> Result<NaiveDate, CalendarError> {
    weeks
        .checked_mul(7)
        .and_then(|days| date.checked_add_days(Days::new(days)))
        .ok_or(CalendarError::OutOfRange)
}

/// A forward-only cursor over the calendar's holidays and make-up days, so that walking
/// day by day costs O(1) a day instead of two binary searches.
struct Listed<'a> {
    calendar: &'a Calendar,
    holiday: usize,
    make_up: usize,
}

impl<'a> Listed<'a> {
    fn new(calendar: &'a Calendar, date: NaiveDate) -> Self {
        Listed {
            calendar,
            holiday: calendar.holidays.partition_point(|d| *d < date),
            make_up: calendar.make_up_days.partition_point(|d| *d < date),
        }
    }

    /// Moves past the listed dates before `date` (dates only ever increase).
    fn seek(&mut self, date: NaiveDate) {
        let calendar = self.calendar;
        while calendar
            .holidays
            .get(self.holiday)
            .is_some_and(|d| *d < date)
        {
            self.holiday += 1;
        }
        while calendar
            .make_up_days
            .get(self.make_up)
            .is_some_and(|d| *d < date)
        {
            self.make_up += 1;
        }
    }

    fn is_working_day(&mut self, date: NaiveDate) -> bool {
        self.seek(date);
        let calendar = self.calendar;
        calendar.make_up_days.get(self.make_up) == Some(&date)
            || (calendar.weekdays.contains(date.weekday())
                && calendar.holidays.get(self.holiday) != Some(&date))
    }

    /// How many whole weeks of plain days start at `date`, before the next listed date;
    /// `u64::MAX` when no listed date follows.
    fn plain_weeks(&mut self, date: NaiveDate) -> u64 {
        self.seek(date);
        let calendar = self.calendar;
        let next = [
            calendar.holidays.get(self.holiday).copied(),
            calendar.make_up_days.get(self.make_up).copied(),
        ]
        .into_iter()
        .flatten()
        .min();
        match next {
            Some(end) => u64::try_from(end.signed_duration_since(date).num_days() / 7).unwrap_or(0),
            None => u64::MAX,
        }
    }
}

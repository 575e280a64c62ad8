//! The text form of a time of day, `HH:MM`, where a working period's end may be `24:00`.

use chrono::{NaiveTime, Timelike};

use super::error::CalendarError;

/// Parses `H:MM` or `HH:MM` (00:00 to 23:59); as an end, `24:00` too (held as 00:00).
pub(super) fn parse_clock(text: &str, is_end: bool) -> Result<NaiveTime, CalendarError> {
    let bad = || CalendarError::BadTime(text.to_owned());
    let (hours, minutes) = text.trim().split_once(':').ok_or_else(bad)?;
    let two_digits = |s: &str, min_len: usize| {
        (min_len..=2).contains(&s.len()) && s.bytes().all(|b| b.is_ascii_digit())
    };
    if !two_digits(hours, 1) || !two_digits(minutes, 2) {
        return Err(bad());
    }
    let hours: u32 = hours.parse().map_err(|_| bad())?;
    let minutes: u32 = minutes.parse().map_err(|_| bad())?;
    if is_end && hours == 24 && minutes == 0 {
        return Ok(NaiveTime::MIN);
    }
    NaiveTime::from_hms_opt(hours, minutes, 0).ok_or_else(bad)
}

/// `HH:MM`, with `:SS` only when there are seconds; as an end, 00:00 is `24:00`.
pub(super) fn format_clock(time: NaiveTime, is_end: bool) -> String {
    if is_end && time == NaiveTime::MIN {
        return "24:00".to_owned();
    }
    if time.second() == 0 && time.nanosecond() == 0 {
        time.format("%H:%M").to_string()
    } else {
        time.format("%H:%M:%S%.f").to_string()
    }
}

//! The calendar as written in config files, and the text forms of its zone and weekdays.

use chrono::{FixedOffset, NaiveDate, Weekday};
use serde::{Deserialize, Serialize};

use super::clock::{format_clock, parse_clock};
#[cfg(feature = "schema")]
use super::PRESETS;
use super::{Calendar, CalendarError, WorkingPeriod};

/// A calendar as written in JSON, before it is checked: every field is text, and every
/// field may be left out (it then takes the default calendar's value).
///
/// `Calendar`'s serde goes through this type: reading converts it with
/// [`TryFrom`], which parses every field and runs [`Calendar::validate`].
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(default, deny_unknown_fields)]
#[non_exhaustive]
pub struct CalendarConfig {
    /// The UTC offset, `"+08:00"`.
    pub zone: String,
    /// Working weekdays: `"mon"` … `"sun"` (full English names are accepted too).
    pub weekdays: Vec<String>,
    /// Working periods as `["HH:MM", "HH:MM"]`; an end may be `"24:00"`.
    pub hours: Vec<[String; 2]>,
    /// The State Council's holiday tables to include, by name (`"cn-2025"`, `"cn-2026"`);
    /// all of them by default, none with `[]`. Merged with `holidays` and `make_up_days`.
    #[cfg_attr(feature = "schema", schemars(schema_with = "preset_names"))]
    pub presets: Vec<String>,
    /// Public holidays beyond the presets', `"YYYY-MM-DD"`.
    pub holidays: Vec<String>,
    /// Make-up working days (调休上班日) beyond the presets', `"YYYY-MM-DD"`.
    pub make_up_days: Vec<String>,
    /// Years to count as covered although no holiday of theirs is listed (a year known to
    /// have none). A year is covered when a preset is of that year, a holiday or make-up
    /// day of that year is listed, or it is named here.
    pub covered_years: Vec<i32>,
    /// Refuse a deadline through a year that is not covered (error `uncovered_year`)
    /// instead of counting it without holidays and warning of it.
    pub strict: bool,
}

/// The presets' names, as the faces read them.
#[cfg(feature = "schema")]
fn preset_names(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
    let names: Vec<&str> = PRESETS.iter().map(|p| p.name).collect();
    schemars::json_schema!({
        "type": "array",
        "items": {"type": "string", "enum": names},
    })
}

impl Default for CalendarConfig {
    fn default() -> Self {
        CalendarConfig::from(Calendar::default())
    }
}

impl From<Calendar> for CalendarConfig {
    fn from(calendar: Calendar) -> Self {
        let dates = |list: &[NaiveDate]| -> Vec<String> {
            list.iter()
                .map(|d| d.format("%Y-%m-%d").to_string())
                .collect()
        };
        CalendarConfig {
            zone: format_zone(calendar.zone),
            weekdays: calendar
                .weekdays
                .iter()
                .map(|d| weekday_name(d).to_owned())
                .collect(),
            hours: calendar
                .hours
                .iter()
                .map(|p| [format_clock(p.start, false), format_clock(p.end, true)])
                .collect(),
            presets: calendar.presets.iter().map(|p| p.name.to_owned()).collect(),
            holidays: dates(&listed(&calendar.holidays, calendar.preset_holidays())),
            make_up_days: dates(&listed(
                &calendar.make_up_days,
                calendar.preset_make_up_days(),
            )),
            covered_years: calendar.declared_years,
            strict: calendar.strict,
        }
    }
}

/// The dates of a list that no preset gave.
fn listed(all: &[NaiveDate], mut from_presets: Vec<NaiveDate>) -> Vec<NaiveDate> {
    from_presets.sort_unstable();
    all.iter()
        .filter(|d| from_presets.binary_search(d).is_err())
        .copied()
        .collect()
}

impl Calendar {
    fn preset_holidays(&self) -> Vec<NaiveDate> {
        self.presets.iter().flat_map(|p| p.holidays()).collect()
    }

    fn preset_make_up_days(&self) -> Vec<NaiveDate> {
        self.presets.iter().flat_map(|p| p.make_up_days()).collect()
    }
}

impl TryFrom<CalendarConfig> for Calendar {
    type Error = CalendarError;

    fn try_from(config: CalendarConfig) -> Result<Self, Self::Error> {
        let zone = parse_zone(&config.zone)?;
        let weekdays = config
            .weekdays
            .iter()
            .map(|d| parse_weekday(d))
            .collect::<Result<_, _>>()?;
        let hours = config
            .hours
            .iter()
            .map(|[start, end]| {
                Ok(WorkingPeriod {
                    start: parse_clock(start, false)?,
                    end: parse_clock(end, true)?,
                })
            })
            .collect::<Result<_, CalendarError>>()?;
        let holidays = parse_dates(&config.holidays, "holiday")?;
        let make_up_days = parse_dates(&config.make_up_days, "make-up day")?;
        let calendar = Calendar {
            zone,
            weekdays,
            hours,
            ..Calendar::without_holidays()
        }
        .with_presets(&config.presets)?
        .with_holidays(holidays, make_up_days)
        .with_covered_years(config.covered_years)
        .with_strict(config.strict);
        calendar.validate()?;
        Ok(calendar)
    }
}

fn parse_dates(texts: &[String], what: &'static str) -> Result<Vec<NaiveDate>, CalendarError> {
    texts
        .iter()
        .map(|text| {
            NaiveDate::parse_from_str(text.trim(), "%Y-%m-%d").map_err(|_| CalendarError::BadDate {
                what,
                value: text.clone(),
            })
        })
        .collect()
}

/// Parses `+HH:MM`, `-HH:MM`, `+HHMM` or `Z`; hours up to 23.
pub(super) fn parse_zone(text: &str) -> Result<FixedOffset, CalendarError> {
    let bad = || CalendarError::BadZone(text.to_owned());
    let trimmed = text.trim();
    if trimmed == "Z" || trimmed == "z" {
        return FixedOffset::east_opt(0).ok_or_else(bad);
    }
    let (sign, rest) = match trimmed.as_bytes().first() {
        Some(b'+') => (1, &trimmed[1..]),
        Some(b'-') => (-1, &trimmed[1..]),
        _ => return Err(bad()),
    };
    let digits: Vec<u8> = rest.bytes().filter(|b| *b != b':').collect();
    let colons = rest.len() - digits.len();
    let well_formed = digits.len() == 4
        && digits.iter().all(u8::is_ascii_digit)
        && (colons == 0 || (colons == 1 && rest.as_bytes().get(2) == Some(&b':')));
    if !well_formed {
        return Err(bad());
    }
    let number = |i: usize| i32::from(digits[i] - b'0') * 10 + i32::from(digits[i + 1] - b'0');
    let (hours, minutes) = (number(0), number(2));
    if hours > 23 || minutes > 59 {
        return Err(bad());
    }
    FixedOffset::east_opt(sign * (hours * 3600 + minutes * 60)).ok_or_else(bad)
}

/// `+08:00`, or with seconds when the offset has them.
pub(super) fn format_zone(zone: FixedOffset) -> String {
    zone.to_string()
}

fn parse_weekday(text: &str) -> Result<Weekday, CalendarError> {
    let day = match text.trim().to_ascii_lowercase().as_str() {
        "mon" | "monday" => Weekday::Mon,
        "tue" | "tuesday" => Weekday::Tue,
        "wed" | "wednesday" => Weekday::Wed,
        "thu" | "thursday" => Weekday::Thu,
        "fri" | "friday" => Weekday::Fri,
        "sat" | "saturday" => Weekday::Sat,
        "sun" | "sunday" => Weekday::Sun,
        _ => return Err(CalendarError::BadWeekday(text.to_owned())),
    };
    Ok(day)
}

fn weekday_name(day: Weekday) -> &'static str {
    match day {
        Weekday::Mon => "mon",
        Weekday::Tue => "tue",
        Weekday::Wed => "wed",
        Weekday::Thu => "thu",
        Weekday::Fri => "fri",
        Weekday::Sat => "sat",
        Weekday::Sun => "sun",
    }
}

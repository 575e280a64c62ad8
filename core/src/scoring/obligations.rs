//! The monthly obligation of sent-down party members (下沉党员): to serve in their
//! community at least once a month, at least 2 hours each time (每月不少于1次、每次不少于2小时).
//!
//! The rule is read visit by visit: a certified service is a *qualifying visit* when it
//! counts at least [`Obligation::minutes_per_service`] minutes on its own (120 by
//! default); shorter ones are *short visits* and never add up to a qualifying one. A
//! member meets the month with at least [`Obligation::services_per_month`] qualifying
//! visits (1 by default). The report lists every such member under a unit, month by
//! month, with all certified services and hours, and the qualifying and short visits
//! apart.

use std::fmt;
use std::str::FromStr;

use chrono::{Datelike, NaiveDate};
use hashbrown::HashMap;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use super::config::Obligation;
use super::error::ScoringError;
use super::model::hours_of;
use super::Scoring;
use crate::access::Role;
use crate::grid::{Grid, NodeCode};
use crate::money::decimal_text;

/// A calendar month, `YYYY-MM`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Month {
    /// The year.
    pub year: i32,
    /// The month, 1–12.
    pub month: u32,
}

impl Month {
    /// The month a date falls in.
    pub fn of(date: NaiveDate) -> Month {
        Month {
            year: date.year(),
            month: date.month(),
        }
    }

    /// The month after this one.
    pub fn next(self) -> Month {
        if self.month == 12 {
            Month {
                year: self.year + 1,
                month: 1,
            }
        } else {
            Month {
                year: self.year,
                month: self.month + 1,
            }
        }
    }

    /// Every month from `from` to `to`, both included: 1 to 120 of them.
    pub fn range(from: Month, to: Month) -> Result<Vec<Month>, ScoringError> {
        let mut out = Vec::new();
        let mut m = from;
        while m <= to {
            out.push(m);
            if out.len() > 120 {
                return Err(ScoringError::BadMonths(format!("{from}..{to}")));
            }
            m = m.next();
        }
        if out.is_empty() {
            return Err(ScoringError::BadMonths(format!("{from}..{to}")));
        }
        Ok(out)
    }
}

impl fmt::Display for Month {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}", self.year, self.month)
    }
}

impl FromStr for Month {
    type Err = ScoringError;

    fn from_str(s: &str) -> Result<Month, ScoringError> {
        let bad = || ScoringError::BadMonths(s.to_owned());
        let (y, m) = s.split_once('-').ok_or_else(bad)?;
        if y.len() != 4 || m.len() != 2 {
            return Err(bad());
        }
        let year: i32 = y.parse().map_err(|_| bad())?;
        let month: u32 = m.parse().map_err(|_| bad())?;
        NaiveDate::from_ymd_opt(year, month, 1).ok_or_else(bad)?;
        Ok(Month { year, month })
    }
}

#[cfg(feature = "schema")]
impl schemars::JsonSchema for Month {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Month".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "type": "string",
            "format": "month",
            "pattern": "^[0-9]{4}-[0-9]{2}$",
            "description": "A calendar month, YYYY-MM."
        })
    }
}

impl Serialize for Month {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Month {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Month, D::Error> {
        let text = String::deserialize(d)?;
        text.parse().map_err(serde::de::Error::custom)
    }
}

/// One member's month.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct ObligationRow {
    /// The member.
    pub person: String,
    /// The unit where they hold the role.
    pub unit: NodeCode,
    /// The month.
    pub month: Month,
    /// Certified services that month.
    pub services: u32,
    /// Counted hours that month, all certified services, two decimals.
    #[serde(
        serialize_with = "decimal_text::write",
        deserialize_with = "decimal_text::read"
    )]
    pub hours: Decimal,
    /// Certified services that month long enough on their own to qualify.
    pub qualifying_visits: u32,
    /// Certified services that month too short to qualify.
    pub short_visits: u32,
    /// Whether the obligation was met: enough qualifying visits.
    pub met: bool,
}

/// One member's certified services in one month.
#[derive(Clone, Copy, Default)]
struct Served {
    qualifying: u32,
    short: u32,
    minutes: u64,
}

/// Every sent-down party member holding the role under `unit`, for each month of the
/// range, by unit, then person, then month.
pub(crate) fn obligations(
    grid: &Grid,
    scoring: &Scoring,
    rule: &Obligation,
    unit: NodeCode,
    months: &[Month],
) -> Vec<ObligationRow> {
    let mut members: Vec<(NodeCode, u32)> = Vec::new();
    for (px, p) in grid.people.iter().enumerate() {
        for &(ix, role) in &p.roles {
            if role != Role::SentDownPartyMember {
                continue;
            }
            if let Some(held) = grid.unit_at(ix).map(|u| u.code) {
                if unit.contains(held) {
                    members.push((held, px as u32));
                }
            }
        }
    }
    let id = |px: u32| &grid.people[px as usize].id;
    crate::order::sort_by(&mut members, |a, b| {
        a.0.cmp(&b.0).then_with(|| id(a.1).cmp(id(b.1)))
    });
    // A member holding the role at two units is listed once, at the first.
    let mut wanted: hashbrown::HashSet<u32> = hashbrown::HashSet::new();
    members.retain(|m| wanted.insert(m.1));
    let mut served: HashMap<(u32, Month), Served> = HashMap::new();
    for (px, r) in scoring.records_with_people() {
        let counted = r.counted_minutes();
        if wanted.contains(&px) && matches!(r.status, super::ServiceStatus::Certified { .. }) {
            let e = served.entry((px, Month::of(r.day()))).or_default();
            e.minutes += u64::from(counted);
            if rule.qualifies(counted) {
                e.qualifying += 1;
            } else {
                e.short += 1;
            }
        }
    }
    let mut rows = Vec::with_capacity(members.len() * months.len());
    for (held, px) in members {
        for &month in months {
            let s = served.get(&(px, month)).copied().unwrap_or_default();
            rows.push(ObligationRow {
                person: grid.people[px as usize].id.to_string(),
                unit: held,
                month,
                services: s.qualifying + s.short,
                hours: hours_of(s.minutes),
                qualifying_visits: s.qualifying,
                short_visits: s.short,
                met: s.qualifying >= rule.services_per_month,
            });
        }
    }
    rows
}

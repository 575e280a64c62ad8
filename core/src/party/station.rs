//! The weekly 驻点 report: by cadre and compound, the days served on station in a week
//! against the days required, and who falls short.

use chrono::{Datelike, Days, NaiveDate};
use serde::{Deserialize, Serialize};

use super::config::PartyConfig;
use super::Party;
use crate::error::Error;
use crate::grid::{Grid, GridError, NodeCode};

/// The days a cadre served at one compound in the week.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct CompoundDays {
    /// The compound.
    pub compound: NodeCode,
    /// Days served there.
    pub days: u32,
}

/// A cadre's week on station.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct StationRow {
    /// The cadre.
    pub person: String,
    /// Their name.
    pub name: String,
    /// The Monday the week starts on.
    pub week: NaiveDate,
    /// Their compounds in the scope, with the days served at each.
    pub compounds: Vec<CompoundDays>,
    /// Distinct days served on station at any of them.
    pub days: u32,
    /// Days required: the configured number, or the days of the week they were on
    /// station at all when that is fewer (a station begun or ended mid-week).
    pub required: u32,
    /// Whether they served fewer days than required.
    pub short: bool,
}

impl Party {
    /// The week containing `day` (Monday to Sunday): every cadre on station at a compound
    /// under `scope` (the whole ward when `None`) on some day of it, in id order.
    pub fn station_week(
        &self,
        grid: &Grid,
        config: &PartyConfig,
        day: NaiveDate,
        scope: Option<NodeCode>,
    ) -> Result<Vec<StationRow>, Error> {
        config.validate()?;
        if let Some(s) = scope {
            grid.unit(s).ok_or(GridError::UnknownUnit(s))?;
        }
        let monday = day - Days::new(u64::from(day.weekday().num_days_from_monday()));
        let week: Vec<NaiveDate> = (0..7).map(|i| monday + Days::new(i)).collect();
        let mut rows: Vec<StationRow> = Vec::new();
        let mut on_station: Vec<Vec<NaiveDate>> = Vec::new();
        let mut served: Vec<Vec<NaiveDate>> = Vec::new();
        for s in self.stations.values() {
            if scope.is_some_and(|sc| !sc.contains(s.compound)) {
                continue;
            }
            let holds: Vec<NaiveDate> = week.iter().copied().filter(|d| s.holds_on(*d)).collect();
            if holds.is_empty() {
                continue;
            }
            let days: Vec<NaiveDate> = s
                .days
                .iter()
                .copied()
                .filter(|d| monday <= *d && *d < monday + Days::new(7))
                .collect();
            if rows.last().is_none_or(|r| r.person != s.person) {
                rows.push(StationRow {
                    person: s.person.clone(),
                    name: grid
                        .person(&s.person)
                        .map(|p| p.name().to_owned())
                        .unwrap_or_default(),
                    week: monday,
                    compounds: Vec::new(),
                    days: 0,
                    required: 0,
                    short: false,
                });
                on_station.push(Vec::new());
                served.push(Vec::new());
            }
            let i = rows.len() - 1;
            rows[i].compounds.push(CompoundDays {
                compound: s.compound,
                days: days.len() as u32,
            });
            on_station[i].extend(holds);
            served[i].extend(days);
        }
        let wanted = u32::from(config.station_days_per_week);
        for ((row, mut holds), mut days) in rows.iter_mut().zip(on_station).zip(served) {
            holds.sort_unstable();
            holds.dedup();
            days.sort_unstable();
            days.dedup();
            row.days = days.len() as u32;
            row.required = wanted.min(holds.len() as u32);
            row.short = row.days < row.required;
        }
        Ok(rows)
    }
}

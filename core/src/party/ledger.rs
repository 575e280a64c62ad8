//! 双报到 counts: the paired units' service ledgers and the members and units that
//! reported in, by community and period.

use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use super::error::PartyError;
use super::Party;
use crate::error::Error;
use crate::grid::{Grid, GridError, Level, NodeCode};
use crate::money::decimal_text;
use crate::tasks::Tasks;

/// A paired unit's service in a period.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct UnitServiceRow {
    /// The paired unit.
    pub unit: String,
    /// Its name.
    pub name: String,
    /// Its community.
    pub community: NodeCode,
    /// The day it reported in.
    pub reported_on: NaiveDate,
    /// Activities it ran in the period.
    pub activities: u64,
    /// People it sent, summed over the activities.
    pub people: u64,
    /// Person-hours given.
    #[serde(
        serialize_with = "decimal_text::write",
        deserialize_with = "decimal_text::read"
    )]
    pub hours: Decimal,
    /// Micro-wishes it claimed as donor in the period.
    pub micro_wishes: u64,
}

/// A community's 双报到 counts in a period.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct CommunityService {
    /// The community.
    pub community: NodeCode,
    /// Serving party members who reported in during the period.
    pub members_reported: u64,
    /// Paired units that reported in during the period.
    pub units_reported: u64,
    /// Activities the paired units ran.
    pub activities: u64,
    /// People they sent.
    pub people: u64,
    /// Person-hours given.
    #[serde(
        serialize_with = "decimal_text::write",
        deserialize_with = "decimal_text::read"
    )]
    pub hours: Decimal,
    /// Micro-wishes claimed by paired units.
    pub micro_wishes: u64,
}

/// The service ledgers of a scope's paired units, and the counts by community, over a
/// period of days (from inclusive, to exclusive).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct ServiceLedger {
    /// The first day.
    pub from: NaiveDate,
    /// The first day after the period.
    pub to: NaiveDate,
    /// Every paired unit that has reported in, in (community, unit) order.
    pub units: Vec<UnitServiceRow>,
    /// Every community of the scope with a report or an entry, in code order.
    pub communities: Vec<CommunityService>,
}

impl CommunityService {
    fn empty(community: NodeCode) -> Self {
        CommunityService {
            community,
            members_reported: 0,
            units_reported: 0,
            activities: 0,
            people: 0,
            hours: Decimal::ZERO,
            micro_wishes: 0,
        }
    }
}

impl Party {
    /// The paired units' service and the 双报到 counts of the communities under `scope`
    /// (the whole ward when `None`), from `from` up to (not including) `to`.
    pub fn service_ledger(
        &self,
        grid: &Grid,
        tasks: &Tasks,
        scope: Option<NodeCode>,
        from: NaiveDate,
        to: NaiveDate,
    ) -> Result<ServiceLedger, Error> {
        if to < from {
            return Err(PartyError::BadPeriod {
                field: "to",
                from,
                to,
            }
            .into());
        }
        if let Some(s) = scope {
            grid.unit(s).ok_or(GridError::UnknownUnit(s))?;
        }
        let within = |c: NodeCode| scope.is_none_or(|s| s.contains(c) || c.contains(s));
        let during = |d: NaiveDate| from <= d && d < to;
        let mut units: Vec<UnitServiceRow> = self
            .unit_reports
            .values()
            .filter(|r| within(r.community))
            .map(|r| UnitServiceRow {
                unit: r.unit.clone(),
                name: grid
                    .paired_unit(&r.unit)
                    .map(|u| u.name().to_owned())
                    .unwrap_or_default(),
                community: r.community,
                reported_on: r.on,
                activities: 0,
                people: 0,
                hours: Decimal::ZERO,
                micro_wishes: 0,
            })
            .collect();
        crate::order::sort_by(&mut units, |a, b| {
            (a.community, &a.unit).cmp(&(b.community, &b.unit))
        });
        let find = |units: &mut Vec<UnitServiceRow>, unit: &str, community: NodeCode| {
            units
                .binary_search_by(|r| (r.community, r.unit.as_str()).cmp(&(community, unit)))
                .ok()
        };
        for s in self.services.values().filter(|s| during(s.on)) {
            if let Some(i) = find(&mut units, &s.unit, s.community) {
                let row = &mut units[i];
                row.activities += 1;
                row.people += u64::from(s.people);
                row.hours += s.hours;
            }
        }
        for r in tasks.requests() {
            let Some(claim) = &r.claim else { continue };
            let Some(donor) = claim.donor.as_deref() else {
                continue;
            };
            let Some(community) = r.unit.at_level(Level::Community) else {
                continue;
            };
            if during(claim.at.date_naive()) {
                if let Some(i) = find(&mut units, donor, community) {
                    units[i].micro_wishes += 1;
                }
            }
        }
        let mut tallies: Vec<(NodeCode, [u64; 5], Decimal)> = Vec::new();
        for m in self.member_reports.values() {
            if within(m.community) && during(m.on) {
                tallies.push((m.community, [1, 0, 0, 0, 0], Decimal::ZERO));
            }
        }
        for u in &units {
            let reported = u64::from(during(u.reported_on));
            tallies.push((
                u.community,
                [0, reported, u.activities, u.people, u.micro_wishes],
                u.hours,
            ));
        }
        let mut communities: Vec<CommunityService> = Vec::new();
        for (c, [members, reported, activities, people, wishes], hours) in tallies {
            let i = match communities.binary_search_by(|x| x.community.cmp(&c)) {
                Ok(i) => i,
                Err(i) => {
                    communities.insert(i, CommunityService::empty(c));
                    i
                }
            };
            let row = &mut communities[i];
            row.members_reported += members;
            row.units_reported += reported;
            row.activities += activities;
            row.people += people;
            row.micro_wishes += wishes;
            row.hours += hours;
        }
        Ok(ServiceLedger {
            from,
            to,
            units,
            communities,
        })
    }
}

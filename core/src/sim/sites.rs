//! Where simulated requests come from: one site per micro-grid, with the people who act
//! on requests there, and the rows and commands that put those people in the ward.

use chrono::{DateTime, FixedOffset};
use serde::{Deserialize, Serialize};

use super::city::{child, CityShape};
use crate::access::{Actor, Context};
use crate::error::Error;
use crate::grid::{Domain, DomainSet, ImportRow, Level, NodeCode};
use crate::tasks::TaskCommand;
use crate::ward::Ward;

/// A micro-grid where requests come from, and the people who act on them.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Site {
    /// The micro-grid.
    pub micro: NodeCode,
    /// The household that files.
    pub home: String,
    /// Its resident, the filer.
    pub resident: String,
    /// The micro-grid worker the rules route grid-staff work to.
    pub worker: String,
    /// The party member who claims pooled work there, if any.
    pub claimer: Option<String>,
    /// Who verifies on site (the grid leader).
    pub verifier: String,
    /// The officer of the street's market supervision department.
    pub officer: String,
    /// That department.
    pub department: String,
}

/// The sites of the districts `districts` (numbered from 0) of a city of `shape`: one per
/// micro-grid, in code order. A site's claimer is its micro-grid's reporting party
/// member when `ward` has one.
pub fn sites(
    shape: &CityShape,
    ward: &Ward,
    districts: impl IntoIterator<Item = u16>,
) -> Result<Vec<Site>, Error> {
    let mut out = Vec::new();
    for d in districts {
        let district = CityShape::district(d)?;
        for s in 1..=shape.streets {
            let street = child(district, s)?;
            for c in 1..=shape.communities {
                let community = child(street, c)?;
                for g in 1..=shape.grids {
                    let grid = child(community, g)?;
                    for m in 1..=shape.micro_grids {
                        let micro = child(grid, m)?;
                        let party = format!("p{micro}");
                        let claimer = ward.grid().person(&party).map(|_| party);
                        out.push(Site {
                            micro,
                            home: format!("{micro}-000"),
                            resident: format!("r{micro}"),
                            worker: format!("w{micro}"),
                            claimer,
                            verifier: format!("g{grid}"),
                            officer: format!("o{street}"),
                            department: format!("m{street}"),
                        });
                    }
                }
            }
        }
    }
    Ok(out)
}

/// Import rows registering each site's resident in its home.
pub fn resident_rows(sites: &[Site]) -> Vec<ImportRow> {
    sites
        .iter()
        .map(|s| ImportRow::Person {
            id: s.resident.clone(),
            name: format!("居民{}", s.micro),
            phone: None,
            party_member: false,
            household: Some(s.home.clone()),
        })
        .collect()
}

/// Import rows attaching a market supervision department to every street of the sites,
/// and its officer; officers are appointed by [`officer_commands`].
pub fn department_rows(sites: &[Site]) -> Vec<ImportRow> {
    let mut rows = Vec::new();
    for (s, street) in streets(sites) {
        rows.push(ImportRow::Department {
            id: s.department.clone(),
            name: format!("市场监管所{street}"),
            street,
            domains: DomainSet::of(&[Domain::MarketSupervision]),
        });
        rows.push(ImportRow::Person {
            id: s.officer.clone(),
            name: format!("执法员{street}"),
            phone: None,
            party_member: false,
            household: None,
        });
    }
    rows
}

/// The commands making every site's officer an officer of its department.
pub fn officer_commands(sites: &[Site]) -> Vec<TaskCommand> {
    streets(sites)
        .map(|(s, _)| TaskCommand::AppointOfficer {
            department: s.department.clone(),
            person: s.officer.clone(),
        })
        .collect()
}

/// The first site of each street, with the street.
fn streets(sites: &[Site]) -> impl Iterator<Item = (&Site, NodeCode)> {
    let mut last = None;
    sites.iter().filter_map(move |s| {
        let street = s.micro.at_level(Level::Street)?;
        if last == Some(street) {
            return None;
        }
        last = Some(street);
        Some((s, street))
    })
}

/// Puts the sites' people in `ward` at `at`: residents, departments and their officers.
pub fn settle(ward: &mut Ward, sites: &[Site], at: DateTime<FixedOffset>) -> Result<(), Error> {
    let ctx = Context::new(Actor::System, at);
    let mut rows = resident_rows(sites);
    rows.extend(department_rows(sites));
    ward.execute(&ctx, crate::grid::GridCommand::Import { rows })?;
    for command in officer_commands(sites) {
        ward.execute(&ctx, command)?;
    }
    Ok(())
}

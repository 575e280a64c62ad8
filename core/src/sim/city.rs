//! A synthetic city at Chengdu's scale: districts of streets of communities of grids of
//! micro-grids, with households, the staff of every unit and party members. The same
//! shape gives the same rows.

use std::fmt::Write;

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use super::Mix;
use crate::access::Role;
use crate::error::input::{InputError, Problem};
use crate::error::Error;
use crate::grid::{ImportRow, NodeCode};

/// The shape of a synthetic city.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct CityShape {
    /// Districts, 1 to 99 (codes 510101 to 510199).
    pub districts: u16,
    /// Streets per district, 1 to 399.
    pub streets: u16,
    /// Communities per street, 1 to 399.
    pub communities: u16,
    /// Grids per community, 1 to 399.
    pub grids: u16,
    /// Micro-grids per grid, 1 to 399.
    pub micro_grids: u16,
    /// Fewest households in a micro-grid, at least 1.
    pub min_households: u16,
    /// Most households in a micro-grid, at most 999.
    pub max_households: u16,
}

impl CityShape {
    /// Chengdu's scale: 18 districts × 10 streets × 17 communities (3,060 communities),
    /// 8 grids × 5 micro-grids each (122,400 micro-grids), 30–87 households per
    /// micro-grid: about 7.2 million households, about 400,000 per district.
    pub const CHENGDU: CityShape = CityShape {
        districts: 18,
        streets: 10,
        communities: 17,
        grids: 8,
        micro_grids: 5,
        min_households: 30,
        max_households: 87,
    };

    /// A small city of the same proportions, for tests.
    pub const SMALL: CityShape = CityShape {
        districts: 2,
        streets: 2,
        communities: 3,
        grids: 2,
        micro_grids: 3,
        min_households: 30,
        max_households: 87,
    };

    /// The code of district number `d` (from 0), 5101xx.
    pub fn district(d: u16) -> Result<NodeCode, Error> {
        if d >= 99 {
            return Err(out_of_range("district", format!("{d} is not in 0..=98")));
        }
        NodeCode::parse(&format!("5101{:02}", d + 1)).map_err(|e| Error::Internal(e.to_string()))
    }

    /// Refuses a shape whose units would not have valid codes or whose households
    /// would not have valid ids, naming the field.
    pub fn check(&self) -> Result<(), Error> {
        let within = |field: &str, n: u16, lo: u16, hi: u16| {
            if n < lo || n > hi {
                return Err(out_of_range(
                    &format!("shape.{field}"),
                    format!("{n} is not in {lo}..={hi}"),
                ));
            }
            Ok(())
        };
        within("districts", self.districts, 1, 99)?;
        within("streets", self.streets, 1, 399)?;
        within("communities", self.communities, 1, 399)?;
        within("grids", self.grids, 1, 399)?;
        within("micro_grids", self.micro_grids, 1, 399)?;
        within("min_households", self.min_households, 1, 999)?;
        within(
            "max_households",
            self.max_households,
            self.min_households,
            999,
        )?;
        let micro = self.micro_grids_per_district();
        if micro > MAX_DISTRICT_MICRO_GRIDS {
            return Err(out_of_range(
                "shape",
                format!(
                    "a district of {micro} micro-grids is more than \
                     {MAX_DISTRICT_MICRO_GRIDS}"
                ),
            ));
        }
        let most = micro.saturating_mul(usize::from(self.max_households));
        if most > MAX_DISTRICT_HOUSEHOLDS {
            return Err(out_of_range(
                "shape",
                format!(
                    "a district of up to {most} households is more than the \
                     {MAX_DISTRICT_HOUSEHOLDS} one ward is built for at once"
                ),
            ));
        }
        Ok(())
    }

    /// Micro-grids in one district.
    pub fn micro_grids_per_district(&self) -> usize {
        usize::from(self.streets)
            * usize::from(self.communities)
            * usize::from(self.grids)
            * usize::from(self.micro_grids)
    }
}

/// The most households one district may have: nearly four times a district of Chengdu's
/// scale. With [`MAX_DISTRICT_MICRO_GRIDS`], a district's rows stay within what one
/// import takes ([`crate::limits`]).
pub const MAX_DISTRICT_HOUSEHOLDS: usize = 1_500_000;

/// The most micro-grids one district may have: seven times a district of Chengdu's
/// scale (6,800).
pub const MAX_DISTRICT_MICRO_GRIDS: usize = 50_000;

pub(super) fn out_of_range(field: &str, why: String) -> Error {
    Error::Input(InputError::new(field, Problem::OutOfRange(why)))
}

/// The child of `parent` numbered `part`, which a checked shape keeps valid.
pub(super) fn child(parent: NodeCode, part: u16) -> Result<NodeCode, Error> {
    parent
        .child(part)
        .map_err(|e| Error::Internal(e.to_string()))
}

/// The rows of district `d` (from 0), parents first, with a leader for every community
/// and grid, a worker and (for 9 in 10) a reporting party member for every micro-grid,
/// and its households.
pub fn district_rows(shape: &CityShape, d: u16) -> Result<Vec<ImportRow>, Error> {
    shape.check()?;
    if d >= shape.districts {
        return Err(out_of_range(
            "district",
            format!("{d} is not below the shape's {} districts", shape.districts),
        ));
    }
    let mut rng = Mix::new(0x6772_6964 ^ u64::from(d));
    let district = CityShape::district(d)?;
    let mut rows = Vec::with_capacity(shape.micro_grids_per_district().saturating_mul(64));
    let unit = |code: NodeCode, name: String| ImportRow::Unit {
        code,
        parent: None,
        name,
        domains: None,
    };
    let staff = |rows: &mut Vec<ImportRow>, id: String, role: Role, at: NodeCode, party: bool| {
        rows.push(ImportRow::Person {
            id: id.clone(),
            name: format!("人员{id}"),
            phone: None,
            party_member: party,
            household: None,
        });
        rows.push(ImportRow::Role {
            person: id,
            role,
            unit: at,
        });
    };
    rows.push(unit(district, format!("区{}", d + 1)));
    for s in 1..=shape.streets {
        let street = child(district, s)?;
        rows.push(unit(street, format!("街道{street}")));
        for c in 1..=shape.communities {
            let community = child(street, c)?;
            rows.push(unit(community, format!("社区{community}")));
            let chief = format!("c{community}");
            staff(&mut rows, chief, Role::ChiefGridLeader, community, true);
            for g in 1..=shape.grids {
                let grid = child(community, g)?;
                rows.push(unit(grid, format!("网格{grid}")));
                staff(&mut rows, format!("g{grid}"), Role::GridLeader, grid, true);
                for m in 1..=shape.micro_grids {
                    let micro = child(grid, m)?;
                    rows.push(unit(micro, format!("微网格{micro}")));
                    let worker = format!("w{micro}");
                    staff(&mut rows, worker, Role::MicroGridWorker, micro, false);
                    if rng.chance(90) {
                        let member = format!("p{micro}");
                        staff(&mut rows, member, Role::ReportingPartyMember, micro, true);
                    }
                    let n = rng.between(
                        u64::from(shape.min_households),
                        u64::from(shape.max_households),
                    );
                    for h in 0..n {
                        // Sized exactly, as ids read from JSON, Python or JavaScript are.
                        let mut id = String::with_capacity(22);
                        let _ = write!(id, "{micro}-{h:03}");
                        rows.push(ImportRow::Household {
                            id,
                            unit: micro,
                            area: Decimal::new(rng.between(4_000, 16_000) as i64, 2),
                        });
                    }
                }
            }
        }
    }
    Ok(rows)
}

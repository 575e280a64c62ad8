//! A synthetic city at Chengdu's scale: about 3,000 communities, 120,000 micro-grids and
//! 7.2 million households (21 million people, 3,045 community grids, about 120,000
//! micro-grids in the sources). Deterministic: the same shape gives the same rows.

use std::fmt::Write;

use gridward::grid::{ImportRow, NodeCode};
use gridward::Role;
use rust_decimal::Decimal;

use crate::Mix;

/// The shape of a synthetic city.
#[derive(Clone, Copy, Debug)]
pub struct Shape {
    /// Districts (each a code 5101xx).
    pub districts: u16,
    /// Streets per district.
    pub streets: u16,
    /// Communities per street.
    pub communities: u16,
    /// Grids per community.
    pub grids: u16,
    /// Micro-grids per grid.
    pub micro_grids: u16,
    /// Fewest households in a micro-grid.
    pub min_households: u16,
    /// Most households in a micro-grid.
    pub max_households: u16,
}

impl Shape {
    /// Chengdu's scale: 18 districts × 10 streets × 17 communities (3,060 communities),
    /// 8 grids × 5 micro-grids each (122,400 micro-grids), 30–87 households per
    /// micro-grid: about 7.2 million households, about 400,000 per district.
    pub const CHENGDU: Shape = Shape {
        districts: 18,
        streets: 10,
        communities: 17,
        grids: 8,
        micro_grids: 5,
        min_households: 30,
        max_households: 87,
    };

    /// A small city of the same proportions, for tests.
    pub const SMALL: Shape = Shape {
        districts: 2,
        streets: 2,
        communities: 3,
        grids: 2,
        micro_grids: 3,
        min_households: 30,
        max_households: 87,
    };

    /// The code of district number `d` (from 0).
    pub fn district(d: u16) -> NodeCode {
        NodeCode::parse(&format!("5101{:02}", d + 1)).expect("5101xx is a valid district code")
    }
}

fn child(parent: NodeCode, part: u16) -> NodeCode {
    // Parts stay within 1..=399, valid at every level.
    parent.child(part).expect("synthetic codes are valid")
}

/// The rows of one district, parents first, with a leader for every community and grid,
/// a worker and (for 9 in 10) a reporting party member for every micro-grid.
pub fn district_rows(shape: &Shape, d: u16) -> Vec<ImportRow> {
    let mut rng = Mix::new(0x6772_6964 ^ u64::from(d));
    let district = Shape::district(d);
    let per_district = usize::from(shape.streets)
        * usize::from(shape.communities)
        * usize::from(shape.grids)
        * usize::from(shape.micro_grids);
    let mut rows = Vec::with_capacity(per_district * 64);
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
        let street = child(district, s);
        rows.push(unit(street, format!("街道{street}")));
        for c in 1..=shape.communities {
            let community = child(street, c);
            rows.push(unit(community, format!("社区{community}")));
            staff(
                &mut rows,
                format!("c{community}"),
                Role::ChiefGridLeader,
                community,
                true,
            );
            for g in 1..=shape.grids {
                let grid = child(community, g);
                rows.push(unit(grid, format!("网格{grid}")));
                staff(&mut rows, format!("g{grid}"), Role::GridLeader, grid, true);
                for m in 1..=shape.micro_grids {
                    let micro = child(grid, m);
                    rows.push(unit(micro, format!("微网格{micro}")));
                    staff(
                        &mut rows,
                        format!("w{micro}"),
                        Role::MicroGridWorker,
                        micro,
                        false,
                    );
                    if rng.chance(90) {
                        staff(
                            &mut rows,
                            format!("p{micro}"),
                            Role::ReportingPartyMember,
                            micro,
                            true,
                        );
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
    rows
}

/// Builds a ward holding the whole city, one import per district.
pub fn build(
    shape: &Shape,
    at: chrono::DateTime<chrono::FixedOffset>,
) -> Result<gridward::Ward, gridward::Error> {
    let mut ward = gridward::Ward::new(gridward::WardConfig::default());
    let ctx = gridward::Context::new(gridward::Actor::System, at);
    for d in 0..shape.districts {
        let rows = district_rows(shape, d);
        ward.execute(&ctx, gridward::grid::GridCommand::Import { rows })?;
    }
    Ok(ward)
}

//! Bulk import: rows in any order, checked as a whole, turned into events all or none.
//!
//! Parents come before children whatever the order of the rows: units by level, then
//! what hangs on units, then people, households, homes and roles. Consecutive household
//! rows of one unit become one event, which keeps a city's journal small.

use super::authority::Authority;
use super::check::Overlay;
use super::code::{Level, NodeCode};
use super::command::ImportRow;
use super::event::{GridEvent, NewHousehold};
use super::{Grid, GridConfig, GridError};
use crate::access::Permission;
use crate::error::Error;

/// Rows before households (units by level, departments and paired units, people).
const BEFORE_HOUSEHOLDS: usize = 7;
const HOMES: usize = 7;
const ROLES: usize = 8;

/// Households of one unit from consecutive rows.
struct Batch {
    unit: NodeCode,
    first_row: usize,
    households: Vec<NewHousehold>,
}

fn at_row(row: usize) -> impl Fn(Error) -> Error {
    move |e| match e {
        Error::Grid(g) => Error::Grid(g.at_row(row)),
        other => other,
    }
}

pub(crate) fn import(
    grid: &Grid,
    config: &GridConfig,
    auth: &Authority<'_>,
    rows: Vec<ImportRow>,
) -> Result<Vec<GridEvent>, Error> {
    let mut buckets: [Vec<(usize, GridEvent)>; 9] = Default::default();
    let mut batches: Vec<Batch> = Vec::new();
    let mut households = 0;
    for (row, r) in rows.into_iter().enumerate() {
        if let ImportRow::Household { id, unit, area } = r {
            households += 1;
            let next = NewHousehold { id, area };
            match batches.last_mut() {
                Some(b) if b.unit == unit && b.first_row + b.households.len() == row => {
                    b.households.push(next)
                }
                _ => {
                    let mut list = Vec::with_capacity(32);
                    list.push(next);
                    batches.push(Batch {
                        unit,
                        first_row: row,
                        households: list,
                    });
                }
            }
        } else {
            place(r, row, config, &mut buckets)?;
        }
    }

    {
        let mut overlay = Overlay::new(grid, households);
        for (row, event) in buckets[..BEFORE_HOUSEHOLDS].iter().flatten() {
            auth.event(&overlay, event).map_err(at_row(*row))?;
            overlay.admit(event).map_err(|e| at_row(*row)(e.into()))?;
        }
        for b in &batches {
            auth.require(Permission::KeepHouseholds, b.unit)
                .map_err(at_row(b.first_row))?;
            for (k, h) in b.households.iter().enumerate() {
                overlay
                    .admit_household(b.unit, &h.id, h.area)
                    .map_err(|e| at_row(b.first_row + k)(e.into()))?;
            }
        }
        for (row, event) in buckets[BEFORE_HOUSEHOLDS..].iter().flatten() {
            auth.event(&overlay, event).map_err(at_row(*row))?;
            overlay.admit(event).map_err(|e| at_row(*row)(e.into()))?;
        }
    }

    let rows_before: usize = buckets.iter().map(Vec::len).sum();
    let mut events = Vec::with_capacity(rows_before + batches.len());
    let [before @ .., homes, roles] = buckets;
    events.extend(before.into_iter().flatten().map(|(_, e)| e));
    events.extend(batches.into_iter().map(|b| GridEvent::HouseholdsAdded {
        unit: b.unit,
        households: b.households,
    }));
    events.extend(homes.into_iter().chain(roles).map(|(_, e)| e));
    Ok(events)
}

/// Turns a row other than a household into its event, in the bucket of its turn.
fn place(
    row_data: ImportRow,
    row: usize,
    config: &GridConfig,
    buckets: &mut [Vec<(usize, GridEvent)>; 9],
) -> Result<(), Error> {
    let (bucket, event) = match row_data {
        ImportRow::Unit {
            code,
            parent,
            name,
            domains,
        } => {
            let implied = code.parent();
            if parent.is_some() && parent != implied {
                let show =
                    |c: Option<NodeCode>| c.map_or_else(|| "none".to_owned(), |c| c.to_string());
                return Err(GridError::ParentMismatch {
                    code,
                    given: show(parent),
                    implied: show(implied),
                }
                .at_row(row)
                .into());
            }
            let level = Level::ALL
                .iter()
                .position(|l| *l == code.level())
                .unwrap_or(0);
            let domains = domains.unwrap_or(config.default_domains);
            (
                level,
                GridEvent::UnitAdded {
                    code,
                    name,
                    domains,
                },
            )
        }
        ImportRow::Department {
            id,
            name,
            street,
            domains,
        } => (
            5,
            GridEvent::DepartmentAdded {
                id,
                name,
                street,
                domains,
            },
        ),
        ImportRow::PairedUnit {
            id,
            name,
            community,
        } => (
            5,
            GridEvent::PairedUnitAdded {
                id,
                name,
                community,
            },
        ),
        ImportRow::Person {
            id,
            name,
            phone,
            party_member,
            household,
        } => {
            if let Some(household) = household {
                let home = GridEvent::ResidentRegistered {
                    person: id.clone(),
                    household,
                };
                buckets[HOMES].push((row, home));
            }
            (
                6,
                GridEvent::PersonAdded {
                    id,
                    name,
                    phone,
                    party_member,
                },
            )
        }
        ImportRow::Role { person, role, unit } => {
            (ROLES, GridEvent::RoleGranted { person, role, unit })
        }
        // Households are batched by the caller.
        ImportRow::Household { id, .. } => return Err(GridError::UnknownHousehold(id).into()),
    };
    buckets[bucket].push((row, event));
    Ok(())
}

//! A synthetic city at Chengdu's scale: about 3,000 communities, 120,000 micro-grids and
//! 7.2 million households (21 million people, 3,045 community grids, about 120,000
//! micro-grids in the sources). The generator is the core's ([`gridward::sim`]); this
//! module builds whole cities from it.

use gridward::grid::ImportRow;

/// The shape of a synthetic city.
pub use gridward::sim::CityShape as Shape;

/// The rows of one district, parents first (see [`gridward::sim::district_rows`]).
///
/// # Panics
/// On a shape the core refuses, which is a bug in the scenario.
pub fn district_rows(shape: &Shape, d: u16) -> Vec<ImportRow> {
    gridward::sim::district_rows(shape, d).expect("the scenario's shape is valid")
}

/// Builds a ward holding the whole city, one import per district.
pub fn build(
    shape: &Shape,
    at: chrono::DateTime<chrono::FixedOffset>,
) -> Result<gridward::Ward, gridward::Error> {
    let mut ward = gridward::Ward::new(gridward::WardConfig::default());
    let ctx = gridward::Context::new(gridward::Actor::System, at);
    for d in 0..shape.districts {
        let rows = gridward::sim::district_rows(shape, d)?;
        ward.execute(&ctx, gridward::grid::GridCommand::Import { rows })?;
    }
    Ok(ward)
}

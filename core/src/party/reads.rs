//! What the party capability reads of the ward: the grid and its configuration.

use super::config::PartyConfig;
use crate::grid::Grid;

/// What the party capability reads: the grid (units, people, roles, paired units) and
/// its configuration.
#[derive(Clone, Copy, Debug)]
pub struct Reads<'a> {
    /// The grid.
    pub grid: &'a Grid,
    /// The party section of the configuration.
    pub config: &'a PartyConfig,
}

//! What the projects capability reads of the ward: the grid and its configuration.

use super::config::ProjectsConfig;
use crate::grid::Grid;

/// What the projects capability reads: the grid (residents, units, people) and its
/// configuration.
#[derive(Clone, Copy, Debug)]
pub struct Reads<'a> {
    /// The grid.
    pub grid: &'a Grid,
    /// The projects section of the configuration.
    pub config: &'a ProjectsConfig,
}

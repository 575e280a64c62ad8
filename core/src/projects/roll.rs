//! Who may vote in a decision, and the tokens that keep ballots apart from voters.

use std::collections::BTreeMap;

use super::model::Voters;
use super::state::Projects;
use crate::grid::{Grid, NodeCode};
use crate::journal::Hash;

/// A voter's ballot token in one fund's decision: the same for each of their ballots,
/// so that a later one replaces the earlier, and not their id.
pub(crate) fn token(secret: &str, fund: &str, person: &str) -> String {
    let mut bytes = Vec::with_capacity(32 + secret.len() + fund.len() + person.len());
    bytes.extend_from_slice(b"gridward-ballot\0");
    for part in [secret, fund, person] {
        bytes.extend_from_slice(part.as_bytes());
        bytes.push(0);
    }
    let mut hex = Hash::of_bytes(&bytes).to_hex();
    hex.truncate(32);
    hex
}

/// Whether a person is a registered resident of the community: their home is under it.
pub(crate) fn resides_in(grid: &Grid, person: &str, community: NodeCode) -> bool {
    grid.person(person)
        .and_then(|p| grid.home(p))
        .and_then(|h| grid.household_unit(h))
        .is_some_and(|unit| community.contains(unit))
}

/// The roll of a fund's decision when it opens: each voter's token with their id.
pub(crate) fn roll(
    grid: &Grid,
    projects: &Projects,
    secret: &str,
    fund: &str,
    community: NodeCode,
    voters: Voters,
) -> BTreeMap<String, Option<String>> {
    let people: Vec<String> = match voters {
        Voters::Council => projects.council(community).to_vec(),
        Voters::Residents => grid
            .people_under(community)
            .unwrap_or_default()
            .into_iter()
            .filter(|p| p.household.is_some())
            .map(|p| p.person)
            .collect(),
        Voters::Imported => Vec::new(),
    };
    people
        .into_iter()
        .map(|p| (token(secret, fund, &p), Some(p)))
        .collect()
}

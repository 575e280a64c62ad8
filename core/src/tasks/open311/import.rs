//! Reading a feed in: another system's GeoReport v2 service requests as rows of an
//! import, each placed on the grid by its `address_id`.

use super::{parse_requests, Open311Error};
use crate::grid::{Grid, NodeCode};
use crate::tasks::command::ImportedRequest;
use crate::tasks::model::Location;

/// The requests of a feed (a JSON array of GeoReport v2 service requests) as rows of
/// [`TaskCommand::Import`](crate::tasks::TaskCommand::Import), in the feed's order.
/// The first fault found is returned, with the element's index: a malformed document
/// or element, or an `address_id` missing or naming no place of the grid.
pub(crate) fn imported_requests(
    grid: &Grid,
    feed: &str,
) -> Result<Vec<ImportedRequest>, Open311Error> {
    let incoming = parse_requests(feed)?;
    let mut requests = Vec::with_capacity(incoming.len());
    for (index, request) in incoming.into_iter().enumerate() {
        let location = location(grid, index, request.address_id.as_deref())?;
        requests.push(request.into_imported(location));
    }
    Ok(requests)
}

/// Where an element's `address_id` places it: a household of the grid first, then the
/// code of one of its units.
pub(crate) fn location(
    grid: &Grid,
    index: usize,
    address_id: Option<&str>,
) -> Result<Location, Open311Error> {
    let id = address_id.ok_or(Open311Error::MissingField {
        index,
        field: "address_id",
    })?;
    if grid.household(id).is_some() {
        return Ok(Location::Household(id.to_owned()));
    }
    match NodeCode::parse(id) {
        Ok(code) if grid.unit(code).is_some() => Ok(Location::Unit(code)),
        _ => Err(Open311Error::UnknownAddress {
            index,
            address_id: id.chars().take(80).collect(),
        }),
    }
}

//! The tasks capability's queries: requests as rows, where the routing rules would send
//! one, what a person may claim, case-handling indicators (结案率, 按期结案率 …), the
//! categories, and the Open311 GeoReport v2 service list and requests.

use chrono::{DateTime, FixedOffset};
use serde::Deserialize;

use crate::error::Error;
use crate::grid::{Level, NodeCode};
use crate::queries::period::period;
use crate::queries::typed::Query;
use crate::tasks::{
    self, CategoryView, Location, Open311Request, Open311Service, OpenOrClosed, RequestRow,
    RouteView, Status,
};
use crate::ward::Ward;

crate::query_set! {
    pub static TASK_QUERIES for "tasks" {
        "request" => Request,
        "requests" => Requests,
        "route" => Route,
        "claimable_by" => ClaimableBy,
        "indicators" => Indicators,
        "indicators_by" => IndicatorsBy,
        "indicator_counts" => super::tasks_counts::Counts,
        "indicator_counts_by" => super::tasks_counts::CountsBy,
        "categories" => Categories,
        "open311_services" => Open311Services,
        "open311_services_json" => Open311ServicesJson,
        "open311_requests" => Open311Requests,
        "open311_requests_json" => Open311RequestsJson,
    }
}

/// The request with this id as a row, or none.
#[derive(Clone, Debug, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Request {
    /// The request's id.
    pub id: String,
}

impl Query for Request {
    type Answer = Option<RequestRow>;

    fn ask(self, ward: &Ward) -> Result<Self::Answer, Error> {
        Ok(ward.request(&self.id))
    }
}

/// Requests under a unit (all when absent) with a status (any when absent), in filing
/// order, as rows.
#[derive(Clone, Debug, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Requests {
    /// The subtree's root; the whole ward when absent.
    #[serde(default)]
    pub scope: Option<NodeCode>,
    /// The status; any when absent.
    #[serde(default)]
    pub status: Option<Status>,
}

impl Query for Requests {
    type Answer = Vec<RequestRow>;

    fn ask(self, ward: &Ward) -> Result<Self::Answer, Error> {
        Ok(ward.requests(self.scope, self.status))
    }
}

/// Where the routing rules would send a request of a category at a location now.
#[derive(Clone, Debug, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Route {
    /// The category's code.
    pub category: String,
    /// Where the request would be.
    pub location: Location,
}

impl Query for Route {
    type Answer = RouteView;

    fn ask(self, ward: &Ward) -> Result<Self::Answer, Error> {
        Ok(ward.route(&self.category, &self.location)?.into())
    }
}

/// Pooled requests a person may claim now, in filing order, as rows.
#[derive(Clone, Debug, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct ClaimableBy {
    /// The person's id.
    pub person: String,
}

impl Query for ClaimableBy {
    type Answer = Vec<RequestRow>;

    fn ask(self, ward: &Ward) -> Result<Self::Answer, Error> {
        ward.claimable_by(&self.person)
    }
}

/// Case-handling indicators of the requests under a unit (the whole ward when absent)
/// filed from `start` (included) to `end` (excluded), seen as they stood at `end`:
/// counts, and rates in percent with two decimals (none when nothing is there to divide
/// by).
#[derive(Clone, Debug, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Indicators {
    /// The subtree's root; the whole ward when absent.
    #[serde(default)]
    pub scope: Option<NodeCode>,
    /// The first moment of the period.
    pub start: DateTime<FixedOffset>,
    /// The first moment after the period.
    pub end: DateTime<FixedOffset>,
}

impl Query for Indicators {
    type Answer = tasks::Indicators;

    fn ask(self, ward: &Ward) -> Result<Self::Answer, Error> {
        ward.indicators(self.scope, &period(self.start, self.end)?)
    }
}

/// The indicators of every unit of a level over a period, in code order; units without
/// requests have rows of zeros.
#[derive(Clone, Debug, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct IndicatorsBy {
    /// The level of the units.
    pub level: Level,
    /// The first moment of the period.
    pub start: DateTime<FixedOffset>,
    /// The first moment after the period.
    pub end: DateTime<FixedOffset>,
}

impl Query for IndicatorsBy {
    type Answer = Vec<tasks::Indicators>;

    fn ask(self, ward: &Ward) -> Result<Self::Answer, Error> {
        Ok(ward.indicators_by(self.level, &period(self.start, self.end)?))
    }
}

/// The categories requests are filed under, in the configuration's order, with their
/// limits as short text (`"5wh"` working hours, `"15wd"` working days, `"24h"`, `"3d"`).
#[derive(Clone, Debug, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Categories {}

impl Query for Categories {
    type Answer = Vec<CategoryView>;

    fn ask(self, ward: &Ward) -> Result<Self::Answer, Error> {
        let categories = &ward.config().tasks.categories;
        Ok(categories.iter().map(CategoryView::from).collect())
    }
}

/// The Open311 GeoReport v2 service list (GET services): one service per category.
#[derive(Clone, Debug, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Open311Services {}

impl Query for Open311Services {
    type Answer = Vec<Open311Service>;

    fn ask(self, ward: &Ward) -> Result<Self::Answer, Error> {
        Ok(ward.open311_services())
    }
}

/// The Open311 service list as JSON text, ready to serve.
#[derive(Clone, Debug, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Open311ServicesJson {}

impl Query for Open311ServicesJson {
    type Answer = String;

    fn ask(self, ward: &Ward) -> Result<Self::Answer, Error> {
        Ok(ward.open311_services_json())
    }
}

/// Requests under a unit (all when absent) that are open or closed (either when absent),
/// in filing order, as Open311 GeoReport v2 service requests (GET requests). Closed,
/// cancelled and duplicate requests are `closed`; the rest are `open`, their Gridward
/// status leading their status notes. Nothing names the filer; a person answering for a
/// request is shown by masked name.
#[derive(Clone, Debug, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Open311Requests {
    /// The subtree's root; the whole ward when absent.
    #[serde(default)]
    pub scope: Option<NodeCode>,
    /// `open` or `closed`; either when absent.
    #[serde(default)]
    pub status: Option<OpenOrClosed>,
}

impl Query for Open311Requests {
    type Answer = Vec<Open311Request>;

    fn ask(self, ward: &Ward) -> Result<Self::Answer, Error> {
        Ok(ward.open311_requests(self.scope, self.status))
    }
}

/// The Open311 requests (as `open311_requests` gives them) as JSON text, for another
/// system to read.
#[derive(Clone, Debug, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Open311RequestsJson {
    /// The subtree's root; the whole ward when absent.
    #[serde(default)]
    pub scope: Option<NodeCode>,
    /// `open` or `closed`; either when absent.
    #[serde(default)]
    pub status: Option<OpenOrClosed>,
}

impl Query for Open311RequestsJson {
    type Answer = String;

    fn ask(self, ward: &Ward) -> Result<Self::Answer, Error> {
        Ok(ward.open311_requests_json(self.scope, self.status))
    }
}

#[cfg(test)]
#[path = "tasks_tests.rs"]
mod tests;

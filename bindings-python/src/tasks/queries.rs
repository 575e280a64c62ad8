//! Reading requests on `Ward`: one request or many as rows, where the routing rules
//! would send one, what a person may claim, case-handling indicators (结案率, 按期结案率 …),
//! the categories, and the Open311 GeoReport v2 export.

use gridward::tasks::{Category, RouteDecision};
use pyo3::prelude::*;
use serde_json::{json, Value};

use crate::convert::{self, serde_to_py, to_py};
use crate::error::{invalid, OrRaise};
use crate::ward::Ward;

/// A category in its config form, with its limits as short text ("5wh", "15wd").
fn category_json(c: &Category) -> PyResult<Value> {
    let mut value = serde_json::to_value(c).map_err(|e| invalid("encode", e.to_string()))?;
    let limits = [
        ("response_limit", c.response_limit),
        ("resolution_limit", c.resolution_limit),
        ("extension", c.extension),
    ];
    for (key, limit) in limits {
        value[key] = Value::String(limit.to_string());
    }
    Ok(value)
}

fn route_json(d: &RouteDecision<'_>) -> Value {
    let status = d.status().as_str();
    match d {
        RouteDecision::Person(p) => json!({"kind": "person", "person": p.id(), "status": status}),
        RouteDecision::Department(x) => {
            json!({"kind": "department", "department": x.id(), "status": status})
        }
        RouteDecision::Pool(u) => json!({"kind": "pool", "unit": u, "status": status}),
        RouteDecision::Locality(u) => json!({"kind": "locality", "unit": u, "status": status}),
    }
}

#[pymethods]
impl Ward {
    /// The request with this id as a row (`id, category, status, filer, household,
    /// unit, dispatcher, responsible, ..., whistles, note`; times as tz-aware
    /// datetimes), or None.
    fn request<'py>(&self, py: Python<'py>, id: &str) -> PyResult<Bound<'py, PyAny>> {
        match self.inner.request(id) {
            Some(row) => serde_to_py(py, &row),
            None => Ok(py.None().into_bound(py)),
        }
    }

    /// Requests under the unit `scope` (all when None) with `status` (any when None),
    /// in filing order, as rows.
    #[pyo3(signature = (scope=None, status=None))]
    fn requests<'py>(
        &self,
        py: Python<'py>,
        scope: Option<&str>,
        status: Option<&str>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let scope = scope.map(convert::code).transpose()?;
        let status = status.map(convert::status).transpose()?;
        serde_to_py(py, &self.inner.requests(scope, status))
    }

    /// Where the routing rules would send a request of `category` at `location` now:
    /// `{"kind": "person" | "department" | "pool" | "locality", "person" | "department"
    /// | "unit": ..., "status": "assigned" | "pooled"}`.
    fn route<'py>(
        &self,
        py: Python<'py>,
        category: &str,
        location: &Bound<'py, PyAny>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let location = convert::location(location)?;
        let decision = self.inner.route(category, &location).or_raise()?;
        to_py(py, &route_json(&decision))
    }

    /// Pooled requests `person` may claim now, in filing order, as rows.
    fn claimable_by<'py>(&self, py: Python<'py>, person: &str) -> PyResult<Bound<'py, PyAny>> {
        let rows = self.inner.claimable_by(person).or_raise()?;
        serde_to_py(py, &rows)
    }

    /// Case-handling indicators of the requests under `scope` (the whole ward when
    /// None) filed from `start` (inclusive) to `end` (exclusive), seen as they stood at
    /// `end`: counts, and rates in percent as `Decimal` with two places (None when
    /// nothing is there to divide by).
    #[pyo3(signature = (scope=None, *, start, end))]
    fn indicators<'py>(
        &self,
        py: Python<'py>,
        scope: Option<&str>,
        start: &Bound<'py, PyAny>,
        end: &Bound<'py, PyAny>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let scope = scope.map(convert::code).transpose()?;
        let period = convert::period(start, end)?;
        let found = self.inner.indicators(scope, &period).or_raise()?;
        serde_to_py(py, &found)
    }

    /// The indicators of every unit of `level` ("community", say), in code order; units
    /// without requests have rows of zeros.
    #[pyo3(signature = (level, *, start, end))]
    fn indicators_by<'py>(
        &self,
        py: Python<'py>,
        level: &str,
        start: &Bound<'py, PyAny>,
        end: &Bound<'py, PyAny>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let level = convert::level(level)?;
        let period = convert::period(start, end)?;
        serde_to_py(py, &self.inner.indicators_by(level, &period))
    }

    /// The categories requests are filed under, in their config form with limits as
    /// short text: `{code, name, description, group, domain, handler, response_limit:
    /// "2wh", resolution_limit: "1wd", extension: "1wd", skills, micro_wish}`.
    fn categories<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        let rows = self
            .inner
            .config()
            .tasks
            .categories
            .iter()
            .map(category_json)
            .collect::<PyResult<Vec<Value>>>()?;
        to_py(py, &Value::Array(rows))
    }

    /// The Open311 GeoReport v2 service list (GET services): one service per category,
    /// as dicts (`service_code`, `service_name`, `description`, `metadata`, `type`,
    /// `keywords`, `group`).
    fn open311_services<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        serde_to_py(py, &self.inner.open311_services())
    }

    /// The Open311 service list as JSON text.
    fn open311_services_json(&self) -> String {
        self.inner.open311_services_json()
    }

    /// Requests under `scope` (all when None) that are `status` ("open" or "closed";
    /// either when None) as Open311 GeoReport v2 service requests (GET requests), as
    /// dicts with tz-aware datetimes; no filer is named and people's names are masked.
    #[pyo3(signature = (scope=None, status=None))]
    fn open311_requests<'py>(
        &self,
        py: Python<'py>,
        scope: Option<&str>,
        status: Option<&str>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let scope = scope.map(convert::code).transpose()?;
        let status = status.map(convert::open_or_closed).transpose()?;
        serde_to_py(py, &self.inner.open311_requests(scope, status))
    }

    /// `open311_requests` as JSON text, for another system to read.
    #[pyo3(signature = (scope=None, status=None))]
    fn open311_requests_json(&self, scope: Option<&str>, status: Option<&str>) -> PyResult<String> {
        let scope = scope.map(convert::code).transpose()?;
        let status = status.map(convert::open_or_closed).transpose()?;
        Ok(self.inner.open311_requests_json(scope, status))
    }
}

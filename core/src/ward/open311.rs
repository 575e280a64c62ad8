//! Open311 GeoReport v2 through the ward: the service list, the requests as another
//! city's system reads them, and requests from such a system imported all or nothing.

use super::{Context, Receipt, Ward};
use crate::error::Error;
use crate::grid::NodeCode;
use crate::tasks::{
    parse_requests, Location, Open311Error, Open311Request, Open311Service, OpenOrClosed,
    TaskCommand, TaskError,
};

impl Ward {
    /// The service list (GET services): one service per category of the configuration.
    pub fn open311_services(&self) -> Vec<Open311Service> {
        Open311Service::list(&self.config.tasks)
    }

    /// The service list as a JSON array.
    pub fn open311_services_json(&self) -> String {
        serde_json::to_string(&self.open311_services()).unwrap_or_else(|_| "[]".to_owned())
    }

    /// Requests under `scope` (all when `None`) that are `status` (either when `None`), in
    /// filing order, as GeoReport v2 service requests (GET requests). Closed, cancelled
    /// and duplicate requests are `closed`; the rest are `open`, their Gridward status
    /// leading their status notes. Nothing names the filer; a person answering for a
    /// request is shown by masked name.
    pub fn open311_requests(
        &self,
        scope: Option<NodeCode>,
        status: Option<OpenOrClosed>,
    ) -> Vec<Open311Request> {
        let wanted = |open: bool| match status {
            None => true,
            Some(OpenOrClosed::Open) => open,
            Some(OpenOrClosed::Closed) => !open,
        };
        self.tasks
            .requests()
            .iter()
            .filter(|r| scope.map_or(true, |s| s.contains(r.unit())))
            .filter(|r| wanted(r.status().is_open()))
            .map(|r| self.tasks.open311(&self.grid, &self.config.tasks, r))
            .collect()
    }

    /// [`Ward::open311_requests`] as a JSON array.
    pub fn open311_requests_json(
        &self,
        scope: Option<NodeCode>,
        status: Option<OpenOrClosed>,
    ) -> String {
        serde_json::to_string(&self.open311_requests(scope, status))
            .unwrap_or_else(|_| "[]".to_owned())
    }

    /// Imports a JSON array of GeoReport v2 service requests, all or nothing: on any
    /// fault nothing changes. Each element's `address_id` must name a household of the
    /// ward (the request is at that household) or else the code of one of its units;
    /// `lat` and `long` are ignored. The requests are recorded by
    /// [`TaskCommand::Import`], whose checks (known category, new id, a closed request's
    /// `updated_datetime`, the actor's right to dispatch there) apply; their faults name
    /// the element as `import row {index}`.
    pub fn import_open311(&mut self, ctx: &Context, text: &str) -> Result<Receipt, Error> {
        let incoming = parse_requests(text).map_err(TaskError::from)?;
        let mut requests = Vec::with_capacity(incoming.len());
        for (index, request) in incoming.into_iter().enumerate() {
            let location = self.open311_location(index, request.address_id.as_deref())?;
            requests.push(request.into_imported(location));
        }
        self.execute(ctx, TaskCommand::Import { requests })
    }

    /// Resolves an element's `address_id`: a household first, then a unit code.
    fn open311_location(&self, index: usize, address_id: Option<&str>) -> Result<Location, Error> {
        let id = address_id.ok_or(Open311Error::MissingField {
            index,
            field: "address_id",
        });
        let id = id.map_err(TaskError::from)?;
        if self.grid.household(id).is_some() {
            return Ok(Location::Household(id.to_owned()));
        }
        match NodeCode::parse(id) {
            Ok(code) if self.grid.unit(code).is_some() => Ok(Location::Unit(code)),
            _ => Err(TaskError::from(Open311Error::UnknownAddress {
                index,
                address_id: id.chars().take(80).collect(),
            })
            .into()),
        }
    }
}

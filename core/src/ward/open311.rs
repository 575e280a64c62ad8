//! Open311 GeoReport v2 through the ward: the service list, the requests as another
//! city's system reads them, and requests from such a system imported all or nothing.

use super::{Receipt, Ward};
use crate::access::Context;
use crate::error::Error;
use crate::grid::NodeCode;
use crate::tasks::{Open311Request, Open311Service, OpenOrClosed, TaskCommand};

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
            .filter(|r| scope.is_none_or(|s| s.contains(r.unit())))
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

    /// Imports a JSON array of GeoReport v2 service requests, all or nothing: a
    /// convenience for `execute(ctx, TaskCommand::ImportOpen311 { feed })`, whose rules
    /// (each element's `address_id` a household or a unit of the ward, then the checks of
    /// [`TaskCommand::Import`]) apply.
    pub fn import_open311(&mut self, ctx: &Context, text: &str) -> Result<Receipt, Error> {
        let feed = text.to_owned();
        self.execute(ctx, TaskCommand::ImportOpen311 { feed })
    }
}

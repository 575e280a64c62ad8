//! Task routing (`tasks`) on `Ward`: one method per task command — file (点单) →
//! dispatch (派单) → claim (领单) → start → handle → verify (核查结案) → rate (评单), and
//! the returns, escalations (吹哨报到), supervision (督办) and sweeps around that cycle —
//! each taking the command's fields as an object plus the call context, and the queries
//! over requests: listings, routing, claimable work and case-handling indicators.
//!
//! Field names are those of the canonical JSON form (`photos`, `departments`,
//! `status_notes`), the same names the journal records and query results use.

use gridward::tasks::{Category, RequestRow};
use wasm_bindgen::prelude::*;

use crate::error::WardError;
use crate::js::{self, CategoryOut, RouteOut};
use crate::ward::Ward;

impl Ward {
    fn task(&mut self, kind: &str, args: &JsValue, ctx: &JsValue) -> Result<JsValue, WardError> {
        let command = js::task_command(Some(kind), args)?;
        self.run(command, ctx)
    }
}

#[wasm_bindgen]
impl Ward {
    /// Files a request (点单) at a household or a unit. Needs an idempotency key (`ctx.key`):
    /// a retried filing with the same key has one effect. A resident files for their own
    /// home without any role; with `dispatch_on_filing` (the default) the routing rules
    /// dispatch it at once.
    ///
    /// ```js
    /// ward.fileRequest(
    ///   { id: "r-1", category: "neighbour_help", location: { household: "1-101" },
    ///     description: "楼道灯坏了" },
    ///   { actor: "r1", key: "file-r-1" });
    /// ```
    #[wasm_bindgen(js_name = fileRequest, unchecked_return_type = "Receipt")]
    pub fn file_request(
        &mut self,
        #[wasm_bindgen(unchecked_param_type = "FileRequestArgs")] args: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "Context")] ctx: JsValue,
    ) -> Result<JsValue, WardError> {
        self.task("file", &args, &ctx)
    }

    /// Dispatches a filed, returned or waiting request (派单): to `to` by hand
    /// (`{ person }`, `{ department }` or `{ pool }`), or by the routing rules when `to` is
    /// absent. The first dispatch sets its deadlines; supervision starts there.
    #[wasm_bindgen(unchecked_return_type = "Receipt")]
    pub fn dispatch(
        &mut self,
        #[wasm_bindgen(unchecked_param_type = "DispatchArgs")] args: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "Context")] ctx: JsValue,
    ) -> Result<JsValue, WardError> {
        self.task("dispatch", &args, &ctx)
    }

    /// Claims a pooled request (领单) as the acting party member or volunteer; a micro-wish
    /// may name a paired unit of the community as `donor`.
    #[wasm_bindgen(unchecked_return_type = "Receipt")]
    pub fn claim(
        &mut self,
        #[wasm_bindgen(unchecked_param_type = "ClaimArgs")] args: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "Context")] ctx: JsValue,
    ) -> Result<JsValue, WardError> {
        self.task("claim", &args, &ctx)
    }

    /// Gives a claimed request back to the pool (the claimer, or the dispatching staff).
    #[wasm_bindgen(js_name = releaseClaim, unchecked_return_type = "Receipt")]
    pub fn release_claim(
        &mut self,
        #[wasm_bindgen(unchecked_param_type = "RequestArgs")] args: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "Context")] ctx: JsValue,
    ) -> Result<JsValue, WardError> {
        self.task("release_claim", &args, &ctx)
    }

    /// Offers the work to another eligible person; it passes when they accept.
    #[wasm_bindgen(js_name = offerHandover, unchecked_return_type = "Receipt")]
    pub fn offer_handover(
        &mut self,
        #[wasm_bindgen(unchecked_param_type = "OfferHandoverArgs")] args: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "Context")] ctx: JsValue,
    ) -> Result<JsValue, WardError> {
        self.task("offer_handover", &args, &ctx)
    }

    /// Accepts a handover offered to the acting person.
    #[wasm_bindgen(js_name = acceptHandover, unchecked_return_type = "Receipt")]
    pub fn accept_handover(
        &mut self,
        #[wasm_bindgen(unchecked_param_type = "RequestArgs")] args: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "Context")] ctx: JsValue,
    ) -> Result<JsValue, WardError> {
        self.task("accept_handover", &args, &ctx)
    }

    /// Starts work on an assigned or claimed request: the response.
    #[wasm_bindgen(unchecked_return_type = "Receipt")]
    pub fn start(
        &mut self,
        #[wasm_bindgen(unchecked_param_type = "RequestArgs")] args: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "Context")] ctx: JsValue,
    ) -> Result<JsValue, WardError> {
        self.task("start", &args, &ctx)
    }

    /// Reports the work done; the request then waits for verification on site.
    #[wasm_bindgen(unchecked_return_type = "Receipt")]
    pub fn handle(
        &mut self,
        #[wasm_bindgen(unchecked_param_type = "HandleArgs")] args: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "Context")] ctx: JsValue,
    ) -> Result<JsValue, WardError> {
        self.task("handle", &args, &ctx)
    }

    /// Verifies handled work on site (核查): passed closes it (结案), failed sends it back to
    /// the handler. The verifier must be a person other than the handler.
    #[wasm_bindgen(unchecked_return_type = "Receipt")]
    pub fn verify(
        &mut self,
        #[wasm_bindgen(unchecked_param_type = "VerifyArgs")] args: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "Context")] ctx: JsValue,
    ) -> Result<JsValue, WardError> {
        self.task("verify", &args, &ctx)
    }

    /// Returns a wrongly assigned request to its dispatcher with a reason (退回).
    #[wasm_bindgen(js_name = returnRequest, unchecked_return_type = "Receipt")]
    pub fn return_request(
        &mut self,
        #[wasm_bindgen(unchecked_param_type = "ReasonArgs")] args: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "Context")] ctx: JsValue,
    ) -> Result<JsValue, WardError> {
        self.task("return", &args, &ctx)
    }

    /// Cancels a request (its filer, or the dispatching staff).
    #[wasm_bindgen(unchecked_return_type = "Receipt")]
    pub fn cancel(
        &mut self,
        #[wasm_bindgen(unchecked_param_type = "ReasonArgs")] args: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "Context")] ctx: JsValue,
    ) -> Result<JsValue, WardError> {
        self.task("cancel", &args, &ctx)
    }

    /// Closes a request as a duplicate of another.
    #[wasm_bindgen(js_name = markDuplicate, unchecked_return_type = "Receipt")]
    pub fn mark_duplicate(
        &mut self,
        #[wasm_bindgen(unchecked_param_type = "MarkDuplicateArgs")] args: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "Context")] ctx: JsValue,
    ) -> Result<JsValue, WardError> {
        self.task("mark_duplicate", &args, &ctx)
    }

    /// Reopens a closed request with a new resolution deadline.
    #[wasm_bindgen(unchecked_return_type = "Receipt")]
    pub fn reopen(
        &mut self,
        #[wasm_bindgen(unchecked_param_type = "ReasonArgs")] args: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "Context")] ctx: JsValue,
    ) -> Result<JsValue, WardError> {
        self.task("reopen", &args, &ctx)
    }

    /// Rates a closed request (评单) — its filer only, once per closing. A bad rating
    /// (`dissatisfied`, `very_dissatisfied`) reopens it with a correction window
    /// (15 working days by default).
    #[wasm_bindgen(unchecked_return_type = "Receipt")]
    pub fn rate(
        &mut self,
        #[wasm_bindgen(unchecked_param_type = "RateArgs")] args: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "Context")] ctx: JsValue,
    ) -> Result<JsValue, WardError> {
        self.task("rate", &args, &ctx)
    }

    /// Grants the one extension of the resolution limit.
    #[wasm_bindgen(unchecked_return_type = "Receipt")]
    pub fn extend(
        &mut self,
        #[wasm_bindgen(unchecked_param_type = "ReasonArgs")] args: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "Context")] ctx: JsValue,
    ) -> Result<JsValue, WardError> {
        self.task("extend", &args, &ctx)
    }

    /// Calls in departments of the street (吹哨); each must report within the
    /// configured limit.
    #[wasm_bindgen(unchecked_return_type = "Receipt")]
    pub fn whistle(
        &mut self,
        #[wasm_bindgen(unchecked_param_type = "WhistleArgs")] args: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "Context")] ctx: JsValue,
    ) -> Result<JsValue, WardError> {
        self.task("whistle", &args, &ctx)
    }

    /// A department called in reports (报到), by one of its officers.
    #[wasm_bindgen(unchecked_return_type = "Receipt")]
    pub fn report(
        &mut self,
        #[wasm_bindgen(unchecked_param_type = "ReportArgs")] args: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "Context")] ctx: JsValue,
    ) -> Result<JsValue, WardError> {
        self.task("report", &args, &ctx)
    }

    /// Puts a request under supervision by hand (督办).
    #[wasm_bindgen(unchecked_return_type = "Receipt")]
    pub fn supervise(
        &mut self,
        #[wasm_bindgen(unchecked_param_type = "ReasonArgs")] args: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "Context")] ctx: JsValue,
    ) -> Result<JsValue, WardError> {
        self.task("supervise", &args, &ctx)
    }

    /// Applies the clock at `ctx.at`: releases stale claims, puts overdue work under
    /// supervision (督办), parks work past its limit and extension (挂账), flags late
    /// department reports — under `scope` only, when given.
    ///
    /// ```js
    /// ward.sweep({ scope: "510105001001" }, { actor: "chief", at: "2026-03-20T09:00:00+08:00" });
    /// ```
    #[wasm_bindgen(unchecked_return_type = "Receipt")]
    pub fn sweep(
        &mut self,
        #[wasm_bindgen(unchecked_optional_param_type = "SweepArgs")] args: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "Context")] ctx: JsValue,
    ) -> Result<JsValue, WardError> {
        self.task("sweep", &args, &ctx)
    }

    /// Sets a person's skill tags, which routing and claims match against categories.
    #[wasm_bindgen(js_name = setSkills, unchecked_return_type = "Receipt")]
    pub fn set_skills(
        &mut self,
        #[wasm_bindgen(unchecked_param_type = "SetSkillsArgs")] args: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "Context")] ctx: JsValue,
    ) -> Result<JsValue, WardError> {
        self.task("set_skills", &args, &ctx)
    }

    /// Makes a person an officer of a department: they act for it on requests.
    #[wasm_bindgen(js_name = appointOfficer, unchecked_return_type = "Receipt")]
    pub fn appoint_officer(
        &mut self,
        #[wasm_bindgen(unchecked_param_type = "OfficerArgs")] args: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "Context")] ctx: JsValue,
    ) -> Result<JsValue, WardError> {
        self.task("appoint_officer", &args, &ctx)
    }

    /// Removes a department officer.
    #[wasm_bindgen(js_name = removeOfficer, unchecked_return_type = "Receipt")]
    pub fn remove_officer(
        &mut self,
        #[wasm_bindgen(unchecked_param_type = "OfficerArgs")] args: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "Context")] ctx: JsValue,
    ) -> Result<JsValue, WardError> {
        self.task("remove_officer", &args, &ctx)
    }

    /// Imports requests from another system (an Open311 feed, say), all of them or, if
    /// one is refused, none. Dates are ISO-8601 strings with a zone or `Date`s.
    ///
    /// ```js
    /// ward.importRequests([{ id: "ext-1", category: "dirty_road",
    ///   location: { unit: "510105001001001" }, filed_at: "2026-03-02T10:00:00+08:00",
    ///   status: "open" }]);
    /// ```
    #[wasm_bindgen(js_name = importRequests, unchecked_return_type = "Receipt")]
    pub fn import_requests(
        &mut self,
        #[wasm_bindgen(unchecked_param_type = "ImportedRequestInput[]")] requests: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "Context")] ctx: JsValue,
    ) -> Result<JsValue, WardError> {
        let requests = js::imported_requests(&requests)?;
        self.run(gridward::tasks::TaskCommand::Import { requests }, &ctx)
    }

    // ---- queries ----

    /// The request with this id as a flat row, or `null`.
    #[wasm_bindgen(unchecked_return_type = "RequestRow | null")]
    pub fn request(&self, id: &str) -> Result<JsValue, WardError> {
        match self.inner.request(id) {
            Some(row) => js::to_js(&row),
            None => Ok(JsValue::NULL),
        }
    }

    /// Requests under `scope` (all when omitted) with `status` (any when omitted), in
    /// filing order.
    ///
    /// ```js
    /// const waiting = ward.requests("510105001001", "pooled");
    /// ```
    #[wasm_bindgen(unchecked_return_type = "RequestRow[]")]
    pub fn requests(
        &self,
        #[wasm_bindgen(unchecked_optional_param_type = "NodeCode | null")] scope: Option<String>,
        #[wasm_bindgen(unchecked_optional_param_type = "Status | null")] status: Option<String>,
    ) -> Result<JsValue, WardError> {
        let scope = scope.as_deref().map(js::code).transpose()?;
        let status = status.as_deref().map(js::status).transpose()?;
        let rows: Vec<RequestRow> = self.inner.requests(scope, status);
        js::to_js(&rows)
    }

    /// Where the routing rules would send a request of `category` at `location` now:
    /// `{ kind: "person" | "department" | "pool" | "locality", person?, department?,
    /// unit?, status: "assigned" | "pooled" }`.
    #[wasm_bindgen(unchecked_return_type = "RouteDecision")]
    pub fn route(
        &self,
        category: &str,
        #[wasm_bindgen(unchecked_param_type = "Location")] location: JsValue,
    ) -> Result<JsValue, WardError> {
        let location = js::location(&location)?;
        let decision = self.inner.route(category, &location)?;
        js::to_js(&RouteOut::from(decision))
    }

    /// Pooled requests the person may claim now, in filing order.
    #[wasm_bindgen(js_name = claimableBy, unchecked_return_type = "RequestRow[]")]
    pub fn claimable_by(&self, person: &str) -> Result<JsValue, WardError> {
        js::to_js(&self.inner.claimable_by(person)?)
    }

    /// Case-handling indicators (结案率, 按期结案率 …) of the requests under `scope` (the
    /// whole ward when omitted) filed from `from` (included) to `to` (excluded). Rates
    /// are percentages as decimal strings with two decimals (`"93.72"`), `null` when
    /// nothing is there to divide by.
    ///
    /// ```js
    /// const month = ward.indicators({ scope: "510105001001",
    ///   from: "2026-03-01T00:00:00+08:00", to: "2026-04-01T00:00:00+08:00" });
    /// console.log(month.closure_rate, month.on_time_rate);
    /// ```
    #[wasm_bindgen(unchecked_return_type = "Indicators")]
    pub fn indicators(
        &self,
        #[wasm_bindgen(unchecked_param_type = "IndicatorsQuery")] query: JsValue,
    ) -> Result<JsValue, WardError> {
        let (scope, period) = js::period(&query, true)?;
        js::to_js(&self.inner.indicators(scope, &period)?)
    }

    /// The indicators of every unit of a level (every community, say), in code order;
    /// units without requests have a row of zeros.
    #[wasm_bindgen(js_name = indicatorsBy, unchecked_return_type = "Indicators[]")]
    pub fn indicators_by(
        &self,
        #[wasm_bindgen(unchecked_param_type = "Level")] level: &str,
        #[wasm_bindgen(unchecked_param_type = "Period")] period: JsValue,
    ) -> Result<JsValue, WardError> {
        let level = js::level(level)?;
        let (_, period) = js::period(&period, false)?;
        js::to_js(&self.inner.indicators_by(level, &period))
    }

    /// The categories requests are filed under, in their config form with limits as
    /// short text (`"5wh"` working hours, `"15wd"` working days, `"24h"`, `"3d"`).
    #[wasm_bindgen(unchecked_return_type = "CategoryInfo[]")]
    pub fn categories(&self) -> Result<JsValue, WardError> {
        let list: Vec<CategoryOut> = self
            .inner
            .config()
            .tasks
            .categories
            .iter()
            .map(|c: &Category| CategoryOut::from(c))
            .collect();
        js::to_js(&list)
    }
}

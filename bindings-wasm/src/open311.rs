//! Open311 GeoReport v2 interchange on `Ward`: the service list and the requests as
//! another city's system reads them — parsed, or as the JSON text itself — and a feed of
//! service requests imported all or nothing.

use gridward::tasks::OpenOrClosed;
use wasm_bindgen::prelude::*;

use crate::error::WardError;
use crate::js;
use crate::ward::Ward;

/// `"open"` or `"closed"`.
fn open_or_closed(text: &str) -> Result<OpenOrClosed, WardError> {
    match text {
        "open" => Ok(OpenOrClosed::Open),
        "closed" => Ok(OpenOrClosed::Closed),
        _ => Err(WardError::input(
            "invalid_status",
            format!("status: {text:?} is not one of open, closed (Open311 knows only these)"),
        )),
    }
}

#[wasm_bindgen]
impl Ward {
    /// The Open311 service list (GET services): one service per category.
    #[wasm_bindgen(js_name = open311Services, unchecked_return_type = "Open311Service[]")]
    pub fn open311_services(&self) -> Result<JsValue, WardError> {
        js::to_js(&self.inner.open311_services())
    }

    /// The Open311 service list as JSON text, ready to serve.
    #[wasm_bindgen(js_name = open311ServicesJson)]
    pub fn open311_services_json(&self) -> String {
        self.inner.open311_services_json()
    }

    /// Requests under `scope` (all when omitted) that are `status` (`"open"` or
    /// `"closed"`; either when omitted), in filing order, as GeoReport v2 service
    /// requests. Nothing names the filer; a person answering is shown by masked name.
    ///
    /// ```js
    /// const open = ward.open311Requests("510105001001", "open");
    /// ```
    #[wasm_bindgen(js_name = open311Requests, unchecked_return_type = "Open311Request[]")]
    pub fn open311_requests(
        &self,
        #[wasm_bindgen(unchecked_optional_param_type = "NodeCode | null")] scope: Option<String>,
        #[wasm_bindgen(unchecked_optional_param_type = "\"open\" | \"closed\" | null")]
        status: Option<String>,
    ) -> Result<JsValue, WardError> {
        let scope = scope.as_deref().map(js::code).transpose()?;
        let status = status.as_deref().map(open_or_closed).transpose()?;
        js::to_js(&self.inner.open311_requests(scope, status))
    }

    /// `open311Requests` as JSON text, ready to serve.
    #[wasm_bindgen(js_name = open311RequestsJson)]
    pub fn open311_requests_json(
        &self,
        #[wasm_bindgen(unchecked_optional_param_type = "NodeCode | null")] scope: Option<String>,
        #[wasm_bindgen(unchecked_optional_param_type = "\"open\" | \"closed\" | null")]
        status: Option<String>,
    ) -> Result<String, WardError> {
        let scope = scope.as_deref().map(js::code).transpose()?;
        let status = status.as_deref().map(open_or_closed).transpose()?;
        Ok(self.inner.open311_requests_json(scope, status))
    }

    /// Imports a JSON array of GeoReport v2 service requests, all or nothing. Each
    /// element's `address_id` names a household of the ward or the code of one of its
    /// units; `lat` and `long` are ignored. Faults name the element (`import row 2`).
    ///
    /// ```js
    /// other.importOpen311(ward.open311RequestsJson(), { actor: "chief" });
    /// ```
    #[wasm_bindgen(js_name = importOpen311, unchecked_return_type = "Receipt")]
    pub fn import_open311(
        &mut self,
        text: &str,
        #[wasm_bindgen(unchecked_optional_param_type = "Context")] ctx: JsValue,
    ) -> Result<JsValue, WardError> {
        let ctx = js::context(&ctx)?;
        js::to_js(&self.inner.import_open311(&ctx, text)?)
    }
}

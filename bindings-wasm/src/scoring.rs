//! Scoring (`scoring`, 志愿服务积分) on `Ward`: one method per scoring command — record a
//! service, certify or reject it, grant star levels (星级志愿者) — each taking the command's
//! fields as an object plus the call context; the queries over service records,
//! volunteers, the monthly obligation of sent-down party members (下沉党员) and handlers'
//! scores; and the pure functions `starLevel` and `satisfactionRate`.
//!
//! Field names are those of the canonical JSON form. Minutes are whole numbers; hours
//! and rates are decimal strings (`"12.50"`); days `"YYYY-MM-DD"`, months `"YYYY-MM"`.

use gridward::scoring::{satisfaction_rate, StarProfile};
use wasm_bindgen::prelude::*;

use crate::error::WardError;
use crate::js;
use crate::ward::Ward;

impl Ward {
    fn scoring_cmd(
        &mut self,
        kind: &str,
        args: &JsValue,
        ctx: &JsValue,
    ) -> Result<JsValue, WardError> {
        let command = js::scoring_command(Some(kind), args)?;
        self.run(command, ctx)
    }
}

#[wasm_bindgen]
impl Ward {
    /// Records a service (志愿服务记录): who served, where, what, when and for how long
    /// (`minutes` of service, 1 to 1440; `travel_minutes` apart, left out of the count by
    /// default). It counts nothing until someone who may certify at its unit certifies it.
    ///
    /// ```js
    /// ward.recordService({ id: "s-1", person: "v1", unit: "510105001001",
    ///   activity: "elder_care", started_at: "2026-03-07T09:00:00+08:00", minutes: 150 },
    ///   { actor: "v1" });
    /// ```
    #[wasm_bindgen(js_name = recordService, unchecked_return_type = "Receipt")]
    pub fn record_service(
        &mut self,
        #[wasm_bindgen(unchecked_param_type = "RecordServiceArgs")] args: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "Context")] ctx: JsValue,
    ) -> Result<JsValue, WardError> {
        self.scoring_cmd("record_service", &args, &ctx)
    }

    /// Certifies a pending record (someone who may certify at its unit, not the person
    /// who served): its minutes count after the hours rules and the daily cap.
    #[wasm_bindgen(js_name = certifyService, unchecked_return_type = "Receipt")]
    pub fn certify_service(
        &mut self,
        #[wasm_bindgen(unchecked_param_type = "ServiceArgs")] args: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "Context")] ctx: JsValue,
    ) -> Result<JsValue, WardError> {
        self.scoring_cmd("certify_service", &args, &ctx)
    }

    /// Refuses a pending record, with a reason; it never counts.
    #[wasm_bindgen(js_name = rejectService, unchecked_return_type = "Receipt")]
    pub fn reject_service(
        &mut self,
        #[wasm_bindgen(unchecked_param_type = "RejectServiceArgs")] args: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "Context")] ctx: JsValue,
    ) -> Result<JsValue, WardError> {
        self.scoring_cmd("reject_service", &args, &ctx)
    }

    /// Grants star levels as of a day (`on: "2026-12-31"`) from certified hours, by the
    /// configured profile (`scoring.stars`, the national 100/300/600/1000/1500 hours by
    /// default). Levels never go down; a grant cannot go back before the last one.
    #[wasm_bindgen(js_name = grantStars, unchecked_return_type = "Receipt")]
    pub fn grant_stars(
        &mut self,
        #[wasm_bindgen(unchecked_param_type = "GrantStarsArgs")] args: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "Context")] ctx: JsValue,
    ) -> Result<JsValue, WardError> {
        self.scoring_cmd("grant_stars", &args, &ctx)
    }

    // ---- queries ----

    /// The service record with this id, or `null`. Its `status` is `{ status: "pending" }`,
    /// `{ status: "certified", by, counted }` or `{ status: "rejected", reason }`.
    #[wasm_bindgen(js_name = serviceRecord, unchecked_return_type = "ServiceRecord | null")]
    pub fn service_record(&self, id: &str) -> Result<JsValue, WardError> {
        match self.inner.scoring().record(id) {
            Some(r) => js::to_js(r),
            None => Ok(JsValue::NULL),
        }
    }

    /// Every service record, in the order recorded.
    #[wasm_bindgen(js_name = serviceRecords, unchecked_return_type = "ServiceRecord[]")]
    pub fn service_records(&self) -> Result<JsValue, WardError> {
        js::to_js(self.inner.scoring().records())
    }

    /// A volunteer's standing — certified hours (two decimals, rounded down), minutes,
    /// services, star level and since when — or `null` for someone with none.
    #[wasm_bindgen(unchecked_return_type = "Volunteer | null")]
    pub fn volunteer(&self, person: &str) -> Result<JsValue, WardError> {
        match self.inner.scoring().volunteer(self.inner.grid(), person) {
            Some(v) => js::to_js(&v),
            None => Ok(JsValue::NULL),
        }
    }

    /// Every volunteer with certified time or a level, by person id.
    #[wasm_bindgen(unchecked_return_type = "Volunteer[]")]
    pub fn volunteers(&self) -> Result<JsValue, WardError> {
        js::to_js(&self.inner.scoring().volunteers(self.inner.grid()))
    }

    /// The level changes a grant on `on` would make, in person order, without recording
    /// anything: `[{ person, from, to }]`. `profile` is a star profile
    /// (`{ name, thresholds, progression? }`) or just its thresholds in hours; omitted, the
    /// ward's configured one.
    ///
    /// ```js
    /// ward.grantPreview("2026-12-31", ["30", "60", "100", "200", "300"]);
    /// ```
    #[wasm_bindgen(js_name = grantPreview, unchecked_return_type = "StarChange[]")]
    pub fn grant_preview(
        &self,
        #[wasm_bindgen(unchecked_param_type = "DayString")] on: &str,
        #[wasm_bindgen(unchecked_optional_param_type = "StarProfileInput | DecimalInput[] | null")]
        profile: JsValue,
    ) -> Result<JsValue, WardError> {
        let on = js::day(on, "on")?;
        let profile = if profile.is_undefined() || profile.is_null() {
            self.inner.config().scoring.stars.clone()
        } else {
            js::star_profile(&profile)?
        };
        let changes = self
            .inner
            .scoring()
            .grant_preview(self.inner.grid(), &profile, on)?;
        js::to_js(&changes)
    }

    /// The monthly obligation (at least one certified service and 2 counted hours by
    /// default) of every sent-down party member holding the role under `unit`, for each
    /// month from `fromMonth` to `toMonth` (`"YYYY-MM"`, both included, at most 120
    /// months), by unit, person, month.
    #[wasm_bindgen(unchecked_return_type = "ObligationRow[]")]
    pub fn obligations(
        &self,
        #[wasm_bindgen(unchecked_param_type = "NodeCode")] unit: &str,
        #[wasm_bindgen(js_name = fromMonth, unchecked_param_type = "MonthString")] from_month: &str,
        #[wasm_bindgen(js_name = toMonth, unchecked_param_type = "MonthString")] to_month: &str,
    ) -> Result<JsValue, WardError> {
        let unit = js::code(unit)?;
        js::to_js(&self.inner.obligations(unit, from_month, to_month)?)
    }

    /// Every person who handled requests under `unit` filed in `period` (`{ from, to }`,
    /// from included, to excluded), scored out of 100 by the configured weights of the
    /// closure, on-time closure and satisfaction rates, and ranked, best first.
    ///
    /// ```js
    /// const scores = ward.handlerScores("510105001001",
    ///   { from: "2026-03-01T00:00:00+08:00", to: "2026-04-01T00:00:00+08:00" });
    /// ```
    #[wasm_bindgen(js_name = handlerScores, unchecked_return_type = "HandlerScore[]")]
    pub fn handler_scores(
        &self,
        #[wasm_bindgen(unchecked_param_type = "NodeCode")] unit: &str,
        #[wasm_bindgen(unchecked_param_type = "Period")] period: JsValue,
    ) -> Result<JsValue, WardError> {
        let unit = js::code(unit)?;
        let (_, period) = js::period(&period, false)?;
        js::to_js(&self.inner.handler_scores(unit, &period)?)
    }
}

/// The star level `hours` of certified service reach (0 below the first threshold) under
/// `thresholds` — the hours of levels 1, 2 …, strings or numbers — or, when omitted, the
/// national profile (100 / 300 / 600 / 1000 / 1500 hours).
///
/// ```js
/// starLevel("299.5"); // 1
/// starLevel(45, ["30", "60", "100", "200", "300"]); // 1
/// ```
#[wasm_bindgen(js_name = starLevel)]
pub fn star_level(
    #[wasm_bindgen(unchecked_param_type = "DecimalInput")] hours: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "DecimalInput[] | null")] thresholds: JsValue,
) -> Result<u8, WardError> {
    let hours = js::decimal(&hours, "hours")?;
    let profile = if thresholds.is_undefined() || thresholds.is_null() {
        StarProfile::national()
    } else {
        js::star_profile(&thresholds)?
    };
    profile.validate()?;
    Ok(profile.level(hours))
}

/// The satisfaction rate (满意率) of ratings counted by level, most satisfied first
/// (`[very_satisfied, satisfied, basically_satisfied, dissatisfied, very_dissatisfied]`):
/// the top three levels over all rated, a percentage with two decimals, or `null` when
/// nothing was rated.
///
/// ```js
/// satisfactionRate([70, 20, 0, 10, 0]); // "90.00"
/// ```
#[wasm_bindgen(js_name = satisfactionRate, unchecked_return_type = "DecimalString | null")]
pub fn satisfaction_rate_js(
    #[wasm_bindgen(unchecked_param_type = "RatingCounts")] counts: JsValue,
) -> Result<JsValue, WardError> {
    let counts = js::rating_counts(&counts)?;
    js::to_js(&satisfaction_rate(counts))
}

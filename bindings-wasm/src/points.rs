//! Points (`points`, 积分制) on `Ward`: one method per points command — the catalog
//! (items, restocking), earning (for certified service, for rated requests, awards by
//! hand), redemption (兑换) and its reversal, expiry runs — each taking the command's
//! fields as an object plus the call context; and the queries over passbooks (积分存折),
//! their history, the catalog, redemptions and the ward's totals.
//!
//! Points are whole numbers (JavaScript numbers; far below 2^53); days are
//! `"YYYY-MM-DD"`. A redemption's `taken` lists the lots it took from as
//! `[{ lot, points }]`, `lot` being the lot's place in the person's passbook.

use wasm_bindgen::prelude::*;

use crate::error::WardError;
use crate::js::{self, PassbookOut};
use crate::ward::Ward;

impl Ward {
    fn points_cmd(
        &mut self,
        kind: &str,
        args: &JsValue,
        ctx: &JsValue,
    ) -> Result<JsValue, WardError> {
        let command = js::points_command(Some(kind), args)?;
        self.run(command, ctx)
    }
}

#[wasm_bindgen]
impl Ward {
    /// Puts an item in a unit's catalog: its cost in points per piece, the stock, and
    /// optionally a limit per person, a window of days it may be redeemed in, and the
    /// star level a person must hold (a star-level benefit).
    ///
    /// ```js
    /// ward.addItem({ id: "rice", unit: "510105001001", name: "大米 5kg", cost: 50,
    ///   stock: 10, per_person: 1 }, { actor: "staff" });
    /// ```
    #[wasm_bindgen(js_name = addItem, unchecked_return_type = "Receipt")]
    pub fn add_item(
        &mut self,
        #[wasm_bindgen(unchecked_param_type = "AddItemArgs")] args: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "Context")] ctx: JsValue,
    ) -> Result<JsValue, WardError> {
        self.points_cmd("add_item", &args, &ctx)
    }

    /// Adds pieces to an item's stock.
    #[wasm_bindgen(unchecked_return_type = "Receipt")]
    pub fn restock(
        &mut self,
        #[wasm_bindgen(unchecked_param_type = "RestockArgs")] args: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "Context")] ctx: JsValue,
    ) -> Result<JsValue, WardError> {
        self.points_cmd("restock", &args, &ctx)
    }

    /// Earns the points of a certified service record for the person who served: counted
    /// hours at `points.per_hour` plus the activity's points, as a new lot expiring by
    /// `points.expiry`. Earning twice has one effect.
    #[wasm_bindgen(js_name = earnForService, unchecked_return_type = "Receipt")]
    pub fn earn_for_service(
        &mut self,
        #[wasm_bindgen(unchecked_param_type = "EarnForServiceArgs")] args: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "Context")] ctx: JsValue,
    ) -> Result<JsValue, WardError> {
        self.points_cmd("earn_for_service", &args, &ctx)
    }

    /// Earns the points of a rated request for the person who handled it, by the filer's
    /// level (`points.per_rating`). Earning twice has one effect.
    #[wasm_bindgen(js_name = earnForRequest, unchecked_return_type = "Receipt")]
    pub fn earn_for_request(
        &mut self,
        #[wasm_bindgen(unchecked_param_type = "EarnForRequestArgs")] args: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "Context")] ctx: JsValue,
    ) -> Result<JsValue, WardError> {
        self.points_cmd("earn_for_request", &args, &ctx)
    }

    /// Awards points by hand (an activity outside the rules, a prize), with a reason.
    #[wasm_bindgen(unchecked_return_type = "Receipt")]
    pub fn award(
        &mut self,
        #[wasm_bindgen(unchecked_param_type = "AwardArgs")] args: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "Context")] ctx: JsValue,
    ) -> Result<JsValue, WardError> {
        self.points_cmd("award", &args, &ctx)
    }

    /// Redeems an item: points (earliest expiry first, then earliest earned) and stock are
    /// taken together or not at all. Needs an idempotency key (`ctx.key`; without one,
    /// `key_required`): a retry with the same key has one effect.
    ///
    /// ```js
    /// ward.redeem({ id: "red-1", person: "v1", item: "rice", quantity: 1 },
    ///   { actor: "v1", key: "redeem-red-1" });
    /// ```
    #[wasm_bindgen(unchecked_return_type = "Receipt")]
    pub fn redeem(
        &mut self,
        #[wasm_bindgen(unchecked_param_type = "RedeemArgs")] args: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "Context")] ctx: JsValue,
    ) -> Result<JsValue, WardError> {
        self.points_cmd("redeem", &args, &ctx)
    }

    /// Reverses a redemption (command type `reverse`): its points go back to the lots they
    /// came from, with their original expiry, and its pieces back to stock.
    #[wasm_bindgen(js_name = reverseRedemption, unchecked_return_type = "Receipt")]
    pub fn reverse_redemption(
        &mut self,
        #[wasm_bindgen(unchecked_param_type = "ReverseRedemptionArgs")] args: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "Context")] ctx: JsValue,
    ) -> Result<JsValue, WardError> {
        self.points_cmd("reverse", &args, &ctx)
    }

    /// Expires every lot whose last day is before `on` (command type `expire`).
    #[wasm_bindgen(js_name = expirePoints, unchecked_return_type = "Receipt")]
    pub fn expire_points(
        &mut self,
        #[wasm_bindgen(unchecked_param_type = "ExpirePointsArgs")] args: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "Context")] ctx: JsValue,
    ) -> Result<JsValue, WardError> {
        self.points_cmd("expire", &args, &ctx)
    }

    // ---- queries ----

    /// A person's passbook — earned, spent, expired, balance (`earned = spent + expired +
    /// balance`) and the lots in the order earned — or `null` if they never earned.
    #[wasm_bindgen(unchecked_return_type = "Passbook | null")]
    pub fn passbook(&self, person: &str) -> Result<JsValue, WardError> {
        match self.inner.points().passbook(self.inner.grid(), person) {
            Some(book) => js::to_js(&PassbookOut::new(person, book)),
            None => Ok(JsValue::NULL),
        }
    }

    /// Points a person may spend on `on` (`"YYYY-MM-DD"`): lots past their last day do not
    /// count, even before an expiry run removes them. 0 without a passbook; an unknown
    /// person is `unknown_person`.
    #[wasm_bindgen(js_name = availablePoints)]
    pub fn available_points(
        &self,
        person: &str,
        #[wasm_bindgen(unchecked_param_type = "DayString")] on: &str,
    ) -> Result<f64, WardError> {
        let on = js::day(on, "on")?;
        if self.inner.grid().person(person).is_none() {
            return Err(gridward::points::PointsError::UnknownPerson(person.to_owned()).into());
        }
        let points = self
            .inner
            .points()
            .passbook(self.inner.grid(), person)
            .map_or(0, |book| book.available(on));
        // Points stay far below 2^53, where a JavaScript number is exact.
        Ok(points as f64)
    }

    /// A passbook's history, oldest first: `{ on, movement, points, balance, reference }`,
    /// `movement` one of earned, redeemed, reversed, expired; `reference` the lot (earned,
    /// expired) or the redemption (redeemed, reversed).
    #[wasm_bindgen(js_name = passbookHistory, unchecked_return_type = "HistoryLine[]")]
    pub fn passbook_history(&self, person: &str) -> Result<JsValue, WardError> {
        js::to_js(&self.inner.points().history(self.inner.grid(), person))
    }

    /// Every catalog item with its stock, in the order added.
    #[wasm_bindgen(unchecked_return_type = "Item[]")]
    pub fn items(&self) -> Result<JsValue, WardError> {
        js::to_js(self.inner.points().items())
    }

    /// The catalog item with this id, or `null`.
    #[wasm_bindgen(unchecked_return_type = "Item | null")]
    pub fn item(&self, id: &str) -> Result<JsValue, WardError> {
        match self.inner.points().item(id) {
            Some(it) => js::to_js(it),
            None => Ok(JsValue::NULL),
        }
    }

    /// Every redemption, in the order made, reversed ones included (`reversed` says when
    /// and why); `taken` lists the lots each took from.
    #[wasm_bindgen(unchecked_return_type = "Redemption[]")]
    pub fn redemptions(&self) -> Result<JsValue, WardError> {
        js::to_js(self.inner.points().redemptions())
    }

    /// The redemption with this id, or `null`.
    #[wasm_bindgen(unchecked_return_type = "Redemption | null")]
    pub fn redemption(&self, id: &str) -> Result<JsValue, WardError> {
        match self.inner.points().redemption(id) {
            Some(r) => js::to_js(r),
            None => Ok(JsValue::NULL),
        }
    }

    /// Points earned, spent, expired and left across the ward, with the people holding a
    /// passbook and the redemptions standing and reversed.
    #[wasm_bindgen(js_name = pointsTotals, unchecked_return_type = "PointsTotals")]
    pub fn points_totals(&self) -> Result<JsValue, WardError> {
        js::to_js(&self.inner.points().totals())
    }
}

//! The owners' assembly (`assembly`, 业主大会) on `Ward`: the roll of who owns which home,
//! motions put to the owners of a compound, votes, and the count under Civil Code
//! Art. 278; and the free function `tally`, which counts any vote the same way.
//!
//! A passed fund motion (a budget, an amendment, a dividend, common income in the
//! remuneration base) takes effect on the fund in the same journal entry as its count.

use wasm_bindgen::prelude::*;

use crate::error::WardError;
use crate::js::{self, MotionOut};
use crate::ward::Ward;

impl Ward {
    fn assembly_cmd(
        &mut self,
        kind: &str,
        args: &JsValue,
        ctx: &JsValue,
    ) -> Result<JsValue, WardError> {
        let command = js::assembly_command(Some(kind), args)?;
        self.run(command, ctx)
    }

    fn motion_out<'a>(&self, m: &'a gridward::assembly::Motion) -> MotionOut<'a> {
        MotionOut::new(m, self.inner.assembly().count(self.inner.grid(), &m.id))
    }
}

#[wasm_bindgen]
impl Ward {
    /// Records who owns a home (业主), or with `owner` omitted or `null`, that nobody is
    /// recorded: such a home counts as one owner who has not voted.
    ///
    /// ```js
    /// ward.setOwner({ household: "1-101", owner: "owner-0" }, { actor: "oc" });
    /// ```
    #[wasm_bindgen(js_name = setOwner, unchecked_return_type = "Receipt")]
    pub fn set_owner(
        &mut self,
        #[wasm_bindgen(unchecked_param_type = "SetOwnerArgs")] args: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "Context")] ctx: JsValue,
    ) -> Result<JsValue, WardError> {
        self.assembly_cmd("set_owner", &args, &ctx)
    }

    /// Puts a motion to the owners of a unit's homes until `closes` (ISO-8601 with a zone,
    /// or a `Date`). Its subject sets its kind: fund subjects and most matters are
    /// ordinary (more than half); raising the maintenance fund, rebuilding and changing or
    /// renting out common parts are special (three quarters).
    ///
    /// ```js
    /// ward.openMotion({ motion: "m-budget", unit: "510105001001002", title: "2026年度预算",
    ///   subject: { type: "approve_budget", fund: "jcmd", budget: "2026" },
    ///   closes: "2026-01-09T18:00:00+08:00" }, { actor: "oc" });
    /// ```
    #[wasm_bindgen(js_name = openMotion, unchecked_return_type = "Receipt")]
    pub fn open_motion(
        &mut self,
        #[wasm_bindgen(unchecked_param_type = "OpenMotionArgs")] args: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "Context")] ctx: JsValue,
    ) -> Result<JsValue, WardError> {
        self.assembly_cmd("open_motion", &args, &ctx)
    }

    /// An owner's vote — their own (`owner` omitted), or a paper ballot the convener
    /// records for the named owner.
    #[wasm_bindgen(js_name = castVote, unchecked_return_type = "Receipt")]
    pub fn cast_vote(
        &mut self,
        #[wasm_bindgen(unchecked_param_type = "CastVoteArgs")] args: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "Context")] ctx: JsValue,
    ) -> Result<JsValue, WardError> {
        self.assembly_cmd("cast_vote", &args, &ctx)
    }

    /// Counts the votes once voting has ended; a passed fund motion takes effect at once.
    #[wasm_bindgen(js_name = closeMotion, unchecked_return_type = "Receipt")]
    pub fn close_motion(
        &mut self,
        #[wasm_bindgen(unchecked_param_type = "MotionArgs")] args: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "Context")] ctx: JsValue,
    ) -> Result<JsValue, WardError> {
        self.assembly_cmd("close_motion", &args, &ctx)
    }

    // ---- queries ----

    /// A motion with its votes and its count (final once closed, as it stands while
    /// open), or `null`.
    #[wasm_bindgen(unchecked_return_type = "MotionInfo | null")]
    pub fn motion(&self, id: &str) -> Result<JsValue, WardError> {
        match self.inner.assembly().motion(id) {
            Some(m) => js::to_js(&self.motion_out(m)),
            None => Ok(JsValue::NULL),
        }
    }

    /// Every motion, by id.
    #[wasm_bindgen(unchecked_return_type = "MotionInfo[]")]
    pub fn motions(&self) -> Result<JsValue, WardError> {
        let all: Vec<MotionOut<'_>> = self
            .inner
            .assembly()
            .motions()
            .map(|m| self.motion_out(m))
            .collect();
        js::to_js(&all)
    }

    /// The recorded owner of a home, or `null`.
    #[wasm_bindgen(unchecked_return_type = "string | null")]
    pub fn owner(&self, household: &str) -> JsValue {
        self.inner
            .assembly()
            .owner(household)
            .map_or(JsValue::NULL, JsValue::from_str)
    }
}

/// Counts a vote under Civil Code Art. 278: valid only if owners holding at least 2/3 of
/// the area and at least 2/3 of the owners take part; an ordinary motion then needs more
/// than half of the participating area and owners, a special one at least 3/4.
/// `electorate` holds each home as `[owner, area]` (an owner of several homes counts
/// once, their areas added); `votes` maps owners to `"yes"`, `"no"` or `"abstain"`.
///
/// ```js
/// tally("special", [["a", "30"], ["b", "30"], ["c", "30"], ["d", "30"]],
///   { a: "yes", b: "yes", c: "yes", d: "no" }).outcome; // "passed"
/// ```
#[wasm_bindgen(unchecked_return_type = "Tally")]
pub fn tally(
    #[wasm_bindgen(unchecked_param_type = "MotionKind")] kind: &str,
    #[wasm_bindgen(unchecked_param_type = "[string, DecimalInput][]")] electorate: JsValue,
    #[wasm_bindgen(unchecked_param_type = "Record<string, Choice>")] votes: JsValue,
) -> Result<JsValue, WardError> {
    let kind = js::motion_kind(kind)?;
    let electorate = js::electorate(&electorate)?;
    let votes = js::votes(&votes)?;
    js::to_js(&gridward::assembly::tally(kind, &electorate, &votes))
}

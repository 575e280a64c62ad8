//! The `Ward` class — one community platform's state and its hash-chained journal — and
//! the free function `verifyJournal`.

use gridward::{Command, Journal};
use wasm_bindgen::prelude::*;

use crate::error::WardError;
use crate::js;

/// A ward: the whole state of a community platform, folded from its hash-chained
/// journal. Every change is a command from an actor; a refused command throws a
/// `GridwardError` and changes nothing.
///
/// ```js
/// import init, { Ward } from "gridward";
/// await init();
/// const ward = new Ward({ grid: { coverage: { band: [30, 100] } } });
/// ward.addUnit({ code: "510105", name: "青羊区" }, { at: "2026-03-01T09:00:00+08:00" });
/// console.log(ward.head, ward.journalLength);
/// ```
#[wasm_bindgen]
pub struct Ward {
    pub(crate) inner: gridward::Ward,
}

impl Ward {
    /// Decides and records a command of any capability under the JavaScript call context.
    pub(crate) fn run(
        &mut self,
        command: impl Into<Command>,
        ctx: &JsValue,
    ) -> Result<JsValue, WardError> {
        let ctx = js::context(ctx)?;
        let receipt = self.inner.execute(&ctx, command)?;
        js::to_js(&receipt)
    }
}

#[wasm_bindgen]
impl Ward {
    /// An empty ward. `config` gives only what differs from the defaults, e.g.
    /// `{ grid: { coverage: { band: [30, 100] } }, tasks: { max_open_claims: 5,
    /// calendar: { holidays: ["2026-10-01"] } } }`; limits may be written `"5wh"`.
    #[wasm_bindgen(constructor)]
    pub fn new(
        #[wasm_bindgen(unchecked_optional_param_type = "WardConfigInput")] config: JsValue,
    ) -> Result<Ward, WardError> {
        Ok(Ward {
            inner: gridward::Ward::new(js::config(&config)?),
        })
    }

    /// The configuration in force, every field filled in.
    #[wasm_bindgen(getter, unchecked_return_type = "WardConfig")]
    pub fn config(&self) -> Result<JsValue, WardError> {
        js::to_js(self.inner.config())
    }

    /// Executes any command given in its JSON form, by capability —
    /// `{ tasks: { type: "start", request: "r-1" } }`, `{ grid: { type: "add_unit", … } }` —
    /// or as a plain grid command, `{ type: "add_unit", code: "510105", name: "青羊区" }`;
    /// returns its receipt.
    #[wasm_bindgen(unchecked_return_type = "Receipt")]
    pub fn execute(
        &mut self,
        #[wasm_bindgen(unchecked_param_type = "WardCommand")] command: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "Context")] ctx: JsValue,
    ) -> Result<JsValue, WardError> {
        let command = js::any_command(&command)?;
        self.run(command, &ctx)
    }

    /// A dry run: the events a command would cause, in their JSON form. Nothing is
    /// recorded; a command that would be refused throws as `execute` would.
    #[wasm_bindgen(unchecked_return_type = "WardEvent[]")]
    pub fn decide(
        &self,
        #[wasm_bindgen(unchecked_param_type = "WardCommand")] command: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "Context")] ctx: JsValue,
    ) -> Result<JsValue, WardError> {
        let command = js::any_command(&command)?;
        let ctx = js::context(&ctx)?;
        let events = self.inner.decide(&ctx, command)?;
        js::to_js(&events)
    }

    /// The journal's head hash (64 hex digits; zeros while empty): publish it, and anyone
    /// can verify an exported journal against it.
    #[wasm_bindgen(getter)]
    pub fn head(&self) -> String {
        self.inner.head().to_hex()
    }

    /// The number of journal entries (one per accepted command that changed something).
    #[wasm_bindgen(getter, js_name = journalLength)]
    pub fn journal_length(&self) -> u32 {
        u32::try_from(self.inner.journal().len()).unwrap_or(u32::MAX)
    }

    /// The journal as JSON lines, one entry a line:
    /// `{"seq":1,"prev":"…","hash":"…","body":{…}}`, where
    /// `hash = sha256(seq + "\n" + prev + "\n" + body)`.
    #[wasm_bindgen(js_name = exportJournal)]
    pub fn export_journal(&self) -> String {
        self.inner.to_jsonl()
    }

    /// Rebuilds a ward from an exported journal: verifies the chain, then replays every
    /// entry against the state it meets. Throws a `GridwardError` of kind `"journal"` if
    /// the text is broken or does not replay.
    #[wasm_bindgen(js_name = fromJournal)]
    pub fn from_journal(
        text: &str,
        #[wasm_bindgen(unchecked_optional_param_type = "WardConfigInput")] config: JsValue,
    ) -> Result<Ward, WardError> {
        let config = js::config(&config)?;
        Ok(Ward {
            inner: gridward::Ward::from_jsonl(config, text)?,
        })
    }

    /// A digest of the whole state (hex), equal for equal states however they were
    /// reached — a ward rebuilt by `fromJournal` has the digest of the one that wrote it.
    #[wasm_bindgen(js_name = stateDigest)]
    pub fn state_digest(&self) -> String {
        self.inner.state_digest().to_hex()
    }
}

/// Verifies exported journal text without trusting it: recomputes every hash and reports
/// how far the chain holds. Never throws for a broken journal (only for a malformed
/// `expectedHead`); with `expectedHead`, `head_matches` says whether the journal is intact
/// and ends at that published head.
///
/// ```js
/// const report = verifyJournal(text, publishedHead);
/// if (!report.intact) console.log(report.first_break.line, report.first_break.reason);
/// ```
#[wasm_bindgen(js_name = verifyJournal, unchecked_return_type = "VerifyReport")]
pub fn verify_journal(text: &str, expected_head: Option<String>) -> Result<JsValue, WardError> {
    let expected = expected_head
        .map(|h| js::hash(&h, "expectedHead"))
        .transpose()?;
    js::to_js(&js::VerifyOut::new(Journal::verify_jsonl(text), expected))
}

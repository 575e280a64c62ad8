//! Error mapping, all of it: every failure reaches JavaScript as a real `Error` whose
//! `name` is `"GridwardError"`, with a stable snake_case `code` and a broad `kind`.
//!
//! Core errors keep the core's `code()` and `kind()`. Faults of the JavaScript input
//! itself have kind `"invalid"` and the same codes as the Python face: `invalid_command`,
//! `invalid_row`, `invalid_datetime`, `invalid_decimal`, `invalid_config`,
//! `invalid_rules`, `invalid_domain`, `invalid_level`, `bad_hash`, plus `invalid_context`
//! for the JavaScript call context `{actor, at, key}`, and for the tasks capability
//! `invalid_location`, `invalid_status` and `invalid_period`; for the fund and assembly
//! capabilities `invalid_date` (a day not written `YYYY-MM-DD`), `invalid_rounding`,
//! `invalid_split_method`, `invalid_motion_kind`, `invalid_electorate`, `invalid_choice`
//! and `invalid_statement`. An amount that is not one (digits below the fen) is the
//! core's `bad_amount`. The capabilities' own refusals (`unknown_request`,
//! `wrong_status`, `over_budget`, `unbalanced`, `voting_open`, `not_an_owner` …) come
//! from the core like every other; an export the core cannot write has the export's
//! own code (`bad_export_currency`). Scoring and points add `invalid_integer` (a count
//! that is not a whole number from 0 up), `invalid_activity` and `invalid_profile`; the
//! rating tree `invalid_rating_tree`, `invalid_rating_data` and `invalid_evaluations`;
//! their refusals (`service_not_pending`, `own_service`,
//! `insufficient_points`, `out_of_stock`, `limit_reached`, `key_required` …) are the
//! core's.

use js_sys::{Error as JsError, Reflect};
use wasm_bindgen::prelude::*;

/// The `name` every error thrown by Gridward carries.
pub const ERROR_NAME: &str = "GridwardError";

/// Why a call from JavaScript failed, before it becomes a JS `Error`.
#[derive(Debug)]
pub enum WardError {
    /// The core refused the command or query.
    Core(gridward::Error),
    /// The JavaScript value given does not have the shape the call needs.
    Input {
        /// The stable code.
        code: &'static str,
        /// What was wrong.
        message: String,
    },
    /// A result could not be turned into a JavaScript value (a bug, not bad input).
    Output(String),
}

impl WardError {
    /// An input error with its code and a message saying what was expected.
    pub fn input(code: &'static str, message: impl Into<String>) -> WardError {
        WardError::Input {
            code,
            message: message.into(),
        }
    }

    /// The stable code, as JavaScript sees it in `error.code`.
    pub fn code(&self) -> &'static str {
        match self {
            WardError::Core(e) => e.code(),
            WardError::Input { code, .. } => code,
            WardError::Output(_) => "output_error",
        }
    }

    /// The broad kind, as JavaScript sees it in `error.kind`.
    pub fn kind(&self) -> &'static str {
        match self {
            WardError::Core(e) => e.kind().as_str(),
            WardError::Input { .. } | WardError::Output(_) => "invalid",
        }
    }

    /// The human-readable message.
    pub fn message(&self) -> String {
        match self {
            WardError::Core(e) => e.to_string(),
            WardError::Input { message, .. } => message.clone(),
            WardError::Output(m) => format!("cannot convert a result to JavaScript: {m}"),
        }
    }
}

impl From<gridward::Error> for WardError {
    fn from(e: gridward::Error) -> Self {
        WardError::Core(e)
    }
}

impl From<gridward::grid::GridError> for WardError {
    fn from(e: gridward::grid::GridError) -> Self {
        WardError::Core(e.into())
    }
}

impl From<gridward::grid::CodeError> for WardError {
    fn from(e: gridward::grid::CodeError) -> Self {
        WardError::Core(e.into())
    }
}

impl From<gridward::tasks::TaskError> for WardError {
    fn from(e: gridward::tasks::TaskError) -> Self {
        WardError::Core(e.into())
    }
}

impl From<gridward::fund::FundError> for WardError {
    fn from(e: gridward::fund::FundError) -> Self {
        WardError::Core(e.into())
    }
}

impl From<gridward::fund::ledger::LedgerError> for WardError {
    fn from(e: gridward::fund::ledger::LedgerError) -> Self {
        WardError::Core(gridward::fund::FundError::from(e).into())
    }
}

impl From<gridward::money::MoneyError> for WardError {
    fn from(e: gridward::money::MoneyError) -> Self {
        WardError::Core(gridward::fund::FundError::from(e).into())
    }
}

impl From<gridward::assembly::AssemblyError> for WardError {
    fn from(e: gridward::assembly::AssemblyError) -> Self {
        WardError::Core(e.into())
    }
}

impl From<gridward::scoring::ScoringError> for WardError {
    fn from(e: gridward::scoring::ScoringError) -> Self {
        WardError::Core(e.into())
    }
}

impl From<gridward::points::PointsError> for WardError {
    fn from(e: gridward::points::PointsError) -> Self {
        WardError::Core(e.into())
    }
}

impl From<gridward::scoring::tree::TreeError> for WardError {
    fn from(e: gridward::scoring::tree::TreeError) -> Self {
        WardError::Core(e.into())
    }
}

/// An export the core could not write (a currency that is no commodity name): its own
/// stable code (`bad_export_currency`, `bad_export_account_name`), kind `"invalid"`.
impl From<gridward::fund::export::ExportError> for WardError {
    fn from(e: gridward::fund::export::ExportError) -> Self {
        WardError::Input {
            code: e.code(),
            message: e.to_string(),
        }
    }
}

impl From<gridward::journal::JournalError> for WardError {
    fn from(e: gridward::journal::JournalError) -> Self {
        WardError::Core(e.into())
    }
}

impl From<WardError> for JsValue {
    fn from(e: WardError) -> JsValue {
        let err = JsError::new(&e.message());
        err.set_name(ERROR_NAME);
        // Setting a property on a fresh Error object cannot fail; ignore the Result.
        let _ = Reflect::set(&err, &"code".into(), &e.code().into());
        let _ = Reflect::set(&err, &"kind".into(), &e.kind().into());
        err.into()
    }
}

/// Whether `value` is an error thrown by Gridward (an `Error` named `"GridwardError"`
/// with a string `code`); narrows the type in TypeScript.
///
/// ```js
/// try { ward.addUnit({ code: "510105", name: "青羊区" }); }
/// catch (e) { if (isGridwardError(e) && e.code === "unit_exists") skip(); }
/// ```
#[wasm_bindgen(js_name = isGridwardError, unchecked_return_type = "value is GridwardError")]
pub fn is_gridward_error(
    #[wasm_bindgen(unchecked_param_type = "unknown")] value: &JsValue,
) -> bool {
    value.dyn_ref::<JsError>().is_some_and(|e| {
        e.name() == ERROR_NAME && Reflect::get(e, &"code".into()).is_ok_and(|c| c.is_string())
    })
}

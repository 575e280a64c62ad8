//! WebAssembly bindings of Gridward: the npm package `gridward`.
//!
//! One class, [`Ward`](ward::Ward), holds a community platform's state and its
//! hash-chained journal; its camelCase methods mirror the core's grid, tasks, fund and
//! assembly commands and queries, and the free function `verifyJournal` checks exported
//! journal text (`Ward.verifyStatement` a fund's published statement against it). The
//! free functions `split`, `applyRate` and `tally` are the core's money and vote counts.
//! Values cross as plain JavaScript in the canonical JSON form of the core's serde types:
//! codes and amounts as strings, dates as ISO-8601 strings (or `Date` objects going in),
//! days as `"YYYY-MM-DD"`.
//! Failures throw real `Error` objects named `"GridwardError"` with `.code` and `.kind`.
//!
//! ```js
//! import init, { Ward, verifyJournal } from "gridward";
//! await init();
//! const ward = new Ward();
//! const at = "2026-03-01T09:00:00+08:00";
//! ward.addUnit({ code: "510105", name: "青羊区" }, { at });
//! const text = ward.exportJournal();
//! console.log(verifyJournal(text, ward.head).head_matches); // true
//! ```
//!
//! Layout: `ward.rs` (the class, journal), `grid.rs` (grid commands and queries),
//! `tasks.rs` (task routing: requests, their commands and indicators), `open311.rs`
//! (Open311 GeoReport v2 interchange), `fund.rs` (a compound's common fund: fees,
//! budgets, payments, the ledger, statements, exports; `split` and `applyRate`),
//! `assembly.rs` (the owners' assembly: owners, motions, votes; `tally`), `scoring.rs`
//! (service records, volunteers' hours and stars, obligations, handlers' scores;
//! `starLevel`, `satisfactionRate`), `points.rs` (passbooks, the catalog, redemptions),
//! `rating.rs` (the community rating tree: `evaluateCommunities`, `ratingLosses`,
//! `checkRatingTree`),
//! `js/` (all conversion: what comes in, in `mod.rs`; result shapes, in `out.rs`; the
//! tasks capability's, in `tasks.rs`; the fund's and the assembly's, in `fund.rs`; the
//! scoring and points capabilities', in `scoring.rs`; the rating tree's, in
//! `rating.rs`), `error.rs`
//! (all error mapping), `types.rs` and `types/` (TypeScript declarations of every
//! domain object).

use wasm_bindgen::prelude::*;

mod assembly;
mod error;
mod fund;
mod grid;
mod js;
mod open311;
mod points;
mod rating;
mod scoring;
mod tasks;
mod types;
mod ward;

pub use assembly::tally;
pub use error::{is_gridward_error, WardError};
pub use fund::{apply_rate_js, split_amount};
pub use rating::{check_rating_tree, evaluate_communities, rating_losses};
pub use scoring::{satisfaction_rate_js, star_level};
pub use ward::{verify_journal, Ward};

/// Runs when the module is instantiated: Rust panics show in the console with their
/// message instead of as a bare `unreachable` trap.
#[wasm_bindgen(start)]
fn start() {
    console_error_panic_hook::set_once();
}

//! # Gridward
//!
//! Neighbourhood governance as Chinese cities practise it, as an embeddable library: grids
//! of households (网格化管理), the people who answer for them, and — built on the same
//! foundation — residents' requests, points for service and the open accounts of a
//! compound's common fund.
//!
//! Every change follows one flow. An [`Actor`] gives a [`Command`]; [`Ward::execute`]
//! decides it against the current state — refusing it with a typed [`Error`] and
//! changing nothing, or turning it into events — records the events in a hash-chained
//! [`Journal`], and folds them into state. Replaying the journal rebuilds the same state.
//!
//! ## Quick start
//!
//! ```
//! use chrono::DateTime;
//! use gridward::grid::{Domain, GridCommand, NodeCode};
//! use gridward::{Actor, Context, Ward, WardConfig};
//! use rust_decimal::Decimal;
//!
//! # fn main() -> Result<(), Box<dyn std::error::Error>> {
//! let mut ward = Ward::new(WardConfig::default());
//! let at = DateTime::parse_from_rfc3339("2026-03-01T09:00:00+08:00")?;
//! let platform = Context::new(Actor::System, at);
//! for (code, name) in [
//!     ("510105", "青羊区"),
//!     ("510105001", "草市街街道"),
//!     ("510105001001", "吉福社区"),
//!     ("510105001001001", "一号院落网格"),
//!     ("510105001001001001", "1栋微网格"),
//! ] {
//!     let code = NodeCode::parse(code)?;
//!     ward.execute(&platform, GridCommand::AddUnit { code, name: name.into(), domains: None })?;
//! }
//! let micro = NodeCode::parse("510105001001001001")?;
//! let area = Decimal::new(7200, 2); // 72.00 m²
//! ward.execute(&platform, GridCommand::AddHousehold { id: "1-1-101".into(), unit: micro, area })?;
//!
//! // A household's chain of responsibility for fire safety, lowest unit first.
//! let chain = ward.grid().chain("1-1-101", Domain::FireSafety)?;
//! assert_eq!(chain.links[0].unit.code(), micro);
//!
//! // A resident cannot change the structure; the state is untouched.
//! let resident = GridCommand::AddPerson {
//!     id: "r1".into(), name: "王芳".into(), phone: None, party_member: false,
//! };
//! ward.execute(&platform, resident)?;
//! let head = ward.head();
//! let as_resident = Context::new(Actor::person("r1"), at);
//! let refused = ward.execute(&as_resident, GridCommand::RenameUnit { code: micro, name: "x".into() });
//! assert_eq!(refused.map_err(|e| e.code()), Err("permission_denied"));
//! assert_eq!(ward.head(), head);
//!
//! // The journal verifies, and replays to the same state.
//! let text = ward.to_jsonl();
//! assert!(gridward::Journal::verify_jsonl(&text).intact);
//! let again = Ward::from_jsonl(WardConfig::default(), &text)?;
//! assert_eq!(again.state_digest(), ward.state_digest());
//! # Ok(())
//! # }
//! ```

#![deny(missing_docs)]

pub mod access;
mod as_value;
pub mod assembly;
pub mod calendar;
pub mod capability;
pub mod error;
pub mod fund;
pub mod grid;
mod ids;
pub mod journal;
pub mod limits;
pub mod money;
mod order;
pub mod party;
pub mod points;
pub mod projects;
pub mod queries;
pub mod scoring;
pub mod sim;
pub mod snapshot;
mod spread;
pub mod surface;
mod tagged;
#[cfg(test)]
mod tagged_tests;
pub mod tasks;
pub mod text;
mod tracked;
#[cfg(test)]
mod tracked_tests;
mod ward;

pub use access::Context;
/// The crate's README (what crates.io shows), its example run as a doctest as printed.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
pub struct ReadmeDoctests;

pub use access::{Actor, Permission, Role};
pub use capability::{Capability, Effects};
pub use error::{Error, ErrorKind};
pub use journal::{Hash, Journal, VerifyReport};
pub use surface::{Function, Query};
pub use ward::{
    BatchReceipt, CapabilityInfo, Command, Event, Receipt, StoringError, Ward, WardConfig,
    CAPABILITIES,
};

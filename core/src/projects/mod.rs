//! Community project funds (`projects`, e管家): a community's fund for projects its
//! residents propose, the council's or the residents' decision on a shortlist under a
//! named selection rule (the greedy rules and the Method of Equal Shares), delivery by
//! social organisations paid in tranches, and acceptance by named evaluators. Elections
//! read and write Pabulib's `.pb` format.

mod election;
pub mod pabulib;
pub mod rules;
mod selection;

pub use election::{Ballot, BallotForm, BallotKind, Candidate, Election};
pub use pabulib::{PabulibError, PbFile};
pub use rules::{check_ballot, scores, select, BallotError, SelectionError, Support};
pub use selection::{Comparison, ProjectResult, Reason, Rule, Selection, VoterPayment};

//! Community project funds (`projects`, e管家): a community's fund for projects its
//! residents propose, the council's or the residents' decision on a shortlist under a
//! named selection rule (the greedy rules and the Method of Equal Shares), delivery by
//! social organisations paid in tranches, and acceptance by named evaluators. Elections
//! read and write Pabulib's `.pb` format.
//!
//! The cycle follows Chengdu's e管家 platform: residents register and propose; the
//! community's staff and party organisation sort the proposals (merge duplicates, whose
//! supporters carry over; decline with a reason; admit at a checked cost) and publish
//! the shortlist; the residents' council (议事会) or every registered resident decides,
//! each voter with one ballot that they may replace until the decision closes; the rule
//! selects within the fund's amount and the project list is published; social
//! organisations apply to deliver, staff choose one at its quote, and the fund commits
//! that much; tranches are paid from the fund's books, each with a voucher, never above
//! the contract or the bank balance; named evaluators give verdicts and scores, a
//! configurable rule accepts or sends the work back; the final tranche follows
//! acceptance, and what the contract left unpaid returns to the fund.
//!
//! Ballots are recorded under a token derived from the voter, the fund and the ward's
//! ballot secret, so the journal shows that a ballot was replaced but not whose it is;
//! no public output names a voter.

mod apply;
mod capability;
mod chart;
mod check;
mod command;
mod config;
mod decide;
mod deliver;
mod digest;
mod election;
mod error;
mod event;
mod import;
mod model;
pub mod pabulib;
mod report;
mod roll;
pub mod rules;
mod selection;
mod state;
mod view;

pub use capability::Reads;
pub use chart::{project_account, ALLOCATION, BANK};
pub use command::ProjectsCommand;
pub use decide::stage_name;
pub use config::{AcceptShare, AcceptanceRule, ProjectsConfig};
pub use election::{Ballot, BallotForm, BallotKind, Candidate, Election};
pub use error::ProjectsError;
pub use event::ProjectsEvent;
pub use pabulib::{PabulibError, PbFile};
pub use rules::{check_ballot, scores, select, BallotError, SelectionError, Support};
pub use model::{
    Application, Decision, Evaluation, EvaluatorCapacity, FundSource, FundStage, Organisation,
    Project, ProjectFund, ProjectStage, Proposal, ProposalStatus, Tranche, Verdict, Voters,
};
pub use report::{
    CategoryRow, ProjectsReport, ProjectsStatement, PublicProject, PublicTranche, PublicVerdict,
};
pub use selection::{Comparison, ProjectResult, Reason, Rule, Selection, VoterPayment};
pub use state::Projects;
pub use view::{DecisionView, FundView};

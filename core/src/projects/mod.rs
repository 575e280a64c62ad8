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
//!
//! ## Quick start
//!
//! ```
//! use chrono::{DateTime, Duration};
//! use gridward::grid::{ImportRow, NodeCode};
//! use gridward::money::Amount;
//! use gridward::projects::{BallotForm, FundSource, ProjectsCommand, Rule, Voters};
//! use gridward::{Actor, Context, Role, Ward, WardConfig};
//!
//! # fn main() -> Result<(), Box<dyn std::error::Error>> {
//! let mut ward = Ward::new(WardConfig::default());
//! let at = DateTime::parse_from_rfc3339("2026-03-02T09:00:00+08:00")?;
//! let mut rows = Vec::new();
//! for (code, name) in [("510107", "武侯区"), ("510107017", "晋阳街道"), ("510107017006", "吉福社区")] {
//!     rows.push(ImportRow::Unit { code: NodeCode::parse(code)?, parent: None, name: name.into(), domains: None });
//! }
//! let community = NodeCode::parse("510107017006")?;
//! for i in 0..4 {
//!     rows.push(ImportRow::Household { id: format!("h{i}"), unit: community, area: "80".parse()? });
//!     rows.push(ImportRow::Person {
//!         id: format!("r{i}"), name: format!("居民{i}"), phone: None, party_member: false, household: Some(format!("h{i}")),
//!     });
//! }
//! rows.push(ImportRow::Person { id: "cs".into(), name: "社工".into(), phone: None, party_member: true, household: None });
//! rows.push(ImportRow::Role { person: "cs".into(), role: Role::CommunityStaff, unit: community });
//! ward.import(&Context::new(Actor::System, at), rows)?;
//!
//! let staff = Context::new(Actor::person("cs"), at);
//! let open = ProjectsCommand::OpenFund {
//!     fund: "f".into(), community, year: 2026, source: FundSource::Guarantee, amount: Amount::from_fen(10_000_000),
//! };
//! ward.execute(&staff, open)?;
//! for (id, cost) in [("lights", 60_000), ("garden", 30_000), ("library", 50_000)] {
//!     let propose = ProjectsCommand::Propose {
//!         proposal: id.into(), fund: "f".into(), title: id.into(), description: id.into(),
//!         category: "环境".into(), estimate: Amount::from_fen(cost * 100), unit: None,
//!     };
//!     ward.execute(&Context::new(Actor::person("r0"), at), propose)?;
//!     ward.execute(&staff, ProjectsCommand::AdmitProposal { proposal: id.into(), cost: Amount::from_fen(cost * 100) })?;
//! }
//! ward.execute(&staff, ProjectsCommand::PublishShortlist { fund: "f".into() })?;
//! let decision = ProjectsCommand::OpenDecision {
//!     fund: "f".into(), form: BallotForm::approval(Some(1), Some(2)), voters: Voters::Residents,
//!     rule: Rule::EqualShares, closes: at + Duration::days(7),
//! };
//! ward.execute(&staff, decision)?;
//! for (voter, choices) in [("r0", ["lights", "garden"]), ("r1", ["lights", "garden"]), ("r2", ["lights", "library"]), ("r3", ["library", "garden"])] {
//!     let ballot = ProjectsCommand::CastBallot { fund: "f".into(), choices: choices.map(String::from).to_vec(), points: vec![] };
//!     ward.execute(&Context::new(Actor::person(voter), at + Duration::days(1)), ballot)?;
//! }
//! ward.execute(&Context::new(Actor::person("cs"), at + Duration::days(8)), ProjectsCommand::CloseDecision { fund: "f".into() })?;
//!
//! let f = ward.projects().fund("f").ok_or("no fund")?;
//! let selection = f.decision.as_ref().and_then(|d| d.selection.as_ref()).ok_or("not closed")?;
//! assert!(selection.cost <= "100000".parse()?);
//! assert!(selection.selected.contains(&"lights".to_owned()));
//! # Ok(())
//! # }
//! ```

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
mod guard;
mod import;
mod model;
pub mod pabulib;
mod reads;
mod report;
mod roll;
pub mod rules;
mod selection;
mod state;
mod view;

pub use chart::{project_account, ALLOCATION, BANK};
pub use command::ProjectsCommand;
pub use config::{AcceptShare, AcceptanceRule, ProjectsConfig};
pub use election::{Ballot, BallotForm, BallotKind, Candidate, Election};
pub use error::ProjectsError;
pub use event::ProjectsEvent;
pub use guard::stage_name;
pub use model::{
    Application, Decision, Evaluation, EvaluatorCapacity, FundSource, FundStage, Organisation,
    Project, ProjectFund, ProjectStage, Proposal, ProposalStatus, Tranche, Verdict, Voters,
};
pub use pabulib::{PabulibError, PbFile};
pub use reads::Reads;
pub use report::{
    CategoryRow, ProjectsReport, ProjectsStatement, PublicProject, PublicTranche, PublicVerdict,
};
pub use rules::{check_ballot, scores, select, BallotError, SelectionError, Support};
pub use selection::{Comparison, ProjectResult, Reason, ReasonKind, Rule, Selection, VoterPayment};
pub use state::Projects;
pub use view::{DecisionView, FundView};

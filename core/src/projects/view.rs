//! A fund and its decision as queries return them: figures computed, ballots counted
//! but not shown.

use chrono::{DateTime, FixedOffset, NaiveDate};
use serde::{Deserialize, Serialize};

use super::chart::BANK;
use super::election::BallotForm;
use super::model::{FundSource, FundStage, ProjectFund, Voters};
use super::selection::{Rule, Selection};
use super::state::Projects;
use crate::grid::NodeCode;
use crate::money::Amount;

/// A decision as queries return it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct DecisionView {
    /// The ballots' form.
    pub form: BallotForm,
    /// Who votes.
    pub voters: Voters,
    /// The rule.
    pub rule: Rule,
    /// When it opened.
    pub opened: DateTime<FixedOffset>,
    /// When voting ends.
    pub closes: DateTime<FixedOffset>,
    /// The shortlist.
    pub candidates: Vec<String>,
    /// Voters on the roll.
    pub eligible: u64,
    /// Ballots cast.
    pub ballots: u64,
    /// The selection, once closed.
    pub selection: Option<Selection>,
}

/// A project fund as queries return it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct FundView {
    /// The fund's id.
    pub id: String,
    /// The community.
    pub community: NodeCode,
    /// The year.
    pub year: i32,
    /// The source.
    pub source: FundSource,
    /// The amount allocated.
    pub amount: Amount,
    /// When it was opened.
    pub opened: NaiveDate,
    /// Its stage.
    pub stage: FundStage,
    /// The bank balance.
    pub balance: Amount,
    /// What is committed to contracts (and paid to completed projects).
    pub committed: Amount,
    /// What is not committed.
    pub available: Amount,
    /// The published shortlist, in ballot order.
    pub shortlist: Vec<String>,
    /// The decision, once opened.
    pub decision: Option<DecisionView>,
}

impl Projects {
    /// A fund as queries return it.
    pub fn view(&self, f: &ProjectFund) -> FundView {
        FundView {
            id: f.id.clone(),
            community: f.community,
            year: f.year,
            source: f.source,
            amount: f.amount,
            opened: f.opened,
            stage: f.stage,
            balance: f.ledger.balance(BANK).unwrap_or(Amount::ZERO),
            committed: self.committed(&f.id),
            available: self.available(&f.id).unwrap_or(Amount::ZERO),
            shortlist: f.shortlist.clone(),
            decision: f.decision.as_ref().map(|d| DecisionView {
                form: d.form.clone(),
                voters: d.voters,
                rule: d.rule.clone(),
                opened: d.opened,
                closes: d.closes,
                candidates: d.candidates.clone(),
                eligible: d.roll.len() as u64,
                ballots: d.ballots.len() as u64,
                selection: d.selection.clone(),
            }),
        }
    }
}

//! A fund's report (participation, money allocated and spent, categories, voters with a
//! funded project) and its public statement (公示): masked, and stamped with the journal
//! head it was drawn from so that anyone holding the journal can recompute it.

use std::collections::{BTreeMap, BTreeSet};

use chrono::NaiveDate;
use rust_decimal::{Decimal, RoundingStrategy};
use serde::{Deserialize, Serialize};

use super::chart::BANK;
use super::error::ProjectsError;
use super::model::{
    EvaluatorCapacity, FundSource, FundStage, ProjectStage, ProposalStatus, Verdict,
};
use super::selection::{ProjectResult, Rule};
use super::state::Projects;
use crate::grid::{mask_name, Grid, NodeCode};
use crate::journal::Hash;
use crate::money::{decimal_text, Amount};

/// Totals of one category of proposals.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct CategoryRow {
    /// The category.
    pub category: String,
    /// Proposals made (merged ones included).
    pub proposals: u64,
    /// Proposals admitted to the ballot.
    pub admitted: u64,
    /// Projects selected.
    pub selected: u64,
    /// What the selected projects cost.
    pub selected_cost: Amount,
    /// What was paid to them.
    pub spent: Amount,
}

/// A fund's report.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct ProjectsReport {
    /// The fund.
    pub fund: String,
    /// The community.
    pub community: NodeCode,
    /// The year.
    pub year: i32,
    /// The source.
    pub source: FundSource,
    /// Its stage.
    pub stage: FundStage,
    /// The amount allocated.
    pub amount: Amount,
    /// Proposals made.
    pub proposals: u64,
    /// Residents who proposed or supported a proposal.
    pub proposers_and_supporters: u64,
    /// Proposals admitted, declined and merged.
    pub admitted: u64,
    /// Proposals declined.
    pub declined: u64,
    /// Proposals merged into others.
    pub merged: u64,
    /// Voters on the roll (for an imported election, the ballots).
    pub eligible: u64,
    /// Ballots cast.
    pub ballots: u64,
    /// Ballots per voter on the roll, percent with two decimals.
    #[serde(
        serialize_with = "decimal_text::write",
        deserialize_with = "decimal_text::read"
    )]
    pub participation: Option<Decimal>,
    /// Projects selected.
    pub selected: u64,
    /// What the selected projects cost on the ballot.
    pub allocated: Amount,
    /// Allocated per amount, percent.
    #[serde(
        serialize_with = "decimal_text::write",
        deserialize_with = "decimal_text::read"
    )]
    pub allocated_share: Option<Decimal>,
    /// What the chosen deliverers were contracted for.
    pub contracted: Amount,
    /// What was paid out.
    pub spent: Amount,
    /// Spent per amount, percent.
    #[serde(
        serialize_with = "decimal_text::write",
        deserialize_with = "decimal_text::read"
    )]
    pub spent_share: Option<Decimal>,
    /// What completed projects returned uncommitted.
    pub returned: Amount,
    /// What the fund has not committed.
    pub available: Amount,
    /// Voters with at least one project they named selected.
    pub voters_with_a_funded_project: u64,
    /// Those voters per ballot, percent.
    #[serde(
        serialize_with = "decimal_text::write",
        deserialize_with = "decimal_text::read"
    )]
    pub funded_share: Option<Decimal>,
    /// Totals by category.
    pub categories: Vec<CategoryRow>,
}

/// A verdict as the statement shows it: the evaluator's name masked.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct PublicVerdict {
    /// The evaluator's name, masked (`张*`).
    pub evaluator: String,
    /// What they serve as.
    pub capacity: EvaluatorCapacity,
    /// The verdict.
    pub verdict: Verdict,
    /// The score.
    pub score: u8,
}

/// A tranche as the statement shows it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct PublicTranche {
    /// The payment's id.
    pub payment: String,
    /// When.
    pub date: NaiveDate,
    /// How much.
    pub amount: Amount,
    /// The voucher.
    pub voucher: String,
    /// Whether it was the final one.
    pub final_tranche: bool,
}

/// A selected project as the statement shows it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct PublicProject {
    /// The project.
    pub id: String,
    /// Its title.
    pub title: String,
    /// Its category.
    pub category: String,
    /// Its cost on the ballot.
    pub cost: Amount,
    /// Its stage.
    pub stage: ProjectStage,
    /// The deliverer's name (an organisation's name is public).
    pub deliverer: Option<String>,
    /// The contract.
    pub contracted: Option<Amount>,
    /// Paid so far.
    pub paid: Amount,
    /// Returned to the fund on completion.
    pub returned: Option<Amount>,
    /// The tranches with their vouchers.
    pub tranches: Vec<PublicTranche>,
    /// The verdicts of the last round.
    pub verdicts: Vec<PublicVerdict>,
    /// Deliveries rejected and redone.
    pub rejections: u32,
}

/// A fund's public statement (公示).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct ProjectsStatement {
    /// The fund.
    pub fund: String,
    /// The community.
    pub community: NodeCode,
    /// The year.
    pub year: i32,
    /// The source.
    pub source: FundSource,
    /// The amount allocated.
    pub amount: Amount,
    /// The rule of the decision, once opened.
    pub rule: Option<Rule>,
    /// Voters on the roll.
    pub eligible: u64,
    /// Ballots cast.
    pub ballots: u64,
    /// Every shortlisted project's score and why it was or was not selected.
    pub results: Vec<ProjectResult>,
    /// The selected projects.
    pub projects: Vec<PublicProject>,
    /// The bank balance.
    pub balance: Amount,
    /// What is not committed.
    pub available: Amount,
    /// The journal entries it was drawn from.
    pub journal_entries: u64,
    /// The journal's head after them.
    pub head: Hash,
}

fn percent(part: u64, whole: u64) -> Option<Decimal> {
    if whole == 0 {
        return None;
    }
    let p = Decimal::from(part) * Decimal::ONE_HUNDRED / Decimal::from(whole);
    let mut p = p.round_dp_with_strategy(2, RoundingStrategy::MidpointAwayFromZero);
    p.rescale(2);
    Some(p)
}

impl Projects {
    /// A fund's report.
    pub fn report(&self, fund: &str) -> Result<ProjectsReport, ProjectsError> {
        let f = self.get_fund(fund)?;
        let mut categories: BTreeMap<&str, CategoryRow> = BTreeMap::new();
        let (mut proposals, mut admitted, mut declined, mut merged) = (0, 0, 0, 0);
        let mut people = BTreeSet::new();
        for p in self.proposals_of(fund) {
            proposals += 1;
            people.extend(p.supporters.iter());
            let row = categories
                .entry(&p.category)
                .or_insert_with(|| CategoryRow {
                    category: p.category.clone(),
                    proposals: 0,
                    admitted: 0,
                    selected: 0,
                    selected_cost: Amount::ZERO,
                    spent: Amount::ZERO,
                });
            row.proposals += 1;
            match p.status {
                ProposalStatus::Admitted => {
                    admitted += 1;
                    row.admitted += 1;
                }
                ProposalStatus::Declined => declined += 1,
                ProposalStatus::Merged => merged += 1,
                _ => {}
            }
            if let Some(project) = self.projects.get(&p.id) {
                row.selected += 1;
                row.selected_cost = row.selected_cost.plus(p.cost.unwrap_or(p.estimate));
                row.spent = row.spent.plus(project.paid());
            }
        }
        let decision = f.decision.as_ref();
        let ballots = decision.map_or(0, |d| d.ballots.len() as u64);
        let eligible = decision.map_or(0, |d| d.roll.len() as u64);
        let selected: BTreeSet<&str> = decision
            .and_then(|d| d.selection.as_ref())
            .map(|s| s.selected.iter().map(String::as_str).collect())
            .unwrap_or_default();
        let funded_voters = decision.map_or(0, |d| {
            d.ballots
                .values()
                .filter(|(choices, points)| {
                    choices.iter().enumerate().any(|(i, c)| {
                        selected.contains(c.as_str()) && points.get(i).is_none_or(|&p| p > 0)
                    })
                })
                .count() as u64
        });
        let projects: Vec<_> = self.projects_of(fund).collect();
        let allocated: Amount = projects.iter().map(|p| self.cost(&p.id)).sum();
        let contracted: Amount = projects.iter().filter_map(|p| p.contracted).sum();
        let spent: Amount = projects.iter().map(|p| p.paid()).sum();
        let returned: Amount = projects.iter().filter_map(|p| p.returned).sum();
        Ok(ProjectsReport {
            fund: f.id.clone(),
            community: f.community,
            year: f.year,
            source: f.source,
            stage: f.stage,
            amount: f.amount,
            proposals,
            proposers_and_supporters: people.len() as u64,
            admitted,
            declined,
            merged,
            eligible,
            ballots,
            participation: percent(ballots, eligible),
            selected: projects.len() as u64,
            allocated,
            allocated_share: f.amount.percent_of(allocated),
            contracted,
            spent,
            spent_share: f.amount.percent_of(spent),
            returned,
            available: self.available(fund).unwrap_or(Amount::ZERO),
            voters_with_a_funded_project: funded_voters,
            funded_share: percent(funded_voters, ballots),
            categories: categories.into_values().collect(),
        })
    }

    /// A fund's public statement, stamped with the journal's head and length.
    pub fn statement(
        &self,
        grid: &Grid,
        fund: &str,
        head: Hash,
        journal_entries: u64,
    ) -> Result<ProjectsStatement, ProjectsError> {
        let f = self.get_fund(fund)?;
        let decision = f.decision.as_ref();
        let projects = self
            .projects_of(fund)
            .map(|p| {
                let proposal = self.proposals.get(&p.id);
                let verdicts = p
                    .evaluations
                    .values()
                    .map(|e| PublicVerdict {
                        evaluator: grid
                            .person(&e.evaluator)
                            .map_or_else(|| mask_name(&e.evaluator), |x| mask_name(x.name())),
                        capacity: p
                            .evaluators
                            .get(&e.evaluator)
                            .copied()
                            .unwrap_or(EvaluatorCapacity::ResidentRepresentative),
                        verdict: e.verdict,
                        score: e.score,
                    })
                    .collect();
                PublicProject {
                    id: p.id.clone(),
                    title: proposal.map(|x| x.title.clone()).unwrap_or_default(),
                    category: proposal.map(|x| x.category.clone()).unwrap_or_default(),
                    cost: self.cost(&p.id),
                    stage: p.stage,
                    deliverer: p.deliverer.as_ref().map(|o| {
                        self.organisations
                            .get(o)
                            .map_or(o.clone(), |x| x.name.clone())
                    }),
                    contracted: p.contracted,
                    paid: p.paid(),
                    returned: p.returned,
                    tranches: p
                        .tranches
                        .iter()
                        .map(|t| PublicTranche {
                            payment: t.payment.clone(),
                            date: t.date,
                            amount: t.amount,
                            voucher: t.voucher.clone(),
                            final_tranche: t.final_tranche,
                        })
                        .collect(),
                    verdicts,
                    rejections: p.rejections,
                }
            })
            .collect();
        Ok(ProjectsStatement {
            fund: f.id.clone(),
            community: f.community,
            year: f.year,
            source: f.source,
            amount: f.amount,
            rule: decision.map(|d| d.rule.clone()),
            eligible: decision.map_or(0, |d| d.roll.len() as u64),
            ballots: decision.map_or(0, |d| d.ballots.len() as u64),
            results: decision
                .and_then(|d| d.selection.as_ref())
                .map(|s| s.projects.clone())
                .unwrap_or_default(),
            projects,
            balance: f.ledger.balance(BANK).unwrap_or(Amount::ZERO),
            available: self.available(fund).unwrap_or(Amount::ZERO),
            journal_entries,
            head,
        })
    }

    /// A project's checked cost (its estimate if it was never checked).
    fn cost(&self, project: &str) -> Amount {
        self.proposals
            .get(project)
            .map_or(Amount::ZERO, |p| p.cost.unwrap_or(p.estimate))
    }
}

//! The state of the projects capability, and what it answers directly.

use std::collections::BTreeMap;

use super::election::{Ballot, Candidate, Election};
use super::error::ProjectsError;
use super::model::{Organisation, Project, ProjectFund, ProjectStage, Proposal};
use crate::grid::NodeCode;
use crate::money::Amount;

/// The state of the projects capability: every community's project funds, their
/// proposals and decisions, the projects chosen, the councils and the organisations.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
#[cfg_attr(feature = "snapshot", derive(serde::Serialize, serde::Deserialize))]
pub struct Projects {
    #[cfg_attr(feature = "snapshot", serde(with = "books"))]
    pub(crate) funds: BTreeMap<String, ProjectFund>,
    pub(crate) proposals: BTreeMap<String, Proposal>,
    pub(crate) projects: BTreeMap<String, Project>,
    pub(crate) councils: BTreeMap<NodeCode, Vec<String>>,
    pub(crate) organisations: BTreeMap<String, Organisation>,
}

/// The funds as a snapshot holds them: each with its ledger, which the fund's own
/// serialisation (an answer to queries) leaves out.
#[cfg(feature = "snapshot")]
mod books {
    use std::collections::BTreeMap;

    use serde::{Deserialize, Deserializer, Serializer};

    use super::ProjectFund;
    use crate::fund::ledger::Ledger;

    pub(super) fn serialize<S: Serializer>(
        funds: &BTreeMap<String, ProjectFund>,
        s: S,
    ) -> Result<S::Ok, S::Error> {
        s.collect_map(funds.iter().map(|(id, f)| (id, (f, &f.ledger))))
    }

    pub(super) fn deserialize<'de, D: Deserializer<'de>>(
        d: D,
    ) -> Result<BTreeMap<String, ProjectFund>, D::Error> {
        let funds = BTreeMap::<String, (ProjectFund, Ledger)>::deserialize(d)?;
        funds
            .into_iter()
            .map(|(id, (mut fund, ledger))| {
                fund.ledger = ledger
                    .restored()
                    .map_err(|e| serde::de::Error::custom(format!("fund {id}: {e}")))?;
                Ok((id, fund))
            })
            .collect()
    }
}

impl Projects {
    /// No funds.
    pub fn new() -> Projects {
        Projects::default()
    }

    /// The fund with this id.
    pub fn fund(&self, id: &str) -> Option<&ProjectFund> {
        self.funds.get(id)
    }

    /// Every fund, by id.
    pub fn funds(&self) -> impl Iterator<Item = &ProjectFund> + '_ {
        self.funds.values()
    }

    /// The proposal with this id.
    pub fn proposal(&self, id: &str) -> Option<&Proposal> {
        self.proposals.get(id)
    }

    /// A fund's proposals, by id.
    pub fn proposals_of<'a>(&'a self, fund: &'a str) -> impl Iterator<Item = &'a Proposal> + 'a {
        self.proposals.values().filter(move |p| p.fund == fund)
    }

    /// The selected project with this id.
    pub fn project(&self, id: &str) -> Option<&Project> {
        self.projects.get(id)
    }

    /// A fund's selected projects, by id.
    pub fn projects_of<'a>(&'a self, fund: &'a str) -> impl Iterator<Item = &'a Project> + 'a {
        self.projects.values().filter(move |p| p.fund == fund)
    }

    /// The members of a community's residents' council.
    pub fn council(&self, community: NodeCode) -> &[String] {
        self.councils.get(&community).map_or(&[], Vec::as_slice)
    }

    /// The organisation with this id.
    pub fn organisation(&self, id: &str) -> Option<&Organisation> {
        self.organisations.get(id)
    }

    /// Every organisation, by id.
    pub fn organisations(&self) -> impl Iterator<Item = &Organisation> + '_ {
        self.organisations.values()
    }

    pub(crate) fn get_fund(&self, id: &str) -> Result<&ProjectFund, ProjectsError> {
        self.funds
            .get(id)
            .ok_or_else(|| ProjectsError::UnknownFund(id.to_owned()))
    }

    pub(crate) fn get_proposal(&self, id: &str) -> Result<&Proposal, ProjectsError> {
        self.proposals
            .get(id)
            .ok_or_else(|| ProjectsError::UnknownProposal(id.to_owned()))
    }

    pub(crate) fn get_project(&self, id: &str) -> Result<&Project, ProjectsError> {
        self.projects
            .get(id)
            .ok_or_else(|| ProjectsError::UnknownProject(id.to_owned()))
    }

    /// What a fund has committed: the contracts of projects being delivered, and what
    /// completed projects were paid.
    pub fn committed(&self, fund: &str) -> Amount {
        self.projects_of(fund)
            .map(|p| match p.stage {
                ProjectStage::Completed => p.paid(),
                _ => p.contracted.unwrap_or(Amount::ZERO),
            })
            .sum()
    }

    /// What a fund has not committed: its amount less what it has committed.
    pub fn available(&self, fund: &str) -> Option<Amount> {
        let f = self.funds.get(fund)?;
        f.amount.checked_sub(self.committed(fund)).ok()
    }

    /// The shortlist of a fund's decision at the checked costs, in ballot order: what a
    /// ballot is checked against. None before the decision opens.
    pub fn candidates(&self, fund: &str) -> Option<Vec<Candidate>> {
        let d = self.funds.get(fund)?.decision.as_ref()?;
        let candidates = d
            .candidates
            .iter()
            .filter_map(|id| {
                let p = self.proposals.get(id)?;
                Some(Candidate {
                    id: id.clone(),
                    cost: p.cost.unwrap_or(p.estimate).value(),
                    name: p.title.clone(),
                    category: Some(p.category.clone()),
                })
            })
            .collect();
        Some(candidates)
    }

    /// The election a fund's decision holds: the fund's amount as the budget, the
    /// shortlist at the checked costs, and the ballots by token. None before the
    /// decision opens.
    pub fn election(&self, fund: &str) -> Option<Election> {
        let f = self.funds.get(fund)?;
        let d = f.decision.as_ref()?;
        let candidates = self.candidates(fund)?;
        let ballots = d
            .ballots
            .iter()
            .map(|(token, (choices, points))| Ballot {
                voter: token.clone(),
                choices: choices.clone(),
                points: points.clone(),
            })
            .collect();
        Some(Election {
            budget: f.amount.value(),
            form: d.form.clone(),
            candidates,
            ballots,
        })
    }
}

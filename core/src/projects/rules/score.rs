//! Scores: what every rule reads from the ballots.
//!
//! - approval and choose-1 ballots: a project's score is the number of ballots naming it;
//! - cumulative ballots: the sum of the points it was given;
//! - ordinal ballots: Borda points. With `m` candidates in the election, the project a
//!   ballot ranks first gets `m` points, the second `m - 1`, and so on (the project at
//!   0-based position `j` gets `m - j`); a project the ballot does not rank gets none.
//!
//! A project's votes are always the number of ballots naming it, whatever the kind.

use std::collections::HashMap;

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use super::error::SelectionError;
use crate::money::decimal_text;
use crate::projects::{BallotKind, Election};

/// One project's support: its votes and its score.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Support {
    /// The project's id.
    pub id: String,
    /// How many ballots name it.
    pub votes: u64,
    /// Its score (see the module's documentation).
    #[serde(
        serialize_with = "decimal_text::write",
        deserialize_with = "decimal_text::read"
    )]
    pub score: Decimal,
}

/// An election checked and indexed: candidates by position, ballots as lists of
/// candidate positions, and every project's votes and score.
#[derive(Clone, Debug)]
pub(crate) struct Tally {
    /// Each ballot's choices, as candidate positions, in the ballot's order.
    pub ballots: Vec<Vec<u32>>,
    /// Votes per candidate.
    pub votes: Vec<u64>,
    /// Score per candidate.
    pub scores: Vec<Decimal>,
}

impl Tally {
    /// Checks the election's structure (unique candidate ids, non-negative costs and
    /// budget, ballots naming known candidates once each, points matching choices) and
    /// counts. The form's limits are not checked here: they are for ballots being cast
    /// ([`check_ballot`](super::check_ballot)); published elections are decided as cast.
    pub fn new(election: &Election) -> Result<Tally, SelectionError> {
        if election.budget.is_sign_negative() && !election.budget.is_zero() {
            return Err(SelectionError::NegativeBudget(election.budget.to_string()));
        }
        let mut index: HashMap<&str, u32> = HashMap::with_capacity(election.candidates.len());
        for (i, c) in election.candidates.iter().enumerate() {
            if c.cost.is_sign_negative() && !c.cost.is_zero() {
                return Err(SelectionError::NegativeCost {
                    project: c.id.clone(),
                    cost: c.cost.to_string(),
                });
            }
            let i = u32::try_from(i).map_err(|_| SelectionError::Overflow("candidates"))?;
            if index.insert(c.id.as_str(), i).is_some() {
                return Err(SelectionError::DuplicateCandidate(c.id.clone()));
            }
        }
        let m = election.candidates.len();
        let kind = election.form.kind;
        let mut votes = vec![0u64; m];
        let mut points = vec![0u64; m];
        let mut ballots = Vec::with_capacity(election.ballots.len());
        let mut seen = vec![usize::MAX; m];
        for (b, ballot) in election.ballots.iter().enumerate() {
            let cumulative = kind == BallotKind::Cumulative;
            if (cumulative && ballot.points.len() != ballot.choices.len())
                || (!cumulative && !ballot.points.is_empty())
            {
                return Err(SelectionError::PointsMismatch {
                    voter: ballot.voter.clone(),
                    choices: ballot.choices.len(),
                    points: ballot.points.len(),
                });
            }
            let mut chosen = Vec::with_capacity(ballot.choices.len());
            for (j, id) in ballot.choices.iter().enumerate() {
                let Some(&c) = index.get(id.as_str()) else {
                    return Err(SelectionError::UnknownProject {
                        voter: ballot.voter.clone(),
                        project: id.clone(),
                    });
                };
                let slot = &mut seen[c as usize];
                if *slot == b {
                    return Err(SelectionError::DuplicateChoice {
                        voter: ballot.voter.clone(),
                        project: id.clone(),
                    });
                }
                *slot = b;
                votes[c as usize] += 1;
                let add = match kind {
                    BallotKind::Cumulative => ballot.points.get(j).copied().unwrap_or(0),
                    BallotKind::Ordinal => (m - j) as u64,
                    _ => 1,
                };
                points[c as usize] = points[c as usize]
                    .checked_add(add)
                    .ok_or(SelectionError::Overflow("points"))?;
                chosen.push(c);
            }
            ballots.push(chosen);
        }
        let scores = points.into_iter().map(Decimal::from).collect();
        Ok(Tally {
            ballots,
            votes,
            scores,
        })
    }
}

/// Every project's votes and score, in the candidates' order.
pub fn scores(election: &Election) -> Result<Vec<Support>, SelectionError> {
    let tally = Tally::new(election)?;
    Ok(election
        .candidates
        .iter()
        .zip(tally.votes.iter().zip(tally.scores.iter()))
        .map(|(c, (&votes, &score))| Support {
            id: c.id.clone(),
            votes,
            score,
        })
        .collect())
}

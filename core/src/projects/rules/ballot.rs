//! Checking a ballot against its form when it is cast.

use std::collections::{HashMap, HashSet};

use rust_decimal::Decimal;

use super::error::BallotError;
use crate::projects::{Ballot, BallotForm, BallotKind, Candidate};

/// Checks one ballot against the form and the candidates: it names its voter; every
/// choice is a candidate, named once; the number of choices keeps `min_length` and
/// `max_length` (a choose-1 ballot names exactly one); points are given on cumulative
/// ballots only, one per choice, none of them zero, each at most
/// `max_points_per_project`, adding up to between `min_sum_points` and
/// `max_sum_points`; and an approval ballot's choices cost together at most
/// `max_sum_cost`.
pub fn check_ballot(
    form: &BallotForm,
    candidates: &[Candidate],
    ballot: &Ballot,
) -> Result<(), BallotError> {
    if ballot.voter.trim().is_empty() {
        return Err(BallotError::NoVoter);
    }
    let voter = || ballot.voter.clone();
    let costs: HashMap<&str, Decimal> =
        candidates.iter().map(|c| (c.id.as_str(), c.cost)).collect();
    let mut seen = HashSet::with_capacity(ballot.choices.len());
    let mut cost = Decimal::ZERO;
    for id in &ballot.choices {
        let Some(&c) = costs.get(id.as_str()) else {
            return Err(BallotError::UnknownProject {
                voter: voter(),
                project: id.clone(),
            });
        };
        if !seen.insert(id.as_str()) {
            return Err(BallotError::DuplicateChoice {
                voter: voter(),
                project: id.clone(),
            });
        }
        cost = cost.saturating_add(c);
    }
    let count = ballot.choices.len();
    if form.kind == BallotKind::ChooseOne && count != 1 {
        return Err(BallotError::NotOne {
            voter: voter(),
            count,
        });
    }
    if let Some(min) = form.min_length {
        if count < min as usize {
            return Err(BallotError::TooFew {
                voter: voter(),
                count,
                min,
            });
        }
    }
    if let Some(max) = form.max_length {
        if count > max as usize {
            return Err(BallotError::TooMany {
                voter: voter(),
                count,
                max,
            });
        }
    }
    if form.kind == BallotKind::Cumulative {
        if ballot.points.len() != count {
            return Err(BallotError::PointsMismatch {
                voter: voter(),
                choices: count,
                points: ballot.points.len(),
            });
        }
        let mut sum = 0u64;
        for (id, &p) in ballot.choices.iter().zip(&ballot.points) {
            if p == 0 {
                return Err(BallotError::ZeroPoints {
                    voter: voter(),
                    project: id.clone(),
                });
            }
            if let Some(max) = form.max_points_per_project {
                if p > max {
                    return Err(BallotError::ProjectPoints {
                        voter: voter(),
                        project: id.clone(),
                        points: p,
                        max,
                    });
                }
            }
            sum = sum.saturating_add(p);
        }
        if let Some(min) = form.min_sum_points {
            if sum < min {
                return Err(BallotError::TooFewPoints {
                    voter: voter(),
                    sum,
                    min,
                });
            }
        }
        if let Some(max) = form.max_sum_points {
            if sum > max {
                return Err(BallotError::TooManyPoints {
                    voter: voter(),
                    sum,
                    max,
                });
            }
        }
    } else if !ballot.points.is_empty() {
        return Err(BallotError::PointsNotAllowed { voter: voter() });
    }
    if form.kind == BallotKind::Approval {
        if let Some(max) = form.max_sum_cost {
            if cost > max {
                return Err(BallotError::CostTooHigh {
                    voter: voter(),
                    cost: cost.to_string(),
                    max: max.to_string(),
                });
            }
        }
    }
    Ok(())
}

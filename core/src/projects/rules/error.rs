//! Why an election cannot be decided, and why a ballot is refused.

use crate::error::kind::error_codes;

/// Why a selection rule could not decide an election.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum SelectionError {
    /// Two candidates share an id.
    #[error("two candidates have the id {0:?}")]
    DuplicateCandidate(String),
    /// A candidate's cost is negative.
    #[error("candidate {project:?}: cost {cost} is negative")]
    NegativeCost {
        /// The project.
        project: String,
        /// Its cost.
        cost: String,
    },
    /// The budget is negative.
    #[error("the budget {0} is negative")]
    NegativeBudget(String),
    /// A ballot names a project that is not a candidate.
    #[error("voter {voter:?}: choices name {project:?}, which is not a candidate")]
    UnknownProject {
        /// The voter.
        voter: String,
        /// The id named.
        project: String,
    },
    /// A ballot names a project twice.
    #[error("voter {voter:?}: choices name {project:?} twice")]
    DuplicateChoice {
        /// The voter.
        voter: String,
        /// The project.
        project: String,
    },
    /// A cumulative ballot's points do not match its choices one for one, or another
    /// kind of ballot carries points.
    #[error("voter {voter:?}: {choices} choices but {points} points")]
    PointsMismatch {
        /// The voter.
        voter: String,
        /// How many choices.
        choices: usize,
        /// How many points.
        points: usize,
    },
    /// Equal Shares cannot price a project that costs nothing (its supporters' payment
    /// per unit of utility is undefined).
    #[error("Equal Shares: candidate {0:?} costs nothing")]
    FreeProject(String),
    /// A total is too large to hold.
    #[error("a total of {0} is too large")]
    Overflow(&'static str),
}

error_codes! {
    SelectionError {
        DuplicateCandidate(..) => ("election_duplicate_candidate", Invalid),
        NegativeCost { .. } => ("election_negative_cost", Invalid),
        NegativeBudget(..) => ("election_negative_budget", Invalid),
        UnknownProject { .. } => ("election_unknown_project", Invalid),
        DuplicateChoice { .. } => ("election_duplicate_choice", Invalid),
        PointsMismatch { .. } => ("election_points_mismatch", Invalid),
        FreeProject(..) => ("election_free_project", Invalid),
        Overflow(..) => ("election_overflow", Invalid),
    }
}

/// Why a ballot is refused when it is cast. Every variant names the voter; the message
/// names the ballot's field (`voter`, `choices` or `points`).
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum BallotError {
    /// The ballot names no voter.
    #[error("voter: a ballot must name its voter")]
    NoVoter,
    /// A choice is not a candidate.
    #[error("voter {voter:?}: choices name {project:?}, which is not a candidate")]
    UnknownProject {
        /// The voter.
        voter: String,
        /// The id named.
        project: String,
    },
    /// A choice is named twice.
    #[error("voter {voter:?}: choices name {project:?} twice")]
    DuplicateChoice {
        /// The voter.
        voter: String,
        /// The project.
        project: String,
    },
    /// Fewer choices than the form's `min_length`.
    #[error("voter {voter:?}: choices name {count} projects; at least {min} are needed")]
    TooFew {
        /// The voter.
        voter: String,
        /// Projects named.
        count: usize,
        /// The form's minimum.
        min: u32,
    },
    /// More choices than the form's `max_length`.
    #[error("voter {voter:?}: choices name {count} projects; at most {max} are allowed")]
    TooMany {
        /// The voter.
        voter: String,
        /// Projects named.
        count: usize,
        /// The form's maximum.
        max: u32,
    },
    /// A choose-1 ballot does not name exactly one project.
    #[error("voter {voter:?}: choices name {count} projects; a choose-1 ballot names one")]
    NotOne {
        /// The voter.
        voter: String,
        /// Projects named.
        count: usize,
    },
    /// A cumulative ballot's points do not match its choices one for one.
    #[error("voter {voter:?}: {choices} choices but {points} points")]
    PointsMismatch {
        /// The voter.
        voter: String,
        /// How many choices.
        choices: usize,
        /// How many points.
        points: usize,
    },
    /// A ballot that is not cumulative carries points.
    #[error("voter {voter:?}: points are given only on cumulative ballots")]
    PointsNotAllowed {
        /// The voter.
        voter: String,
    },
    /// A cumulative ballot gives a choice no points.
    #[error("voter {voter:?}: points give {project:?} nothing; leave it out instead")]
    ZeroPoints {
        /// The voter.
        voter: String,
        /// The project.
        project: String,
    },
    /// A cumulative ballot gives one project more than `max_points_per_project`.
    #[error("voter {voter:?}: points give {project:?} {points}; at most {max} are allowed")]
    ProjectPoints {
        /// The voter.
        voter: String,
        /// The project.
        project: String,
        /// Points given.
        points: u64,
        /// The form's maximum.
        max: u64,
    },
    /// A cumulative ballot gives fewer points in all than `min_sum_points`.
    #[error("voter {voter:?}: points add up to {sum}; at least {min} are needed")]
    TooFewPoints {
        /// The voter.
        voter: String,
        /// Points given in all.
        sum: u64,
        /// The form's minimum.
        min: u64,
    },
    /// A cumulative ballot gives more points in all than `max_sum_points`.
    #[error("voter {voter:?}: points add up to {sum}; at most {max} are allowed")]
    TooManyPoints {
        /// The voter.
        voter: String,
        /// Points given in all (saturating).
        sum: u64,
        /// The form's maximum.
        max: u64,
    },
    /// An approval ballot's projects cost more together than `max_sum_cost`.
    #[error("voter {voter:?}: choices cost {cost} together; at most {max} is allowed")]
    CostTooHigh {
        /// The voter.
        voter: String,
        /// What the choices cost together.
        cost: String,
        /// The form's maximum.
        max: String,
    },
}

error_codes! {
    BallotError {
        NoVoter => ("ballot_no_voter", Invalid),
        UnknownProject { .. } => ("ballot_unknown_project", Invalid),
        DuplicateChoice { .. } => ("ballot_duplicate_choice", Invalid),
        TooFew { .. } => ("ballot_too_few_choices", Invalid),
        TooMany { .. } => ("ballot_too_many_choices", Invalid),
        NotOne { .. } => ("ballot_not_one_choice", Invalid),
        PointsMismatch { .. } => ("ballot_points_mismatch", Invalid),
        PointsNotAllowed { .. } => ("ballot_points_not_allowed", Invalid),
        ZeroPoints { .. } => ("ballot_zero_points", Invalid),
        ProjectPoints { .. } => ("ballot_project_points", Invalid),
        TooFewPoints { .. } => ("ballot_too_few_points", Invalid),
        TooManyPoints { .. } => ("ballot_too_many_points", Invalid),
        CostTooHigh { .. } => ("ballot_cost_too_high", Invalid),
    }
}

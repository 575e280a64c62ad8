//! Counting a vote: the quorum and both majorities of Civil Code Art. 278, on exclusive
//! area and on headcount, compared exactly.

use std::collections::BTreeMap;

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use super::subject::MotionKind;
use crate::money::decimal_text;

/// An owner's vote.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Choice {
    /// For.
    Yes,
    /// Against.
    No,
    /// Takes part without voting for or against.
    Abstain,
}

/// How a vote ended.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Outcome {
    /// Quorum met and both majorities reached.
    Passed,
    /// Quorum met, a majority missed.
    Rejected,
    /// Fewer than two thirds of the area or of the owners took part: no valid vote.
    NoQuorum,
}

impl Outcome {
    /// The snake_case name.
    pub fn as_str(self) -> &'static str {
        match self {
            Outcome::Passed => "passed",
            Outcome::Rejected => "rejected",
            Outcome::NoQuorum => "no_quorum",
        }
    }
}

/// The count of a vote.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Tally {
    /// The kind of motion.
    pub kind: MotionKind,
    /// Exclusive area of the whole compound (m²).
    #[serde(
        serialize_with = "decimal_text::write",
        deserialize_with = "decimal_text::read"
    )]
    pub total_area: Decimal,
    /// Owners of the compound (one who owns several homes counts once).
    pub total_owners: u32,
    /// Area of the owners who took part.
    #[serde(
        serialize_with = "decimal_text::write",
        deserialize_with = "decimal_text::read"
    )]
    pub voted_area: Decimal,
    /// Owners who took part.
    pub voted_owners: u32,
    /// Area voting yes.
    #[serde(
        serialize_with = "decimal_text::write",
        deserialize_with = "decimal_text::read"
    )]
    pub yes_area: Decimal,
    /// Owners voting yes.
    pub yes_owners: u32,
    /// Area voting no.
    #[serde(
        serialize_with = "decimal_text::write",
        deserialize_with = "decimal_text::read"
    )]
    pub no_area: Decimal,
    /// Owners voting no.
    pub no_owners: u32,
    /// At least 2/3 of the area and at least 2/3 of the owners took part.
    pub quorum: bool,
    /// The area majority of the kind was reached among those who took part.
    pub area_majority: bool,
    /// The headcount majority of the kind was reached among those who took part.
    pub owner_majority: bool,
    /// The result.
    pub outcome: Outcome,
}

/// Counts a vote. `electorate` holds each home of the compound as (owner, area); an
/// owner of several homes counts once, with their areas added. `votes` holds each
/// owner's choice; votes of anyone not in the electorate are not counted.
pub fn tally(
    kind: MotionKind,
    electorate: &[(String, Decimal)],
    votes: &BTreeMap<String, Choice>,
) -> Tally {
    let mut owners: BTreeMap<&str, Decimal> = BTreeMap::new();
    for (owner, area) in electorate {
        *owners.entry(owner.as_str()).or_default() += *area;
    }
    let mut t = Tally {
        kind,
        total_area: Decimal::ZERO,
        total_owners: owners.len() as u32,
        voted_area: Decimal::ZERO,
        voted_owners: 0,
        yes_area: Decimal::ZERO,
        yes_owners: 0,
        no_area: Decimal::ZERO,
        no_owners: 0,
        quorum: false,
        area_majority: false,
        owner_majority: false,
        outcome: Outcome::NoQuorum,
    };
    for (owner, area) in &owners {
        t.total_area += *area;
        let Some(choice) = votes.get(*owner) else {
            continue;
        };
        t.voted_area += *area;
        t.voted_owners += 1;
        match choice {
            Choice::Yes => {
                t.yes_area += *area;
                t.yes_owners += 1;
            }
            Choice::No => {
                t.no_area += *area;
                t.no_owners += 1;
            }
            Choice::Abstain => {}
        }
    }
    let (two, three, four) = (Decimal::TWO, Decimal::from(3), Decimal::from(4));
    t.quorum = t.total_owners > 0
        && three * t.voted_area >= two * t.total_area
        && 3 * u64::from(t.voted_owners) >= 2 * u64::from(t.total_owners);
    let (yo, vo) = (u64::from(t.yes_owners), u64::from(t.voted_owners));
    (t.area_majority, t.owner_majority) = match kind {
        MotionKind::Ordinary => (two * t.yes_area > t.voted_area, 2 * yo > vo),
        MotionKind::Special => (
            four * t.yes_area >= three * t.voted_area && t.voted_area > Decimal::ZERO,
            4 * yo >= 3 * vo && vo > 0,
        ),
    };
    t.outcome = if !t.quorum {
        Outcome::NoQuorum
    } else if t.area_majority && t.owner_majority {
        Outcome::Passed
    } else {
        Outcome::Rejected
    };
    t
}

#[cfg(test)]
#[path = "tally_tests.rs"]
mod tests;

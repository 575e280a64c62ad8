//! The assembly's things as plain rows: what its queries answer with, in every face.

use std::collections::BTreeMap;

use chrono::{DateTime, FixedOffset};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use super::subject::{MotionKind, Subject};
use super::tally::{tally, Choice, Tally};
use super::{Assembly, Motion};
use crate::grid::{Grid, GridError, NodeCode};
use crate::money::decimal_text;

/// A motion with its votes and its count: final once closed, as it stands while open.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct MotionView {
    /// The motion's id.
    pub id: String,
    /// The compound's unit.
    pub unit: NodeCode,
    /// Its title.
    pub title: String,
    /// What it decides.
    pub subject: Subject,
    /// Its kind: ordinary (more than half) or special (three quarters).
    pub kind: MotionKind,
    /// When it opened.
    pub opened: DateTime<FixedOffset>,
    /// When voting ends.
    pub closes: DateTime<FixedOffset>,
    /// Votes by owner.
    pub votes: BTreeMap<String, Choice>,
    /// The count: final once closed, as it stands while open.
    pub tally: Tally,
    /// Whether the votes were counted.
    pub closed: bool,
}

/// A home of a compound with its recorded owner and exclusive area: one line of the
/// electorate of a vote.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct HomeRow {
    /// The household's id.
    pub household: String,
    /// Its recorded owner; none when nobody is recorded (the home then counts as one
    /// owner who has not voted).
    pub owner: Option<String>,
    /// Exclusive floor area in m².
    #[serde(
        serialize_with = "decimal_text::write",
        deserialize_with = "decimal_text::read"
    )]
    pub area: Decimal,
}

impl Assembly {
    /// A motion with its count: the final one once closed, the live one before.
    pub fn view(&self, grid: &Grid, m: &Motion) -> MotionView {
        let count = match &m.tally {
            Some(t) => t.clone(),
            None => tally(m.kind, &self.electorate(grid, m.unit), &m.votes),
        };
        MotionView {
            id: m.id.clone(),
            unit: m.unit,
            title: m.title.clone(),
            subject: m.subject.clone(),
            kind: m.kind,
            opened: m.opened,
            closes: m.closes,
            votes: m.votes.clone(),
            tally: count,
            closed: m.tally.is_some(),
        }
    }

    /// The homes under a unit, by unit in code order, with their recorded owners.
    pub fn homes(&self, grid: &Grid, unit: NodeCode) -> Result<Vec<HomeRow>, GridError> {
        Ok(grid
            .households_under(unit)?
            .into_iter()
            .map(|h| HomeRow {
                household: h.id().to_owned(),
                owner: self.owners.get(h.id()).cloned(),
                area: h.area(),
            })
            .collect())
    }
}

//! Which party bodies and secretaries answer for a household: its building's group,
//! its compound's branch and its community's committee, with the community's first
//! secretary on a day.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::model::BodyKind;
use super::Party;
use crate::grid::{Grid, GridError, Level, NodeCode};

/// A unit above a household and its party body, if it has one.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct PartyLink {
    /// The unit.
    pub unit: NodeCode,
    /// Its level.
    pub level: Level,
    /// The kind of body the level has.
    pub kind: BodyKind,
    /// The body's name, or `None` when the unit has no body.
    pub body: Option<String>,
    /// The secretary's person id.
    pub secretary: Option<String>,
    /// The secretary's name.
    pub secretary_name: Option<String>,
}

/// The party bodies that answer for a household, nearest first.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct PartyChain {
    /// The household.
    pub household: String,
    /// Its micro-grid's group, its grid's branch and its community's committee, as far
    /// as the household's place in the grid goes.
    pub links: Vec<PartyLink>,
    /// The body nearest the household that has a secretary: the one that answers.
    pub answers: Option<NodeCode>,
    /// The community's first secretary on the day asked, if one serves then.
    pub first_secretary: Option<String>,
}

impl Party {
    /// The party bodies answering for a household, and the first secretary serving its
    /// community on `on` (when a day is given).
    pub fn chain(
        &self,
        grid: &Grid,
        household: &str,
        on: Option<NaiveDate>,
    ) -> Result<PartyChain, GridError> {
        let h = grid
            .household(household)
            .ok_or_else(|| GridError::UnknownHousehold(household.to_owned()))?;
        let at = grid
            .household_unit(h)
            .ok_or_else(|| GridError::UnknownHousehold(household.to_owned()))?;
        let mut links = Vec::new();
        for level in [Level::MicroGrid, Level::Grid, Level::Community] {
            let (Some(unit), Some(kind)) = (at.at_level(level), BodyKind::for_level(level)) else {
                continue;
            };
            let body = self.bodies.get(&unit);
            let secretary = body.and_then(|b| b.secretary());
            links.push(PartyLink {
                unit,
                level,
                kind,
                body: body.map(|b| b.name.clone()),
                secretary: secretary.map(str::to_owned),
                secretary_name: secretary
                    .and_then(|s| grid.person(s))
                    .map(|p| p.name().to_owned()),
            });
        }
        let answers = links.iter().find(|l| l.secretary.is_some()).map(|l| l.unit);
        let first_secretary = match (on, at.at_level(Level::Community)) {
            (Some(day), Some(c)) => self.first_secretary(c, day).map(|f| f.person.clone()),
            _ => None,
        };
        Ok(PartyChain {
            household: household.to_owned(),
            links,
            answers,
            first_secretary,
        })
    }
}

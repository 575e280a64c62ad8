//! The owners' assembly's queries: the roll of owners, the electorate of a compound, and
//! motions with their count; and the pure count of any vote under Civil Code Art. 278.

use std::collections::BTreeMap;

use rust_decimal::Decimal;
use serde::Deserialize;

use crate::assembly::{self, Choice, HomeRow, MotionKind, MotionView};
use crate::error::Error;
use crate::grid::NodeCode;
use crate::money::decimal_text;
use crate::queries::typed::{Function, Query};
use crate::ward::Ward;

crate::query_set! {
    pub static ASSEMBLY_QUERIES for "assembly" {
        "owner" => Owner,
        "electorate" => Electorate,
        "motion" => Motion,
        "motions" => Motions,
    }
}

/// The recorded owner (业主) of a home, or none.
#[derive(Clone, Debug, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Owner {
    /// The household's id.
    pub household: String,
}

impl Query for Owner {
    type Answer = Option<String>;

    fn ask(self, ward: &Ward) -> Result<Self::Answer, Error> {
        Ok(ward.assembly().owner(&self.household).map(str::to_owned))
    }
}

/// The homes under a unit with their recorded owners and areas, by unit in code order:
/// who a motion of that unit is put to.
#[derive(Clone, Debug, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Electorate {
    /// The compound's unit.
    pub unit: NodeCode,
}

impl Query for Electorate {
    type Answer = Vec<HomeRow>;

    fn ask(self, ward: &Ward) -> Result<Self::Answer, Error> {
        Ok(ward.assembly().homes(ward.grid(), self.unit)?)
    }
}

/// A motion with its votes and its count (final once closed, as it stands while open),
/// or none.
#[derive(Clone, Debug, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Motion {
    /// The motion's id.
    pub id: String,
}

impl Query for Motion {
    type Answer = Option<MotionView>;

    fn ask(self, ward: &Ward) -> Result<Self::Answer, Error> {
        let assembly = ward.assembly();
        Ok(assembly
            .motion(&self.id)
            .map(|m| assembly.view(ward.grid(), m)))
    }
}

/// Every motion with its votes and count, by id.
#[derive(Clone, Debug, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Motions {}

impl Query for Motions {
    type Answer = Vec<MotionView>;

    fn ask(self, ward: &Ward) -> Result<Self::Answer, Error> {
        let assembly = ward.assembly();
        Ok(assembly
            .motions()
            .map(|m| assembly.view(ward.grid(), m))
            .collect())
    }
}

/// Counts a vote under Civil Code Art. 278: valid only if owners holding at least 2/3 of
/// the exclusive area and at least 2/3 of the owners take part; an ordinary motion then
/// needs more than half of the participating area and owners, a special one at least 3/4
/// of both.
#[derive(Clone, Debug, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Tally {
    /// The kind of motion: `ordinary` or `special`.
    pub kind: MotionKind,
    /// Each home as an (owner, area in m²) pair; an owner of several homes counts once,
    /// with their areas added.
    #[serde(
        serialize_with = "decimal_text::write",
        deserialize_with = "decimal_text::read"
    )]
    pub electorate: Vec<(String, Decimal)>,
    /// Each owner's choice; votes of anyone not in the electorate are not counted.
    pub votes: BTreeMap<String, Choice>,
}

impl Function for Tally {
    type Answer = assembly::Tally;

    fn call(self) -> Result<Self::Answer, Error> {
        Ok(assembly::tally(self.kind, &self.electorate, &self.votes))
    }
}

#[cfg(test)]
#[path = "assembly_tests.rs"]
mod tests;

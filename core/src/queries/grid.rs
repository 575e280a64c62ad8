//! The grid's queries: units, households, people, counts, chains of responsibility,
//! coverage and directives.

use serde::{Deserialize, Serialize};

use crate::error::Error;
use crate::grid::{
    self, ChainView, CoverageReport, CoverageRules, Directive, DirectiveProgress, DirectiveSummary,
    Domain, HouseholdRow, HouseholdView, Level, NodeCode, PersonAt, PersonView, TreeRow,
    UnitProgress, UnitRow,
};
use crate::party::{PartyChain, PartyCoverage};
use crate::queries::typed::Query;
use crate::ward::Ward;

crate::query_set! {
    pub static GRID_QUERIES for "grid" {
        "unit" => Unit,
        "roots" => Roots,
        "children" => Children,
        "subtree" => Subtree,
        "households_under" => HouseholdsUnder,
        "people_under" => PeopleUnder,
        "household" => Household,
        "person" => Person,
        "counts" => Counts,
        "chain" => Chain,
        "coverage" => Coverage,
        "directive_progress" => DirectiveProgressOf,
        "directive_progress_by" => DirectiveProgressBy,
        "directives" => Directives,
        "party_for" => PartyFor,
    }
}

/// The unit with this code, or none.
#[derive(Clone, Debug, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Unit {
    /// The unit's code.
    pub code: NodeCode,
}

impl Query for Unit {
    type Answer = Option<UnitRow>;

    fn ask(self, ward: &Ward) -> Result<Self::Answer, Error> {
        Ok(ward.grid().unit(self.code).map(UnitRow::of))
    }
}

/// The districts at the top of the hierarchy, in code order.
#[derive(Clone, Debug, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Roots {}

impl Query for Roots {
    type Answer = Vec<UnitRow>;

    fn ask(self, ward: &Ward) -> Result<Self::Answer, Error> {
        Ok(ward.grid().roots().into_iter().map(UnitRow::of).collect())
    }
}

/// A unit's children, in code order.
#[derive(Clone, Debug, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Children {
    /// The unit's code.
    pub code: NodeCode,
}

impl Query for Children {
    type Answer = Vec<UnitRow>;

    fn ask(self, ward: &Ward) -> Result<Self::Answer, Error> {
        let kids = ward.grid().children(self.code)?;
        Ok(kids.into_iter().map(UnitRow::of).collect())
    }
}

/// The subtree of a unit, depth first in code order, with household totals.
#[derive(Clone, Debug, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Subtree {
    /// The subtree's root.
    pub code: NodeCode,
}

impl Query for Subtree {
    type Answer = Vec<TreeRow>;

    fn ask(self, ward: &Ward) -> Result<Self::Answer, Error> {
        Ok(ward.grid().subtree(self.code)?)
    }
}

/// Households in a unit's subtree, by unit in code order.
#[derive(Clone, Debug, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct HouseholdsUnder {
    /// The subtree's root.
    pub code: NodeCode,
}

impl Query for HouseholdsUnder {
    type Answer = Vec<HouseholdRow>;

    fn ask(self, ward: &Ward) -> Result<Self::Answer, Error> {
        let grid = ward.grid();
        let found = grid.households_under(self.code)?;
        Ok(found
            .into_iter()
            .filter_map(|h| grid.household_row(h))
            .collect())
    }
}

/// People in a unit's subtree: role holders first, then residents, by unit.
#[derive(Clone, Debug, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct PeopleUnder {
    /// The subtree's root.
    pub code: NodeCode,
}

impl Query for PeopleUnder {
    type Answer = Vec<PersonAt>;

    fn ask(self, ward: &Ward) -> Result<Self::Answer, Error> {
        Ok(ward.grid().people_under(self.code)?)
    }
}

/// The household with this id and its residents, or none.
#[derive(Clone, Debug, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Household {
    /// The household's id.
    pub id: String,
}

impl Query for Household {
    type Answer = Option<HouseholdView>;

    fn ask(self, ward: &Ward) -> Result<Self::Answer, Error> {
        Ok(ward.grid().household_view(&self.id))
    }
}

/// The person with this id, their home and roles, or none.
#[derive(Clone, Debug, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Person {
    /// The person's id.
    pub id: String,
}

impl Query for Person {
    type Answer = Option<PersonView>;

    fn ask(self, ward: &Ward) -> Result<Self::Answer, Error> {
        Ok(ward.grid().person_view(&self.id))
    }
}

/// Sizes of the whole grid, or of a unit's subtree.
#[derive(Clone, Debug, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Counts {
    /// The subtree's root; the whole grid when absent.
    #[serde(default)]
    pub scope: Option<NodeCode>,
}

impl Query for Counts {
    type Answer = grid::Counts;

    fn ask(self, ward: &Ward) -> Result<Self::Answer, Error> {
        Ok(ward.grid().counts(self.scope)?)
    }
}

/// Who answers for a household in a domain, from its own unit up to its street, and the
/// street's departments for the domain.
#[derive(Clone, Debug, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Chain {
    /// The household's id.
    pub household: String,
    /// The domain.
    pub domain: Domain,
}

impl Query for Chain {
    type Answer = ChainView;

    fn ask(self, ward: &Ward) -> Result<Self::Answer, Error> {
        let chain = ward.grid().chain(&self.household, self.domain)?;
        Ok(ChainView::of(&chain))
    }
}

/// The coverage report of the whole grid or a subtree, by the ward's configured rules or
/// the rules given.
#[derive(Clone, Debug, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Coverage {
    /// The subtree's root; the whole grid when absent.
    #[serde(default)]
    pub scope: Option<NodeCode>,
    /// The rules; the ward's configured rules when absent.
    #[serde(default)]
    pub rules: Option<CoverageRules>,
}

/// A coverage report, the party organisation's part of it, and its two summaries.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct CoverageView {
    /// What was found on the grid.
    #[serde(flatten)]
    pub report: CoverageReport,
    /// What was found of the party organisation.
    #[serde(flatten)]
    pub party: PartyCoverage,
    /// Whether nothing was found.
    pub is_clean: bool,
    /// Share of micro-grids that break no rule of theirs (band, party member, worker).
    pub micro_grid_compliance: f64,
}

impl Query for Coverage {
    type Answer = CoverageView;

    fn ask(self, ward: &Ward) -> Result<Self::Answer, Error> {
        let rules = self.rules.as_ref().unwrap_or(&ward.config().grid.coverage);
        let report = ward.grid().coverage(self.scope, rules)?;
        let party = ward.party().coverage(ward.grid(), self.scope, rules)?;
        Ok(CoverageView {
            is_clean: report.is_clean() && party.is_clean(),
            party,
            micro_grid_compliance: report.micro_grid_compliance(),
            report,
        })
    }
}

/// How far a directive has come.
#[derive(Clone, Debug, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct DirectiveProgressOf {
    /// The directive's id.
    pub id: String,
}

impl Query for DirectiveProgressOf {
    type Answer = DirectiveProgress;

    fn ask(self, ward: &Ward) -> Result<Self::Answer, Error> {
        Ok(ward.grid().directive_progress(&self.id)?)
    }
}

/// A directive's progress by the units of a level where its households now are, in code
/// order.
#[derive(Clone, Debug, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct DirectiveProgressBy {
    /// The directive's id.
    pub id: String,
    /// The level of the units.
    pub level: Level,
}

impl Query for DirectiveProgressBy {
    type Answer = Vec<UnitProgress>;

    fn ask(self, ward: &Ward) -> Result<Self::Answer, Error> {
        Ok(ward.grid().directive_progress_by(&self.id, self.level)?)
    }
}

/// All directives, in the order issued.
#[derive(Clone, Debug, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Directives {}

impl Query for Directives {
    type Answer = Vec<DirectiveSummary>;

    fn ask(self, ward: &Ward) -> Result<Self::Answer, Error> {
        Ok(ward
            .grid()
            .directives()
            .iter()
            .map(Directive::summary)
            .collect())
    }
}

/// Which party bodies and secretaries answer for a household: its building's group, its
/// compound's branch and its community's committee, nearest first, with the community's
/// first secretary on a day when one is given.
#[derive(Clone, Debug, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct PartyFor {
    /// The household's id.
    pub household: String,
    /// The day whose first secretary is named.
    #[serde(default)]
    pub on: Option<chrono::NaiveDate>,
}

impl Query for PartyFor {
    type Answer = PartyChain;

    fn ask(self, ward: &Ward) -> Result<Self::Answer, Error> {
        Ok(ward.party().chain(ward.grid(), &self.household, self.on)?)
    }
}

//! The grid hierarchy (网格化管理): district → street → community → grid → micro-grid,
//! with households under the units, people holding roles at them, departments attached
//! to streets and paired units to communities.
//!
//! The units form a petgraph graph (edges run parent → child); households sit in a dense
//! table beside it, each pointing at its unit, so that a city of millions of households
//! stays small and fast to walk.

mod apply;
mod check;
mod code;
mod command;
mod coverage;
mod decide;
mod digest;
mod directive;
mod domain;
mod error;
mod event;
mod model;
mod query;

pub use code::{CodeError, Level, NodeCode, StreetKind};
pub use command::{GridCommand, ImportRow};
pub use coverage::{CoverageReport, CoverageRules, MissingLeader, OutOfBand};
pub use directive::{Directive, DirectiveProgress, UnitProgress};
pub use domain::{Domain, DomainSet};
pub use error::GridError;
pub use event::GridEvent;
pub use model::{mask_name, mask_phone, Department, Household, PairedUnit, Person, Unit};
pub use query::{Chain, ChainLink, Counts, PersonAt, Responder, TreeRow};

pub(crate) use check::check_event;
pub(crate) use decide::decide;

use std::hash::BuildHasher;

use hashbrown::{DefaultHashBuilder, HashMap, HashTable};
use petgraph::stable_graph::{NodeIndex, StableDiGraph};
use serde::{Deserialize, Serialize};

/// Configuration of the grid capability.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct GridConfig {
    /// Domains a new unit answers for when none are given: the five merged domains.
    pub default_domains: DomainSet,
    /// The rules of the coverage report.
    pub coverage: CoverageRules,
}

impl Default for GridConfig {
    fn default() -> Self {
        GridConfig {
            default_domains: DomainSet::merged(),
            coverage: CoverageRules::default(),
        }
    }
}

/// The state of the grid: a fold over grid events.
#[derive(Clone, Debug, Default)]
pub struct Grid {
    pub(crate) graph: StableDiGraph<Unit, ()>,
    pub(crate) units: HashMap<NodeCode, NodeIndex>,
    pub(crate) households: Vec<Household>,
    household_ids: HashTable<u32>,
    id_hasher: DefaultHashBuilder,
    pub(crate) people: Vec<Person>,
    pub(crate) person_ids: HashMap<Box<str>, u32>,
    pub(crate) departments: Vec<Department>,
    pub(crate) department_ids: HashMap<Box<str>, u32>,
    pub(crate) paired_units: Vec<PairedUnit>,
    pub(crate) paired_ids: HashMap<Box<str>, u32>,
    pub(crate) directives: Vec<Directive>,
    pub(crate) directive_ids: HashMap<Box<str>, u32>,
}

impl Grid {
    /// An empty grid.
    pub fn new() -> Grid {
        Grid::default()
    }

    /// The unit with this code.
    pub fn unit(&self, code: NodeCode) -> Option<&Unit> {
        self.unit_ix(code).and_then(|ix| self.graph.node_weight(ix))
    }

    pub(crate) fn unit_ix(&self, code: NodeCode) -> Option<NodeIndex> {
        self.units.get(&code).copied()
    }

    pub(crate) fn unit_at(&self, ix: NodeIndex) -> Option<&Unit> {
        self.graph.node_weight(ix)
    }

    /// The household with this id.
    pub fn household(&self, id: &str) -> Option<&Household> {
        self.household_ix(id)
            .map(|ix| &self.households[ix as usize])
    }

    pub(crate) fn household_ix(&self, id: &str) -> Option<u32> {
        let hash = self.id_hasher.hash_one(id);
        self.household_ids
            .find(hash, |&ix| &*self.households[ix as usize].id == id)
            .copied()
    }

    pub(crate) fn index_household(&mut self, ix: u32) {
        let hash = self.id_hasher.hash_one(&*self.households[ix as usize].id);
        let (households, hasher) = (&self.households, &self.id_hasher);
        self.household_ids
            .insert_unique(hash, ix, |&i| hasher.hash_one(&*households[i as usize].id));
    }

    /// The code of the unit a household belongs to.
    pub fn household_unit(&self, household: &Household) -> Option<NodeCode> {
        self.unit_at(household.unit).map(|u| u.code)
    }

    /// The person with this id.
    pub fn person(&self, id: &str) -> Option<&Person> {
        self.person_ids.get(id).map(|&ix| &self.people[ix as usize])
    }

    /// The department with this id.
    pub fn department(&self, id: &str) -> Option<&Department> {
        self.department_ids
            .get(id)
            .map(|&ix| &self.departments[ix as usize])
    }

    /// The paired unit with this id.
    pub fn paired_unit(&self, id: &str) -> Option<&PairedUnit> {
        self.paired_ids
            .get(id)
            .map(|&ix| &self.paired_units[ix as usize])
    }

    /// The directive with this id.
    pub fn directive(&self, id: &str) -> Option<&Directive> {
        self.directive_ids
            .get(id)
            .map(|&ix| &self.directives[ix as usize])
    }

    /// All directives, in the order they were issued.
    pub fn directives(&self) -> &[Directive] {
        &self.directives
    }

    /// The parent unit's index, by code prefix.
    pub(crate) fn parent_ix(&self, ix: NodeIndex) -> Option<NodeIndex> {
        let code = self.unit_at(ix)?.code.parent()?;
        self.unit_ix(code)
    }
}

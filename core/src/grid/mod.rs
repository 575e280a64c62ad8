//! The grid hierarchy (网格化管理): district → street → community → grid → micro-grid,
//! with households under the units, people holding roles at them, departments attached
//! to streets and paired units to communities.
//!
//! The units form a petgraph graph (edges run parent → child); households sit in a dense
//! table beside it, each pointing at its unit, so that a city of millions of households
//! stays small and fast to walk.
//!
//! ## Quick start
//!
//! ```
//! use chrono::DateTime;
//! use gridward::grid::{CoverageRules, Domain, ImportRow, NodeCode};
//! use gridward::{Actor, Context, Role, Ward, WardConfig};
//!
//! # fn main() -> Result<(), Box<dyn std::error::Error>> {
//! let mut ward = Ward::new(WardConfig::default());
//! let at = DateTime::parse_from_rfc3339("2026-03-02T09:00:00+08:00")?;
//! let platform = Context::new(Actor::System, at);
//! let micro = NodeCode::parse("510107017006001001")?;
//! let mut rows = Vec::new();
//! for (code, name) in [
//!     ("510107", "武侯区"),
//!     ("510107017", "晋阳街道"),
//!     ("510107017006", "吉福社区"),
//!     ("510107017006001", "云锦城市花园网格"),
//!     ("510107017006001001", "1栋微网格"),
//! ] {
//!     let code = NodeCode::parse(code)?;
//!     rows.push(ImportRow::Unit { code, parent: None, name: name.into(), domains: None });
//! }
//! rows.push(ImportRow::Household { id: "1-01".into(), unit: micro, area: "89.50".parse()? });
//! rows.push(ImportRow::Person {
//!     id: "w1".into(),
//!     name: "李梅".into(),
//!     phone: None,
//!     party_member: true,
//!     household: None,
//! });
//! rows.push(ImportRow::Role { person: "w1".into(), role: Role::MicroGridWorker, unit: micro });
//! ward.import(&platform, rows)?; // every row, or none
//!
//! // Who answers for the household's fire safety, lowest unit first.
//! let chain = ward.grid().chain("1-01", Domain::FireSafety)?;
//! assert_eq!(chain.links[0].unit.code(), micro);
//! let first: Vec<&str> = chain.links[0].responders().map(|r| r.person.id()).collect();
//! assert_eq!(first, ["w1"]);
//!
//! // One household is far below a micro-grid's band of 30 to 100.
//! let report = ward.grid().coverage(None, &CoverageRules::default())?;
//! assert_eq!(report.out_of_band.len(), 1);
//! assert_eq!(report.out_of_band[0].households, 1);
//! # Ok(())
//! # }
//! ```

mod apply;
mod authority;
mod capability;
mod check;
mod code;
#[cfg(feature = "snapshot")]
mod columns;
mod command;
mod coverage;
mod decide;
mod digest;
mod directive;
mod domain;
mod error;
mod event;
mod import;
mod model;
mod query;
#[cfg(feature = "snapshot")]
mod restore;
mod rows;

pub use capability::Reads;
pub use code::{CodeError, Level, NodeCode, StreetKind};
pub use command::{GridCommand, ImportRow};
pub use coverage::{CoverageReport, CoverageRules, MissingLeader, OutOfBand};
pub use directive::{Directive, DirectiveProgress, DirectiveSummary, UnitProgress};
pub use domain::{Domain, DomainSet};
pub use error::GridError;
pub use event::{GridEvent, NewHousehold};
pub use model::{mask_name, mask_phone, Department, Household, PairedUnit, Person, Unit};
pub use query::{Chain, ChainLink, Counts, PersonAt, Responder, TreeRow};
pub use rows::{
    ChainView, DepartmentRow, HouseholdRow, HouseholdView, LinkRow, PersonView, ResponderRow,
    RoleAt, UnitRow,
};

pub(crate) use authority::Authority;
pub(crate) use check::check_event;
pub(crate) use decide::decide;

use std::hash::BuildHasher;

use hashbrown::{DefaultHashBuilder, HashMap, HashTable};
use petgraph::stable_graph::{NodeIndex, StableDiGraph};
use serde::{Deserialize, Serialize};

use crate::access::Role;
use crate::ids::IdIndex;

/// Configuration of the grid capability.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(default, deny_unknown_fields)]
#[non_exhaustive]
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
#[cfg_attr(feature = "snapshot", derive(serde::Serialize, serde::Deserialize))]
pub struct Grid {
    pub(crate) graph: StableDiGraph<Unit, ()>,
    pub(crate) units: HashMap<NodeCode, NodeIndex>,
    #[cfg_attr(feature = "snapshot", serde(with = "columns::households"))]
    pub(crate) households: Vec<Household>,
    /// Household index and the low 32 bits of its id's hash: growing the table rehashes
    /// from these alone, without touching millions of id strings.
    #[cfg_attr(feature = "snapshot", serde(skip))]
    household_ids: HashTable<(u32, u32)>,
    #[cfg_attr(feature = "snapshot", serde(skip))]
    id_hasher: DefaultHashBuilder,
    /// Residents by household index (most households of a bulk import have none yet).
    pub(crate) residents: HashMap<u32, Vec<u32>>,
    pub(crate) people: Vec<Person>,
    /// Places of people by id; the ids stay in `people`. Rebuilt on restoring.
    #[cfg_attr(feature = "snapshot", serde(skip))]
    person_ids: IdIndex,
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

    fn id_hash(&self, id: &str) -> u32 {
        self.id_hasher.hash_one(id) as u32
    }

    /// Spreads a stored 32-bit hash over 64 bits for the table's placement.
    fn placement(h: u32) -> u64 {
        u64::from(h).wrapping_mul(0x9E37_79B9_7F4A_7C15) ^ u64::from(h)
    }

    pub(crate) fn household_ix(&self, id: &str) -> Option<u32> {
        let h = self.id_hash(id);
        self.household_ids
            .find(Grid::placement(h), |&(ix, stored)| {
                stored == h && &*self.households[ix as usize].id == id
            })
            .map(|&(ix, _)| ix)
    }

    pub(crate) fn index_household(&mut self, ix: u32) {
        let h = self.id_hash(&self.households[ix as usize].id);
        self.household_ids
            .insert_unique(Grid::placement(h), (ix, h), |&(_, stored)| {
                Grid::placement(stored)
            });
    }

    /// Makes room for `more` households at once, before a large import is applied.
    pub(crate) fn reserve_households(&mut self, more: usize) {
        self.households.reserve(more);
        self.household_ids
            .reserve(more, |&(_, stored)| Grid::placement(stored));
    }

    /// The code of the unit a household belongs to.
    pub fn household_unit(&self, household: &Household) -> Option<NodeCode> {
        self.unit_at(household.unit).map(|u| u.code)
    }

    pub(crate) fn residents_at(&self, household: u32) -> &[u32] {
        self.residents.get(&household).map_or(&[], Vec::as_slice)
    }

    /// The registered residents of a household, in the order they registered.
    pub fn residents(&self, household: &str) -> Vec<&Person> {
        self.household_ix(household)
            .map(|h| {
                self.residents_at(h)
                    .iter()
                    .map(|&p| &self.people[p as usize])
                    .collect()
            })
            .unwrap_or_default()
    }

    /// The household a person is registered as living in.
    pub fn home(&self, person: &Person) -> Option<&Household> {
        person.home.map(|h| &self.households[h as usize])
    }

    /// The roles a person holds, with the unit of each, in the order granted.
    pub fn roles_of(&self, person: &Person) -> Vec<(Role, NodeCode)> {
        person
            .roles
            .iter()
            .filter_map(|&(ix, role)| self.unit_at(ix).map(|u| (role, u.code)))
            .collect()
    }

    /// The person with this id.
    pub fn person(&self, id: &str) -> Option<&Person> {
        self.person_ix(id).map(|ix| &self.people[ix as usize])
    }

    /// Whether `place` is a place in `people`: for places read back from a snapshot.
    #[cfg(feature = "snapshot")]
    pub(crate) fn has_person_at(&self, place: u32) -> bool {
        (place as usize) < self.people.len()
    }

    /// The place in `people` of the person with this id.
    pub(crate) fn person_ix(&self, id: &str) -> Option<u32> {
        self.person_ids
            .get(id, |ix| self.people.get(ix as usize).map_or("", |p| &p.id))
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

    /// The community a paired unit is attached to.
    pub fn paired_unit_community(&self, unit: &PairedUnit) -> Option<NodeCode> {
        self.unit_at(unit.community).map(|u| u.code)
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

    /// The parent unit's index.
    pub(crate) fn parent_ix(&self, ix: NodeIndex) -> Option<NodeIndex> {
        self.unit_at(ix)?.parent
    }
}

//! The grid's things as plain rows: what queries answer with, in every face.

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use super::code::{Level, NodeCode};
use super::domain::{Domain, DomainSet};
use super::model::{Household, Person, Unit};
use super::query::Chain;
use super::Grid;
use crate::access::Role;
use crate::money::decimal_text;

/// A unit of the hierarchy.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct UnitRow {
    /// Its code.
    pub code: NodeCode,
    /// Its name.
    pub name: String,
    /// Its level.
    pub level: Level,
    /// Its parent (none for a district).
    pub parent: Option<NodeCode>,
    /// The domains it answers for (多网合一).
    pub domains: DomainSet,
    /// Households attached directly to it.
    pub direct_households: u64,
}

impl UnitRow {
    /// The row of a unit.
    pub fn of(unit: &Unit) -> UnitRow {
        UnitRow {
            code: unit.code(),
            name: unit.name().to_owned(),
            level: unit.level(),
            parent: unit.code().parent(),
            domains: unit.domains(),
            direct_households: unit.direct_households() as u64,
        }
    }
}

/// A household with its unit and exclusive floor area.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct HouseholdRow {
    /// Its id.
    pub id: String,
    /// The micro-grid (or other unit) it belongs to.
    pub unit: NodeCode,
    /// Exclusive floor area in m².
    #[serde(
        serialize_with = "decimal_text::write",
        deserialize_with = "decimal_text::read"
    )]
    pub area: Decimal,
}

/// A household with the ids of its registered residents.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct HouseholdView {
    /// Its id.
    pub id: String,
    /// The unit it belongs to.
    pub unit: NodeCode,
    /// Exclusive floor area in m².
    #[serde(
        serialize_with = "decimal_text::write",
        deserialize_with = "decimal_text::read"
    )]
    pub area: Decimal,
    /// Its residents' ids, in the order they registered.
    pub residents: Vec<String>,
}

/// A role a person holds, and where.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct RoleAt {
    /// The role.
    pub role: Role,
    /// The unit where it is held.
    pub unit: NodeCode,
}

/// A registered person, with their home and roles (personal data: the name and phone
/// are not masked here, and must be in public outputs).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct PersonView {
    /// Their id.
    pub id: String,
    /// Their full name.
    pub name: String,
    /// Their phone number, if given.
    pub phone: Option<String>,
    /// Whether they are a registered party member.
    pub party_member: bool,
    /// The household they are registered as living in.
    pub home: Option<String>,
    /// The roles they hold, in the order granted.
    pub roles: Vec<RoleAt>,
}

/// Someone who answers at a link of a chain of responsibility.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct ResponderRow {
    /// Their id.
    pub person: String,
    /// Their name.
    pub name: String,
    /// The role they answer in.
    pub role: Role,
}

/// A unit of a chain of responsibility, with who answers there.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct LinkRow {
    /// The unit's code.
    pub code: NodeCode,
    /// Its level.
    pub level: Level,
    /// Its name.
    pub name: String,
    /// Who answers there, in the order their roles were granted.
    pub responders: Vec<ResponderRow>,
}

/// A department, by id and name.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct DepartmentRow {
    /// Its id.
    pub id: String,
    /// Its name.
    pub name: String,
}

/// Who answers for a household in a domain, from its own unit up to the street, and the
/// street's departments for the domain.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct ChainView {
    /// The household.
    pub household: String,
    /// The domain.
    pub domain: Domain,
    /// Units that carry the domain, lowest first.
    pub links: Vec<LinkRow>,
    /// Departments of the street that answer for the domain (for 吹哨报到).
    pub departments: Vec<DepartmentRow>,
}

impl ChainView {
    /// The plain form of a chain.
    pub fn of(chain: &Chain<'_>) -> ChainView {
        ChainView {
            household: chain.household.id().to_owned(),
            domain: chain.domain,
            links: chain
                .links
                .iter()
                .map(|l| LinkRow {
                    code: l.unit.code(),
                    level: l.unit.level(),
                    name: l.unit.name().to_owned(),
                    responders: l
                        .responders()
                        .map(|r| ResponderRow {
                            person: r.person.id().to_owned(),
                            name: r.person.name().to_owned(),
                            role: r.role,
                        })
                        .collect(),
                })
                .collect(),
            departments: chain
                .departments
                .iter()
                .map(|d| DepartmentRow {
                    id: d.id().to_owned(),
                    name: d.name().to_owned(),
                })
                .collect(),
        }
    }
}

impl Grid {
    /// A household as a row, if its unit is known.
    pub fn household_row(&self, household: &Household) -> Option<HouseholdRow> {
        Some(HouseholdRow {
            id: household.id().to_owned(),
            unit: self.household_unit(household)?,
            area: household.area(),
        })
    }

    /// A household with its residents.
    pub fn household_view(&self, id: &str) -> Option<HouseholdView> {
        let h = self.household(id)?;
        let row = self.household_row(h)?;
        Some(HouseholdView {
            id: row.id,
            unit: row.unit,
            area: row.area,
            residents: self
                .residents(id)
                .into_iter()
                .map(|p| p.id().to_owned())
                .collect(),
        })
    }

    /// A person with their home and roles.
    pub fn person_view(&self, id: &str) -> Option<PersonView> {
        let p: &Person = self.person(id)?;
        Some(PersonView {
            id: p.id().to_owned(),
            name: p.name().to_owned(),
            phone: p.phone().map(str::to_owned),
            party_member: p.is_party_member(),
            home: self.home(p).map(|h| h.id().to_owned()),
            roles: self
                .roles_of(p)
                .into_iter()
                .map(|(role, unit)| RoleAt { role, unit })
                .collect(),
        })
    }
}

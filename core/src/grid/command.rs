//! Grid commands: what an actor asks for, before it is checked.

use chrono::{DateTime, FixedOffset};
use rust_decimal::Decimal;
use serde::Serialize;

use super::code::NodeCode;
use super::domain::DomainSet;
use crate::access::Role;
use crate::money::decimal_text;

/// A request to change the grid.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, gridward_derive::TaggedDeserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(tag = "type", rename_all = "snake_case", deny_unknown_fields)]
#[non_exhaustive]
pub enum GridCommand {
    /// Create a unit under the parent its code implies; without domains it takes the
    /// configured default (the five merged domains).
    AddUnit {
        /// Its code.
        code: NodeCode,
        /// Its name.
        name: String,
        /// The domains it answers for.
        #[serde(default)]
        domains: Option<DomainSet>,
    },
    /// Rename a unit.
    RenameUnit {
        /// The unit.
        code: NodeCode,
        /// The new name.
        name: String,
    },
    /// Replace the domains a unit answers for.
    SetDomains {
        /// The unit.
        code: NodeCode,
        /// The new set.
        domains: DomainSet,
    },
    /// Retire a unit that has no child units; its households, if any, move to
    /// `transfer_households_to` in the same step.
    RetireUnit {
        /// The unit.
        code: NodeCode,
        /// Where its households go.
        #[serde(default)]
        transfer_households_to: Option<NodeCode>,
    },
    /// Register a household at a community, grid or micro-grid.
    AddHousehold {
        /// Its id.
        id: String,
        /// Its unit.
        unit: NodeCode,
        /// Exclusive floor area in m².
        #[serde(
            serialize_with = "decimal_text::write",
            deserialize_with = "decimal_text::read"
        )]
        area: Decimal,
    },
    /// Move a household to another unit.
    MoveHousehold {
        /// The household.
        id: String,
        /// The destination.
        to: NodeCode,
    },
    /// Register a person.
    AddPerson {
        /// Their id.
        id: String,
        /// Their name.
        name: String,
        /// Their phone number.
        #[serde(default)]
        phone: Option<String>,
        /// Whether they are a party member.
        #[serde(default)]
        party_member: bool,
    },
    /// Register a person as living in a household.
    RegisterResident {
        /// The person.
        person: String,
        /// The household.
        household: String,
    },
    /// Give a person a role at a unit.
    GrantRole {
        /// The person.
        person: String,
        /// The role.
        role: Role,
        /// The unit.
        unit: NodeCode,
    },
    /// Take a role from a person.
    RevokeRole {
        /// The person.
        person: String,
        /// The role.
        role: Role,
        /// The unit.
        unit: NodeCode,
    },
    /// Attach a department to a street.
    AddDepartment {
        /// Its id.
        id: String,
        /// Its name.
        name: String,
        /// The street.
        street: NodeCode,
        /// The domains it answers for.
        domains: DomainSet,
    },
    /// Attach a paired unit to a community.
    AddPairedUnit {
        /// Its id.
        id: String,
        /// Its name.
        name: String,
        /// The community.
        community: NodeCode,
    },
    /// Import many rows at once: all are applied, or none.
    Import {
        /// The rows, in any order; parents may come in the same import.
        rows: Vec<ImportRow>,
    },
    /// Issue a directive at a unit, reaching every household below it.
    IssueDirective {
        /// Its id.
        id: String,
        /// The unit.
        unit: NodeCode,
        /// Its title.
        title: String,
        /// When it is due.
        #[serde(default)]
        due: Option<DateTime<FixedOffset>>,
    },
    /// Acknowledge a directive for households (a resident for their own, a worker for
    /// the households they serve). Households that acknowledged already are passed over.
    Acknowledge {
        /// The directive.
        directive: String,
        /// The households.
        households: Vec<String>,
    },
}

/// One row of a bulk import.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, gridward_derive::TaggedDeserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(tag = "kind", rename_all = "snake_case", deny_unknown_fields)]
#[non_exhaustive]
pub enum ImportRow {
    /// A unit; `parent`, when given, must be the parent its code implies.
    Unit {
        /// Its code.
        code: NodeCode,
        /// Its parent, as a check.
        #[serde(default)]
        parent: Option<NodeCode>,
        /// Its name.
        name: String,
        /// Its domains (default: the configured default).
        #[serde(default)]
        domains: Option<DomainSet>,
    },
    /// A household.
    Household {
        /// Its id.
        id: String,
        /// Its unit.
        unit: NodeCode,
        /// Exclusive floor area in m².
        #[serde(
            serialize_with = "decimal_text::write",
            deserialize_with = "decimal_text::read"
        )]
        area: Decimal,
    },
    /// A person, optionally living in a household.
    Person {
        /// Their id.
        id: String,
        /// Their name.
        name: String,
        /// Their phone number.
        #[serde(default)]
        phone: Option<String>,
        /// Whether they are a party member.
        #[serde(default)]
        party_member: bool,
        /// The household they live in.
        #[serde(default)]
        household: Option<String>,
    },
    /// A role held by a person at a unit.
    Role {
        /// The person.
        person: String,
        /// The role.
        role: Role,
        /// The unit.
        unit: NodeCode,
    },
    /// A department attached to a street.
    Department {
        /// Its id.
        id: String,
        /// Its name.
        name: String,
        /// The street.
        street: NodeCode,
        /// The domains it answers for.
        domains: DomainSet,
    },
    /// A paired unit attached to a community.
    PairedUnit {
        /// Its id.
        id: String,
        /// Its name.
        name: String,
        /// The community.
        community: NodeCode,
    },
}

//! Grid events: what happened, as recorded in the journal and folded into state.

use chrono::{DateTime, FixedOffset};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use super::code::NodeCode;
use super::domain::DomainSet;
use crate::access::Role;
use crate::money::decimal_text;

/// A household as registered: its id and exclusive floor area.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct NewHousehold {
    /// Its id.
    pub id: String,
    /// Exclusive floor area in m².
    #[serde(
        serialize_with = "decimal_text::write",
        deserialize_with = "decimal_text::read"
    )]
    pub area: Decimal,
}

/// A change to the grid that has been decided and recorded.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, gridward_derive::TaggedDeserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(tag = "type", rename_all = "snake_case", deny_unknown_fields)]
#[non_exhaustive]
pub enum GridEvent {
    /// A unit was created under the parent its code implies.
    UnitAdded {
        /// Its code.
        code: NodeCode,
        /// Its name.
        name: String,
        /// The domains it answers for.
        domains: DomainSet,
    },
    /// A unit was renamed.
    UnitRenamed {
        /// The unit.
        code: NodeCode,
        /// The new name.
        name: String,
    },
    /// A unit's domains were replaced.
    DomainsSet {
        /// The unit.
        code: NodeCode,
        /// The new set.
        domains: DomainSet,
    },
    /// A unit was retired; its roles lapse with it.
    UnitRetired {
        /// The unit.
        code: NodeCode,
    },
    /// Households were registered at a unit (one event for a whole building when
    /// imported, which keeps a city's journal small).
    HouseholdsAdded {
        /// The unit they belong to.
        unit: NodeCode,
        /// The households, in order.
        households: Vec<NewHousehold>,
    },
    /// A household moved to another unit.
    HouseholdMoved {
        /// The household.
        id: String,
        /// Where it now belongs.
        to: NodeCode,
    },
    /// A person was registered.
    PersonAdded {
        /// Their id.
        id: String,
        /// Their name.
        name: String,
        /// Their phone number.
        phone: Option<String>,
        /// Whether they are a party member.
        party_member: bool,
    },
    /// A person was registered as living in a household (their previous home, if any,
    /// no longer lists them).
    ResidentRegistered {
        /// The person.
        person: String,
        /// The household.
        household: String,
    },
    /// A person took a role at a unit.
    RoleGranted {
        /// The person.
        person: String,
        /// The role.
        role: Role,
        /// The unit.
        unit: NodeCode,
    },
    /// A person gave up a role at a unit.
    RoleRevoked {
        /// The person.
        person: String,
        /// The role.
        role: Role,
        /// The unit.
        unit: NodeCode,
    },
    /// A department was attached to a street.
    DepartmentAdded {
        /// Its id.
        id: String,
        /// Its name.
        name: String,
        /// The street.
        street: NodeCode,
        /// The domains it answers for.
        domains: DomainSet,
    },
    /// A paired unit was attached to a community.
    PairedUnitAdded {
        /// Its id.
        id: String,
        /// Its name.
        name: String,
        /// The community.
        community: NodeCode,
    },
    /// A directive was issued at a unit; it reaches every household below it now.
    DirectiveIssued {
        /// Its id.
        id: String,
        /// The unit it was issued at.
        unit: NodeCode,
        /// Its title.
        title: String,
        /// When it was issued.
        issued_at: DateTime<FixedOffset>,
        /// When it is due, if set.
        due: Option<DateTime<FixedOffset>>,
    },
    /// Households acknowledged a directive.
    DirectiveAcknowledged {
        /// The directive.
        directive: String,
        /// The households.
        households: Vec<String>,
        /// When.
        at: DateTime<FixedOffset>,
    },
}

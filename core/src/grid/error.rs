//! Errors of the grid capability.

use rust_decimal::Decimal;

use super::code::{CodeError, Level, NodeCode};
use crate::access::Role;
use crate::error::kind::error_codes;
use crate::text::TextError;

/// Why a grid command or event was refused.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum GridError {
    /// A malformed grid code.
    #[error(transparent)]
    Code(#[from] CodeError),
    /// No unit has this code.
    #[error("no unit with code {0}")]
    UnknownUnit(NodeCode),
    /// A unit with this code exists already.
    #[error("a unit with code {0} exists already")]
    UnitExists(NodeCode),
    /// The parent a code implies does not exist.
    #[error("unit {code} needs its parent {parent}, which does not exist")]
    ParentMissing {
        /// The new unit.
        code: NodeCode,
        /// Its parent by prefix.
        parent: NodeCode,
    },
    /// A row names a parent that is not the one its code implies.
    #[error("unit {code} is given parent {given}, but its code puts it under {implied}")]
    ParentMismatch {
        /// The unit.
        code: NodeCode,
        /// The parent the row gave.
        given: String,
        /// The parent the code implies ("none" for a district).
        implied: String,
    },
    /// A unit cannot be retired while something still hangs on it.
    #[error("unit {code} still has {units} units, {households} households and {attached} departments or paired units")]
    UnitNotEmpty {
        /// The unit.
        code: NodeCode,
        /// Child units.
        units: usize,
        /// Households attached directly.
        households: usize,
        /// Departments and paired units attached.
        attached: usize,
    },
    /// The unit is not of a level this operation accepts.
    #[error("unit {code} is a {found}; {what} needs {expected}")]
    WrongLevel {
        /// The unit.
        code: NodeCode,
        /// Its level.
        found: Level,
        /// Which levels are accepted, in words.
        expected: &'static str,
        /// The operation.
        what: &'static str,
    },
    /// A household cannot be moved where it is, nor households moved into the unit
    /// being retired.
    #[error("household {id} cannot move to {to}: {why}")]
    BadMove {
        /// The household.
        id: String,
        /// The destination.
        to: NodeCode,
        /// Why not.
        why: &'static str,
    },
    /// An id, a name or another text breaks its rule.
    #[error(transparent)]
    Text(#[from] TextError),
    /// No household has this id.
    #[error("no household with id {0:?}")]
    UnknownHousehold(String),
    /// A household with this id exists already.
    #[error("a household with id {0:?} exists already")]
    HouseholdExists(String),
    /// A floor area must be positive, at most 2 decimal places and below 100,000 m².
    #[error("household {id}: floor area {area} m² must be positive, below 100000 and have at most 2 decimals")]
    BadArea {
        /// The household.
        id: String,
        /// The area given.
        area: Decimal,
    },
    /// No person has this id.
    #[error("no person with id {0:?}")]
    UnknownPerson(String),
    /// A person with this id exists already.
    #[error("a person with id {0:?} exists already")]
    PersonExists(String),
    /// The person is already registered at this household.
    #[error("person {person:?} already lives in household {household:?}")]
    AlreadyResident {
        /// The person.
        person: String,
        /// The household.
        household: String,
    },
    /// The role is not held at this level.
    #[error("the role {role} is not held at a {level}")]
    RoleLevel {
        /// The role.
        role: Role,
        /// The unit's level.
        level: Level,
    },
    /// The person holds the role at this unit already.
    #[error("person {person:?} is already {role} at {unit}")]
    RoleHeld {
        /// The person.
        person: String,
        /// The role.
        role: Role,
        /// The unit.
        unit: NodeCode,
    },
    /// The person does not hold the role at this unit.
    #[error("person {person:?} is not {role} at {unit}")]
    RoleNotHeld {
        /// The person.
        person: String,
        /// The role.
        role: Role,
        /// The unit.
        unit: NodeCode,
    },
    /// No department has this id.
    #[error("no department with id {0:?}")]
    UnknownDepartment(String),
    /// A department with this id exists already.
    #[error("a department with id {0:?} exists already")]
    DepartmentExists(String),
    /// A paired unit with this id exists already.
    #[error("a paired unit with id {0:?} exists already")]
    PairedUnitExists(String),
    /// No directive has this id.
    #[error("no directive with id {0:?}")]
    UnknownDirective(String),
    /// A directive with this id exists already.
    #[error("a directive with id {0:?} exists already")]
    DirectiveExists(String),
    /// A directive must reach at least one household.
    #[error("unit {0} has no households for a directive to reach")]
    NoHouseholds(NodeCode),
    /// The household was not reached by the directive.
    #[error("household {household:?} is not among those directive {directive:?} reached")]
    NotATarget {
        /// The directive.
        directive: String,
        /// The household.
        household: String,
    },
    /// The household has acknowledged already.
    #[error("household {household:?} has already acknowledged directive {directive:?}")]
    AlreadyAcknowledged {
        /// The directive.
        directive: String,
        /// The household.
        household: String,
    },
    /// A due time before the time of issue.
    #[error("directive {0:?} is due before it is issued")]
    DueBeforeIssue(String),
    /// A row of a bulk import was refused; nothing of the import was applied.
    #[error("import row {row}: {source}")]
    Row {
        /// The row's index, from 0.
        row: usize,
        /// Why it was refused.
        source: Box<GridError>,
    },
}

error_codes! {
    GridError {
        Code(inner) => delegate CodeError,
        UnknownUnit(..) => ("unknown_unit", NotFound),
        UnitExists(..) => ("unit_exists", Conflict),
        ParentMissing { .. } => ("parent_missing", NotFound),
        ParentMismatch { .. } => ("parent_mismatch", Invalid),
        UnitNotEmpty { .. } => ("unit_not_empty", Conflict),
        WrongLevel { .. } => ("wrong_level", Invalid),
        BadMove { .. } => ("bad_move", Invalid),
        Text(inner) => delegate TextError,
        UnknownHousehold(..) => ("unknown_household", NotFound),
        HouseholdExists(..) => ("household_exists", Conflict),
        BadArea { .. } => ("bad_area", Invalid),
        UnknownPerson(..) => ("unknown_person", NotFound),
        PersonExists(..) => ("person_exists", Conflict),
        AlreadyResident { .. } => ("already_resident", Conflict),
        RoleLevel { .. } => ("role_level", Invalid),
        RoleHeld { .. } => ("role_held", Conflict),
        RoleNotHeld { .. } => ("role_not_held", Invalid),
        UnknownDepartment(..) => ("unknown_department", NotFound),
        DepartmentExists(..) => ("department_exists", Conflict),
        PairedUnitExists(..) => ("paired_unit_exists", Conflict),
        UnknownDirective(..) => ("unknown_directive", NotFound),
        DirectiveExists(..) => ("directive_exists", Conflict),
        NoHouseholds(..) => ("no_households", Invalid),
        NotATarget { .. } => ("not_a_target", Invalid),
        AlreadyAcknowledged { .. } => ("already_acknowledged", Conflict),
        DueBeforeIssue(..) => ("due_before_issue", Invalid),
        Row { source, .. } => delegate Self,
    }
}

impl GridError {
    pub(crate) fn at_row(self, row: usize) -> GridError {
        GridError::Row {
            row,
            source: Box::new(self),
        }
    }
}

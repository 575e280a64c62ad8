//! Grid events: what happened, as recorded in the journal and folded into state.

use chrono::{DateTime, FixedOffset};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use super::code::NodeCode;
use super::domain::DomainSet;
use crate::access::Role;

/// A household as registered: its id and exclusive floor area.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct NewHousehold {
    /// Its id.
    pub id: String,
    /// Exclusive floor area in m².
    #[serde(serialize_with = "decimal_text")]
    pub area: Decimal,
}

/// Writes a decimal as `Decimal`'s own text form does ("72.50", "-3", "0.05"), without
/// allocating: a city's journal writes millions of them.
fn decimal_text<S: serde::Serializer>(d: &Decimal, s: S) -> Result<S::Ok, S::Error> {
    let mut buf = [0u8; 64];
    s.serialize_str(format_decimal(d, &mut buf))
}

pub(crate) fn format_decimal<'b>(d: &Decimal, buf: &'b mut [u8; 64]) -> &'b str {
    let scale = d.scale() as usize;
    let mut m = d.mantissa().unsigned_abs();
    let mut at = buf.len();
    let mut digits = 0;
    // At most 29 digits of mantissa and 28 of scale: the buffer always has room.
    while m > 0 || digits <= scale {
        if digits == scale && scale > 0 {
            at -= 1;
            buf[at] = b'.';
        }
        // 64-bit division when the rest fits: 128-bit division is a slow library call.
        let digit = match u64::try_from(m) {
            Ok(small) => {
                m = u128::from(small / 10);
                (small % 10) as u8
            }
            Err(_) => {
                let digit = (m % 10) as u8;
                m /= 10;
                digit
            }
        };
        at -= 1;
        buf[at] = b'0' + digit;
        digits += 1;
    }
    if d.is_sign_negative() && !d.is_zero() {
        at -= 1;
        buf[at] = b'-';
    }
    std::str::from_utf8(&buf[at..]).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn decimal_text_is_decimals_own(m in any::<i64>(), scale in 0u32..=18) {
            let d = Decimal::new(m, scale);
            let mut buf = [0; 64];
            prop_assert_eq!(format_decimal(&d, &mut buf), d.to_string());
        }
    }

    #[test]
    fn decimal_text_edges() {
        for text in [
            "0",
            "0.00",
            "72.50",
            "-0.05",
            "100000",
            "0.0000000000000000000000000001",
            "79228162514264337593543950335",
            "-7.9228162514264337593543950335",
        ] {
            let d: Decimal = text.parse().unwrap();
            let mut buf = [0; 64];
            assert_eq!(format_decimal(&d, &mut buf), d.to_string(), "{text}");
        }
    }
}

/// A change to the grid that has been decided and recorded.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(tag = "type", rename_all = "snake_case", deny_unknown_fields)]
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

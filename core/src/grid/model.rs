//! The things the grid holds: units, households, people, departments and paired units.

use petgraph::stable_graph::NodeIndex;
use rust_decimal::Decimal;

use super::code::{Level, NodeCode};
use super::domain::DomainSet;
use crate::access::Role;

/// A unit of the hierarchy: a district, street, community, grid or micro-grid.
#[derive(Clone, Debug)]
#[cfg_attr(feature = "snapshot", derive(serde::Serialize, serde::Deserialize))]
pub struct Unit {
    pub(crate) code: NodeCode,
    /// The parent's index, kept so that walking up the chain is one step per level.
    pub(crate) parent: Option<NodeIndex>,
    pub(crate) name: Box<str>,
    pub(crate) domains: DomainSet,
    /// Households attached directly to this unit (normally only micro-grids have any).
    #[cfg_attr(feature = "snapshot", serde(with = "super::columns::u32s"))]
    pub(crate) households: Vec<u32>,
    /// People holding a role here: (person index, role).
    pub(crate) roles: Vec<(u32, Role)>,
    /// Departments attached to this unit (streets only).
    pub(crate) departments: Vec<u32>,
    /// Paired units attached to this unit (communities only).
    pub(crate) paired_units: Vec<u32>,
}

impl Unit {
    pub(crate) fn new(
        code: NodeCode,
        parent: Option<NodeIndex>,
        name: &str,
        domains: DomainSet,
    ) -> Unit {
        Unit {
            code,
            parent,
            name: name.into(),
            domains,
            households: Vec::new(),
            roles: Vec::new(),
            departments: Vec::new(),
            paired_units: Vec::new(),
        }
    }

    /// The unit's code.
    pub fn code(&self) -> NodeCode {
        self.code
    }

    /// The unit's level.
    pub fn level(&self) -> Level {
        self.code.level()
    }

    /// The unit's name.
    pub fn name(&self) -> &str {
        &self.name
    }

    /// The domains this unit answers for (多网合一).
    pub fn domains(&self) -> DomainSet {
        self.domains
    }

    /// Number of households attached directly to this unit.
    pub fn direct_households(&self) -> usize {
        self.households.len()
    }

    /// Whether someone holds `role` here.
    pub fn has_role(&self, role: Role) -> bool {
        self.roles.iter().any(|(_, r)| *r == role)
    }
}

/// A household: a dwelling with its exclusive floor area. Its residents are listed by
/// [`Grid::residents`](super::Grid::residents).
///
/// Kept small (24 bytes and its id) because a city holds millions: the area is stored
/// exactly in hundredths of a square metre.
#[derive(Clone, Debug)]
#[cfg_attr(feature = "snapshot", derive(serde::Serialize, serde::Deserialize))]
pub struct Household {
    pub(crate) id: Box<str>,
    pub(crate) unit: NodeIndex,
    pub(crate) area_centi: u32,
}

impl Household {
    /// The household's id (a house code or a platform's key).
    pub fn id(&self) -> &str {
        &self.id
    }

    /// Exclusive floor area in m² (专有部分面积), the basis of fees and shares.
    pub fn area(&self) -> Decimal {
        Decimal::new(i64::from(self.area_centi), 2)
    }
}

/// An area in exact hundredths of a square metre, if it is positive, below 100,000 m²
/// and has at most 2 significant decimals (72.500 has 2).
pub(crate) fn area_centi(area: Decimal) -> Option<u32> {
    let (m, scale) = (area.mantissa(), area.scale());
    let centi = if scale <= 2 {
        m * 10i128.pow(2 - scale)
    } else {
        let unit = 10i128.pow(scale - 2);
        if m % unit != 0 {
            return None;
        }
        m / unit
    };
    u32::try_from(centi)
        .ok()
        .filter(|c| *c > 0 && *c < 10_000_000)
}

/// A registered person.
#[derive(Clone, Debug)]
#[cfg_attr(feature = "snapshot", derive(serde::Serialize, serde::Deserialize))]
pub struct Person {
    pub(crate) id: Box<str>,
    pub(crate) name: Box<str>,
    pub(crate) phone: Option<Box<str>>,
    pub(crate) party_member: bool,
    pub(crate) home: Option<u32>,
    pub(crate) roles: Vec<(NodeIndex, Role)>,
}

impl Person {
    /// The person's id.
    pub fn id(&self) -> &str {
        &self.id
    }

    /// Full name (personal data: mask it in public outputs).
    pub fn name(&self) -> &str {
        &self.name
    }

    /// Phone number, if given (personal data).
    pub fn phone(&self) -> Option<&str> {
        self.phone.as_deref()
    }

    /// Whether the person is a registered party member (counts for a micro-grid's rule
    /// of one party member when they live there).
    pub fn is_party_member(&self) -> bool {
        self.party_member
    }
}

/// A government department attached to a street for escalation (吹哨报到).
#[derive(Clone, Debug)]
#[cfg_attr(feature = "snapshot", derive(serde::Serialize, serde::Deserialize))]
pub struct Department {
    pub(crate) id: Box<str>,
    pub(crate) name: Box<str>,
    pub(crate) street: NodeIndex,
    pub(crate) domains: DomainSet,
}

impl Department {
    /// The department's id.
    pub fn id(&self) -> &str {
        &self.id
    }

    /// The department's name.
    pub fn name(&self) -> &str {
        &self.name
    }

    /// The domains it answers for.
    pub fn domains(&self) -> DomainSet {
        self.domains
    }
}

/// A paired unit (双报到单位): an agency or enterprise paired with a community.
#[derive(Clone, Debug)]
#[cfg_attr(feature = "snapshot", derive(serde::Serialize, serde::Deserialize))]
pub struct PairedUnit {
    pub(crate) id: Box<str>,
    pub(crate) name: Box<str>,
    pub(crate) community: NodeIndex,
}

impl PairedUnit {
    /// The paired unit's id.
    pub fn id(&self) -> &str {
        &self.id
    }

    /// The paired unit's name.
    pub fn name(&self) -> &str {
        &self.name
    }
}

/// Masks a name for public outputs: the first character stays, the rest become `*`.
pub fn mask_name(name: &str) -> String {
    let mut chars = name.chars();
    match chars.next() {
        None => String::new(),
        Some(first) => std::iter::once(first).chain(chars.map(|_| '*')).collect(),
    }
}

/// Masks a phone number for public outputs: the first 3 and last 4 digits stay.
pub fn mask_phone(phone: &str) -> String {
    let chars: Vec<char> = phone.chars().collect();
    if chars.len() <= 7 {
        return "*".repeat(chars.len());
    }
    chars
        .iter()
        .enumerate()
        .map(|(i, c)| {
            if i < 3 || i >= chars.len() - 4 {
                *c
            } else {
                '*'
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn masks_keep_only_what_identifies_nobody() {
        assert_eq!(mask_name("张三丰"), "张**");
        assert_eq!(mask_name(""), "");
        assert_eq!(mask_phone("13812345678"), "138****5678");
        assert_eq!(mask_phone("12345"), "*****");
    }
}

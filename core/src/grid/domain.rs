//! Domains of responsibility, and the sets of them a merged grid (多网合一) carries.

use std::fmt;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A domain of public work that a grid unit or a department answers for.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Domain {
    /// 政法综治: politics and law, comprehensive management of public order.
    PoliticsAndLaw,
    /// 市场监管: market supervision.
    MarketSupervision,
    /// 应急管理: emergency management.
    EmergencyManagement,
    /// 民政: civil affairs.
    CivilAffairs,
    /// 消防: fire safety.
    FireSafety,
    /// 城管: urban management (streets, rubbish, illegal construction).
    UrbanManagement,
    /// 公安: public security.
    PublicSecurity,
    /// 卫健: health.
    Health,
    /// 生态环境: environment.
    Environment,
    /// 住建/物业: housing and property management.
    Housing,
    /// 人社: employment and social security.
    SocialSecurity,
    /// 党建: party building.
    PartyBuilding,
}

impl Domain {
    /// Every domain, in a fixed order.
    pub const ALL: [Domain; 12] = [
        Domain::PoliticsAndLaw,
        Domain::MarketSupervision,
        Domain::EmergencyManagement,
        Domain::CivilAffairs,
        Domain::FireSafety,
        Domain::UrbanManagement,
        Domain::PublicSecurity,
        Domain::Health,
        Domain::Environment,
        Domain::Housing,
        Domain::SocialSecurity,
        Domain::PartyBuilding,
    ];

    /// The five thematic grids merged into one by 多网合一 (RULES.md).
    pub const MERGED: [Domain; 5] = [
        Domain::PoliticsAndLaw,
        Domain::MarketSupervision,
        Domain::EmergencyManagement,
        Domain::CivilAffairs,
        Domain::FireSafety,
    ];

    /// The snake_case name used in JSON and in the bindings.
    pub fn as_str(self) -> &'static str {
        match self {
            Domain::PoliticsAndLaw => "politics_and_law",
            Domain::MarketSupervision => "market_supervision",
            Domain::EmergencyManagement => "emergency_management",
            Domain::CivilAffairs => "civil_affairs",
            Domain::FireSafety => "fire_safety",
            Domain::UrbanManagement => "urban_management",
            Domain::PublicSecurity => "public_security",
            Domain::Health => "health",
            Domain::Environment => "environment",
            Domain::Housing => "housing",
            Domain::SocialSecurity => "social_security",
            Domain::PartyBuilding => "party_building",
        }
    }

    /// Parses a snake_case domain name.
    pub fn parse(name: &str) -> Option<Domain> {
        Domain::ALL.into_iter().find(|d| d.as_str() == name)
    }

    fn bit(self) -> u16 {
        1 << (self as u16)
    }
}

impl fmt::Display for Domain {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A set of domains, held as bits; serialised as a list of names in a fixed order.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct DomainSet(u16);

impl DomainSet {
    /// The empty set.
    pub const EMPTY: DomainSet = DomainSet(0);

    /// The set of the given domains.
    pub fn of(domains: &[Domain]) -> DomainSet {
        domains.iter().copied().collect()
    }

    /// The five merged domains of 多网合一.
    pub fn merged() -> DomainSet {
        DomainSet::of(&Domain::MERGED)
    }

    /// Whether the set holds `domain`.
    pub fn contains(self, domain: Domain) -> bool {
        self.0 & domain.bit() != 0
    }

    /// Adds `domain`.
    pub fn insert(&mut self, domain: Domain) {
        self.0 |= domain.bit();
    }

    /// Whether the set is empty.
    pub fn is_empty(self) -> bool {
        self.0 == 0
    }

    /// The domains in the set, in `Domain::ALL` order.
    pub fn iter(self) -> impl Iterator<Item = Domain> {
        Domain::ALL.into_iter().filter(move |d| self.contains(*d))
    }
}

impl FromIterator<Domain> for DomainSet {
    fn from_iter<I: IntoIterator<Item = Domain>>(iter: I) -> Self {
        let mut set = DomainSet::EMPTY;
        for d in iter {
            set.insert(d);
        }
        set
    }
}

#[cfg(feature = "schema")]
impl schemars::JsonSchema for DomainSet {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "DomainSet".into()
    }

    fn json_schema(generator: &mut schemars::SchemaGenerator) -> schemars::Schema {
        let domain = generator.subschema_for::<Domain>();
        schemars::json_schema!({
            "description": "A set of domains (多网合一), listed by name.",
            "type": "array",
            "items": domain,
            "uniqueItems": true
        })
    }
}

impl Serialize for DomainSet {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq(self.iter())
    }
}

impl<'de> Deserialize<'de> for DomainSet {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let list = Vec::<Domain>::deserialize(d)?;
        Ok(list.into_iter().collect())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sets_round_trip_in_fixed_order() {
        let set = DomainSet::of(&[Domain::FireSafety, Domain::CivilAffairs]);
        assert!(set.contains(Domain::FireSafety));
        assert!(!set.contains(Domain::Health));
        let json = serde_json::to_string(&set).unwrap();
        assert_eq!(json, r#"["civil_affairs","fire_safety"]"#);
        assert_eq!(serde_json::from_str::<DomainSet>(&json).unwrap(), set);
        assert_eq!(DomainSet::merged().iter().count(), 5);
        assert!(serde_json::from_str::<DomainSet>(r#"["nonsense"]"#).is_err());
    }

    #[test]
    fn names_parse_back() {
        for d in Domain::ALL {
            assert_eq!(Domain::parse(d.as_str()), Some(d));
        }
        assert_eq!(Domain::parse("x"), None);
    }
}

//! A community's two committees (两委): the party committee and the residents'
//! committee, with cross-appointment (交叉任职) between them and the property manager
//! sitting on either (双向进入), both allowed and reported.

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use super::check::community_of;
use super::model::{Office, Seat};
use super::Party;
use crate::access::Role;
use crate::error::Error;
use crate::grid::{Grid, NodeCode};
use crate::money::decimal_text;
use crate::tasks::percent;

/// A person on either of a community's two committees.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct CommitteeMember {
    /// The person's id.
    pub person: String,
    /// Their name.
    pub name: String,
    /// Their office on the party committee, if they are on it.
    pub party_office: Option<Office>,
    /// Their seat on the residents' committee, if they are on it.
    pub seat: Option<Seat>,
    /// Whether they sit on both (交叉任职).
    pub cross_appointed: bool,
    /// Whether they are a property manager of a compound of the community (双向进入).
    pub property_manager: bool,
}

/// A property manager sitting on one of the committees.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct PropertyManagerSeat {
    /// The person's id.
    pub person: String,
    /// The compounds (or other units) where they are property manager.
    pub manages: Vec<NodeCode>,
    /// Whether they are on the party committee.
    pub on_party_committee: bool,
    /// Whether they are on the residents' committee.
    pub on_residents_committee: bool,
}

/// A community's two committees and how they overlap.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct TwoCommittees {
    /// The community.
    pub community: NodeCode,
    /// Everyone on either committee, in id order.
    pub members: Vec<CommitteeMember>,
    /// People on the party committee.
    pub party_committee: u64,
    /// People on the residents' committee.
    pub residents_committee: u64,
    /// People on both.
    pub cross_appointed: u64,
    /// People on both, as a percentage of the people on either (交叉任职比重).
    #[serde(
        serialize_with = "decimal_text::write",
        deserialize_with = "decimal_text::read",
        default
    )]
    pub cross_share: Option<Decimal>,
    /// Property managers on either committee.
    pub property_managers: Vec<PropertyManagerSeat>,
}

impl Party {
    /// The two committees of a community.
    pub fn two_committees(&self, grid: &Grid, community: NodeCode) -> Result<TwoCommittees, Error> {
        community_of(grid, "community", community)?;
        let party = self.bodies.get(&community).map(|b| &b.roster);
        let residents = self.residents_committees.get(&community);
        let mut ids: Vec<&str> = party
            .into_iter()
            .flat_map(|r| r.keys())
            .chain(residents.into_iter().flat_map(|r| r.keys()))
            .map(String::as_str)
            .collect();
        ids.sort_unstable();
        ids.dedup();
        let mut out = TwoCommittees {
            community,
            members: Vec::new(),
            party_committee: party.map_or(0, |r| r.len() as u64),
            residents_committee: residents.map_or(0, |r| r.len() as u64),
            cross_appointed: 0,
            cross_share: None,
            property_managers: Vec::new(),
        };
        for id in ids {
            let party_office = party.and_then(|r| r.get(id)).copied();
            let seat = residents.and_then(|r| r.get(id)).copied();
            let cross = party_office.is_some() && seat.is_some();
            out.cross_appointed += u64::from(cross);
            let manages: Vec<NodeCode> = grid
                .person(id)
                .map(|p| {
                    grid.roles_of(p)
                        .into_iter()
                        .filter(|&(r, at)| r == Role::PropertyManager && community.contains(at))
                        .map(|(_, at)| at)
                        .collect()
                })
                .unwrap_or_default();
            if !manages.is_empty() {
                out.property_managers.push(PropertyManagerSeat {
                    person: id.to_owned(),
                    manages: manages.clone(),
                    on_party_committee: party_office.is_some(),
                    on_residents_committee: seat.is_some(),
                });
            }
            out.members.push(CommitteeMember {
                person: id.to_owned(),
                name: grid
                    .person(id)
                    .map(|p| p.name().to_owned())
                    .unwrap_or_default(),
                party_office,
                seat,
                cross_appointed: cross,
                property_manager: !manages.is_empty(),
            });
        }
        out.cross_share = percent(out.cross_appointed, out.members.len() as u64);
        Ok(out)
    }
}

//! The party organisation's records: bodies on grid units, the first secretary, the
//! residents' committee, 双报到 reports, paired units' service and 驻点 stations.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use crate::grid::{Level, NodeCode};
use crate::money::decimal_text;

/// The kind of party body a unit of the grid has, by the unit's level.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum BodyKind {
    /// 社区党委: the community party committee, at a community.
    Committee,
    /// 小区党支部: a compound's branch, at a grid.
    Branch,
    /// 楼栋党小组: a building's group, at a micro-grid.
    Group,
}

impl BodyKind {
    /// The kind of body a unit of `level` has, or `None` above the community.
    pub fn for_level(level: Level) -> Option<BodyKind> {
        match level {
            Level::Community => Some(BodyKind::Committee),
            Level::Grid => Some(BodyKind::Branch),
            Level::MicroGrid => Some(BodyKind::Group),
            Level::District | Level::Street => None,
        }
    }

    /// The snake_case name used in JSON and in the bindings.
    pub fn as_str(self) -> &'static str {
        match self {
            BodyKind::Committee => "committee",
            BodyKind::Branch => "branch",
            BodyKind::Group => "group",
        }
    }
}

/// A place on a party body.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Office {
    /// 书记: the secretary (one per body).
    Secretary,
    /// 副书记: a deputy secretary (a party member who is the community police officer
    /// often is one).
    DeputySecretary,
    /// 委员 / 党员: a member.
    Member,
}

impl Office {
    /// The snake_case name used in JSON and in the bindings.
    pub fn as_str(self) -> &'static str {
        match self {
            Office::Secretary => "secretary",
            Office::DeputySecretary => "deputy_secretary",
            Office::Member => "member",
        }
    }
}

/// A seat on a community's residents' committee (居委会).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Seat {
    /// 主任: the director (one per committee).
    Director,
    /// 副主任: a deputy director.
    DeputyDirector,
    /// 委员: a member.
    Member,
}

impl Seat {
    /// The snake_case name used in JSON and in the bindings.
    pub fn as_str(self) -> &'static str {
        match self {
            Seat::Director => "director",
            Seat::DeputyDirector => "deputy_director",
            Seat::Member => "member",
        }
    }
}

/// A party body on a unit of the grid.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Body {
    /// The unit it leads.
    pub unit: NodeCode,
    /// Its kind, by the unit's level.
    pub kind: BodyKind,
    /// Its name.
    pub name: String,
    /// When it was set up.
    pub founded: NaiveDate,
    /// Its people, by person id, with their office.
    pub roster: BTreeMap<String, Office>,
}

impl Body {
    /// The secretary's person id, if there is one.
    pub fn secretary(&self) -> Option<&str> {
        self.holders(Office::Secretary).next()
    }

    /// The people holding `office`, in id order.
    pub fn holders(&self, office: Office) -> impl Iterator<Item = &str> {
        self.roster
            .iter()
            .filter(move |(_, o)| **o == office)
            .map(|(p, _)| p.as_str())
    }
}

/// A first secretary (第一书记) sent to a community for a term.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct FirstSecretary {
    /// The person.
    pub person: String,
    /// The community they are sent to.
    pub community: NodeCode,
    /// The agency that sends them (派出单位).
    pub sent_by: String,
    /// The first day of the term.
    pub from: NaiveDate,
    /// The last day of the term.
    pub to: NaiveDate,
    /// The day they were recalled before the term's end, if they were.
    pub recalled: Option<NaiveDate>,
}

impl FirstSecretary {
    /// The last day they serve: the term's end, or the day before a recall.
    pub fn last_day(&self) -> NaiveDate {
        match self.recalled {
            Some(r) => r.pred_opt().unwrap_or(r).min(self.to),
            None => self.to,
        }
    }

    /// Whether they serve on `day`.
    pub fn serves_on(&self, day: NaiveDate) -> bool {
        self.from <= day && day <= self.last_day()
    }
}

/// A serving party member's report to the community where they live (在职党员到社区报到).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct MemberReport {
    /// The party member.
    pub person: String,
    /// The community.
    pub community: NodeCode,
    /// The day they reported in.
    pub on: NaiveDate,
    /// The paired unit they work for, if it is one.
    pub workplace: Option<String>,
}

/// A paired unit's report to a community (单位到社区报到).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct UnitReport {
    /// The paired unit.
    pub unit: String,
    /// The community.
    pub community: NodeCode,
    /// The day it reported in.
    pub on: NaiveDate,
}

/// An activity a paired unit ran in its community: an entry of its service ledger.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct UnitService {
    /// The entry's id.
    pub id: String,
    /// The paired unit.
    pub unit: String,
    /// The community.
    pub community: NodeCode,
    /// The day.
    pub on: NaiveDate,
    /// What was done.
    pub activity: String,
    /// How many people the unit sent.
    pub people: u32,
    /// Person-hours given, in hours.
    #[serde(
        serialize_with = "decimal_text::write",
        deserialize_with = "decimal_text::read"
    )]
    pub hours: Decimal,
}

/// A cadre stationed at a compound (驻点包保小区): the spans of days on station, and the
/// days served.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Station {
    /// The cadre.
    pub person: String,
    /// The compound (a unit at grid level).
    pub compound: NodeCode,
    /// The spans on station, in order; only the last may be open.
    pub spans: Vec<Span>,
    /// The days served on station, in order.
    pub days: Vec<NaiveDate>,
}

/// A span of days: from a day until (not including) another, or open.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Span {
    /// The first day.
    pub from: NaiveDate,
    /// The first day after it, once it has ended.
    pub until: Option<NaiveDate>,
}

impl Span {
    /// Whether the span holds on `day`.
    pub fn holds_on(&self, day: NaiveDate) -> bool {
        self.from <= day && self.until.is_none_or(|u| day < u)
    }
}

impl Station {
    /// Whether the station holds on `day`.
    pub fn holds_on(&self, day: NaiveDate) -> bool {
        self.spans.iter().any(|s| s.holds_on(day))
    }

    /// The open span, if the cadre is on station now.
    pub fn open(&self) -> Option<&Span> {
        self.spans.last().filter(|s| s.until.is_none())
    }
}

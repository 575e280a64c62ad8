//! The party organisation on the grid (党建引领): party bodies mirroring the grid, the
//! first secretary, the community's two committees, 双报到 and 驻点.
//!
//! - **Bodies.** A community party committee (社区党委) at a community, a branch
//!   (小区党支部) at a compound (a grid), a group (楼栋党小组) at a micro-grid. Each has one
//!   secretary, deputies and members, all party members of the ward. The coverage report
//!   lists units without their body and bodies without a secretary, and can check that a
//!   community's chief grid leader is its party secretary (Chengdu's practice; off by
//!   default).
//! - **Offices that are not grid roles.** The first secretary (第一书记), sent by an
//!   agency to a community for a term (a year in the sources); the residents' committee
//!   (居委会), which with the party committee makes the community's two committees
//!   (两委). Cross-appointment (交叉任职) between the two, and the property manager
//!   sitting on either (双向进入), are allowed and reported. Community police
//!   (一社区一民警两辅警) are grid roles, so that routing can send them public-security
//!   requests.
//! - **双报到.** A serving party member reports in to the community where they live, and
//!   a paired unit to its community, each on a day. A paired unit keeps a service
//!   ledger: the activities it ran, the people it sent and their hours; the micro-wishes
//!   it claimed come from the requests themselves. Counts by community and period.
//! - **驻点.** Cadres are stationed at compounds and serve there at least three days a
//!   week (configurable); each day served is recorded, and the weekly report shows who
//!   falls short.
//!
//! ```
//! use chrono::NaiveDate;
//! use gridward::access::{Actor, Context};
//! use gridward::grid::{GridCommand, NodeCode};
//! use gridward::party::{Office, PartyCommand};
//! use gridward::{Ward, WardConfig};
//!
//! let mut ward = Ward::new(WardConfig::default());
//! let at = "2026-03-02T09:00:00+08:00".parse().unwrap();
//! let sys = Context::new(Actor::System, at);
//! let code = |c: &str| NodeCode::parse(c).unwrap();
//! for (c, name) in [("510107", "武侯区"), ("510107001", "街道"), ("510107001001", "社区")] {
//!     ward.execute(&sys, GridCommand::AddUnit { code: code(c), name: name.into(), domains: None })?;
//! }
//! ward.execute(&sys, GridCommand::AddPerson {
//!     id: "p1".into(), name: "王书记".into(), phone: None, party_member: true,
//! })?;
//! let on = NaiveDate::from_ymd_opt(2026, 3, 2).unwrap();
//! ward.execute(&sys, PartyCommand::SetUpBody {
//!     unit: code("510107001001"), name: "社区党委".into(), on,
//! })?;
//! ward.execute(&sys, PartyCommand::Appoint {
//!     unit: code("510107001001"), person: "p1".into(), office: Office::Secretary,
//! })?;
//! let body = ward.party().body(code("510107001001")).unwrap();
//! assert_eq!(body.secretary(), Some("p1"));
//! # Ok::<(), gridward::Error>(())
//! ```

mod apply;
mod capability;
mod chain;
mod check;
mod command;
mod committees;
mod config;
mod coverage;
mod decide;
mod digest;
mod error;
mod event;
mod ledger;
mod model;
mod reads;
mod station;
#[cfg(test)]
mod tests;

use std::collections::BTreeMap;

pub use chain::{PartyChain, PartyLink};
pub use command::PartyCommand;
pub use committees::{CommitteeMember, PropertyManagerSeat, TwoCommittees};
pub use config::PartyConfig;
pub use coverage::{MissingBody, PartyCoverage};
pub use error::PartyError;
pub use event::PartyEvent;
pub use ledger::{CommunityService, ServiceLedger, UnitServiceRow};
pub use model::{
    Body, BodyKind, FirstSecretary, MemberReport, Office, Seat, Span, Station, UnitReport,
    UnitService,
};
pub use reads::Reads;
pub use station::{CompoundDays, StationRow};

use crate::grid::NodeCode;

/// The party organisation's state.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
#[cfg_attr(feature = "snapshot", derive(serde::Serialize, serde::Deserialize))]
pub struct Party {
    pub(crate) bodies: BTreeMap<NodeCode, Body>,
    pub(crate) first_secretaries: Vec<FirstSecretary>,
    pub(crate) residents_committees: BTreeMap<NodeCode, BTreeMap<String, Seat>>,
    pub(crate) member_reports: BTreeMap<(String, NodeCode), MemberReport>,
    pub(crate) unit_reports: BTreeMap<(String, NodeCode), UnitReport>,
    pub(crate) services: BTreeMap<String, UnitService>,
    pub(crate) stations: BTreeMap<(String, NodeCode), Station>,
}

impl Party {
    /// The party body of a unit.
    pub fn body(&self, unit: NodeCode) -> Option<&Body> {
        self.bodies.get(&unit)
    }

    /// Every party body, in unit code order.
    pub fn bodies(&self) -> impl Iterator<Item = &Body> {
        self.bodies.values()
    }

    /// Every first secretary sent, in the order they were sent.
    pub fn first_secretaries(&self) -> &[FirstSecretary] {
        &self.first_secretaries
    }

    /// The first secretary serving a community on a day.
    pub fn first_secretary(
        &self,
        community: NodeCode,
        on: chrono::NaiveDate,
    ) -> Option<&FirstSecretary> {
        self.first_secretaries
            .iter()
            .find(|f| f.community == community && f.serves_on(on))
    }

    /// The residents' committee of a community: person ids with their seats.
    pub fn residents_committee(&self, community: NodeCode) -> Option<&BTreeMap<String, Seat>> {
        self.residents_committees.get(&community)
    }

    /// Members' reports, in (person, community) order.
    pub fn member_reports(&self) -> impl Iterator<Item = &MemberReport> {
        self.member_reports.values()
    }

    /// Paired units' reports, in (unit, community) order.
    pub fn unit_reports(&self) -> impl Iterator<Item = &UnitReport> {
        self.unit_reports.values()
    }

    /// The service ledger's entries, in id order.
    pub fn services(&self) -> impl Iterator<Item = &UnitService> {
        self.services.values()
    }

    /// Every station, in (person, compound) order.
    pub fn stations(&self) -> impl Iterator<Item = &Station> {
        self.stations.values()
    }
}

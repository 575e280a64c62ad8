//! Actors and roles: who issues a command, and what their place in the grid lets them do.
//!
//! Roles are held at a unit and reach that unit's whole subtree. Permission is decided in
//! `decide`, from the actor's roles, before any event exists.

use std::fmt;

use chrono::{DateTime, FixedOffset};
use serde::{Deserialize, Serialize};

/// Who issues a command.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Actor {
    /// The platform itself (set-up, migration, bulk import): allowed everything.
    System,
    /// A registered person, by id; what they may do follows from their roles.
    Person(String),
    /// A secret ballot's voter, as the journal records them: the entry of a cast ballot
    /// names no person (the ballot carries a token instead). Nothing can be done as this
    /// actor.
    Secret,
}

impl Actor {
    /// A person actor.
    pub fn person(id: impl Into<String>) -> Actor {
        Actor::Person(id.into())
    }
}

impl fmt::Display for Actor {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Actor::System => f.write_str("system"),
            Actor::Person(id) => write!(f, "person {id}"),
            Actor::Secret => f.write_str("a secret ballot's voter"),
        }
    }
}

/// Who acts, when, and under which idempotency key.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Context {
    /// The actor.
    pub actor: Actor,
    /// When the command is given (the core has no clock).
    pub at: DateTime<FixedOffset>,
    /// A key for commands that may be retried: the same key twice has one effect.
    pub idempotency_key: Option<String>,
}

impl Context {
    /// A context without an idempotency key.
    pub fn new(actor: Actor, at: DateTime<FixedOffset>) -> Context {
        Context {
            actor,
            at,
            idempotency_key: None,
        }
    }

    /// The same context with an idempotency key.
    pub fn with_key(mut self, key: impl Into<String>) -> Context {
        self.idempotency_key = Some(key.into());
        self
    }
}

/// A role a person holds at a unit of the grid.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Role {
    /// 网格化服务管理中心: an administrator of a district's or street's grid work.
    Administrator,
    /// 社区工作者: community staff.
    CommunityStaff,
    /// 总网格长: the community secretary as chief grid leader.
    ChiefGridLeader,
    /// 网格长: a grid leader.
    GridLeader,
    /// 微网格员: a micro-grid worker.
    MicroGridWorker,
    /// 报到党员: a party member who reports to the community where they live.
    ReportingPartyMember,
    /// 下沉党员: a party member sent down from an agency to serve the community.
    SentDownPartyMember,
    /// 志愿者: a volunteer.
    Volunteer,
    /// 物业服务人 (受托人): the property manager, trustee of a compound's common fund, who
    /// keeps its accounts.
    PropertyManager,
    /// 监察人: the supervisor who follows every payment of a common fund and approves
    /// those above the threshold.
    FundSupervisor,
    /// 业主委员会委员: a member of the owners' committee, who convenes the assembly.
    OwnersCommitteeMember,
    /// 社区民警: the community's police officer (一社区一民警两辅警), to whom routing sends
    /// public-security requests.
    CommunityPolice,
    /// 辅警: an auxiliary police officer of the community.
    AuxiliaryPolice,
}

impl Role {
    /// Every role.
    pub const ALL: [Role; 13] = [
        Role::Administrator,
        Role::CommunityStaff,
        Role::ChiefGridLeader,
        Role::GridLeader,
        Role::MicroGridWorker,
        Role::ReportingPartyMember,
        Role::SentDownPartyMember,
        Role::Volunteer,
        Role::PropertyManager,
        Role::FundSupervisor,
        Role::OwnersCommitteeMember,
        Role::CommunityPolice,
        Role::AuxiliaryPolice,
    ];

    /// The snake_case name used in JSON and in the bindings.
    pub fn as_str(self) -> &'static str {
        match self {
            Role::Administrator => "administrator",
            Role::CommunityStaff => "community_staff",
            Role::ChiefGridLeader => "chief_grid_leader",
            Role::GridLeader => "grid_leader",
            Role::MicroGridWorker => "micro_grid_worker",
            Role::ReportingPartyMember => "reporting_party_member",
            Role::SentDownPartyMember => "sent_down_party_member",
            Role::Volunteer => "volunteer",
            Role::PropertyManager => "property_manager",
            Role::FundSupervisor => "fund_supervisor",
            Role::OwnersCommitteeMember => "owners_committee_member",
            Role::CommunityPolice => "community_police",
            Role::AuxiliaryPolice => "auxiliary_police",
        }
    }

    /// Parses a snake_case role name.
    pub fn parse(name: &str) -> Option<Role> {
        Role::ALL.into_iter().find(|r| r.as_str() == name)
    }

    /// Roles that may change the structure (units, departments, paired units, roles).
    pub fn shapes_structure(self) -> bool {
        matches!(
            self,
            Role::Administrator | Role::CommunityStaff | Role::ChiefGridLeader
        )
    }

    /// Roles that keep the household register and answer for households: the staff
    /// roles plus grid leaders and micro-grid workers.
    pub fn keeps_households(self) -> bool {
        self.shapes_structure() || matches!(self, Role::GridLeader | Role::MicroGridWorker)
    }

    /// Roles that answer for a domain at their unit in a chain of responsibility.
    pub fn answers(self) -> bool {
        self.keeps_households()
    }

    /// The community's police, to whom routing sends public-security requests.
    pub fn is_police(self) -> bool {
        matches!(self, Role::CommunityPolice | Role::AuxiliaryPolice)
    }

    /// Party member roles, for the rule of one party member per micro-grid.
    pub fn is_party_member(self) -> bool {
        matches!(self, Role::ReportingPartyMember | Role::SentDownPartyMember)
    }
}

impl fmt::Display for Role {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// What an actor needs in order to act on a unit.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Permission {
    /// Change units, departments, paired units or roles.
    ShapeStructure,
    /// Create a district (a root of the hierarchy): the platform only.
    CreateDistrict,
    /// Grant or revoke the administrator role.
    AppointAdministrator,
    /// Add or move households and register residents.
    KeepHouseholds,
    /// Issue a directive.
    IssueDirective,
    /// Acknowledge a directive for a household.
    Acknowledge,
    /// Register a person.
    RegisterPerson,
    /// File a request on a resident's behalf (a resident files their own without it).
    FileRequest,
    /// Dispatch, return to the pool, cancel, reopen, extend or mark duplicate requests.
    Dispatch,
    /// Verify handled work on site and close it.
    Verify,
    /// Put requests under supervision and run the clock over them.
    Supervise,
    /// Call in a street's departments (held at the street or above).
    Whistle,
    /// Keep a common fund's accounts: bill, record, propose budgets, request payments.
    KeepAccounts,
    /// Approve or refuse a common fund's payments above the threshold.
    ApprovePayments,
    /// Convene the owners' assembly: open and close motions, record paper ballots, keep
    /// the owners' roll.
    ConveneAssembly,
    /// Certify or refuse service records of the unit.
    CertifyService,
    /// Keep the points: the catalog, awards, expiry runs, star grants and reversals.
    KeepPoints,
    /// Grant star levels across the ward (an administrator's act).
    GrantStars,
    /// Keep a community's project funds: open them, sort proposals, run the decision,
    /// contract deliverers, pay tranches and name evaluators.
    KeepProjects,
}

impl Permission {
    /// Whether holding `role` at a unit containing the target grants this permission.
    pub fn granted_by(self, role: Role) -> bool {
        match self {
            Permission::ShapeStructure => role.shapes_structure(),
            Permission::CreateDistrict => false,
            Permission::AppointAdministrator => role == Role::Administrator,
            Permission::KeepHouseholds | Permission::Acknowledge | Permission::RegisterPerson => {
                role.keeps_households()
            }
            Permission::IssueDirective | Permission::Dispatch | Permission::Supervise => {
                role.shapes_structure() || role == Role::GridLeader
            }
            Permission::FileRequest | Permission::Verify => role.keeps_households(),
            Permission::Whistle => matches!(role, Role::Administrator | Role::CommunityStaff),
            Permission::KeepAccounts => role == Role::PropertyManager,
            Permission::ApprovePayments => role == Role::FundSupervisor,
            Permission::ConveneAssembly => {
                role == Role::OwnersCommitteeMember || role.shapes_structure()
            }
            Permission::CertifyService => role.keeps_households(),
            Permission::KeepPoints => role.shapes_structure(),
            Permission::GrantStars => role == Role::Administrator,
            Permission::KeepProjects => role.shapes_structure(),
        }
    }

    /// The snake_case name used in error messages.
    pub fn as_str(self) -> &'static str {
        match self {
            Permission::ShapeStructure => "shape_structure",
            Permission::CreateDistrict => "create_district",
            Permission::AppointAdministrator => "appoint_administrator",
            Permission::KeepHouseholds => "keep_households",
            Permission::IssueDirective => "issue_directive",
            Permission::Acknowledge => "acknowledge",
            Permission::RegisterPerson => "register_person",
            Permission::FileRequest => "file_request",
            Permission::Dispatch => "dispatch",
            Permission::Verify => "verify",
            Permission::Supervise => "supervise",
            Permission::Whistle => "whistle",
            Permission::KeepAccounts => "keep_accounts",
            Permission::ApprovePayments => "approve_payments",
            Permission::ConveneAssembly => "convene_assembly",
            Permission::CertifyService => "certify_service",
            Permission::KeepPoints => "keep_points",
            Permission::GrantStars => "grant_stars",
            Permission::KeepProjects => "keep_projects",
        }
    }
}

impl fmt::Display for Permission {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn residents_and_volunteers_shape_nothing() {
        for role in [
            Role::Volunteer,
            Role::ReportingPartyMember,
            Role::SentDownPartyMember,
        ] {
            assert!(!Permission::ShapeStructure.granted_by(role));
            assert!(!Permission::KeepHouseholds.granted_by(role));
        }
        assert!(Permission::KeepHouseholds.granted_by(Role::MicroGridWorker));
        assert!(!Permission::ShapeStructure.granted_by(Role::MicroGridWorker));
        assert!(!Permission::CreateDistrict.granted_by(Role::Administrator));
    }

    #[test]
    fn role_names_parse_back() {
        for r in Role::ALL {
            assert_eq!(Role::parse(r.as_str()), Some(r));
        }
        assert_eq!(
            serde_json::to_string(&Actor::person("p1")).unwrap(),
            r#"{"person":"p1"}"#
        );
        assert_eq!(
            serde_json::to_string(&Actor::System).unwrap(),
            r#""system""#
        );
    }
}

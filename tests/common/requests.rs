//! A small community for request tests: staff, claimers, residents and departments.

use gridward::grid::{Domain, DomainSet, GridCommand};
use gridward::tasks::{Location, TaskCommand};
use gridward::{Receipt, Role, Ward, WardConfig};

use super::{add_households, add_person, add_units, appoint, as_person, as_system, code};

/// The community's units: a district, a street, a community, a grid, two micro-grids.
pub const DISTRICT: &str = "510105";
pub const STREET: &str = "510105001";
pub const COMMUNITY: &str = "510105001001";
pub const GRID: &str = "510105001001001";
pub const MICRO1: &str = "510105001001001001";
pub const MICRO2: &str = "510105001001001002";

/// Monday 2 March 2026, 09:00 in Chengdu: a working day.
pub const MONDAY: &str = "2026-03-02T09:00:00+08:00";

/// A ward with the community built: merged grids plus urban management and housing at
/// community level and below; staff `chief`, `gl`, `w1`, `w2`; claimers `pm1` (party
/// member at micro-grid 1) and `vol` (volunteer of the community); residents `r1` (in
/// `MICRO1-0`) and `r2` (in `MICRO2-0`); street administrator `sa`; departments `cg`
/// (城管, officer `o1`) and `sj` (市场监管, officer `o2`).
pub fn world(config: WardConfig) -> Ward {
    let mut w = Ward::new(config);
    add_units(&mut w, &[DISTRICT, STREET, COMMUNITY, GRID, MICRO1, MICRO2]);
    let mut domains = DomainSet::merged();
    domains.insert(Domain::UrbanManagement);
    domains.insert(Domain::Housing);
    for unit in [COMMUNITY, GRID, MICRO1, MICRO2] {
        let cmd = GridCommand::SetDomains {
            code: code(unit),
            domains,
        };
        w.execute(&as_system(MONDAY), cmd).unwrap();
    }
    add_households(&mut w, MICRO1, 3);
    add_households(&mut w, MICRO2, 3);
    appoint(&mut w, "chief", Role::ChiefGridLeader, COMMUNITY);
    appoint(&mut w, "gl", Role::GridLeader, GRID);
    appoint(&mut w, "w1", Role::MicroGridWorker, MICRO1);
    appoint(&mut w, "w2", Role::MicroGridWorker, MICRO2);
    appoint(&mut w, "pm1", Role::ReportingPartyMember, MICRO1);
    appoint(&mut w, "vol", Role::Volunteer, COMMUNITY);
    appoint(&mut w, "sa", Role::Administrator, STREET);
    for (id, home) in [("r1", format!("{MICRO1}-0")), ("r2", format!("{MICRO2}-0"))] {
        add_person(&mut w, id, false);
        let cmd = GridCommand::RegisterResident {
            person: id.into(),
            household: home,
        };
        w.execute(&as_system(MONDAY), cmd).unwrap();
    }
    for (id, name, domain, officer) in [
        ("cg", "城管执法中队", Domain::UrbanManagement, "o1"),
        ("sj", "市场监管所", Domain::MarketSupervision, "o2"),
    ] {
        let cmd = GridCommand::AddDepartment {
            id: id.into(),
            name: name.into(),
            street: code(STREET),
            domains: DomainSet::of(&[domain]),
        };
        w.execute(&as_system(MONDAY), cmd).unwrap();
        add_person(&mut w, officer, false);
        let cmd = TaskCommand::AppointOfficer {
            department: id.into(),
            person: officer.into(),
        };
        w.execute(&as_system(MONDAY), cmd).unwrap();
    }
    w
}

/// The household of resident `r1`.
pub fn home1() -> Location {
    Location::Household(format!("{MICRO1}-0"))
}

/// Files a request as `who` at `at`, keyed by its id.
pub fn file(
    w: &mut Ward,
    who: &str,
    at: &str,
    id: &str,
    category: &str,
    location: Location,
) -> Receipt {
    let cmd = TaskCommand::File {
        id: id.into(),
        category: category.into(),
        location,
        description: "楼道堆放杂物".into(),
        photos: vec![],
    };
    w.execute(&as_person(who, at).with_key(format!("file-{id}")), cmd)
        .unwrap()
}

/// Runs a task command as a person.
pub fn act(
    w: &mut Ward,
    who: &str,
    at: &str,
    cmd: TaskCommand,
) -> Result<Receipt, gridward::Error> {
    w.execute(&as_person(who, at), cmd)
}

//! Shapes of query results that the core hands out as borrowed views, made owned and
//! serialisable for JavaScript.

use gridward::grid::{CoverageReport, Domain, DomainSet, Level, NodeCode};
use gridward::journal::ChainBreak;
use gridward::{Hash, VerifyReport};
use rust_decimal::Decimal;
use serde::Serialize;

/// A unit, as `unit()`, `roots()` and `children()` return it.
#[derive(Serialize)]
pub struct UnitOut {
    /// Its code.
    pub code: NodeCode,
    /// Its name.
    pub name: String,
    /// Its level.
    pub level: Level,
    /// Its parent's code (`null` for a district).
    pub parent: Option<NodeCode>,
    /// The domains it answers for.
    pub domains: DomainSet,
    /// Households attached directly.
    pub direct_households: u64,
}

impl From<&gridward::grid::Unit> for UnitOut {
    fn from(u: &gridward::grid::Unit) -> Self {
        UnitOut {
            code: u.code(),
            name: u.name().to_owned(),
            level: u.level(),
            parent: u.code().parent(),
            domains: u.domains(),
            direct_households: u.direct_households() as u64,
        }
    }
}

/// A household row of `householdsUnder()`.
#[derive(Serialize)]
pub struct HouseholdRowOut {
    /// Its id.
    pub id: String,
    /// Its unit.
    pub unit: Option<NodeCode>,
    /// Floor area, a decimal string.
    pub area: Decimal,
}

/// A household with its residents, as `household()` returns it.
#[derive(Serialize)]
pub struct HouseholdOut {
    /// Its id.
    pub id: String,
    /// Its unit.
    pub unit: Option<NodeCode>,
    /// Floor area, a decimal string.
    pub area: Decimal,
    /// Ids of the people living there.
    pub residents: Vec<String>,
}

/// A role held at a unit.
#[derive(Serialize)]
pub struct RoleAtOut {
    /// The role.
    pub role: gridward::Role,
    /// The unit.
    pub unit: NodeCode,
}

/// A person, as `person()` returns them.
#[derive(Serialize)]
pub struct PersonOut {
    /// Their id.
    pub id: String,
    /// Their name.
    pub name: String,
    /// Their phone number.
    pub phone: Option<String>,
    /// Whether they are a party member.
    pub party_member: bool,
    /// The household they live in.
    pub home: Option<String>,
    /// The roles they hold.
    pub roles: Vec<RoleAtOut>,
}

/// Someone answering at a link of a chain.
#[derive(Serialize)]
pub struct ResponderOut {
    /// The person's id.
    pub person: String,
    /// Their name.
    pub name: String,
    /// The role they answer in.
    pub role: gridward::Role,
}

/// One link of a chain.
#[derive(Serialize)]
pub struct ChainLinkOut {
    /// The unit.
    pub code: NodeCode,
    /// Its level.
    pub level: Level,
    /// Its name.
    pub name: String,
    /// Who answers there.
    pub responders: Vec<ResponderOut>,
}

/// A department of a chain.
#[derive(Serialize)]
pub struct DepartmentOut {
    /// Its id.
    pub id: String,
    /// Its name.
    pub name: String,
}

/// A household's chain of responsibility for a domain.
#[derive(Serialize)]
pub struct ChainOut {
    /// The household.
    pub household: String,
    /// The domain.
    pub domain: Domain,
    /// The links, lowest first.
    pub links: Vec<ChainLinkOut>,
    /// The street's departments for the domain.
    pub departments: Vec<DepartmentOut>,
}

impl From<&gridward::grid::Chain<'_>> for ChainOut {
    fn from(c: &gridward::grid::Chain<'_>) -> Self {
        ChainOut {
            household: c.household.id().to_owned(),
            domain: c.domain,
            links: c
                .links
                .iter()
                .map(|l| ChainLinkOut {
                    code: l.unit.code(),
                    level: l.unit.level(),
                    name: l.unit.name().to_owned(),
                    responders: l
                        .responders()
                        .map(|r| ResponderOut {
                            person: r.person.id().to_owned(),
                            name: r.person.name().to_owned(),
                            role: r.role,
                        })
                        .collect(),
                })
                .collect(),
            departments: c
                .departments
                .iter()
                .map(|d| DepartmentOut {
                    id: d.id().to_owned(),
                    name: d.name().to_owned(),
                })
                .collect(),
        }
    }
}

/// A coverage report with its two derived figures.
#[derive(Serialize)]
pub struct CoverageOut<'a> {
    /// The report's own fields.
    #[serde(flatten)]
    pub report: &'a CoverageReport,
    /// Whether nothing was found.
    pub is_clean: bool,
    /// Share of micro-grids that break none of their rules.
    pub micro_grid_compliance: f64,
}

impl<'a> From<&'a CoverageReport> for CoverageOut<'a> {
    fn from(report: &'a CoverageReport) -> Self {
        CoverageOut {
            report,
            is_clean: report.is_clean(),
            micro_grid_compliance: report.micro_grid_compliance(),
        }
    }
}

/// A verification report, with whether the head matched the one expected.
#[derive(Serialize)]
pub struct VerifyOut {
    /// Entries intact before any break.
    pub entries: u64,
    /// Hash of the last intact entry.
    pub head: Hash,
    /// Whether the whole chain is intact.
    pub intact: bool,
    /// The first break.
    pub first_break: Option<ChainBreak>,
    /// With an expected head: whether the journal is intact and ends there.
    pub head_matches: Option<bool>,
}

impl VerifyOut {
    /// The report, compared with an expected head if one is given.
    pub fn new(report: VerifyReport, expected: Option<Hash>) -> VerifyOut {
        let head_matches = expected.map(|h| report.intact && report.head == h);
        VerifyOut {
            entries: report.entries,
            head: report.head,
            intact: report.intact,
            first_break: report.first_break,
            head_matches,
        }
    }
}

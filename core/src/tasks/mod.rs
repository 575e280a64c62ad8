//! Task routing (`tasks`): a resident files a request (点单), the community dispatches it
//! (派单) — by the routing rules or by hand — a grid worker takes it or a party member or
//! volunteer claims it from the pool (领单), it is handled, verified on site by someone
//! else and closed (核查结案), and the filer rates it (评单). Around that cycle: returns
//! with a reason (退回), the street calling in departments that must report within a
//! limit (吹哨报到), supervision of overdue work (督办), parking of cases past their limit
//! and extension (挂账), reopening, and a correction window after a bad rating.
//!
//! At any moment a request has exactly one responsible party: a unit (its staff or its
//! claim pool, or the locality when nobody below can take it), a person, or a department.
//! Deadlines run on the working-time [`Calendar`](crate::calendar::Calendar) from the
//! first dispatch.
//!
//! ## Quick start
//!
//! ```
//! use chrono::{DateTime, Duration};
//! use gridward::grid::{ImportRow, NodeCode};
//! use gridward::tasks::{Location, Period, Satisfaction, Status, TaskCommand};
//! use gridward::{Actor, Context, Role, Ward, WardConfig};
//!
//! # fn main() -> Result<(), Box<dyn std::error::Error>> {
//! let mut ward = Ward::new(WardConfig::default());
//! let at = DateTime::parse_from_rfc3339("2026-03-02T09:00:00+08:00")?;
//! let platform = Context::new(Actor::System, at);
//! let micro = NodeCode::parse("510107017006001001")?;
//! let mut rows = Vec::new();
//! for (code, name) in [
//!     ("510107", "武侯区"),
//!     ("510107017", "晋阳街道"),
//!     ("510107017006", "吉福社区"),
//!     ("510107017006001", "云锦城市花园网格"),
//!     ("510107017006001001", "1栋微网格"),
//! ] {
//!     let code = NodeCode::parse(code)?;
//!     rows.push(ImportRow::Unit { code, parent: None, name: name.into(), domains: None });
//! }
//! rows.push(ImportRow::Household { id: "1-01".into(), unit: micro, area: "89.50".parse()? });
//! for (id, name, home) in [("r1", "王芳", Some("1-01")), ("w1", "李梅", None), ("gl", "张军", None)] {
//!     let household = home.map(String::from);
//!     rows.push(ImportRow::Person {
//!         id: id.into(), name: name.into(), phone: None, party_member: false, household,
//!     });
//! }
//! rows.push(ImportRow::Role { person: "w1".into(), role: Role::MicroGridWorker, unit: micro });
//! let grid = NodeCode::parse("510107017006001")?;
//! rows.push(ImportRow::Role { person: "gl".into(), role: Role::GridLeader, unit: grid });
//! ward.import(&platform, rows)?;
//!
//! let as_person = |id: &str, hours: i64| Context::new(Actor::person(id), at + Duration::hours(hours));
//! // 点单: a resident files; the routing rules dispatch it to the micro-grid's worker.
//! let file = TaskCommand::File {
//!     id: "q1".into(),
//!     category: "fire_hazard".into(),
//!     location: Location::Household("1-01".into()),
//!     description: "楼道堆放杂物".into(),
//!     photos: vec![],
//! };
//! // A resident's filing carries an idempotency key, so that a retry files it once.
//! ward.execute(&as_person("r1", 0).with_key("file-q1"), file)?;
//! assert_eq!(ward.tasks().request("q1").map(|r| r.status()), Some(Status::Assigned));
//!
//! // The worker handles it, someone else verifies it on site, the resident rates it.
//! let handle = TaskCommand::Handle { request: "q1".into(), report: "已清运".into(), photos: vec![] };
//! ward.execute(&as_person("w1", 2), handle)?;
//! let verify = TaskCommand::Verify { request: "q1".into(), passed: true, note: String::new() };
//! ward.execute(&as_person("gl", 3), verify)?;
//! let rate = TaskCommand::Rate {
//!     request: "q1".into(),
//!     level: Satisfaction::VerySatisfied,
//!     comment: String::new(),
//! };
//! ward.execute(&as_person("r1", 4), rate)?;
//! assert_eq!(ward.tasks().request("q1").map(|r| r.status()), Some(Status::Closed));
//!
//! // The month's indicators: one request, closed and rated satisfied.
//! let month = Period { from: at - Duration::days(1), to: at + Duration::days(30) };
//! let figures = ward.indicators(None, &month)?;
//! assert_eq!(figures.closed, 1);
//! assert_eq!(figures.satisfaction_rate, Some("100.00".parse()?));
//! # Ok(())
//! # }
//! ```

mod admin;
mod apply;
mod assign;
mod capability;
mod category;
mod check;
mod command;
mod counts;
mod decide;
mod desk;
mod digest;
mod error;
mod event;
mod history;
mod indicators;
mod model;
mod open311;
#[cfg(feature = "snapshot")]
mod restore;
mod route;
mod row;
mod satisfaction;
mod standing;
mod sweep;
mod whistle_band;

pub use capability::Reads;
pub use category::{Category, CategoryView, Handler, TasksConfig};
pub use command::{Assignee, ImportedRequest, OpenOrClosed, TaskCommand};
pub use counts::{merge_counts, IndicatorCounts};
pub use error::TaskError;
pub use event::{Call, TaskEvent};
pub use indicators::{percent, Indicators, Period};
pub use model::{Claim, Deadlines, Location, Request, Responsible, Satisfaction, Status, Whistle};
pub use open311::{parse_requests, Open311Error, Open311Request, Open311Service};
pub use route::{RouteDecision, RouteView};
pub use row::{RequestRow, WhistleRow};
pub use whistle_band::{StreetBand, WhistleBand, WhistleBandError, WhistleBands, WhistleFlag};

pub(crate) use check::check_event;
pub(crate) use decide::decide;
pub(crate) use route::{may_claim, route_at};

use std::collections::BTreeSet;

use hashbrown::HashMap;

use crate::ids::IdIndex;

pub(crate) use model::Party;

/// The state of the tasks capability: a fold over task events.
#[derive(Clone, Debug, Default)]
#[cfg_attr(feature = "snapshot", derive(serde::Serialize, serde::Deserialize))]
pub struct Tasks {
    pub(crate) requests: Vec<Request>,
    /// Places of requests by id; the ids stay in `requests`. Rebuilt on restoring.
    #[cfg_attr(feature = "snapshot", serde(skip))]
    ids: IdIndex,
    /// Requests not closed, cancelled or duplicate, in filing order.
    pub(crate) open: BTreeSet<u32>,
    /// Work held (assigned, claimed, in progress) per person index.
    pub(crate) work: Vec<u32>,
    /// Open claims held per person index.
    pub(crate) claims: Vec<u32>,
    /// Work held per department index.
    pub(crate) department_work: Vec<u32>,
    /// Skill tags per person index, as bits of `skill_names`.
    pub(crate) skills: HashMap<u32, u64>,
    pub(crate) skill_names: Vec<Box<str>>,
    /// Departments each officer acts for (person index → department indices).
    pub(crate) officers: HashMap<u32, Vec<u32>>,
}

/// At most this many distinct skill tags in a ward (they are held as bits).
pub const MAX_SKILLS: usize = 64;

impl Tasks {
    /// No requests.
    pub fn new() -> Tasks {
        Tasks::default()
    }

    /// The request with this id.
    pub fn request(&self, id: &str) -> Option<&Request> {
        self.ix(id).map(|ix| &self.requests[ix as usize])
    }

    pub(crate) fn ix(&self, id: &str) -> Option<u32> {
        self.ids.get(id, |ix| {
            self.requests.get(ix as usize).map_or("", |r| &r.id)
        })
    }

    /// Every request, in filing order.
    pub fn requests(&self) -> &[Request] {
        &self.requests
    }

    /// How many requests are open.
    pub fn open_count(&self) -> usize {
        self.open.len()
    }

    /// Work a person holds (by index in the grid's people).
    pub(crate) fn work_of(&self, person: u32) -> u32 {
        self.work.get(person as usize).copied().unwrap_or(0)
    }

    pub(crate) fn claims_of(&self, person: u32) -> u32 {
        self.claims.get(person as usize).copied().unwrap_or(0)
    }

    pub(crate) fn department_work_of(&self, department: u32) -> u32 {
        self.department_work
            .get(department as usize)
            .copied()
            .unwrap_or(0)
    }

    pub(crate) fn skill_bits(&self, person: u32) -> u64 {
        self.skills.get(&person).copied().unwrap_or(0)
    }

    /// The bits of a set of skill names, or `None` if one is not known to anyone.
    pub(crate) fn required_bits(&self, names: &[String]) -> Option<u64> {
        let mut bits = 0u64;
        for name in names {
            let i = self.skill_names.iter().position(|s| **s == **name)?;
            bits |= 1 << i;
        }
        Some(bits)
    }

    /// The skill names a person has.
    pub(crate) fn skill_names_of(&self, person: u32) -> Vec<String> {
        let bits = self.skill_bits(person);
        self.skill_names
            .iter()
            .enumerate()
            .filter(|(i, _)| bits & (1 << i) != 0)
            .map(|(_, s)| s.to_string())
            .collect()
    }

    pub(crate) fn is_officer(&self, person: u32, department: u32) -> bool {
        self.officers
            .get(&person)
            .is_some_and(|d| d.contains(&department))
    }
}

/// Counts one up or down in a table indexed by `ix`, growing it as needed.
fn bump(table: &mut Vec<u32>, ix: u32, up: bool) {
    let i = ix as usize;
    if table.len() <= i {
        table.resize(i + 1, 0);
    }
    table[i] = if up {
        table[i].saturating_add(1)
    } else {
        table[i].saturating_sub(1)
    };
}

impl Tasks {
    /// What a request adds to the open-work counters: its holder, and whether as a claim.
    fn load(r: &Request) -> Option<(Party, bool)> {
        if !r.status.is_held() {
            return None;
        }
        let claim = match (r.responsible, &r.claim) {
            (Party::Person(p), Some(c)) => c.person == p,
            _ => false,
        };
        Some((r.responsible, claim))
    }

    fn count(&mut self, load: Option<(Party, bool)>, up: bool) {
        match load {
            Some((Party::Person(p), claim)) => {
                bump(&mut self.work, p, up);
                if claim {
                    bump(&mut self.claims, p, up);
                }
            }
            Some((Party::Department(d), _)) => bump(&mut self.department_work, d, up),
            Some((Party::Unit(_), _)) | None => {}
        }
    }

    /// Changes a request, keeping the open set and the work counters true.
    pub(crate) fn update(&mut self, ix: u32, change: impl FnOnce(&mut Request)) {
        let Some(r) = self.requests.get_mut(ix as usize) else {
            return;
        };
        let before = Tasks::load(r);
        change(r);
        let after = Tasks::load(r);
        let open = r.status.is_open();
        if before != after {
            self.count(before, false);
            self.count(after, true);
        }
        if open {
            self.open.insert(ix);
        } else {
            self.open.remove(&ix);
        }
    }
}

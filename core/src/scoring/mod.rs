//! Scoring (`scoring`): service hours, volunteer star levels, the monthly obligation of
//! sent-down party members, handlers' scores, and the indicator tree that rates
//! communities.
//!
//! Service records come from residents' requests (a verified request's handler) or from
//! plain records of activities outside the request flow. Only certified time counts,
//! after the rules of [`HoursRules`]; certified minutes add up to a volunteer's hours, and
//! a [`ScoringCommand::GrantStars`] grant turns hours into star levels by the
//! [`StarProfile`].
//!
//! ## Quick start
//!
//! ```
//! use chrono::DateTime;
//! use gridward::grid::{ImportRow, NodeCode};
//! use gridward::scoring::{satisfaction_rate, Activity, ScoringCommand, StarProfile};
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
//! let community = NodeCode::parse("510107017006")?;
//! for (id, role) in [("vol", Role::Volunteer), ("staff", Role::CommunityStaff)] {
//!     rows.push(ImportRow::Person {
//!         id: id.into(), name: id.into(), phone: None, party_member: false, household: None,
//!     });
//!     rows.push(ImportRow::Role { person: id.into(), role, unit: community });
//! }
//! ward.import(&platform, rows)?;
//!
//! // A volunteer records two hours of elder care; the community's staff certify them.
//! let record = ScoringCommand::RecordService {
//!     id: "s1".into(),
//!     person: "vol".into(),
//!     unit: micro,
//!     activity: Activity::ElderCare,
//!     started_at: at,
//!     minutes: 120,
//!     travel_minutes: 0,
//!     request: None,
//!     note: String::new(),
//! };
//! let evening = at + chrono::Duration::hours(8);
//! ward.execute(&Context::new(Actor::person("vol"), evening), record)?;
//! let certify = ScoringCommand::CertifyService { id: "s1".into() };
//! ward.execute(&Context::new(Actor::person("staff"), evening), certify)?;
//!
//! let volunteers = ward.scoring().volunteers(ward.grid());
//! assert_eq!(volunteers[0].person, "vol");
//! assert_eq!(volunteers[0].hours, "2.00".parse()?);
//! // Star levels by the national profile: 100 hours for the first star.
//! assert_eq!(StarProfile::national().level("100".parse()?), 1);
//! // Satisfaction rate: the top three of five levels over all rated, in percent.
//! assert_eq!(satisfaction_rate([3, 1, 0, 0, 1]), Some("80.00".parse()?));
//! # Ok(())
//! # }
//! ```

mod capability;
mod check;
mod command;
mod config;
mod decide;
mod error;
mod handlers;
mod model;
mod obligations;
#[cfg(feature = "snapshot")]
mod restore;
mod rows;
mod stars;
#[cfg(test)]
mod tests;
pub mod tree;

pub use capability::Reads;
pub use command::{ScoringCommand, ScoringEvent, StarChange};
pub use config::{HandlerWeights, HoursRules, Obligation, ScoringConfig, UnitRounding};
pub use error::ScoringError;
pub use handlers::{satisfaction_rate, HandlerScore};
pub use model::{hours_of, Activity, ServiceRecord, ServiceStatus, Standing, Volunteer};
pub use obligations::{Month, ObligationRow};
pub use rows::{ServiceRow, ServiceState};
pub use stars::{Cutoffs, Progression, StarProfile};

pub(crate) use check::check_event;
pub(crate) use decide::decide;
pub(crate) use handlers::handler_scores;
pub(crate) use obligations::obligations;

use chrono::{DateTime, FixedOffset, NaiveDate};
use hashbrown::HashMap;
use sha2::{Digest, Sha256};

use crate::grid::Grid;
use crate::ids::IdIndex;
use crate::journal::Hash;

/// The state of the scoring capability: a fold over scoring events.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
#[cfg_attr(feature = "snapshot", derive(serde::Serialize, serde::Deserialize))]
pub struct Scoring {
    records: Vec<ServiceRecord>,
    /// Places of records by id; the ids stay in `records`. Rebuilt on restoring.
    #[cfg_attr(feature = "snapshot", serde(skip))]
    record_ids: IdIndex,
    /// Person index of each record, beside it.
    record_people: Vec<u32>,
    /// Places of records by the request they record; rebuilt on restoring.
    #[cfg_attr(feature = "snapshot", serde(skip))]
    by_request: IdIndex,
    /// Standing by person index.
    standings: HashMap<u32, Standing>,
    /// Certified services by person index.
    services: HashMap<u32, u32>,
    /// Minutes counted per person and day (for the daily cap).
    daily: HashMap<(u32, NaiveDate), u32>,
    last_grant: Option<NaiveDate>,
    /// The last record and when it was recorded: a certification in the same entry is
    /// the verification's (replay tells it from a later one by this).
    last_recorded: Option<(u32, DateTime<FixedOffset>)>,
}

impl Scoring {
    /// No records, no volunteers.
    pub fn new() -> Scoring {
        Scoring::default()
    }

    /// The service record with this id.
    pub fn record(&self, id: &str) -> Option<&ServiceRecord> {
        self.record_ix(id).map(|ix| &self.records[ix as usize])
    }

    fn record_ix(&self, id: &str) -> Option<u32> {
        self.record_ids
            .get(id, |ix| self.records.get(ix as usize).map_or("", |r| &r.id))
    }

    /// Every service record, in the order recorded.
    pub fn records(&self) -> &[ServiceRecord] {
        &self.records
    }

    /// The record of a request, if one was made.
    pub fn record_of_request(&self, request: &str) -> Option<&ServiceRecord> {
        self.by_request
            .get(request, |ix| {
                self.records
                    .get(ix as usize)
                    .and_then(|r| r.request.as_deref())
                    .unwrap_or("")
            })
            .map(|ix| &self.records[ix as usize])
    }

    /// The date of the last star grant.
    pub fn last_grant(&self) -> Option<NaiveDate> {
        self.last_grant
    }

    /// The id of the last record and when it was recorded.
    pub(crate) fn last_recorded(&self) -> Option<(&str, DateTime<FixedOffset>)> {
        let (ix, at) = self.last_recorded?;
        let record = self.records.get(ix as usize)?;
        Some((record.id.as_str(), at))
    }

    pub(crate) fn standing_ix(&self, person: u32) -> Option<&Standing> {
        self.standings.get(&person)
    }

    pub(crate) fn standings(&self) -> impl Iterator<Item = (u32, &Standing)> {
        self.standings.iter().map(|(&p, s)| (p, s))
    }

    pub(crate) fn counted_on(&self, person: u32, day: NaiveDate) -> u32 {
        self.daily.get(&(person, day)).copied().unwrap_or(0)
    }

    pub(crate) fn records_with_people(&self) -> impl Iterator<Item = (u32, &ServiceRecord)> {
        self.record_people.iter().copied().zip(self.records.iter())
    }

    /// A volunteer's standing by person id.
    pub fn volunteer(&self, grid: &Grid, person: &str) -> Option<Volunteer> {
        let ix = grid.person_ix(person)?;
        let s = self.standings.get(&ix)?;
        Some(self.named(person, ix, s))
    }

    /// Every volunteer with certified time or a level, by person id.
    pub fn volunteers(&self, grid: &Grid) -> Vec<Volunteer> {
        let mut out: Vec<Volunteer> = self
            .standings
            .iter()
            .filter_map(|(&ix, s)| {
                let p = grid.people.get(ix as usize)?;
                Some(self.named(&p.id, ix, s))
            })
            .collect();
        crate::order::sort_by(&mut out, |a, b| a.person.cmp(&b.person));
        out
    }

    fn named(&self, person: &str, ix: u32, s: &Standing) -> Volunteer {
        Volunteer {
            person: person.to_owned(),
            hours: hours_of(s.minutes),
            minutes: s.minutes,
            services: self.services.get(&ix).copied().unwrap_or(0),
            level: s.level,
            since: s.since,
        }
    }

    /// Folds an event in. Events were checked before: this cannot fail.
    pub(crate) fn apply(&mut self, grid: &Grid, event: ScoringEvent, at: DateTime<FixedOffset>) {
        match event {
            ScoringEvent::ServiceRecorded {
                id,
                person,
                unit,
                activity,
                started_at,
                minutes,
                travel_minutes,
                request,
                note,
            } => {
                let Some(px) = grid.person_ix(person.as_str()) else {
                    return;
                };
                let ix = self.records.len() as u32;
                self.last_recorded = Some((ix, at));
                self.record_ids.insert(&id, ix);
                if let Some(r) = &request {
                    self.by_request.insert(r, ix);
                }
                self.record_people.push(px);
                self.records.push(ServiceRecord {
                    id,
                    person,
                    unit,
                    activity,
                    request,
                    started_at,
                    minutes,
                    travel_minutes,
                    note,
                    status: ServiceStatus::Pending,
                });
            }
            ScoringEvent::ServiceCertified { id, by, counted } => {
                let Some(ix) = self.record_ix(&id) else {
                    return;
                };
                let px = self.record_people[ix as usize];
                let record = &mut self.records[ix as usize];
                record.status = ServiceStatus::Certified { by, counted };
                *self.daily.entry((px, record.day())).or_insert(0) += counted;
                *self.services.entry(px).or_insert(0) += 1;
                self.standings.entry(px).or_default().minutes += u64::from(counted);
            }
            ScoringEvent::ServiceRejected { id, reason } => {
                if let Some(ix) = self.record_ix(&id) {
                    self.records[ix as usize].status = ServiceStatus::Rejected { reason };
                }
            }
            ScoringEvent::StarsGranted { on, changes } => {
                for c in changes {
                    if let Some(px) = grid.person_ix(c.person.as_str()) {
                        let s = self.standings.entry(px).or_default();
                        s.level = c.to;
                        s.since = Some(on);
                    }
                }
                self.last_grant = Some(on);
            }
        }
    }

    /// SHA-256 over the records, standings and the last grant, in a fixed order.
    pub fn digest(&self, grid: &Grid) -> Hash {
        let mut h = Sha256::new();
        for r in &self.records {
            if let Ok(text) = serde_json::to_string(r) {
                h.update(text.as_bytes());
            }
            h.update(b"\n");
        }
        for v in self.volunteers(grid) {
            if let Ok(text) = serde_json::to_string(&v) {
                h.update(text.as_bytes());
            }
            h.update(b"\n");
        }
        h.update(format!("{:?}", self.last_grant).as_bytes());
        Hash::of_bytes(&h.finalize())
    }

    /// Whether nothing has been recorded.
    pub fn is_empty(&self) -> bool {
        self.records.is_empty() && self.standings.is_empty() && self.last_grant.is_none()
    }
}

//! Directives: an order issued at a unit that reaches every household below it, with
//! acknowledgements and completion rates by unit.

use chrono::{DateTime, FixedOffset};
use hashbrown::HashMap;
use serde::{Deserialize, Serialize};

use super::code::{Level, NodeCode};
use super::{Grid, GridError};

const NOT_YET: u32 = u32::MAX;

/// A directive and the households it reached.
#[derive(Clone, Debug)]
#[cfg_attr(feature = "snapshot", derive(serde::Serialize, serde::Deserialize))]
pub struct Directive {
    id: Box<str>,
    unit: NodeCode,
    title: Box<str>,
    issued_at: DateTime<FixedOffset>,
    due: Option<DateTime<FixedOffset>>,
    /// Household indices reached, sorted.
    targets: Vec<u32>,
    /// Seconds from issue to acknowledgement for each target; `NOT_YET` if none.
    acked_after: Vec<u32>,
    acknowledged: u32,
}

impl Directive {
    pub(crate) fn new(
        id: Box<str>,
        unit: NodeCode,
        title: Box<str>,
        issued_at: DateTime<FixedOffset>,
        due: Option<DateTime<FixedOffset>>,
        targets: Vec<u32>,
    ) -> Directive {
        let acked_after = vec![NOT_YET; targets.len()];
        Directive {
            id,
            unit,
            title,
            issued_at,
            due,
            targets,
            acked_after,
            acknowledged: 0,
        }
    }

    /// The directive's id.
    pub fn id(&self) -> &str {
        &self.id
    }

    /// The unit it was issued at.
    pub fn unit(&self) -> NodeCode {
        self.unit
    }

    /// Its title.
    pub fn title(&self) -> &str {
        &self.title
    }

    /// When it was issued.
    pub fn issued_at(&self) -> DateTime<FixedOffset> {
        self.issued_at
    }

    /// When it is due.
    pub fn due(&self) -> Option<DateTime<FixedOffset>> {
        self.due
    }

    /// Households reached.
    pub fn targets(&self) -> usize {
        self.targets.len()
    }

    /// Households that acknowledged.
    pub fn acknowledged(&self) -> usize {
        self.acknowledged as usize
    }

    /// Writes each target's id and acknowledgement delay, for the state digest.
    /// Checks, for a directive read back from a snapshot, that its targets are among
    /// `households` and each has its time of acknowledgement.
    #[cfg(feature = "snapshot")]
    pub(crate) fn check_targets(&self, households: usize) -> Result<(), String> {
        if self.acked_after.len() != self.targets.len() {
            return Err(format!(
                "directive {} has {} targets and {} acknowledgements",
                self.id,
                self.targets.len(),
                self.acked_after.len()
            ));
        }
        match self.targets.iter().find(|&&h| h as usize >= households) {
            Some(h) => Err(format!(
                "directive {} targets household {h} of {households}",
                self.id
            )),
            None => Ok(()),
        }
    }

    pub(crate) fn write_targets(
        &self,
        out: &mut impl std::fmt::Write,
        households: &[super::Household],
    ) -> std::fmt::Result {
        for (pos, &h) in self.targets.iter().enumerate() {
            write!(
                out,
                "{}:{},",
                households[h as usize].id, self.acked_after[pos]
            )?;
        }
        Ok(())
    }

    /// The directive as a listing shows it.
    pub fn summary(&self) -> DirectiveSummary {
        DirectiveSummary {
            id: self.id.to_string(),
            unit: self.unit,
            title: self.title.to_string(),
            issued_at: self.issued_at,
            due: self.due,
            targets: self.targets.len() as u64,
            acknowledged: u64::from(self.acknowledged),
        }
    }

    pub(crate) fn position(&self, household: u32) -> Option<usize> {
        self.targets.binary_search(&household).ok()
    }

    pub(crate) fn is_acknowledged(&self, pos: usize) -> bool {
        self.acked_after.get(pos).is_some_and(|&s| s != NOT_YET)
    }

    pub(crate) fn acknowledge(&mut self, household: u32, at: DateTime<FixedOffset>) {
        if let Some(pos) = self.position(household) {
            if !self.is_acknowledged(pos) {
                let secs = (at - self.issued_at)
                    .num_seconds()
                    .clamp(0, i64::from(NOT_YET - 1));
                self.acked_after[pos] = secs as u32;
                self.acknowledged += 1;
            }
        }
    }
}

/// A directive as a listing shows it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct DirectiveSummary {
    /// Its id.
    pub id: String,
    /// The unit it was issued at.
    pub unit: NodeCode,
    /// Its title.
    pub title: String,
    /// When it was issued.
    pub issued_at: DateTime<FixedOffset>,
    /// When it is due.
    pub due: Option<DateTime<FixedOffset>>,
    /// Households reached.
    pub targets: u64,
    /// Households that acknowledged.
    pub acknowledged: u64,
}

/// How far a directive has come.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct DirectiveProgress {
    /// The directive.
    pub id: String,
    /// The unit it was issued at.
    pub unit: NodeCode,
    /// Its title.
    pub title: String,
    /// When it was issued.
    pub issued_at: DateTime<FixedOffset>,
    /// When it is due.
    pub due: Option<DateTime<FixedOffset>>,
    /// Households reached.
    pub targets: u64,
    /// Households that acknowledged.
    pub acknowledged: u64,
    /// acknowledged / targets (1 when there are no targets).
    pub completion_rate: f64,
    /// Acknowledgements that came after the due time.
    pub late: u64,
    /// Seconds from issue to the first acknowledgement.
    pub first_after_secs: Option<u32>,
    /// Seconds from issue to the latest acknowledgement so far.
    pub last_after_secs: Option<u32>,
}

/// Progress of a directive within one unit.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct UnitProgress {
    /// The unit.
    pub code: NodeCode,
    /// Its name (empty if it has been retired since).
    pub name: String,
    /// Households reached there.
    pub targets: u64,
    /// Households that acknowledged there.
    pub acknowledged: u64,
    /// acknowledged / targets.
    pub completion_rate: f64,
}

fn rate(done: u64, all: u64) -> f64 {
    if all == 0 {
        1.0
    } else {
        done as f64 / all as f64
    }
}

impl Grid {
    /// Overall progress of a directive.
    pub fn directive_progress(&self, id: &str) -> Result<DirectiveProgress, GridError> {
        let d = self
            .directive(id)
            .ok_or_else(|| GridError::UnknownDirective(id.to_owned()))?;
        let done = d.acked_after.iter().filter(|&&s| s != NOT_YET);
        let due_secs = d.due.map(|due| (due - d.issued_at).num_seconds());
        let late = done
            .clone()
            .filter(|&&s| due_secs.is_some_and(|limit| i64::from(s) > limit))
            .count() as u64;
        Ok(DirectiveProgress {
            id: d.id.to_string(),
            unit: d.unit,
            title: d.title.to_string(),
            issued_at: d.issued_at,
            due: d.due,
            targets: d.targets.len() as u64,
            acknowledged: u64::from(d.acknowledged),
            completion_rate: rate(u64::from(d.acknowledged), d.targets.len() as u64),
            late,
            first_after_secs: done.clone().copied().min(),
            last_after_secs: done.copied().max(),
        })
    }

    /// Progress of a directive broken down by the units of `level` where its households
    /// now are, in code order. Households held above `level` fall in no row.
    pub fn directive_progress_by(
        &self,
        id: &str,
        level: Level,
    ) -> Result<Vec<UnitProgress>, GridError> {
        let d = self
            .directive(id)
            .ok_or_else(|| GridError::UnknownDirective(id.to_owned()))?;
        let mut tally: HashMap<NodeCode, (u64, u64)> = HashMap::new();
        for (pos, &h) in d.targets.iter().enumerate() {
            let acked = u64::from(d.acked_after[pos] != NOT_YET);
            let place = self
                .unit_at(self.households[h as usize].unit)
                .and_then(|u| u.code.at_level(level));
            // Households held above `level` (say, at a community) have no unit there.
            let Some(code) = place else { continue };
            let slot = tally.entry(code).or_default();
            slot.0 += 1;
            slot.1 += acked;
        }
        let mut rows: Vec<UnitProgress> = tally
            .into_iter()
            .map(|(code, (targets, acknowledged))| UnitProgress {
                code,
                name: self
                    .unit(code)
                    .map(|u| u.name.to_string())
                    .unwrap_or_default(),
                targets,
                acknowledged,
                completion_rate: rate(acknowledged, targets),
            })
            .collect();
        crate::order::sort_by_key(&mut rows, |r| r.code);
        Ok(rows)
    }
}

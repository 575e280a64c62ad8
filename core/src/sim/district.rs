//! One district of a synthetic city, built and simulated in a ward of its own: the unit
//! of work a process (or a machine) takes when a province is spread over many. What
//! comes back is small — counts, the ward's head and digest, and its journal only when
//! asked — and merges exactly ([`crate::tasks::merge_counts`]).

use chrono::{DateTime, Duration, FixedOffset};
use serde::{Deserialize, Serialize};

use super::city::{district_rows, out_of_range, CityShape};
use super::policy::Policy;
use super::requests::{simulate_batched, Outcome, Plan, MAX_DAYS};
use super::sites::{settle, sites};
use super::Mix;
use crate::access::{Actor, Context};
use crate::error::Error;
use crate::grid::{GridCommand, ImportRow, Level, NodeCode};
use crate::journal::Hash;
use crate::tasks::{IndicatorCounts, Period};
use crate::ward::{Ward, WardConfig};

/// The most requests a district may be given in one run.
pub const MAX_REQUESTS: u64 = 50_000_000;

/// A district to build and simulate.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct DistrictRun {
    /// The city's shape.
    pub shape: CityShape,
    /// The district, numbered from 0 (code 510101 for 0).
    pub district: u16,
    /// The first filing: the first day at this time of day. The ward is built an hour
    /// before.
    pub start: DateTime<FixedOffset>,
    /// The days on which requests are filed; the period counted is these days.
    pub days: u32,
    /// Requests filed in the district over the days.
    pub requests: u64,
    /// The seed: the district's requests are drawn from it and the district's number, so
    /// that a district gives the same requests simulated alone or beside others.
    pub seed: u64,
    /// The policy (the benchmarks' when absent).
    #[serde(default)]
    pub policy: Policy,
    /// The level of the units counted (communities when absent).
    #[serde(default = "community")]
    pub level: Level,
    /// Whether to give back the ward's journal (JSON lines), to rebuild the ward
    /// elsewhere. When it is not asked for, the simulation drops each day's entries from
    /// memory once made (the head and the number of entries stay): the same report, in
    /// far less memory.
    #[serde(default)]
    pub journal: bool,
    /// When given, the filing days are also counted in consecutive periods of this many
    /// days (the last may be shorter): each request in the period it was filed in, as it
    /// stood at that period's end ([`DistrictReport::periods`]).
    #[serde(default)]
    pub period_days: Option<u32>,
}

fn community() -> Level {
    Level::Community
}

/// What simulating a district gave.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct DistrictReport {
    /// The district's code.
    pub district: NodeCode,
    /// Its households.
    pub households: u64,
    /// What the simulation did.
    pub outcome: Outcome,
    /// The period counted: the filing days.
    pub period: Period,
    /// The district's counts over the period.
    pub whole: IndicatorCounts,
    /// The counts of every unit of the level asked for, in code order.
    pub counts: Vec<IndicatorCounts>,
    /// The counts period by period, when periods were asked for.
    pub periods: Vec<PeriodCounts>,
    /// The ward's journal head.
    pub head: Hash,
    /// The ward's state digest.
    pub digest: Hash,
    /// Entries in its journal.
    pub journal_entries: u64,
    /// The journal as JSON lines, when asked for.
    pub journal: Option<String>,
    /// The configuration the district ran under, with the journal: rebuilding the ward
    /// needs both ([`Ward::from_jsonl`]).
    pub config: Option<WardConfig>,
}

/// The counts of one period of a simulation.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct PeriodCounts {
    /// The period.
    pub period: Period,
    /// The district's counts over it.
    pub whole: IndicatorCounts,
    /// The counts of every unit of the level, in code order.
    pub counts: Vec<IndicatorCounts>,
}

impl DistrictRun {
    /// The consecutive periods of `period_days` days over the filing days, or none.
    pub fn periods(&self) -> Vec<Period> {
        let Some(step) = self.period_days.filter(|&n| n > 0) else {
            return Vec::new();
        };
        let end = self.period().to;
        let mut out = Vec::new();
        let mut from = self.start;
        while from < end {
            let to = (from + Duration::days(i64::from(step))).min(end);
            out.push(Period { from, to });
            from = to;
        }
        out
    }

    /// The configuration the district's ward runs under: the default, with the policy's
    /// rules.
    pub fn config(&self) -> WardConfig {
        self.policy.configure(WardConfig::default())
    }

    /// The period counted: from the start, for the filing days.
    pub fn period(&self) -> Period {
        Period {
            from: self.start,
            to: self.start + Duration::days(i64::from(self.days.clamp(1, MAX_DAYS))),
        }
    }

    /// The plan of the district's requests.
    pub fn plan(&self) -> Result<Plan, Error> {
        let code = CityShape::district(self.district)?;
        Ok(Plan {
            start: self.start,
            days: self.days,
            requests: usize::try_from(self.requests).unwrap_or(usize::MAX),
            seed: Mix::new(self.seed ^ u64::from(self.district)).next_u64(),
            id_prefix: format!("{code}-"),
            sweep: Some(code),
            release_journal: !self.journal,
        })
    }

    /// Builds the district's grid and people in `ward` an hour before the start.
    pub fn build(&self, ward: &mut Ward) -> Result<u64, Error> {
        let rows = district_rows(&self.shape, self.district)?;
        let households = rows
            .iter()
            .filter(|r| matches!(r, ImportRow::Household { .. }))
            .count() as u64;
        let setup = self.start - Duration::hours(1);
        let ctx = Context::new(Actor::System, setup);
        ward.execute(&ctx, GridCommand::Import { rows })?;
        let here = sites(&self.shape, ward, [self.district])?;
        settle(ward, &here, setup)?;
        Ok(households)
    }

    /// Simulates the district's requests in `ward`, which holds it.
    pub fn simulate(&self, ward: &mut Ward) -> Result<Outcome, Error> {
        let here = sites(&self.shape, ward, [self.district])?;
        simulate_batched(ward, &here, &self.plan()?, &self.policy)
    }

    /// Refuses a run out of bounds, naming the field: the shape's and the policy's
    /// bounds, 1 to [`MAX_DAYS`] days, at most [`MAX_REQUESTS`] requests, and periods of
    /// at least a day.
    pub fn check(&self) -> Result<(), Error> {
        self.shape.check()?;
        self.policy.check()?;
        if !(1..=MAX_DAYS).contains(&self.days) {
            return Err(out_of_range(
                "days",
                format!("{} is not in 1..={MAX_DAYS}", self.days),
            ));
        }
        if self.requests > MAX_REQUESTS {
            let why = format!("{} is more than {MAX_REQUESTS}", self.requests);
            return Err(out_of_range("requests", why));
        }
        if self.period_days == Some(0) {
            return Err(out_of_range("period_days", "0 is not a period".into()));
        }
        if self.district >= self.shape.districts {
            let why = format!(
                "{} is not below the shape's {} districts",
                self.district, self.shape.districts
            );
            return Err(out_of_range("district", why));
        }
        Ok(())
    }

    /// Builds the district in a ward of its own, simulates it, and counts.
    pub fn run(&self) -> Result<DistrictReport, Error> {
        self.check()?;
        let code = CityShape::district(self.district)?;
        let mut ward = Ward::new(self.config());
        let households = self.build(&mut ward)?;
        let outcome = self.simulate(&mut ward)?;
        let period = self.period();
        let periods = self
            .periods()
            .into_iter()
            .map(|p| {
                Ok(PeriodCounts {
                    whole: ward.indicator_counts(Some(code), &p)?,
                    counts: ward.indicator_counts_by(self.level, &p),
                    period: p,
                })
            })
            .collect::<Result<Vec<_>, Error>>()?;
        Ok(DistrictReport {
            district: code,
            households,
            outcome,
            period,
            whole: ward.indicator_counts(Some(code), &period)?,
            counts: ward.indicator_counts_by(self.level, &period),
            periods,
            head: ward.head(),
            digest: ward.state_digest(),
            journal_entries: ward.journal().len() as u64,
            journal: self.journal.then(|| ward.to_jsonl()),
            config: self.journal.then(|| ward.config().clone()),
        })
    }
}

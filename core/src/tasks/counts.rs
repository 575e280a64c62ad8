//! The counts behind the case-handling indicators: whole numbers that add up across the
//! parts of a city (its districts, simulated or kept in separate wards), so that rates
//! are computed once, after merging. Averaging the parts' rates would be wrong: a rate
//! over 10 requests would weigh as much as one over 10,000.
//!
//! Counts merge exactly when the parts hold different requests and are counted over the
//! same period: each request is counted as it stood at the period's end, by the ward
//! that holds it. [`IndicatorCounts::indicators`] then gives the rates, the same as one
//! ward holding every part would give.

use std::ops::AddAssign;

use serde::{Deserialize, Serialize};

use hashbrown::HashMap;

use super::history::moment;
use super::indicators::{percent, Indicators, Period};
use super::model::Request;
use super::satisfaction::Satisfaction;
use super::{Tasks, TasksConfig};
use crate::grid::{Grid, Level, NodeCode};

/// The counts of a unit (or of the whole ward) over a period, before any rate.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct IndicatorCounts {
    /// The unit, or `None` for the whole ward (or for units merged together).
    #[serde(default)]
    pub unit: Option<NodeCode>,
    /// Requests filed in the period (all of them).
    pub filed: u64,
    /// Cancelled or marked duplicate by the end.
    pub withdrawn: u64,
    /// Due to close (应结案): closed, or open past the resolution limit.
    pub due: u64,
    /// Closed by the period's end.
    pub closed: u64,
    /// Closed within the resolution limit.
    pub closed_on_time: u64,
    /// Still open at the end.
    pub open: u64,
    /// Open at the end and past the resolution limit.
    pub overdue: u64,
    /// Closed at least once by the end.
    pub closed_once: u64,
    /// Reopened at least once.
    pub reopened: u64,
    /// Given their one extension.
    pub extended: u64,
    /// Whose first action was due or made by the end.
    pub response_due: u64,
    /// Whose first action came within the response limit.
    pub responded_on_time: u64,
    /// Rated, each request by its latest rating before the end.
    pub rated: u64,
    /// Rated at each level, best first: very satisfied, satisfied, basically satisfied,
    /// dissatisfied, very dissatisfied.
    pub rated_by_level: [u64; 5],
    /// On which departments were called in.
    pub whistled: u64,
    /// Put under supervision.
    pub supervised: u64,
    /// Parked (挂账) and still open.
    pub parked: u64,
}

impl IndicatorCounts {
    /// No requests counted yet, for `unit`.
    pub fn of(unit: Option<NodeCode>) -> IndicatorCounts {
        IndicatorCounts {
            unit,
            ..IndicatorCounts::default()
        }
    }

    /// Counts `r` when it was filed in `period`, as it stood at the period's end.
    pub(crate) fn add(&mut self, r: &Request, period: &Period) {
        if !period.contains(r.filed_at) {
            return;
        }
        self.filed += 1;
        let end = period.to;
        let s = r.standing(end);
        if s.withdrawn {
            self.withdrawn += 1;
            return;
        }
        let end = moment(end);
        if s.closed {
            self.closed += 1;
            self.due += 1;
            self.closed_on_time += u64::from(!s.closed_late);
        } else {
            self.open += 1;
            if s.deadlines.is_some_and(|(_, resolution)| resolution < end) {
                self.overdue += 1;
                self.due += 1;
            }
            self.parked += u64::from(s.parked);
        }
        if let Some((response, _)) = s.deadlines {
            match s.responded_at {
                Some(t) => {
                    self.response_due += 1;
                    self.responded_on_time += u64::from(t <= response);
                }
                None if response < end => self.response_due += 1,
                None => {}
            }
        }
        self.closed_once += u64::from(s.closed_once);
        self.reopened += u64::from(s.reopened);
        self.extended += u64::from(s.extended);
        self.whistled += u64::from(s.whistled);
        self.supervised += u64::from(s.supervised);
        if let Some(level) = s.rating {
            self.rated += 1;
            self.rated_by_level[level_index(level)] += 1;
        }
    }

    /// Adds another part's counts to these. The unit stays when both are of the same
    /// unit; counts of different units together are of no one unit (`None`).
    pub fn merge(&mut self, other: &IndicatorCounts) {
        if self.unit != other.unit {
            self.unit = None;
        }
        macro_rules! add {
            ($($field:ident),*) => {
                $(self.$field = self.$field.saturating_add(other.$field);)*
            };
        }
        add!(
            filed,
            withdrawn,
            due,
            closed,
            closed_on_time,
            open,
            overdue,
            closed_once,
            reopened,
            extended,
            response_due,
            responded_on_time,
            rated,
            whistled,
            supervised,
            parked
        );
        for (mine, add) in self.rated_by_level.iter_mut().zip(other.rated_by_level) {
            *mine = mine.saturating_add(add);
        }
    }

    /// Rated in the top three levels (the satisfaction rate's numerator).
    pub fn satisfied(&self) -> u64 {
        Satisfaction::ALL
            .iter()
            .zip(self.rated_by_level)
            .filter(|(level, _)| level.is_satisfied())
            .map(|(_, n)| n)
            .sum()
    }

    /// The indicators of these counts: the counts, and every rate computed from them
    /// (without a street's whistle band, which is the configuration's).
    pub fn indicators(&self) -> Indicators {
        let counted = self.filed - self.withdrawn.min(self.filed);
        Indicators {
            unit: self.unit,
            filed: self.filed,
            withdrawn: self.withdrawn,
            due: self.due,
            closed: self.closed,
            closed_on_time: self.closed_on_time,
            open: self.open,
            overdue: self.overdue,
            closed_once: self.closed_once,
            reopened: self.reopened,
            extended: self.extended,
            response_due: self.response_due,
            responded_on_time: self.responded_on_time,
            rated: self.rated,
            satisfied: self.satisfied(),
            whistled: self.whistled,
            supervised: self.supervised,
            parked: self.parked,
            closure_rate: percent(self.closed, self.due),
            on_time_rate: percent(self.closed_on_time, self.due),
            rework_rate: percent(self.reopened, self.closed_once),
            extension_rate: percent(self.extended, self.due),
            response_rate: percent(self.responded_on_time, self.response_due),
            satisfaction_rate: percent(self.satisfied(), self.rated),
            whistle_rate: percent(self.whistled, counted),
            whistle_band: None,
            whistle_flag: None,
        }
    }
}

impl AddAssign<&IndicatorCounts> for IndicatorCounts {
    fn add_assign(&mut self, other: &IndicatorCounts) {
        self.merge(other);
    }
}

/// The parts' counts merged unit by unit: one row per unit (and one for the whole, when
/// parts give theirs), the whole first, then in code order.
pub fn merge_counts<'a>(
    parts: impl IntoIterator<Item = &'a IndicatorCounts>,
) -> Vec<IndicatorCounts> {
    let mut by_unit: std::collections::BTreeMap<Option<NodeCode>, IndicatorCounts> =
        std::collections::BTreeMap::new();
    for part in parts {
        by_unit
            .entry(part.unit)
            .or_insert_with(|| IndicatorCounts::of(part.unit))
            .merge(part);
    }
    by_unit.into_values().collect()
}

fn level_index(level: Satisfaction) -> usize {
    Satisfaction::ALL
        .iter()
        .position(|&l| l == level)
        .unwrap_or(Satisfaction::ALL.len() - 1)
}

impl Tasks {
    /// The indicators of requests under `scope` (the whole ward when `None`) filed in
    /// `period`, each counted as it stood at the period's end; a street's carry its
    /// whistle band from `config`.
    pub fn indicators(
        &self,
        config: &TasksConfig,
        scope: Option<NodeCode>,
        period: &Period,
    ) -> Indicators {
        self.indicator_counts(scope, period)
            .indicators()
            .watched(&config.whistle_bands)
    }

    /// The counts behind [`Tasks::indicators`]: they merge across wards
    /// ([`IndicatorCounts::merge`]) before any rate is computed.
    pub fn indicator_counts(&self, scope: Option<NodeCode>, period: &Period) -> IndicatorCounts {
        let mut out = IndicatorCounts::of(scope);
        for r in &self.requests {
            if scope.is_none_or_contains(r.unit) {
                out.add(r, period);
            }
        }
        out
    }

    /// The indicators of every unit of a level (every community, say), by code, in one
    /// pass over the requests. Units without requests have a row of zeros.
    pub fn indicators_by(
        &self,
        grid: &Grid,
        config: &TasksConfig,
        level: Level,
        period: &Period,
    ) -> Vec<Indicators> {
        let bands = &config.whistle_bands;
        self.indicator_counts_by(grid, level, period)
            .iter()
            .map(|c| c.indicators().watched(bands))
            .collect()
    }

    /// The counts behind [`Tasks::indicators_by`], in code order.
    pub fn indicator_counts_by(
        &self,
        grid: &Grid,
        level: Level,
        period: &Period,
    ) -> Vec<IndicatorCounts> {
        let mut rows: HashMap<NodeCode, IndicatorCounts> = grid
            .units
            .keys()
            .filter(|c| c.level() == level)
            .map(|&c| (c, IndicatorCounts::of(Some(c))))
            .collect();
        for r in &self.requests {
            if let Some(row) = r.unit.at_level(level).and_then(|c| rows.get_mut(&c)) {
                row.add(r, period);
            }
        }
        let mut out: Vec<IndicatorCounts> = rows.into_values().collect();
        crate::order::sort_by_key(&mut out, |c| c.unit);
        out
    }
}

trait Scope {
    fn is_none_or_contains(&self, unit: NodeCode) -> bool;
}

impl Scope for Option<NodeCode> {
    fn is_none_or_contains(&self, unit: NodeCode) -> bool {
        self.is_none_or(|s| s.contains(unit))
    }
}

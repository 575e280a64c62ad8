//! The coverage report: households outside any micro-grid, micro-grids outside their
//! size band or without a party member, and units without their leader.

use petgraph::stable_graph::NodeIndex;
use serde::{Deserialize, Serialize};

use super::code::{Level, NodeCode};
use super::{Grid, GridError};
use crate::access::Role;

/// Which coverage rules apply; each can be switched off.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(default, deny_unknown_fields)]
#[non_exhaustive]
pub struct CoverageRules {
    /// Report households that are not in a micro-grid.
    pub unassigned_households: bool,
    /// Households a micro-grid must have, inclusive (Chengdu: 30–100); `None` to skip.
    pub band: Option<(u32, u32)>,
    /// Every micro-grid needs a party member (清源社区 rule): a reporting or sent-down
    /// party member holding a role there, or a party member living there.
    pub party_member_per_micro_grid: bool,
    /// Communities need a chief grid leader, grids a grid leader, micro-grids a worker.
    pub leaders: bool,
    /// Communities need their party committee, grids their branch, micro-grids their
    /// group (the party capability's bodies).
    pub party_bodies: bool,
    /// Every party body needs a secretary.
    pub party_secretaries: bool,
    /// A community's chief grid leader must be its party committee's secretary
    /// (Chengdu's practice); off by default.
    pub chief_is_party_secretary: bool,
}

impl Default for CoverageRules {
    fn default() -> Self {
        CoverageRules {
            unassigned_households: true,
            band: Some((30, 100)),
            party_member_per_micro_grid: true,
            leaders: true,
            party_bodies: true,
            party_secretaries: true,
            chief_is_party_secretary: false,
        }
    }
}

impl CoverageRules {
    /// Every rule switched off: a report that only counts; switch rules on by field.
    ///
    /// ```
    /// use gridward::grid::CoverageRules;
    ///
    /// let mut rules = CoverageRules::none();
    /// rules.band = Some((20, 80));
    /// assert!(!rules.leaders);
    /// ```
    pub fn none() -> Self {
        CoverageRules {
            unassigned_households: false,
            band: None,
            party_member_per_micro_grid: false,
            leaders: false,
            party_bodies: false,
            party_secretaries: false,
            chief_is_party_secretary: false,
        }
    }
}

/// A micro-grid whose household count is outside the band.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct OutOfBand {
    /// The micro-grid.
    pub code: NodeCode,
    /// Its households.
    pub households: u64,
}

/// A unit without the leader its level needs.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct MissingLeader {
    /// The unit.
    pub code: NodeCode,
    /// Its level.
    pub level: Level,
    /// The role nobody holds there.
    pub role: Role,
}

/// What the coverage check found, for the whole grid or a subtree.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct CoverageReport {
    /// The subtree checked (`None`: the whole grid).
    pub scope: Option<NodeCode>,
    /// Households checked.
    pub households: u64,
    /// Micro-grids checked.
    pub micro_grids: u64,
    /// Households not in any micro-grid, by id.
    pub unassigned_households: Vec<String>,
    /// Micro-grids outside the band.
    pub out_of_band: Vec<OutOfBand>,
    /// Micro-grids with no party member.
    pub without_party_member: Vec<NodeCode>,
    /// Units without their leader.
    pub without_leader: Vec<MissingLeader>,
}

impl CoverageReport {
    /// Whether nothing was found.
    pub fn is_clean(&self) -> bool {
        self.unassigned_households.is_empty()
            && self.out_of_band.is_empty()
            && self.without_party_member.is_empty()
            && self.without_leader.is_empty()
    }

    /// Share of micro-grids that break no rule of theirs (band, party member, worker).
    pub fn micro_grid_compliance(&self) -> f64 {
        if self.micro_grids == 0 {
            return 1.0;
        }
        let mut bad: Vec<NodeCode> = self
            .out_of_band
            .iter()
            .map(|o| o.code)
            .chain(self.without_party_member.iter().copied())
            .chain(
                self.without_leader
                    .iter()
                    .filter(|m| m.level == Level::MicroGrid)
                    .map(|m| m.code),
            )
            .collect();
        bad.sort_unstable();
        bad.dedup();
        1.0 - bad.len() as f64 / self.micro_grids as f64
    }
}

fn leader_of(level: Level) -> Option<Role> {
    match level {
        Level::Community => Some(Role::ChiefGridLeader),
        Level::Grid => Some(Role::GridLeader),
        Level::MicroGrid => Some(Role::MicroGridWorker),
        Level::District | Level::Street => None,
    }
}

impl Grid {
    /// Checks coverage of the whole grid (`scope = None`) or a subtree, by `rules`.
    /// Findings are in code order (households in unit order).
    pub fn coverage(
        &self,
        scope: Option<NodeCode>,
        rules: &CoverageRules,
    ) -> Result<CoverageReport, GridError> {
        let mut units: Vec<NodeIndex> = match scope {
            None => self.graph.node_indices().collect(),
            Some(code) => {
                let ix = self.unit_ix(code).ok_or(GridError::UnknownUnit(code))?;
                self.subtree_ix(ix).into_iter().map(|(ix, _)| ix).collect()
            }
        };
        crate::order::sort_by_key(&mut units, |&ix| self.graph[ix].code);
        let mut report = CoverageReport {
            scope,
            ..CoverageReport::default()
        };
        for ix in units {
            let unit = &self.graph[ix];
            let level = unit.code.level();
            report.households += unit.households.len() as u64;
            if level != Level::MicroGrid {
                if rules.unassigned_households {
                    report.unassigned_households.extend(
                        unit.households
                            .iter()
                            .map(|&h| self.households[h as usize].id.to_string()),
                    );
                }
            } else {
                report.micro_grids += 1;
                let n = unit.households.len() as u64;
                if let Some((lo, hi)) = rules.band {
                    if n < u64::from(lo) || n > u64::from(hi) {
                        report.out_of_band.push(OutOfBand {
                            code: unit.code,
                            households: n,
                        });
                    }
                }
                if rules.party_member_per_micro_grid && !self.has_party_member(ix) {
                    report.without_party_member.push(unit.code);
                }
            }
            if rules.leaders {
                if let Some(role) = leader_of(level) {
                    if !unit.has_role(role) {
                        report.without_leader.push(MissingLeader {
                            code: unit.code,
                            level,
                            role,
                        });
                    }
                }
            }
        }
        Ok(report)
    }

    fn has_party_member(&self, ix: NodeIndex) -> bool {
        let unit = &self.graph[ix];
        unit.roles.iter().any(|(_, r)| r.is_party_member())
            || unit.households.iter().any(|&h| {
                self.residents_at(h)
                    .iter()
                    .any(|&p| self.people[p as usize].party_member)
            })
    }
}

//! The party organisation's part of the coverage report: units without their party
//! body, bodies without a secretary, and (when asked) communities whose chief grid
//! leader is not their party secretary.

use petgraph::stable_graph::NodeIndex;
use serde::{Deserialize, Serialize};

use super::model::BodyKind;
use super::Party;
use crate::access::Role;
use crate::grid::{CoverageRules, Grid, GridError, Level, NodeCode};

/// A unit without the party body its level needs.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct MissingBody {
    /// The unit.
    pub code: NodeCode,
    /// Its level.
    pub level: Level,
    /// The body it lacks.
    pub kind: BodyKind,
}

/// What the party organisation's coverage rules found.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct PartyCoverage {
    /// Units without their party body, in code order.
    pub without_party_body: Vec<MissingBody>,
    /// Party bodies without a secretary, by unit, in code order.
    pub without_secretary: Vec<NodeCode>,
    /// Communities whose chief grid leader is not their party committee's secretary.
    pub chief_not_party_secretary: Vec<NodeCode>,
}

impl PartyCoverage {
    /// Whether nothing was found.
    pub fn is_clean(&self) -> bool {
        self.without_party_body.is_empty()
            && self.without_secretary.is_empty()
            && self.chief_not_party_secretary.is_empty()
    }
}

impl Party {
    /// Checks the party organisation's coverage of the whole grid (`scope = None`) or a
    /// subtree, by the party rules of `rules`.
    pub fn coverage(
        &self,
        grid: &Grid,
        scope: Option<NodeCode>,
        rules: &CoverageRules,
    ) -> Result<PartyCoverage, GridError> {
        let mut units: Vec<NodeIndex> = match scope {
            None => grid.graph.node_indices().collect(),
            Some(code) => {
                let ix = grid.unit_ix(code).ok_or(GridError::UnknownUnit(code))?;
                grid.subtree_ix(ix).into_iter().map(|(ix, _)| ix).collect()
            }
        };
        crate::order::sort_by_key(&mut units, |&ix| grid.graph[ix].code());
        let mut out = PartyCoverage::default();
        for ix in units {
            let unit = &grid.graph[ix];
            let code = unit.code();
            let Some(kind) = BodyKind::for_level(unit.level()) else {
                continue;
            };
            let body = self.bodies.get(&code);
            match body {
                None if rules.party_bodies => out.without_party_body.push(MissingBody {
                    code,
                    level: unit.level(),
                    kind,
                }),
                Some(b) if rules.party_secretaries && b.secretary().is_none() => {
                    out.without_secretary.push(code)
                }
                _ => {}
            }
            if rules.chief_is_party_secretary && kind == BodyKind::Committee {
                let secretary = body.and_then(|b| b.secretary());
                let chief_is_secretary = unit.roles.iter().any(|&(p, r)| {
                    r == Role::ChiefGridLeader && secretary == Some(grid.people[p as usize].id())
                });
                if !chief_is_secretary {
                    out.chief_not_party_secretary.push(code);
                }
            }
        }
        Ok(out)
    }
}

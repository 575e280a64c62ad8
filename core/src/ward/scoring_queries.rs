//! Scoring and points queries that read several capabilities at once.

use super::Ward;
use crate::error::Error;
use crate::grid::{GridError, NodeCode};
use crate::scoring::{self, HandlerScore, Month, ObligationRow};
use crate::tasks::Period;

impl Ward {
    /// The monthly obligation of every sent-down party member holding the role under
    /// `unit`, for each month from `from` to `to` (both `YYYY-MM`, at most 120 months).
    pub fn obligations(
        &self,
        unit: NodeCode,
        from: &str,
        to: &str,
    ) -> Result<Vec<ObligationRow>, Error> {
        if self.grid.unit(unit).is_none() {
            return Err(GridError::UnknownUnit(unit).into());
        }
        self.obligations_over(unit, from.parse()?, to.parse()?)
    }

    /// The monthly obligation of every sent-down party member holding the role under
    /// `unit`, for each month from `from` to `to` (both included, at most 120 months).
    pub fn obligations_over(
        &self,
        unit: NodeCode,
        from: Month,
        to: Month,
    ) -> Result<Vec<ObligationRow>, Error> {
        if self.grid.unit(unit).is_none() {
            return Err(GridError::UnknownUnit(unit).into());
        }
        let months = Month::range(from, to)?;
        let rule = &self.config.scoring.obligation;
        Ok(scoring::obligations(
            &self.grid,
            &self.scoring,
            rule,
            unit,
            &months,
        ))
    }

    /// Every person who handled requests under `unit` filed in `period`, or holds ones
    /// there overdue at the period's end, scored by the configured weights and ranked,
    /// best first.
    pub fn handler_scores(
        &self,
        unit: NodeCode,
        period: &Period,
    ) -> Result<Vec<HandlerScore>, Error> {
        if self.grid.unit(unit).is_none() {
            return Err(GridError::UnknownUnit(unit).into());
        }
        let weights = &self.config.scoring.handler_weights;
        Ok(scoring::handler_scores(
            &self.grid,
            &self.tasks,
            weights,
            unit,
            period,
        ))
    }
}

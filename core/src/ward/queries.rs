//! Reading requests through the ward, where the grid and the configuration that give
//! them ids and categories are at hand.

use super::Ward;
use crate::error::Error;
use crate::grid::{GridError, Level, NodeCode};
use crate::tasks::{
    IndicatorCounts, Indicators, Location, Period, RequestRow, RouteDecision, Status, TaskError,
};

impl Ward {
    /// A request as a row, by id.
    pub fn request(&self, id: &str) -> Option<RequestRow> {
        self.tasks
            .request(id)
            .map(|r| self.tasks.row(&self.grid, &self.config.tasks, r))
    }

    /// Requests under `scope` (all when `None`) with `status` (any when `None`), in filing
    /// order.
    pub fn requests(&self, scope: Option<NodeCode>, status: Option<Status>) -> Vec<RequestRow> {
        self.tasks
            .requests()
            .iter()
            .filter(|r| scope.is_none_or(|s| s.contains(r.unit())))
            .filter(|r| status.is_none_or(|s| r.status() == s))
            .map(|r| self.tasks.row(&self.grid, &self.config.tasks, r))
            .collect()
    }

    /// Where the routing rules would send a request of `category` at `location` now.
    pub fn route(&self, category: &str, location: &Location) -> Result<RouteDecision<'_>, Error> {
        let cix = self
            .config
            .tasks
            .category_ix(category)
            .ok_or_else(|| TaskError::UnknownCategory(category.to_owned()))?;
        let c = &self.config.tasks.categories[usize::from(cix)];
        // A household knows its unit's index; a unit code is looked up once.
        let (ix, unit) = match location {
            Location::Household(id) => {
                let h = self
                    .grid
                    .household(id)
                    .ok_or_else(|| GridError::UnknownHousehold(id.clone()))?;
                let code = self
                    .grid
                    .household_unit(h)
                    .ok_or_else(|| GridError::UnknownHousehold(id.clone()))?;
                (h.unit, code)
            }
            Location::Unit(code) => (
                self.grid
                    .unit_ix(*code)
                    .ok_or(GridError::UnknownUnit(*code))?,
                *code,
            ),
        };
        Ok(crate::tasks::route_at(&self.grid, &self.tasks, c, ix, unit))
    }

    /// Pooled requests a person may claim, in filing order.
    pub fn claimable_by(&self, person: &str) -> Result<Vec<RequestRow>, Error> {
        let p = self
            .grid
            .person_ix(person)
            .ok_or_else(|| GridError::UnknownPerson(person.to_owned()))?;
        Ok(self
            .tasks
            .open
            .iter()
            .map(|&ix| &self.tasks.requests()[ix as usize])
            .filter(|r| r.status() == Status::Pooled)
            .filter(|r| crate::tasks::may_claim(&self.grid, &self.tasks, &self.config.tasks, p, r))
            .map(|r| self.tasks.row(&self.grid, &self.config.tasks, r))
            .collect())
    }

    /// Case-handling indicators of requests under `scope` filed in `period`.
    pub fn indicators(
        &self,
        scope: Option<NodeCode>,
        period: &Period,
    ) -> Result<Indicators, Error> {
        if let Some(code) = scope {
            if self.grid.unit(code).is_none() {
                return Err(GridError::UnknownUnit(code).into());
            }
        }
        Ok(self.tasks.indicators(&self.config.tasks, scope, period))
    }

    /// Indicators of every unit of a level, by code.
    pub fn indicators_by(&self, level: Level, period: &Period) -> Vec<Indicators> {
        self.tasks
            .indicators_by(&self.grid, &self.config.tasks, level, period)
    }

    /// The counts behind [`Ward::indicators`]: whole numbers that merge exactly across
    /// wards holding different requests ([`IndicatorCounts::merge`]), so that rates are
    /// computed after merging ([`IndicatorCounts::indicators`]).
    pub fn indicator_counts(
        &self,
        scope: Option<NodeCode>,
        period: &Period,
    ) -> Result<IndicatorCounts, Error> {
        if let Some(code) = scope {
            if self.grid.unit(code).is_none() {
                return Err(GridError::UnknownUnit(code).into());
            }
        }
        Ok(self.tasks.indicator_counts(scope, period))
    }

    /// The counts behind [`Ward::indicators_by`], by code.
    pub fn indicator_counts_by(&self, level: Level, period: &Period) -> Vec<IndicatorCounts> {
        self.tasks.indicator_counts_by(&self.grid, level, period)
    }
}

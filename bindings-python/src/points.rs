//! Points (`points`) on `Ward`: the points passbook (积分存折) of dated lots, earning by
//! the rules or by award, the catalog, redemption (with an idempotency key), reversal
//! and expiry runs; and the passbook, catalog and redemption queries.
//!
//! Points, costs, stock and quantities are whole ints (floats, bools and negatives are
//! refused with `InvalidInputError`); days are `datetime.date` (or `"YYYY-MM-DD"`).

use gridward::grid::GridError;
use gridward::points::{PointsCommand, Redemption};
use pyo3::prelude::*;
use serde_json::{json, Value};

use crate::convert;
use crate::error::core;
use crate::fund_convert as fc;
use crate::points_convert::{self as pc, json, serde_to_py};
use crate::ward::Ward;

/// A redemption as a flat row: `taken` stays a list of `{lot, points}` (the passbook's
/// lots it took from, by place), the reversal is split into `reversed_on` and
/// `reversal_reason` (None while it stands).
fn redemption_row(r: &Redemption) -> PyResult<Value> {
    Ok(json!({
        "id": r.id,
        "person": r.person,
        "item": r.item,
        "quantity": r.quantity,
        "points": r.points,
        "on": r.on.to_string(),
        "taken": json(&r.taken)?,
        "reversed_on": r.reversed.as_ref().map(|x| x.on.to_string()),
        "reversal_reason": r.reversed.as_ref().map(|x| x.reason.clone()),
    }))
}

// The Python signatures mirror each command's fields plus actor/at/key.
#[allow(clippy::too_many_arguments)]
#[pymethods]
impl Ward {
    /// Puts an item in `unit`'s catalog: `cost` points a piece, `stock` pieces, at most
    /// `per_person` pieces each, redeemable from `valid_from` to `valid_until` (days,
    /// both included), only by people holding `min_star` stars if given.
    #[pyo3(signature = (id, unit, name, cost, stock, per_person=None, valid_from=None, valid_until=None, min_star=None, *, actor=None, at=None, key=None))]
    fn add_item<'py>(
        &mut self,
        py: Python<'py>,
        id: String,
        unit: &str,
        name: String,
        cost: &Bound<'py, PyAny>,
        stock: &Bound<'py, PyAny>,
        per_person: Option<&Bound<'py, PyAny>>,
        valid_from: Option<&Bound<'py, PyAny>>,
        valid_until: Option<&Bound<'py, PyAny>>,
        min_star: Option<&Bound<'py, PyAny>>,
        actor: Option<String>,
        at: Option<&Bound<'py, PyAny>>,
        key: Option<String>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let command = PointsCommand::AddItem {
            id,
            unit: convert::code(unit)?,
            name,
            cost: pc::count(cost, "cost")?,
            stock: pc::count(stock, "stock")?,
            per_person: pc::opt_count(per_person, "per_person")?,
            valid_from: fc::opt_day(valid_from)?,
            valid_until: fc::opt_day(valid_until)?,
            min_star: pc::opt_count(min_star, "min_star")?,
        };
        self.run(py, command, actor, at, key)
    }

    /// Adds `quantity` pieces to an item's stock.
    #[pyo3(signature = (item, quantity, *, actor=None, at=None, key=None))]
    fn restock<'py>(
        &mut self,
        py: Python<'py>,
        item: String,
        quantity: &Bound<'py, PyAny>,
        actor: Option<String>,
        at: Option<&Bound<'py, PyAny>>,
        key: Option<String>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let command = PointsCommand::Restock {
            item,
            quantity: pc::count(quantity, "quantity")?,
        };
        self.run(py, command, actor, at, key)
    }

    /// Earns the points of a certified service record for the person who served:
    /// counted hours at the hourly rate plus the activity's points, within the caps,
    /// as a new lot. Earning twice has one effect.
    #[pyo3(signature = (record, *, actor=None, at=None, key=None))]
    fn earn_for_service<'py>(
        &mut self,
        py: Python<'py>,
        record: String,
        actor: Option<String>,
        at: Option<&Bound<'py, PyAny>>,
        key: Option<String>,
    ) -> PyResult<Bound<'py, PyAny>> {
        self.run(py, PointsCommand::EarnForService { record }, actor, at, key)
    }

    /// Earns the points of a rated request for the person who handled it, by the
    /// filer's rating. Earning twice has one effect.
    #[pyo3(signature = (request, *, actor=None, at=None, key=None))]
    fn earn_for_request<'py>(
        &mut self,
        py: Python<'py>,
        request: String,
        actor: Option<String>,
        at: Option<&Bound<'py, PyAny>>,
        key: Option<String>,
    ) -> PyResult<Bound<'py, PyAny>> {
        self.run(
            py,
            PointsCommand::EarnForRequest { request },
            actor,
            at,
            key,
        )
    }

    /// Awards `points` (at least 1) to `person` by hand, by staff of `unit`, saying why.
    #[pyo3(signature = (id, person, unit, points, reason, *, actor=None, at=None, key=None))]
    fn award<'py>(
        &mut self,
        py: Python<'py>,
        id: String,
        person: String,
        unit: &str,
        points: &Bound<'py, PyAny>,
        reason: String,
        actor: Option<String>,
        at: Option<&Bound<'py, PyAny>>,
        key: Option<String>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let command = PointsCommand::Award {
            id,
            person,
            unit: convert::code(unit)?,
            points: pc::count(points, "points")?,
            reason,
        };
        self.run(py, command, actor, at, key)
    }

    /// Redeems `quantity` pieces of an item for `person`: points (earliest expiry
    /// first) and stock are taken together or not at all. Needs `key=` (an idempotency
    /// key; without one the core refuses with "key_required"): a retry under the same
    /// key has one effect.
    #[pyo3(signature = (id, person, item, quantity, *, actor=None, at=None, key=None))]
    fn redeem<'py>(
        &mut self,
        py: Python<'py>,
        id: String,
        person: String,
        item: String,
        quantity: &Bound<'py, PyAny>,
        actor: Option<String>,
        at: Option<&Bound<'py, PyAny>>,
        key: Option<String>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let command = PointsCommand::Redeem {
            id,
            person,
            item,
            quantity: pc::count(quantity, "quantity")?,
        };
        self.run(py, command, actor, at, key)
    }

    /// Reverses a redemption (command type "reverse"): its points go back to the lots
    /// they came from, with their original expiry, and its pieces back to stock.
    #[pyo3(signature = (id, reason, *, actor=None, at=None, key=None))]
    fn reverse_redemption<'py>(
        &mut self,
        py: Python<'py>,
        id: String,
        reason: String,
        actor: Option<String>,
        at: Option<&Bound<'py, PyAny>>,
        key: Option<String>,
    ) -> PyResult<Bound<'py, PyAny>> {
        self.run(py, PointsCommand::Reverse { id, reason }, actor, at, key)
    }

    /// Expires every lot whose last day is before `on` (command type "expire").
    #[pyo3(signature = (on, *, actor=None, at=None, key=None))]
    fn expire_points<'py>(
        &mut self,
        py: Python<'py>,
        on: &Bound<'py, PyAny>,
        actor: Option<String>,
        at: Option<&Bound<'py, PyAny>>,
        key: Option<String>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let command = PointsCommand::Expire { on: fc::day(on)? };
        self.run(py, command, actor, at, key)
    }

    /// A person's passbook: `{person, earned, spent, expired, balance, lots}` with each
    /// lot `{id, source, earned_on, expires_on, points, left, expired}` in the order
    /// earned; None for someone who never earned a point.
    fn passbook<'py>(&self, py: Python<'py>, person: &str) -> PyResult<Bound<'py, PyAny>> {
        let grid = self.inner.grid();
        let Some(book) = self.inner.points().passbook(grid, person) else {
            return Ok(py.None().into_bound(py));
        };
        let value = json!({
            "person": person,
            "earned": book.earned(),
            "spent": book.spent(),
            "expired": book.expired(),
            "balance": book.balance(),
            "lots": json(&book.lots())?,
        });
        pc::to_py(py, &value)
    }

    /// Points `person` may spend on the day `on`: lots past their last day do not
    /// count, even before an expiry run. 0 for someone without a passbook.
    fn available_points(&self, person: &str, on: &Bound<'_, PyAny>) -> PyResult<u64> {
        let on = fc::day(on)?;
        let grid = self.inner.grid();
        if grid.person(person).is_none() {
            return Err(core(GridError::UnknownPerson(person.to_owned()).into()));
        }
        let points = self.inner.points();
        Ok(points.passbook(grid, person).map_or(0, |b| b.available(on)))
    }

    /// A person's passbook history, oldest first: `{on, movement ("earned",
    /// "redeemed", "reversed", "expired"), points, balance, reference}` where
    /// `reference` is the lot's id (earnings, expiries) or the redemption's id.
    fn passbook_history<'py>(&self, py: Python<'py>, person: &str) -> PyResult<Bound<'py, PyAny>> {
        serde_to_py(py, &self.inner.points().history(self.inner.grid(), person))
    }

    /// Every catalog item, in the order added: `{id, unit, name, cost, stock,
    /// per_person, valid_from, valid_until, min_star}`.
    fn items<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        serde_to_py(py, &self.inner.points().items())
    }

    /// The catalog item with this id, or None.
    fn item<'py>(&self, py: Python<'py>, id: &str) -> PyResult<Bound<'py, PyAny>> {
        serde_to_py(py, &self.inner.points().item(id))
    }

    /// Every redemption as a row, in the order made: `{id, person, item, quantity,
    /// points, on, taken, reversed_on, reversal_reason}`; `taken` is the list of
    /// `{lot, points}` it took from the person's lots (by place in the passbook).
    fn redemptions<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        let rows = self
            .inner
            .points()
            .redemptions()
            .iter()
            .map(redemption_row)
            .collect::<PyResult<Vec<Value>>>()?;
        pc::to_py(py, &Value::Array(rows))
    }

    /// The redemption with this id in the core's dict form (`reversed` is `{on,
    /// reason}` or None), or None.
    fn redemption<'py>(&self, py: Python<'py>, id: &str) -> PyResult<Bound<'py, PyAny>> {
        serde_to_py(py, &self.inner.points().redemption(id))
    }

    /// Points across the ward: `{people, earned, spent, expired, balance, redemptions,
    /// reversed}` (redemptions standing and reversed).
    fn points_totals<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        serde_to_py(py, &self.inner.points().totals())
    }
}

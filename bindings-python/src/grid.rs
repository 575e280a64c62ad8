//! The grid on `Ward` (网格化管理): one method per grid command, and the queries.
//!
//! Codes are strings of digits ("510105001001"); domains, roles and levels are snake_case
//! names ("fire_safety", "micro_grid_worker", "micro_grid"); areas are `Decimal`.

use gridward::grid::{CoverageRules, Directive, DirectiveSummary, GridCommand, Household, Unit};
use pyo3::prelude::*;
use pyo3::types::PyDict;
use serde_json::{json, Value};

use crate::convert::{self, serde_to_py, to_py, Missing};
use crate::error::{invalid, OrRaise};
use crate::ward::Ward;

fn unit_json(u: &Unit) -> Value {
    let domains: Vec<&str> = u.domains().iter().map(|d| d.as_str()).collect();
    json!({
        "code": u.code().to_string(),
        "name": u.name(),
        "level": u.level().as_str(),
        "parent": u.code().parent().map(|p| p.to_string()),
        "domains": domains,
        "direct_households": u.direct_households(),
    })
}

impl Ward {
    fn household_json(&self, h: &Household) -> Value {
        let unit = self.inner.grid().household_unit(h).map(|c| c.to_string());
        json!({"id": h.id(), "unit": unit, "area": h.area().to_string()})
    }

    /// Ids of a household's residents, in the order they registered.
    fn residents(&self, h: &Household) -> Vec<String> {
        let grid = self.inner.grid();
        grid.residents(h.id())
            .into_iter()
            .map(|p| p.id().to_owned())
            .collect()
    }
}

// The Python signatures mirror each command's fields plus actor/at/key, so some
// methods take more arguments than clippy's default limit.
#[allow(clippy::too_many_arguments)]
#[pymethods]
impl Ward {
    /// Creates a unit under the parent its code implies; without `domains` it takes the
    /// configured default (the five merged domains of 多网合一).
    #[pyo3(signature = (code, name, domains=None, *, actor=None, at=None, key=None))]
    fn add_unit<'py>(
        &mut self,
        py: Python<'py>,
        code: &str,
        name: String,
        domains: Option<Vec<String>>,
        actor: Option<String>,
        at: Option<&Bound<'py, PyAny>>,
        key: Option<String>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let command = GridCommand::AddUnit {
            code: convert::code(code)?,
            name,
            domains: domains.map(|d| convert::domains(&d)).transpose()?,
        };
        self.run(py, command, actor, at, key)
    }

    /// Renames a unit.
    #[pyo3(signature = (code, name, *, actor=None, at=None, key=None))]
    fn rename_unit<'py>(
        &mut self,
        py: Python<'py>,
        code: &str,
        name: String,
        actor: Option<String>,
        at: Option<&Bound<'py, PyAny>>,
        key: Option<String>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let command = GridCommand::RenameUnit {
            code: convert::code(code)?,
            name,
        };
        self.run(py, command, actor, at, key)
    }

    /// Replaces the domains a unit answers for.
    #[pyo3(signature = (code, domains, *, actor=None, at=None, key=None))]
    fn set_domains<'py>(
        &mut self,
        py: Python<'py>,
        code: &str,
        domains: Vec<String>,
        actor: Option<String>,
        at: Option<&Bound<'py, PyAny>>,
        key: Option<String>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let command = GridCommand::SetDomains {
            code: convert::code(code)?,
            domains: convert::domains(&domains)?,
        };
        self.run(py, command, actor, at, key)
    }

    /// Retires a unit without child units; its households move to
    /// `transfer_households_to` in the same step.
    #[pyo3(signature = (code, transfer_households_to=None, *, actor=None, at=None, key=None))]
    fn retire_unit<'py>(
        &mut self,
        py: Python<'py>,
        code: &str,
        transfer_households_to: Option<&str>,
        actor: Option<String>,
        at: Option<&Bound<'py, PyAny>>,
        key: Option<String>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let command = GridCommand::RetireUnit {
            code: convert::code(code)?,
            transfer_households_to: transfer_households_to.map(convert::code).transpose()?,
        };
        self.run(py, command, actor, at, key)
    }

    /// Registers a household at a community, grid or micro-grid; `area` (m²) is a
    /// Decimal, int or str — never a float.
    #[pyo3(signature = (id, unit, area, *, actor=None, at=None, key=None))]
    fn add_household<'py>(
        &mut self,
        py: Python<'py>,
        id: String,
        unit: &str,
        area: &Bound<'py, PyAny>,
        actor: Option<String>,
        at: Option<&Bound<'py, PyAny>>,
        key: Option<String>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let command = GridCommand::AddHousehold {
            id,
            unit: convert::code(unit)?,
            area: convert::amount(area)?,
        };
        self.run(py, command, actor, at, key)
    }

    /// Moves a household to another unit.
    #[pyo3(signature = (id, to, *, actor=None, at=None, key=None))]
    fn move_household<'py>(
        &mut self,
        py: Python<'py>,
        id: String,
        to: &str,
        actor: Option<String>,
        at: Option<&Bound<'py, PyAny>>,
        key: Option<String>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let command = GridCommand::MoveHousehold {
            id,
            to: convert::code(to)?,
        };
        self.run(py, command, actor, at, key)
    }

    /// Registers a person.
    #[pyo3(signature = (id, name, phone=None, party_member=false, *, actor=None, at=None, key=None))]
    fn add_person<'py>(
        &mut self,
        py: Python<'py>,
        id: String,
        name: String,
        phone: Option<String>,
        party_member: bool,
        actor: Option<String>,
        at: Option<&Bound<'py, PyAny>>,
        key: Option<String>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let command = GridCommand::AddPerson {
            id,
            name,
            phone,
            party_member,
        };
        self.run(py, command, actor, at, key)
    }

    /// Registers a person as living in a household.
    #[pyo3(signature = (person, household, *, actor=None, at=None, key=None))]
    fn register_resident<'py>(
        &mut self,
        py: Python<'py>,
        person: String,
        household: String,
        actor: Option<String>,
        at: Option<&Bound<'py, PyAny>>,
        key: Option<String>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let command = GridCommand::RegisterResident { person, household };
        self.run(py, command, actor, at, key)
    }

    /// Gives a person a role at a unit (e.g. "micro_grid_worker" at a micro-grid).
    #[pyo3(signature = (person, role, unit, *, actor=None, at=None, key=None))]
    fn grant_role<'py>(
        &mut self,
        py: Python<'py>,
        person: String,
        role: &str,
        unit: &str,
        actor: Option<String>,
        at: Option<&Bound<'py, PyAny>>,
        key: Option<String>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let command = GridCommand::GrantRole {
            person,
            role: convert::role(role)?,
            unit: convert::code(unit)?,
        };
        self.run(py, command, actor, at, key)
    }

    /// Takes a role from a person.
    #[pyo3(signature = (person, role, unit, *, actor=None, at=None, key=None))]
    fn revoke_role<'py>(
        &mut self,
        py: Python<'py>,
        person: String,
        role: &str,
        unit: &str,
        actor: Option<String>,
        at: Option<&Bound<'py, PyAny>>,
        key: Option<String>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let command = GridCommand::RevokeRole {
            person,
            role: convert::role(role)?,
            unit: convert::code(unit)?,
        };
        self.run(py, command, actor, at, key)
    }

    /// Attaches a department to a street, answering for `domains` (吹哨报到).
    #[pyo3(signature = (id, name, street, domains, *, actor=None, at=None, key=None))]
    fn add_department<'py>(
        &mut self,
        py: Python<'py>,
        id: String,
        name: String,
        street: &str,
        domains: Vec<String>,
        actor: Option<String>,
        at: Option<&Bound<'py, PyAny>>,
        key: Option<String>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let command = GridCommand::AddDepartment {
            id,
            name,
            street: convert::code(street)?,
            domains: convert::domains(&domains)?,
        };
        self.run(py, command, actor, at, key)
    }

    /// Attaches a paired unit (双报到单位) to a community.
    #[pyo3(signature = (id, name, community, *, actor=None, at=None, key=None))]
    fn add_paired_unit<'py>(
        &mut self,
        py: Python<'py>,
        id: String,
        name: String,
        community: &str,
        actor: Option<String>,
        at: Option<&Bound<'py, PyAny>>,
        key: Option<String>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let command = GridCommand::AddPairedUnit {
            id,
            name,
            community: convert::code(community)?,
        };
        self.run(py, command, actor, at, key)
    }

    /// Imports many rows at once, all or none: a list of dicts or a pandas DataFrame,
    /// each row with `kind` ("unit", "household", "person", "role", "department",
    /// "paired_unit") and that kind's fields; NaN or None means "not given".
    #[pyo3(signature = (rows, *, actor=None, at=None, key=None))]
    fn import_rows<'py>(
        &mut self,
        py: Python<'py>,
        rows: &Bound<'py, PyAny>,
        actor: Option<String>,
        at: Option<&Bound<'py, PyAny>>,
        key: Option<String>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let command = GridCommand::Import {
            rows: convert::import_rows(rows)?,
        };
        self.run(py, command, actor, at, key)
    }

    /// Issues a directive at a unit, reaching every household below it now.
    #[pyo3(signature = (id, unit, title, due=None, *, actor=None, at=None, key=None))]
    fn issue_directive<'py>(
        &mut self,
        py: Python<'py>,
        id: String,
        unit: &str,
        title: String,
        due: Option<&Bound<'py, PyAny>>,
        actor: Option<String>,
        at: Option<&Bound<'py, PyAny>>,
        key: Option<String>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let due = match due {
            Some(d) if !d.is_none() => Some(convert::datetime(d)?),
            _ => None,
        };
        let command = GridCommand::IssueDirective {
            id,
            unit: convert::code(unit)?,
            title,
            due,
        };
        self.run(py, command, actor, at, key)
    }

    /// Acknowledges a directive for households (a resident for their own, a worker for
    /// those they serve); households that acknowledged already are passed over.
    #[pyo3(signature = (directive, households, *, actor=None, at=None, key=None))]
    fn acknowledge<'py>(
        &mut self,
        py: Python<'py>,
        directive: String,
        households: Vec<String>,
        actor: Option<String>,
        at: Option<&Bound<'py, PyAny>>,
        key: Option<String>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let command = GridCommand::Acknowledge {
            directive,
            households,
        };
        self.run(py, command, actor, at, key)
    }

    /// The unit with this code: `{code, name, level, parent, domains,
    /// direct_households}`, or None.
    fn unit<'py>(&self, py: Python<'py>, code: &str) -> PyResult<Bound<'py, PyAny>> {
        let code = convert::code(code)?;
        match self.inner.grid().unit(code) {
            Some(u) => to_py(py, &unit_json(u)),
            None => Ok(py.None().into_bound(py)),
        }
    }

    /// The districts at the top of the hierarchy, in code order.
    fn roots<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        let rows: Vec<Value> = self
            .inner
            .grid()
            .roots()
            .into_iter()
            .map(unit_json)
            .collect();
        to_py(py, &Value::Array(rows))
    }

    /// A unit's children, in code order.
    fn children<'py>(&self, py: Python<'py>, code: &str) -> PyResult<Bound<'py, PyAny>> {
        let kids = self
            .inner
            .grid()
            .children(convert::code(code)?)
            .or_raise()?;
        to_py(py, &Value::Array(kids.into_iter().map(unit_json).collect()))
    }

    /// The subtree of a unit, depth first in code order: rows `{code, parent, level,
    /// name, depth, direct_households, households}`.
    fn subtree<'py>(&self, py: Python<'py>, code: &str) -> PyResult<Bound<'py, PyAny>> {
        let rows = self.inner.grid().subtree(convert::code(code)?).or_raise()?;
        serde_to_py(py, &rows)
    }

    /// Households in a unit's subtree: rows `{id, unit, area}`.
    fn households_under<'py>(&self, py: Python<'py>, code: &str) -> PyResult<Bound<'py, PyAny>> {
        let found = self
            .inner
            .grid()
            .households_under(convert::code(code)?)
            .or_raise()?;
        let rows: Vec<Value> = found.into_iter().map(|h| self.household_json(h)).collect();
        to_py(py, &Value::Array(rows))
    }

    /// People in a unit's subtree, role holders first: rows `{person, role (None for a
    /// resident), unit, household}`.
    fn people_under<'py>(&self, py: Python<'py>, code: &str) -> PyResult<Bound<'py, PyAny>> {
        let rows = self
            .inner
            .grid()
            .people_under(convert::code(code)?)
            .or_raise()?;
        serde_to_py(py, &rows)
    }

    /// The household with this id: `{id, unit, area, residents}`, or None.
    fn household<'py>(&self, py: Python<'py>, id: &str) -> PyResult<Bound<'py, PyAny>> {
        let Some(h) = self.inner.grid().household(id) else {
            return Ok(py.None().into_bound(py));
        };
        let mut value = self.household_json(h);
        value["residents"] = json!(self.residents(h));
        to_py(py, &value)
    }

    /// The person with this id: `{id, name, phone, party_member, home, roles: [{role,
    /// unit}]}`, or None.
    fn person<'py>(&self, py: Python<'py>, id: &str) -> PyResult<Bound<'py, PyAny>> {
        let grid = self.inner.grid();
        let Some(p) = grid.person(id) else {
            return Ok(py.None().into_bound(py));
        };
        let home = grid.home(p).map(|h| h.id().to_owned());
        let roles: Vec<Value> = grid
            .roles_of(p)
            .into_iter()
            .map(|(role, unit)| json!({"role": role, "unit": unit}))
            .collect();
        let value = json!({
            "id": p.id(),
            "name": p.name(),
            "phone": p.phone(),
            "party_member": p.is_party_member(),
            "home": home,
            "roles": roles,
        });
        to_py(py, &value)
    }

    /// Sizes of the whole grid (scope None) or of a unit's subtree.
    #[pyo3(signature = (scope=None))]
    fn counts<'py>(&self, py: Python<'py>, scope: Option<&str>) -> PyResult<Bound<'py, PyAny>> {
        let scope = scope.map(convert::code).transpose()?;
        let counts = self.inner.grid().counts(scope).or_raise()?;
        serde_to_py(py, &counts)
    }

    /// Who answers for a household in a domain, from its own unit up to its street, and
    /// the street's departments for the domain.
    fn chain<'py>(
        &self,
        py: Python<'py>,
        household: &str,
        domain: &str,
    ) -> PyResult<Bound<'py, PyAny>> {
        let chain = self
            .inner
            .grid()
            .chain(household, convert::domain(domain)?)
            .or_raise()?;
        let links: Vec<Value> = chain
            .links
            .iter()
            .map(|l| {
                let responders: Vec<Value> = l
                    .responders()
                    .map(|r| json!({"person": r.person.id(), "name": r.person.name(), "role": r.role}))
                    .collect();
                json!({
                    "code": l.unit.code().to_string(),
                    "level": l.unit.level(),
                    "name": l.unit.name(),
                    "responders": responders,
                })
            })
            .collect();
        let departments: Vec<Value> = chain
            .departments
            .iter()
            .map(|d| json!({"id": d.id(), "name": d.name()}))
            .collect();
        let value = json!({
            "household": chain.household.id(),
            "domain": chain.domain,
            "links": links,
            "departments": departments,
        });
        to_py(py, &value)
    }

    /// The coverage report of the whole grid (scope None) or a subtree, by the ward's
    /// configured rules or `rules` (dict form, e.g. `{"band": [30, 100]}`), with
    /// `is_clean` and `micro_grid_compliance` added.
    #[pyo3(signature = (scope=None, rules=None))]
    fn coverage<'py>(
        &self,
        py: Python<'py>,
        scope: Option<&str>,
        rules: Option<&Bound<'py, PyAny>>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let scope = scope.map(convert::code).transpose()?;
        let rules: CoverageRules = match rules {
            Some(r) if !r.is_none() => serde_json::from_value(convert::to_value(r, Missing::Keep)?)
                .map_err(|e| invalid("invalid_rules", format!("bad coverage rules: {e}")))?,
            _ => self.inner.config().grid.coverage.clone(),
        };
        let report = self.inner.grid().coverage(scope, &rules).or_raise()?;
        let out = serde_to_py(py, &report)?;
        let dict = out.downcast::<PyDict>()?;
        dict.set_item("is_clean", report.is_clean())?;
        dict.set_item("micro_grid_compliance", report.micro_grid_compliance())?;
        Ok(out)
    }

    /// How far a directive has come: `{id, unit, title, issued_at, due, targets,
    /// acknowledged, completion_rate, late, first_after_secs, last_after_secs}`.
    fn directive_progress<'py>(&self, py: Python<'py>, id: &str) -> PyResult<Bound<'py, PyAny>> {
        let progress = self.inner.grid().directive_progress(id).or_raise()?;
        serde_to_py(py, &progress)
    }

    /// A directive's progress by the units of `level` where its households now are:
    /// rows `{code, name, targets, acknowledged, completion_rate}`.
    fn directive_progress_by<'py>(
        &self,
        py: Python<'py>,
        id: &str,
        level: &str,
    ) -> PyResult<Bound<'py, PyAny>> {
        let rows = self
            .inner
            .grid()
            .directive_progress_by(id, convert::level(level)?)
            .or_raise()?;
        serde_to_py(py, &rows)
    }

    /// All directives in the order issued: `{id, unit, title, issued_at, due, targets,
    /// acknowledged}`.
    fn directives<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        let rows: Vec<DirectiveSummary> = self
            .inner
            .grid()
            .directives()
            .iter()
            .map(Directive::summary)
            .collect();
        serde_to_py(py, &rows)
    }
}

//! The grid hierarchy (网格化管理) on `Ward`: one method per grid command, taking the
//! command's fields as an object plus the call context, and the grid's queries.
//!
//! Field names are those of the canonical JSON form (`party_member`,
//! `transfer_households_to`), the same names the journal records and query results use.

use gridward::grid::{Directive, DirectiveSummary, Level};
use wasm_bindgen::prelude::*;

use crate::error::WardError;
use crate::js::{self, ChainOut, CoverageOut, HouseholdOut, HouseholdRowOut};
use crate::js::{PersonOut, RoleAtOut, UnitOut};
use crate::ward::Ward;

impl Ward {
    fn typed(&mut self, kind: &str, args: &JsValue, ctx: &JsValue) -> Result<JsValue, WardError> {
        let command = js::command(Some(kind), args)?;
        self.run(command, ctx)
    }
}

#[wasm_bindgen]
impl Ward {
    /// Creates a unit under the parent its code implies (district 6 digits, street 9,
    /// community 12, grid 15, micro-grid 18); without `domains` it answers for the
    /// configured default (the five merged domains, 多网合一).
    ///
    /// ```js
    /// ward.addUnit({ code: "510105001001", name: "吉福社区" }, { actor: "admin" });
    /// ```
    #[wasm_bindgen(js_name = addUnit, unchecked_return_type = "Receipt")]
    pub fn add_unit(
        &mut self,
        #[wasm_bindgen(unchecked_param_type = "AddUnitArgs")] args: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "Context")] ctx: JsValue,
    ) -> Result<JsValue, WardError> {
        self.typed("add_unit", &args, &ctx)
    }

    /// Renames a unit.
    #[wasm_bindgen(js_name = renameUnit, unchecked_return_type = "Receipt")]
    pub fn rename_unit(
        &mut self,
        #[wasm_bindgen(unchecked_param_type = "RenameUnitArgs")] args: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "Context")] ctx: JsValue,
    ) -> Result<JsValue, WardError> {
        self.typed("rename_unit", &args, &ctx)
    }

    /// Replaces the domains a unit answers for.
    #[wasm_bindgen(js_name = setDomains, unchecked_return_type = "Receipt")]
    pub fn set_domains(
        &mut self,
        #[wasm_bindgen(unchecked_param_type = "SetDomainsArgs")] args: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "Context")] ctx: JsValue,
    ) -> Result<JsValue, WardError> {
        self.typed("set_domains", &args, &ctx)
    }

    /// Retires a unit without child units; its households move to
    /// `transfer_households_to` in the same step.
    #[wasm_bindgen(js_name = retireUnit, unchecked_return_type = "Receipt")]
    pub fn retire_unit(
        &mut self,
        #[wasm_bindgen(unchecked_param_type = "RetireUnitArgs")] args: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "Context")] ctx: JsValue,
    ) -> Result<JsValue, WardError> {
        self.typed("retire_unit", &args, &ctx)
    }

    /// Registers a household; `area` (m², exclusive floor area) is a decimal string, or
    /// a number read through its shortest decimal form.
    ///
    /// ```js
    /// ward.addHousehold({ id: "1-1-101", unit: "510105001001001001", area: "89.5" });
    /// ```
    #[wasm_bindgen(js_name = addHousehold, unchecked_return_type = "Receipt")]
    pub fn add_household(
        &mut self,
        #[wasm_bindgen(unchecked_param_type = "AddHouseholdArgs")] args: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "Context")] ctx: JsValue,
    ) -> Result<JsValue, WardError> {
        self.typed("add_household", &args, &ctx)
    }

    /// Moves a household to another unit.
    #[wasm_bindgen(js_name = moveHousehold, unchecked_return_type = "Receipt")]
    pub fn move_household(
        &mut self,
        #[wasm_bindgen(unchecked_param_type = "MoveHouseholdArgs")] args: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "Context")] ctx: JsValue,
    ) -> Result<JsValue, WardError> {
        self.typed("move_household", &args, &ctx)
    }

    /// Registers a person.
    #[wasm_bindgen(js_name = addPerson, unchecked_return_type = "Receipt")]
    pub fn add_person(
        &mut self,
        #[wasm_bindgen(unchecked_param_type = "AddPersonArgs")] args: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "Context")] ctx: JsValue,
    ) -> Result<JsValue, WardError> {
        self.typed("add_person", &args, &ctx)
    }

    /// Registers a person as living in a household.
    #[wasm_bindgen(js_name = registerResident, unchecked_return_type = "Receipt")]
    pub fn register_resident(
        &mut self,
        #[wasm_bindgen(unchecked_param_type = "RegisterResidentArgs")] args: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "Context")] ctx: JsValue,
    ) -> Result<JsValue, WardError> {
        self.typed("register_resident", &args, &ctx)
    }

    /// Gives a person a role at a unit (总网格长 `chief_grid_leader`, 网格长
    /// `grid_leader`, 微网格员 `micro_grid_worker`, 报到党员 `reporting_party_member` …).
    #[wasm_bindgen(js_name = grantRole, unchecked_return_type = "Receipt")]
    pub fn grant_role(
        &mut self,
        #[wasm_bindgen(unchecked_param_type = "RoleArgs")] args: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "Context")] ctx: JsValue,
    ) -> Result<JsValue, WardError> {
        self.typed("grant_role", &args, &ctx)
    }

    /// Takes a role from a person.
    #[wasm_bindgen(js_name = revokeRole, unchecked_return_type = "Receipt")]
    pub fn revoke_role(
        &mut self,
        #[wasm_bindgen(unchecked_param_type = "RoleArgs")] args: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "Context")] ctx: JsValue,
    ) -> Result<JsValue, WardError> {
        self.typed("revoke_role", &args, &ctx)
    }

    /// Attaches a department to a street, for escalation (吹哨报到).
    #[wasm_bindgen(js_name = addDepartment, unchecked_return_type = "Receipt")]
    pub fn add_department(
        &mut self,
        #[wasm_bindgen(unchecked_param_type = "AddDepartmentArgs")] args: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "Context")] ctx: JsValue,
    ) -> Result<JsValue, WardError> {
        self.typed("add_department", &args, &ctx)
    }

    /// Attaches a paired unit (双报到单位) to a community.
    #[wasm_bindgen(js_name = addPairedUnit, unchecked_return_type = "Receipt")]
    pub fn add_paired_unit(
        &mut self,
        #[wasm_bindgen(unchecked_param_type = "AddPairedUnitArgs")] args: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "Context")] ctx: JsValue,
    ) -> Result<JsValue, WardError> {
        self.typed("add_paired_unit", &args, &ctx)
    }

    /// Imports many rows at once — units, households, people, roles, departments, paired
    /// units, in any order — all of them or, if one row is refused, none.
    ///
    /// ```js
    /// ward.importRows([
    ///   { kind: "unit", code: "510105001001002", name: "二号院落网格" },
    ///   { kind: "household", id: "2-1-101", unit: "510105001001002", area: 76 },
    /// ]);
    /// ```
    #[wasm_bindgen(js_name = importRows, unchecked_return_type = "Receipt")]
    pub fn import_rows(
        &mut self,
        #[wasm_bindgen(unchecked_param_type = "ImportRow[]")] rows: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "Context")] ctx: JsValue,
    ) -> Result<JsValue, WardError> {
        let command = js::import_command(&rows)?;
        self.run(command, &ctx)
    }

    /// Issues a directive at a unit; it reaches every household below. `due` is an
    /// ISO-8601 string with a zone or a `Date`.
    #[wasm_bindgen(js_name = issueDirective, unchecked_return_type = "Receipt")]
    pub fn issue_directive(
        &mut self,
        #[wasm_bindgen(unchecked_param_type = "IssueDirectiveArgs")] args: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "Context")] ctx: JsValue,
    ) -> Result<JsValue, WardError> {
        self.typed("issue_directive", &args, &ctx)
    }

    /// Acknowledges a directive for households; those that acknowledged already are
    /// passed over.
    #[wasm_bindgen(unchecked_return_type = "Receipt")]
    pub fn acknowledge(
        &mut self,
        #[wasm_bindgen(unchecked_param_type = "AcknowledgeArgs")] args: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "Context")] ctx: JsValue,
    ) -> Result<JsValue, WardError> {
        self.typed("acknowledge", &args, &ctx)
    }

    // ---- queries ----

    /// The unit with this code, or `null`.
    #[wasm_bindgen(unchecked_return_type = "Unit | null")]
    pub fn unit(&self, code: &str) -> Result<JsValue, WardError> {
        match self.inner.grid().unit(js::code(code)?) {
            Some(u) => js::to_js(&UnitOut::from(u)),
            None => Ok(JsValue::NULL),
        }
    }

    /// The districts at the top of the hierarchy, in code order.
    #[wasm_bindgen(unchecked_return_type = "Unit[]")]
    pub fn roots(&self) -> Result<JsValue, WardError> {
        let units: Vec<UnitOut> = self
            .inner
            .grid()
            .roots()
            .into_iter()
            .map(UnitOut::from)
            .collect();
        js::to_js(&units)
    }

    /// The child units of a unit, in code order.
    #[wasm_bindgen(unchecked_return_type = "Unit[]")]
    pub fn children(&self, code: &str) -> Result<JsValue, WardError> {
        let kids = self.inner.grid().children(js::code(code)?)?;
        let units: Vec<UnitOut> = kids.into_iter().map(UnitOut::from).collect();
        js::to_js(&units)
    }

    /// A unit's subtree as rows, depth first in code order, with household totals.
    #[wasm_bindgen(unchecked_return_type = "TreeRow[]")]
    pub fn subtree(&self, code: &str) -> Result<JsValue, WardError> {
        js::to_js(&self.inner.grid().subtree(js::code(code)?)?)
    }

    /// Households in a unit's subtree, by unit in code order; areas are decimal strings.
    #[wasm_bindgen(js_name = householdsUnder, unchecked_return_type = "HouseholdRow[]")]
    pub fn households_under(&self, code: &str) -> Result<JsValue, WardError> {
        let grid = self.inner.grid();
        let rows: Vec<HouseholdRowOut> = grid
            .households_under(js::code(code)?)?
            .into_iter()
            .map(|h| HouseholdRowOut {
                id: h.id().to_owned(),
                unit: grid.household_unit(h),
                area: h.area(),
            })
            .collect();
        js::to_js(&rows)
    }

    /// People in a unit's subtree: role holders first, then residents (`role: null`).
    #[wasm_bindgen(js_name = peopleUnder, unchecked_return_type = "PersonAt[]")]
    pub fn people_under(&self, code: &str) -> Result<JsValue, WardError> {
        js::to_js(&self.inner.grid().people_under(js::code(code)?)?)
    }

    /// The household with this id and its residents, or `null`.
    #[wasm_bindgen(unchecked_return_type = "Household | null")]
    pub fn household(&self, id: &str) -> Result<JsValue, WardError> {
        let grid = self.inner.grid();
        let Some(h) = grid.household(id) else {
            return Ok(JsValue::NULL);
        };
        js::to_js(&HouseholdOut {
            id: h.id().to_owned(),
            unit: grid.household_unit(h),
            area: h.area(),
            residents: grid
                .residents(id)
                .into_iter()
                .map(|p| p.id().to_owned())
                .collect(),
        })
    }

    /// The person with this id, their home and their roles, or `null`.
    #[wasm_bindgen(unchecked_return_type = "Person | null")]
    pub fn person(&self, id: &str) -> Result<JsValue, WardError> {
        let grid = self.inner.grid();
        let Some(p) = grid.person(id) else {
            return Ok(JsValue::NULL);
        };
        js::to_js(&PersonOut {
            id: p.id().to_owned(),
            name: p.name().to_owned(),
            phone: p.phone().map(str::to_owned),
            party_member: p.is_party_member(),
            home: grid.home(p).map(|h| h.id().to_owned()),
            roles: grid
                .roles_of(p)
                .into_iter()
                .map(|(role, unit)| RoleAtOut { role, unit })
                .collect(),
        })
    }

    /// Counts for the whole ward, or for a unit's subtree.
    #[wasm_bindgen(unchecked_return_type = "Counts")]
    pub fn counts(&self, scope: Option<String>) -> Result<JsValue, WardError> {
        let scope = scope.as_deref().map(js::code).transpose()?;
        js::to_js(&self.inner.grid().counts(scope)?)
    }

    /// Who answers for a household in a domain: the units from its own up to its street
    /// that carry the domain, with their responders, and the street's departments.
    #[wasm_bindgen(unchecked_return_type = "Chain")]
    pub fn chain(
        &self,
        household: &str,
        #[wasm_bindgen(unchecked_param_type = "Domain")] domain: &str,
    ) -> Result<JsValue, WardError> {
        let chain = self.inner.grid().chain(household, js::domain(domain)?)?;
        js::to_js(&ChainOut::from(&chain))
    }

    /// The coverage report of the whole ward or a subtree; `rules` overrides the ward's
    /// configured rules field by field (`{ band: null }` skips the size band).
    #[wasm_bindgen(unchecked_return_type = "CoverageReport")]
    pub fn coverage(
        &self,
        scope: Option<String>,
        #[wasm_bindgen(unchecked_optional_param_type = "Partial<CoverageRules>")] rules: JsValue,
    ) -> Result<JsValue, WardError> {
        let scope = scope.as_deref().map(js::code).transpose()?;
        let rules = js::rules(&self.inner.config().grid.coverage, &rules)?;
        let report = self.inner.grid().coverage(scope, &rules)?;
        js::to_js(&CoverageOut::from(&report))
    }

    /// How far a directive has come: targets, acknowledgements, completion rate, late
    /// acknowledgements and the seconds to the first and the latest.
    #[wasm_bindgen(js_name = directiveProgress, unchecked_return_type = "DirectiveProgress")]
    pub fn directive_progress(&self, id: &str) -> Result<JsValue, WardError> {
        js::to_js(&self.inner.grid().directive_progress(id)?)
    }

    /// A directive's progress by the units of one level, in code order.
    #[wasm_bindgen(js_name = directiveProgressBy, unchecked_return_type = "UnitProgress[]")]
    pub fn directive_progress_by(
        &self,
        id: &str,
        #[wasm_bindgen(unchecked_param_type = "Level")] level: &str,
    ) -> Result<JsValue, WardError> {
        let level: Level = js::level(level)?;
        js::to_js(&self.inner.grid().directive_progress_by(id, level)?)
    }

    /// Every directive, in the order issued.
    #[wasm_bindgen(unchecked_return_type = "DirectiveSummary[]")]
    pub fn directives(&self) -> Result<JsValue, WardError> {
        let list: Vec<DirectiveSummary> = self
            .inner
            .grid()
            .directives()
            .iter()
            .map(Directive::summary)
            .collect();
        js::to_js(&list)
    }
}

//! Categories of requests: what domain each belongs to, who handles it, and its limits.

use serde::{Deserialize, Serialize};

use super::whistle_band::WhistleBands;
use crate::calendar::{Calendar, Limit};
use crate::grid::Domain;

/// Who handles requests of a category.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Handler {
    /// Grid staff: grid leaders and micro-grid workers, community staff.
    GridStaff,
    /// Claimable: put in a pool that party members and volunteers claim from (领单).
    Claimable,
    /// A department of the street (城管, 市场监管 …).
    Department,
    /// The community's police (一社区一民警两辅警): its police officer or an auxiliary, the
    /// one with the least open work; without one, the street's department for the
    /// domain.
    Police,
}

impl Handler {
    /// The snake_case name used in JSON and in the bindings.
    pub fn as_str(self) -> &'static str {
        match self {
            Handler::GridStaff => "grid_staff",
            Handler::Claimable => "claimable",
            Handler::Department => "department",
            Handler::Police => "police",
        }
    }
}

/// A category of request (a service, in Open311's words).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Category {
    /// Its code (Open311's `service_code`).
    pub code: String,
    /// Its name.
    pub name: String,
    /// What it is about, for the service list.
    #[serde(default)]
    pub description: String,
    /// The group it is listed under.
    #[serde(default)]
    pub group: String,
    /// The domain that answers for it.
    pub domain: Domain,
    /// Who handles it.
    pub handler: Handler,
    /// The first action is due within this limit from dispatch.
    pub response_limit: Limit,
    /// Resolution is due within this limit from dispatch.
    pub resolution_limit: Limit,
    /// The one extension that may be granted.
    pub extension: Limit,
    /// Skill tags a handler must have (all of them).
    #[serde(default)]
    pub skills: Vec<String>,
    /// A micro-wish (微心愿): any registered person may claim it as a donor, for
    /// themselves or for a paired unit of the community.
    #[serde(default)]
    pub micro_wish: bool,
}

/// A category as configured, its limits as short text.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct CategoryView {
    /// Its code (Open311's `service_code`).
    pub code: String,
    /// Its name.
    pub name: String,
    /// What it is about.
    pub description: String,
    /// The group it is listed under.
    pub group: String,
    /// The domain that answers for it.
    pub domain: Domain,
    /// Who handles it.
    pub handler: Handler,
    /// The first action is due within this limit from dispatch.
    #[cfg_attr(feature = "schema", schemars(schema_with = "limit_text"))]
    pub response_limit: String,
    /// Resolution is due within this limit from dispatch.
    #[cfg_attr(feature = "schema", schemars(schema_with = "limit_text"))]
    pub resolution_limit: String,
    /// The one extension that may be granted.
    #[cfg_attr(feature = "schema", schemars(schema_with = "limit_text"))]
    pub extension: String,
    /// Skill tags a handler must have (all of them).
    pub skills: Vec<String>,
    /// A micro-wish (微心愿): any registered person may claim it as a donor.
    pub micro_wish: bool,
}

impl From<&Category> for CategoryView {
    fn from(c: &Category) -> Self {
        CategoryView {
            code: c.code.clone(),
            name: c.name.clone(),
            description: c.description.clone(),
            group: c.group.clone(),
            domain: c.domain,
            handler: c.handler,
            response_limit: c.response_limit.to_string(),
            resolution_limit: c.resolution_limit.to_string(),
            extension: c.extension.to_string(),
            skills: c.skills.clone(),
            micro_wish: c.micro_wish,
        }
    }
}

/// A limit's short text, as the faces read it.
#[cfg(feature = "schema")]
fn limit_text(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
    schemars::json_schema!({
        "type": "string",
        "format": "limit",
        "description": "A time limit's short text: \"5wh\", \"15wd\", \"24h\" or \"3d\"."
    })
}

impl Category {
    fn new(
        code: &str,
        name: &str,
        group: &str,
        domain: Domain,
        handler: Handler,
        limits: [Limit; 3],
    ) -> Category {
        Category {
            code: code.to_owned(),
            name: name.to_owned(),
            description: String::new(),
            group: group.to_owned(),
            domain,
            handler,
            response_limit: limits[0],
            resolution_limit: limits[1],
            extension: limits[2],
            skills: Vec::new(),
            micro_wish: false,
        }
    }

    /// The categories a ward starts with; the limits of the first three are Jiyuan's
    /// (RULES.md): exposed rubbish 1 working day, illegal construction 15 working days,
    /// a dirty road 5 working hours.
    pub fn defaults() -> Vec<Category> {
        use Domain::*;
        use Handler::*;
        let wh = Limit::working_hours;
        let wd = Limit::working_days;
        let mut micro_wish = Category::new(
            "micro_wish",
            "微心愿",
            "群众点单",
            CivilAffairs,
            Claimable,
            [wd(3), wd(20), wd(10)],
        );
        micro_wish.micro_wish = true;
        micro_wish.description = "a small wish of a family in need, claimed by a donor".into();
        let mut elder = Category::new(
            "elder_care",
            "为老服务",
            "群众点单",
            CivilAffairs,
            Claimable,
            [wh(4), wd(2), wd(2)],
        );
        elder.skills = vec!["elder_care".into()];
        vec![
            Category::new(
                "exposed_rubbish",
                "暴露垃圾",
                "市容环境",
                UrbanManagement,
                GridStaff,
                [wh(2), wd(1), wd(1)],
            ),
            Category::new(
                "illegal_construction",
                "违法建设",
                "城市管理",
                UrbanManagement,
                Department,
                [wd(1), wd(15), wd(15)],
            ),
            Category::new(
                "dirty_road",
                "道路不洁",
                "市容环境",
                UrbanManagement,
                GridStaff,
                [wh(1), wh(5), wh(5)],
            ),
            Category::new(
                "fire_hazard",
                "消防隐患",
                "安全隐患",
                FireSafety,
                GridStaff,
                [wh(2), wd(3), wd(3)],
            ),
            Category::new(
                "neighbour_dispute",
                "邻里纠纷",
                "矛盾调解",
                PoliticsAndLaw,
                GridStaff,
                [wd(1), wd(10), wd(10)],
            ),
            Category::new(
                "food_safety",
                "食品安全",
                "市场监管",
                MarketSupervision,
                Department,
                [wd(1), wd(10), wd(5)],
            ),
            Category::new(
                "neighbour_help",
                "邻里互助",
                "群众点单",
                CivilAffairs,
                Claimable,
                [wd(1), wd(5), wd(5)],
            ),
            elder,
            micro_wish,
        ]
    }
}

/// Configuration of the tasks capability.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(default, deny_unknown_fields)]
#[non_exhaustive]
pub struct TasksConfig {
    /// Working days and hours, holidays and make-up working days.
    pub calendar: Calendar,
    /// The categories requests are filed under.
    pub categories: Vec<Category>,
    /// How many open claims one person may hold at once.
    pub max_open_claims: u32,
    /// A claim not started within this limit is released back to the pool by a sweep.
    pub claim_release: Limit,
    /// The correction window a bad rating opens.
    pub correction_window: Limit,
    /// How long a department called in has to report.
    pub whistle_report_limit: Limit,
    /// Route a request by the rules as it is filed (otherwise it waits for dispatch).
    pub dispatch_on_filing: bool,
    /// The bands streets' whistle rates are watched against (the whole 0–100% by
    /// default: nothing flagged).
    pub whistle_bands: WhistleBands,
}

impl Default for TasksConfig {
    fn default() -> Self {
        TasksConfig {
            calendar: Calendar::default(),
            categories: Category::defaults(),
            max_open_claims: 3,
            claim_release: Limit::days(3),
            correction_window: Limit::working_days(15),
            whistle_report_limit: Limit::working_days(2),
            dispatch_on_filing: true,
            whistle_bands: WhistleBands::default(),
        }
    }
}

impl TasksConfig {
    /// The index of a category by code.
    pub(crate) fn category_ix(&self, code: &str) -> Option<u16> {
        self.categories
            .iter()
            .position(|c| c.code == code)
            .and_then(|ix| u16::try_from(ix).ok())
    }

    /// The category at an index.
    pub(crate) fn category(&self, ix: u16) -> Option<&Category> {
        self.categories.get(usize::from(ix))
    }
}

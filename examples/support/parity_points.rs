//! The scoring and points parity fixture: the requests parity week of a small community,
//! followed by a month of service records, certification, points earned by the rules,
//! a catalog, redemptions, a reversal, a star grant and an expiry run — which Rust,
//! Python and JavaScript each run through their own API, reaching the same journal head,
//! passbooks, volunteers, obligations, handler scores and community ratings.

use gridward::grid::NodeCode;
use gridward::scoring::tree::{evaluate, CommunityData, Tree};
use gridward::tasks::Period;
use gridward::{Command, Ward, WardConfig};
use serde::{Deserialize, Serialize};
use serde_json::{json, Value};

use crate::parity::{run_steps, Step};

/// What to ask after the steps.
#[derive(Debug, Deserialize, Serialize)]
pub struct Queries {
    /// People whose passbooks to report.
    pub people: Vec<String>,
    /// The unit of the obligation report and the handler ranking.
    pub unit: NodeCode,
    /// The obligation report's first month.
    pub from_month: String,
    /// Its last month.
    pub to_month: String,
    /// The handler ranking's period start.
    pub period_from: String,
    /// Its end (exclusive).
    pub period_to: String,
    /// The date of the grant preview.
    pub grant_preview_on: String,
}

/// Communities to rate on a tree.
#[derive(Debug, Deserialize, Serialize)]
pub struct Rating {
    /// The tree.
    pub tree: Tree,
    /// The communities' data.
    pub data: Vec<CommunityData>,
}

/// The scenario file.
#[derive(Debug, Deserialize, Serialize)]
pub struct Scenario {
    /// What it is.
    pub description: String,
    /// The ward's configuration.
    pub config: Option<WardConfig>,
    /// The steps, in the `Command` JSON form.
    pub steps: Vec<Step<Command>>,
    /// The questions.
    pub queries: Queries,
    /// The rating.
    pub rating: Rating,
}

const COMMUNITY: &str = "510105001001";
const GRID: &str = "510105001001001";
const MICRO_1: &str = "510105001001001001";
const MICRO_2: &str = "510105001001001002";

struct Steps(Vec<Step<Command>>);

impl Steps {
    fn push(&mut self, actor: Option<&str>, at: &str, key: Option<&str>, command: Value) {
        self.add(actor, at, key, command, None);
    }

    fn refuse(&mut self, actor: Option<&str>, at: &str, command: Value, code: &str) {
        self.add(actor, at, None, command, Some(code));
    }

    fn add(
        &mut self,
        actor: Option<&str>,
        at: &str,
        key: Option<&str>,
        command: Value,
        error: Option<&str>,
    ) {
        let command: Command = match serde_json::from_value(command.clone()) {
            Ok(c) => c,
            Err(e) => panic!("the scenario's command {command} does not parse: {e}"),
        };
        self.0.push(Step {
            actor: actor.map(str::to_owned),
            at: format!("2026-{at}:00+08:00"),
            key: key.map(str::to_owned),
            command,
            expect_error: error.map(str::to_owned),
        });
    }
}

fn record(id: &str, person: &str, unit: &str, activity: &str, start: &str, minutes: u32) -> Value {
    json!({"scoring": {"type": "record_service", "id": id, "person": person, "unit": unit,
        "activity": activity, "started_at": format!("2026-{start}:00+08:00"), "minutes": minutes}})
}

fn for_request(mut command: Value, request: &str) -> Value {
    command["scoring"]["request"] = json!(request);
    command
}

fn certify(id: &str) -> Value {
    json!({"scoring": {"type": "certify_service", "id": id}})
}

fn earn_service(record: &str) -> Value {
    json!({"points": {"type": "earn_for_service", "record": record}})
}

fn redeem(id: &str, person: &str, item: &str, quantity: u32) -> Value {
    json!({"points": {"type": "redeem", "id": id, "person": person, "item": item, "quantity": quantity}})
}

/// The configuration: 昆山's 10 points an hour, half-hour units and 8 h a day, 张家港's
/// star profile held 7 days between levels, points for kinds and ratings, a monthly cap
/// of 300 and lots valid 60 days.
pub fn config() -> WardConfig {
    let config = json!({
        "scoring": {
            "hours": {"unit_minutes": 30, "daily_cap_minutes": 480},
            "stars": {"name": "zhangjiagang", "thresholds": ["30", "60", "100", "200", "300"],
                      "progression": {"rule": "stepwise", "min_days_held": 7}}
        },
        "points": {
            "per_hour": "10",
            "per_activity": {"elder_care": 3, "neighbour_help": 2, "mediation": 5, "patrol": 1},
            "per_rating": {"very_satisfied": 5, "satisfied": 3, "basically_satisfied": 1},
            "caps": [{"period": "month", "points": 300}],
            "expiry": {"rule": "days", "days": 60}
        }
    });
    match serde_json::from_value(config) {
        Ok(c) => c,
        Err(e) => panic!("the parity configuration does not parse: {e}"),
    }
}

/// The steps after the requests week.
fn points_steps() -> Vec<Step<Command>> {
    let mut s = Steps(Vec::new());
    for (id, name, unit) in [("sd1", "孙下沉", GRID), ("sd2", "钱下沉", MICRO_2)] {
        s.push(
            None,
            "03-21T08:00",
            None,
            json!({"grid": {"type": "add_person", "id": id, "name": name, "party_member": true}}),
        );
        s.push(None, "03-21T08:00", None, json!({"grid": {"type": "grant_role", "person": id, "role": "sent_down_party_member", "unit": unit}}));
    }
    // Records of handled requests are certified by their verification.
    s.push(
        Some("vol"),
        "03-21T09:00",
        None,
        for_request(
            record("s-h1", "vol", MICRO_1, "neighbour_help", "03-02T16:00", 90),
            "h1",
        ),
    );
    s.push(
        Some("w1"),
        "03-21T09:05",
        None,
        for_request(
            record("s-q1", "w1", MICRO_1, "handling_request", "03-02T14:00", 45),
            "q1",
        ),
    );
    s.push(Some("chief"), "03-21T09:10", None, json!({"scoring": {"type": "record_service", "id": "s-q2", "person": "gl", "unit": GRID, "activity": "handling_request", "started_at": "2026-03-04T09:00:00+08:00", "minutes": 120, "travel_minutes": 25, "request": "q2"}}));
    s.refuse(Some("w1"), "03-21T09:15", json!({"scoring": {"type": "record_service", "id": "s-q1b", "person": "w1", "unit": MICRO_1, "activity": "handling_request", "started_at": "2026-03-02T14:00:00+08:00", "minutes": 45, "request": "q1"}}), "request_recorded");
    s.refuse(Some("vol"), "03-21T09:20", json!({"scoring": {"type": "record_service", "id": "s-q4", "person": "vol", "unit": COMMUNITY, "activity": "handling_request", "started_at": "2026-03-03T10:00:00+08:00", "minutes": 30, "request": "q4"}}), "request_mismatch");
    s.refuse(
        Some("vol"),
        "03-21T09:25",
        record("s-0", "vol", MICRO_1, "charity", "03-21T08:00", 0),
        "bad_minutes",
    );
    // A week of elder care, 10 h a day: 8 h count.
    for day in 23..=27 {
        let id = format!("s-v{day}");
        s.push(
            Some("vol"),
            &format!("03-{day}T18:00"),
            None,
            record(
                &id,
                "vol",
                GRID,
                "elder_care",
                &format!("03-{day}T08:00"),
                600,
            ),
        );
    }
    s.refuse(
        Some("vol"),
        "03-28T09:00",
        certify("s-v23"),
        "permission_denied",
    );
    for day in 23..=27 {
        s.push(
            Some("gl"),
            "03-28T09:00",
            None,
            certify(&format!("s-v{day}")),
        );
    }
    s.push(
        Some("w1"),
        "03-28T10:00",
        None,
        record("s-w1", "w1", MICRO_1, "patrol", "03-27T20:00", 95),
    );
    s.refuse(Some("w1"), "03-28T10:05", certify("s-w1"), "own_service");
    s.push(Some("gl"), "03-28T10:10", None, certify("s-w1"));
    s.push(
        Some("sd1"),
        "03-28T11:00",
        None,
        record("s-sd1-3", "sd1", GRID, "patrol", "03-28T08:00", 150),
    );
    s.push(Some("gl"), "03-28T12:00", None, certify("s-sd1-3"));
    s.push(
        Some("sd2"),
        "03-29T11:00",
        None,
        record("s-sd2-3", "sd2", MICRO_2, "mediation", "03-29T09:00", 60),
    );
    s.push(Some("chief"), "03-29T12:00", None, certify("s-sd2-3"));
    s.push(
        Some("w1"),
        "03-29T13:00",
        None,
        record("s-x", "r1", MICRO_1, "charity", "03-29T09:00", 30),
    );
    s.push(
        Some("gl"),
        "03-29T14:00",
        None,
        json!({"scoring": {"type": "reject_service", "id": "s-x", "reason": "无人见证"}}),
    );
    s.refuse(
        Some("gl"),
        "03-29T14:05",
        certify("s-x"),
        "service_not_pending",
    );
    // Points by the rules; the monthly cap of 300 cuts the fourth day of elder care.
    for q in ["q1", "q2", "h1"] {
        s.push(
            Some("chief"),
            "03-30T08:50",
            None,
            json!({"points": {"type": "earn_for_request", "request": q}}),
        );
    }
    for r in [
        "s-h1", "s-q1", "s-q2", "s-v23", "s-v24", "s-v25", "s-v26", "s-w1", "s-sd1-3", "s-sd2-3",
    ] {
        s.push(Some("chief"), "03-30T09:00", None, earn_service(r));
    }
    s.push(Some("chief"), "03-30T09:05", None, earn_service("s-h1"));
    s.refuse(
        Some("chief"),
        "03-30T09:10",
        earn_service("s-v27"),
        "cap_reached",
    );
    s.refuse(
        Some("chief"),
        "03-30T09:15",
        earn_service("s-x"),
        "not_earnable",
    );
    s.refuse(
        Some("chief"),
        "03-30T09:25",
        json!({"points": {"type": "earn_for_request", "request": "q4"}}),
        "not_earnable",
    );
    s.push(Some("chief"), "03-30T09:30", None, json!({"points": {"type": "award", "id": "a-r1", "person": "r1", "unit": COMMUNITY, "points": 20, "reason": "调解邻里纠纷"}}));
    s.push(Some("chief"), "03-30T09:31", None, json!({"points": {"type": "award", "id": "a-r1", "person": "r1", "unit": COMMUNITY, "points": 20, "reason": "调解邻里纠纷"}}));
    s.refuse(Some("chief"), "03-30T09:32", json!({"points": {"type": "award", "id": "a-r1", "person": "r1", "unit": COMMUNITY, "points": 25, "reason": "调解邻里纠纷"}}), "earning_exists");
    s.push(Some("chief"), "03-30T09:33", None, json!({"points": {"type": "award", "id": "a-gl", "person": "gl", "unit": COMMUNITY, "points": 40, "reason": "网格巡查"}}));
    // Stars: 张家港's 30 h give the volunteer a first star.
    s.refuse(
        Some("chief"),
        "03-31T09:00",
        json!({"scoring": {"type": "grant_stars", "on": "2026-03-31"}}),
        "permission_denied",
    );
    s.push(
        Some("sa"),
        "03-31T09:00",
        None,
        json!({"scoring": {"type": "grant_stars", "on": "2026-03-31"}}),
    );
    // The catalog.
    s.push(Some("chief"), "03-31T10:00", None, json!({"points": {"type": "add_item", "id": "bus", "unit": COMMUNITY, "name": "公交乘车卡(月)", "cost": 50, "stock": 10, "per_person": 1, "valid_until": "2026-12-31", "min_star": 1}}));
    s.push(Some("chief"), "03-31T10:01", None, json!({"points": {"type": "add_item", "id": "rice", "unit": COMMUNITY, "name": "大米5kg", "cost": 30, "stock": 3, "per_person": 2}}));
    s.push(Some("chief"), "03-31T10:02", None, json!({"points": {"type": "add_item", "id": "cinema", "unit": COMMUNITY, "name": "电影票", "cost": 40, "stock": 5, "valid_from": "2026-04-01"}}));
    s.refuse(Some("w1"), "03-31T10:03", json!({"points": {"type": "add_item", "id": "x", "unit": COMMUNITY, "name": "x", "cost": 1, "stock": 1}}), "permission_denied");
    // Redemptions.
    s.push(
        Some("vol"),
        "03-31T11:00",
        Some("rd-vol-bus"),
        redeem("rd-1", "vol", "bus", 1),
    );
    s.push(
        Some("vol"),
        "03-31T11:00",
        Some("rd-vol-bus"),
        redeem("rd-1", "vol", "bus", 1),
    );
    s.refuse(
        Some("vol"),
        "03-31T11:01",
        redeem("rd-2", "vol", "bus", 1),
        "key_required",
    );
    s.add(
        Some("vol"),
        "03-31T11:02",
        Some("rd-vol-bus-2"),
        redeem("rd-2", "vol", "bus", 1),
        Some("limit_reached"),
    );
    s.add(
        Some("w1"),
        "03-31T11:03",
        Some("rd-w1-bus"),
        redeem("rd-3", "w1", "bus", 1),
        Some("stars_needed"),
    );
    s.add(
        Some("r1"),
        "03-31T11:04",
        Some("rd-r1-rice"),
        redeem("rd-4", "r1", "rice", 1),
        Some("insufficient_points"),
    );
    s.add(
        Some("vol"),
        "03-31T11:05",
        Some("rd-vol-cinema"),
        redeem("rd-5", "vol", "cinema", 1),
        Some("not_on_offer"),
    );
    s.add(
        Some("r1"),
        "03-31T11:06",
        Some("rd-r1-vol"),
        redeem("rd-6", "vol", "rice", 1),
        Some("permission_denied"),
    );
    s.push(
        Some("chief"),
        "03-31T11:07",
        Some("rd-gl-rice"),
        redeem("rd-7", "gl", "rice", 2),
    );
    s.push(
        Some("vol"),
        "04-01T09:00",
        Some("rd-vol-rice"),
        redeem("rd-8", "vol", "rice", 1),
    );
    s.add(
        Some("w1"),
        "04-01T09:01",
        Some("rd-w1-rice"),
        redeem("rd-9", "w1", "rice", 1),
        Some("out_of_stock"),
    );
    // A reversal returns the points to their lots and the piece to stock.
    s.push(
        Some("chief"),
        "04-02T09:00",
        None,
        json!({"points": {"type": "reverse", "id": "rd-1", "reason": "卡片未领取"}}),
    );
    s.refuse(
        Some("chief"),
        "04-02T09:01",
        json!({"points": {"type": "reverse", "id": "rd-1", "reason": "重复"}}),
        "already_reversed",
    );
    s.push(
        Some("vol"),
        "04-02T10:00",
        Some("rd-vol-bus-3"),
        redeem("rd-10", "vol", "bus", 1),
    );
    s.push(
        Some("vol"),
        "04-03T10:00",
        Some("rd-vol-cinema-2"),
        redeem("rd-11", "vol", "cinema", 2),
    );
    // April: the fifth day of elder care earns under a new month's cap; sd2 serves 3 h.
    s.push(Some("chief"), "04-05T09:00", None, earn_service("s-v27"));
    s.push(
        Some("sd2"),
        "04-12T11:00",
        None,
        record("s-sd2-4", "sd2", MICRO_2, "mediation", "04-12T08:00", 180),
    );
    s.push(Some("chief"), "04-12T12:00", None, certify("s-sd2-4"));
    s.push(Some("chief"), "04-12T12:05", None, earn_service("s-sd2-4"));
    s.push(
        Some("chief"),
        "04-20T09:00",
        None,
        json!({"points": {"type": "restock", "item": "rice", "quantity": 5}}),
    );
    s.push(
        Some("sd2"),
        "04-20T10:00",
        Some("rd-sd2-cinema"),
        redeem("rd-12", "sd2", "cinema", 1),
    );
    // Lots from March (valid 60 days) expire at a run in late May.
    s.push(
        None,
        "05-30T00:00",
        None,
        json!({"points": {"type": "expire", "on": "2026-05-30"}}),
    );
    s.push(
        None,
        "05-30T00:01",
        None,
        json!({"points": {"type": "expire", "on": "2026-05-30"}}),
    );
    s.push(
        Some("sa"),
        "06-01T09:00",
        None,
        json!({"scoring": {"type": "grant_stars", "on": "2026-06-01"}}),
    );
    s.0
}

/// The requests parity week, whose handled and rated requests earn hours and points: the
/// requests scenario's March (its April steps, which change March's requests to show that
/// March's indicators stay, are left out).
fn requests_week() -> Vec<Step<Command>> {
    #[derive(Deserialize)]
    struct Week {
        steps: Vec<Step<Command>>,
    }
    let text = include_str!("../../tests/fixtures/parity/tasks_scenario.json");
    let steps = serde_json::from_str::<Week>(text).map_or_else(
        |e| panic!("the tasks scenario does not parse: {e}"),
        |w| w.steps,
    );
    let april = chrono::DateTime::parse_from_rfc3339("2026-04-01T00:00:00+08:00")
        .unwrap_or_else(|e| panic!("{e}"));
    steps
        .into_iter()
        .filter(|s| chrono::DateTime::parse_from_rfc3339(&s.at).is_ok_and(|t| t < april))
        .collect()
}

/// The fixture's scenario, generated.
pub fn scenario() -> Scenario {
    let mut steps = requests_week();
    steps.extend(points_steps());
    let rating: Rating = match serde_json::from_str(RATING) {
        Ok(r) => r,
        Err(e) => panic!("the parity rating does not parse: {e}"),
    };
    Scenario {
        description: "Parity scenario for scoring and points: the requests parity week of a small community, then service records of handled requests (certified by their verification) and of elder care, patrols and mediation (certified by staff, one refused), points by 昆山's 10 an hour with kinds, ratings and a monthly cap of 300, an award, 张家港's star profile, a catalog with stock, per-person limits, a validity window and a one-star benefit, redemptions with keys, a reversal, an expiry run of 60-day lots, sent-down party members' obligations, handler scores, and four communities rated on a small indicator tree with a veto; every face runs it through its own typed API and must reach the same numbers.".to_owned(),
        config: Some(config()),
        steps,
        queries: Queries {
            people: ["vol", "w1", "gl", "r1", "sd1", "sd2"].map(str::to_owned).to_vec(),
            unit: COMMUNITY.parse().unwrap_or_else(|e| panic!("{e}")),
            from_month: "2026-03".to_owned(),
            to_month: "2026-04".to_owned(),
            period_from: "2026-03-01T00:00:00+08:00".to_owned(),
            period_to: "2026-04-01T00:00:00+08:00".to_owned(),
            grant_preview_on: "2026-06-30".to_owned(),
        },
        rating,
    }
}

/// Runs the scenario; returns what the faces must agree on.
pub fn run(scenario: &Scenario) -> Result<Value, String> {
    run_then(scenario, Ok)
}

/// Runs the scenario, passes the ward through `rebuild` (a snapshot restored, say), and
/// asks the scenario's questions of the ward it returns.
pub fn run_then(
    scenario: &Scenario,
    rebuild: impl FnOnce(Ward) -> Result<Ward, String>,
) -> Result<Value, String> {
    let mut ward = Ward::new(scenario.config.clone().unwrap_or_default());
    let ran = run_steps(&mut ward, &scenario.steps)?;
    let ward = rebuild(ward)?;
    observe(&ward, scenario, ran.errors, ran.duplicates).map_err(|e| e.to_string())
}

fn observe(
    ward: &Ward,
    scenario: &Scenario,
    errors: Vec<String>,
    duplicates: usize,
) -> Result<Value, gridward::Error> {
    let q = &scenario.queries;
    let (grid, points) = (ward.grid(), ward.points());
    let passbooks: Vec<Value> = q
        .people
        .iter()
        .map(|p| {
            let book = points.passbook(grid, p);
            json!({
                "person": p,
                "earned": book.map_or(0, |b| b.earned()),
                "spent": book.map_or(0, |b| b.spent()),
                "expired": book.map_or(0, |b| b.expired()),
                "balance": book.map_or(0, |b| b.balance()),
                "lots": book.map(|b| b.lots().to_vec()).unwrap_or_default(),
                "history": points.history(grid, p),
            })
        })
        .collect();
    let at = |t: &str| {
        chrono::DateTime::parse_from_rfc3339(t)
            .map_err(|e| gridward::scoring::ScoringError::BadMonths(format!("{t}: {e}")))
    };
    let period = Period {
        from: at(&q.period_from)?,
        to: at(&q.period_to)?,
    };
    let on = q
        .grant_preview_on
        .parse()
        .map_err(|_| gridward::scoring::ScoringError::BadMonths(q.grant_preview_on.clone()))?;
    let profile = &ward.config().scoring.stars;
    let evaluation = evaluate(&scenario.rating.tree, &scenario.rating.data)?;
    Ok(json!({
        "head": ward.head(),
        "digest": ward.state_digest(),
        "journal_entries": ward.journal().len(),
        "errors": errors,
        "duplicates": duplicates,
        "records": ward.scoring().records(),
        "volunteers": ward.scoring().volunteers(grid),
        "passbooks": passbooks,
        "items": points.items(),
        "redemptions": points.redemptions(),
        "totals": points.totals(),
        "obligations": ward.obligations(q.unit, &q.from_month, &q.to_month)?,
        "handler_scores": ward.handler_scores(q.unit, &period)?,
        "grant_preview": ward.scoring().grant_preview(grid, profile, on)?,
        "evaluation": evaluation,
    }))
}

/// Four communities on a small tree: two items of weight 60 and 40, target, min–max and
/// flag indicators, and a veto that fires for one of them.
const RATING: &str = r#"{
  "tree": {
    "name": "四型社区(示例)",
    "items": [
      {"id": "convenient", "name": "便利型", "weight": "60", "children": [
        {"id": "closure_rate", "name": "结案率", "weight": "50",
         "normalise": {"method": "target", "target": "100", "better": "higher"}},
        {"id": "satisfaction_rate", "name": "满意率", "weight": "30",
         "normalise": {"method": "target", "target": "95", "better": "higher"}},
        {"id": "overdue_per_1000", "name": "千户超期件", "weight": "20",
         "normalise": {"method": "min_max", "better": "lower"}}
      ]},
      {"id": "happy", "name": "幸福型", "weight": "40", "children": [
        {"id": "volunteer_hours_per_household", "name": "户均志愿服务时长", "weight": "60",
         "normalise": {"method": "min_max", "better": "higher"}},
        {"id": "points_passbook", "name": "积分存折已推行", "weight": "40",
         "normalise": {"method": "flag"}}
      ]}
    ],
    "vetoes": [{"id": "major_safety_accident", "name": "发生重大安全责任事故"}]
  },
  "data": [
    {"community": "吉福社区", "values": {"closure_rate": "99.86", "satisfaction_rate": "94.40",
      "overdue_per_1000": "0.5", "volunteer_hours_per_household": "1.25", "points_passbook": "1"}},
    {"community": "晋阳社区", "values": {"closure_rate": "97.20", "satisfaction_rate": "96.10",
      "overdue_per_1000": "2.0", "volunteer_hours_per_household": "0.80", "points_passbook": "1"}},
    {"community": "金履社区", "values": {"closure_rate": "92.00", "satisfaction_rate": "88.50",
      "overdue_per_1000": "4.5", "volunteer_hours_per_household": "0.30", "points_passbook": "0"}},
    {"community": "蜀锦社区", "values": {"closure_rate": "99.00", "satisfaction_rate": "97.00",
      "overdue_per_1000": "1.0", "volunteer_hours_per_household": "1.10", "points_passbook": "1"},
     "vetoes": ["major_safety_accident"]}
  ]
}"#;

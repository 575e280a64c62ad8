//! The tasks queries on a small ward whose figures are known, asked both as typed
//! questions and by name through the description, as the faces ask them.

use chrono::{DateTime, FixedOffset};
use rust_decimal::Decimal;
use serde_json::{json, Value};

use super::*;
use crate::access::Context;
use crate::access::{Actor, Role};
use crate::grid::{Domain, DomainSet, GridCommand};
use crate::surface::Catalog;
use crate::tasks::{Handler, RouteView, TaskCommand};
use crate::ward::WardConfig;

const STREET: &str = "510105001";
const COMMUNITY: &str = "510105001001";
const GRID: &str = "510105001001001";
const MICRO1: &str = "510105001001001001";
const MICRO2: &str = "510105001001001002";
const HOME1: &str = "1-1-101";
const HOME2: &str = "2-3-502";
/// Monday 2 March 2026, 09:00 in Chengdu: a working day.
const MONDAY: &str = "2026-03-02T09:00:00+08:00";
/// The week of that Monday, as a period: from Sunday 1 March to Sunday 8 March.
const WEEK: (&str, &str) = ("2026-03-01T00:00:00+08:00", "2026-03-08T00:00:00+08:00");

fn at(text: &str) -> DateTime<FixedOffset> {
    DateTime::parse_from_rfc3339(text).expect("a test time")
}

fn code(text: &str) -> NodeCode {
    NodeCode::parse(text).expect("a test code")
}

fn system(when: &str) -> Context {
    Context::new(Actor::System, at(when))
}

fn person(id: &str, when: &str) -> Context {
    Context::new(Actor::person(id), at(when))
}

fn run(w: &mut Ward, ctx: &Context, command: impl Into<crate::ward::Command>) {
    w.execute(ctx, command).expect("a fixture command");
}

/// 青羊区 › 草市街街道 › 吉福社区 › 一号院落网格 › two micro-grids with a household
/// each; a micro-grid worker in each, the chief grid leader and a volunteer at the
/// community, a resident of the first household, and the street's 城管 squad.
fn grid_only() -> Ward {
    let mut w = Ward::new(WardConfig::default());
    let sys = system(MONDAY);
    let units = [
        ("510105", "青羊区"),
        (STREET, "草市街街道"),
        (COMMUNITY, "吉福社区"),
        (GRID, "一号院落网格"),
        (MICRO1, "1栋微网格"),
        (MICRO2, "2栋微网格"),
    ];
    for (c, name) in units {
        let name = name.to_owned();
        let add = GridCommand::AddUnit {
            code: code(c),
            name,
            domains: None,
        };
        run(&mut w, &sys, add);
    }
    let mut domains = DomainSet::merged();
    domains.insert(Domain::UrbanManagement);
    for unit in [COMMUNITY, GRID, MICRO1, MICRO2] {
        let set = GridCommand::SetDomains {
            code: code(unit),
            domains,
        };
        run(&mut w, &sys, set);
    }
    for (id, unit) in [(HOME1, MICRO1), (HOME2, MICRO2)] {
        let add = GridCommand::AddHousehold {
            id: id.into(),
            unit: code(unit),
            area: Decimal::new(7200, 2),
        };
        run(&mut w, &sys, add);
    }
    let people = [
        ("w1", "王建国", Some((Role::MicroGridWorker, MICRO1))),
        ("w2", "张伟", Some((Role::MicroGridWorker, MICRO2))),
        ("chief", "刘敏", Some((Role::ChiefGridLeader, COMMUNITY))),
        ("v1", "陈静", Some((Role::Volunteer, COMMUNITY))),
        ("res-li", "李秀英", None),
        ("o1", "赵强", None),
    ];
    for (id, name, role) in people {
        let add = GridCommand::AddPerson {
            id: id.into(),
            name: name.into(),
            phone: None,
            party_member: false,
        };
        run(&mut w, &sys, add);
        if let Some((role, unit)) = role {
            let grant = GridCommand::GrantRole {
                person: id.into(),
                role,
                unit: code(unit),
            };
            run(&mut w, &sys, grant);
        }
    }
    let register = GridCommand::RegisterResident {
        person: "res-li".into(),
        household: HOME1.into(),
    };
    run(&mut w, &sys, register);
    let department = GridCommand::AddDepartment {
        id: "cg".into(),
        name: "城管执法中队".into(),
        street: code(STREET),
        domains: DomainSet::of(&[Domain::UrbanManagement]),
    };
    run(&mut w, &sys, department);
    let officer = TaskCommand::AppointOfficer {
        department: "cg".into(),
        person: "o1".into(),
    };
    run(&mut w, &sys, officer);
    w
}

fn file(w: &mut Ward, who: &str, when: &str, id: &str, category: &str, location: Location) {
    let command = TaskCommand::File {
        id: id.into(),
        category: category.into(),
        location,
        description: "楼道堆放杂物".into(),
        photos: Vec::new(),
    };
    let ctx = person(who, when).with_key(format!("file-{id}"));
    run(w, &ctx, command);
}

fn home(id: &str) -> Location {
    Location::Household(id.into())
}

/// The grid with four requests: in the first micro-grid r-1 closed on time and r-2 with
/// its worker past its 5 working hours; in the second, r-3 (neighbour help) and r-4
/// (elder care, which needs the `elder_care` skill) in the community's claim pool.
fn ward() -> Ward {
    let mut w = grid_only();
    file(
        &mut w,
        "res-li",
        MONDAY,
        "r-1",
        "exposed_rubbish",
        home(HOME1),
    );
    let r1 = || "r-1".to_owned();
    let start = TaskCommand::Start { request: r1() };
    run(&mut w, &person("w1", "2026-03-02T10:00:00+08:00"), start);
    let handle = TaskCommand::Handle {
        request: r1(),
        report: "清运完毕".into(),
        photos: Vec::new(),
    };
    run(&mut w, &person("w1", "2026-03-02T11:00:00+08:00"), handle);
    let verify = TaskCommand::Verify {
        request: r1(),
        passed: true,
        note: String::new(),
    };
    run(
        &mut w,
        &person("chief", "2026-03-02T14:00:00+08:00"),
        verify,
    );
    let t = "2026-03-02T09:05:00+08:00";
    file(&mut w, "res-li", t, "r-2", "dirty_road", home(HOME1));
    let t = "2026-03-02T09:10:00+08:00";
    file(&mut w, "chief", t, "r-3", "neighbour_help", home(HOME2));
    let t = "2026-03-02T09:15:00+08:00";
    file(&mut w, "chief", t, "r-4", "elder_care", home(HOME2));
    w
}

fn ids(rows: &[RequestRow]) -> Vec<&str> {
    rows.iter().map(|r| r.id.as_str()).collect()
}

fn catalog() -> Catalog {
    Catalog::embedded().expect("the description checked in compiles")
}

/// Asks a tasks query by name with JSON arguments, as a face does.
fn ask(w: &Ward, name: &str, args: Value) -> Result<Value, Error> {
    catalog()
        .ask(w, "tasks", name, args)
        .map(|(answer, _)| answer)
}

#[test]
fn a_request_by_id_or_none() {
    let w = ward();
    let row = w.ask(Request { id: "r-1".into() }).unwrap().unwrap();
    assert_eq!(row.status, Status::Closed);
    assert_eq!(row.household.as_deref(), Some(HOME1));
    assert_eq!(row.on_time, Some(true));
    assert_eq!(w.ask(Request { id: "r-9".into() }).unwrap(), None);
    let by_name = ask(&w, "request", json!({"id": "r-2"})).unwrap();
    assert_eq!(by_name["status"], "assigned");
    assert_eq!(by_name["responsible"], json!({"person": "w1"}));
    assert_eq!(
        ask(&w, "request", json!({"id": "r-9"})).unwrap(),
        Value::Null
    );
}

#[test]
fn requests_by_scope_and_status() {
    let w = ward();
    let all = Requests {
        scope: None,
        status: None,
    };
    assert_eq!(ids(&w.ask(all).unwrap()), ["r-1", "r-2", "r-3", "r-4"]);
    let pooled = Requests {
        scope: Some(code(MICRO2)),
        status: Some(Status::Pooled),
    };
    assert_eq!(ids(&w.ask(pooled).unwrap()), ["r-3", "r-4"]);
    let closed = ask(&w, "requests", json!({"scope": MICRO1, "status": "closed"})).unwrap();
    assert_eq!(closed.as_array().map(Vec::len), Some(1));
    assert_eq!(closed[0]["id"], "r-1");
    let e = ask(&w, "requests", json!({"status": "pending"})).unwrap_err();
    assert_eq!(e.code(), "unknown_value");
}

#[test]
fn route_answers_with_an_owned_view() {
    let w = ward();
    let route = |category: &str, location: Location| {
        let category = category.to_owned();
        w.ask(Route { category, location })
    };
    assert_eq!(
        route("exposed_rubbish", home(HOME1)).unwrap(),
        RouteView::Person {
            person: "w1".into(),
            status: Status::Assigned
        }
    );
    assert_eq!(
        route("illegal_construction", home(HOME1)).unwrap(),
        RouteView::Department {
            department: "cg".into(),
            status: Status::Assigned
        }
    );
    // Nobody at the street supervises markets: the locality takes it (属地兜底).
    assert_eq!(
        route("food_safety", Location::Unit(code(GRID))).unwrap(),
        RouteView::Locality {
            unit: code(STREET),
            status: Status::Assigned
        }
    );
    let pool = ask(
        &w,
        "route",
        json!({"category": "elder_care", "location": {"household": HOME2}}),
    )
    .unwrap();
    assert_eq!(
        pool,
        json!({"kind": "pool", "unit": COMMUNITY, "status": "pooled"})
    );
    let e = route("no_such_category", home(HOME1)).unwrap_err();
    assert_eq!(e.code(), "unknown_category");
    let e = route("dirty_road", home("9-9-909")).unwrap_err();
    assert_eq!(e.code(), "unknown_household");
}

#[test]
fn claimable_work_follows_roles_and_skills() {
    let mut w = ward();
    let claimable = |w: &Ward| {
        let rows = w.ask(ClaimableBy {
            person: "v1".into(),
        });
        rows.map(|rows| ids(&rows).join(","))
    };
    // Elder care needs a skill the volunteer does not have yet.
    assert_eq!(claimable(&w).unwrap(), "r-3");
    let skills = TaskCommand::SetSkills {
        person: "v1".into(),
        skills: vec!["elder_care".into()],
    };
    run(&mut w, &system("2026-03-02T10:00:00+08:00"), skills);
    assert_eq!(claimable(&w).unwrap(), "r-3,r-4");
    // A micro-grid worker holds no party member or volunteer role.
    let worker = ask(&w, "claimable_by", json!({"person": "w1"})).unwrap();
    assert_eq!(worker, json!([]));
    let e = ask(&w, "claimable_by", json!({"person": "nobody"})).unwrap_err();
    assert_eq!(e.code(), "unknown_person");
}

#[test]
fn indicators_of_a_scope_over_a_period() {
    let w = ward();
    let (start, end) = (at(WEEK.0), at(WEEK.1));
    let first = w
        .ask(Indicators {
            scope: Some(code(MICRO1)),
            start,
            end,
        })
        .unwrap();
    assert_eq!(first.unit, Some(code(MICRO1)));
    assert_eq!((first.filed, first.due, first.closed), (2, 2, 1));
    assert_eq!((first.closed_on_time, first.open, first.overdue), (1, 1, 1));
    assert_eq!(first.closure_rate, Some(Decimal::new(5000, 2)));
    assert_eq!(first.on_time_rate, Some(Decimal::new(5000, 2)));
    assert_eq!(first.satisfaction_rate, None);
    let whole = ask(&w, "indicators", json!({"start": WEEK.0, "end": WEEK.1})).unwrap();
    assert_eq!(whole["unit"], Value::Null);
    assert_eq!(whole["filed"], 4);
    // r-4 is past its 2 working days, r-3 not yet past its 5: one closed of three due.
    assert_eq!(whole["due"], 3);
    assert_eq!(whole["closure_rate"], "33.33");
    // The week before holds nothing to divide by.
    let before = ask(
        &w,
        "indicators",
        json!({"scope": COMMUNITY, "start": "2026-02-22T00:00:00+08:00", "end": WEEK.0}),
    )
    .unwrap();
    assert_eq!(before["filed"], 0);
    assert_eq!(before["closure_rate"], Value::Null);
}

#[test]
fn indicators_refuse_a_backward_period_and_an_unknown_unit() {
    let w = ward();
    let backward = Indicators {
        scope: None,
        start: at(WEEK.1),
        end: at(WEEK.0),
    };
    let e = w.ask(backward).unwrap_err();
    assert_eq!(e.code(), "invalid_value");
    assert!(e.to_string().starts_with("end: the period ends"), "{e}");
    let e = ask(
        &w,
        "indicators_by",
        json!({"level": "grid", "start": WEEK.1, "end": WEEK.0}),
    )
    .unwrap_err();
    assert_eq!(e.code(), "invalid_value");
    let nowhere = Indicators {
        scope: Some(code("510105001009")),
        start: at(WEEK.0),
        end: at(WEEK.1),
    };
    assert_eq!(w.ask(nowhere).unwrap_err().code(), "unknown_unit");
    let naive = json!({"start": "2026-03-01T00:00:00", "end": WEEK.1});
    assert_eq!(
        ask(&w, "indicators", naive).unwrap_err().code(),
        "naive_datetime"
    );
}

#[test]
fn indicators_of_every_unit_of_a_level() {
    let w = ward();
    let rows = w
        .ask(IndicatorsBy {
            level: Level::MicroGrid,
            start: at(WEEK.0),
            end: at(WEEK.1),
        })
        .unwrap();
    let units: Vec<Option<NodeCode>> = rows.iter().map(|r| r.unit).collect();
    assert_eq!(units, [Some(code(MICRO1)), Some(code(MICRO2))]);
    assert_eq!((rows[0].filed, rows[0].closed), (2, 1));
    assert_eq!(rows[1].filed, 2);
    let by_name = ask(
        &w,
        "indicators_by",
        json!({"level": "community", "start": WEEK.0, "end": WEEK.1}),
    )
    .unwrap();
    assert_eq!(by_name.as_array().map(Vec::len), Some(1));
    assert_eq!(by_name[0]["unit"], COMMUNITY);
    assert_eq!(by_name[0]["filed"], 4);
}

#[test]
fn categories_with_limits_as_short_text() {
    let w = ward();
    let list = w.ask(Categories {}).unwrap();
    assert_eq!(list.len(), w.config().tasks.categories.len());
    let first = &list[0];
    assert_eq!(first.code, "exposed_rubbish");
    assert_eq!(first.handler, Handler::GridStaff);
    let limits = (
        first.response_limit.as_str(),
        first.resolution_limit.as_str(),
        first.extension.as_str(),
    );
    assert_eq!(limits, ("2wh", "1wd", "1wd"));
    let by_name = ask(&w, "categories", json!({})).unwrap();
    let road = &by_name[2];
    assert_eq!(road["code"], "dirty_road");
    assert_eq!(road["resolution_limit"], "5wh");
    let wish = by_name
        .as_array()
        .and_then(|all| all.iter().find(|c| c["code"] == "micro_wish"));
    assert_eq!(wish.map(|c| c["micro_wish"].clone()), Some(json!(true)));
}

#[test]
fn open311_services_structured_and_as_text() {
    let w = ward();
    let services = w.ask(Open311Services {}).unwrap();
    let codes: Vec<&str> = services.iter().map(|s| s.service_code.as_str()).collect();
    let categories = &w.config().tasks.categories;
    assert_eq!(
        codes,
        categories
            .iter()
            .map(|c| c.code.as_str())
            .collect::<Vec<_>>()
    );
    let text = w.ask(Open311ServicesJson {}).unwrap();
    let parsed: Value = serde_json::from_str(&text).unwrap();
    assert_eq!(parsed, serde_json::to_value(&services).unwrap());
    let by_name = ask(&w, "open311_services_json", json!({})).unwrap();
    assert_eq!(by_name, Value::String(text));
}

#[test]
fn open311_requests_structured_and_as_text() {
    let w = ward();
    let closed = w
        .ask(Open311Requests {
            scope: Some(code(MICRO1)),
            status: Some(OpenOrClosed::Closed),
        })
        .unwrap();
    let found: Vec<&str> = closed
        .iter()
        .map(|r| r.service_request_id.as_str())
        .collect();
    assert_eq!(found, ["r-1"]);
    assert_eq!(closed[0].agency_responsible.as_deref(), Some("王**"));
    let open = ask(&w, "open311_requests", json!({"status": "open"})).unwrap();
    assert_eq!(open.as_array().map(Vec::len), Some(3));
    let text = w
        .ask(Open311RequestsJson {
            scope: None,
            status: None,
        })
        .unwrap();
    let parsed: Value = serde_json::from_str(&text).unwrap();
    let all = ask(&w, "open311_requests", json!({})).unwrap();
    assert_eq!(parsed, all);
    assert!(!text.contains("李秀英") && !text.contains("res-li"));
    let e = ask(&w, "open311_requests", json!({"status": "pending"})).unwrap_err();
    assert_eq!(e.code(), "unknown_value");
}

#[test]
fn an_open311_feed_imports_as_a_tasks_command() {
    let source = ward();
    let feed = source.open311_requests_json(None, None);
    let mut target = grid_only();
    let catalog = catalog();
    let command = catalog
        .command("tasks", "import_open311", json!({ "feed": feed }))
        .unwrap();
    assert_eq!(
        command,
        crate::ward::Command::Tasks(TaskCommand::ImportOpen311 { feed: feed.clone() })
    );
    let ctx = system("2026-03-05T09:00:00+08:00");
    let events = target.decide(&ctx, command.clone()).unwrap();
    assert_eq!(events.len(), 4);
    let receipt = target.execute(&ctx, command).unwrap();
    assert_eq!(receipt.events, 4);
    let imported = target.ask(Request { id: "r-1".into() }).unwrap().unwrap();
    assert!(imported.imported);
    assert_eq!(imported.status, Status::Closed);
    // Again: the ids exist now, and nothing changes.
    let head = target.head();
    let again = TaskCommand::ImportOpen311 { feed };
    let e = target.execute(&ctx, again).unwrap_err();
    assert_eq!(e.code(), "request_exists");
    assert_eq!(target.head(), head);
}

#[test]
fn an_open311_feed_names_the_faulty_element() {
    let mut w = grid_only();
    let ctx = system("2026-03-05T09:00:00+08:00");
    let nowhere = json!([{
        "service_request_id": "x-1",
        "status": "open",
        "service_code": "dirty_road",
        "requested_datetime": MONDAY,
        "address_id": "9-9-909",
    }]);
    let command = TaskCommand::ImportOpen311 {
        feed: nowhere.to_string(),
    };
    let e = w.execute(&ctx, command).unwrap_err();
    assert_eq!(e.code(), "open311_unknown_address");
    let command = TaskCommand::ImportOpen311 {
        feed: "{not json".into(),
    };
    assert_eq!(
        w.decide(&ctx, command).unwrap_err().code(),
        "open311_not_json"
    );
    // Filed by a resident, the import is refused as any import would be.
    let unit = json!([{
        "service_request_id": "x-1",
        "status": "open",
        "service_code": "dirty_road",
        "requested_datetime": MONDAY,
        "address_id": MICRO1,
    }]);
    let command = TaskCommand::ImportOpen311 {
        feed: unit.to_string(),
    };
    let resident = person("res-li", "2026-03-05T09:00:00+08:00");
    let e = w.execute(&resident, command.clone()).unwrap_err();
    assert_eq!(e.code(), "permission_denied");
    assert_eq!(w.execute(&ctx, command).unwrap().events, 1);
    let row = w.ask(Request { id: "x-1".into() }).unwrap().unwrap();
    assert_eq!((row.unit, row.household), (code(MICRO1), None));
}

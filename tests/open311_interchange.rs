//! Open311 GeoReport v2 interchange: a ward's requests and services written for another
//! city's system, and such a system's requests read back in, all or nothing.

mod common;

use common::{as_person, as_system, code};
use gridward::grid::{Domain, DomainSet, GridCommand};
use gridward::tasks::{
    Location, Open311Error, Open311Request, OpenOrClosed, Status, TaskCommand, TaskError,
};
use gridward::{Error, Role, Ward, WardConfig};
use rust_decimal::Decimal;
use serde_json::Value;

const DISTRICT: &str = "510105";
const STREET: &str = "510105001";
const COMMUNITY: &str = "510105001001";
const GRID: &str = "510105001001001";
const MICRO1: &str = "510105001001001001";
const MICRO2: &str = "510105001001001002";
const HOME1: &str = "1-1-101";
const HOME2: &str = "2-3-502";
/// Monday 2 March 2026, 09:00 in Chengdu: a working day.
const MONDAY: &str = "2026-03-02T09:00:00+08:00";

/// The grid alone: 青羊区 › 草市街街道 › 吉福社区 › 一号院落网格 › two micro-grids, a
/// household in each, staff with real names, a resident, and the street's 城管 squad.
fn grid_only() -> Ward {
    let mut w = Ward::new(WardConfig::default());
    let sys = as_system(MONDAY);
    for (c, name) in [
        (DISTRICT, "青羊区"),
        (STREET, "草市街街道"),
        (COMMUNITY, "吉福社区"),
        (GRID, "一号院落网格"),
        (MICRO1, "1栋微网格"),
        (MICRO2, "2栋微网格"),
    ] {
        let cmd = GridCommand::AddUnit {
            code: code(c),
            name: name.into(),
            domains: None,
        };
        w.execute(&sys, cmd).unwrap();
    }
    let mut domains = DomainSet::merged();
    domains.insert(Domain::UrbanManagement);
    for unit in [COMMUNITY, GRID, MICRO1, MICRO2] {
        let cmd = GridCommand::SetDomains {
            code: code(unit),
            domains,
        };
        w.execute(&sys, cmd).unwrap();
    }
    for (id, unit) in [(HOME1, MICRO1), (HOME2, MICRO2)] {
        let cmd = GridCommand::AddHousehold {
            id: id.into(),
            unit: code(unit),
            area: Decimal::new(7200, 2),
        };
        w.execute(&sys, cmd).unwrap();
    }
    let people = [
        ("w1", "王建国", Some((Role::MicroGridWorker, MICRO1))),
        ("w2", "张伟", Some((Role::MicroGridWorker, MICRO2))),
        ("chief", "刘敏", Some((Role::ChiefGridLeader, COMMUNITY))),
        ("res-li", "李秀英", None),
        ("o1", "赵强", None),
    ];
    for (id, name, role) in people {
        let cmd = GridCommand::AddPerson {
            id: id.into(),
            name: name.into(),
            phone: Some("13812345678".into()),
            party_member: false,
        };
        w.execute(&sys, cmd).unwrap();
        if let Some((role, unit)) = role {
            let cmd = GridCommand::GrantRole {
                person: id.into(),
                role,
                unit: code(unit),
            };
            w.execute(&sys, cmd).unwrap();
        }
    }
    let cmd = GridCommand::RegisterResident {
        person: "res-li".into(),
        household: HOME1.into(),
    };
    w.execute(&sys, cmd).unwrap();
    let cmd = GridCommand::AddDepartment {
        id: "cg".into(),
        name: "城管执法中队".into(),
        street: code(STREET),
        domains: DomainSet::of(&[Domain::UrbanManagement]),
    };
    w.execute(&sys, cmd).unwrap();
    let cmd = TaskCommand::AppointOfficer {
        department: "cg".into(),
        person: "o1".into(),
    };
    w.execute(&sys, cmd).unwrap();
    w
}

fn file(w: &mut Ward, who: &str, at: &str, id: &str, category: &str, location: Location) {
    let cmd = TaskCommand::File {
        id: id.into(),
        category: category.into(),
        location,
        description: "楼道堆放杂物".into(),
        photos: vec![format!("https://img.example.cn/{id}.jpg")],
    };
    w.execute(&as_person(who, at).with_key(format!("file-{id}")), cmd)
        .unwrap();
}

fn act(w: &mut Ward, who: &str, at: &str, cmd: TaskCommand) {
    w.execute(&as_person(who, at), cmd).unwrap();
}

fn home(id: &str) -> Location {
    Location::Household(id.into())
}

/// The grid with six requests: r-1 closed after verification, r-2 assigned, r-3
/// cancelled, r-4 a duplicate of r-2, r-5 returned, r-6 with the 城管 squad.
fn ward_a() -> Ward {
    let mut w = grid_only();
    file(
        &mut w,
        "res-li",
        MONDAY,
        "r-1",
        "exposed_rubbish",
        home(HOME1),
    );
    act(
        &mut w,
        "w1",
        "2026-03-02T10:00:00+08:00",
        TaskCommand::Start {
            request: "r-1".into(),
        },
    );
    let handle = TaskCommand::Handle {
        request: "r-1".into(),
        report: "清运完毕".into(),
        photos: vec![],
    };
    act(&mut w, "w1", "2026-03-02T11:00:00+08:00", handle);
    let verify = TaskCommand::Verify {
        request: "r-1".into(),
        passed: true,
        note: String::new(),
    };
    act(&mut w, "chief", "2026-03-02T14:00:00+08:00", verify);
    file(
        &mut w,
        "res-li",
        "2026-03-02T09:05:00+08:00",
        "r-2",
        "dirty_road",
        home(HOME1),
    );
    file(
        &mut w,
        "w2",
        "2026-03-02T09:10:00+08:00",
        "r-3",
        "exposed_rubbish",
        Location::Unit(code(MICRO2)),
    );
    let cancel = TaskCommand::Cancel {
        request: "r-3".into(),
        reason: "居民已自行处理".into(),
    };
    act(&mut w, "chief", "2026-03-02T15:00:00+08:00", cancel);
    file(
        &mut w,
        "res-li",
        "2026-03-02T09:15:00+08:00",
        "r-4",
        "dirty_road",
        home(HOME1),
    );
    let dup = TaskCommand::MarkDuplicate {
        request: "r-4".into(),
        of: "r-2".into(),
    };
    act(&mut w, "chief", "2026-03-02T15:30:00+08:00", dup);
    file(
        &mut w,
        "w2",
        "2026-03-02T09:20:00+08:00",
        "r-5",
        "fire_hazard",
        home(HOME2),
    );
    let ret = TaskCommand::Return {
        request: "r-5".into(),
        reason: "不属于本网格".into(),
    };
    act(&mut w, "w2", "2026-03-02T16:00:00+08:00", ret);
    file(
        &mut w,
        "res-li",
        "2026-03-02T09:25:00+08:00",
        "r-6",
        "illegal_construction",
        home(HOME1),
    );
    w
}

fn by_id<'a>(list: &'a [Open311Request], id: &str) -> &'a Open311Request {
    list.iter().find(|r| r.service_request_id == id).unwrap()
}

fn open311_code(e: &Error) -> Option<&Open311Error> {
    match e {
        Error::Tasks(TaskError::Open311(o)) => Some(o),
        _ => None,
    }
}

#[test]
fn export_maps_each_state_to_open_or_closed_with_notes() {
    let w = ward_a();
    let all = w.open311_requests(None, None);
    let ids: Vec<&str> = all.iter().map(|r| r.service_request_id.as_str()).collect();
    assert_eq!(ids, ["r-1", "r-2", "r-3", "r-4", "r-5", "r-6"]);
    let status = |id: &str| w.request(id).unwrap().status;
    assert_eq!(status("r-1"), Status::Closed);
    assert_eq!(status("r-5"), Status::Filed);

    let r1 = by_id(&all, "r-1");
    assert_eq!(r1.status, OpenOrClosed::Closed);
    assert_eq!(
        r1.status_notes.as_deref(),
        Some("verified on site and closed")
    );
    assert_eq!(r1.agency_responsible.as_deref(), Some("王**"));
    assert_eq!(r1.service_code, "exposed_rubbish");
    assert_eq!(r1.service_name.as_deref(), Some("暴露垃圾"));
    assert_eq!(r1.description.as_deref(), Some("楼道堆放杂物"));
    assert_eq!(r1.address_id.as_deref(), Some(HOME1));
    assert_eq!(
        r1.address.as_deref(),
        Some("青羊区 草市街街道 吉福社区 一号院落网格 1栋微网格")
    );
    assert_eq!(
        r1.media_url.as_deref(),
        Some("https://img.example.cn/r-1.jpg")
    );
    assert_eq!(r1.requested_datetime.to_rfc3339(), MONDAY);
    assert_eq!(
        r1.updated_datetime.map(|t| t.to_rfc3339()).as_deref(),
        Some("2026-03-02T14:00:00+08:00")
    );
    let row = w.request("r-1").unwrap();
    assert_eq!(r1.expected_datetime, row.resolution_due);
    assert!(r1
        .expected_datetime
        .is_some_and(|t| t > r1.requested_datetime));

    let r2 = by_id(&all, "r-2");
    assert_eq!(r2.status, OpenOrClosed::Open);
    assert_eq!(r2.status_notes.as_deref(), Some("[assigned] dispatched"));
    assert_eq!(r2.agency_responsible.as_deref(), Some("王**"));

    let r3 = by_id(&all, "r-3");
    assert_eq!(r3.status, OpenOrClosed::Closed);
    assert_eq!(
        r3.status_notes.as_deref(),
        Some("cancelled: 居民已自行处理")
    );
    assert_eq!(r3.address_id.as_deref(), Some(MICRO2));
    assert_eq!(
        r3.address.as_deref(),
        Some("青羊区 草市街街道 吉福社区 一号院落网格 2栋微网格")
    );
    assert_eq!(r3.agency_responsible.as_deref(), Some("张*"));

    let r4 = by_id(&all, "r-4");
    assert_eq!(r4.status, OpenOrClosed::Closed);
    assert_eq!(r4.status_notes.as_deref(), Some("duplicate of r-2"));
    assert_eq!(r4.agency_responsible.as_deref(), Some("王**"));

    let r5 = by_id(&all, "r-5");
    assert_eq!(r5.status, OpenOrClosed::Open);
    assert_eq!(
        r5.status_notes.as_deref(),
        Some("[filed] returned: 不属于本网格")
    );
    assert_eq!(r5.agency_responsible.as_deref(), Some("吉福社区"));
    assert_eq!(
        r5.updated_datetime.map(|t| t.to_rfc3339()).as_deref(),
        Some("2026-03-02T16:00:00+08:00")
    );

    let r6 = by_id(&all, "r-6");
    assert_eq!(r6.status, OpenOrClosed::Open);
    assert_eq!(r6.agency_responsible.as_deref(), Some("城管执法中队"));
    assert_eq!(r6.service_name.as_deref(), Some("违法建设"));
}

#[test]
fn export_filters_by_scope_and_status() {
    let w = ward_a();
    let ids = |list: Vec<Open311Request>| -> Vec<String> {
        list.into_iter().map(|r| r.service_request_id).collect()
    };
    assert_eq!(
        ids(w.open311_requests(Some(code(MICRO2)), None)),
        ["r-3", "r-5"]
    );
    assert_eq!(
        ids(w.open311_requests(None, Some(OpenOrClosed::Closed))),
        ["r-1", "r-3", "r-4"]
    );
    assert_eq!(
        ids(w.open311_requests(Some(code(MICRO1)), Some(OpenOrClosed::Open))),
        ["r-2", "r-6"]
    );
    assert_eq!(
        w.open311_requests_json(Some(code(MICRO2)), Some(OpenOrClosed::Closed))
            .matches("service_request_id")
            .count(),
        1
    );
}

#[test]
fn export_json_is_w3c_and_names_no_requester() {
    let w = ward_a();
    let json = w.open311_requests_json(None, None);
    let v: Value = serde_json::from_str(&json).unwrap();
    let first = v[0].as_object().unwrap();
    assert_eq!(first["requested_datetime"], "2026-03-02T09:00:00+08:00");
    assert_eq!(first["updated_datetime"], "2026-03-02T14:00:00+08:00");
    assert_eq!(first["status"], "closed");
    for absent in ["lat", "long", "zipcode", "service_notice"] {
        assert!(!first.contains_key(absent), "{absent} should be left out");
    }
    for private in ["李秀英", "李**", "res-li", "13812345678", "王建国", "张伟"] {
        assert!(!json.contains(private), "{private} leaked");
    }
    // r-1, r-2 and its duplicate r-4 are with the micro-grid worker 王建国.
    assert_eq!(json.matches("王**").count(), 3);
    // Every time in the output carries a zone.
    for r in v.as_array().unwrap() {
        for field in [
            "requested_datetime",
            "updated_datetime",
            "expected_datetime",
        ] {
            let t = r[field].as_str().unwrap();
            assert!(t.ends_with("+08:00"), "{field} = {t}");
        }
    }
}

#[test]
fn services_come_from_the_default_categories() {
    let w = grid_only();
    let list = w.open311_services();
    assert_eq!(list.len(), 9);
    let road = list
        .iter()
        .find(|s| s.service_code == "dirty_road")
        .unwrap();
    assert_eq!(road.service_name, "道路不洁");
    assert_eq!(road.group, "市容环境");
    assert_eq!(road.keywords, "urban_management,grid_staff");
    let food = list
        .iter()
        .find(|s| s.service_code == "food_safety")
        .unwrap();
    assert_eq!(food.keywords, "market_supervision,department");
    let v: Value = serde_json::from_str(&w.open311_services_json()).unwrap();
    assert_eq!(v.as_array().map(Vec::len), Some(9));
    assert_eq!(v[2]["service_code"], "dirty_road");
    assert_eq!(v[2]["type"], "realtime");
    assert_eq!(v[2]["metadata"], false);
    assert_eq!(v[2]["description"], "道路不洁");
}

#[test]
fn round_trip_keeps_states_ids_codes_and_times() {
    let a = ward_a();
    let exported = a.open311_requests(None, None);
    let json = a.open311_requests_json(None, None);
    let mut b = grid_only();
    let receipt = b
        .import_open311(&as_system("2026-03-05T09:00:00+08:00"), &json)
        .unwrap();
    assert_eq!(receipt.events, 6);
    assert!(receipt.seq.is_some());
    let again = b.open311_requests(None, None);
    assert_eq!(again.len(), exported.len());
    for (x, y) in exported.iter().zip(&again) {
        assert_eq!(x.service_request_id, y.service_request_id);
        assert_eq!(x.status, y.status, "{}", x.service_request_id);
        assert_eq!(x.service_code, y.service_code);
        assert_eq!(x.service_name, y.service_name);
        assert_eq!(x.requested_datetime, y.requested_datetime);
        assert_eq!(x.updated_datetime, y.updated_datetime);
        assert_eq!(x.expected_datetime, y.expected_datetime);
        assert_eq!(x.address_id, y.address_id);
        assert_eq!(x.address, y.address);
        assert_eq!(x.description, y.description);
        assert_eq!(x.media_url, y.media_url);
        if x.status == OpenOrClosed::Closed {
            assert_eq!(x.status_notes, y.status_notes);
        }
    }
    let r1 = b.request("r-1").unwrap();
    assert!(r1.imported);
    assert_eq!(r1.status, Status::Closed);
    assert_eq!(r1.household.as_deref(), Some(HOME1));
    assert_eq!(
        r1.closed_at.map(|t| t.to_rfc3339()).as_deref(),
        Some("2026-03-02T14:00:00+08:00")
    );
    assert_eq!(b.request("r-3").unwrap().unit, code(MICRO2));
    assert_eq!(b.request("r-3").unwrap().household, None);
    // Importing the same document again changes nothing: the ids exist.
    let head = b.head();
    let e = b
        .import_open311(&as_system("2026-03-05T10:00:00+08:00"), &json)
        .unwrap_err();
    assert_eq!(e.code(), "request_exists");
    assert_eq!(b.head(), head);
}

/// One valid element for the malformed-input cases.
fn element(id: &str) -> Value {
    serde_json::json!({
        "service_request_id": id,
        "status": "open",
        "service_code": "dirty_road",
        "requested_datetime": "2026-03-02T09:00:00+08:00",
        "address_id": HOME1,
    })
}

/// Two elements, the second changed by `f`.
fn doc(f: impl FnOnce(&mut serde_json::Map<String, Value>)) -> String {
    let mut second = element("x-2");
    f(second.as_object_mut().unwrap());
    Value::Array(vec![element("x-1"), second]).to_string()
}

#[test]
fn malformed_input_is_refused_and_changes_nothing() {
    let mut w = ward_a();
    let head = w.head();
    let count = w.tasks().requests().len();
    let ctx = as_system("2026-03-05T09:00:00+08:00");
    let cases: Vec<(String, &str, Option<usize>, Option<&str>)> = vec![
        (
            "[{\"service_request_id\": \"x\",".into(),
            "open311_not_json",
            None,
            None,
        ),
        (
            "{\"service_requests\": []}".into(),
            "open311_not_array",
            None,
            None,
        ),
        (
            doc(|m| {
                m.remove("service_code");
            }),
            "open311_missing_field",
            Some(1),
            Some("service_code"),
        ),
        (
            doc(|m| {
                m.remove("requested_datetime");
            }),
            "open311_missing_field",
            Some(1),
            Some("requested_datetime"),
        ),
        (
            doc(|m| {
                m.insert("status".into(), "in_progress".into());
            }),
            "open311_bad_status",
            Some(1),
            Some("status"),
        ),
        (
            doc(|m| {
                m.insert("requested_datetime".into(), "2026-03-02T09:00:00".into());
            }),
            "open311_bad_datetime",
            Some(1),
            Some("requested_datetime"),
        ),
        (
            doc(|m| {
                m.insert("updated_datetime".into(), "next Tuesday".into());
            }),
            "open311_bad_datetime",
            Some(1),
            Some("updated_datetime"),
        ),
        (
            doc(|m| {
                m.insert("description".into(), Value::from(42));
            }),
            "open311_wrong_type",
            Some(1),
            Some("description"),
        ),
        (
            doc(|m| {
                m.insert("service_request_id".into(), "".into());
            }),
            "open311_empty_field",
            Some(1),
            Some("service_request_id"),
        ),
        (
            doc(|m| {
                m.insert("address_id".into(), "9-9-909".into());
            }),
            "open311_unknown_address",
            Some(1),
            Some("address_id"),
        ),
        (
            doc(|m| {
                m.remove("address_id");
            }),
            "open311_missing_field",
            Some(1),
            Some("address_id"),
        ),
    ];
    for (text, want, index, field) in cases {
        let e = w.import_open311(&ctx, &text).unwrap_err();
        assert_eq!(e.code(), want, "{text}");
        assert_eq!(e.kind(), gridward::ErrorKind::Invalid);
        let o = open311_code(&e).unwrap();
        assert_eq!(o.index(), index, "{e}");
        assert_eq!(o.field(), field, "{e}");
        assert_eq!(w.head(), head);
        assert_eq!(w.tasks().requests().len(), count);
    }
    // Faults the tasks capability finds name the element as an import row.
    let unknown = doc(|m| {
        m.insert("service_code".into(), "pothole".into());
    });
    let e = w.import_open311(&ctx, &unknown).unwrap_err();
    assert_eq!(e.code(), "unknown_category");
    assert!(
        matches!(e, Error::Tasks(TaskError::ImportRow { row: 1, .. })),
        "{e}"
    );
    let closed_without_time = doc(|m| {
        m.insert("status".into(), "closed".into());
    });
    let e = w.import_open311(&ctx, &closed_without_time).unwrap_err();
    assert_eq!(e.code(), "bad_text");
    assert!(e.to_string().contains("import row 1"), "{e}");
    // A resident may not import.
    let e = w
        .import_open311(
            &as_person("res-li", "2026-03-05T09:00:00+08:00"),
            &doc(|_| {}),
        )
        .unwrap_err();
    assert_eq!(e.code(), "permission_denied");
    assert_eq!(w.head(), head);
    assert_eq!(w.tasks().requests().len(), count);
    assert!(w.request("x-1").is_none());
}

/// What another city's GeoReport v2 server sends: coordinates, English names, token and
/// extension fields Gridward does not know, UTC times.
const FOREIGN: &str = r#"[
  {
    "service_request_id": "638344",
    "status": "closed",
    "status_notes": "Duplicate request.",
    "service_name": "Sidewalk and Curb Issues",
    "service_code": "exposed_rubbish",
    "description": "Rubbish bags left by the gate for two days.",
    "agency_responsible": "Public Works",
    "service_notice": "The City will inspect within 1 business day.",
    "requested_datetime": "2026-02-27T01:00:00Z",
    "updated_datetime": "2026-02-27T07:30:00Z",
    "expected_datetime": "2026-02-28T01:00:00Z",
    "address": "8TH AVE and JUDAH ST",
    "address_id": "2-3-502",
    "zipcode": "94122",
    "lat": 37.762221815,
    "long": -122.4651145,
    "media_url": "http://city.gov.s3.amazonaws.com/requests/media/638344.jpg",
    "token": "12345",
    "extended_attributes": {"x": 1}
  },
  {
    "service_request_id": "638349",
    "status": "open",
    "service_code": "neighbour_dispute",
    "description": null,
    "requested_datetime": "2026-02-27T09:15+08:00",
    "address_id": "510105001001001001",
    "lat": "30.6702",
    "long": "104.0459",
    "media_url": ""
  }
]"#;

#[test]
fn another_citys_sample_imports() {
    let mut w = grid_only();
    let receipt = w
        .import_open311(&as_system("2026-03-02T09:00:00+08:00"), FOREIGN)
        .unwrap();
    assert_eq!(receipt.events, 2);
    let closed = w.request("638344").unwrap();
    assert!(closed.imported);
    assert_eq!(closed.status, Status::Closed);
    assert_eq!(closed.household.as_deref(), Some(HOME2));
    assert_eq!(closed.unit, code(MICRO2));
    assert_eq!(closed.note, "Duplicate request.");
    assert_eq!(closed.filed_at.to_rfc3339(), "2026-02-27T01:00:00+00:00");
    assert_eq!(
        closed.closed_at.map(|t| t.to_rfc3339()).as_deref(),
        Some("2026-02-27T07:30:00+00:00")
    );
    assert_eq!(
        closed.description,
        "Rubbish bags left by the gate for two days."
    );
    let open = w.request("638349").unwrap();
    assert_eq!(open.status, Status::Filed);
    assert_eq!(open.unit, code(MICRO1));
    assert_eq!(open.household, None);
    assert_eq!(open.description, "");
    assert_eq!(open.filed_at.to_rfc3339(), "2026-02-27T09:15:00+08:00");
    // Written back out: our names and places, their ids, states and times.
    let out = w.open311_requests(None, None);
    let x = by_id(&out, "638344");
    assert_eq!(x.status, OpenOrClosed::Closed);
    assert_eq!(x.status_notes.as_deref(), Some("Duplicate request."));
    assert_eq!(x.service_name.as_deref(), Some("暴露垃圾"));
    assert_eq!(
        x.address.as_deref(),
        Some("青羊区 草市街街道 吉福社区 一号院落网格 2栋微网格")
    );
    assert_eq!(
        x.media_url.as_deref(),
        Some("http://city.gov.s3.amazonaws.com/requests/media/638344.jpg")
    );
    assert_eq!(x.zipcode, None);
    let y = by_id(&out, "638349");
    assert_eq!(y.status, OpenOrClosed::Open);
    assert_eq!(y.status_notes.as_deref(), Some("[filed]"));
    assert_eq!(y.agency_responsible.as_deref(), Some("吉福社区"));
    assert_eq!(y.address_id.as_deref(), Some(MICRO1));
    assert_eq!(y.media_url, None);
    let json = w.open311_requests_json(None, None);
    assert!(
        json.contains("\"requested_datetime\":\"2026-02-27T01:00:00Z\""),
        "{json}"
    );
    assert!(!json.contains("\"lat\""));
}

//! The party organisation parity fixture: a community of two compounds with its party
//! committee, a branch and a group, a first secretary sent by the street, the two
//! committees with a cross-appointment and the property manager seated, 双报到 of a
//! member and two paired units with their service and a micro-wish claimed, the police
//! answering public-security requests, and a week of cadres on station — which Rust,
//! Python and JavaScript each run through their own API, reaching the same head, bodies,
//! coverage, ledgers and weekly report.

use chrono::NaiveDate;
use gridward::grid::{CoverageRules, Domain, GridCommand, NodeCode};
use gridward::party::{Office, PartyCommand, Seat};
use gridward::tasks::{Handler, Location, TaskCommand, TasksConfig};
use gridward::{Command, Role, Ward, WardConfig};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use serde_json::{json, Value};

use crate::parity::{run_steps, Step};

/// The community.
pub const COMMUNITY: &str = "510104002003";
/// The street.
pub const STREET: &str = "510104002";
/// Compound A, with two buildings.
pub const COMPOUND_A: &str = "510104002003001";
/// Compound B, with one building.
pub const COMPOUND_B: &str = "510104002003002";

/// What to ask after the steps.
#[derive(Debug, Deserialize, Serialize)]
pub struct Queries {
    /// The community.
    pub community: NodeCode,
    /// Households whose party chain to report, with the day asked.
    pub households: Vec<String>,
    /// The day whose first secretary the chains name.
    pub on: NaiveDate,
    /// The coverage rules (the chief grid leader check switched on).
    pub rules: CoverageRules,
    /// Periods of the service ledger, `[from, to)`.
    pub periods: Vec<(NaiveDate, NaiveDate)>,
    /// A day of the week of the 驻点 report.
    pub week_of: NaiveDate,
    /// The category and household of the route asked.
    pub route: (String, String),
}

/// The scenario file.
#[derive(Debug, Deserialize, Serialize)]
pub struct Scenario {
    /// What it is.
    pub description: String,
    /// The ward's configuration.
    pub config: Option<WardConfig>,
    /// The steps.
    pub steps: Vec<Step<Command>>,
    /// The questions.
    pub queries: Queries,
}

fn code(text: &str) -> NodeCode {
    match NodeCode::parse(text) {
        Ok(c) => c,
        Err(e) => panic!("the fixture's code {text} does not parse: {e}"),
    }
}

fn day(m: u32, d: u32) -> NaiveDate {
    match NaiveDate::from_ymd_opt(2026, m, d) {
        Some(x) => x,
        None => panic!("the fixture's day {m}-{d} does not exist"),
    }
}

#[derive(Default)]
struct Script(Vec<Step<Command>>);

impl Script {
    fn at(&mut self, actor: Option<&str>, m: u32, d: u32, command: impl Into<Command>) {
        self.0.push(Step {
            actor: actor.map(str::to_owned),
            at: format!("2026-{m:02}-{d:02}T09:00:00+08:00"),
            key: None,
            command: command.into(),
            expect_error: None,
        });
    }

    fn keyed(
        &mut self,
        actor: Option<&str>,
        m: u32,
        d: u32,
        key: &str,
        command: impl Into<Command>,
    ) {
        self.at(actor, m, d, command);
        if let Some(last) = self.0.last_mut() {
            last.key = Some(key.to_owned());
        }
    }

    fn refused(
        &mut self,
        actor: Option<&str>,
        m: u32,
        d: u32,
        command: impl Into<Command>,
        code: &str,
    ) {
        self.at(actor, m, d, command);
        if let Some(last) = self.0.last_mut() {
            last.expect_error = Some(code.to_owned());
        }
    }
}

/// The configuration: the default categories and a public-order category that the
/// community's police answer.
pub fn config() -> WardConfig {
    let mut tasks = TasksConfig::default();
    let mut order = tasks
        .categories
        .iter()
        .find(|c| c.code == "neighbour_dispute")
        .cloned()
        .unwrap_or_else(|| panic!("the default categories lack neighbour_dispute"));
    order.code = "public_order".into();
    order.name = "治安隐患".into();
    order.group = "平安建设".into();
    order.domain = Domain::PublicSecurity;
    order.handler = Handler::Police;
    tasks.categories.push(order);
    WardConfig::default().with_tasks(tasks)
}

fn grid(s: &mut Script) {
    for (c, name) in [
        ("510104", "锦江区"),
        (STREET, "春熙路街道"),
        (COMMUNITY, "和平社区"),
        (COMPOUND_A, "和平小区"),
        ("510104002003001001", "1栋"),
        ("510104002003001002", "2栋"),
        (COMPOUND_B, "锦华苑"),
        ("510104002003002001", "1栋"),
    ] {
        s.at(
            None,
            1,
            5,
            GridCommand::AddUnit {
                code: code(c),
                name: name.into(),
                domains: None,
            },
        );
    }
    for (id, unit) in [
        ("a1-101", "510104002003001001"),
        ("a2-101", "510104002003001002"),
        ("b1-101", "510104002003002001"),
    ] {
        s.at(
            None,
            1,
            5,
            GridCommand::AddHousehold {
                id: id.into(),
                unit: code(unit),
                area: Decimal::new(9000, 2),
            },
        );
    }
    let people: [(&str, &str, bool, Option<&str>); 12] = [
        ("sec", "李书记", true, Some("a1-101")),
        ("chief", "赵网格长", true, None),
        ("staff", "钱社工", false, None),
        ("admin", "街道管理员", false, None),
        ("police", "孙民警", true, None),
        ("aux1", "周辅警", false, None),
        ("aux2", "吴辅警", false, None),
        ("fs", "郑第一书记", true, None),
        ("m1", "王党员", true, Some("a2-101")),
        ("m2", "冯居民", false, Some("b1-101")),
        ("pm", "陈物业", false, None),
        ("dir", "褚主任", false, Some("b1-101")),
    ];
    for (id, name, party_member, home) in people {
        s.at(
            None,
            1,
            5,
            GridCommand::AddPerson {
                id: id.into(),
                name: name.into(),
                phone: None,
                party_member,
            },
        );
        if let Some(h) = home {
            s.at(
                None,
                1,
                5,
                GridCommand::RegisterResident {
                    person: id.into(),
                    household: h.into(),
                },
            );
        }
    }
    for (person, role, unit) in [
        ("admin", Role::Administrator, STREET),
        ("chief", Role::ChiefGridLeader, COMMUNITY),
        ("staff", Role::CommunityStaff, COMMUNITY),
        ("police", Role::CommunityPolice, COMMUNITY),
        ("aux1", Role::AuxiliaryPolice, COMMUNITY),
        ("aux2", Role::AuxiliaryPolice, COMMUNITY),
        ("m1", Role::ReportingPartyMember, COMMUNITY),
        ("pm", Role::PropertyManager, COMPOUND_A),
    ] {
        s.at(
            None,
            1,
            5,
            GridCommand::GrantRole {
                person: person.into(),
                role,
                unit: code(unit),
            },
        );
    }
    for (id, name) in [("u-tax", "区税务局"), ("u-hosp", "区人民医院")] {
        s.at(
            None,
            1,
            5,
            GridCommand::AddPairedUnit {
                id: id.into(),
                name: name.into(),
                community: code(COMMUNITY),
            },
        );
    }
}

fn bodies(s: &mut Script) {
    let staff = Some("staff");
    for (unit, name) in [
        (COMMUNITY, "和平社区党委"),
        (COMPOUND_A, "和平小区党支部"),
        ("510104002003001001", "和平小区1栋党小组"),
    ] {
        s.at(
            staff,
            2,
            2,
            PartyCommand::SetUpBody {
                unit: code(unit),
                name: name.into(),
                on: day(2, 2),
            },
        );
    }
    s.refused(
        staff,
        2,
        2,
        PartyCommand::SetUpBody {
            unit: code(COMMUNITY),
            name: "重复".into(),
            on: day(2, 2),
        },
        "party_body_exists",
    );
    s.refused(
        Some("admin"),
        2,
        2,
        PartyCommand::SetUpBody {
            unit: code(STREET),
            name: "街道党工委".into(),
            on: day(2, 2),
        },
        "no_party_body_at_level",
    );
    for (unit, person, office) in [
        (COMMUNITY, "chief", Office::Secretary),
        (COMMUNITY, "police", Office::DeputySecretary),
        (COMMUNITY, "m1", Office::Member),
        // A new secretary: the chief grid leader stays on as a member.
        (COMMUNITY, "sec", Office::Secretary),
        (COMPOUND_A, "m1", Office::Secretary),
        ("510104002003001001", "sec", Office::Member),
    ] {
        s.at(
            staff,
            2,
            3,
            PartyCommand::Appoint {
                unit: code(unit),
                person: person.into(),
                office,
            },
        );
    }
    s.refused(
        staff,
        2,
        3,
        PartyCommand::Appoint {
            unit: code(COMMUNITY),
            person: "m2".into(),
            office: Office::Member,
        },
        "not_a_party_member",
    );
    s.refused(
        staff,
        2,
        3,
        PartyCommand::Appoint {
            unit: code(COMMUNITY),
            person: "sec".into(),
            office: Office::Secretary,
        },
        "office_held_already",
    );
    s.refused(
        staff,
        2,
        3,
        PartyCommand::Appoint {
            unit: code(COMPOUND_B),
            person: "sec".into(),
            office: Office::Member,
        },
        "no_party_body",
    );
    s.refused(
        Some("m1"),
        2,
        3,
        PartyCommand::Release {
            unit: code(COMMUNITY),
            person: "chief".into(),
        },
        "permission_denied",
    );
}

fn offices(s: &mut Script) {
    let send = |from: NaiveDate, to: NaiveDate, person: &str| PartyCommand::SendFirstSecretary {
        person: person.into(),
        community: code(COMMUNITY),
        sent_by: "区委组织部".into(),
        from,
        to,
    };
    s.refused(
        Some("staff"),
        2,
        20,
        send(day(3, 1), day(12, 31), "fs"),
        "permission_denied",
    );
    s.at(Some("admin"), 2, 20, send(day(3, 1), day(12, 31), "fs"));
    s.refused(
        Some("admin"),
        2,
        20,
        send(
            day(12, 1),
            NaiveDate::from_ymd_opt(2027, 5, 31).unwrap_or(day(12, 31)),
            "sec",
        ),
        "first_secretary_overlaps",
    );
    s.refused(
        Some("admin"),
        2,
        20,
        send(day(3, 1), day(2, 1), "sec"),
        "bad_period",
    );
    let staff = Some("staff");
    for (person, seat) in [
        ("dir", Seat::Director),
        ("sec", Seat::DeputyDirector),
        ("pm", Seat::Member),
        ("m2", Seat::Member),
    ] {
        s.at(
            staff,
            2,
            21,
            PartyCommand::Seat {
                community: code(COMMUNITY),
                person: person.into(),
                seat,
            },
        );
    }
    s.at(
        staff,
        2,
        22,
        PartyCommand::Unseat {
            community: code(COMMUNITY),
            person: "m2".into(),
        },
    );
    s.refused(
        staff,
        2,
        22,
        PartyCommand::Unseat {
            community: code(COMMUNITY),
            person: "m2".into(),
        },
        "not_on_body",
    );
    s.refused(
        staff,
        2,
        22,
        PartyCommand::Seat {
            community: code(COMPOUND_A),
            person: "m2".into(),
            seat: Seat::Member,
        },
        "not_a_community",
    );
}

fn reports(s: &mut Script) {
    let c = code(COMMUNITY);
    s.at(
        Some("m1"),
        3,
        5,
        PartyCommand::MemberReportsIn {
            person: "m1".into(),
            community: c,
            on: day(3, 5),
            workplace: Some("u-tax".into()),
        },
    );
    s.refused(
        Some("m1"),
        3,
        5,
        PartyCommand::MemberReportsIn {
            person: "m1".into(),
            community: c,
            on: day(3, 6),
            workplace: None,
        },
        "reported_already",
    );
    s.refused(
        Some("staff"),
        3,
        5,
        PartyCommand::MemberReportsIn {
            person: "m2".into(),
            community: c,
            on: day(3, 5),
            workplace: None,
        },
        "not_a_party_member",
    );
    s.refused(
        Some("staff"),
        3,
        5,
        PartyCommand::MemberReportsIn {
            person: "fs".into(),
            community: c,
            on: day(3, 5),
            workplace: None,
        },
        "not_a_resident",
    );
    s.at(
        Some("staff"),
        3,
        6,
        PartyCommand::UnitReportsIn {
            unit: "u-tax".into(),
            community: c,
            on: day(3, 6),
        },
    );
    s.at(
        Some("staff"),
        3,
        10,
        PartyCommand::UnitReportsIn {
            unit: "u-hosp".into(),
            community: c,
            on: day(3, 10),
        },
    );
    let service = |id: &str, unit: &str, on: NaiveDate, activity: &str, people: u32, hours: i64| {
        PartyCommand::RecordUnitService {
            id: id.into(),
            unit: unit.into(),
            on,
            activity: activity.into(),
            people,
            hours: Decimal::new(hours, 1),
        }
    };
    s.refused(
        Some("staff"),
        3,
        5,
        service("sv-0", "u-hosp", day(3, 5), "义诊", 4, 80),
        "not_reported_in",
    );
    s.at(
        Some("staff"),
        3,
        14,
        service("sv-1", "u-hosp", day(3, 14), "义诊", 5, 100),
    );
    s.at(
        Some("staff"),
        3,
        21,
        service("sv-2", "u-tax", day(3, 21), "税务咨询", 2, 35),
    );
    s.at(
        Some("staff"),
        4,
        2,
        service("sv-3", "u-tax", day(4, 2), "环境整治", 8, 165),
    );
    s.refused(
        Some("staff"),
        4,
        2,
        service("sv-4", "u-tax", day(4, 2), "环境整治", 0, 10),
        "not_positive",
    );
    s.refused(
        Some("staff"),
        4,
        2,
        service("sv-3", "u-tax", day(4, 2), "环境整治", 1, 10),
        "service_entry_exists",
    );
    // A micro-wish claimed by a member for the tax office as donor.
    s.keyed(
        Some("staff"),
        3,
        16,
        "file-wish-1",
        TaskCommand::File {
            id: "wish-1".into(),
            category: "micro_wish".into(),
            location: Location::Household("b1-101".into()),
            description: "孩子想要一套绘本".into(),
            photos: Vec::new(),
        },
    );
    s.at(
        Some("m1"),
        3,
        17,
        TaskCommand::Claim {
            request: "wish-1".into(),
            donor: Some("u-tax".into()),
        },
    );
    // Filing dispatches by the rules: public-order requests go to the community's police,
    // the least loaded first.
    for (id, home) in [("order-1", "a1-101"), ("order-2", "b1-101")] {
        s.keyed(
            Some("staff"),
            3,
            18,
            &format!("file-{id}"),
            TaskCommand::File {
                id: id.into(),
                category: "public_order".into(),
                location: Location::Household(home.into()),
                description: "楼道堆放易燃杂物".into(),
                photos: Vec::new(),
            },
        );
    }
}

fn stations(s: &mut Script) {
    let staff = Some("staff");
    for (person, compound, from) in [
        ("staff", COMPOUND_A, day(4, 6)),
        ("police", COMPOUND_B, day(4, 6)),
        ("fs", COMPOUND_A, day(4, 8)),
        ("fs", COMPOUND_B, day(4, 8)),
    ] {
        s.at(
            staff,
            4,
            5,
            PartyCommand::AssignStation {
                person: person.into(),
                compound: code(compound),
                from,
            },
        );
    }
    s.refused(
        staff,
        4,
        5,
        PartyCommand::AssignStation {
            person: "m2".into(),
            compound: code(COMPOUND_A),
            from: day(4, 6),
        },
        "not_a_cadre",
    );
    s.refused(
        staff,
        4,
        5,
        PartyCommand::AssignStation {
            person: "staff".into(),
            compound: code(COMPOUND_A),
            from: day(4, 13),
        },
        "station_exists",
    );
    s.refused(
        staff,
        4,
        5,
        PartyCommand::AssignStation {
            person: "staff".into(),
            compound: code(COMMUNITY),
            from: day(4, 6),
        },
        "not_a_compound",
    );
    let days = [
        ("staff", COMPOUND_A, [6, 7, 9].as_slice()),
        ("police", COMPOUND_B, [7].as_slice()),
        ("fs", COMPOUND_A, [8].as_slice()),
        ("fs", COMPOUND_B, [8, 10].as_slice()),
    ];
    for (person, compound, ds) in days {
        for &d in ds {
            s.at(
                Some(person),
                4,
                d,
                PartyCommand::RecordStationDay {
                    person: person.into(),
                    compound: code(compound),
                    on: day(4, d),
                },
            );
        }
    }
    s.refused(
        Some("staff"),
        4,
        9,
        PartyCommand::RecordStationDay {
            person: "staff".into(),
            compound: code(COMPOUND_A),
            on: day(4, 9),
        },
        "station_day_recorded",
    );
    s.refused(
        Some("staff"),
        4,
        9,
        PartyCommand::RecordStationDay {
            person: "staff".into(),
            compound: code(COMPOUND_B),
            on: day(4, 9),
        },
        "not_on_station",
    );
    s.refused(
        Some("police"),
        4,
        9,
        PartyCommand::RecordStationDay {
            person: "staff".into(),
            compound: code(COMPOUND_A),
            on: day(4, 8),
        },
        "permission_denied",
    );
    s.at(
        staff,
        4,
        13,
        PartyCommand::EndStation {
            person: "police".into(),
            compound: code(COMPOUND_B),
            on: day(4, 13),
        },
    );
    s.refused(
        Some("police"),
        4,
        14,
        PartyCommand::RecordStationDay {
            person: "police".into(),
            compound: code(COMPOUND_B),
            on: day(4, 14),
        },
        "not_on_station",
    );
    s.refused(
        staff,
        4,
        14,
        PartyCommand::RecallFirstSecretary {
            community: code(COMMUNITY),
            on: day(4, 14),
        },
        "permission_denied",
    );
    s.at(
        Some("admin"),
        4,
        14,
        PartyCommand::RecallFirstSecretary {
            community: code(COMMUNITY),
            on: day(4, 14),
        },
    );
    s.refused(
        Some("admin"),
        4,
        14,
        PartyCommand::RecallFirstSecretary {
            community: code(COMMUNITY),
            on: day(4, 15),
        },
        "no_first_secretary",
    );
}

/// The fixture's scenario, generated.
pub fn scenario() -> Scenario {
    let mut s = Script::default();
    grid(&mut s);
    bodies(&mut s);
    offices(&mut s);
    reports(&mut s);
    stations(&mut s);
    let mut rules = CoverageRules::default();
    rules.chief_is_party_secretary = true;
    Scenario {
        description: "Parity scenario for the party organisation: 和平社区 with its party committee, a compound's branch and a building's group; a first secretary sent by the street and recalled; the two committees with a cross-appointment and the property manager seated; 双报到 of a member and two paired units with their service ledger and a micro-wish claimed; public-order requests routed to the community police; a week of cadres on station; and the refusals that go with each. Every face runs it through its own typed API and must reach the same head, bodies, coverage, chains, ledgers and weekly report.".to_owned(),
        config: Some(config()),
        steps: s.0,
        queries: Queries {
            community: code(COMMUNITY),
            households: vec!["a1-101".into(), "b1-101".into()],
            on: day(3, 8),
            rules,
            periods: vec![(day(3, 1), day(4, 1)), (day(3, 1), day(5, 1))],
            week_of: day(4, 8),
            route: ("public_order".into(), "a2-101".into()),
        },
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
    let config = scenario.config.clone().unwrap_or_default();
    let mut ward = Ward::new(config);
    let ran = run_steps(&mut ward, &scenario.steps)?;
    let ward = rebuild(ward)?;
    observe(&ward, &scenario.queries, ran.errors).map_err(|e| e.to_string())
}

fn observe(ward: &Ward, q: &Queries, errors: Vec<String>) -> Result<Value, gridward::Error> {
    use gridward::queries::grid::{Coverage, PartyFor};
    use gridward::queries::party::{
        Bodies, FirstSecretaries, ServiceLedgerOf, StationWeek, Stations, TwoCommitteesOf,
    };
    use gridward::queries::tasks::{Request, Route};
    let mut chains = Vec::new();
    for h in &q.households {
        chains.push(ward.ask(PartyFor {
            household: h.clone(),
            on: Some(q.on),
        })?);
    }
    let mut ledgers = Vec::new();
    for &(from, to) in &q.periods {
        ledgers.push(ward.ask(ServiceLedgerOf {
            scope: Some(q.community),
            from,
            to,
        })?);
    }
    let mut requests = Vec::new();
    for id in ["wish-1", "order-1", "order-2"] {
        requests.push(
            ward.ask(Request { id: id.into() })?
                .map(|r| json!({"id": r.id, "status": r.status, "responsible": r.responsible})),
        );
    }
    Ok(json!({
        "head": ward.head(),
        "digest": ward.state_digest(),
        "journal_entries": ward.journal().len(),
        "errors": errors,
        "bodies": ward.ask(Bodies { scope: None })?,
        "first_secretaries": ward.ask(FirstSecretaries { community: Some(q.community), on: None })?,
        "serving": ward.ask(FirstSecretaries { community: None, on: Some(q.on) })?,
        "two_committees": ward.ask(TwoCommitteesOf { community: q.community })?,
        "coverage": ward.ask(Coverage { scope: Some(q.community), rules: Some(q.rules.clone()) })?,
        "chains": chains,
        "ledgers": ledgers,
        "stations": ward.ask(Stations { scope: None })?,
        "station_week": ward.ask(StationWeek { day: q.week_of, scope: None })?,
        "requests": requests,
        "route": ward.ask(Route { category: q.route.0.clone(), location: Location::Household(q.route.1.clone()) })?,
    }))
}

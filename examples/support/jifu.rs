//! A community shaped like Chengdu's 吉福社区 (武侯区晋阳街道): one community grid, 11
//! compound grids and 102 building micro-grids, mirrored by the party organisation
//! (community party committee → compound branch → building group). Codes, names and
//! people are illustrative; the shape is the one the sources report.

use gridward::grid::{Domain, DomainSet, ImportRow, NodeCode};
use gridward::Role;
use rust_decimal::Decimal;

use crate::Mix;

/// The district (武侯区, GB/T 2260 510107).
pub const DISTRICT: &str = "510107";
/// The street office.
pub const STREET: &str = "510107017";
/// The community.
pub const COMMUNITY: &str = "510107017006";
/// Micro-grids in each of the 11 compound grids: 102 in all.
pub const MICRO_GRIDS_PER_GRID: [u16; 11] = [9, 9, 9, 9, 9, 9, 9, 9, 10, 10, 10];

const COMPOUNDS: [&str; 11] = [
    "云锦城市花园",
    "晋阳小区",
    "吉福苑",
    "蜀锦花园",
    "金履雅居",
    "福苑新居",
    "晋吉西区",
    "晋吉东区",
    "锦城丽景",
    "吉庆院落",
    "福锦家园",
];

const SURNAMES: [&str; 12] = [
    "王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙",
];
const GIVEN: [&str; 12] = [
    "建华", "秀英", "志强", "丽娟", "国平", "海燕", "晓东", "玉兰", "文斌", "春梅", "德明", "小红",
];

/// The code of a unit under `parent`, numbered `part`.
pub fn code(parent: &str, part: u16) -> NodeCode {
    // The literals above are valid codes; a part in 1..=999 keeps them valid.
    NodeCode::parse(&format!("{parent}{part:03}")).expect("sample codes are valid")
}

fn parse(text: &str) -> NodeCode {
    NodeCode::parse(text).expect("sample codes are valid")
}

fn name(rng: &mut Mix) -> String {
    let s = SURNAMES[rng.between(0, 11) as usize];
    let g = GIVEN[rng.between(0, 11) as usize];
    format!("{s}{g}")
}

/// What the sample holds besides the rows: ids a scenario needs to act.
#[derive(Clone, Debug, Default)]
pub struct Sample {
    /// Import rows for the whole community, parents listed before children.
    pub rows: Vec<ImportRow>,
    /// The chief grid leader's person id.
    pub chief: String,
    /// Micro-grid worker ids by micro-grid code (micro-grids left without one have none).
    pub workers: Vec<(NodeCode, String)>,
    /// Micro-grids deliberately left without a worker, to show the coverage report.
    pub unstaffed: Vec<NodeCode>,
}

/// Builds the sample's rows from a seed: 102 micro-grids of 30–100 households (with a few
/// outside the band), party members for most, a worker for all but two.
pub fn sample(seed: u64) -> Sample {
    let mut rng = Mix::new(seed);
    let mut s = Sample {
        chief: "jf-chief".to_owned(),
        ..Sample::default()
    };
    let rows = &mut s.rows;
    let unit = |code: NodeCode, name: String, domains: Option<DomainSet>| ImportRow::Unit {
        code,
        parent: code.parent(),
        name,
        domains,
    };
    rows.push(unit(parse(DISTRICT), "武侯区".into(), None));
    rows.push(unit(parse(STREET), "晋阳街道".into(), None));
    let mut community_domains = DomainSet::merged();
    community_domains.insert(Domain::UrbanManagement);
    community_domains.insert(Domain::PartyBuilding);
    rows.push(unit(
        parse(COMMUNITY),
        "吉福社区".into(),
        Some(community_domains),
    ));
    for (id, dept, domains) in [
        ("jy-cg", "晋阳街道城管科", vec![Domain::UrbanManagement]),
        ("jy-sj", "晋阳市场监管所", vec![Domain::MarketSupervision]),
        ("jy-yj", "晋阳街道应急办", vec![Domain::EmergencyManagement]),
        (
            "jy-xf",
            "晋阳消防救援站",
            vec![Domain::FireSafety, Domain::EmergencyManagement],
        ),
        ("jy-mz", "晋阳街道民政科", vec![Domain::CivilAffairs]),
    ] {
        rows.push(ImportRow::Department {
            id: id.into(),
            name: dept.into(),
            street: parse(STREET),
            domains: DomainSet::of(&domains),
        });
    }
    for (id, unit_name) in [("jf-pu-1", "区税务局"), ("jf-pu-2", "区人民医院")] {
        rows.push(ImportRow::PairedUnit {
            id: id.into(),
            name: unit_name.into(),
            community: parse(COMMUNITY),
        });
    }
    let person = |id: String, name: String, party: bool, home: Option<String>| ImportRow::Person {
        id,
        name,
        phone: None,
        party_member: party,
        household: home,
    };
    rows.push(person(s.chief.clone(), name(&mut rng), true, None));
    rows.push(ImportRow::Role {
        person: s.chief.clone(),
        role: Role::ChiefGridLeader,
        unit: parse(COMMUNITY),
    });
    rows.push(person("jf-staff".into(), name(&mut rng), false, None));
    rows.push(ImportRow::Role {
        person: "jf-staff".into(),
        role: Role::CommunityStaff,
        unit: parse(COMMUNITY),
    });
    let mut micro_number = 0;
    for (g, &micro_count) in MICRO_GRIDS_PER_GRID.iter().enumerate() {
        let grid = code(COMMUNITY, g as u16 + 1);
        rows.push(unit(grid, format!("{}网格", COMPOUNDS[g]), None));
        let leader = format!("jf-gl-{:02}", g + 1);
        rows.push(person(leader.clone(), name(&mut rng), true, None));
        rows.push(ImportRow::Role {
            person: leader,
            role: Role::GridLeader,
            unit: grid,
        });
        for m in 0..micro_count {
            micro_number += 1;
            let micro = code(&grid.to_string(), m + 1);
            rows.push(unit(
                micro,
                format!("{}{}栋微网格", COMPOUNDS[g], m + 1),
                None,
            ));
            // Two micro-grids fall outside the 30–100 band, as real ones do.
            let households = match micro_number {
                17 => 24,
                58 => 112,
                _ => rng.between(30, 100),
            };
            for h in 0..households {
                let floor = h / 4 + 1;
                let door = h % 4 + 1;
                rows.push(ImportRow::Household {
                    id: format!("{micro}-{floor:02}{door:02}"),
                    unit: micro,
                    area: Decimal::new(rng.between(4_500, 14_000) as i64, 2),
                });
            }
            if micro_number == 33 || micro_number == 90 {
                s.unstaffed.push(micro);
            } else {
                let worker = format!("jf-w-{micro_number:03}");
                rows.push(person(worker.clone(), name(&mut rng), rng.chance(40), None));
                rows.push(ImportRow::Role {
                    person: worker.clone(),
                    role: Role::MicroGridWorker,
                    unit: micro,
                });
                s.workers.push((micro, worker));
            }
            // Most buildings have a reporting party member; some a party member living
            // there; a few have neither.
            match micro_number % 34 {
                5 | 21 => {}
                12 => {
                    let pm = format!("jf-rp-{micro_number:03}");
                    rows.push(person(
                        pm,
                        name(&mut rng),
                        true,
                        Some(format!("{micro}-0101")),
                    ));
                }
                _ if micro_number == 71 => {}
                _ => {
                    let pm = format!("jf-pm-{micro_number:03}");
                    rows.push(person(pm.clone(), name(&mut rng), true, None));
                    rows.push(ImportRow::Role {
                        person: pm,
                        role: Role::ReportingPartyMember,
                        unit: micro,
                    });
                }
            }
        }
    }
    s
}

/// The sample's request sites: one per staffed micro-grid, with a resident registered in
/// its first household by [`residents`], its reporting party member as claimer, its grid
/// leader as verifier and the street's market supervision office as department.
pub fn sites(sample: &Sample, ward: &gridward::Ward) -> Vec<crate::requests::Site> {
    sample
        .workers
        .iter()
        .enumerate()
        .filter_map(|(n, (micro, worker))| {
            let number = worker.strip_prefix("jf-w-")?;
            let party = format!("jf-pm-{number}");
            let grid = micro.parent()?;
            Some(crate::requests::Site {
                micro: *micro,
                home: format!("{micro}-0101"),
                resident: format!("jf-r-{n:03}"),
                worker: worker.clone(),
                claimer: ward.grid().person(&party).map(|_| party),
                verifier: format!("jf-gl-{:02}", grid.part()),
                officer: "jy-sj-officer".to_owned(),
                department: "jy-sj".to_owned(),
            })
        })
        .collect()
}

/// Rows registering each site's resident, and the market supervision officer.
pub fn residents(sites: &[crate::requests::Site]) -> Vec<ImportRow> {
    let mut rng = Mix::new(77);
    let mut rows: Vec<ImportRow> = sites
        .iter()
        .map(|s| ImportRow::Person {
            id: s.resident.clone(),
            name: name(&mut rng),
            phone: None,
            party_member: false,
            household: Some(s.home.clone()),
        })
        .collect();
    rows.push(ImportRow::Person {
        id: "jy-sj-officer".into(),
        name: name(&mut rng),
        phone: None,
        party_member: false,
        household: None,
    });
    rows
}

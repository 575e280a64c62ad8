//! A year of 吉福社区's project fund for the main job: residents propose and support
//! projects, staff sort them, every registered resident may vote under Equal Shares,
//! social organisations deliver in tranches and named evaluators accept the work.

use std::collections::BTreeMap;

use chrono::{DateTime, Duration, FixedOffset};
use gridward::grid::NodeCode;
use gridward::money::Amount;
use gridward::projects::{
    BallotForm, EvaluatorCapacity, FundSource, ProjectsCommand, Rule, Verdict, Voters,
};
use gridward::{Actor, Context, Error, Ward};

use crate::requests::Site;
use crate::{at, Mix};

/// The fund's id.
pub const FUND: &str = "jifu-2026-guarantee";

/// What the year did.
#[derive(Debug, Default)]
pub struct Year {
    /// Proposals made, supports given.
    pub proposals: (usize, usize),
    /// Ballots cast, of which replaced.
    pub ballots: (usize, usize),
    /// Refusals by code.
    pub refusals: BTreeMap<String, usize>,
}

const CATEGORIES: [&str; 6] = ["环境", "安全", "文化", "养老", "儿童", "设施"];
const TITLES: [&str; 24] = [
    "楼道照明改造",
    "儿童游乐区翻新",
    "老年活动室设备",
    "雨污分流疏通",
    "小区监控补点",
    "共享菜园",
    "非机动车充电棚",
    "社区图书角",
    "适老化扶手",
    "垃圾分类亭",
    "消防通道划线",
    "健身步道",
    "四点半课堂",
    "助餐点设备",
    "院坝议事亭",
    "绿化补植",
    "楼栋门禁维修",
    "社区花园",
    "防滑地面",
    "文化墙",
    "便民维修点",
    "亲子阅读室",
    "楼顶防水",
    "停车秩序改造",
];

fn yuan(y: u64) -> Amount {
    Amount::from_fen(y as i64 * 100)
}

/// Runs the year on the ward of the main job.
pub fn year(ward: &mut Ward, sites: &[Site], chief: &str, officer: &str) -> Result<Year, Error> {
    let mut y = Year::default();
    let mut mix = Mix::new(202_618);
    let community = NodeCode::parse(crate::jifu::COMMUNITY)?;
    let start = at("2026-05-04T09:00:00+08:00");
    let staff = |t: DateTime<FixedOffset>| Context::new(Actor::person(chief), t);
    let person = |p: &str, t: DateTime<FixedOffset>| Context::new(Actor::person(p), t);
    let try_run = |ward: &mut Ward, ctx: &Context, c: ProjectsCommand, y: &mut Year| match ward
        .execute(ctx, c)
    {
        Ok(_) => true,
        Err(e) => {
            *y.refusals.entry(e.code().to_owned()).or_default() += 1;
            false
        }
    };
    ward.execute(
        &staff(start),
        ProjectsCommand::OpenFund {
            fund: FUND.into(),
            community,
            year: 2026,
            source: FundSource::Guarantee,
            amount: yuan(300_000),
        },
    )?;
    let residents: Vec<&str> = sites.iter().map(|s| s.resident.as_str()).collect();
    let council: Vec<String> = residents
        .iter()
        .step_by((residents.len() / 15).max(1))
        .take(15)
        .map(|r| (*r).to_owned())
        .collect();
    ward.execute(
        &staff(start),
        ProjectsCommand::SetCouncil {
            community,
            members: council.clone(),
        },
    )?;
    // Proposals, and supports from about one resident in five.
    let mut ids = Vec::new();
    for (i, title) in TITLES.iter().enumerate() {
        let id = format!("jf-p{:02}", i + 1);
        let proposer = residents[(i * 53) % residents.len()];
        let t = start + Duration::days(1 + i as i64 / 4);
        let estimate = 8_000 + 1_000 * mix.between(0, 110);
        ward.execute(
            &person(proposer, t),
            ProjectsCommand::Propose {
                proposal: id.clone(),
                fund: FUND.into(),
                title: (*title).into(),
                description: format!("{title}：居民在e管家上的提议"),
                category: CATEGORIES[i % CATEGORIES.len()].into(),
                estimate: yuan(estimate),
                unit: None,
            },
        )?;
        ids.push((id, estimate));
    }
    y.proposals.0 = ids.len();
    let t = start + Duration::days(10);
    for r in &residents {
        if mix.chance(20) {
            let (id, _) = &ids[mix.between(0, ids.len() as u64 - 1) as usize];
            let c = ProjectsCommand::Support {
                proposal: id.clone(),
            };
            y.proposals.1 += usize::from(try_run(ward, &person(r, t), c, &mut y));
        }
    }
    // Sorting: two duplicates merged, two declined, the rest admitted at checked costs.
    let t = start + Duration::days(14);
    for (into, from) in [(0, 20), (5, 17)] {
        ward.execute(
            &staff(t),
            ProjectsCommand::MergeProposals {
                into: ids[into].0.clone(),
                from: vec![ids[from].0.clone()],
            },
        )?;
    }
    for (i, reason) in [
        (22, "楼顶防水属维修资金使用事项，须业主大会表决"),
        (23, "停车秩序改造已列入街道计划"),
    ] {
        ward.execute(
            &staff(t),
            ProjectsCommand::DeclineProposal {
                proposal: ids[i].0.clone(),
                reason: reason.into(),
            },
        )?;
    }
    for (i, (id, estimate)) in ids.iter().enumerate() {
        if [17, 20, 22, 23].contains(&i) {
            continue;
        }
        let checked = estimate * (90 + mix.between(0, 20)) / 100;
        ward.execute(
            &staff(t),
            ProjectsCommand::AdmitProposal {
                proposal: id.clone(),
                cost: yuan(checked),
            },
        )?;
    }
    ward.execute(
        &staff(t + Duration::hours(2)),
        ProjectsCommand::PublishShortlist { fund: FUND.into() },
    )?;
    let shortlist: Vec<String> = ward
        .projects()
        .fund(FUND)
        .map(|f| f.shortlist.clone())
        .unwrap_or_default();
    // Every registered resident may vote: approval ballots of one to five projects.
    let opens = start + Duration::days(21);
    let closes = opens + Duration::days(14);
    ward.execute(
        &staff(opens),
        ProjectsCommand::OpenDecision {
            fund: FUND.into(),
            form: BallotForm::approval(Some(1), Some(5)),
            voters: Voters::Residents,
            rule: Rule::EqualShares,
            closes,
        },
    )?;
    // Residents lean to a few popular projects; some blocks favour their own.
    let weights: Vec<u64> = (0..shortlist.len())
        .map(|i| 1 + (i as u64 * 7) % 9)
        .collect();
    let total: u64 = weights.iter().sum();
    for (n, r) in residents.iter().enumerate() {
        if !mix.chance(42) {
            continue;
        }
        let k = 1 + mix.between(0, 4) as usize;
        let mut choices: Vec<String> = Vec::new();
        while choices.len() < k {
            let mut pick = mix.between(0, total - 1);
            let mut j = 0;
            while pick >= weights[j] {
                pick -= weights[j];
                j += 1;
            }
            if !choices.contains(&shortlist[j]) {
                choices.push(shortlist[j].clone());
            }
        }
        let t = opens + Duration::hours(1 + (n % 300) as i64);
        let c = ProjectsCommand::CastBallot {
            fund: FUND.into(),
            choices,
            points: Vec::new(),
        };
        if try_run(ward, &person(r, t), c, &mut y) {
            y.ballots.0 += 1;
            if y.ballots.0 % 10 == 0 {
                let again = ProjectsCommand::CastBallot {
                    fund: FUND.into(),
                    choices: vec![shortlist[n % shortlist.len()].clone()],
                    points: Vec::new(),
                };
                y.ballots.1 += usize::from(try_run(
                    ward,
                    &person(r, t + Duration::hours(1)),
                    again,
                    &mut y,
                ));
            }
        }
    }
    // A ballot of six, and the street's officer (no resident), are refused.
    let c = ProjectsCommand::CastBallot {
        fund: FUND.into(),
        choices: shortlist[..6].to_vec(),
        points: Vec::new(),
    };
    try_run(
        ward,
        &person(residents[0], opens + Duration::hours(2)),
        c,
        &mut y,
    );
    let c = ProjectsCommand::CastBallot {
        fund: FUND.into(),
        choices: vec![shortlist[0].clone()],
        points: Vec::new(),
    };
    try_run(
        ward,
        &person(officer, opens + Duration::hours(2)),
        c,
        &mut y,
    );
    ward.execute(
        &staff(closes + Duration::hours(1)),
        ProjectsCommand::CloseDecision { fund: FUND.into() },
    )?;
    deliver(
        ward,
        chief,
        officer,
        &council,
        closes + Duration::days(7),
        &mut mix,
        &mut y,
    )?;
    Ok(y)
}

/// Organisations apply, staff choose the lower quote, tranches, verdicts, final tranches.
fn deliver(
    ward: &mut Ward,
    chief: &str,
    officer: &str,
    council: &[String],
    start: DateTime<FixedOffset>,
    mix: &mut Mix,
    y: &mut Year,
) -> Result<(), Error> {
    let staff = |t| Context::new(Actor::person(chief), t);
    let orgs = [
        ("jf-sg1", "锦城社工服务中心", council[0].clone()),
        ("jf-sg2", "邻里营造社", council[1].clone()),
        ("jf-sg3", "晋阳志愿服务队", council[2].clone()),
    ];
    for (id, name, contact) in &orgs {
        ward.execute(
            &staff(start),
            ProjectsCommand::RegisterOrganisation {
                organisation: (*id).into(),
                name: (*name).into(),
                contact: contact.clone(),
            },
        )?;
    }
    let selected: Vec<String> = ward
        .projects()
        .fund(FUND)
        .and_then(|f| f.decision.as_ref())
        .and_then(|d| d.selection.as_ref())
        .map(|s| s.selected.clone())
        .unwrap_or_default();
    let evaluators: BTreeMap<String, EvaluatorCapacity> = [
        (council[3].clone(), EvaluatorCapacity::SupervisionCommittee),
        (council[4].clone(), EvaluatorCapacity::CouncilMember),
        (
            council[5].clone(),
            EvaluatorCapacity::ResidentRepresentative,
        ),
        (officer.to_owned(), EvaluatorCapacity::StreetCadre),
    ]
    .into_iter()
    .collect();
    // Each step in time order: the projects run side by side.
    let mut plan: Vec<(DateTime<FixedOffset>, String, ProjectsCommand)> = Vec::new();
    for (n, project) in selected.iter().enumerate() {
        let cost = ward
            .projects()
            .proposal(project)
            .and_then(|p| p.cost)
            .unwrap_or(Amount::ZERO);
        let fen = cost.fen().unwrap_or(0) as u64;
        let day = |d: i64| start + Duration::days(d) + Duration::minutes(n as i64);
        let (a, b) = (n % 3, (n + 1) % 3);
        let quotes = [
            (a, fen * (95 + mix.between(0, 5)) / 100),
            (b, fen * (93 + mix.between(0, 7)) / 100),
        ];
        for (o, q) in quotes {
            plan.push((
                day(1),
                orgs[o].2.clone(),
                ProjectsCommand::ApplyToDeliver {
                    project: project.clone(),
                    organisation: orgs[o].0.into(),
                    quote: Amount::from_fen(q as i64),
                    plan: "按合同分期实施".into(),
                },
            ));
        }
        let (winner, quote) = if quotes[0].1 <= quotes[1].1 {
            quotes[0]
        } else {
            quotes[1]
        };
        plan.push((
            day(3),
            chief.to_owned(),
            ProjectsCommand::ChooseDeliverer {
                project: project.clone(),
                organisation: orgs[winner].0.into(),
            },
        ));
        plan.push((
            day(3),
            chief.to_owned(),
            ProjectsCommand::NameEvaluators {
                project: project.clone(),
                evaluators: evaluators.clone(),
            },
        ));
        let first = quote * 40 / 100;
        plan.push((
            day(10),
            chief.to_owned(),
            ProjectsCommand::PayTranche {
                project: project.clone(),
                payment: format!("{project}-1"),
                amount: Amount::from_fen(first as i64),
                voucher: format!("JF-PZ-{n:02}-1"),
                final_tranche: false,
            },
        ));
        let contact = orgs[winner].2.clone();
        let redo = n == 1;
        plan.push((
            day(60),
            contact.clone(),
            ProjectsCommand::SubmitDelivery {
                project: project.clone(),
            },
        ));
        let verdicts = |d: i64, accept: bool, plan: &mut Vec<_>| {
            for (k, (e, _)) in evaluators.iter().enumerate() {
                let ok = accept || k % 2 == 0 && k > 0;
                plan.push((
                    day(d) + Duration::hours(k as i64),
                    e.clone(),
                    ProjectsCommand::Evaluate {
                        project: project.clone(),
                        verdict: if ok { Verdict::Accept } else { Verdict::Reject },
                        score: if ok { 82 + k as u8 * 3 } else { 52 },
                        comment: String::new(),
                    },
                ));
            }
        };
        verdicts(61, !redo, &mut plan);
        plan.push((
            day(62),
            chief.to_owned(),
            ProjectsCommand::DecideAcceptance {
                project: project.clone(),
            },
        ));
        let mut last = 62;
        if redo {
            plan.push((
                day(80),
                contact.clone(),
                ProjectsCommand::SubmitDelivery {
                    project: project.clone(),
                },
            ));
            verdicts(81, true, &mut plan);
            plan.push((
                day(82),
                chief.to_owned(),
                ProjectsCommand::DecideAcceptance {
                    project: project.clone(),
                },
            ));
            last = 82;
        }
        let rest = quote - first;
        let spent = rest * (96 + mix.between(0, 4)) / 100;
        plan.push((
            day(last + 5),
            chief.to_owned(),
            ProjectsCommand::PayTranche {
                project: project.clone(),
                payment: format!("{project}-2"),
                amount: Amount::from_fen(spent as i64),
                voucher: format!("JF-PZ-{n:02}-2"),
                final_tranche: true,
            },
        ));
    }
    plan.sort_by_key(|(t, _, _)| *t);
    for (t, who, c) in plan {
        if let Err(e) = ward.execute(&Context::new(Actor::person(&who), t), c) {
            *y.refusals.entry(e.code().to_owned()).or_default() += 1;
        }
    }
    Ok(())
}

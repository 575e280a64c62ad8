//! The projects parity fixture: a year of one community's project fund, which Rust,
//! Python and JavaScript each run through their own API, reaching the same journal head,
//! fund, report, statement, books and selections under every rule.
//!
//! The year: residents propose eight projects and support them; staff merge a
//! duplicate, decline one, admit six at checked costs and publish the shortlist; the
//! residents' council of nine votes with approval ballots (one replaced) under Equal
//! Shares; two organisations apply to deliver, staff choose, tranches are paid with
//! vouchers, one delivery is rejected and redone, three are accepted and paid in full,
//! and what they left unpaid returns to the fund. Fifteen refusals on the way must
//! leave no trace.

use std::collections::BTreeMap;

use gridward::grid::GridCommand;
use gridward::money::Amount;
use gridward::projects::{BallotForm, FundSource, ProjectsCommand, Rule, Voters};
use gridward::{Command, Hash, Role, Ward, WardConfig};
use serde::{Deserialize, Serialize};
use serde_json::{json, Value};

use crate::compound::{self, code, homes, when, Script, Shape};
use crate::parity::{run_steps, Step};

mod deliver;
use deliver::deliver;

/// The community.
pub const COMMUNITY: &str = "510105001001";
/// The fund.
pub const FUND: &str = "jifu-2026-g";
/// Community staff.
pub const STAFF: &str = "cs";

/// What to ask after the steps.
#[derive(Debug, Deserialize, Serialize)]
pub struct Queries {
    /// The fund.
    pub fund: String,
    /// The rules to try on the decision's ballots.
    pub what_if: Vec<Rule>,
}

/// The scenario file.
#[derive(Debug, Deserialize, Serialize)]
pub struct Scenario {
    /// What it is.
    pub description: String,
    /// The ward's configuration (default when absent).
    #[serde(default)]
    pub config: Option<WardConfig>,
    /// The steps.
    pub steps: Vec<Step<Command>>,
    /// The questions.
    pub queries: Queries,
}

fn yuan(y: i64) -> Amount {
    Amount::from_fen(y * 100)
}

fn resident(i: usize) -> String {
    format!("owner-{i}")
}

/// The proposals: id, title, category, estimate, checked cost (none: not admitted).
const PROPOSALS: [(&str, &str, &str, i64, Option<i64>); 8] = [
    ("p-light", "楼道照明改造", "安全", 60_000, Some(58_000)),
    ("p-play", "儿童游乐区翻新", "环境", 80_000, Some(76_500)),
    ("p-elder", "老年活动室设备", "文化", 30_000, Some(28_000)),
    ("p-drain", "雨污分流疏通", "环境", 45_000, Some(45_000)),
    ("p-cctv", "小区监控补点", "安全", 50_000, Some(52_000)),
    ("p-light2", "楼道灯坏了", "安全", 5_000, None),
    ("p-garden", "共享菜园", "环境", 20_000, Some(18_500)),
    ("p-lift", "加装电梯", "设施", 1_100_000, None),
];

/// The council's approval ballots (members owner-2 … owner-10): a majority of six for
/// lighting, cameras and the playground, a minority of three for the elderly's room, the
/// garden and the drains — where `greedy` and Equal Shares part.
const BALLOTS: [&[&str]; 9] = [
    &["p-light", "p-cctv", "p-play"],
    &["p-light", "p-cctv", "p-play"],
    &["p-light", "p-play", "p-cctv"],
    &["p-elder", "p-garden", "p-drain"],
    &["p-cctv", "p-light", "p-play"],
    &["p-light", "p-cctv", "p-play"],
    &["p-garden", "p-elder", "p-drain"],
    &["p-play", "p-light", "p-cctv"],
    &["p-drain", "p-elder", "p-garden"],
];

/// The steps up to the decision's close.
fn until_decided(s: &mut Script) {
    let staff = Some(STAFF);
    let t = when(2, 1, 9);
    s.at(
        None,
        t.clone(),
        GridCommand::AddPerson {
            id: STAFF.into(),
            name: "社区工作者".into(),
            phone: None,
            party_member: true,
        },
    );
    s.at(
        None,
        t.clone(),
        GridCommand::GrantRole {
            person: STAFF.into(),
            role: Role::CommunityStaff,
            unit: code(COMMUNITY),
        },
    );
    for (id, name) in [
        ("org-a", "锦城社工服务中心"),
        ("org-b", "邻里营造社"),
        ("cadre", "街道干部王强"),
        ("jw-li", "监督委员李梅"),
    ] {
        s.at(
            None,
            t.clone(),
            GridCommand::AddPerson {
                id: id.into(),
                name: name.into(),
                phone: None,
                party_member: false,
            },
        );
    }
    for (i, h) in homes(Shape::SMALL).into_iter().enumerate() {
        if i != 1 {
            s.at(
                None,
                t.clone(),
                GridCommand::RegisterResident {
                    person: resident(i),
                    household: h.id,
                },
            );
        }
    }
    let open = |fund: &str| ProjectsCommand::OpenFund {
        fund: fund.into(),
        community: code(COMMUNITY),
        year: 2026,
        source: FundSource::Guarantee,
        amount: yuan(200_000),
    };
    s.refused(
        Some("owner-3"),
        when(2, 2, 9),
        open(FUND),
        "permission_denied",
    );
    s.at(staff, when(2, 2, 10), open(FUND));
    s.refused(
        staff,
        when(2, 2, 11),
        open("again"),
        "project_fund_for_year",
    );
    s.at(
        staff,
        when(2, 3, 9),
        ProjectsCommand::SetCouncil {
            community: code(COMMUNITY),
            members: (2..=10).map(resident).collect(),
        },
    );
    for (n, (id, title, category, estimate, _)) in PROPOSALS.into_iter().enumerate() {
        s.at(
            Some(&resident(11 + n)),
            when(2, 10 + n as u32, 20),
            ProjectsCommand::Propose {
                proposal: id.into(),
                fund: FUND.into(),
                title: title.into(),
                description: format!("{title}：居民提议"),
                category: category.into(),
                estimate: yuan(estimate),
                unit: (n % 3 == 0).then(|| code(compound::COMPOUND)),
            },
        );
    }
    s.refused(
        Some("org-a"),
        when(2, 20, 9),
        ProjectsCommand::Propose {
            proposal: "p-outsider".into(),
            fund: FUND.into(),
            title: "外来提议".into(),
            description: "不住在社区的人提议".into(),
            category: "其他".into(),
            estimate: yuan(1_000),
            unit: None,
        },
        "not_a_resident",
    );
    for (i, id) in [
        (2, "p-light"),
        (3, "p-light2"),
        (4, "p-play"),
        (5, "p-light"),
        (6, "p-garden"),
        (7, "p-elder"),
        (8, "p-cctv"),
        (9, "p-play"),
        (12, "p-drain"),
        (13, "p-light2"),
    ] {
        s.at(
            Some(&resident(i)),
            when(2, 21, 8 + i as u32),
            ProjectsCommand::Support {
                proposal: id.into(),
            },
        );
    }
    s.refused(
        Some(&resident(2)),
        when(2, 22, 9),
        ProjectsCommand::Support {
            proposal: "p-light".into(),
        },
        "supported_already",
    );
    s.at(
        staff,
        when(3, 1, 9),
        ProjectsCommand::MergeProposals {
            into: "p-light".into(),
            from: vec!["p-light2".into()],
        },
    );
    s.at(
        staff,
        when(3, 1, 10),
        ProjectsCommand::DeclineProposal {
            proposal: "p-lift".into(),
            reason: "加装电梯须由业主大会表决，不属社区项目资金".into(),
        },
    );
    for (id, _, _, _, cost) in PROPOSALS {
        if let Some(c) = cost {
            s.at(
                staff,
                when(3, 2, 9),
                ProjectsCommand::AdmitProposal {
                    proposal: id.into(),
                    cost: yuan(c),
                },
            );
        }
    }
    s.refused(
        staff,
        when(3, 2, 10),
        ProjectsCommand::AdmitProposal {
            proposal: "p-lift".into(),
            cost: yuan(1_000_000),
        },
        "proposal_sorted",
    );
    s.refused(
        Some(&resident(3)),
        when(3, 3, 9),
        ProjectsCommand::PublishShortlist { fund: FUND.into() },
        "permission_denied",
    );
    s.at(
        staff,
        when(3, 3, 10),
        ProjectsCommand::PublishShortlist { fund: FUND.into() },
    );
    s.refused(
        Some(&resident(20)),
        when(3, 4, 9),
        ProjectsCommand::Propose {
            proposal: "p-late".into(),
            fund: FUND.into(),
            title: "迟到的提议".into(),
            description: "清单公布之后".into(),
            category: "环境".into(),
            estimate: yuan(1_000),
            unit: None,
        },
        "project_fund_stage",
    );
    s.at(
        staff,
        when(3, 10, 9),
        ProjectsCommand::OpenDecision {
            fund: FUND.into(),
            form: BallotForm::approval(Some(1), Some(3)),
            voters: Voters::Council,
            rule: Rule::EqualShares,
            closes: when(3, 24, 18).parse().expect("a valid time"),
        },
    );
    let cast = |choices: &[&str]| ProjectsCommand::CastBallot {
        fund: FUND.into(),
        choices: choices.iter().map(|c| (*c).to_owned()).collect(),
        points: Vec::new(),
    };
    // The first member first votes for two, then replaces the ballot.
    s.at(
        Some(&resident(2)),
        when(3, 11, 8),
        cast(&["p-play", "p-elder"]),
    );
    for (i, b) in BALLOTS.iter().enumerate() {
        s.at(Some(&resident(2 + i)), when(3, 12, 8 + i as u32), cast(b));
    }
    s.refused(
        Some(&resident(11)),
        when(3, 13, 9),
        cast(&["p-play"]),
        "not_a_voter",
    );
    s.refused(
        Some(&resident(3)),
        when(3, 13, 10),
        cast(&["p-play", "p-elder", "p-drain", "p-cctv"]),
        "ballot_too_many_choices",
    );
    s.refused(
        Some(&resident(4)),
        when(3, 13, 11),
        cast(&["p-lift"]),
        "ballot_unknown_project",
    );
    s.refused(
        staff,
        when(3, 20, 9),
        ProjectsCommand::CloseDecision { fund: FUND.into() },
        "ballots_open",
    );
    s.refused(
        Some(&resident(5)),
        when(3, 25, 9),
        cast(&["p-play"]),
        "ballots_closed",
    );
    s.at(
        staff,
        when(3, 25, 10),
        ProjectsCommand::CloseDecision { fund: FUND.into() },
    );
}

/// The fixture's scenario, generated.
pub fn scenario() -> Scenario {
    let mut s = Script::default();
    compound::setup(&mut s, Shape::SMALL);
    until_decided(&mut s);
    // Which projects the rule selects is the ward's answer, not the script's.
    let mut ward = Ward::new(WardConfig::default());
    let selected = match run_steps(&mut ward, &s.steps) {
        Ok(_) => ward
            .projects()
            .fund(FUND)
            .and_then(|f| f.decision.as_ref())
            .and_then(|d| d.selection.as_ref())
            .map(|sel| sel.selected.clone())
            .unwrap_or_default(),
        Err(_) => Vec::new(),
    };
    let costs: BTreeMap<String, i64> = PROPOSALS
        .iter()
        .filter_map(|(id, _, _, _, c)| c.map(|c| ((*id).to_owned(), c)))
        .collect();
    deliver(&mut s, &selected, &costs);
    Scenario {
        description: "Parity scenario for community project funds: a year of 吉福社区's guarantee fund — eight proposals by residents with supports, a merge, a decline, six admitted at checked costs, the residents' council voting with approval ballots under Equal Shares (one ballot replaced), two organisations applying to deliver, tranches with vouchers, a rejected delivery redone, acceptance by four evaluators, final tranches returning what was not spent, and fifteen refusals; every face runs it through its own typed API and must reach the same head, fund, report, statement, books and selections under every rule.".to_owned(),
        config: None,
        steps: s.steps,
        queries: Queries {
            fund: FUND.into(),
            what_if: vec![
                Rule::Greedy,
                Rule::GreedyNoSkip,
                Rule::GreedyThreshold {
                    min_score: 3.into(),
                },
                Rule::EqualShares,
                Rule::EqualSharesComparison,
            ],
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
    let mut ward = Ward::new(config.clone());
    let ran = run_steps(&mut ward, &scenario.steps)?;
    let ward = rebuild(ward)?;
    observe(&ward, config, &scenario.queries, ran.errors).map_err(|e| e.to_string())
}

fn observe(
    ward: &Ward,
    config: WardConfig,
    q: &Queries,
    errors: Vec<String>,
) -> Result<Value, gridward::Error> {
    use gridward::queries::projects::{
        ProjectBalances, ProjectFundOf, ProjectsOf, ProposalsOf, ReportOf, WhatIf,
    };
    let statement = ward.projects_statement(&q.fund)?;
    let verify = Ward::verify_projects_statement(config, &ward.to_jsonl(), &statement)?;
    let mut what_if = Vec::new();
    for rule in &q.what_if {
        what_if.push(ward.ask(WhatIf {
            fund: q.fund.clone(),
            rule: rule.clone(),
        })?);
    }
    Ok(json!({
        "head": ward.head(),
        "digest": ward.state_digest(),
        "journal_entries": ward.journal().len(),
        "errors": errors,
        "fund": ward.ask(ProjectFundOf { id: q.fund.clone() })?,
        "proposals": ward.ask(ProposalsOf { fund: q.fund.clone() })?,
        "projects": ward.ask(ProjectsOf { fund: q.fund.clone() })?,
        "report": ward.ask(ReportOf { fund: q.fund.clone() })?,
        "statement": statement,
        "verify": verify,
        "balances": ward.ask(ProjectBalances { fund: q.fund.clone() })?,
        "what_if": what_if,
        "statement_sha256": Hash::of_bytes(serde_json::to_string(&statement).unwrap_or_default().as_bytes()),
    }))
}

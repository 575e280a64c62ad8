//! A compound under trust-based property management and a year of its common fund, as
//! steps any face can run: the main job runs it at 精城名典's size (606 homes), the
//! parity fixture at a small size, the fund benchmarks and tests build on it.

use chrono::NaiveDate;
use gridward::assembly::{AssemblyCommand, Choice, Matter, Subject};
use gridward::fund::ledger::{Posting, Transaction};
use gridward::fund::{Basis, FeeRate, FundCommand, IncomeSource, LineAmount, SharingKey, Voucher};
use gridward::grid::{GridCommand, NodeCode};
use gridward::{Command, Role};
use rust_decimal::Decimal;

use crate::parity::Step;
use crate::Mix;

/// The compound's unit (a 院落 grid of 吉福社区).
pub const COMPOUND: &str = "510105001001002";
/// The fund's id.
pub const FUND: &str = "jcmd";
/// The property manager (trustee), the supervisor and an owners' committee member.
pub const MANAGER: &str = "pm";
/// The supervisor (监察人).
pub const SUPERVISOR: &str = "sup";
/// An owners' committee member, who convenes the assembly.
pub const CONVENER: &str = "oc";
/// The budget lines: services and their yearly share of the budget, in percent.
pub const LINES: [(&str, u64); 5] = [
    ("cleaning", 30),
    ("security", 30),
    ("greening", 10),
    ("elevators", 20),
    ("repairs", 10),
];

/// The size of a compound.
#[derive(Clone, Copy, Debug)]
pub struct Shape {
    /// Homes.
    pub households: usize,
    /// Buildings (micro-grids).
    pub buildings: usize,
    /// Seed of the deterministic generator.
    pub seed: u64,
}

impl Shape {
    /// 精城名典: 606 homes in 12 buildings.
    pub const JCMD: Shape = Shape {
        households: 606,
        buildings: 12,
        seed: 606,
    };
    /// The parity fixture's compound: 24 homes in 3 buildings.
    pub const SMALL: Shape = Shape {
        households: 24,
        buildings: 3,
        seed: 24,
    };
}

fn code(text: &str) -> NodeCode {
    NodeCode::parse(text).expect("scenario codes are valid")
}

fn yuan(fen: u64) -> gridward::money::Amount {
    gridward::money::Amount::from_fen(fen as i64)
}

fn date(m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, m, d).expect("scenario dates are valid")
}

/// Steps, written as they are given.
#[derive(Default)]
pub struct Script {
    /// The steps so far.
    pub steps: Vec<Step<Command>>,
}

impl Script {
    fn at(&mut self, actor: Option<&str>, when: String, command: impl Into<Command>) {
        self.steps.push(Step {
            actor: actor.map(str::to_owned),
            at: when,
            key: None,
            command: command.into(),
            expect_error: None,
        });
    }

    fn refused(
        &mut self,
        actor: Option<&str>,
        when: String,
        command: impl Into<Command>,
        code: &str,
    ) {
        self.at(actor, when, command);
        if let Some(last) = self.steps.last_mut() {
            last.expect_error = Some(code.to_owned());
        }
    }

    fn keyed(&mut self, actor: Option<&str>, when: String, key: &str, command: impl Into<Command>) {
        self.at(actor, when, command);
        if let Some(last) = self.steps.last_mut() {
            last.key = Some(key.to_owned());
        }
    }
}

fn when(m: u32, d: u32, hour: u32) -> String {
    format!("2026-{m:02}-{d:02}T{hour:02}:00:00+08:00")
}

/// A home of the compound.
#[derive(Clone, Debug)]
pub struct Home {
    /// Its id (`building-unit-room`).
    pub id: String,
    /// Its building's micro-grid.
    pub building: usize,
    /// Exclusive area in hundredths of m².
    pub centi: u64,
    /// Its owner's person id.
    pub owner: String,
}

/// The homes of a compound: areas from 60 to 180 m² (most near 120), one owner owning
/// the first two homes.
pub fn homes(shape: Shape) -> Vec<Home> {
    let mut mix = Mix::new(shape.seed);
    (0..shape.households)
        .map(|i| {
            let building = i % shape.buildings;
            let floor = 1 + (i / shape.buildings) / 2;
            let room = 1 + (i / shape.buildings) % 2;
            let centi =
                6_000 + mix.between(0, 6_000) + mix.between(0, 6_000) + 50 * mix.between(0, 1);
            let owner = if i == 1 {
                "owner-0".to_owned()
            } else {
                format!("owner-{i}")
            };
            Home {
                id: format!("{}-{floor}{room:02}", building + 1),
                building,
                centi,
                owner,
            }
        })
        .collect()
}

/// The compound's grid, people, roles and owners' roll.
pub fn setup(script: &mut Script, shape: Shape) {
    let t = when(1, 2, 9);
    let units = [
        ("510105", "青羊区"),
        ("510105001", "草市街街道"),
        ("510105001001", "吉福社区"),
        (COMPOUND, "精城名典院落"),
    ];
    for (c, name) in units {
        script.at(
            None,
            t.clone(),
            GridCommand::AddUnit {
                code: code(c),
                name: name.into(),
                domains: None,
            },
        );
    }
    for b in 0..shape.buildings {
        let c = format!("{COMPOUND}{:03}", b + 1);
        script.at(
            None,
            t.clone(),
            GridCommand::AddUnit {
                code: code(&c),
                name: format!("{}栋", b + 1),
                domains: None,
            },
        );
    }
    for (id, name, role) in [
        (MANAGER, "物业经理", Role::PropertyManager),
        (SUPERVISOR, "监察人", Role::FundSupervisor),
        (CONVENER, "业委会委员", Role::OwnersCommitteeMember),
    ] {
        script.at(
            None,
            t.clone(),
            GridCommand::AddPerson {
                id: id.into(),
                name: name.into(),
                phone: None,
                party_member: false,
            },
        );
        script.at(
            None,
            t.clone(),
            GridCommand::GrantRole {
                person: id.into(),
                role,
                unit: code(COMPOUND),
            },
        );
    }
    for (i, h) in homes(shape).into_iter().enumerate() {
        let unit = code(&format!("{COMPOUND}{:03}", h.building + 1));
        script.at(
            None,
            t.clone(),
            GridCommand::AddHousehold {
                id: h.id.clone(),
                unit,
                area: Decimal::new(h.centi as i64, 2),
            },
        );
        // The owner of the first home owns the second too.
        if i != 1 {
            script.at(
                None,
                t.clone(),
                GridCommand::AddPerson {
                    id: h.owner.clone(),
                    name: format!("业主{}", h.id),
                    phone: None,
                    party_member: false,
                },
            );
        }
        script.at(
            Some(CONVENER),
            t.clone(),
            AssemblyCommand::SetOwner {
                household: h.id,
                owner: Some(h.owner),
            },
        );
    }
}

fn voucher(
    mix: &mut Mix,
    reference: String,
    payee: &str,
    person: bool,
    description: &str,
) -> Voucher {
    Voucher {
        reference,
        document_hash: format!(
            "{:016x}{:016x}{:016x}{:016x}",
            mix.next_u64(),
            mix.next_u64(),
            mix.next_u64(),
            mix.next_u64()
        ),
        payee: payee.into(),
        payee_is_person: person,
        description: description.into(),
    }
}

/// Owners vote on a motion: `turnout` percent take part, `yes` percent of them for.
fn vote(
    script: &mut Script,
    mix: &mut Mix,
    shape: Shape,
    motion: &str,
    (m, d): (u32, u32),
    (turnout, yes): (u64, u64),
) {
    let mut owners: Vec<String> = homes(shape).into_iter().map(|h| h.owner).collect();
    owners.dedup();
    for (i, o) in owners.into_iter().enumerate() {
        // The first owner always takes part.
        if i > 0 && !mix.chance(turnout) {
            continue;
        }
        let choice = if mix.chance(yes) {
            Choice::Yes
        } else if mix.chance(70) {
            Choice::No
        } else {
            Choice::Abstain
        };
        script.at(
            Some(&o),
            when(m, d, 10),
            AssemblyCommand::CastVote {
                motion: motion.into(),
                owner: None,
                choice,
            },
        );
    }
}

fn motion(
    script: &mut Script,
    id: &str,
    title: &str,
    subject: Subject,
    m: u32,
    d: u32,
    closes: u32,
) {
    script.at(
        Some(CONVENER),
        when(m, d, 11),
        AssemblyCommand::OpenMotion {
            motion: id.into(),
            unit: code(COMPOUND),
            title: title.into(),
            subject,
            closes: crate::at(&when(m, closes, 18)),
        },
    );
}

/// A year of the compound's fund: fees billed monthly by area and mostly paid, parking
/// and advertising income, a budget approved by the owners, monthly spending within it
/// with vouchers (one large payment approved by the supervisor, one refused), an
/// amendment, remuneration at 12% of fees collected, a dividend of 4 yuan per m², a
/// reversal, and refusals that must leave no trace.
pub fn year(shape: Shape) -> Vec<Step<Command>> {
    let mut s = Script::default();
    let mut mix = Mix::new(shape.seed ^ 0x5eed);
    setup(&mut s, shape);
    let hs = homes(shape);
    let fund = || FUND.to_owned();
    let area_centi: u64 = hs.iter().map(|h| h.centi).sum();
    // Fees: 2.35 yuan per m² per month.
    let monthly_fees = area_centi * 235 / 100;
    let pm = Some(MANAGER);
    s.at(
        None,
        when(1, 2, 10),
        FundCommand::OpenFund {
            fund: fund(),
            name: "精城名典共有基金".into(),
            unit: code(COMPOUND),
            fee: FeeRate::Area {
                rate: Decimal::new(235, 2),
            },
            basis: Basis::Remuneration {
                percent: Decimal::from(12),
            },
            approval_threshold: None,
            rounding: None,
        },
    );
    let opening = Transaction::new(
        "opening",
        date(1, 2),
        "balance carried over",
        vec![
            Posting::new("assets:bank", yuan(monthly_fees * 2)),
            Posting::new("equity:fund", yuan(monthly_fees * 2).neg()),
        ],
    );
    s.at(
        pm,
        when(1, 2, 11),
        FundCommand::Post {
            fund: fund(),
            transactions: vec![opening],
        },
    );
    // Spending outside a budget line is refused.
    let stray = Transaction::new(
        "stray",
        date(1, 2),
        "no budget",
        vec![
            Posting::new("assets:bank", yuan(100).neg()),
            Posting::new("expenses:remuneration", yuan(100)),
        ],
    );
    s.refused(
        pm,
        when(1, 2, 11),
        FundCommand::Post {
            fund: fund(),
            transactions: vec![stray],
        },
        "spending_outside_budget",
    );
    // The yearly budget: 88% of the fees expected.
    let budget_total = monthly_fees * 12 * 88 / 100;
    let lines: Vec<LineAmount> = LINES
        .iter()
        .map(|(l, pct)| LineAmount {
            line: (*l).into(),
            amount: yuan(budget_total * pct / 100 / 100 * 100),
        })
        .collect();
    s.at(
        pm,
        when(1, 3, 9),
        FundCommand::ProposeBudget {
            fund: fund(),
            budget: "2026".into(),
            from: date(1, 1),
            to: date(12, 31),
            lines: lines.clone(),
        },
    );
    let early = FundCommand::RequestPayment {
        fund: fund(),
        payment: "early".into(),
        budget: "2026".into(),
        line: "cleaning".into(),
        amount: yuan(10_000),
        voucher: voucher(
            &mut mix,
            "INV-0".into(),
            "洁美保洁公司",
            false,
            "cleaning before approval",
        ),
    };
    s.refused(pm, when(1, 3, 10), early, "wrong_state");
    motion(
        &mut s,
        "m-budget",
        "2026年度开放式预算",
        Subject::ApproveBudget {
            fund: fund(),
            budget: "2026".into(),
        },
        1,
        3,
        9,
    );
    vote(&mut s, &mut mix, shape, "m-budget", (1, 5), (85, 80));
    s.refused(
        Some(CONVENER),
        when(1, 8, 10),
        AssemblyCommand::CloseMotion {
            motion: "m-budget".into(),
        },
        "voting_open",
    );
    s.at(
        Some(CONVENER),
        when(1, 9, 19),
        AssemblyCommand::CloseMotion {
            motion: "m-budget".into(),
        },
    );
    s.refused(
        Some("owner-2"),
        when(1, 10, 10),
        AssemblyCommand::CastVote {
            motion: "m-budget".into(),
            owner: None,
            choice: Choice::No,
        },
        "motion_closed",
    );

    for m in 1..=12u32 {
        let outer = std::mem::take(&mut s);
        // January's bills wait for the budget vote.
        let bill_day = if m == 1 { 10 } else { 1 };
        s.at(
            pm,
            when(m, bill_day, 9),
            FundCommand::BillFees {
                fund: fund(),
                month: format!("2026-{m:02}"),
            },
        );
        if m == 1 {
            s.refused(
                pm,
                when(m, bill_day, 9),
                FundCommand::BillFees {
                    fund: fund(),
                    month: "2026-01".into(),
                },
                "billed_already",
            );
        }
        // Payments: most pay each month; some pay a quarter at once; a few fall behind.
        for (i, h) in hs.iter().enumerate() {
            let fee_fen = (h.centi * 235 + 50) / 100;
            let (pays, months) = match i % 10 {
                0 => (m % 3 == 0, 3),
                1 => (m >= 7 && m % 6 == 0, 6),
                9 => (false, 0),
                _ => (true, 1),
            };
            if pays && months > 0 {
                let day = if m == 1 {
                    11 + (i as u32 % 14)
                } else {
                    5 + (i as u32 % 20)
                };
                s.at(
                    pm,
                    when(m, day, 15),
                    FundCommand::RecordPayment {
                        fund: fund(),
                        payment: format!("pay-{m:02}-{}", h.id),
                        household: h.id.clone(),
                        amount: yuan(fee_fen * months),
                    },
                );
            }
        }
        if m == 2 {
            // A payment retried with its idempotency key has one effect.
            let h = &hs[2];
            let again = FundCommand::RecordPayment {
                fund: fund(),
                payment: "late-2".into(),
                household: h.id.clone(),
                amount: yuan(5_000),
            };
            s.keyed(pm, when(2, 26, 15), "pay-late-2", again.clone());
            s.keyed(pm, when(2, 26, 15), "pay-late-2", again);
            // A payment recorded by mistake is reversed.
            s.at(
                pm,
                when(2, 27, 9),
                FundCommand::Reverse {
                    fund: fund(),
                    transaction: "rev-late-2".into(),
                    reverses: "late-2".into(),
                    reason: "recorded twice on the bank statement".into(),
                },
            );
        }
        // Common income: parking every month, advertising each quarter.
        let parking = 4_000 * shape.households as u64 + mix.between(0, 100_000);
        s.at(
            pm,
            when(m, 28, 16),
            FundCommand::RecordIncome {
                fund: fund(),
                id: format!("parking-{m:02}"),
                source: IncomeSource::Parking,
                amount: yuan(parking),
                description: format!("车位费 {m}月"),
            },
        );
        if m % 3 == 0 {
            s.at(
                pm,
                when(m, 28, 16),
                FundCommand::RecordIncome {
                    fund: fund(),
                    id: format!("ads-{m:02}"),
                    source: IncomeSource::Advertising,
                    amount: yuan(3_000 * shape.households as u64),
                    description: "电梯广告".into(),
                },
            );
        }
        // Spending: each line's monthly share, a little under.
        for (j, (line, pct)) in LINES.iter().enumerate() {
            // Elevators keep a third of their line for the overhaul in April.
            let pace = if *line == "elevators" { 60 } else { 90 };
            let amount = budget_total * pct / 100 / 12 * (pace + mix.between(0, 8)) / 100;
            let payee = [
                "洁美保洁公司",
                "安居保安公司",
                "绿源园林",
                "迅达电梯维保",
                "张师傅",
            ][j];
            let payment = format!("{line}-{m:02}");
            s.at(
                pm,
                when(m, 20, 10),
                FundCommand::RequestPayment {
                    fund: fund(),
                    payment: payment.clone(),
                    budget: "2026".into(),
                    line: (*line).into(),
                    amount: yuan(amount),
                    voucher: voucher(
                        &mut mix,
                        format!("INV-{m:02}-{j}"),
                        payee,
                        j == 4,
                        &format!("{line} {m}月"),
                    ),
                },
            );
            // Above the threshold (5,000.00) the supervisor approves it first.
            if amount > 500_000 {
                s.at(
                    Some(SUPERVISOR),
                    when(m, 21, 10),
                    FundCommand::ApprovePayment {
                        fund: fund(),
                        payment,
                    },
                );
            }
        }
        s.at(
            pm,
            when(m, 28, 17),
            FundCommand::AccrueRemuneration {
                fund: fund(),
                accrual: format!("rem-{m:02}"),
                from: date(m, 1),
                to: month_end(m),
            },
        );
        s.at(
            pm,
            when(m, 28, 18),
            FundCommand::PayRemuneration {
                fund: fund(),
                payment: format!("rem-paid-{m:02}"),
                amount: remuneration_due(&s, m),
            },
        );
        if m == 4 {
            extraordinary(&mut s, &mut mix, shape, budget_total);
        }
        if m == 6 {
            s.refused(
                Some("owner-3"),
                when(6, 2, 9),
                FundCommand::RecordIncome {
                    fund: fund(),
                    id: "x".into(),
                    source: IncomeSource::Other,
                    amount: yuan(100),
                    description: String::new(),
                },
                "permission_denied",
            );
            motion(
                &mut s,
                "m-base",
                "公共收益计入酬金基数",
                Subject::CommonIncomeInBase {
                    fund: fund(),
                    include: true,
                },
                6,
                3,
                12,
            );
            vote(&mut s, &mut mix, shape, "m-base", (6, 6), (50, 30));
            s.at(
                Some(CONVENER),
                when(6, 12, 19),
                AssemblyCommand::CloseMotion {
                    motion: "m-base".into(),
                },
            );
            motion(
                &mut s,
                "m-ads",
                "电梯广告位经营合同",
                Subject::Matter {
                    matter: Matter::BusinessUseOfCommonParts,
                },
                6,
                3,
                12,
            );
            vote(&mut s, &mut mix, shape, "m-ads", (6, 7), (90, 90));
            s.at(
                Some(CONVENER),
                when(6, 12, 19),
                AssemblyCommand::CloseMotion {
                    motion: "m-ads".into(),
                },
            );
        }
        if m == 12 {
            dividend(&mut s, &mut mix, shape);
        }
        // The month's steps in the order of their times (ties keep their order).
        s.steps.sort_by(|a, b| a.at.cmp(&b.at));
        let mut month = std::mem::replace(&mut s, outer);
        s.steps.append(&mut month.steps);
    }
    s.refused(
        pm,
        when(12, 31, 18),
        FundCommand::PayRemuneration {
            fund: fund(),
            payment: "rem-over".into(),
            amount: yuan(1),
        },
        "negative_balance",
    );
    s.steps
}

/// Remuneration owed after an accrual in month `m`: what the scenario's own accruals
/// came to is not known to the script, so it pays what it can prove — the fees the
/// script recorded as paid in the month, at 12%, rounded half up.
fn remuneration_due(s: &Script, m: u32) -> gridward::money::Amount {
    let prefix = format!("pay-{m:02}-");
    let fen: u64 = s
        .steps
        .iter()
        .filter_map(|st| match &st.command {
            Command::Fund(FundCommand::RecordPayment {
                payment, amount, ..
            }) if payment.starts_with(&prefix) => amount.fen().map(|f| f as u64),
            _ => None,
        })
        .sum();
    yuan((fen * 12 + 50) / 100)
}

/// April: a large elevator repair approved by the supervisor, one payment refused, one
/// over its line, and an amendment to the repairs line.
fn extraordinary(s: &mut Script, mix: &mut Mix, shape: Shape, budget_total: u64) {
    let pm = Some(MANAGER);
    let fund = || FUND.to_owned();
    let big = 1_200_000.min(budget_total * 20 / 100 / 3);
    s.at(
        pm,
        when(4, 8, 10),
        FundCommand::RequestPayment {
            fund: fund(),
            payment: "elevator-overhaul".into(),
            budget: "2026".into(),
            line: "elevators".into(),
            amount: yuan(big.max(500_001)),
            voucher: voucher(
                mix,
                "CON-2026-07".into(),
                "迅达电梯维保",
                false,
                "曳引机大修",
            ),
        },
    );
    s.refused(
        pm,
        when(4, 8, 11),
        FundCommand::ApprovePayment {
            fund: fund(),
            payment: "elevator-overhaul".into(),
        },
        "permission_denied",
    );
    s.at(
        Some(SUPERVISOR),
        when(4, 9, 10),
        FundCommand::ApprovePayment {
            fund: fund(),
            payment: "elevator-overhaul".into(),
        },
    );
    s.at(
        pm,
        when(4, 10, 10),
        FundCommand::RequestPayment {
            fund: fund(),
            payment: "gate-upgrade".into(),
            budget: "2026".into(),
            line: "repairs".into(),
            amount: yuan(500_100),
            voucher: voucher(mix, "QUO-88".into(), "李四", true, "门禁升级报价"),
        },
    );
    s.at(
        Some(SUPERVISOR),
        when(4, 11, 10),
        FundCommand::RejectPayment {
            fund: fund(),
            payment: "gate-upgrade".into(),
            reason: "报价高于市场价，请重新询价".into(),
        },
    );
    let repairs = budget_total * 10 / 100;
    s.refused(
        pm,
        when(4, 12, 10),
        FundCommand::RequestPayment {
            fund: fund(),
            payment: "roof".into(),
            budget: "2026".into(),
            line: "repairs".into(),
            amount: yuan(repairs),
            voucher: voucher(mix, "QUO-90".into(), "蓝天防水", false, "屋面防水"),
        },
        "over_budget",
    );
    let amended = LineAmount {
        line: "repairs".into(),
        amount: yuan(repairs / 100 * 100 * 2),
    };
    s.at(
        pm,
        when(4, 13, 10),
        FundCommand::ProposeAmendment {
            fund: fund(),
            budget: "2026".into(),
            amendment: "a1".into(),
            lines: vec![amended],
            reason: "屋面防水".into(),
        },
    );
    motion(
        s,
        "m-roof",
        "预算调整：屋面防水",
        Subject::AmendBudget {
            fund: fund(),
            budget: "2026".into(),
            amendment: "a1".into(),
        },
        4,
        13,
        20,
    );
    vote(s, mix, shape, "m-roof", (4, 15), (80, 75));
    s.at(
        Some(CONVENER),
        when(4, 20, 19),
        AssemblyCommand::CloseMotion {
            motion: "m-roof".into(),
        },
    );
    s.at(
        pm,
        when(4, 21, 10),
        FundCommand::RequestPayment {
            fund: fund(),
            payment: "roof".into(),
            budget: "2026".into(),
            line: "repairs".into(),
            amount: yuan(repairs.min(500_000)),
            voucher: voucher(mix, "QUO-90".into(), "蓝天防水", false, "屋面防水"),
        },
    );
}

/// December: a dividend of 4 yuan per m² of surplus common income, decided by the owners
/// and paid out.
fn dividend(s: &mut Script, mix: &mut Mix, shape: Shape) {
    let pm = Some(MANAGER);
    let fund = || FUND.to_owned();
    s.refused(
        pm,
        when(12, 1, 9),
        FundCommand::ProposeDividend {
            fund: fund(),
            dividend: "too-much".into(),
            amount: Some(yuan(1_000_000_000)),
            key: SharingKey::Area,
        },
        "not_available",
    );
    s.at(
        pm,
        when(12, 1, 10),
        FundCommand::ProposeDividend {
            fund: fund(),
            dividend: "2026".into(),
            amount: None,
            key: SharingKey::Rate {
                per_m2: Decimal::from(4),
            },
        },
    );
    motion(
        s,
        "m-dividend",
        "2026年公共收益分红",
        Subject::Dividend {
            fund: fund(),
            dividend: "2026".into(),
        },
        12,
        1,
        10,
    );
    s.refused(
        Some("outsider"),
        when(12, 2, 9),
        AssemblyCommand::CastVote {
            motion: "m-dividend".into(),
            owner: None,
            choice: Choice::Yes,
        },
        "unknown_actor",
    );
    vote(s, mix, shape, "m-dividend", (12, 4), (92, 95));
    s.refused(
        Some("owner-0"),
        when(12, 5, 9),
        AssemblyCommand::CastVote {
            motion: "m-dividend".into(),
            owner: None,
            choice: Choice::Yes,
        },
        "voted_already",
    );
    s.at(
        Some(CONVENER),
        when(12, 10, 19),
        AssemblyCommand::CloseMotion {
            motion: "m-dividend".into(),
        },
    );
    s.at(
        pm,
        when(12, 15, 10),
        FundCommand::PayDividend {
            fund: fund(),
            dividend: "2026".into(),
            payment: "dividend-2026-paid".into(),
        },
    );
}

fn month_end(m: u32) -> NaiveDate {
    if m == 12 {
        date(12, 31)
    } else {
        date(m + 1, 1).pred_opt().unwrap_or(date(m, 28))
    }
}

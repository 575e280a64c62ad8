//! A compound under trust-based property management and a year of its common fund, as
//! steps any face can run: the main job runs it at 精城名典's size (606 homes), the
//! parity fixture at a small size, the fund benchmarks and tests build on it.

use chrono::NaiveDate;
use gridward::assembly::{AssemblyCommand, Choice, Subject};
use gridward::fund::{Basis, FeeRate, Voucher};
use gridward::grid::{GridCommand, NodeCode};
use gridward::{Command, Role};
use rust_decimal::Decimal;

use crate::parity::Step;
use crate::Mix;

mod events;
mod year;

pub use year::year;

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

pub(crate) fn code(text: &str) -> NodeCode {
    NodeCode::parse(text).expect("scenario codes are valid")
}

pub(crate) fn yuan(fen: u64) -> gridward::money::Amount {
    gridward::money::Amount::from_fen(fen as i64)
}

pub(crate) fn date(m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, m, d).expect("scenario dates are valid")
}

/// Steps, written as they are given.
#[derive(Default)]
pub struct Script {
    /// The steps so far.
    pub steps: Vec<Step<Command>>,
}

impl Script {
    pub(crate) fn at(&mut self, actor: Option<&str>, when: String, command: impl Into<Command>) {
        self.steps.push(Step {
            actor: actor.map(str::to_owned),
            at: when,
            key: None,
            command: command.into(),
            expect_error: None,
        });
    }

    pub(crate) fn refused(
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

    pub(crate) fn keyed(
        &mut self,
        actor: Option<&str>,
        when: String,
        key: &str,
        command: impl Into<Command>,
    ) {
        self.at(actor, when, command);
        if let Some(last) = self.steps.last_mut() {
            last.key = Some(key.to_owned());
        }
    }
}

pub(crate) fn when(m: u32, d: u32, hour: u32) -> String {
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

pub(crate) fn voucher(
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
pub(crate) fn vote(
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

pub(crate) fn motion(
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

//! A small compound with an open fund whose fee and business uses the owners approved,
//! and an approved budget, for the fund tests.

use chrono::NaiveDate;
use gridward::assembly::{AssemblyCommand, Choice, Subject};
use gridward::fund::{Basis, FeeRate, FundCommand, FundSubject, IncomeSource, LineAmount, Voucher};
use gridward::grid::{GridCommand, NodeCode};
use gridward::money::Amount;
use gridward::{Actor, Command, Context, Error, Receipt, Role, Ward, WardConfig};
use rust_decimal::Decimal;

/// The compound's unit.
pub const UNIT: &str = "510105001001002";
/// The fund.
pub const FUND: &str = "f";

pub fn when(m: u32, d: u32) -> String {
    format!("2026-{m:02}-{d:02}T10:00:00+08:00")
}

pub fn day(m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, m, d).unwrap()
}

pub fn yuan(s: &str) -> Amount {
    s.parse().unwrap()
}

pub fn act(
    ward: &mut Ward,
    who: Option<&str>,
    at: &str,
    c: impl Into<Command>,
) -> Result<Receipt, Error> {
    let actor = who.map_or(Actor::System, Actor::person);
    let ctx = Context::new(actor, chrono::DateTime::parse_from_rfc3339(at).unwrap());
    ward.execute(&ctx, c)
}

/// A command that must be refused with `code`, leaving the ward exactly as it was.
pub fn refused(ward: &mut Ward, who: Option<&str>, at: &str, c: impl Into<Command>, code: &str) {
    let (head, digest) = (ward.head(), ward.state_digest());
    let err = act(ward, who, at, c).expect_err("the command must be refused");
    assert_eq!(err.code(), code, "{err}");
    assert_eq!((ward.head(), ward.state_digest()), (head, digest));
}

pub fn voucher(reference: &str) -> Voucher {
    Voucher {
        reference: reference.into(),
        document_hash: "ab".repeat(32),
        payee: "洁美保洁公司".into(),
        payee_is_person: false,
        description: "monthly cleaning".into(),
    }
}

/// A payment of `amount` against line `line` of budget `b`, with a voucher named `id`.
pub fn spend(id: &str, line: &str, amount: Amount) -> FundCommand {
    FundCommand::RequestPayment {
        fund: FUND.into(),
        payment: id.into(),
        budget: "b".into(),
        line: line.into(),
        amount,
        voucher: voucher(id),
    }
}

/// A household's payment of fees.
pub fn receipt(id: &str, household: &str, amount: Amount) -> FundCommand {
    FundCommand::RecordPayment {
        fund: FUND.into(),
        payment: id.into(),
        household: household.into(),
        amount,
    }
}

/// Homes of the given areas (m²) in one building of the compound, each with its own
/// owner `o<i>`; `pm` keeps the accounts, `sup` supervises, `oc` convenes.
pub fn compound(areas: &[&str], basis: Basis) -> Ward {
    let mut w = Ward::new(WardConfig::default());
    let t = when(1, 2);
    let units = [
        ("510105", "区"),
        ("510105001", "街道"),
        ("510105001001", "社区"),
        (UNIT, "院落"),
        ("510105001001002001", "1栋"),
    ];
    for (c, n) in units {
        act(
            &mut w,
            None,
            &t,
            GridCommand::AddUnit {
                code: NodeCode::parse(c).unwrap(),
                name: n.into(),
                domains: None,
            },
        )
        .unwrap();
    }
    for (p, role) in [
        ("pm", Role::PropertyManager),
        ("sup", Role::FundSupervisor),
        ("oc", Role::OwnersCommitteeMember),
    ] {
        act(
            &mut w,
            None,
            &t,
            GridCommand::AddPerson {
                id: p.into(),
                name: p.into(),
                phone: None,
                party_member: false,
            },
        )
        .unwrap();
        act(
            &mut w,
            None,
            &t,
            GridCommand::GrantRole {
                person: p.into(),
                role,
                unit: NodeCode::parse(UNIT).unwrap(),
            },
        )
        .unwrap();
    }
    for (i, a) in areas.iter().enumerate() {
        let (h, o) = (format!("h{i}"), format!("o{i}"));
        let unit = NodeCode::parse("510105001001002001").unwrap();
        act(
            &mut w,
            None,
            &t,
            GridCommand::AddHousehold {
                id: h.clone(),
                unit,
                area: a.parse().unwrap(),
            },
        )
        .unwrap();
        act(
            &mut w,
            None,
            &t,
            GridCommand::AddPerson {
                id: o.clone(),
                name: o.clone(),
                phone: None,
                party_member: false,
            },
        )
        .unwrap();
        act(
            &mut w,
            Some("oc"),
            &t,
            AssemblyCommand::SetOwner {
                household: h,
                owner: Some(o),
            },
        )
        .unwrap();
    }
    let open = FundCommand::OpenFund {
        fund: FUND.into(),
        name: "院落共有基金".into(),
        unit: NodeCode::parse(UNIT).unwrap(),
        fee: FeeRate::Area {
            rate: Decimal::new(4, 0),
        },
        basis,
        approval_threshold: None,
        rounding: None,
    };
    act(&mut w, None, &t, open).unwrap();
    owners_allow(&mut w, areas.len());
    w
}

/// The owners approve the fee proposed with the fund (4 yuan/m²) and allow every business
/// use of common parts, by motions opened on 2 January and closed on the 3rd.
pub fn owners_allow(w: &mut Ward, owners: usize) {
    let fee = FundSubject::ApproveFee {
        fund: FUND.into(),
        standard: "opening".into(),
    };
    pass(w, owners, "m-fee", Subject::Fund(fee), 1, 2);
    let uses = FundSubject::AllowBusinessUse {
        fund: FUND.into(),
        uses: IncomeSource::ALL.to_vec(),
        until: None,
    };
    pass(w, owners, "m-uses", Subject::Fund(uses), 1, 2);
}

/// Proposes a budget of `lines` for 2026 and has every owner approve it.
pub fn approve_budget(w: &mut Ward, owners: usize, lines: &[(&str, &str)]) {
    let lines = lines
        .iter()
        .map(|(l, a)| LineAmount {
            line: (*l).into(),
            amount: yuan(a),
        })
        .collect();
    act(
        w,
        Some("pm"),
        &when(1, 3),
        FundCommand::ProposeBudget {
            fund: FUND.into(),
            budget: "b".into(),
            from: day(1, 1),
            to: day(12, 31),
            lines,
            fee: None,
        },
    )
    .unwrap();
    pass(
        w,
        owners,
        "m-b",
        Subject::Fund(FundSubject::ApproveBudget {
            fund: FUND.into(),
            budget: "b".into(),
        }),
        1,
        4,
    );
}

/// Puts a motion to the vote on day `d` of month `m`, every owner votes yes, and it
/// closes the next day.
pub fn pass(w: &mut Ward, owners: usize, motion: &str, subject: Subject, m: u32, d: u32) {
    let closes =
        chrono::DateTime::parse_from_rfc3339(&format!("2026-{m:02}-{:02}T09:00:00+08:00", d + 1))
            .unwrap();
    act(
        w,
        Some("oc"),
        &when(m, d),
        AssemblyCommand::OpenMotion {
            motion: motion.into(),
            unit: NodeCode::parse(UNIT).unwrap(),
            title: motion.into(),
            subject,
            closes,
        },
    )
    .unwrap();
    for i in 0..owners {
        act(
            w,
            Some(&format!("o{i}")),
            &when(m, d),
            AssemblyCommand::CastVote {
                motion: motion.into(),
                owner: None,
                choice: Choice::Yes,
            },
        )
        .unwrap();
    }
    act(
        w,
        Some("oc"),
        &when(m, d + 1),
        AssemblyCommand::CloseMotion {
            motion: motion.into(),
        },
    )
    .unwrap();
}

//! The year's occasions beyond the monthly round: April's large payments and amendment,
//! December's dividend.

use gridward::assembly::{AssemblyCommand, Choice, Subject};
use gridward::fund::{FundCommand, FundSubject, LineAmount, SharingKey};
use rust_decimal::Decimal;

use super::*;
use crate::Mix;

/// April: a large elevator repair approved by the supervisor, one payment refused, one
/// over its line, and an amendment to the repairs line.
pub(super) fn extraordinary(s: &mut Script, mix: &mut Mix, shape: Shape, budget_total: u64) {
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
        Subject::Fund(FundSubject::AmendBudget {
            fund: fund(),
            budget: "2026".into(),
            amendment: "a1".into(),
        }),
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
pub(super) fn dividend(s: &mut Script, mix: &mut Mix, shape: Shape) {
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
        Subject::Fund(FundSubject::Dividend {
            fund: fund(),
            dividend: "2026".into(),
        }),
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

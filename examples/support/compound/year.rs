//! A year of the compound's common fund, month by month.

use chrono::NaiveDate;
use gridward::assembly::{AssemblyCommand, Choice, Subject};
use gridward::fund::ledger::{Posting, Transaction};
use gridward::fund::{FundCommand, FundSubject, IncomeSource, LineAmount};
use gridward::Command;
use rust_decimal::Decimal;

use super::*;
use crate::parity::Step;
use crate::Mix;

/// A year of the compound's fund: a budget with its fee standard approved by the owners,
/// fees billed monthly by area under it and mostly paid, parking income from January and
/// advertising income from June, each once the owners allowed that business use of
/// common parts by a special resolution, monthly spending within the budget with vouchers
/// (one large payment approved by the supervisor, one refused), an amendment,
/// remuneration at 12% of fees collected, a dividend of 4 yuan per m², a reversal, and
/// refusals that must leave no trace.
pub fn year(shape: Shape) -> Vec<Step<Command>> {
    let mut s = Script::default();
    let mut mix = Mix::new(shape.seed ^ 0x5eed);
    setup(&mut s, shape);
    let hs = homes(shape);
    let fund = || FUND.to_owned();
    let area_centi: u64 = hs.iter().map(|h| h.centi).sum();
    // Fees: 2.35 yuan per m² per month, proposed with the fund and again in the budget,
    // which the owners approve.
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
            fee: Some(FeeRate::Area {
                rate: Decimal::new(235, 2),
            }),
        },
    );
    // No fee is billable before the owners approve one.
    s.refused(
        pm,
        when(1, 3, 10),
        FundCommand::BillFees {
            fund: fund(),
            month: "2026-01".into(),
        },
        "no_fee_standard",
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
        Subject::Fund(FundSubject::ApproveBudget {
            fund: fund(),
            budget: "2026".into(),
        }),
        1,
        3,
        9,
    );
    // Parking on common ground is business use of common parts: a special matter.
    motion(
        &mut s,
        "m-parking",
        "地面停车位经营",
        Subject::Fund(FundSubject::AllowBusinessUse {
            fund: fund(),
            uses: vec![IncomeSource::Parking],
            until: None,
        }),
        1,
        3,
        9,
    );
    vote(&mut s, &mut mix, shape, "m-budget", (1, 5), (85, 80));
    // Its ballots draw on a mix of their own, so the rest of the year is as it was.
    let mut ballots = Mix::new(shape.seed ^ 0xfee);
    vote(&mut s, &mut ballots, shape, "m-parking", (1, 6), (95, 97));
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
    s.at(
        Some(CONVENER),
        when(1, 9, 19),
        AssemblyCommand::CloseMotion {
            motion: "m-parking".into(),
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
        let ads = FundCommand::RecordIncome {
            fund: fund(),
            id: format!("ads-{m:02}"),
            source: IncomeSource::Advertising,
            amount: yuan(3_000 * shape.households as u64),
            description: "电梯广告".into(),
        };
        // Advertising each quarter once the owners allowed it in June; not before.
        if m == 3 {
            s.refused(pm, when(m, 28, 16), ads, "business_use_not_allowed");
        } else if m % 3 == 0 {
            s.at(pm, when(m, 28, 16), ads);
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
            super::events::extraordinary(&mut s, &mut mix, shape, budget_total);
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
                Subject::Fund(FundSubject::CommonIncomeInBase {
                    fund: fund(),
                    include: true,
                }),
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
                Subject::Fund(FundSubject::AllowBusinessUse {
                    fund: fund(),
                    uses: vec![IncomeSource::Advertising],
                    until: Some(date(12, 31)),
                }),
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
            super::events::dividend(&mut s, &mut mix, shape);
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

fn month_end(m: u32) -> NaiveDate {
    if m == 12 {
        date(12, 31)
    } else {
        date(m + 1, 1).pred_opt().unwrap_or(date(m, 28))
    }
}

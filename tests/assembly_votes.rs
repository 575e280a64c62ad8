//! The owners' assembly through the ward: the roll, who may vote, paper ballots, the
//! count at the boundaries of Art. 278, and what a passed motion does to the fund.

mod common;

use common::fund::*;
use gridward::assembly::{AssemblyCommand, Choice, Matter, Outcome, Subject};
use gridward::fund::{Approval, Basis, FeeRate, FundCommand, FundSubject, LineAmount};
use gridward::grid::NodeCode;
use rust_decimal::Decimal;

fn ward(n: usize) -> gridward::Ward {
    let areas: Vec<&str> = vec!["100"; n];
    compound(
        &areas,
        Basis::Remuneration {
            percent: Decimal::from(10),
        },
    )
}

fn open(w: &mut gridward::Ward, motion: &str, subject: Subject) {
    let closes = chrono::DateTime::parse_from_rfc3339("2026-03-10T18:00:00+08:00").unwrap();
    let unit = NodeCode::parse(UNIT).unwrap();
    act(
        w,
        Some("oc"),
        &when(3, 1),
        AssemblyCommand::OpenMotion {
            motion: motion.into(),
            unit,
            title: motion.into(),
            subject,
            closes,
        },
    )
    .unwrap();
}

fn vote(w: &mut gridward::Ward, motion: &str, owner: usize, choice: Choice) {
    let c = AssemblyCommand::CastVote {
        motion: motion.into(),
        owner: None,
        choice,
    };
    act(w, Some(&format!("o{owner}")), &when(3, 2), c).unwrap();
}

fn close(w: &mut gridward::Ward, motion: &str) -> Outcome {
    act(
        w,
        Some("oc"),
        "2026-03-10T19:00:00+08:00",
        AssemblyCommand::CloseMotion {
            motion: motion.into(),
        },
    )
    .unwrap();
    w.assembly()
        .motion(motion)
        .unwrap()
        .tally
        .as_ref()
        .unwrap()
        .outcome
}

const SPECIAL: Subject = Subject::Matter {
    matter: Matter::Rebuild,
};
const ORDINARY: Subject = Subject::Matter {
    matter: Matter::UseMaintenanceFund,
};

#[test]
fn exactly_two_thirds_take_part_and_exactly_three_quarters_say_yes() {
    // 12 equal homes: 8 take part (exactly 2/3), 6 of them yes (exactly 3/4).
    let mut w = ward(12);
    open(&mut w, "m", SPECIAL);
    for i in 0..8 {
        vote(&mut w, "m", i, if i < 6 { Choice::Yes } else { Choice::No });
    }
    assert_eq!(close(&mut w, "m"), Outcome::Passed);
    let mut w = ward(12);
    open(&mut w, "m", SPECIAL);
    for i in 0..8 {
        vote(&mut w, "m", i, if i < 5 { Choice::Yes } else { Choice::No });
    }
    assert_eq!(close(&mut w, "m"), Outcome::Rejected);
    let mut w = ward(12);
    open(&mut w, "m", SPECIAL);
    for i in 0..7 {
        vote(&mut w, "m", i, Choice::Yes);
    }
    assert_eq!(close(&mut w, "m"), Outcome::NoQuorum);
}

#[test]
fn exactly_half_is_not_a_majority() {
    let mut w = ward(12);
    open(&mut w, "m", ORDINARY);
    for i in 0..8 {
        vote(&mut w, "m", i, if i < 4 { Choice::Yes } else { Choice::No });
    }
    assert_eq!(close(&mut w, "m"), Outcome::Rejected);
    let mut w = ward(12);
    open(&mut w, "m", ORDINARY);
    for i in 0..8 {
        vote(&mut w, "m", i, if i < 5 { Choice::Yes } else { Choice::No });
    }
    assert_eq!(close(&mut w, "m"), Outcome::Passed);
}

#[test]
fn who_may_vote_and_when() {
    let mut w = ward(3);
    open(&mut w, "m", ORDINARY);
    // An owner votes once; a neighbour may not vote for them; the convener records a
    // paper ballot; someone owning nothing here may not vote.
    vote(&mut w, "m", 0, Choice::Yes);
    refused(
        &mut w,
        Some("o0"),
        &when(3, 2),
        AssemblyCommand::CastVote {
            motion: "m".into(),
            owner: None,
            choice: Choice::No,
        },
        "voted_already",
    );
    refused(
        &mut w,
        Some("o0"),
        &when(3, 2),
        AssemblyCommand::CastVote {
            motion: "m".into(),
            owner: Some("o1".into()),
            choice: Choice::No,
        },
        "permission_denied",
    );
    act(
        &mut w,
        Some("oc"),
        &when(3, 2),
        AssemblyCommand::CastVote {
            motion: "m".into(),
            owner: Some("o1".into()),
            choice: Choice::Yes,
        },
    )
    .unwrap();
    refused(
        &mut w,
        Some("pm"),
        &when(3, 2),
        AssemblyCommand::CastVote {
            motion: "m".into(),
            owner: None,
            choice: Choice::Yes,
        },
        "not_an_owner",
    );
    refused(
        &mut w,
        Some("o2"),
        "2026-03-10T18:00:00+08:00",
        AssemblyCommand::CastVote {
            motion: "m".into(),
            owner: None,
            choice: Choice::Yes,
        },
        "voting_ended",
    );
    refused(
        &mut w,
        Some("o2"),
        &when(3, 3),
        AssemblyCommand::CloseMotion { motion: "m".into() },
        "permission_denied",
    );
    refused(
        &mut w,
        Some("oc"),
        &when(3, 3),
        AssemblyCommand::CloseMotion { motion: "m".into() },
        "voting_open",
    );
    assert_eq!(close(&mut w, "m"), Outcome::Passed);
    let m = w.assembly().motion("m").unwrap();
    assert_eq!(m.votes.len(), 2);
}

#[test]
fn an_owner_of_two_homes_counts_once_with_both_areas() {
    let mut w = ward(3);
    act(
        &mut w,
        Some("oc"),
        &when(2, 1),
        AssemblyCommand::SetOwner {
            household: "h1".into(),
            owner: Some("o0".into()),
        },
    )
    .unwrap();
    open(&mut w, "m", ORDINARY);
    vote(&mut w, "m", 0, Choice::Yes);
    let t = w.assembly().count(w.grid(), "m").unwrap();
    assert_eq!((t.total_owners, t.voted_owners), (2, 1));
    assert_eq!(
        (t.total_area, t.voted_area),
        (Decimal::from(300), Decimal::from(200))
    );
    assert!(!t.quorum);
}

#[test]
fn a_passed_budget_takes_effect_and_a_failed_one_does_not() {
    let mut w = ward(3);
    let lines = vec![LineAmount {
        line: "cleaning".into(),
        amount: yuan("1000"),
    }];
    for (b, rate) in [("yes", 5), ("no", 6)] {
        let c = FundCommand::ProposeBudget {
            fund: FUND.into(),
            budget: b.into(),
            from: day(1, 1),
            to: day(12, 31),
            lines: lines.clone(),
            fee: Some(FeeRate::Area {
                rate: Decimal::from(rate),
            }),
        };
        act(&mut w, Some("pm"), &when(2, 1), c).unwrap();
    }
    open(
        &mut w,
        "m-yes",
        Subject::Fund(FundSubject::ApproveBudget {
            fund: FUND.into(),
            budget: "yes".into(),
        }),
    );
    open(
        &mut w,
        "m-no",
        Subject::Fund(FundSubject::ApproveBudget {
            fund: FUND.into(),
            budget: "no".into(),
        }),
    );
    let again = Subject::Fund(FundSubject::ApproveBudget {
        fund: FUND.into(),
        budget: "yes".into(),
    });
    let closes = chrono::DateTime::parse_from_rfc3339("2026-03-10T18:00:00+08:00").unwrap();
    let unit = NodeCode::parse(UNIT).unwrap();
    refused(
        &mut w,
        Some("oc"),
        &when(3, 1),
        AssemblyCommand::OpenMotion {
            motion: "m-twice".into(),
            unit,
            title: "t".into(),
            subject: again,
            closes,
        },
        "subject_pending",
    );
    for i in 0..3 {
        vote(&mut w, "m-yes", i, Choice::Yes);
        vote(&mut w, "m-no", i, Choice::No);
    }
    assert_eq!(close(&mut w, "m-yes"), Outcome::Passed);
    assert_eq!(close(&mut w, "m-no"), Outcome::Rejected);
    let f = w.fund(FUND).unwrap();
    assert_eq!(f.budgets["yes"].approval, Approval::Approved);
    assert_eq!(f.budgets["no"].approval, Approval::Rejected);
    assert!(f.ledger.has_account("expenses:cleaning"));
    // The fee each budget carries shares its fate; the approved one is billable from
    // the budget's first month.
    let standards: Vec<_> = f
        .fee_standards
        .iter()
        .map(|s| (s.id.as_str(), s.approval))
        .collect();
    assert_eq!(
        standards,
        [
            ("opening", Approval::Approved),
            ("yes", Approval::Approved),
            ("no", Approval::Rejected)
        ]
    );
    assert_eq!(
        f.fee_standard("2026-03").map(|s| s.id.as_str()),
        Some("yes")
    );
    // A decided budget cannot be put to the vote again.
    let closes = chrono::DateTime::parse_from_rfc3339("2026-04-10T18:00:00+08:00").unwrap();
    let subject = Subject::Fund(FundSubject::ApproveBudget {
        fund: FUND.into(),
        budget: "no".into(),
    });
    refused(
        &mut w,
        Some("oc"),
        &when(4, 1),
        AssemblyCommand::OpenMotion {
            motion: "m-retry".into(),
            unit,
            title: "t".into(),
            subject,
            closes,
        },
        "wrong_state",
    );
}

//! Unit tests of the selection rules on small elections worked by hand.

use rust_decimal::Decimal;

use super::{check_ballot, select, BallotError, SelectionError};
use crate::projects::{Ballot, BallotForm, BallotKind, Candidate, Election, Reason, Rule};

fn candidate(id: &str, cost: i64) -> Candidate {
    Candidate {
        id: id.into(),
        cost: Decimal::from(cost),
        name: String::new(),
        category: None,
    }
}

fn ballot(voter: &str, choices: &[&str]) -> Ballot {
    Ballot {
        voter: voter.into(),
        choices: choices.iter().map(|c| c.to_string()).collect(),
        points: Vec::new(),
    }
}

fn election(budget: i64, candidates: Vec<Candidate>, ballots: Vec<Ballot>) -> Election {
    Election {
        budget: Decimal::from(budget),
        form: BallotForm::new(BallotKind::Approval),
        candidates,
        ballots,
    }
}

#[test]
fn greedy_skips_and_no_skip_stops() {
    let e = election(
        10,
        vec![candidate("a", 6), candidate("b", 5), candidate("c", 4)],
        vec![
            ballot("1", &["a", "b", "c"]),
            ballot("2", &["a", "b"]),
            ballot("3", &["a"]),
        ],
    );
    let g = select(&e, &Rule::Greedy).unwrap();
    assert_eq!(g.selected, vec!["a", "c"]);
    assert_eq!(
        g.projects[1].reason,
        Reason::DoesNotFit {
            left: Decimal::from(4)
        }
    );
    let n = select(&e, &Rule::GreedyNoSkip).unwrap();
    assert_eq!(n.selected, vec!["a"]);
    assert_eq!(
        n.projects[2].reason,
        Reason::AfterStop {
            stopped_at: "b".into()
        }
    );
    let t = select(
        &e,
        &Rule::GreedyThreshold {
            min_score: Decimal::from(2),
        },
    )
    .unwrap();
    assert_eq!(t.selected, vec!["a"]);
    assert_eq!(t.projects[2].reason, Reason::BelowThreshold);
}

#[test]
fn greedy_ties_go_to_more_votes_then_lower_cost() {
    let mut e = election(
        10,
        vec![candidate("a", 8), candidate("b", 7)],
        vec![ballot("1", &["a", "b"]), ballot("2", &["a", "b"])],
    );
    assert_eq!(select(&e, &Rule::Greedy).unwrap().selected, vec!["b"]);
    e.form = BallotForm::cumulative(None, None);
    e.ballots = vec![
        Ballot {
            voter: "1".into(),
            choices: vec!["a".into(), "b".into()],
            points: vec![1, 2],
        },
        Ballot {
            voter: "2".into(),
            choices: vec!["a".into()],
            points: vec![1],
        },
    ];
    // Both score 2; a has two votes.
    assert_eq!(select(&e, &Rule::Greedy).unwrap().selected, vec!["a"]);
}

#[test]
fn equal_shares_splits_costs_exactly() {
    // Three voters, budget 300: 100 each. a (cost 200) by voters 1 and 2; b (cost 150)
    // by voter 3 alone cannot be paid at 100 each, nor at 101 (add1 stops when the
    // outcome would cost more than 300: at 150 each, a and b cost 350).
    let e = election(
        300,
        vec![candidate("a", 200), candidate("b", 150), candidate("c", 90)],
        vec![
            ballot("1", &["a", "c"]),
            ballot("2", &["a"]),
            ballot("3", &["b", "c"]),
        ],
    );
    let s = select(&e, &Rule::EqualShares).unwrap();
    assert_eq!(s.selected, vec!["a", "c"]);
    assert!(s.cost <= e.budget);
    let total: Vec<&str> = s.payments.iter().map(|p| p.paid.as_str()).collect();
    assert!(!total.is_empty());
}

#[test]
fn equal_shares_payments_are_fractions() {
    let e = election(
        4,
        vec![candidate("a", 1), candidate("b", 10)],
        vec![
            ballot("1", &["a"]),
            ballot("2", &["a"]),
            ballot("3", &["a"]),
        ],
    );
    // Everything does not fit (11 > 4): add1 from floor(4/3) = 1 each.
    let s = select(&e, &Rule::EqualShares).unwrap();
    assert_eq!(s.selected, vec!["a"]);
    assert_eq!(s.payments[0].paid, "1/3");
    assert_eq!(s.projects[1].reason, Reason::NoSupport);
}

#[test]
fn equal_shares_refuses_a_free_supported_project() {
    let e = election(
        4,
        vec![candidate("a", 0), candidate("b", 10)],
        vec![ballot("1", &["a"])],
    );
    assert_eq!(
        select(&e, &Rule::EqualShares),
        Err(SelectionError::FreeProject("a".into()))
    );
}

#[test]
fn ballots_are_checked_against_the_form() {
    let cands = vec![candidate("a", 5), candidate("b", 7)];
    let mut form = BallotForm::approval(Some(1), Some(1));
    assert!(check_ballot(&form, &cands, &ballot("v", &["a"])).is_ok());
    assert!(matches!(
        check_ballot(&form, &cands, &ballot("v", &["a", "b"])),
        Err(BallotError::TooMany { .. })
    ));
    assert!(matches!(
        check_ballot(&form, &cands, &ballot("v", &["x"])),
        Err(BallotError::UnknownProject { .. })
    ));
    form.max_length = None;
    form.max_sum_cost = Some(Decimal::from(10));
    assert!(matches!(
        check_ballot(&form, &cands, &ballot("v", &["a", "b"])),
        Err(BallotError::CostTooHigh { .. })
    ));
    assert!(matches!(
        check_ballot(&form, &cands, &ballot("v", &["a", "a"])),
        Err(BallotError::DuplicateChoice { .. })
    ));
    let cumulative = BallotForm::cumulative(Some(3), Some(4));
    let mut b = ballot("v", &["a", "b"]);
    b.points = vec![3, 2];
    assert!(matches!(
        check_ballot(&cumulative, &cands, &b),
        Err(BallotError::TooManyPoints { sum: 5, .. })
    ));
    b.points = vec![4];
    assert!(matches!(
        check_ballot(&cumulative, &cands, &b),
        Err(BallotError::PointsMismatch { .. })
    ));
    let one = BallotForm::new(BallotKind::ChooseOne);
    assert!(matches!(
        check_ballot(&one, &cands, &ballot("v", &[])),
        Err(BallotError::NotOne { count: 0, .. })
    ));
    assert_eq!(
        check_ballot(&one, &cands, &ballot(" ", &["a"])),
        Err(BallotError::NoVoter)
    );
}

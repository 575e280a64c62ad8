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
        g.projects[1].why(),
        Reason::DoesNotFit {
            left: Decimal::from(4)
        }
    );
    let n = select(&e, &Rule::GreedyNoSkip).unwrap();
    assert_eq!(n.selected, vec!["a"]);
    assert_eq!(
        n.projects[2].why(),
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
    assert_eq!(t.projects[2].why(), Reason::BelowThreshold);
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
fn equal_shares_completes_by_add1() {
    // Three voters, budget 300. c (90, voters 1 and 3) and a (200, voters 1 and 2) tie
    // at two effective votes; c is cheaper and goes first: voters 1 and 3 pay 45 each.
    // a then needs (s - 45) + s >= 200 from a share of s: s >= 123. b (150, voter 3)
    // needs s - 45 >= 150: at s = 195 all three would cost 440 > 300, so add1 stops at
    // 194 with c and a.
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
    assert_eq!(s.selected, vec!["c", "a"]);
    assert_eq!(s.voter_budget, Some(Decimal::from(194)));
    assert_eq!(s.cost, Decimal::from(290));
    // Voter 1 pays 45 for c; a's 200 is then split equally: 100 each (voter 1 holds 149).
    let one = s.payments.iter().find(|p| p.voter == "1").unwrap();
    assert_eq!(one.paid, "145");
    assert_eq!(
        one.projects,
        vec![
            ("c".to_string(), "45".to_string()),
            ("a".to_string(), "100".to_string())
        ]
    );
    let two = s.payments.iter().find(|p| p.voter == "2").unwrap();
    assert_eq!(two.paid, "100");
    assert_eq!(s.projects[2].why(), Reason::SupportersCannotPay);
}

#[test]
fn comparison_keeps_greedy_when_more_voters_prefer_it() {
    // Greedy funds x (three votes) and then y (the cheaper of the tied y and z); the
    // selection is whichever outcome the comparison keeps, and says why.
    let e = election(
        90,
        vec![candidate("x", 60), candidate("y", 30), candidate("z", 30)],
        vec![
            ballot("1", &["x"]),
            ballot("2", &["x"]),
            ballot("3", &["y", "z"]),
            ballot("4", &["x"]),
        ],
    );
    let mes = select(&e, &Rule::EqualShares).unwrap();
    let cmp = select(&e, &Rule::EqualSharesComparison).unwrap();
    let c = cmp.comparison.clone().unwrap();
    assert_eq!(c.equal_shares, mes.selected);
    assert_eq!(c.greedy, vec!["x", "y"]);
    if c.equal_shares_stands {
        assert_eq!(cmp.selected, mes.selected);
        assert!(c.prefer_equal_shares >= c.prefer_greedy);
    } else {
        assert_eq!(cmp.selected, c.greedy);
        assert!(c.prefer_greedy > c.prefer_equal_shares);
        assert!(cmp.payments.is_empty());
    }
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
    assert_eq!(s.projects[1].why(), Reason::NoSupport);
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

//! The floating-point run against the exact one: whenever it answers, it buys exactly
//! the projects the exact run buys, in the same order; on an exact tie it gives up.

use num_bigint::BigInt;
use num_rational::BigRational;
use proptest::prelude::*;
use rust_decimal::Decimal;

use super::exact::fraction;
use super::Instance;
use crate::projects::rules::score::Tally;
use crate::projects::{Ballot, BallotForm, BallotKind, Candidate, Election};

/// An approval election: costs in cents, ballots as lists of candidate positions.
fn election(costs: &[i64], ballots: &[Vec<usize>]) -> Election {
    Election {
        budget: Decimal::from(1_000_000),
        form: BallotForm::new(BallotKind::Approval),
        candidates: costs
            .iter()
            .enumerate()
            .map(|(i, &c)| Candidate {
                id: format!("p{i}"),
                cost: Decimal::new(c, 2),
                name: String::new(),
                category: None,
            })
            .collect(),
        ballots: ballots
            .iter()
            .enumerate()
            .map(|(v, choices)| Ballot {
                voter: format!("v{v}"),
                choices: choices.iter().map(|c| format!("p{c}")).collect(),
                points: Vec::new(),
            })
            .collect(),
    }
}

fn instance(e: &Election) -> Instance {
    Instance::new(e, &Tally::new(e).expect("a valid election"))
}

fn exact(i: &Instance, share: u64) -> Vec<usize> {
    i.run(&BigRational::from_integer(BigInt::from(share)), false, None)
        .winners
}

/// Random elections: up to 8 projects costing 0.01 to 500.00, up to 60 ballots each
/// naming a set of them (possibly none), and a per-voter share.
fn elections() -> impl Strategy<Value = (Vec<i64>, Vec<Vec<usize>>, u64)> {
    (1usize..=8).prop_flat_map(|m| {
        (
            prop::collection::vec(1i64..=50_000, m),
            prop::collection::vec(prop::collection::btree_set(0..m, 0..=m), 0..=60),
            1u64..=200,
        )
            .prop_map(|(costs, ballots, share)| {
                let ballots = ballots
                    .into_iter()
                    .map(|b| b.into_iter().collect())
                    .collect();
                (costs, ballots, share)
            })
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn a_fraction_reduced_factor_by_factor_is_in_lowest_terms(
        factors in prop::collection::vec(1u64..=600_000, 1..=40),
        big in prop::collection::vec(1u64..=600_000, 0..=30),
        scale in 0u64..=1_000,
    ) {
        // The numerator shares some of the denominator's factors (those in `big`
        // that divide it are likely) and is otherwise arbitrary.
        let den = factors.iter().fold(BigInt::from(1u32), |d, &f| d * f);
        let num = big.iter().fold(BigInt::from(scale), |n, &f| n * f) % &den;
        prop_assert_eq!(
            fraction(&num, &den, Some(&factors)),
            BigRational::new(num.clone(), den.clone()).to_string()
        );
    }

    #[test]
    fn the_fast_run_buys_what_the_exact_run_buys((costs, ballots, share) in elections()) {
        let e = election(&costs, &ballots);
        let i = instance(&e);
        if let Some(fast) = i.fast_winners(share) {
            prop_assert_eq!(fast, exact(&i, share));
        }
    }
}

#[test]
fn the_fast_run_answers_on_most_random_elections() {
    // The same kind of elections as the property, from a fixed generator: the fast run
    // must not simply give up everywhere.
    let mut state = 0x2026_u64;
    let mut next = |n: u64| {
        state = state
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (state >> 33) % n
    };
    let (mut answered, mut tried) = (0, 0);
    for _ in 0..200 {
        let m = 2 + next(7) as usize;
        let costs: Vec<i64> = (0..m).map(|_| 1 + next(50_000) as i64).collect();
        let ballots: Vec<Vec<usize>> = (0..40)
            .map(|_| (0..m).filter(|_| next(3) == 0).collect())
            .collect();
        let e = election(&costs, &ballots);
        let i = instance(&e);
        let share = 1 + next(300);
        tried += 1;
        if let Some(fast) = i.fast_winners(share) {
            answered += 1;
            assert_eq!(fast, exact(&i, share));
        }
    }
    assert!(answered * 10 >= tried * 9, "answered {answered} of {tried}");
}

#[test]
fn an_exact_tie_is_left_to_the_exact_run() {
    // Five voters hold 10 each. Project 0 (36, four supporters) is bought first at 9
    // each, leaving voter 0 with 1. Projects 1 and 2 then cost 10 each among voters 0
    // and 1 alike: voter 0 pays the 1 it holds, voter 1 pays 9; they tie exactly at
    // 10/9, which floats cannot prove, so the fast run gives up; the exact run takes
    // the one listed first, and voter 1 cannot pay for the other.
    let e = election(
        &[3_600, 1_000, 1_000],
        &[vec![0, 1, 2], vec![1, 2], vec![0], vec![0], vec![0]],
    );
    let i = instance(&e);
    assert_eq!(i.fast_winners(10), None);
    assert_eq!(exact(&i, 10), vec![0, 1]);
    assert_eq!(i.winners(&BigInt::from(10)), vec![0, 1]);
}

#[test]
fn equal_votes_at_an_equal_split_tie_exactly_and_are_decided_fast() {
    // Two projects with the same supporters, each split equally: both count exactly
    // three effective votes, so the fast run proves the tie and breaks it as the rule
    // does (the cheaper first).
    let e = election(&[1_200, 900], &[vec![0, 1], vec![0, 1], vec![0, 1]]);
    let i = instance(&e);
    assert_eq!(i.fast_winners(10), Some(vec![1, 0]));
    assert_eq!(exact(&i, 10), vec![1, 0]);
}

#[test]
fn a_class_paying_exactly_all_it_holds_is_left_to_the_exact_run() {
    // Three voters hold 5 each; a project costing 15 takes all they hold, so whether
    // they are left with nothing cannot be proved in floating point.
    let e = election(&[1_500, 700], &[vec![0, 1], vec![0], vec![0]]);
    let i = instance(&e);
    assert_eq!(i.fast_winners(5), None);
    assert_eq!(exact(&i, 5), vec![0]);
}

//! Invariants of the selection rules on random elections: no rule spends more than the
//! budget; greedy and greedy-no-skip agree when everything fits; under Equal Shares no
//! voter pays more than the per-voter budget and every chosen project is paid for
//! exactly by its supporters.

use std::collections::HashMap;

use gridward::projects::{select, Ballot, BallotForm, BallotKind, Candidate, Election, Rule};
use proptest::prelude::*;
use rust_decimal::Decimal;

/// An exact fraction of small whole numbers, from the text a payment is written in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Frac(i128, i128);

fn gcd(a: i128, b: i128) -> i128 {
    if b == 0 {
        a.abs()
    } else {
        gcd(b, a % b)
    }
}

impl Frac {
    fn parse(text: &str) -> Frac {
        match text.split_once('/') {
            Some((n, d)) => Frac(n.parse().unwrap(), d.parse().unwrap()),
            None => Frac(text.parse().unwrap(), 1),
        }
    }

    fn add(self, o: Frac) -> Frac {
        let n = self.0 * o.1 + o.0 * self.1;
        let d = self.1 * o.1;
        let g = gcd(n, d).max(1);
        Frac(n / g, d / g)
    }

    fn le(self, o: Frac) -> bool {
        self.0 * o.1 <= o.0 * self.1
    }
}

fn rules() -> Vec<Rule> {
    vec![
        Rule::Greedy,
        Rule::GreedyNoSkip,
        Rule::GreedyThreshold {
            min_score: Decimal::from(2),
        },
        Rule::EqualShares,
        Rule::EqualSharesComparison,
    ]
}

prop_compose! {
    fn elections()(
        costs in prop::collection::vec(1u32..60, 1..8),
        budget in 0u32..200,
        ballots in prop::collection::vec(prop::collection::vec(0usize..8, 0..5), 0..25),
        cumulative in any::<bool>(),
    ) -> Election {
        let candidates: Vec<Candidate> = costs
            .iter()
            .enumerate()
            .map(|(i, c)| Candidate {
                id: format!("p{i}"),
                cost: Decimal::from(*c),
                name: String::new(),
                category: None,
            })
            .collect();
        let ballots = ballots
            .into_iter()
            .enumerate()
            .map(|(v, picks)| {
                let mut choices: Vec<String> = Vec::new();
                for p in picks {
                    let id = format!("p{}", p % candidates.len());
                    if !choices.contains(&id) {
                        choices.push(id);
                    }
                }
                let points = if cumulative {
                    (0..choices.len()).map(|j| (j as u64 % 3) + 1).collect()
                } else {
                    Vec::new()
                };
                Ballot { voter: format!("v{v}"), choices, points }
            })
            .collect();
        let kind = if cumulative { BallotKind::Cumulative } else { BallotKind::Approval };
        Election {
            budget: Decimal::from(budget),
            form: BallotForm::new(kind),
            candidates,
            ballots,
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn no_rule_spends_more_than_the_budget(e in elections()) {
        for rule in rules() {
            let s = select(&e, &rule).unwrap();
            prop_assert!(s.cost <= e.budget, "{rule:?}: {} > {}", s.cost, e.budget);
            let cost: Decimal = e
                .candidates
                .iter()
                .filter(|c| s.selected.contains(&c.id))
                .map(|c| c.cost)
                .sum();
            prop_assert_eq!(cost, s.cost);
        }
    }

    #[test]
    fn greedy_and_no_skip_agree_when_everything_fits(mut e in elections()) {
        e.budget = e.candidates.iter().map(|c| c.cost).sum();
        let a = select(&e, &Rule::Greedy).unwrap();
        let b = select(&e, &Rule::GreedyNoSkip).unwrap();
        prop_assert_eq!(a.selected, b.selected);
    }

    #[test]
    fn equal_shares_payments_add_up(e in elections()) {
        let s = select(&e, &Rule::EqualShares).unwrap();
        let voters = e.ballots.len() as i128;
        let share = match s.voter_budget {
            Some(b) => Frac::parse(&b.to_string()),
            None if voters > 0 => {
                let b = Frac::parse(&e.budget.to_string());
                let g = gcd(b.0, voters).max(1);
                Frac(b.0 / g, voters / g)
            }
            None => Frac(0, 1),
        };
        let mut paid_for: HashMap<&str, Frac> = HashMap::new();
        for p in &s.payments {
            let total = p
                .projects
                .iter()
                .fold(Frac(0, 1), |t, (_, x)| t.add(Frac::parse(x)));
            prop_assert_eq!(total, Frac::parse(&p.paid));
            prop_assert!(total.le(share), "{} paid {:?} of {:?}", p.voter, total, share);
            let ballot = e.ballots.iter().find(|b| b.voter == p.voter).unwrap();
            for (id, x) in &p.projects {
                prop_assert!(ballot.choices.contains(id), "{} paid for {id}", p.voter);
                let entry = paid_for.entry(id.as_str()).or_insert(Frac(0, 1));
                *entry = entry.add(Frac::parse(x));
            }
        }
        for id in &s.selected {
            let cost = e.candidates.iter().find(|c| &c.id == id).unwrap().cost;
            prop_assert_eq!(paid_for.get(id.as_str()).copied(), Some(Frac::parse(&cost.to_string())));
        }
        prop_assert_eq!(paid_for.len(), s.selected.len());
    }
}

//! A synthetic city-wide project decision for benchmarks: many approval ballots over a
//! few hundred projects, with some projects far more popular than others.

use gridward::projects::{Ballot, BallotForm, BallotKind, Candidate, Election};
use rust_decimal::Decimal;

/// A small deterministic generator (SplitMix64), so every run decides the same election.
struct Mix(u64);

impl Mix {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
}

/// `voters` approval ballots over `projects` projects costing 10,000 to 500,000 yuan.
/// Each ballot names 1 to 6 projects; project `p` is picked with weight `1 / (p + 20)`,
/// so the first projects are several times as popular as the last. The budget is a
/// fifth of what all projects cost together.
pub fn city_election(voters: usize, projects: usize) -> Election {
    let mut rng = Mix(0x5eed_2026);
    let candidates: Vec<Candidate> = (0..projects)
        .map(|p| Candidate {
            id: format!("P{p:03}"),
            cost: Decimal::from(10_000 + rng.below(490_001)),
            name: format!("Project {p}"),
            category: None,
        })
        .collect();
    // Cumulative weights, scaled to whole numbers, for picking by popularity.
    let mut cumulative = Vec::with_capacity(projects);
    let mut total = 0u64;
    for p in 0..projects {
        total += 1_000_000 / (p as u64 + 20);
        cumulative.push(total);
    }
    let ballots = (0..voters)
        .map(|v| {
            let want = 1 + rng.below(6) as usize;
            let mut choices: Vec<String> = Vec::with_capacity(want);
            let mut tries = 0;
            while choices.len() < want && tries < 50 {
                tries += 1;
                let x = rng.below(total);
                let p = cumulative.partition_point(|&c| c <= x);
                let id = &candidates[p].id;
                if !choices.contains(id) {
                    choices.push(id.clone());
                }
            }
            Ballot {
                voter: format!("v{v}"),
                choices,
                points: Vec::new(),
            }
        })
        .collect();
    let all: Decimal = candidates.iter().map(|c| c.cost).sum();
    Election {
        budget: (all / Decimal::from(5)).floor(),
        form: BallotForm::new(BallotKind::Approval),
        candidates,
        ballots,
    }
}

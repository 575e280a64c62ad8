//! Equal Shares set against `greedy`: each voter counts the projects they support (name
//! on their ballot) that each outcome funds and prefers the outcome that funds more;
//! voters funded equally by both prefer neither. Greedy's outcome stands only if more
//! voters prefer it than prefer Equal Shares' (a tie keeps Equal Shares), as in the
//! equalshares.net compute tool.

use super::score::Tally;

/// How many voters prefer each outcome: `(equal shares, greedy)`.
pub(crate) fn preferences(tally: &Tally, equal_shares: &[usize], greedy: &[usize]) -> (u64, u64) {
    let m = tally.votes.len();
    let mut in_mes = vec![false; m];
    let mut in_greedy = vec![false; m];
    for &c in equal_shares {
        in_mes[c] = true;
    }
    for &c in greedy {
        in_greedy[c] = true;
    }
    let (mut mes, mut gr) = (0u64, 0u64);
    for ballot in &tally.ballots {
        let a = ballot.iter().filter(|&&c| in_mes[c as usize]).count();
        let b = ballot.iter().filter(|&&c| in_greedy[c as usize]).count();
        match a.cmp(&b) {
            std::cmp::Ordering::Greater => mes += 1,
            std::cmp::Ordering::Less => gr += 1,
            std::cmp::Ordering::Equal => {}
        }
    }
    (mes, gr)
}

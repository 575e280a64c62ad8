//! The main example's community rating: 吉福社区 among the other communities of its
//! district on the 48-item, 133-indicator "four types" tree. Its case-handling rates,
//! volunteer hours and points redeemed per household come from the ward; the other
//! indicators, and the other communities, come from the seeded generator.

use gridward::grid::NodeCode;
use gridward::scoring::tree::{evaluate, CommunityData, Evaluation, Tree};
use gridward::tasks::Period;
use gridward::{Error, Ward};
use rust_decimal::Decimal;

use crate::rating::communities;

/// The sample tree, as committed in the fixtures.
pub const TREE: &str = include_str!("../../tests/fixtures/rating/four_types_tree.json");

/// What the ward says of the community, by indicator id.
pub fn measured(
    ward: &Ward,
    community: NodeCode,
    period: &Period,
) -> Result<Vec<(&'static str, Decimal)>, Error> {
    let i = ward.indicators(Some(community), period)?;
    let households = Decimal::from(ward.grid().counts(Some(community))?.households.max(1));
    let minutes: u64 = ward
        .scoring()
        .volunteers(ward.grid())
        .iter()
        .map(|v| v.minutes)
        .sum();
    let hours = Decimal::from(minutes) / Decimal::from(60);
    let spent = Decimal::from(ward.points().totals().spent);
    let mut out = Vec::new();
    for (id, rate) in [
        ("closure_rate", i.closure_rate),
        ("on_time_rate", i.on_time_rate),
        ("satisfaction_rate", i.satisfaction_rate),
        ("response_rate", i.response_rate),
    ] {
        if let Some(r) = rate {
            out.push((id, r));
        }
    }
    out.push((
        "volunteer_hours_per_household",
        (hours / households).round_dp(2),
    ));
    out.push((
        "points_redeemed_per_household",
        (spent / households).round_dp(2),
    ));
    Ok(out)
}

/// Rates `others` generated communities and 吉福社区, whose measured values replace the
/// generated ones; returns the tree and the evaluations, 吉福社区 first.
pub fn rate(
    ward: &Ward,
    community: NodeCode,
    period: &Period,
    others: usize,
) -> Result<(Tree, Vec<Evaluation>), Error> {
    let tree = Tree::from_json(TREE)?;
    let mut data: Vec<CommunityData> = communities(&tree, others + 1, 2026);
    if let Some(first) = data.first_mut() {
        first.community = "吉福社区".to_owned();
        first.vetoes.clear();
        for (id, value) in measured(ward, community, period)? {
            first.values.insert(id.to_owned(), value);
        }
    }
    let evaluations = evaluate(&tree, &data)?;
    Ok((tree, evaluations))
}

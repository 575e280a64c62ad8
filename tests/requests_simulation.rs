//! The simulated month on a small city of Chengdu's proportions: every request's life is
//! given command by command at its times, the indicators count what the simulation did,
//! and the journal replays to the same state.

use gridward::grid::Level;
use gridward::tasks::Period;
use gridward::{Ward, WardConfig};
use gridward_scenarios::at;
use gridward_scenarios::city::Shape;
use gridward_scenarios::requests::{requests_city, simulate};

#[test]
fn a_month_of_requests_in_a_small_city() {
    let (mut ward, sites) = requests_city(&Shape::SMALL, at("2026-01-05T08:00:00+08:00")).unwrap();
    let outcome = simulate(
        &mut ward,
        &sites,
        at("2026-03-02T08:30:00+08:00"),
        30,
        3000,
        3,
    )
    .unwrap();
    assert_eq!(outcome.requests, 3000, "{outcome:?}");
    // The lives interleave: a party member may meet the claim limit, and then the work
    // never claimed is refused to them too (its request stays in the pool, open).
    let over_limit = outcome.refused.get("claim_limit").copied().unwrap_or(0);
    assert!(
        outcome
            .refused
            .keys()
            .all(|code| code == "claim_limit" || code == "wrong_status"),
        "{outcome:?}"
    );
    let period = Period {
        from: at("2026-03-01T00:00:00+08:00"),
        to: at("2026-05-01T00:00:00+08:00"),
    };
    let whole = ward.indicators(None, &period).unwrap();
    assert_eq!(whole.filed, 3000);
    assert_eq!(whole.closed, 3000 - over_limit);
    assert_eq!(whole.open, over_limit);
    assert_eq!(whole.reopened, outcome.reworked);
    assert_eq!(whole.whistled, outcome.whistled);
    assert_eq!(
        whole.closure_rate,
        gridward::tasks::percent(3000 - over_limit, whole.due)
    );
    // Every rating of a closed request is counted; the badly rated ones are the
    // reworked ones.
    assert_eq!(whole.rated, 3000 - over_limit);
    assert_eq!(whole.rated - whole.satisfied, outcome.reworked);
    // The per-community rows add up to the whole.
    let rows = ward.indicators_by(Level::Community, &period);
    assert_eq!(rows.len(), 2 * 2 * 3);
    assert_eq!(rows.iter().map(|r| r.filed).sum::<u64>(), 3000);
    assert_eq!(
        rows.iter().map(|r| r.closed_on_time).sum::<u64>(),
        whole.closed_on_time
    );
    let again = Ward::from_jsonl(WardConfig::default(), &ward.to_jsonl()).unwrap();
    assert_eq!(again.state_digest(), ward.state_digest());
}

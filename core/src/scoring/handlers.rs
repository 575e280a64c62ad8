//! Handlers' scores: closure, on-time closure and satisfaction of the requests each
//! person answers for, weighted by configuration, ranked within a unit.
//!
//! The requests counted are those under the unit filed in the period, cancelled ones and
//! duplicates aside, seen as they stand at the period's end (the time asked). A request
//! counts toward a person's score when
//! - they reported it handled (its handler), or
//! - it is assigned to them or claimed by them (the person it is dispatched, handed over
//!   or reopened to, or its claimer), they did not handle it, and it is *overdue* at the
//!   period's end: still open past its resolution limit, or closed after it (once late,
//!   always late; see [`crate::tasks::Request::closed_on_time`]).
//!
//! A request counts once per person, and may count for more than one: a handler who
//! closed it late, and the holder who let it run late. An overdue request is due and not closed on
//! time, so sitting on one lowers the holder's on-time rate, and their closure rate while
//! it stays open. Holders are read from the request as it stands: someone it was taken
//! back from (returned, re-dispatched, a claim released) no longer answers for it.

use chrono::{DateTime, FixedOffset};
use hashbrown::HashMap;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use super::config::HandlerWeights;
use super::tree::{competition_ranks, round2};
use crate::grid::{Grid, NodeCode};
use crate::money::decimal_text;
use crate::tasks::{IndicatorCounts, Party, Period, Request, Satisfaction, Status, Tasks};

/// The satisfaction rate of ratings counted by level, most satisfied first (政务服务好差评):
/// the top three levels over all rated, in percent with two decimals; `None` when nothing
/// was rated. Unrated requests are not counted at all.
pub fn satisfaction_rate(counts: [u64; 5]) -> Option<Decimal> {
    let rated: u64 = counts.iter().sum();
    let satisfied: u64 = Satisfaction::ALL
        .iter()
        .zip(counts)
        .filter(|(level, _)| level.is_satisfied())
        .map(|(_, n)| n)
        .sum();
    crate::tasks::percent(satisfied, rated)
}

/// One handler's record over a period and their place among the unit's handlers.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct HandlerScore {
    /// The person.
    pub person: String,
    /// Place among the handlers ranked (1 is best; equal scores share a place); handlers
    /// without any rate come last, unranked.
    pub rank: Option<u32>,
    /// The weighted score out of 100, two decimals.
    #[serde(default)]
    #[serde(
        serialize_with = "decimal_text::write",
        deserialize_with = "decimal_text::read"
    )]
    #[cfg_attr(feature = "schema", schemars(!default))]
    pub score: Option<Decimal>,
    /// Requests they handled that were filed in the period.
    pub handled: u64,
    /// Requests assigned to or claimed by them, not handled by them, and overdue at the
    /// period's end (counted below with those they handled).
    pub held_overdue: u64,
    /// Of the requests counted, due to close.
    pub due: u64,
    /// Closed.
    pub closed: u64,
    /// Closed on time.
    pub closed_on_time: u64,
    /// Rated by the filer.
    pub rated: u64,
    /// Rated in the top three levels.
    pub satisfied: u64,
    /// Closure rate, %.
    #[serde(default)]
    #[serde(
        serialize_with = "decimal_text::write",
        deserialize_with = "decimal_text::read"
    )]
    #[cfg_attr(feature = "schema", schemars(!default))]
    pub closure_rate: Option<Decimal>,
    /// On-time closure rate, %.
    #[serde(default)]
    #[serde(
        serialize_with = "decimal_text::write",
        deserialize_with = "decimal_text::read"
    )]
    #[cfg_attr(feature = "schema", schemars(!default))]
    pub on_time_rate: Option<Decimal>,
    /// Satisfaction rate, %.
    #[serde(default)]
    #[serde(
        serialize_with = "decimal_text::write",
        deserialize_with = "decimal_text::read"
    )]
    #[cfg_attr(feature = "schema", schemars(!default))]
    pub satisfaction_rate: Option<Decimal>,
}

impl HandlerWeights {
    /// The weighted mean of the rates present, two decimals half away from zero.
    pub fn score(&self, rates: [Option<Decimal>; 3]) -> Option<Decimal> {
        let weights = [self.closure, self.on_time, self.satisfaction];
        let (mut sum, mut total) = (Decimal::ZERO, Decimal::ZERO);
        for (w, r) in weights.into_iter().zip(rates) {
            if let (Some(r), true) = (r, w > Decimal::ZERO) {
                sum += w * r;
                total += w;
            }
        }
        if total.is_zero() {
            return None;
        }
        Some(round2(sum / total))
    }
}

/// Whether a request is overdue at `end`: closed by then but late, or still open then
/// past its resolution limit. Cancelled requests and duplicates never are.
fn overdue_at(r: &Request, end: DateTime<FixedOffset>) -> bool {
    if matches!(r.status, Status::Cancelled | Status::Duplicate) {
        return false;
    }
    let closed = r.status == Status::Closed && r.closed_at.is_some_and(|c| c < end);
    if closed {
        !r.closed_on_time()
    } else {
        r.deadlines.is_some_and(|d| d.resolution < end)
    }
}

/// The people a request is assigned to or claimed by, as it stands (at most two).
fn holders(r: &Request) -> [Option<u32>; 2] {
    let assigned = match r.responsible {
        Party::Person(px) => Some(px),
        Party::Unit(_) | Party::Department(_) => None,
    };
    let claimer = r.claim.as_ref().map(|c| c.person);
    [assigned, claimer.filter(|&c| Some(c) != assigned)]
}

/// One person's requests: the indicators of all counted, and the two kinds apart.
#[derive(Default)]
struct Tally {
    counts: IndicatorCounts,
    handled: u64,
    held_overdue: u64,
}

/// Scores every person who handled requests under `unit` filed in `period`, or holds
/// overdue ones there (see the module's rule), best first.
pub(crate) fn handler_scores(
    grid: &Grid,
    tasks: &Tasks,
    weights: &HandlerWeights,
    unit: NodeCode,
    period: &Period,
) -> Vec<HandlerScore> {
    let mut by_person: HashMap<u32, Tally> = HashMap::new();
    for r in tasks.requests() {
        if !unit.contains(r.unit()) || !period.contains(r.filed_at()) {
            continue;
        }
        if let Some(px) = r.handled_by {
            let t = by_person.entry(px).or_default();
            t.counts.add(r, period);
            if !matches!(r.status, Status::Cancelled | Status::Duplicate) {
                t.handled += 1;
            }
        }
        if overdue_at(r, period.to) {
            for px in holders(r).into_iter().flatten() {
                if Some(px) != r.handled_by {
                    let t = by_person.entry(px).or_default();
                    t.counts.add(r, period);
                    t.held_overdue += 1;
                }
            }
        }
    }
    let mut rows: Vec<HandlerScore> = by_person
        .into_iter()
        .filter_map(|(px, tally)| {
            let i = tally.counts.indicators();
            let person = grid.people.get(px as usize)?.id.to_string();
            let rates = [i.closure_rate, i.on_time_rate, i.satisfaction_rate];
            Some(HandlerScore {
                person,
                rank: None,
                score: weights.score(rates),
                handled: tally.handled,
                held_overdue: tally.held_overdue,
                due: i.due,
                closed: i.closed,
                closed_on_time: i.closed_on_time,
                rated: i.rated,
                satisfied: i.satisfied,
                closure_rate: i.closure_rate,
                on_time_rate: i.on_time_rate,
                satisfaction_rate: i.satisfaction_rate,
            })
        })
        .collect();
    crate::order::sort_by(&mut rows, |a, b| match (a.score, b.score) {
        (Some(x), Some(y)) => y.cmp(&x).then_with(|| a.person.cmp(&b.person)),
        (Some(_), None) => std::cmp::Ordering::Less,
        (None, Some(_)) => std::cmp::Ordering::Greater,
        (None, None) => a.person.cmp(&b.person),
    });
    // Scored rows come first; only they are ranked.
    let keys: Vec<(bool, Decimal)> = rows.iter().map_while(|r| Some((false, r.score?))).collect();
    for (row, rank) in rows.iter_mut().zip(competition_ranks(&keys)) {
        row.rank = Some(rank);
    }
    rows
}

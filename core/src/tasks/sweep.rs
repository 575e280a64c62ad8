//! The clock over open requests: stale claims go back to the pool, overdue work is put
//! under supervision (督办), work past its limit and extension is parked (挂账), and
//! departments that did not report in time are flagged.

use chrono::{DateTime, FixedOffset};

use super::category::TasksConfig;
use super::event::TaskEvent;
use super::model::Status;
use super::Tasks;
use crate::grid::{Grid, NodeCode};

/// The events a sweep at `at` causes, request by request in filing order.
pub(crate) fn sweep(
    grid: &Grid,
    tasks: &Tasks,
    config: &TasksConfig,
    at: DateTime<FixedOffset>,
    scope: Option<NodeCode>,
) -> Vec<TaskEvent> {
    let mut events = Vec::new();
    for &ix in &tasks.open {
        let r = &tasks.requests[ix as usize];
        if scope.is_some_and(|s| !s.contains(r.unit)) {
            continue;
        }
        let id = || r.id.to_string();
        if let (Status::Claimed, Some(claim)) = (r.status, &r.claim) {
            let stale = config
                .calendar
                .deadline(claim.at, config.claim_release)
                .is_ok_and(|limit| at > limit);
            if stale {
                let person = grid
                    .people
                    .get(claim.person as usize)
                    .map(|p| p.id().to_owned())
                    .unwrap_or_default();
                events.push(TaskEvent::ClaimReleased {
                    request: id(),
                    person,
                    stale: true,
                });
            }
        }
        if let Some(d) = r.deadlines {
            let unanswered = r.responded_at.is_none() && at > d.response;
            if !r.supervised && (at > d.resolution || unanswered) {
                events.push(TaskEvent::Supervised {
                    request: id(),
                    reason: "overdue".to_owned(),
                });
            }
            if !r.parked && at > d.park {
                events.push(TaskEvent::Parked { request: id() });
            }
        }
        for w in &r.whistles {
            if w.reported_at.is_none() && !w.late && at > w.due {
                let department = grid
                    .departments
                    .get(w.department as usize)
                    .map(|d| d.id().to_owned())
                    .unwrap_or_default();
                events.push(TaskEvent::ReportOverdue {
                    request: id(),
                    department,
                });
            }
        }
    }
    events
}

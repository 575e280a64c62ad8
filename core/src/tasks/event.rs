//! Events of the tasks capability: what happened to requests, in ids and times, so that
//! a journal reads on its own and replays without the configuration that decided it.

use chrono::{DateTime, FixedOffset};
use serde::{Deserialize, Serialize};

use super::command::ImportedRequest;
use super::model::{Deadlines, Location, Responsible, Satisfaction, Status};
use crate::grid::NodeCode;

/// A department called in, and when its report is due.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Call {
    /// The department.
    pub department: String,
    /// Its report is due by then.
    #[serde(serialize_with = "crate::journal::instant::serialize")]
    pub due: DateTime<FixedOffset>,
}

/// An event of the tasks capability.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, gridward_derive::TaggedDeserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(tag = "type", rename_all = "snake_case")]
#[non_exhaustive]
pub enum TaskEvent {
    /// A request was filed; it waits at its dispatcher.
    Filed {
        /// Its id.
        id: String,
        /// Its category code.
        category: String,
        /// Who filed it (absent when the platform did).
        #[serde(default)]
        filer: Option<String>,
        /// Where it is.
        location: Location,
        /// The unit it is at.
        unit: NodeCode,
        /// The unit that dispatches it (its community).
        dispatcher: NodeCode,
        /// What is wrong or wanted.
        description: String,
        /// Photo references.
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        photos: Vec<String>,
    },
    /// A request came in through an import.
    Imported {
        /// The request as imported.
        request: ImportedRequest,
        /// The unit it is at.
        unit: NodeCode,
        /// The unit that dispatches it.
        dispatcher: NodeCode,
        /// Its deadlines, counted from its filing.
        deadlines: Deadlines,
    },
    /// A request was dispatched (by hand or by the rules).
    Dispatched {
        /// The request.
        request: String,
        /// Who answers for it now.
        to: Responsible,
        /// Its new status: assigned, or pooled for claiming.
        status: Status,
        /// Whether the routing rules chose.
        by_rule: bool,
        /// Deadlines, set at the first dispatch only.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        deadlines: Option<Deadlines>,
    },
    /// A pooled request was claimed.
    Claimed {
        /// The request.
        request: String,
        /// The claimer.
        person: String,
        /// The paired unit giving, for a micro-wish.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        donor: Option<String>,
    },
    /// A claim went back to the pool.
    ClaimReleased {
        /// The request.
        request: String,
        /// The claimer who held it.
        person: String,
        /// True when a sweep released it for want of action.
        stale: bool,
    },
    /// A handover was offered.
    HandoverOffered {
        /// The request.
        request: String,
        /// To whom.
        to: String,
    },
    /// A handover was accepted: the work passed.
    HandedOver {
        /// The request.
        request: String,
        /// The new holder.
        to: String,
    },
    /// Work started (the response).
    Started {
        /// The request.
        request: String,
        /// Who started; they answer for it now.
        by: String,
    },
    /// Work was reported done.
    Handled {
        /// The request.
        request: String,
        /// The handler (a person, or a department's officer).
        by: String,
        /// The report.
        report: String,
        /// Photo references.
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        photos: Vec<String>,
    },
    /// Verified on site: closed if passed, back in progress if not.
    Verified {
        /// The request.
        request: String,
        /// The verifier.
        by: String,
        /// Whether it passed.
        passed: bool,
        /// What was found.
        #[serde(default, skip_serializing_if = "String::is_empty")]
        note: String,
    },
    /// Returned to the dispatcher.
    Returned {
        /// The request.
        request: String,
        /// Why.
        reason: String,
    },
    /// Cancelled.
    Cancelled {
        /// The request.
        request: String,
        /// Why.
        reason: String,
    },
    /// Closed as a duplicate.
    MarkedDuplicate {
        /// The request.
        request: String,
        /// The request it repeats.
        of: String,
    },
    /// Reopened: back in progress with whoever answers for it.
    Reopened {
        /// The request.
        request: String,
        /// Why.
        reason: String,
        /// Who answers for it now.
        to: Responsible,
        /// The new resolution deadline.
        #[serde(serialize_with = "crate::journal::instant::serialize")]
        resolution_due: DateTime<FixedOffset>,
        /// True when a bad rating opened a correction window.
        correction: bool,
    },
    /// Rated by the filer.
    Rated {
        /// The request.
        request: String,
        /// The level.
        level: Satisfaction,
        /// A comment.
        #[serde(default, skip_serializing_if = "String::is_empty")]
        comment: String,
    },
    /// The one extension was granted.
    Extended {
        /// The request.
        request: String,
        /// Why.
        reason: String,
        /// The new resolution deadline.
        #[serde(serialize_with = "crate::journal::instant::serialize")]
        resolution_due: DateTime<FixedOffset>,
    },
    /// Departments were called in.
    Whistled {
        /// The request.
        request: String,
        /// The departments and their report deadlines.
        calls: Vec<Call>,
        /// Why.
        reason: String,
    },
    /// A department reported.
    Reported {
        /// The request.
        request: String,
        /// The department.
        department: String,
        /// Its officer who reported.
        by: String,
        /// The report.
        report: String,
        /// True when past the limit.
        late: bool,
    },
    /// A department was found not to have reported within its limit.
    ReportOverdue {
        /// The request.
        request: String,
        /// The department.
        department: String,
    },
    /// Put under supervision (督办).
    Supervised {
        /// The request.
        request: String,
        /// Why ("overdue" when a sweep found it so).
        reason: String,
    },
    /// Parked (挂账): past its limit and its extension.
    Parked {
        /// The request.
        request: String,
    },
    /// A person's skills were set.
    SkillsSet {
        /// The person.
        person: String,
        /// The skills.
        skills: Vec<String>,
    },
    /// A person became an officer of a department.
    OfficerAppointed {
        /// The department.
        department: String,
        /// The person.
        person: String,
    },
    /// A person stopped being an officer of a department.
    OfficerRemoved {
        /// The department.
        department: String,
        /// The person.
        person: String,
    },
}

impl TaskEvent {
    /// The request the event is about, if one.
    pub fn request(&self) -> Option<&str> {
        use TaskEvent::*;
        match self {
            Filed { id, .. } => Some(id),
            Imported { request, .. } => Some(&request.id),
            Dispatched { request, .. }
            | Claimed { request, .. }
            | ClaimReleased { request, .. }
            | HandoverOffered { request, .. }
            | HandedOver { request, .. }
            | Started { request, .. }
            | Handled { request, .. }
            | Verified { request, .. }
            | Returned { request, .. }
            | Cancelled { request, .. }
            | MarkedDuplicate { request, .. }
            | Reopened { request, .. }
            | Rated { request, .. }
            | Extended { request, .. }
            | Whistled { request, .. }
            | Reported { request, .. }
            | ReportOverdue { request, .. }
            | Supervised { request, .. }
            | Parked { request } => Some(request),
            SkillsSet { .. } | OfficerAppointed { .. } | OfficerRemoved { .. } => None,
        }
    }
}

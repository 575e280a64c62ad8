//! Commands of the tasks capability: the cycle file → dispatch → claim → handle → verify
//! → rate, and the returns, escalations and supervision around it.

use chrono::{DateTime, FixedOffset};
use serde::{Deserialize, Serialize};

use super::model::{Location, Satisfaction};
use crate::grid::NodeCode;

/// To whom a request is dispatched by hand.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Assignee {
    /// A person holding a role on the request's chain.
    Person(String),
    /// A department of the request's street.
    Department(String),
    /// The claim pool of a unit on the request's chain.
    Pool(NodeCode),
}

/// Whether an imported request is open or closed (Open311 knows only these two).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum OpenOrClosed {
    /// Open.
    Open,
    /// Closed.
    Closed,
}

/// A request from another system (an Open311 GeoReport v2 feed, for one).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct ImportedRequest {
    /// Its id (Open311's `service_request_id`).
    pub id: String,
    /// Its category code (`service_code`).
    pub category: String,
    /// Where it is (`address_id`: a household id or a unit code).
    pub location: Location,
    /// Its description.
    #[serde(default)]
    pub description: String,
    /// When it was filed (`requested_datetime`).
    pub filed_at: DateTime<FixedOffset>,
    /// Open or closed.
    pub status: OpenOrClosed,
    /// When it last changed (`updated_datetime`); a closed request closed then.
    #[serde(default)]
    pub updated_at: Option<DateTime<FixedOffset>>,
    /// The note on its status (`status_notes`).
    #[serde(default)]
    pub status_notes: String,
    /// Photo references (`media_url`).
    #[serde(default)]
    pub photos: Vec<String>,
}

/// A command of the tasks capability.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, gridward_derive::TaggedDeserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(tag = "type", rename_all = "snake_case", deny_unknown_fields)]
#[non_exhaustive]
pub enum TaskCommand {
    /// File a request (点单). Needs an idempotency key: a retried filing has one effect.
    File {
        /// A new id.
        id: String,
        /// The category code.
        category: String,
        /// Where it is.
        location: Location,
        /// What is wrong or wanted.
        description: String,
        /// Photo references.
        #[serde(default)]
        photos: Vec<String>,
    },
    /// Dispatch a filed or returned request (派单): to `to` by hand, or by the routing
    /// rules when `to` is absent.
    Dispatch {
        /// The request.
        request: String,
        /// Whom to; `None` routes by the rules.
        #[serde(default)]
        to: Option<Assignee>,
    },
    /// Claim a pooled request (领单), optionally for a paired unit as donor (micro-wishes).
    Claim {
        /// The request.
        request: String,
        /// A paired unit of the community that gives (micro-wishes only).
        #[serde(default)]
        donor: Option<String>,
    },
    /// Give a claimed request back to the pool.
    ReleaseClaim {
        /// The request.
        request: String,
    },
    /// Offer the work to another eligible person; it passes when they accept.
    OfferHandover {
        /// The request.
        request: String,
        /// The person offered it.
        to: String,
    },
    /// Accept a handover offered to the actor.
    AcceptHandover {
        /// The request.
        request: String,
    },
    /// Start work (the response).
    Start {
        /// The request.
        request: String,
    },
    /// Report the work done.
    Handle {
        /// The request.
        request: String,
        /// What was done.
        report: String,
        /// Photo references.
        #[serde(default)]
        photos: Vec<String>,
    },
    /// Verify on site (核查): passed closes it (结案); failed sends it back to the handler.
    Verify {
        /// The request.
        request: String,
        /// Whether the work holds up.
        passed: bool,
        /// What was found.
        #[serde(default)]
        note: String,
    },
    /// Return it to the dispatcher with a reason (退回).
    Return {
        /// The request.
        request: String,
        /// Why.
        reason: String,
    },
    /// Cancel it.
    Cancel {
        /// The request.
        request: String,
        /// Why.
        reason: String,
    },
    /// Close it as a duplicate of another request.
    MarkDuplicate {
        /// The request.
        request: String,
        /// The request it repeats.
        of: String,
    },
    /// Reopen a closed request.
    Reopen {
        /// The request.
        request: String,
        /// Why.
        reason: String,
    },
    /// Rate a closed request (评单): the filer only.
    Rate {
        /// The request.
        request: String,
        /// The level.
        level: Satisfaction,
        /// A comment.
        #[serde(default)]
        comment: String,
    },
    /// Grant the one extension of the resolution limit.
    Extend {
        /// The request.
        request: String,
        /// Why.
        reason: String,
    },
    /// Call in departments of the street (吹哨).
    Whistle {
        /// The request.
        request: String,
        /// Department ids.
        departments: Vec<String>,
        /// Why.
        reason: String,
    },
    /// A department called in reports (报到).
    Report {
        /// The request.
        request: String,
        /// The department.
        department: String,
        /// What it did.
        report: String,
    },
    /// Put it under supervision by hand (督办).
    Supervise {
        /// The request.
        request: String,
        /// Why.
        reason: String,
    },
    /// Apply the clock at the command's time: release stale claims, flag overdue requests
    /// for supervision, park those past their limit and extension, flag late department
    /// reports. Under `scope` only, when given.
    Sweep {
        /// The unit whose requests to sweep; everything when absent.
        #[serde(default)]
        scope: Option<NodeCode>,
    },
    /// Set a person's skill tags (used by routing).
    SetSkills {
        /// The person.
        person: String,
        /// Their skills.
        skills: Vec<String>,
    },
    /// Make a person an officer of a department: they act for it on requests.
    AppointOfficer {
        /// The department.
        department: String,
        /// The person.
        person: String,
    },
    /// Remove a department officer.
    RemoveOfficer {
        /// The department.
        department: String,
        /// The person.
        person: String,
    },
    /// Import requests from another system, all or nothing.
    Import {
        /// The requests.
        requests: Vec<ImportedRequest>,
    },
    /// Import an Open311 GeoReport v2 feed (a JSON array of service requests), all or
    /// nothing. Each element's `address_id` names a household of the ward (the request
    /// is at that household) or else the code of one of its units; `lat` and `long` are
    /// ignored. Malformed text is refused with an `open311_*` code naming the element;
    /// the requests then meet the checks of `import` (known category, new id, a closed
    /// request's `updated_datetime`, the actor's right to dispatch there), whose faults
    /// name the element as `import row {index}`.
    ImportOpen311 {
        /// The feed: the JSON text of the array.
        feed: String,
    },
}

impl TaskCommand {
    /// The request the command is about, if one.
    pub fn request(&self) -> Option<&str> {
        use TaskCommand::*;
        match self {
            File { id, .. } => Some(id),
            Dispatch { request, .. }
            | Claim { request, .. }
            | ReleaseClaim { request }
            | OfferHandover { request, .. }
            | AcceptHandover { request }
            | Start { request }
            | Handle { request, .. }
            | Verify { request, .. }
            | Return { request, .. }
            | Cancel { request, .. }
            | MarkDuplicate { request, .. }
            | Reopen { request, .. }
            | Rate { request, .. }
            | Extend { request, .. }
            | Whistle { request, .. }
            | Report { request, .. }
            | Supervise { request, .. } => Some(request),
            Sweep { .. }
            | SetSkills { .. }
            | AppointOfficer { .. }
            | RemoveOfficer { .. }
            | Import { .. }
            | ImportOpen311 { .. } => None,
        }
    }
}

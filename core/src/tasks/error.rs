//! Errors of the tasks capability.

use super::model::Status;
use super::open311::Open311Error;
use super::whistle_band::WhistleBandError;
use crate::calendar::CalendarError;
use crate::error::kind::error_codes;
use crate::grid::NodeCode;
use crate::text::TextError;

/// Why a tasks command or event was refused.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum TaskError {
    /// No request has this id.
    #[error("no request with id {0:?}")]
    UnknownRequest(String),
    /// A request with this id exists already.
    #[error("a request with id {0:?} exists already")]
    RequestExists(String),
    /// No category has this code.
    #[error("no category with code {0:?}")]
    UnknownCategory(String),
    /// No department has this id.
    #[error("no department with id {0:?}")]
    UnknownDepartment(String),
    /// A text breaks its rule.
    #[error(transparent)]
    Text(#[from] TextError),
    /// Filing needs an idempotency key, so that a retried filing has one effect.
    #[error("filing a request needs an idempotency key")]
    KeyRequired,
    /// The request is not in a status that allows the action.
    #[error("request {request:?} is {status}; cannot {action}")]
    WrongStatus {
        /// The request.
        request: String,
        /// Its status.
        status: Status,
        /// What was tried.
        action: &'static str,
    },
    /// Only the party answering for the request may do this.
    #[error("{actor} does not answer for request {request:?}")]
    NotResponsible {
        /// The request.
        request: String,
        /// Who tried.
        actor: String,
    },
    /// Verification on site must be by someone other than the handler.
    #[error("request {request:?} must be verified by someone other than its handler {handler:?}")]
    VerifierIsHandler {
        /// The request.
        request: String,
        /// The handler.
        handler: String,
    },
    /// Verification and rating are done by people, not by the platform.
    #[error("{action} needs a person as actor")]
    PersonRequired {
        /// What was tried.
        action: &'static str,
    },
    /// Only the filer rates a request.
    #[error("only the filer rates request {request:?}")]
    NotFiler {
        /// The request.
        request: String,
    },
    /// The request was rated already.
    #[error("request {0:?} was rated already")]
    AlreadyRated(String),
    /// The one extension was used already.
    #[error("request {0:?} has had its one extension")]
    AlreadyExtended(String),
    /// The person may not take this request (wrong role, place or skills).
    #[error("{person:?} is not eligible for request {request:?}: {why}")]
    NotEligible {
        /// The person.
        person: String,
        /// The request.
        request: String,
        /// Why not.
        why: &'static str,
    },
    /// The person holds as many open claims as allowed.
    #[error("{person:?} holds {limit} open claims, the most allowed")]
    ClaimLimit {
        /// The person.
        person: String,
        /// The limit.
        limit: u32,
    },
    /// The department was not called in on the request, or reported already.
    #[error("department {department:?} has no open call on request {request:?}")]
    NoOpenCall {
        /// The request.
        request: String,
        /// The department.
        department: String,
    },
    /// The department does not belong to the request's street.
    #[error("department {department:?} is not attached to street {street}")]
    ForeignDepartment {
        /// The department.
        department: String,
        /// The request's street.
        street: NodeCode,
    },
    /// A location that is not in the grid, or a unit not on the request's chain.
    #[error("bad location: {0}")]
    BadLocation(String),
    /// A request cannot duplicate itself or a request that is itself a duplicate.
    #[error("request {request:?} cannot be marked a duplicate of {of:?}: {why}")]
    BadDuplicate {
        /// The request.
        request: String,
        /// The one named as original.
        of: String,
        /// Why not.
        why: &'static str,
    },
    /// No handover was offered to the actor.
    #[error("no handover of request {0:?} is offered to the actor")]
    NoHandover(String),
    /// A deadline could not be computed.
    #[error(transparent)]
    Calendar(#[from] CalendarError),
    /// An import was refused; `row` counts from 0.
    #[error("import row {row}: {source}")]
    ImportRow {
        /// The row.
        row: usize,
        /// Why.
        source: Box<TaskError>,
    },
    /// An Open311 GeoReport v2 document was refused.
    #[error("Open311: {0}")]
    Open311(#[from] Open311Error),
    /// A whistle band of the configuration was refused.
    #[error(transparent)]
    BadWhistleBand(#[from] WhistleBandError),
}

error_codes! {
    TaskError {
        UnknownRequest(..) => ("unknown_request", NotFound),
        RequestExists(..) => ("request_exists", Conflict),
        UnknownCategory(..) => ("unknown_category", NotFound),
        UnknownDepartment(..) => ("unknown_department", NotFound),
        Text(inner) => delegate TextError,
        KeyRequired => ("key_required", Invalid),
        WrongStatus { .. } => ("wrong_status", Conflict),
        NotResponsible { .. } => ("not_responsible", PermissionDenied),
        VerifierIsHandler { .. } => ("verifier_is_handler", PermissionDenied),
        PersonRequired { .. } => ("person_required", PermissionDenied),
        NotFiler { .. } => ("not_filer", PermissionDenied),
        AlreadyRated(..) => ("already_rated", Conflict),
        AlreadyExtended(..) => ("already_extended", Conflict),
        NotEligible { .. } => ("not_eligible", PermissionDenied),
        ClaimLimit { .. } => ("claim_limit", Conflict),
        NoOpenCall { .. } => ("no_open_call", Conflict),
        ForeignDepartment { .. } => ("foreign_department", Invalid),
        BadLocation(..) => ("bad_location", Invalid),
        BadDuplicate { .. } => ("bad_duplicate", Invalid),
        NoHandover(..) => ("no_handover", Conflict),
        Calendar(inner) => delegate CalendarError,
        ImportRow { source, .. } => delegate Self,
        Open311(inner) => delegate Open311Error,
        BadWhistleBand(inner) => delegate WhistleBandError,
    }
}

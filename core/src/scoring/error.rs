//! Errors of the scoring capability.

use crate::error::kind::error_codes;
use crate::text::TextError;

/// Why a scoring command or event was refused.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum ScoringError {
    /// No service record has this id.
    #[error("no service record with id {0:?}")]
    UnknownRecord(String),
    /// A service record with this id exists already.
    #[error("a service record with id {0:?} exists already")]
    RecordExists(String),
    /// No person has this id.
    #[error("no person with id {0:?}")]
    UnknownPerson(String),
    /// No request has this id.
    #[error("no request with id {0:?}")]
    UnknownRequest(String),
    /// An id, a note or a reason breaks its rule.
    #[error(transparent)]
    Text(#[from] TextError),
    /// A service's minutes are out of range.
    #[error("bad minutes {minutes} for service {id:?}: service takes 1 to 1440 minutes and travel at most 1440")]
    BadMinutes {
        /// The record.
        id: String,
        /// The minutes given.
        minutes: u32,
    },
    /// A service cannot be recorded before it has started.
    #[error("service {id:?} starts at {started_at}, after it is recorded")]
    FutureService {
        /// The record.
        id: String,
        /// When it would start.
        started_at: String,
    },
    /// The record has been certified or refused already.
    #[error("service record {0:?} is not pending")]
    NotPending(String),
    /// Nobody certifies their own service.
    #[error("{0:?} may not certify their own service")]
    OwnService(String),
    /// A record tied to a request must be the handler's, under the record's unit.
    #[error("request {request:?} does not fit this record: {why}")]
    RequestMismatch {
        /// The request.
        request: String,
        /// Why not.
        why: &'static str,
    },
    /// The request already has a service record.
    #[error("request {request:?} already has service record {record:?}")]
    RequestRecorded {
        /// The request.
        request: String,
        /// Its record.
        record: String,
    },
    /// A star profile is malformed.
    #[error("bad star profile {profile:?}: {why}")]
    BadProfile {
        /// The profile.
        profile: String,
        /// Why.
        why: &'static str,
    },
    /// Stars were granted on a later date already.
    #[error("stars were granted on {last} already; a grant cannot go back to {on}")]
    GrantBackdated {
        /// The last grant.
        last: String,
        /// The date asked.
        on: String,
    },
    /// A month is not `YYYY-MM`, or the range is empty or longer than 120 months.
    #[error("bad month range {0:?}")]
    BadMonths(String),
    /// A service record's event does not match the state.
    #[error("star change for {person:?} expects level {expected}, found {found}")]
    StaleLevel {
        /// The volunteer.
        person: String,
        /// The level the event starts from.
        expected: u8,
        /// The level held.
        found: u8,
    },
    /// A recorded certification names a certifier other than the one who could have
    /// certified it (replay): the request's verifier with the recording, else the
    /// entry's actor (`""`: the platform).
    #[error("service record {id:?} names certifier {by:?}, which {actor} does not make")]
    WrongCertifier {
        /// The record.
        id: String,
        /// The certifier named (empty for the platform).
        by: String,
        /// The entry's actor.
        actor: String,
    },
    /// A recorded certification counts other minutes than the counting rules give
    /// (replay).
    #[error("service record {id:?} is recorded as counting {counted} minutes; the rules give {expected}")]
    WrongCount {
        /// The record.
        id: String,
        /// Minutes recorded.
        counted: u32,
        /// Minutes the rules give.
        expected: u32,
    },
    /// A recorded star grant changes a level otherwise than the profile gives, or
    /// leaves out a change it gives (replay).
    #[error("the star grant of {on} changes the level of {person:?} otherwise than the star profile gives")]
    WrongGrant {
        /// The date of the grant.
        on: String,
        /// The first volunteer whose change differs.
        person: String,
    },
}

error_codes! {
    ScoringError {
        UnknownRecord(..) => ("unknown_service_record", NotFound),
        RecordExists(..) => ("service_record_exists", Conflict),
        UnknownPerson(..) => ("unknown_person", NotFound),
        UnknownRequest(..) => ("unknown_request", NotFound),
        Text(inner) => delegate TextError,
        BadMinutes { .. } => ("bad_minutes", Invalid),
        FutureService { .. } => ("future_service", Invalid),
        NotPending(..) => ("service_not_pending", Conflict),
        OwnService(..) => ("own_service", PermissionDenied),
        RequestMismatch { .. } => ("request_mismatch", Invalid),
        RequestRecorded { .. } => ("request_recorded", Conflict),
        BadProfile { .. } => ("bad_star_profile", Invalid),
        GrantBackdated { .. } => ("grant_backdated", Conflict),
        BadMonths(..) => ("bad_months", Invalid),
        StaleLevel { .. } => ("stale_level", Conflict),
        WrongCertifier { .. } => ("wrong_certifier", Invalid),
        WrongCount { .. } => ("wrong_count", Invalid),
        WrongGrant { .. } => ("wrong_grant", Invalid),
    }
}

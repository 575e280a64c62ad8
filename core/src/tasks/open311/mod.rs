//! Open311 GeoReport v2 interchange: the service list a ward offers, its requests as
//! another city's system reads them, and requests from such a system read back in.
//!
//! Open311 knows only two statuses, `open` and `closed`; the Gridward status of an open
//! request goes into `status_notes`. Date-times are W3C (RFC 3339) with a zone. Gridward
//! places requests on the grid, not on a map, so `lat` and `long` are never written and
//! are ignored when read; `address_id` carries a household id or a unit code instead.
//! Public output names no requester and masks a person's name.

mod export;
mod import;
mod parse;

pub(crate) use import::imported_requests;
pub use parse::parse_requests;

use chrono::{DateTime, FixedOffset};
use serde::{Deserialize, Serialize};

use super::command::{ImportedRequest, OpenOrClosed};
use super::model::Location;
use crate::error::kind::error_codes;

/// A service of the service list (GET services): one category of request.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Open311Service {
    /// The category code.
    pub service_code: String,
    /// The category name.
    pub service_name: String,
    /// What the category is about (its name when it has no description).
    pub description: String,
    /// Whether the service has extra attributes to fill in; Gridward's have none.
    pub metadata: bool,
    /// How requests are created: always `realtime` (the request exists once filed).
    #[serde(rename = "type")]
    pub service_type: String,
    /// Comma-separated keywords: the category's domain and its handler.
    pub keywords: String,
    /// The group the category is listed under.
    pub group: String,
}

/// A service request as GeoReport v2 writes it (GET requests), and as
/// [`parse_requests`] reads it from another system. Absent optional fields are left out
/// of the JSON; unknown fields (`lat`, `long`, extensions) are ignored when read.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Open311Request {
    /// The request's id.
    pub service_request_id: String,
    /// `open` or `closed`.
    pub status: OpenOrClosed,
    /// A note on the status: why it was closed, or the Gridward status of an open one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status_notes: Option<String>,
    /// The category name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub service_name: Option<String>,
    /// The category code.
    pub service_code: String,
    /// What is wrong or wanted.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// The name of the party answering for it: a unit, a department, or a person's
    /// masked name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub agency_responsible: Option<String>,
    /// What to expect: supervision or parking, when either applies.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub service_notice: Option<String>,
    /// When it was filed.
    pub requested_datetime: DateTime<FixedOffset>,
    /// When it last changed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub updated_datetime: Option<DateTime<FixedOffset>>,
    /// When resolution is due.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub expected_datetime: Option<DateTime<FixedOffset>>,
    /// The names of the units it lies in, district first, separated by spaces.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub address: Option<String>,
    /// A household id or a unit code.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub address_id: Option<String>,
    /// A postal code (Gridward keeps none; kept when read).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub zipcode: Option<String>,
    /// The reference of its first photo.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub media_url: Option<String>,
}

impl Open311Request {
    /// The request as a row of [`TaskCommand::Import`](super::TaskCommand::Import), at a
    /// location already resolved from `address_id`.
    pub fn into_imported(self, location: Location) -> ImportedRequest {
        ImportedRequest {
            id: self.service_request_id,
            category: self.service_code,
            location,
            description: self.description.unwrap_or_default(),
            filed_at: self.requested_datetime,
            status: self.status,
            updated_at: self.updated_datetime,
            status_notes: self.status_notes.unwrap_or_default(),
            photos: self.media_url.into_iter().collect(),
        }
    }
}

/// Why an Open311 document was refused. `index` counts the array's elements from 0.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum Open311Error {
    /// The text is not JSON.
    #[error("not JSON (line {line}, column {column}): {message}")]
    NotJson {
        /// The line of the fault, from 1.
        line: usize,
        /// The column of the fault, from 1.
        column: usize,
        /// What the parser said.
        message: String,
    },
    /// The JSON is not an array of service requests.
    #[error("expected a JSON array of service requests, found {found}")]
    NotArray {
        /// The JSON type found.
        found: &'static str,
    },
    /// An element is not an object.
    #[error("element {index}: expected an object, found {found}")]
    NotObject {
        /// The element.
        index: usize,
        /// The JSON type found.
        found: &'static str,
    },
    /// A required field is absent or null.
    #[error("element {index}: missing required field {field}")]
    MissingField {
        /// The element.
        index: usize,
        /// The field.
        field: &'static str,
    },
    /// A required text field is blank.
    #[error("element {index}: field {field} is empty")]
    EmptyField {
        /// The element.
        index: usize,
        /// The field.
        field: &'static str,
    },
    /// A field holds the wrong JSON type.
    #[error("element {index}: field {field} must be {expected}, found {found}")]
    WrongType {
        /// The element.
        index: usize,
        /// The field.
        field: &'static str,
        /// The JSON type wanted.
        expected: &'static str,
        /// The JSON type found.
        found: &'static str,
    },
    /// The status is neither `open` nor `closed`.
    #[error("element {index}: status {value:?} is neither \"open\" nor \"closed\"")]
    BadStatus {
        /// The element.
        index: usize,
        /// The status given.
        value: String,
    },
    /// A date-time is malformed or has no zone.
    #[error("element {index}: field {field} {value:?}: {why}")]
    BadDateTime {
        /// The element.
        index: usize,
        /// The field.
        field: &'static str,
        /// The value given (at most 80 characters of it).
        value: String,
        /// Why not.
        why: &'static str,
    },
    /// The `address_id` names neither a household nor a unit of the ward.
    #[error("element {index}: address_id {address_id:?} is neither a household id nor a unit code of this ward")]
    UnknownAddress {
        /// The element.
        index: usize,
        /// The address id given.
        address_id: String,
    },
}

error_codes! {
    Open311Error {
        NotJson { .. } => ("open311_not_json", Invalid),
        NotArray { .. } => ("open311_not_array", Invalid),
        NotObject { .. } => ("open311_not_object", Invalid),
        MissingField { .. } => ("open311_missing_field", Invalid),
        EmptyField { .. } => ("open311_empty_field", Invalid),
        WrongType { .. } => ("open311_wrong_type", Invalid),
        BadStatus { .. } => ("open311_bad_status", Invalid),
        BadDateTime { .. } => ("open311_bad_datetime", Invalid),
        UnknownAddress { .. } => ("open311_unknown_address", Invalid),
    }
}

impl Open311Error {
    /// The element at fault, when the fault is in one.
    pub fn index(&self) -> Option<usize> {
        match self {
            Open311Error::NotJson { .. } | Open311Error::NotArray { .. } => None,
            Open311Error::NotObject { index, .. }
            | Open311Error::MissingField { index, .. }
            | Open311Error::EmptyField { index, .. }
            | Open311Error::WrongType { index, .. }
            | Open311Error::BadStatus { index, .. }
            | Open311Error::BadDateTime { index, .. }
            | Open311Error::UnknownAddress { index, .. } => Some(*index),
        }
    }

    /// The field at fault, when the fault is in one.
    pub fn field(&self) -> Option<&'static str> {
        match self {
            Open311Error::MissingField { field, .. }
            | Open311Error::EmptyField { field, .. }
            | Open311Error::WrongType { field, .. }
            | Open311Error::BadDateTime { field, .. } => Some(field),
            Open311Error::BadStatus { .. } => Some("status"),
            Open311Error::UnknownAddress { .. } => Some("address_id"),
            Open311Error::NotJson { .. }
            | Open311Error::NotArray { .. }
            | Open311Error::NotObject { .. } => None,
        }
    }
}

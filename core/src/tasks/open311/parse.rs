//! Reading service requests as another system sends them: a JSON array of GeoReport v2
//! request objects.

use chrono::{DateTime, FixedOffset, NaiveDateTime};
use serde_json::{Map, Value};

use super::{Open311Error, Open311Request};
use crate::tasks::command::OpenOrClosed;

/// Parses a JSON array of GeoReport v2 service requests.
///
/// Required in each element: `service_request_id`, `status` (`open` or `closed`),
/// `service_code` and `requested_datetime`. Text fields must be JSON strings; a null or
/// an empty string in an optional field counts as absent. Date-times must be W3C with a
/// zone (`Z` or `±hh:mm`), seconds optional. Unknown fields, `lat` and `long` among
/// them, are ignored. The first fault found is returned, with the element's index.
pub fn parse_requests(text: &str) -> Result<Vec<Open311Request>, Open311Error> {
    let value: Value = serde_json::from_str(text).map_err(|e| Open311Error::NotJson {
        line: e.line(),
        column: e.column(),
        message: e.to_string(),
    })?;
    let Value::Array(items) = value else {
        return Err(Open311Error::NotArray {
            found: json_type(&value),
        });
    };
    items
        .iter()
        .enumerate()
        .map(|(index, item)| match item {
            Value::Object(map) => Fields { index, map }.request(),
            other => Err(Open311Error::NotObject {
                index,
                found: json_type(other),
            }),
        })
        .collect()
}

/// The JSON type of a value, as error messages name it.
fn json_type(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

/// One element's fields.
struct Fields<'a> {
    index: usize,
    map: &'a Map<String, Value>,
}

impl<'a> Fields<'a> {
    /// A string field as given: `None` when absent or null.
    fn raw(&self, field: &'static str) -> Result<Option<&'a str>, Open311Error> {
        match self.map.get(field) {
            None | Some(Value::Null) => Ok(None),
            Some(Value::String(s)) => Ok(Some(s)),
            Some(other) => Err(Open311Error::WrongType {
                index: self.index,
                field,
                expected: "a string",
                found: json_type(other),
            }),
        }
    }

    /// A required string field, not blank.
    fn required(&self, field: &'static str) -> Result<&'a str, Open311Error> {
        let value = self.raw(field)?.ok_or(Open311Error::MissingField {
            index: self.index,
            field,
        })?;
        if value.trim().is_empty() {
            return Err(Open311Error::EmptyField {
                index: self.index,
                field,
            });
        }
        Ok(value)
    }

    /// An optional string field: blank counts as absent.
    fn optional(&self, field: &'static str) -> Result<Option<String>, Open311Error> {
        Ok(self
            .raw(field)?
            .filter(|s| !s.trim().is_empty())
            .map(str::to_owned))
    }

    /// An optional date-time field.
    fn time(&self, field: &'static str) -> Result<Option<DateTime<FixedOffset>>, Open311Error> {
        match self.raw(field)? {
            None => Ok(None),
            Some(s) if s.trim().is_empty() => Ok(None),
            Some(s) => parse_time(s)
                .map(Some)
                .map_err(|why| Open311Error::BadDateTime {
                    index: self.index,
                    field,
                    value: s.chars().take(80).collect(),
                    why,
                }),
        }
    }

    fn request(&self) -> Result<Open311Request, Open311Error> {
        let service_request_id = self.required("service_request_id")?.to_owned();
        let status = match self.required("status") {
            Ok("open") => OpenOrClosed::Open,
            Ok("closed") => OpenOrClosed::Closed,
            Ok(other) => {
                return Err(Open311Error::BadStatus {
                    index: self.index,
                    value: other.chars().take(80).collect(),
                })
            }
            Err(Open311Error::EmptyField { index, .. }) => {
                return Err(Open311Error::BadStatus {
                    index,
                    value: String::new(),
                })
            }
            Err(e) => return Err(e),
        };
        let service_code = self.required("service_code")?.to_owned();
        let requested_datetime =
            self.time("requested_datetime")?
                .ok_or(Open311Error::MissingField {
                    index: self.index,
                    field: "requested_datetime",
                })?;
        Ok(Open311Request {
            service_request_id,
            status,
            status_notes: self.optional("status_notes")?,
            service_name: self.optional("service_name")?,
            service_code,
            description: self.optional("description")?,
            agency_responsible: self.optional("agency_responsible")?,
            service_notice: self.optional("service_notice")?,
            requested_datetime,
            updated_datetime: self.time("updated_datetime")?,
            expected_datetime: self.time("expected_datetime")?,
            address: self.optional("address")?,
            address_id: self.optional("address_id")?,
            zipcode: self.optional("zipcode")?,
            media_url: self.optional("media_url")?,
        })
    }
}

/// Parses a W3C date-time with a zone: RFC 3339, or the W3C form without seconds.
fn parse_time(s: &str) -> Result<DateTime<FixedOffset>, &'static str> {
    if let Ok(t) = DateTime::parse_from_rfc3339(s) {
        return Ok(t);
    }
    let zoned = match s.strip_suffix(['Z', 'z']) {
        Some(head) => format!("{head}+00:00"),
        None => s.to_owned(),
    };
    if let Ok(t) = DateTime::parse_from_str(&zoned, "%Y-%m-%dT%H:%M%:z") {
        return Ok(t);
    }
    let local = ["%Y-%m-%dT%H:%M:%S%.f", "%Y-%m-%dT%H:%M"]
        .iter()
        .any(|f| NaiveDateTime::parse_from_str(s, f).is_ok());
    Err(if local {
        "a date-time must carry its zone (Z or ±hh:mm)"
    } else {
        "not a W3C date-time (YYYY-MM-DDThh:mm:ss±hh:mm)"
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const GOOD: &str = r#"[{"service_request_id":"x-1","status":"open","service_code":"dirty_road",
        "requested_datetime":"2026-03-02T09:00:00+08:00"}]"#;

    /// `GOOD` with one field replaced (or removed when `value` is `None`).
    fn with(field: &str, value: Option<Value>) -> String {
        let mut v: Value = serde_json::from_str(GOOD).unwrap();
        let obj = v[0].as_object_mut().unwrap();
        match value {
            Some(x) => obj.insert(field.to_owned(), x),
            None => obj.remove(field),
        };
        v.to_string()
    }

    fn err(text: &str) -> Open311Error {
        parse_requests(text).unwrap_err()
    }

    #[test]
    fn a_minimal_request_parses() {
        let got = parse_requests(GOOD).unwrap();
        assert_eq!(got.len(), 1);
        assert_eq!(got[0].service_request_id, "x-1");
        assert_eq!(got[0].status, OpenOrClosed::Open);
        assert_eq!(got[0].service_code, "dirty_road");
        assert_eq!(
            got[0].requested_datetime.to_rfc3339(),
            "2026-03-02T09:00:00+08:00"
        );
        assert_eq!(got[0].updated_datetime, None);
        assert_eq!(got[0].media_url, None);
    }

    #[test]
    fn unknown_fields_nulls_and_blanks_are_ignored() {
        let mut v: Value = serde_json::from_str(GOOD).unwrap();
        let obj = v[0].as_object_mut().unwrap();
        obj.insert("lat".into(), Value::from(30.67));
        obj.insert("long".into(), Value::from(104.06));
        obj.insert("extended_attributes".into(), serde_json::json!({"x": [1]}));
        obj.insert("media_url".into(), Value::from(""));
        obj.insert("zipcode".into(), Value::Null);
        obj.insert("status_notes".into(), Value::from("queued"));
        let got = parse_requests(&v.to_string()).unwrap();
        assert_eq!(got[0].media_url, None);
        assert_eq!(got[0].zipcode, None);
        assert_eq!(got[0].status_notes.as_deref(), Some("queued"));
    }

    #[test]
    fn not_json_and_not_an_array() {
        let e = err("[{\"service_request_id\": ");
        assert_eq!(e.code(), "open311_not_json");
        assert!(matches!(e, Open311Error::NotJson { line: 1, .. }));
        assert_eq!(
            err(r#"{"service_requests": []}"#),
            Open311Error::NotArray { found: "an object" }
        );
        assert_eq!(
            err("[1]"),
            Open311Error::NotObject {
                index: 0,
                found: "a number"
            }
        );
        assert_eq!(parse_requests("[]").unwrap(), vec![]);
    }

    #[test]
    fn each_required_field_is_required() {
        for field in [
            "service_request_id",
            "status",
            "service_code",
            "requested_datetime",
        ] {
            let e = err(&with(field, None));
            assert_eq!(e, Open311Error::MissingField { index: 0, field });
            assert_eq!(e.code(), "open311_missing_field");
            let e = err(&with(field, Some(Value::Null)));
            assert_eq!(e, Open311Error::MissingField { index: 0, field });
        }
    }

    #[test]
    fn the_index_is_the_bad_elements() {
        let mut v: Value = serde_json::from_str(GOOD).unwrap();
        let mut second = v[0].clone();
        second["service_request_id"] = Value::from("  ");
        v.as_array_mut().unwrap().push(second);
        let e = err(&v.to_string());
        assert_eq!(
            e,
            Open311Error::EmptyField {
                index: 1,
                field: "service_request_id"
            }
        );
        assert_eq!(e.index(), Some(1));
        assert_eq!(e.field(), Some("service_request_id"));
        assert_eq!(
            e.to_string(),
            "element 1: field service_request_id is empty"
        );
    }

    #[test]
    fn status_is_open_or_closed_only() {
        for bad in ["acknowledged", "Open", ""] {
            let e = err(&with("status", Some(Value::from(bad))));
            assert_eq!(
                e,
                Open311Error::BadStatus {
                    index: 0,
                    value: bad.to_owned()
                }
            );
            assert_eq!(e.code(), "open311_bad_status");
        }
        let closed = parse_requests(&with("status", Some(Value::from("closed")))).unwrap();
        assert_eq!(closed[0].status, OpenOrClosed::Closed);
    }

    #[test]
    fn wrong_json_types_name_the_field() {
        let e = err(&with("service_code", Some(Value::from(12))));
        assert_eq!(
            e,
            Open311Error::WrongType {
                index: 0,
                field: "service_code",
                expected: "a string",
                found: "a number"
            }
        );
        let e = err(&with("media_url", Some(serde_json::json!(["a", "b"]))));
        assert_eq!(e.field(), Some("media_url"));
        assert_eq!(e.code(), "open311_wrong_type");
        let e = err(&with("status", Some(Value::from(true))));
        assert_eq!(e.code(), "open311_wrong_type");
    }

    #[test]
    fn date_times_need_a_zone_and_a_w3c_form() {
        let e = err(&with(
            "requested_datetime",
            Some(Value::from("2026-03-02T09:00:00")),
        ));
        assert_eq!(
            e,
            Open311Error::BadDateTime {
                index: 0,
                field: "requested_datetime",
                value: "2026-03-02T09:00:00".into(),
                why: "a date-time must carry its zone (Z or ±hh:mm)"
            }
        );
        assert_eq!(e.code(), "open311_bad_datetime");
        let e = err(&with(
            "updated_datetime",
            Some(Value::from("02/03/2026 09:00")),
        ));
        assert!(matches!(
            e,
            Open311Error::BadDateTime {
                field: "updated_datetime",
                why: "not a W3C date-time (YYYY-MM-DDThh:mm:ss±hh:mm)",
                ..
            }
        ));
        let e = err(&with(
            "requested_datetime",
            Some(Value::from("2026-02-30T09:00:00Z")),
        ));
        assert_eq!(e.code(), "open311_bad_datetime");
    }

    #[test]
    fn w3c_forms_with_a_zone_parse() {
        let at = |s: &str| parse_time(s).map(|t| t.to_rfc3339());
        assert_eq!(
            at("1994-11-05T08:15:30-05:00"),
            Ok("1994-11-05T08:15:30-05:00".into())
        );
        assert_eq!(
            at("1994-11-05T13:15:30Z"),
            Ok("1994-11-05T13:15:30+00:00".into())
        );
        assert_eq!(
            at("2026-03-02T09:00+08:00"),
            Ok("2026-03-02T09:00:00+08:00".into())
        );
        assert_eq!(
            at("2026-03-02T01:00Z"),
            Ok("2026-03-02T01:00:00+00:00".into())
        );
        assert_eq!(
            at("2026-03-02T09:00:00.5+08:00"),
            Ok("2026-03-02T09:00:00.500+08:00".into())
        );
        assert!(at("2026-03-02").is_err());
    }
}

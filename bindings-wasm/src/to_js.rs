//! Answers as plain JavaScript: written as the core's JSON text and read by the host's
//! `JSON.parse`, so that every type is written by the core's one JSON encoder (the one
//! the journal uses) and the host builds the objects. Objects come out as objects (keys
//! in order), arrays as arrays, numbers as numbers, `null` as `null`. A whole number
//! beyond the range a JavaScript number holds exactly is refused rather than rounded.

use gridward::journal::JournalError;
use gridward::Error;
use serde::Serialize;
use wasm_bindgen::prelude::wasm_bindgen;
use wasm_bindgen::JsValue;

#[wasm_bindgen]
extern "C" {
    /// `JSON.parse`; the text is the core's own JSON, so it does not throw.
    #[wasm_bindgen(catch, js_namespace = JSON, js_name = parse)]
    fn json_parse(text: &str) -> Result<JsValue, JsValue>;
}

/// The largest whole number a JavaScript number holds exactly.
const SAFE: u64 = (1 << 53) - 1;

/// `value` as plain JavaScript.
pub fn to_js_value<T: Serialize + ?Sized>(value: &T) -> Result<JsValue, Error> {
    let encode = |why: String| Error::Journal(JournalError::Encode(why));
    let text = serde_json::to_string(value).map_err(|e| encode(e.to_string()))?;
    if let Some(n) = beyond_safe(&text) {
        return Err(encode(format!(
            "{n} can't be represented as a JavaScript number"
        )));
    }
    json_parse(&text).map_err(|_| encode("JSON.parse refused the answer".to_owned()))
}

/// The first whole number in JSON `text` (outside its strings) that a JavaScript number
/// cannot hold exactly.
fn beyond_safe(text: &str) -> Option<&str> {
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'"' => {
                // Skip the string, with its escapes.
                i += 1;
                while i < bytes.len() && bytes[i] != b'"' {
                    i += if bytes[i] == b'\\' { 2 } else { 1 };
                }
                i += 1;
            }
            b'-' | b'0'..=b'9' => {
                let start = i;
                i += 1;
                while i < bytes.len()
                    && matches!(bytes[i], b'0'..=b'9' | b'.' | b'e' | b'E' | b'+' | b'-')
                {
                    i += 1;
                }
                let number = &text[start..i];
                let whole = !number.contains(['.', 'e', 'E']);
                let digits = number.trim_start_matches('-');
                if whole && (digits.len() > 16 || digits.parse::<u64>().is_ok_and(|n| n > SAFE)) {
                    return Some(number);
                }
            }
            _ => i += 1,
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::beyond_safe;

    #[test]
    fn finds_whole_numbers_beyond_the_exact_range_outside_strings() {
        assert_eq!(
            beyond_safe(r#"{"a":9007199254740991,"b":-9007199254740991}"#),
            None
        );
        assert_eq!(
            beyond_safe(r#"{"a":9007199254740992}"#),
            Some("9007199254740992")
        );
        assert_eq!(
            beyond_safe(r#"[-9007199254740993]"#),
            Some("-9007199254740993")
        );
        assert_eq!(
            beyond_safe(r#"[18446744073709551615]"#),
            Some("18446744073709551615")
        );
        assert_eq!(
            beyond_safe(r#"{"s":"12345678901234567890","f":1.5e300}"#),
            None
        );
        assert_eq!(beyond_safe(r#"{"s":"a\"12345678901234567890"}"#), None);
        assert_eq!(beyond_safe(r#"{"x":1e22,"y":123456789012345678.5}"#), None);
    }
}

//! A typed value as a JSON [`Value`], written through one encoder.
//!
//! Natively this is serde_json's `to_value`. In WebAssembly the value is written as JSON
//! text and that text read back as a `Value`: the journal writes every type as text
//! already, so each type's encoding is built once in the module instead of once more
//! for writing values. The results are the same: a `Value` read from serde_json's text
//! equals the one `to_value` builds (numbers, strings and key order alike).

use serde::Serialize;
use serde_json::Value;

/// `value` as a JSON value.
pub(crate) fn as_value<T: Serialize + ?Sized>(value: &T) -> Result<Value, serde_json::Error> {
    #[cfg(not(target_arch = "wasm32"))]
    {
        serde_json::to_value(value)
    }
    #[cfg(target_arch = "wasm32")]
    {
        serde_json::from_slice(&serde_json::to_vec(value)?)
    }
}

#[cfg(test)]
mod tests {
    use serde_json::Value;

    #[test]
    fn text_read_back_is_the_value_to_value_builds() {
        let value = serde_json::json!({
            "z": 1, "a": [-1, 2.5, 1e300, u64::MAX, i64::MIN, null, true],
            "s": "王芳 \"quoted\" \u{1}", "o": {}, "f": 0.1
        });
        let text: Value = serde_json::from_slice(&serde_json::to_vec(&value).unwrap()).unwrap();
        assert_eq!(text, super::as_value(&value).unwrap());
        assert_eq!(text.to_string(), value.to_string());
    }
}

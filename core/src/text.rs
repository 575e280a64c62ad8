//! The rule for short free texts (ids, names, reasons) shared by the capabilities.

/// Why a short text is refused, if it is: empty or blank (unless it may be empty), longer
/// than `max` characters, or holding control characters.
pub(crate) fn why_bad(value: &str, max: usize, may_be_empty: bool) -> Option<&'static str> {
    // A text of at most `max` bytes has at most `max` characters: count only longer ones.
    if !may_be_empty && value.trim().is_empty() {
        Some("it is empty")
    } else if value.len() > max && value.chars().count() > max {
        Some("it is too long")
    } else if value.chars().any(char::is_control) {
        Some("it holds control characters")
    } else {
        None
    }
}

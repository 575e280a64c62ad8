//! The one rule for the texts Gridward keeps: ids and keys, names, titles, reasons, notes,
//! descriptions and phone numbers.
//!
//! Each [`TextKind`] says what it allows; every capability checks its texts with
//! [`check`], and a refused text is a [`TextError`] (code `bad_text`) that names the field.
//!
//! | kind | holds | characters | empty | line breaks | white space at either end |
//! |---|---|---|---|---|---|
//! | [`Key`](TextKind::Key) | ids, idempotency keys, references, tags | 1–128 | no | no | no |
//! | [`Name`](TextKind::Name) | names and labels | 1–200 | no | no | no |
//! | [`Title`](TextKind::Title) | titles; a photo's reference | 1–500 | no | no | no |
//! | [`Reason`](TextKind::Reason) | reasons, comments, a voucher's description | 1–500 | no | no | yes |
//! | [`Note`](TextKind::Note) | optional remarks; a ledger's descriptions | 0–500 | yes | no | yes |
//! | [`Description`](TextKind::Description) | long text: a request, a report | 1–2000 | no | yes | yes |
//! | [`Phone`](TextKind::Phone) | digits, `+`, `-` and spaces | 1–32 | no | no | no |
//!
//! "Empty" counts a text of white space only as empty. No kind allows control characters
//! other than the line break (`\n`) of a description.
//!
//! ```
//! use gridward::text::{check, TextKind};
//!
//! assert!(check(TextKind::Name, "unit name", "吉福社区").is_ok());
//! let e = check(TextKind::Name, "unit name", " 吉福社区").unwrap_err();
//! assert_eq!((e.code(), e.why), ("bad_text", "it starts or ends with white space"));
//! assert!(check(TextKind::Description, "description", "漏水\n三楼").is_ok());
//! assert!(check(TextKind::Reason, "reason", "漏水\n三楼").is_err());
//! ```

use crate::error::kind::error_codes;

/// A kind of text, and what it allows (see the table of [the text rule](crate::text)).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum TextKind {
    /// An id, an idempotency key, a reference or a tag: 1 to 128 characters on one line,
    /// without white space at either end.
    Key,
    /// A name or a label: 1 to 200 characters on one line, without white space at either
    /// end.
    Name,
    /// A title, or a reference as long as a URL: 1 to 500 characters on one line, without
    /// white space at either end.
    Title,
    /// A reason or a comment: 1 to 500 characters on one line.
    Reason,
    /// An optional remark: up to 500 characters on one line; it may be empty.
    Note,
    /// Long free text, such as a request's description or a handling report: 1 to 2000
    /// characters; it may hold line breaks.
    Description,
    /// A phone number: 1 to 32 digits, `+`, `-` and spaces, without spaces at either end.
    Phone,
}

impl TextKind {
    /// The most characters the kind allows.
    pub const fn max_chars(self) -> usize {
        match self {
            TextKind::Key => 128,
            TextKind::Name => 200,
            TextKind::Title | TextKind::Reason | TextKind::Note => 500,
            TextKind::Description => 2000,
            TextKind::Phone => 32,
        }
    }

    /// Whether the text may be empty (or white space only).
    pub const fn may_be_empty(self) -> bool {
        matches!(self, TextKind::Note)
    }

    /// Whether the text may hold line breaks (`\n`).
    pub const fn allows_line_breaks(self) -> bool {
        matches!(self, TextKind::Description)
    }

    /// Whether white space at either end is refused.
    pub const fn refuses_outer_space(self) -> bool {
        matches!(
            self,
            TextKind::Key | TextKind::Name | TextKind::Title | TextKind::Phone
        )
    }

    /// The snake_case name (`key`, `name` …).
    pub fn as_str(self) -> &'static str {
        match self {
            TextKind::Key => "key",
            TextKind::Name => "name",
            TextKind::Title => "title",
            TextKind::Reason => "reason",
            TextKind::Note => "note",
            TextKind::Description => "description",
            TextKind::Phone => "phone",
        }
    }
}

/// A text that was refused, by its kind's rule or by a rule of its field.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("bad {field} {value:?}: {why}")]
pub struct TextError {
    /// The field, as the command names it (`unit name`, `reason`, `idempotency key`).
    pub field: &'static str,
    /// The kind of text the field holds.
    pub kind: TextKind,
    /// The value given, at most its first 80 characters.
    pub value: String,
    /// Why it was refused (`it is empty`, `it is too long` …).
    pub why: &'static str,
}

error_codes!(TextError => ("bad_text", Invalid));

/// The most characters of a refused value an error keeps.
const CLIP: usize = 80;

impl TextError {
    /// A refusal of `value` in `field`, for a rule of the field beyond its kind's (a
    /// format, a list's size, a matter of the state).
    pub(crate) fn new(kind: TextKind, field: &'static str, value: &str, why: &'static str) -> Self {
        TextError {
            field,
            kind,
            value: value.chars().take(CLIP).collect(),
            why,
        }
    }
}

/// Checks a text of `field` against the rule of its kind.
pub fn check(kind: TextKind, field: &'static str, value: &str) -> Result<(), TextError> {
    match why_refused(kind, value) {
        None => Ok(()),
        Some(why) => Err(TextError::new(kind, field, value, why)),
    }
}

fn why_refused(kind: TextKind, value: &str) -> Option<&'static str> {
    let blank = value.chars().all(char::is_whitespace);
    if blank {
        return match kind.may_be_empty() {
            true if value.chars().any(char::is_control) => Some("it holds control characters"),
            true => None,
            false => Some("it is empty"),
        };
    }
    let max = kind.max_chars();
    // A text of at most `max` bytes has at most `max` characters: count only longer ones.
    if value.len() > max && value.chars().count() > max {
        return Some("it is too long");
    }
    let line_breaks = kind.allows_line_breaks();
    if value
        .chars()
        .any(|c| c.is_control() && !(line_breaks && c == '\n'))
    {
        return Some("it holds control characters");
    }
    let outer = |c: Option<char>| c.is_some_and(char::is_whitespace);
    if kind.refuses_outer_space() && (outer(value.chars().next()) || outer(value.chars().last())) {
        return Some("it starts or ends with white space");
    }
    if kind == TextKind::Phone
        && !value
            .chars()
            .all(|c| c.is_ascii_digit() || matches!(c, '+' | '-' | ' '))
    {
        return Some("it may hold only digits, '+', '-' and spaces");
    }
    None
}

#[cfg(test)]
mod tests {
    use super::{check, TextKind};

    fn why(kind: TextKind, value: &str) -> Option<&'static str> {
        check(kind, "field", value).err().map(|e| e.why)
    }

    #[test]
    fn every_kind_keeps_its_rule() {
        use TextKind::*;
        let all = [Key, Name, Title, Reason, Note, Description, Phone];
        for kind in all {
            let longest = if kind == Phone {
                "1".repeat(32)
            } else {
                "字".repeat(kind.max_chars())
            };
            assert_eq!(why(kind, &longest), None, "{kind:?}");
            assert_eq!(
                why(kind, &format!("{longest}1")),
                Some("it is too long"),
                "{kind:?}"
            );
            let empty = if kind.may_be_empty() {
                None
            } else {
                Some("it is empty")
            };
            assert_eq!(why(kind, ""), empty, "{kind:?}");
            assert_eq!(why(kind, " \u{3000}"), empty, "{kind:?}");
            assert_eq!(why(kind, "1\t2"), Some("it holds control characters"));
            let breaks = (!kind.allows_line_breaks()).then_some("it holds control characters");
            assert_eq!(why(kind, "1\n2"), breaks, "{kind:?}");
            assert_eq!(why(kind, "1\r\n2"), Some("it holds control characters"));
            let outer = kind
                .refuses_outer_space()
                .then_some("it starts or ends with white space");
            assert_eq!(why(kind, " 1"), outer, "{kind:?}");
            assert_eq!(why(kind, "1\u{3000}"), outer, "{kind:?}");
            assert_eq!(why(kind, "1 2"), None, "{kind:?}");
        }
        assert_eq!(why(Note, "\n"), Some("it holds control characters"));
        assert_eq!(why(Phone, "+86 138-0000-0000"), None);
        assert_eq!(
            why(Phone, "138x"),
            Some("it may hold only digits, '+', '-' and spaces")
        );
    }

    #[test]
    fn an_error_names_the_field_and_clips_the_value() {
        let e = check(TextKind::Key, "request id", &"x".repeat(200)).unwrap_err();
        assert_eq!(
            (e.field, e.kind, e.value.len()),
            ("request id", TextKind::Key, 80)
        );
        assert_eq!(
            (e.code(), e.kind()),
            ("bad_text", crate::ErrorKind::Invalid)
        );
        assert!(e.to_string().starts_with("bad request id \"xxx"), "{e}");
    }
}

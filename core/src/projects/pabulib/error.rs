//! Why a `.pb` file was refused: every error names the line (1-based) and the field.

use crate::error::kind::error_codes;

/// Why a Pabulib file could not be read. Nothing is returned from a file that has one.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum PabulibError {
    /// A section is missing; `line` is the file's last line.
    #[error("line {line}: the file has no {section} section")]
    MissingSection {
        /// The file's last line.
        line: usize,
        /// `META`, `PROJECTS` or `VOTES`.
        section: &'static str,
    },
    /// A quoted field does not end.
    #[error("line {line}: field {field:?}: a quoted field does not end")]
    BadQuote {
        /// Where the field starts.
        line: usize,
        /// The column, if the header was read.
        field: String,
    },
    /// A line outside any section, or a section without its header line.
    #[error("line {line}: {text:?} is not inside a section")]
    Unexpected {
        /// The line.
        line: usize,
        /// Its first field.
        text: String,
    },
    /// A section's header lacks a column it must have.
    #[error("line {line}: the {section} header has no {field:?} column")]
    MissingColumn {
        /// The header's line.
        line: usize,
        /// The section.
        section: &'static str,
        /// The column.
        field: &'static str,
    },
    /// A row has another number of fields than its header.
    #[error("line {line}: {found} fields where the header has {expected}")]
    ColumnCount {
        /// The row's line.
        line: usize,
        /// Fields in the header.
        expected: usize,
        /// Fields in the row.
        found: usize,
    },
    /// META lacks a key it must have.
    #[error("line {line}: META has no {field:?}")]
    MissingMeta {
        /// The META header's line.
        line: usize,
        /// The key.
        field: &'static str,
    },
    /// A value cannot be read.
    #[error("line {line}: field {field:?}: {value:?} {why}")]
    BadValue {
        /// The line.
        line: usize,
        /// The column or META key.
        field: String,
        /// The value.
        value: String,
        /// Why it was refused.
        why: &'static str,
    },
    /// A META key, a project id or a voter id appears twice.
    #[error("line {line}: field {field:?}: {value:?} appears twice")]
    Duplicate {
        /// The second occurrence's line.
        line: usize,
        /// The column or META key.
        field: String,
        /// The value.
        value: String,
    },
}

impl PabulibError {
    /// The line the error is on (1-based).
    pub fn line(&self) -> usize {
        match self {
            PabulibError::MissingSection { line, .. }
            | PabulibError::BadQuote { line, .. }
            | PabulibError::Unexpected { line, .. }
            | PabulibError::MissingColumn { line, .. }
            | PabulibError::ColumnCount { line, .. }
            | PabulibError::MissingMeta { line, .. }
            | PabulibError::BadValue { line, .. }
            | PabulibError::Duplicate { line, .. } => *line,
        }
    }
}

error_codes! {
    PabulibError {
        MissingSection { .. } => ("pabulib_missing_section", Invalid),
        BadQuote { .. } => ("pabulib_bad_quote", Invalid),
        Unexpected { .. } => ("pabulib_unexpected_line", Invalid),
        MissingColumn { .. } => ("pabulib_missing_column", Invalid),
        ColumnCount { .. } => ("pabulib_column_count", Invalid),
        MissingMeta { .. } => ("pabulib_missing_meta", Invalid),
        BadValue { .. } => ("pabulib_bad_value", Invalid),
        Duplicate { .. } => ("pabulib_duplicate", Invalid),
    }
}

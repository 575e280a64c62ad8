//! Pabulib's CSV: `;`-separated fields, double quotes around fields holding a `;`, a
//! quote or a line break, quotes inside doubled. Lines end with LF or CRLF.

use super::error::PabulibError;

/// One record: its first line (1-based) and its fields.
pub(crate) struct Record {
    /// The record's first line.
    pub line: usize,
    /// Its fields; unquoted fields are trimmed of surrounding spaces.
    pub fields: Vec<String>,
}

/// Splits a text into records, skipping blank lines. A leading byte-order mark is
/// ignored.
pub(crate) fn records(text: &str) -> Result<Vec<Record>, PabulibError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut out = Vec::new();
    let mut chars = text.char_indices().peekable();
    let mut line = 1usize;
    let mut fields: Vec<String> = Vec::new();
    let mut field = String::new();
    let mut quoted = false;
    let mut start = 1usize;
    let mut at_field_start = true;
    let finish_field = |field: &mut String, quoted: bool, fields: &mut Vec<String>| {
        let value = std::mem::take(field);
        fields.push(if quoted {
            value
        } else {
            value.trim().to_string()
        });
    };
    while let Some((_, ch)) = chars.next() {
        match ch {
            '"' if at_field_start && field.trim().is_empty() => {
                field.clear();
                quoted = true;
                at_field_start = false;
                let open = line;
                loop {
                    match chars.next() {
                        None => {
                            return Err(PabulibError::BadQuote {
                                line: open,
                                field: format!("column {}", fields.len() + 1),
                            })
                        }
                        Some((_, '"')) => {
                            if matches!(chars.peek(), Some((_, '"'))) {
                                chars.next();
                                field.push('"');
                            } else {
                                break;
                            }
                        }
                        Some((_, c)) => {
                            if c == '\n' {
                                line += 1;
                            }
                            field.push(c);
                        }
                    }
                }
            }
            ';' => {
                finish_field(&mut field, quoted, &mut fields);
                quoted = false;
                at_field_start = true;
            }
            '\n' | '\r' => {
                if ch == '\r' && matches!(chars.peek(), Some((_, '\n'))) {
                    chars.next();
                }
                finish_field(&mut field, quoted, &mut fields);
                if !(fields.len() == 1 && fields[0].is_empty()) {
                    out.push(Record {
                        line: start,
                        fields: std::mem::take(&mut fields),
                    });
                }
                fields.clear();
                quoted = false;
                at_field_start = true;
                line += 1;
                start = line;
            }
            c => {
                if quoted {
                    // Text after a closing quote: kept, as lenient readers do.
                    quoted = false;
                }
                if !c.is_whitespace() {
                    at_field_start = false;
                }
                field.push(c);
            }
        }
    }
    if !field.is_empty() || !fields.is_empty() || quoted {
        finish_field(&mut field, quoted, &mut fields);
        if !(fields.len() == 1 && fields[0].is_empty()) {
            out.push(Record {
                line: start,
                fields,
            });
        }
    }
    Ok(out)
}

/// A field as written: quoted when it holds a `;`, a quote, a line break or surrounding
/// spaces, or when it is empty and alone would look like a blank line.
pub(crate) fn field(value: &str) -> String {
    let needs = value.contains([';', '"', '\n', '\r'])
        || value.starts_with(char::is_whitespace)
        || value.ends_with(char::is_whitespace);
    if needs {
        format!("\"{}\"", value.replace('"', "\"\""))
    } else {
        value.to_string()
    }
}

/// The number of lines in a text (for errors at its end).
pub(crate) fn last_line(text: &str) -> usize {
    text.lines().count().max(1)
}

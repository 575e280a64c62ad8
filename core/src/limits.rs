//! The sizes Gridward accepts, each refused with a typed error before any work is done,
//! so that hostile input cannot make a ward spend memory or time on what it will refuse.
//!
//! | What | Limit | Refused with |
//! |---|---|---|
//! | A journal entry (one line of the JSON-lines journal) | [`MAX_ENTRY_BYTES`] bytes | `journal_broken` naming the line, before the line is parsed; a command whose entry would be longer is refused with `too_large` |
//! | Rows of one import (`grid` import, `tasks` import of requests) | [`MAX_IMPORT_ROWS`] | `too_large`, before any row is read |
//! | Households acknowledging a directive in one command | [`MAX_IMPORT_ROWS`] | `too_large` |
//! | Texts (names, titles, descriptions, ids) | by their kind: [`crate::text::TextKind::max_chars`] | `bad_text`, naming the field |
//! | Nesting of JSON text (journal lines, Open311, configuration, rating trees) | 128 levels (serde_json's own limit) | the decoder's typed error |
//!
//! The faces add their own limits on the values they convert (nesting depth, list
//! length); their READMEs give them.

/// The longest journal entry, in bytes of its JSON line: 256 MiB. A district of
/// Chengdu's synthetic city (about 400,000 households, imported in one command) makes an
/// entry of about 25 MB.
pub const MAX_ENTRY_BYTES: usize = 256 * 1024 * 1024;

/// The most rows one import command may carry: 2,000,000. A larger table is imported
/// in several commands (by district, say), each all-or-nothing.
pub const MAX_IMPORT_ROWS: usize = 2_000_000;

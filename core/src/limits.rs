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

use crate::error::Error;
use crate::grid::GridCommand;
use crate::tasks::TaskCommand;
use crate::Command;

/// Refuses a command that carries more rows than [`MAX_IMPORT_ROWS`], before it is
/// decided.
pub(crate) fn check_command(command: &Command) -> Result<(), Error> {
    let (what, rows) = match command {
        Command::Grid(GridCommand::Import { rows }) => ("rows", rows.len()),
        Command::Grid(GridCommand::Acknowledge { households, .. }) => {
            ("households", households.len())
        }
        Command::Tasks(TaskCommand::Import { requests }) => ("requests", requests.len()),
        _ => return Ok(()),
    };
    if rows > MAX_IMPORT_ROWS {
        return Err(Error::TooLarge {
            what: format!("{what} of one command"),
            size: rows as u64,
            limit: MAX_IMPORT_ROWS as u64,
        });
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::grid::ImportRow;

    #[test]
    fn an_import_one_row_over_the_limit_is_refused_and_one_at_it_is_not() {
        let row = ImportRow::Person {
            id: "p".into(),
            name: "某人".into(),
            phone: None,
            party_member: false,
            household: None,
        };
        let at_limit = Command::Grid(GridCommand::Import {
            rows: vec![row.clone(); MAX_IMPORT_ROWS],
        });
        assert!(check_command(&at_limit).is_ok());
        let over = Command::Grid(GridCommand::Import {
            rows: vec![row; MAX_IMPORT_ROWS + 1],
        });
        let err = check_command(&over).unwrap_err();
        assert_eq!(err.code(), "too_large");
        assert!(err.to_string().contains("rows of one command"), "{err}");
    }
}

//! The ward refuses a command larger than the [limits](crate::limits) before deciding it.

use crate::error::Error;
use crate::grid::GridCommand;
use crate::limits::MAX_IMPORT_ROWS;
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

//! The ward's queries over project funds that need the journal: the public statement
//! and its verification.

use super::{Ward, WardConfig};
use crate::error::Error;
use crate::fund::StatementCheck;
use crate::journal::Journal;
use crate::projects::ProjectsStatement;

impl Ward {
    /// A project fund's public statement (公示), stamped with the journal's current head
    /// and length.
    pub fn projects_statement(&self, fund: &str) -> Result<ProjectsStatement, Error> {
        let entries = self.journal().len() as u64;
        Ok(self
            .projects
            .statement(&self.grid, fund, self.head(), entries)?)
    }

    /// Checks a published project fund statement against a journal (JSON lines): the
    /// chain must be intact, its entry at the statement's length must have the
    /// statement's head, and the statement recomputed from the journal up to there must
    /// equal the published one.
    pub fn verify_projects_statement(
        config: WardConfig,
        journal: &str,
        statement: &ProjectsStatement,
    ) -> Result<StatementCheck, Error> {
        let journal = Journal::from_jsonl(journal)?;
        let entries = journal.len() as u64;
        let n = usize::try_from(statement.journal_entries).unwrap_or(usize::MAX);
        let prefix = journal.prefix(n);
        let head_matches = entries >= statement.journal_entries && prefix.head() == statement.head;
        let figures_match = head_matches && {
            let ward = Ward::replay(config, prefix)?;
            ward.projects_statement(&statement.fund)
                .is_ok_and(|again| &again == statement)
        };
        Ok(StatementCheck {
            entries,
            head_matches,
            figures_match,
            verified: head_matches && figures_match,
        })
    }
}

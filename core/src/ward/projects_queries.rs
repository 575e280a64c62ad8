//! The ward's queries over project funds that need the journal: the public statement
//! and its verification.

use super::{Ward, WardConfig};
use crate::error::Error;
use crate::fund::StatementCheck;
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
        let (entries, head) = (statement.journal_entries, statement.head);
        Ward::verify_published(config, journal, entries, head, |ward| {
            ward.projects_statement(&statement.fund)
                .is_ok_and(|again| &again == statement)
        })
    }
}

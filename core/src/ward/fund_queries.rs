//! The ward's queries over funds and the assembly: statements and their verification.

use chrono::NaiveDate;

use super::{Ward, WardConfig};
use crate::error::Error;
use crate::fund::{BasisComparison, Fund, FundError, Statement, StatementCheck};
use crate::journal::Journal;

impl Ward {
    /// The fund with this id.
    pub fn fund(&self, id: &str) -> Result<&Fund, Error> {
        self.funds
            .get(id)
            .ok_or_else(|| FundError::UnknownFund(id.to_owned()).into())
    }

    /// A fund's public statement (公示) for the days `from..=to`, stamped with the
    /// journal's current head and length.
    pub fn statement(
        &self,
        fund: &str,
        from: NaiveDate,
        to: NaiveDate,
    ) -> Result<Statement, Error> {
        if to < from {
            return Err(FundError::BadPeriod { from, to }.into());
        }
        let f = self.fund(fund)?;
        let entries = self.journal().len() as u64;
        Ok(f.statement(&self.grid, from, to, self.head(), entries))
    }

    /// The remuneration basis against the fixed-fee basis for the days `from..=to`.
    pub fn basis_comparison(
        &self,
        fund: &str,
        from: NaiveDate,
        to: NaiveDate,
    ) -> Result<BasisComparison, Error> {
        if to < from {
            return Err(FundError::BadPeriod { from, to }.into());
        }
        Ok(self.fund(fund)?.basis_comparison(from, to))
    }

    /// Checks a published statement against a journal (JSON lines): the chain must be
    /// intact, its entry at the statement's length must have the statement's head, and
    /// the statement recomputed from the journal up to there must equal the published
    /// one. Anyone holding the journal can run this — in a browser too.
    pub fn verify_statement(
        config: WardConfig,
        journal: &str,
        statement: &Statement,
    ) -> Result<StatementCheck, Error> {
        let (entries, head) = (statement.journal_entries, statement.head);
        Ward::verify_published(config, journal, entries, head, |ward| {
            ward.statement(&statement.fund, statement.from, statement.to)
                .is_ok_and(|again| &again == statement)
        })
    }

    /// Checks something published from a ward at `entries` entries with `head` against a
    /// journal (JSON lines): the chain must be intact, its entry at that length must have
    /// that head, and `same` must hold of the ward replayed from the journal up to there.
    pub(super) fn verify_published(
        config: WardConfig,
        journal: &str,
        published_entries: u64,
        published_head: crate::journal::Hash,
        same: impl FnOnce(&Ward) -> bool,
    ) -> Result<StatementCheck, Error> {
        let journal = Journal::from_jsonl(journal)?;
        let entries = journal.len() as u64;
        let n = usize::try_from(published_entries).unwrap_or(usize::MAX);
        let prefix = journal.prefix(n)?;
        let head_matches = entries >= published_entries && prefix.head() == published_head;
        let figures_match = head_matches && same(&Ward::replay(config, prefix)?);
        Ok(StatementCheck {
            entries,
            head_matches,
            figures_match,
            verified: head_matches && figures_match,
        })
    }
}

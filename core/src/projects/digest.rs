//! The digest of the projects capability's state.

use super::state::Projects;
use crate::journal::Hash;

impl Projects {
    /// A digest of every fund with its books and decision, the proposals, the projects,
    /// the councils and the organisations: equal for equal states.
    pub fn digest(&self) -> Hash {
        let books: Vec<_> = self
            .funds
            .values()
            .map(|f| (f.id.as_str(), f.ledger.transactions().collect::<Vec<_>>()))
            .collect();
        let text = serde_json::to_string(&(
            &self.funds,
            books,
            &self.proposals,
            &self.projects,
            &self.councils,
            &self.organisations,
        ))
        .unwrap_or_default();
        Hash::of_bytes(text.as_bytes())
    }
}

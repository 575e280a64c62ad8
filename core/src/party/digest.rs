//! The digest of the party capability's state.

use super::Party;
use crate::journal::Hash;

impl Party {
    /// A digest of the bodies, first secretaries, residents' committees, reports, the
    /// service ledger and the stations: equal for equal states.
    pub fn digest(&self) -> Hash {
        let text = serde_json::to_string(&(
            self.bodies.values().collect::<Vec<_>>(),
            &self.first_secretaries,
            self.residents_committees.iter().collect::<Vec<_>>(),
            self.member_reports.values().collect::<Vec<_>>(),
            self.unit_reports.values().collect::<Vec<_>>(),
            self.services.values().collect::<Vec<_>>(),
            self.stations.values().collect::<Vec<_>>(),
        ))
        .unwrap_or_default();
        Hash::of_bytes(text.as_bytes())
    }
}

//! Trust-fund accounting (`fund`), the common fund of a compound under trust-based
//! property management (信托制物业).

pub mod ledger;

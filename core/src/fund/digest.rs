//! A digest of the fund state, independent of how it was reached.

use serde::Serialize;
use sha2::{Digest, Sha256};

use super::Funds;
use crate::journal::Hash;

fn feed<T: Serialize>(h: &mut Sha256, tag: &str, value: &T) {
    h.update(tag.as_bytes());
    // Records hold only strings, decimals, dates and enums: encoding cannot fail.
    if let Ok(text) = serde_json::to_string(value) {
        h.update(text.as_bytes());
    }
    h.update(b"\n");
}

impl Funds {
    /// SHA-256 over every fund's terms, records, accounts and transactions, in id order.
    pub fn digest(&self) -> Hash {
        let mut h = Sha256::new();
        for f in self.funds.values() {
            feed(&mut h, "F", &(&f.id, &f.name, f.unit, f.opened, &f.terms));
            feed(&mut h, "B", &f.budgets);
            feed(&mut h, "P", &f.payments);
            feed(&mut h, "D", &f.dividends);
            feed(&mut h, "L", &f.billings);
            feed(&mut h, "R", &(&f.accruals, &f.receipts));
            feed(&mut h, "S", &(&f.fee_standards, &f.fee_history));
            feed(&mut h, "U", &f.business_uses);
            for a in f.ledger.accounts() {
                feed(&mut h, "A", a);
            }
            for t in f.ledger.transactions() {
                feed(&mut h, "T", &t);
            }
        }
        Hash::of_bytes(&h.finalize())
    }
}

//! A digest of the grid's whole state, independent of how it was reached: equal states
//! have equal digests. Replaying a journal must give the live state's digest.

use std::fmt::Write;

use petgraph::visit::NodeIndexable;
use sha2::{Digest, Sha256};

use super::Grid;
use crate::journal::Hash;

/// The hasher, fed in blocks: the listing is written in many small pieces, and hashing
/// each on its own costs more than the hashing itself.
struct Sink {
    hasher: Sha256,
    buffer: Vec<u8>,
}

/// Bytes gathered before they are hashed.
const BLOCK: usize = 1 << 16;

impl Sink {
    /// Adds text to the listing, without the formatting machinery (for the loops over
    /// millions of households).
    fn put(&mut self, s: &str) {
        self.buffer.extend_from_slice(s.as_bytes());
        if self.buffer.len() >= BLOCK {
            self.hasher.update(&self.buffer);
            self.buffer.clear();
        }
    }

    /// Adds an area in hundredths as `Decimal`'s text with two places ("40.00").
    fn put_centi(&mut self, centi: u32) {
        let mut digits = [0u8; 10];
        let mut at = digits.len();
        let mut whole = centi / 100;
        loop {
            at -= 1;
            digits[at] = b'0' + (whole % 10) as u8;
            whole /= 10;
            if whole == 0 {
                break;
            }
        }
        self.buffer.extend_from_slice(&digits[at..]);
        let cents = centi % 100;
        self.buffer.extend_from_slice(&[
            b'.',
            b'0' + (cents / 10) as u8,
            b'0' + (cents % 10) as u8,
        ]);
    }
}

impl Write for Sink {
    fn write_str(&mut self, s: &str) -> std::fmt::Result {
        self.put(s);
        Ok(())
    }
}

impl Grid {
    /// SHA-256 over a canonical listing of every unit, household, person, department,
    /// paired unit and directive.
    pub fn digest(&self) -> Hash {
        let mut s = Sink {
            hasher: Sha256::new(),
            buffer: Vec::with_capacity(BLOCK + 1024),
        };
        // Writing to a hasher cannot fail; the results are ignored for that reason.
        let _ = self.write_canonical(&mut s);
        s.hasher.update(&s.buffer);
        Hash(s.hasher.finalize().into())
    }

    fn write_canonical(&self, s: &mut Sink) -> std::fmt::Result {
        let mut units: Vec<_> = self.graph.node_weights().collect();
        crate::order::sort_by_key(&mut units, |u| u.code);
        for u in units {
            write!(s, "U{}|{}|{:?}|", u.code, u.name, u.domains)?;
            for &(p, role) in &u.roles {
                write!(s, "{}:{role},", self.people[p as usize].id)?;
            }
            for &h in &u.households {
                s.put("h");
                s.put(&self.households[h as usize].id);
                s.put(",");
            }
            for &d in &u.departments {
                write!(s, "d{},", self.departments[d as usize].id)?;
            }
            for &p in &u.paired_units {
                write!(s, "p{},", self.paired_units[p as usize].id)?;
            }
            s.write_str("\n")?;
        }
        // Each unit's code as the listing writes it (`Some(NodeCode(…))`), once per unit
        // rather than once per household.
        let mut codes: Vec<Option<String>> = vec![None; self.graph.node_bound()];
        let none = format!("{:?}", None::<super::NodeCode>);
        for (ix, h) in self.households.iter().enumerate() {
            let code = match codes.get_mut(h.unit.index()) {
                Some(slot) => slot
                    .get_or_insert_with(|| format!("{:?}", self.unit_at(h.unit).map(|u| u.code))),
                None => &none,
            };
            s.put("H");
            s.put(&h.id);
            s.put("|");
            s.put_centi(h.area_centi);
            s.put("|");
            s.put(code);
            s.put("|");
            for &p in self.residents_at(ix as u32) {
                write!(s, "{},", self.people[p as usize].id)?;
            }
            s.write_str("\n")?;
        }
        for p in &self.people {
            let home = p.home.map(|h| &self.households[h as usize].id);
            write!(
                s,
                "P{}|{}|{:?}|{}|{:?}|",
                p.id, p.name, p.phone, p.party_member, home
            )?;
            for &(u, role) in &p.roles {
                write!(s, "{:?}:{role},", self.unit_at(u).map(|u| u.code))?;
            }
            s.write_str("\n")?;
        }
        for d in &self.departments {
            let street = self.unit_at(d.street).map(|u| u.code);
            writeln!(s, "D{}|{}|{:?}|{:?}", d.id, d.name, street, d.domains)?;
        }
        for p in &self.paired_units {
            let community = self.unit_at(p.community).map(|u| u.code);
            writeln!(s, "A{}|{}|{:?}", p.id, p.name, community)?;
        }
        for d in &self.directives {
            write!(
                s,
                "R{}|{}|{}|{}|{:?}|{}/{}|",
                d.id(),
                d.unit(),
                d.title(),
                d.issued_at().to_rfc3339(),
                d.due().map(|t| t.to_rfc3339()),
                d.acknowledged(),
                d.targets()
            )?;
            d.write_targets(s, &self.households)?;
            s.write_str("\n")?;
        }
        Ok(())
    }
}

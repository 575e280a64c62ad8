//! A digest of the grid's whole state, independent of how it was reached: equal states
//! have equal digests. Replaying a journal must give the live state's digest.

use std::fmt::Write;

use sha2::{Digest, Sha256};

use super::Grid;
use crate::journal::Hash;

struct Sink(Sha256);

impl Write for Sink {
    fn write_str(&mut self, s: &str) -> std::fmt::Result {
        self.0.update(s.as_bytes());
        Ok(())
    }
}

impl Grid {
    /// SHA-256 over a canonical listing of every unit, household, person, department,
    /// paired unit and directive.
    pub fn digest(&self) -> Hash {
        let mut s = Sink(Sha256::new());
        // Writing to a hasher cannot fail; the results are ignored for that reason.
        let _ = self.write_canonical(&mut s);
        Hash(s.0.finalize().into())
    }

    fn write_canonical(&self, s: &mut Sink) -> std::fmt::Result {
        let mut units: Vec<_> = self.graph.node_weights().collect();
        units.sort_by_key(|u| u.code);
        for u in units {
            write!(s, "U{}|{}|{:?}|", u.code, u.name, u.domains)?;
            for &(p, role) in &u.roles {
                write!(s, "{}:{role},", self.people[p as usize].id)?;
            }
            for &h in &u.households {
                write!(s, "h{},", self.households[h as usize].id)?;
            }
            for &d in &u.departments {
                write!(s, "d{},", self.departments[d as usize].id)?;
            }
            for &p in &u.paired_units {
                write!(s, "p{},", self.paired_units[p as usize].id)?;
            }
            s.write_str("\n")?;
        }
        for (ix, h) in self.households.iter().enumerate() {
            let unit = self.unit_at(h.unit).map(|u| u.code);
            write!(s, "H{}|{}|{:?}|", h.id, h.area(), unit)?;
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

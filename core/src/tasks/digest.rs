//! A digest of the tasks state, independent of how it was reached.

use sha2::{Digest, Sha256};

use super::{Tasks, TasksConfig};
use crate::grid::Grid;
use crate::journal::Hash;

impl Tasks {
    /// SHA-256 over every request as a row with its history (in filing order), every
    /// person's skills and every department's officers.
    pub fn digest(&self, grid: &Grid, config: &TasksConfig) -> Hash {
        let mut h = Sha256::new();
        for r in &self.requests {
            // Rows hold only strings, numbers and times: encoding them cannot fail.
            if let Ok(text) = serde_json::to_string(&self.row(grid, config, r)) {
                h.update(text.as_bytes());
            }
            h.update(b"\n");
            if !r.history.is_empty() {
                h.update(format!("H{}\n", r.history_text()).as_bytes());
            }
        }
        let mut skills: Vec<(String, Vec<String>)> = self
            .skills
            .keys()
            .filter_map(|&p| {
                let id = grid.people.get(p as usize)?.id().to_owned();
                Some((id, self.skill_names_of(p)))
            })
            .collect();
        crate::order::sort(&mut skills);
        for (p, s) in skills {
            h.update(format!("S{p}|{}\n", s.join(",")).as_bytes());
        }
        let mut officers: Vec<(String, String)> = self
            .officers
            .iter()
            .flat_map(|(&p, ds)| ds.iter().map(move |&d| (p, d)))
            .filter_map(|(p, d)| {
                Some((
                    grid.departments.get(d as usize)?.id().to_owned(),
                    grid.people.get(p as usize)?.id().to_owned(),
                ))
            })
            .collect();
        crate::order::sort(&mut officers);
        for (d, p) in officers {
            h.update(format!("O{d}|{p}\n").as_bytes());
        }
        Hash::of_bytes(&h.finalize())
    }
}

//! The grid read back from a snapshot: the indices it holds are checked to point at
//! what exists, and the index of household ids is rebuilt. A snapshot's hashes catch
//! damage; this catches a body whose hashes were recomputed over state that does not
//! hold together, before anything reads it.

use petgraph::stable_graph::NodeIndex;

use super::Grid;
use crate::ids::IdIndex;

impl Grid {
    /// The grid with the indexes of household and person ids rebuilt, or what does not
    /// hold together.
    pub(crate) fn restored(mut self) -> Result<Grid, String> {
        self.check_indices()?;
        let people = &self.people;
        self.person_ids = IdIndex::of((0..).zip(people.iter().map(|p| &*p.id)), |ix| {
            people.get(ix as usize).map_or("", |p| &p.id)
        })
        .map_err(|id| format!("two people have the id {id:?}"))?;
        self.household_ids
            .reserve(self.households.len(), |&(_, stored)| {
                Grid::placement(stored)
            });
        for ix in 0..self.households.len() {
            let h = self.id_hash(&self.households[ix].id);
            self.household_ids
                .insert_unique(Grid::placement(h), (ix as u32, h), |&(_, stored)| {
                    Grid::placement(stored)
                });
        }
        Ok(self)
    }

    fn check_indices(&self) -> Result<(), String> {
        let unit = |ix: NodeIndex, what: &str| {
            if self.graph.contains_node(ix) {
                Ok(())
            } else {
                Err(format!(
                    "{what} names unit {} which does not exist",
                    ix.index()
                ))
            }
        };
        let within = |ix: u32, len: usize, what: &str| {
            if (ix as usize) < len {
                Ok(())
            } else {
                Err(format!("{what} names entry {ix} of {len}"))
            }
        };
        let (households, people) = (self.households.len(), self.people.len());
        for ix in self.graph.node_indices() {
            let u = &self.graph[ix];
            if let Some(parent) = u.parent {
                unit(parent, "a unit's parent")?;
            }
            for &h in &u.households {
                within(h, households, "a unit's households")?;
            }
            for &(p, _) in &u.roles {
                within(p, people, "a unit's roles")?;
            }
            for &d in &u.departments {
                within(d, self.departments.len(), "a unit's departments")?;
            }
            for &p in &u.paired_units {
                within(p, self.paired_units.len(), "a unit's paired units")?;
            }
        }
        for (code, &ix) in &self.units {
            unit(ix, "the index of unit codes")?;
            if self.graph[ix].code != *code {
                return Err(format!(
                    "the index of unit codes puts {code} at another unit"
                ));
            }
        }
        for h in &self.households {
            unit(h.unit, "a household")?;
        }
        for (&h, residents) in &self.residents {
            within(h, households, "the residents' households")?;
            for &p in residents {
                within(p, people, "a household's residents")?;
            }
        }
        for p in &self.people {
            if let Some(h) = p.home {
                within(h, households, "a person's home")?;
            }
            for &(u, _) in &p.roles {
                unit(u, "a person's roles")?;
            }
        }
        for d in &self.departments {
            unit(d.street, "a department")?;
        }
        for p in &self.paired_units {
            unit(p.community, "a paired unit")?;
        }
        for d in &self.directives {
            d.check_targets(households)?;
        }
        let indices = [
            (
                &self.department_ids,
                self.departments.len(),
                "the index of department ids",
            ),
            (
                &self.paired_ids,
                self.paired_units.len(),
                "the index of paired unit ids",
            ),
            (
                &self.directive_ids,
                self.directives.len(),
                "the index of directive ids",
            ),
        ];
        for (index, len, what) in indices {
            for &ix in index.values() {
                within(ix, len, what)?;
            }
        }
        Ok(())
    }
}

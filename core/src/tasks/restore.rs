//! The requests read back from a snapshot: the index of their ids is rebuilt, and the
//! open set and the work counters the snapshot holds (kept to answer quickly) must be
//! those its requests give, as `Tasks::update` keeps them.

use super::{Party, Tasks};
use crate::grid::Grid;
use crate::ids::IdIndex;

/// Whether two counters indexed by place hold the same counts, a missing place counting
/// none.
fn same_counts(a: &[u32], b: &[u32]) -> bool {
    let at = |t: &[u32], i: usize| t.get(i).copied().unwrap_or(0);
    (0..a.len().max(b.len())).all(|i| at(a, i) == at(b, i))
}

impl Tasks {
    /// The requests read back from a snapshot, with the index of their ids rebuilt, or
    /// the id two of them share, or the counter that does not follow from them.
    pub(crate) fn restored(mut self) -> Result<Tasks, String> {
        let requests = &self.requests;
        self.ids = IdIndex::of((0..).zip(requests.iter().map(|r| &*r.id)), |ix| {
            requests.get(ix as usize).map_or("", |r| &r.id)
        })
        .map_err(|id| format!("two requests have the id {id:?}"))?;
        self.check_counters()?;
        Ok(self)
    }

    /// Checks the open set and the work held per person, per claimant and per
    /// department against a count over the requests.
    fn check_counters(&self) -> Result<(), String> {
        let mut counted = Tasks::default();
        for (ix, r) in (0..).zip(&self.requests) {
            counted.count(Tasks::load(r), true);
            if r.status.is_open() {
                counted.open.insert(ix);
            }
        }
        let checks = [
            ("work held per person", &counted.work, &self.work),
            ("open claims per person", &counted.claims, &self.claims),
            (
                "work held per department",
                &counted.department_work,
                &self.department_work,
            ),
        ];
        if counted.open != self.open {
            return Err("the open requests are not those the requests give".to_owned());
        }
        for (what, counted, held) in checks {
            if !same_counts(counted, held) {
                return Err(format!("the {what} is not what the requests give"));
            }
        }
        Ok(())
    }

    /// Checks that every place the requests and counters hold points at what exists:
    /// people, households and departments of `grid`, and requests.
    pub(crate) fn check_places(&self, grid: &Grid) -> Result<(), String> {
        let (people, departments) = (grid.people.len(), grid.departments.len());
        let person = |p: u32| grid.has_person_at(p);
        let department = |d: u32| (d as usize) < departments;
        for r in &self.requests {
            let (responsible_person, responsible_department) = match r.responsible {
                Party::Person(p) => (Some(p), None),
                Party::Department(d) => (None, Some(d)),
                Party::Unit(_) => (None, None),
            };
            let claimant = r.claim.as_ref().map(|c| c.person);
            let holds = [r.filer, r.handled_by, r.verified_by, r.handover_to]
                .into_iter()
                .chain([claimant, responsible_person])
                .flatten()
                .all(person)
                && r.whistles.iter().all(|w| department(w.department))
                && responsible_department.is_none_or(department)
                && r.household
                    .is_none_or(|h| (h as usize) < grid.households.len())
                && r.duplicate_of
                    .is_none_or(|d| (d as usize) < self.requests.len());
            if !holds {
                return Err(format!(
                    "request {:?} names a person, household, department or request that \
                     does not exist",
                    r.id
                ));
            }
        }
        let counters = self.work.len() <= people
            && self.claims.len() <= people
            && self.department_work.len() <= departments
            && self.skills.keys().all(|&p| person(p))
            && self
                .officers
                .iter()
                .all(|(&p, ds)| person(p) && ds.iter().all(|&d| department(d)));
        if !counters {
            return Err(
                "a counter, skill or officer names a person or department that does not \
                        exist"
                    .to_owned(),
            );
        }
        Ok(())
    }
}

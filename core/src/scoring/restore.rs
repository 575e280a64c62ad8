//! Service records read back from a snapshot: the indexes of their ids and requests are
//! rebuilt, and what the snapshot keeps beside them to answer quickly (each record's
//! person place, the minutes counted per person and day, the services per person) must
//! follow from the records, as `Scoring::apply` keeps them.

use hashbrown::HashMap;

use super::{Scoring, ServiceStatus};
use crate::grid::Grid;
use crate::ids::IdIndex;

impl Scoring {
    /// The records read back from a snapshot, with the indexes of their ids and of their
    /// requests rebuilt, or the id or request two of them share, or what does not follow
    /// from the records.
    pub(crate) fn restored(mut self) -> Result<Scoring, String> {
        let records = &self.records;
        let record = |ix: u32| records.get(ix as usize);
        self.record_ids = IdIndex::of((0..).zip(records.iter().map(|r| r.id.as_str())), |ix| {
            record(ix).map_or("", |r| &r.id)
        })
        .map_err(|id| format!("two service records have the id {id:?}"))?;
        self.by_request = IdIndex::of(
            (0..)
                .zip(records)
                .filter_map(|(ix, r)| Some((ix, r.request.as_deref()?))),
            |ix| record(ix).and_then(|r| r.request.as_deref()).unwrap_or(""),
        )
        .map_err(|request| format!("two service records record request {request:?}"))?;
        self.check_counts()?;
        Ok(self)
    }

    /// Checks the person place beside each record, and the minutes counted per person
    /// and day and the services per person against a count over the certified records.
    fn check_counts(&self) -> Result<(), String> {
        if self.record_people.len() != self.records.len() {
            return Err(format!(
                "{} service records have {} person places beside them",
                self.records.len(),
                self.record_people.len()
            ));
        }
        let mut daily: HashMap<_, u32> = HashMap::new();
        let mut services: HashMap<u32, u32> = HashMap::new();
        for (&px, r) in self.record_people.iter().zip(&self.records) {
            if let ServiceStatus::Certified { counted, .. } = r.status {
                let day = daily.entry((px, r.day())).or_insert(0);
                *day = day.saturating_add(counted);
                let count = services.entry(px).or_insert(0);
                *count = count.saturating_add(1);
            }
        }
        if daily != self.daily || services != self.services {
            return Err(
                "the minutes counted per day or the services per person are not those of \
                 the certified records"
                    .to_owned(),
            );
        }
        Ok(())
    }

    /// Checks that every person place beside a record, and every person a standing or a
    /// count is kept for, is one of `grid`'s people.
    pub(crate) fn check_places(&self, grid: &Grid) -> Result<(), String> {
        let person = |p: &u32| grid.has_person_at(*p);
        if self.record_people.iter().all(person)
            && self.standings.keys().all(person)
            && self.services.keys().all(person)
        {
            Ok(())
        } else {
            Err("a service record or standing names a person who does not exist".to_owned())
        }
    }
}

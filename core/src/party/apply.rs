//! Folding accepted party events into the state; this cannot fail.

use std::collections::BTreeMap;

use super::check::{single, single_seat};
use super::event::PartyEvent;
use super::model::{
    Body, BodyKind, FirstSecretary, MemberReport, Office, Seat, Span, Station, UnitReport,
    UnitService,
};
use super::reads::Reads;
use super::Party;

impl Party {
    /// Folds an accepted event into the state.
    pub(crate) fn apply_event(&mut self, reads: Reads<'_>, event: PartyEvent) {
        match event {
            PartyEvent::BodySetUp { unit, name, on } => {
                let level = reads.grid.unit(unit).map(|u| u.level());
                if let Some(kind) = level.and_then(BodyKind::for_level) {
                    self.bodies.insert(
                        unit,
                        Body {
                            unit,
                            kind,
                            name,
                            founded: on,
                            roster: BTreeMap::new(),
                        },
                    );
                }
            }
            PartyEvent::Appointed {
                unit,
                person,
                office,
            } => {
                if let Some(body) = self.bodies.get_mut(&unit) {
                    if single(office) {
                        demote(&mut body.roster, office, Office::Member);
                    }
                    body.roster.insert(person, office);
                }
            }
            PartyEvent::Released { unit, person } => {
                if let Some(body) = self.bodies.get_mut(&unit) {
                    body.roster.remove(&person);
                }
            }
            PartyEvent::FirstSecretarySent {
                person,
                community,
                sent_by,
                from,
                to,
            } => self.first_secretaries.push(FirstSecretary {
                person,
                community,
                sent_by,
                from,
                to,
                recalled: None,
            }),
            PartyEvent::FirstSecretaryRecalled { community, on } => {
                if let Some(f) = self
                    .first_secretaries
                    .iter_mut()
                    .find(|f| f.community == community && f.serves_on(on))
                {
                    f.recalled = Some(on);
                }
            }
            PartyEvent::Seated {
                community,
                person,
                seat,
            } => {
                let seats = self.residents_committees.entry(community).or_default();
                if single_seat(seat) {
                    demote(seats, seat, Seat::Member);
                }
                seats.insert(person, seat);
            }
            PartyEvent::Unseated { community, person } => {
                if let Some(seats) = self.residents_committees.get_mut(&community) {
                    seats.remove(&person);
                    if seats.is_empty() {
                        self.residents_committees.remove(&community);
                    }
                }
            }
            PartyEvent::MemberReportedIn {
                person,
                community,
                on,
                workplace,
            } => {
                self.member_reports.insert(
                    (person.clone(), community),
                    MemberReport {
                        person,
                        community,
                        on,
                        workplace,
                    },
                );
            }
            PartyEvent::UnitReportedIn {
                unit,
                community,
                on,
            } => {
                self.unit_reports.insert(
                    (unit.clone(), community),
                    UnitReport {
                        unit,
                        community,
                        on,
                    },
                );
            }
            PartyEvent::UnitServiceRecorded {
                id,
                unit,
                on,
                activity,
                people,
                hours,
            } => {
                let grid = reads.grid;
                let community = grid
                    .paired_unit(&unit)
                    .and_then(|u| grid.paired_unit_community(u));
                if let Some(community) = community {
                    self.services.insert(
                        id.clone(),
                        UnitService {
                            id,
                            unit,
                            community,
                            on,
                            activity,
                            people,
                            hours,
                        },
                    );
                }
            }
            PartyEvent::StationAssigned {
                person,
                compound,
                from,
            } => {
                let station = self
                    .stations
                    .entry((person.clone(), compound))
                    .or_insert_with(|| Station {
                        person,
                        compound,
                        spans: Vec::new(),
                        days: Vec::new(),
                    });
                station.spans.push(Span { from, until: None });
            }
            PartyEvent::StationEnded {
                person,
                compound,
                on,
            } => {
                if let Some(span) = self
                    .stations
                    .get_mut(&(person, compound))
                    .and_then(|s| s.spans.last_mut())
                {
                    span.until = Some(on);
                }
            }
            PartyEvent::StationDayRecorded {
                person,
                compound,
                on,
            } => {
                if let Some(s) = self.stations.get_mut(&(person, compound)) {
                    if let Err(at) = s.days.binary_search(&on) {
                        s.days.insert(at, on);
                    }
                }
            }
        }
    }
}

/// Moves the holder of a single office to `to`, making room for a new holder.
fn demote<T: Copy + PartialEq>(roster: &mut BTreeMap<String, T>, office: T, to: T) {
    for held in roster.values_mut() {
        if *held == office {
            *held = to;
        }
    }
}

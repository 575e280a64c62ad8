//! Applying task events to state. Events were checked before they exist (or, on replay,
//! by `check_event`), so applying them cannot fail: ids that do not resolve are skipped.

use chrono::{DateTime, FixedOffset};

use super::category::TasksConfig;
use super::command::{ImportedRequest, OpenOrClosed};
use super::event::TaskEvent;
use super::history::{moment, Mark};
use super::model::{Claim, Deadlines, Location, Party, Request, Responsible, Status, Whistle};
use super::Tasks;
use crate::grid::{Grid, NodeCode};

/// The party a public form names, by index.
pub(crate) fn party(grid: &Grid, r: &Responsible) -> Option<Party> {
    Some(match r {
        Responsible::Unit(code) => Party::Unit(*code),
        Responsible::Person(id) => Party::Person(grid.person_ix(id.as_str())?),
        Responsible::Department(id) => Party::Department(*grid.department_ids.get(id.as_str())?),
    })
}

fn boxed(list: Vec<String>) -> Vec<Box<str>> {
    list.into_iter().map(String::into_boxed_str).collect()
}

#[allow(clippy::too_many_arguments)]
fn new_request(
    id: &str,
    category: u16,
    filer: Option<u32>,
    household: Option<u32>,
    unit: NodeCode,
    dispatcher: NodeCode,
    description: String,
    photos: Vec<String>,
    at: DateTime<FixedOffset>,
) -> Request {
    Request {
        id: id.into(),
        category,
        filer,
        household,
        unit,
        description: description.into_boxed_str(),
        photos: boxed(photos),
        filed_at: at,
        status: Status::Filed,
        responsible: Party::Unit(dispatcher),
        dispatcher,
        pool: None,
        deadlines: None,
        dispatched_at: None,
        responded_at: None,
        handled_at: None,
        handled_by: None,
        report: None,
        verified_by: None,
        closed_at: None,
        closed_late: false,
        updated_at: at,
        claim: None,
        handover_to: None,
        rating: None,
        rated_since_close: false,
        correction_due: None,
        reopens: 0,
        returns: 0,
        extended: false,
        supervised: false,
        parked: false,
        imported: false,
        duplicate_of: None,
        whistles: Vec::new(),
        note: "".into(),
        history: Box::default(),
    }
}

impl Tasks {
    fn person_ix(grid: &Grid, id: &str) -> Option<u32> {
        grid.person_ix(id)
    }

    fn push(&mut self, r: Request) {
        let Ok(ix) = u32::try_from(self.requests.len()) else {
            return;
        };
        self.ids.insert(&r.id, ix);
        self.requests.push(r);
        self.update(ix, |_| {});
    }

    fn household_of(grid: &Grid, location: &Location) -> Option<u32> {
        match location {
            Location::Household(id) => grid.household_ix(id),
            Location::Unit(_) => None,
        }
    }

    fn import_one(
        &mut self,
        grid: &Grid,
        config: &TasksConfig,
        request: ImportedRequest,
        unit: NodeCode,
        dispatcher: NodeCode,
        deadlines: Deadlines,
    ) {
        let Some(category) = config.category_ix(&request.category) else {
            return;
        };
        let household = Tasks::household_of(grid, &request.location);
        let mut r = new_request(
            &request.id,
            category,
            None,
            household,
            unit,
            dispatcher,
            request.description,
            request.photos,
            request.filed_at,
        );
        r.imported = true;
        r.deadlines = Some(deadlines);
        r.dispatched_at = Some(request.filed_at);
        r.note = request.status_notes.into_boxed_str();
        if let Some(u) = request.updated_at {
            r.updated_at = u;
        }
        if request.status == OpenOrClosed::Closed {
            r.status = Status::Closed;
            r.closed_at = request.updated_at;
            r.closed_late = request.updated_at.is_some_and(|c| c > deadlines.resolution);
            if let Some(c) = request.updated_at {
                r.mark(
                    c,
                    Mark::Closed {
                        late: r.closed_late,
                    },
                );
            }
        }
        self.push(r);
    }

    /// Applies one event given at `at`.
    pub(crate) fn apply(
        &mut self,
        grid: &Grid,
        config: &TasksConfig,
        at: DateTime<FixedOffset>,
        event: TaskEvent,
    ) {
        use TaskEvent as E;
        let ix = event.request().and_then(|id| self.ix(id));
        match event {
            E::Filed {
                id,
                category,
                filer,
                location,
                unit,
                dispatcher,
                description,
                photos,
            } => {
                let Some(category) = config.category_ix(&category) else {
                    return;
                };
                let filer = filer.and_then(|f| Tasks::person_ix(grid, &f));
                let household = Tasks::household_of(grid, &location);
                self.push(new_request(
                    &id,
                    category,
                    filer,
                    household,
                    unit,
                    dispatcher,
                    description,
                    photos,
                    at,
                ));
            }
            E::Imported {
                request,
                unit,
                dispatcher,
                deadlines,
            } => self.import_one(grid, config, request, unit, dispatcher, deadlines),
            E::SkillsSet { person, skills } => {
                let Some(p) = Tasks::person_ix(grid, &person) else {
                    return;
                };
                let mut bits = 0u64;
                for s in skills {
                    let i = match self.skill_names.iter().position(|n| **n == *s) {
                        Some(i) => i,
                        None => {
                            self.skill_names.push(s.into_boxed_str());
                            self.skill_names.len() - 1
                        }
                    };
                    if i < 64 {
                        bits |= 1 << i;
                    }
                }
                self.skills.insert(p, bits);
            }
            E::OfficerAppointed { department, person } => {
                if let (Some(p), Some(&d)) = (
                    Tasks::person_ix(grid, &person),
                    grid.department_ids.get(department.as_str()),
                ) {
                    let list = self.officers.entry(p).or_default();
                    if !list.contains(&d) {
                        list.push(d);
                    }
                }
            }
            E::OfficerRemoved { department, person } => {
                if let (Some(p), Some(&d)) = (
                    Tasks::person_ix(grid, &person),
                    grid.department_ids.get(department.as_str()),
                ) {
                    if let Some(list) = self.officers.get_mut(&p) {
                        list.retain(|x| *x != d);
                    }
                }
            }
            other => {
                if let Some(ix) = ix {
                    self.apply_to(grid, ix, at, other);
                }
            }
        }
    }

    fn apply_to(&mut self, grid: &Grid, ix: u32, at: DateTime<FixedOffset>, event: TaskEvent) {
        use TaskEvent as E;
        let person = |id: &str| Tasks::person_ix(grid, id);
        let department = |id: &str| grid.department_ids.get(id).copied();
        let original = match &event {
            E::MarkedDuplicate { of, .. } => self.ix(of),
            _ => None,
        };
        self.update(ix, |r| {
            r.updated_at = at;
            match event {
                E::Dispatched {
                    to,
                    status,
                    deadlines,
                    ..
                } => {
                    let Some(to) = party(grid, &to) else { return };
                    r.responsible = to;
                    r.status = status;
                    r.claim = None;
                    r.handover_to = None;
                    r.pool = match (status, to) {
                        (Status::Pooled, Party::Unit(u)) => Some(u),
                        _ => None,
                    };
                    if r.dispatched_at.is_none() {
                        r.dispatched_at = Some(at);
                    }
                    if let Some(d) = deadlines {
                        r.deadlines = Some(d);
                    }
                    r.note = "dispatched".into();
                }
                E::Claimed {
                    person: p, donor, ..
                } => {
                    let Some(p) = person(&p) else { return };
                    r.responsible = Party::Person(p);
                    r.status = Status::Claimed;
                    r.responded_at.get_or_insert(at);
                    r.claim = Some(Claim {
                        person: p,
                        at,
                        donor: donor.map(String::into_boxed_str),
                    });
                    r.note = "claimed".into();
                }
                E::ClaimReleased { stale, .. } => {
                    let pool = r.pool.unwrap_or(r.dispatcher);
                    r.responsible = Party::Unit(pool);
                    r.status = Status::Pooled;
                    r.claim = None;
                    r.handover_to = None;
                    r.note = if stale {
                        "claim released: not acted on in time".into()
                    } else {
                        "claim released".into()
                    };
                }
                E::HandoverOffered { to, .. } => r.handover_to = person(&to),
                E::HandedOver { to, .. } => {
                    let Some(p) = person(&to) else { return };
                    r.responsible = Party::Person(p);
                    r.handover_to = None;
                    if let Some(c) = &mut r.claim {
                        c.person = p;
                        c.at = at;
                    }
                }
                E::Started { by, .. } => {
                    let Some(p) = person(&by) else { return };
                    if let Party::Unit(_) = r.responsible {
                        r.responsible = Party::Person(p);
                    }
                    r.status = Status::InProgress;
                    r.responded_at.get_or_insert(at);
                    r.note = "in progress".into();
                }
                E::Handled {
                    by, report, photos, ..
                } => {
                    let Some(p) = person(&by) else { return };
                    if let Party::Unit(_) = r.responsible {
                        r.responsible = Party::Person(p);
                    }
                    r.status = Status::Handled;
                    r.responded_at.get_or_insert(at);
                    r.handled_at = Some(at);
                    r.handled_by = Some(p);
                    r.report = Some(report.into_boxed_str());
                    r.photos.extend(boxed(photos));
                    r.note = "handled; awaiting verification".into();
                }
                E::Verified {
                    by, passed, note, ..
                } => {
                    r.verified_by = person(&by);
                    if passed {
                        let late = r.deadlines.is_some_and(|d| at > d.resolution);
                        r.mark(at, Mark::Closed { late });
                        r.status = Status::Closed;
                        r.closed_at = Some(at);
                        r.closed_late |= late;
                        r.rated_since_close = false;
                        r.note = if note.is_empty() {
                            "verified on site and closed".into()
                        } else {
                            note.into_boxed_str()
                        };
                    } else {
                        r.status = Status::InProgress;
                        r.note = format!("verification failed: {note}").into_boxed_str();
                    }
                }
                E::Returned { reason, .. } => {
                    r.responsible = Party::Unit(r.dispatcher);
                    r.status = Status::Filed;
                    r.claim = None;
                    r.handover_to = None;
                    r.returns = r.returns.saturating_add(1);
                    r.note = format!("returned: {reason}").into_boxed_str();
                }
                E::Cancelled { reason, .. } => {
                    r.mark(at, Mark::Withdrawn);
                    r.status = Status::Cancelled;
                    r.handover_to = None;
                    r.note = format!("cancelled: {reason}").into_boxed_str();
                }
                E::MarkedDuplicate { of, .. } => {
                    r.mark(at, Mark::Withdrawn);
                    r.status = Status::Duplicate;
                    r.duplicate_of = original;
                    r.handover_to = None;
                    r.note = format!("duplicate of {of}").into_boxed_str();
                }
                E::Reopened {
                    reason,
                    to,
                    resolution_due,
                    correction,
                    ..
                } => {
                    if let Some(to) = party(grid, &to) {
                        r.responsible = to;
                    }
                    let was = r.deadlines.map_or(resolution_due, |d| d.resolution);
                    r.mark(at, Mark::Reopened { was: moment(was) });
                    r.status = Status::InProgress;
                    r.closed_at = None;
                    r.reopens = r.reopens.saturating_add(1);
                    if let Some(d) = &mut r.deadlines {
                        d.resolution = resolution_due;
                        d.park = d.park.max(resolution_due);
                    }
                    if correction {
                        r.correction_due = Some(resolution_due);
                    }
                    r.note = format!("reopened: {reason}").into_boxed_str();
                }
                E::Rated { level, .. } => {
                    r.mark(at, Mark::Rated(level));
                    r.rating = Some(level);
                    r.rated_since_close = true;
                }
                E::Extended { resolution_due, .. } => {
                    let was = r.deadlines.map_or(resolution_due, |d| d.resolution);
                    r.mark(at, Mark::Extended { was: moment(was) });
                    r.extended = true;
                    if let Some(d) = &mut r.deadlines {
                        d.resolution = resolution_due;
                        d.park = d.park.max(resolution_due);
                    }
                }
                E::Whistled { calls, .. } => {
                    for call in calls {
                        if let Some(d) = department(&call.department) {
                            r.whistles.push(Whistle {
                                department: d,
                                called_at: at,
                                due: call.due,
                                reported_at: None,
                                report: None,
                                late: false,
                            });
                        }
                    }
                    r.note = "departments called in".into();
                }
                E::Reported {
                    department: d,
                    report,
                    late,
                    ..
                } => {
                    let d = department(&d);
                    if let Some(w) = r
                        .whistles
                        .iter_mut()
                        .find(|w| Some(w.department) == d && w.reported_at.is_none())
                    {
                        w.reported_at = Some(at);
                        w.report = Some(report.into_boxed_str());
                        w.late |= late;
                    }
                }
                E::ReportOverdue { department: d, .. } => {
                    let d = department(&d);
                    if let Some(w) = r
                        .whistles
                        .iter_mut()
                        .find(|w| Some(w.department) == d && w.reported_at.is_none())
                    {
                        w.late = true;
                    }
                }
                E::Supervised { .. } => {
                    if !r.supervised {
                        r.mark(at, Mark::Supervised);
                    }
                    r.supervised = true;
                }
                E::Parked { .. } => {
                    if !r.parked {
                        r.mark(at, Mark::Parked);
                    }
                    r.parked = true;
                    r.note = "parked: past its limit and extension".into();
                }
                E::Filed { .. }
                | E::Imported { .. }
                | E::SkillsSet { .. }
                | E::OfficerAppointed { .. }
                | E::OfficerRemoved { .. } => {}
            }
        });
    }
}

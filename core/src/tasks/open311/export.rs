//! Writing a ward's services and requests in GeoReport v2 form.

use super::{Open311Request, Open311Service};
use crate::grid::{mask_name, Grid, NodeCode};
use crate::tasks::command::OpenOrClosed;
use crate::tasks::model::{Party, Request};
use crate::tasks::{Category, Status, Tasks, TasksConfig};

impl Open311Service {
    /// A category as a service.
    pub fn of(category: &Category) -> Open311Service {
        let description = if category.description.is_empty() {
            category.name.clone()
        } else {
            category.description.clone()
        };
        Open311Service {
            service_code: category.code.clone(),
            service_name: category.name.clone(),
            description,
            metadata: false,
            service_type: "realtime".to_owned(),
            keywords: format!("{},{}", category.domain.as_str(), category.handler.as_str()),
            group: category.group.clone(),
        }
    }

    /// The service list: every category of the configuration, in its order.
    pub fn list(config: &TasksConfig) -> Vec<Open311Service> {
        config.categories.iter().map(Open311Service::of).collect()
    }
}

/// The names of the units from the top of the grid down to `unit`, separated by spaces.
pub(crate) fn address(grid: &Grid, unit: NodeCode) -> String {
    let mut names = Vec::new();
    let mut at = Some(unit);
    while let Some(code) = at {
        if let Some(u) = grid.unit(code) {
            names.push(u.name());
        }
        at = code.parent();
    }
    names.reverse();
    names.join(" ")
}

/// The public name of the party answering for a request: a person's name masked.
fn agency(grid: &Grid, party: Party) -> Option<String> {
    let name = match party {
        Party::Unit(code) => grid.unit(code)?.name().to_owned(),
        Party::Person(p) => mask_name(grid.people.get(p as usize)?.name()),
        Party::Department(d) => grid.departments.get(d as usize)?.name().to_owned(),
    };
    (!name.is_empty()).then_some(name)
}

/// A note without the `[status] ` tag an earlier export put in front of it, so that a
/// request exported, imported and exported again carries one tag, not two.
fn without_status_tag(note: &str) -> &str {
    let tagged = note
        .strip_prefix('[')
        .and_then(|rest| rest.split_once(']'))
        .filter(|(status, _)| Status::parse(status).is_some());
    match tagged {
        Some((_, rest)) => rest.trim_start(),
        None => note,
    }
}

impl Tasks {
    /// A request in GeoReport v2 form. Closed, cancelled and duplicate requests are
    /// `closed`, every other status `open`; the status notes of an open request begin
    /// with its Gridward status in brackets. Nothing names the filer.
    pub fn open311(&self, grid: &Grid, config: &TasksConfig, r: &Request) -> Open311Request {
        let category = config.category(r.category);
        let closed = r.status.is_final();
        let note = without_status_tag(&r.note);
        let status_notes = match (closed, note.is_empty()) {
            (true, false) => note.to_owned(),
            (true, true) => r.status.as_str().to_owned(),
            (false, false) => format!("[{}] {note}", r.status),
            (false, true) => format!("[{}]", r.status),
        };
        let service_notice = if r.is_parked() {
            Some("parked (挂账): past its resolution limit and extension".to_owned())
        } else if r.supervised && !closed {
            Some("under supervision (督办)".to_owned())
        } else {
            None
        };
        let address_id = match r.household.and_then(|h| grid.households.get(h as usize)) {
            Some(h) => h.id().to_owned(),
            None => r.unit.to_string(),
        };
        Open311Request {
            service_request_id: r.id.to_string(),
            status: if closed {
                OpenOrClosed::Closed
            } else {
                OpenOrClosed::Open
            },
            status_notes: Some(status_notes),
            service_name: category.map(|c| c.name.clone()),
            service_code: category.map(|c| c.code.clone()).unwrap_or_default(),
            description: (!r.description.is_empty()).then(|| r.description.to_string()),
            agency_responsible: agency(grid, r.responsible),
            service_notice,
            requested_datetime: r.filed_at,
            updated_datetime: Some(r.updated_at),
            expected_datetime: r.deadlines.map(|d| d.resolution),
            address: Some(address(grid, r.unit)).filter(|a| !a.is_empty()),
            address_id: Some(address_id),
            zipcode: None,
            media_url: r.photos.first().map(|p| p.to_string()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_default_categories_make_the_service_list() {
        let list = Open311Service::list(&TasksConfig::default());
        let codes: Vec<&str> = list.iter().map(|s| s.service_code.as_str()).collect();
        assert_eq!(
            codes,
            [
                "exposed_rubbish",
                "illegal_construction",
                "dirty_road",
                "fire_hazard",
                "neighbour_dispute",
                "food_safety",
                "neighbour_help",
                "elder_care",
                "micro_wish"
            ]
        );
        let rubbish = &list[0];
        assert_eq!(rubbish.service_name, "暴露垃圾");
        assert_eq!(rubbish.description, "暴露垃圾");
        assert_eq!(rubbish.group, "市容环境");
        assert_eq!(rubbish.keywords, "urban_management,grid_staff");
        assert!(!rubbish.metadata);
        assert_eq!(rubbish.service_type, "realtime");
        let wish = &list[8];
        assert_eq!(
            wish.description,
            "a small wish of a family in need, claimed by a donor"
        );
        assert_eq!(wish.keywords, "civil_affairs,claimable");
        let json = serde_json::to_value(rubbish).unwrap();
        assert_eq!(json["type"], "realtime");
        assert_eq!(json["metadata"], false);
    }
}

#[cfg(test)]
mod tag_tests {
    use super::without_status_tag;

    #[test]
    fn an_earlier_status_tag_is_dropped_once() {
        assert_eq!(
            without_status_tag("[filed] returned: 不属于本网格"),
            "returned: 不属于本网格"
        );
        assert_eq!(without_status_tag("[in_progress]"), "");
        // Brackets that are not a status stay.
        assert_eq!(without_status_tag("[紧急] 漏水"), "[紧急] 漏水");
        assert_eq!(without_status_tag("dispatched"), "dispatched");
    }
}

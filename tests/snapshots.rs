//! Snapshots: every parity scenario's ward, restored from a snapshot taken part-way and
//! brought to the end by following the rest of its journal, answers every question of
//! the scenario exactly as the live ward does; and a damaged, foreign or stale snapshot
//! is refused with its own error.

mod common;

use common::parity_wards::{scenario, wards};
use gridward::scoring::ServiceStatus;
use gridward::snapshot::{SnapshotError, SnapshotHeader};
use gridward::{Error, Journal, Ward};
use gridward_scenarios::{
    parity, parity_fund, parity_party, parity_points, parity_projects, parity_tasks,
};
use serde_json::Value;

/// The ward rebuilt from a snapshot of its journal's first `at` entries (a fraction, in
/// percent) and the rest of the journal followed entry by entry.
fn through_snapshot(ward: Ward, percent: usize) -> Result<Ward, String> {
    let journal = ward.journal().clone();
    let at = journal.len() * percent / 100;
    let prefix = journal.prefix(at).map_err(|e| e.to_string())?;
    let early = Ward::replay(ward.config().clone(), prefix).map_err(|e| e.to_string())?;
    let bytes = early.snapshot().map_err(|e| e.to_string())?;
    let mut restored =
        Ward::from_snapshot(ward.config().clone(), &bytes).map_err(|e| e.to_string())?;
    assert_eq!(restored.head(), early.head());
    assert_eq!(restored.journal().len(), at);
    for entry in &journal.entries()[at..] {
        restored = restored.follow(entry.clone()).map_err(|e| e.to_string())?;
    }
    assert_eq!(restored.head(), ward.head());
    assert_eq!(restored.state_digest(), ward.state_digest());
    // The released entries given back make the journal whole again.
    restored
        .restore_journal(journal)
        .map_err(|e| e.to_string())?;
    Ok(restored)
}

/// Every scenario, live and through snapshots at its start, a third, two thirds and its
/// end: the answers must be the same, field for field.
#[test]
fn every_scenario_answers_the_same_after_a_snapshot() {
    type Run = Box<dyn Fn(&dyn Fn(Ward) -> Result<Ward, String>) -> Result<Value, String>>;
    let grid: parity::Scenario = scenario("grid_scenario.json");
    let tasks: parity_tasks::Scenario = scenario("tasks_scenario.json");
    let fund: parity_fund::Scenario = scenario("fund_scenario.json");
    let points: parity_points::Scenario = scenario("points_scenario.json");
    let projects: parity_projects::Scenario = scenario("projects_scenario.json");
    let party: parity_party::Scenario = scenario("party_scenario.json");
    let runs: Vec<(&str, Run)> = vec![
        ("grid", Box::new(move |f| parity::run_then(&grid, f))),
        (
            "tasks",
            Box::new(move |f| parity_tasks::run_then(&tasks, f)),
        ),
        ("fund", Box::new(move |f| parity_fund::run_then(&fund, f))),
        (
            "points",
            Box::new(move |f| parity_points::run_then(&points, f)),
        ),
        (
            "projects",
            Box::new(move |f| parity_projects::run_then(&projects, f)),
        ),
        (
            "party",
            Box::new(move |f| parity_party::run_then(&party, f)),
        ),
    ];
    for (name, run) in runs {
        let live = run(&Ok).unwrap();
        for percent in [0, 33, 67, 100] {
            let restored = run(&|w| through_snapshot(w, percent))
                .unwrap_or_else(|e| panic!("{name} at {percent}%: {e}"));
            assert_eq!(restored, live, "{name} through a snapshot at {percent}%");
        }
    }
}

fn tasks_ward() -> Ward {
    let tasks: parity_tasks::Scenario = scenario("tasks_scenario.json");
    let mut kept = None;
    parity_tasks::run_then(&tasks, |w| {
        kept = Some(w.clone());
        Ok(w)
    })
    .unwrap();
    kept.unwrap()
}

fn code(e: Error) -> &'static str {
    e.code()
}

#[test]
fn a_snapshot_reads_back_its_header_and_its_body_is_checked() {
    let ward = tasks_ward();
    let bytes = ward.snapshot().unwrap();
    let (header, body) = SnapshotHeader::read(&bytes).unwrap();
    assert_eq!(header.seq, ward.journal().len() as u64);
    assert_eq!(header.head, ward.head());
    assert_eq!(header.state, ward.state_digest());
    assert_eq!(header.bytes, body.len() as u64);
    header.check_body(body).unwrap();

    // Every single flipped byte of the body is caught (by the hash, before decoding).
    let start = bytes.len() - body.len();
    for at in [start, start + body.len() / 2, bytes.len() - 1] {
        let mut damaged = bytes.clone();
        damaged[at] ^= 0x20;
        let e = Ward::from_snapshot(ward.config().clone(), &damaged).unwrap_err();
        assert_eq!(code(e), "snapshot_damaged");
    }
    // Cut short.
    let e = Ward::from_snapshot(ward.config().clone(), &bytes[..bytes.len() - 10]).unwrap_err();
    assert!(e.to_string().contains("bytes, the header says"), "{e}");
    // Not a snapshot, or another version of the format.
    let e = Ward::from_snapshot(ward.config().clone(), b"{\"seq\":1}\n").unwrap_err();
    assert_eq!(e, Error::Snapshot(SnapshotError::NotASnapshot));
    let mut later = b"GRIDWARD-SNAPSHOT 2".to_vec();
    later.extend_from_slice(&bytes[bytes.iter().position(|&b| b == b'\n').unwrap()..]);
    let e = Ward::from_snapshot(ward.config().clone(), &later).unwrap_err();
    assert_eq!(code(e), "snapshot_version");
    assert_eq!(
        code(Ward::from_snapshot(ward.config().clone(), b"").unwrap_err()),
        "snapshot_not_a_snapshot"
    );
}

#[test]
fn a_snapshot_under_other_rules_or_with_a_forged_digest_is_refused() {
    let ward = tasks_ward();
    let bytes = ward.snapshot().unwrap();
    // Another configuration.
    let mut other = ward.config().clone();
    other.tasks.max_open_claims += 1;
    let e = Ward::from_snapshot(other, &bytes).unwrap_err();
    assert_eq!(code(e), "snapshot_config_differs");

    // A header whose state digest is not the body's: the body hashes right, the state
    // it decodes to does not match.
    let (mut header, body) = SnapshotHeader::read(&bytes).unwrap();
    header.state = gridward::Hash::of_bytes(b"another state");
    let mut forged = header.lines().unwrap().into_bytes();
    forged.extend_from_slice(body);
    let e = Ward::from_snapshot(ward.config().clone(), &forged).unwrap_err();
    assert_eq!(code(e), "snapshot_state_differs");

    // A body that hashes right but is not a ward's state.
    let junk = b"\xa1\x61\x78\x01".to_vec();
    let (mut header, _) = SnapshotHeader::read(&bytes).unwrap();
    header.body = gridward::Hash::of_bytes(&junk);
    header.bytes = junk.len() as u64;
    let mut forged = header.lines().unwrap().into_bytes();
    forged.extend_from_slice(&junk);
    let e = Ward::from_snapshot(ward.config().clone(), &forged).unwrap_err();
    assert!(e.to_string().contains("does not decode"), "{e}");
}

#[test]
fn a_restored_ward_takes_only_its_own_journal_back() {
    let ward = tasks_ward();
    let journal = ward.journal().clone();
    let mut restored =
        Ward::from_snapshot(ward.config().clone(), &ward.snapshot().unwrap()).unwrap();
    assert!(restored.journal().entries().is_empty());
    let replayed = Ward::replay(ward.config().clone(), restored.journal().clone());
    assert_eq!(code(replayed.unwrap_err()), "journal_released");
    let shorter = journal.prefix(journal.len() - 1).unwrap();
    let e = restored.restore_journal(shorter).unwrap_err();
    assert_eq!(code(e), "journal_head_mismatch");
    let mut released = journal.clone();
    released.release();
    assert_eq!(
        code(restored.restore_journal(released).unwrap_err()),
        "journal_released"
    );
    restored.restore_journal(journal.clone()).unwrap();
    assert_eq!(restored.to_jsonl(), ward.to_jsonl());
    let _: &Journal = restored.journal();
}

/// The snapshot of `ward` with its decoded body changed by `forge`, and its hash and
/// length recomputed as a forger would.
fn forged(ward: &Ward, forge: impl FnOnce(&mut ciborium::Value)) -> Vec<u8> {
    let bytes = ward.snapshot().unwrap();
    let (mut header, body) = SnapshotHeader::read(&bytes).unwrap();
    let mut state: ciborium::Value = ciborium::from_reader(body).unwrap();
    forge(&mut state);
    let mut body = Vec::new();
    ciborium::into_writer(&state, &mut body).unwrap();
    header.body = gridward::Hash::of_bytes(&body);
    header.bytes = body.len() as u64;
    let mut snapshot = header.lines().unwrap().into_bytes();
    snapshot.extend_from_slice(&body);
    snapshot
}

/// The value at `key` of a CBOR map.
fn field<'a>(value: &'a mut ciborium::Value, key: &str) -> &'a mut ciborium::Value {
    let ciborium::Value::Map(pairs) = value else {
        panic!("not a map where {key} was looked for");
    };
    pairs
        .iter_mut()
        .find(|(k, _)| k.as_text() == Some(key))
        .map(|(_, v)| v)
        .unwrap_or_else(|| panic!("no {key}"))
}

/// Gives the second record of `list` (a CBOR array of maps) the first one's id.
fn second_takes_first_id(list: &mut ciborium::Value) {
    let records = list.as_array_mut().expect("a list");
    let first = field(&mut records[0], "id").clone();
    *field(&mut records[1], "id") = first;
}

/// Checks that `ward`'s snapshot, forged by `forge`, is refused as damaged with a message
/// that says `why`.
fn refused(ward: &Ward, forge: impl FnOnce(&mut ciborium::Value), why: &str) {
    let e = Ward::from_snapshot(ward.config().clone(), &forged(ward, forge)).unwrap_err();
    assert_eq!(e.code(), "snapshot_damaged");
    assert!(e.to_string().contains(why), "{e}");
}

#[test]
fn a_forged_snapshot_where_two_people_or_two_requests_share_an_id_is_refused() {
    let ward = tasks_ward();
    assert!(ward.tasks().requests().len() >= 2);
    refused(
        &ward,
        |state| second_takes_first_id(field(field(state, "grid"), "people")),
        "two people have the id",
    );
    refused(
        &ward,
        |state| second_takes_first_id(field(field(state, "tasks"), "requests")),
        "two requests have the id",
    );
}

/// How many records a ward's list holds.
type Count = fn(&Ward) -> usize;

#[test]
fn a_forged_snapshot_where_two_service_records_or_two_redemptions_share_an_id_is_refused() {
    let lists: [(&str, &str, Count, &str); 2] = [
        (
            "scoring",
            "records",
            |w| w.scoring().records().len(),
            "two service records have the id",
        ),
        (
            "points",
            "redemptions",
            |w| w.points().redemptions().len(),
            "two redemptions have the id",
        ),
    ];
    for (capability, list, count, why) in lists {
        let ward = wards()
            .into_iter()
            .find(|w| count(w) >= 2)
            .unwrap_or_else(|| panic!("a parity scenario with two {list}"));
        refused(
            &ward,
            |state| second_takes_first_id(field(field(state, capability), list)),
            why,
        );
    }
}

#[test]
fn a_forged_snapshot_where_two_transactions_of_a_fund_share_an_id_is_refused() {
    let ward = wards()
        .into_iter()
        .find(|w| {
            w.funds()
                .iter()
                .any(|f| f.ledger.transactions().count() >= 2)
        })
        .expect("a parity scenario with a fund of two transactions");
    refused(
        &ward,
        |state| {
            let ciborium::Value::Map(funds) = field(field(state, "funds"), "funds") else {
                panic!("the funds are not a map");
            };
            for (_, fund) in funds.iter_mut() {
                let transactions = field(field(fund, "ledger"), "transactions");
                if transactions.as_array().is_some_and(|t| t.len() >= 2) {
                    return second_takes_first_id(transactions);
                }
            }
            panic!("no ledger of two transactions");
        },
        "two transactions have the id",
    );
}

#[test]
fn a_forged_snapshot_where_two_lots_share_an_earning_id_is_refused() {
    let ward = wards()
        .into_iter()
        .find(|w| w.points().totals().earned > 0)
        .expect("a parity scenario with earnings");
    refused(
        &ward,
        |state| {
            let ciborium::Value::Map(books) = field(field(state, "points"), "passbooks") else {
                panic!("the passbooks are not a map");
            };
            // The second lot earned, in whichever passbook, takes the first lot's id.
            let mut first = None;
            for lot in books.iter_mut().flat_map(|(_, book)| {
                field(book, "lots")
                    .as_array_mut()
                    .expect("a list of lots")
                    .iter_mut()
            }) {
                match first.take() {
                    None => first = Some(field(lot, "id").clone()),
                    Some(id) => {
                        *field(lot, "id") = id;
                        return;
                    }
                }
            }
            panic!("fewer than two lots");
        },
        "two lots have the earning id",
    );
}

#[test]
fn a_forged_snapshot_naming_a_person_who_does_not_exist_is_refused() {
    let nobody = ciborium::Value::Integer(1_000_000.into());
    let ward = tasks_ward();
    refused(
        &ward,
        |state| {
            let requests = field(field(state, "tasks"), "requests");
            let first = &mut requests.as_array_mut().expect("a list of requests")[0];
            *field(first, "filer") = nobody.clone();
        },
        "names a person, household, department or request that does not exist",
    );
    // A record not certified, so that no count over certified records catches it first.
    let uncertified = |w: &Ward| {
        w.scoring()
            .records()
            .iter()
            .position(|r| !matches!(r.status, ServiceStatus::Certified { .. }))
    };
    let (ward, at) = wards()
        .into_iter()
        .find_map(|w| uncertified(&w).map(|at| (w, at)))
        .expect("a parity scenario with a service record not certified");
    refused(
        &ward,
        |state| {
            let people = field(field(state, "scoring"), "record_people");
            people.as_array_mut().expect("a list of places")[at] = nobody.clone();
        },
        "names a person who does not exist",
    );
}

#[test]
fn a_forged_snapshot_whose_pieces_held_are_not_the_redemptions_is_refused() {
    // The tally of pieces held, from a parity scenario that redeems an item with a limit.
    let held = |state: &mut ciborium::Value| -> Option<u64> {
        let ciborium::Value::Map(tallies) = field(field(state, "points"), "held") else {
            panic!("the pieces held are not a map");
        };
        let (_, count) = tallies.first_mut()?;
        let n = u64::try_from(count.as_integer()?).ok()?;
        *count = ciborium::Value::Integer((n + 1).into());
        Some(n)
    };
    let ward = wards()
        .into_iter()
        .find(|w| {
            let bytes = w.snapshot().unwrap();
            let (_, body) = SnapshotHeader::read(&bytes).unwrap();
            let mut state: ciborium::Value = ciborium::from_reader(body).unwrap();
            held(&mut state).is_some()
        })
        .expect("a parity scenario that redeems an item with a limit per person");
    refused(
        &ward,
        |state| {
            held(state);
        },
        "the pieces held are not those the redemptions give",
    );
}

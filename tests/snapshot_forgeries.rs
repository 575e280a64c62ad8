//! Forged snapshots: a body changed and its hash, length and header recomputed (what
//! damage never does, and a forger would) is decoded, its indices checked and its state
//! digest compared, and is refused with a typed error; loading it never panics. One
//! integer of every parity scenario's snapshot is changed at a time, at up to 120 places
//! spread over the body.

mod common;

use std::panic::{catch_unwind, AssertUnwindSafe};

use ciborium::Value;
use common::parity_wards::wards;
use gridward::snapshot::SnapshotHeader;
use gridward::{Hash, Ward};

/// Adds 1,000 to the `target`th integer of the value (counting from 1); counts them.
fn change(value: &mut Value, seen: &mut usize, target: usize) {
    match value {
        Value::Integer(i) => {
            *seen += 1;
            if *seen == target {
                let n = i128::from(*i) + 1_000;
                *i = i64::try_from(n).unwrap_or(0).into();
            }
        }
        Value::Array(items) => items.iter_mut().for_each(|v| change(v, seen, target)),
        Value::Map(pairs) => pairs.iter_mut().for_each(|(_, v)| change(v, seen, target)),
        Value::Tag(_, v) => change(v, seen, target),
        _ => {}
    }
}

#[test]
fn forged_snapshots_are_refused_and_never_panic() {
    let (mut tried, mut refused) = (0, 0);
    for ward in wards() {
        let bytes = ward.snapshot().unwrap();
        let (header, body) = SnapshotHeader::read(&bytes).unwrap();
        let state: Value = ciborium::from_reader(body).unwrap();
        let mut integers = 0;
        change(&mut state.clone(), &mut integers, 0);
        let step = integers.div_ceil(120).max(1);
        for target in (1..=integers).step_by(step) {
            let mut forged = state.clone();
            change(&mut forged, &mut 0, target);
            let mut body = Vec::new();
            ciborium::into_writer(&forged, &mut body).unwrap();
            let mut header = header.clone();
            header.body = Hash::of_bytes(&body);
            header.bytes = body.len() as u64;
            let mut snapshot = header.lines().unwrap().into_bytes();
            snapshot.extend_from_slice(&body);
            let loaded = catch_unwind(AssertUnwindSafe(|| {
                Ward::from_snapshot(ward.config().clone(), &snapshot)
            }));
            let loaded =
                loaded.unwrap_or_else(|_| panic!("integer {target} of {integers}: a panic"));
            tried += 1;
            if let Err(e) = loaded {
                refused += 1;
                assert!(
                    ["snapshot_damaged", "snapshot_state_differs"].contains(&e.code()),
                    "{e}"
                );
            }
        }
    }
    // Nearly every change is caught: by an index pointing nowhere, by a count kept to
    // answer quickly that does not follow from the records, or by the state digest.
    // What is left changes data no other record repeats (a person's skill tags), which
    // is why a snapshot must come from its own store, as a pickle must.
    assert!(
        tried > 400 && refused * 100 >= tried * 97,
        "{refused} of {tried} refused"
    );
    eprintln!("{refused} of {tried} forged snapshots refused, none panicked");
}

//! Snapshots read back from bytes that may be anything. The first byte picks a parity
//! scenario; with its high bit set, the rest is a whole snapshot (header lines and body)
//! and only the header's checks stand in the way. Otherwise the rest is a body: it is
//! given the scenario's own header, with the body's hash and length recomputed as a
//! forger would, so that the decoding and every check of what the state holds are
//! reached. Loading must refuse with a typed error or give a ward whose state is the one
//! the header names and whose own snapshot loads back to that same state.
#![no_main]

use std::sync::OnceLock;

use gridward::snapshot::SnapshotHeader;
use gridward::{Hash, Ward};
use gridward_fuzz::{scenarios, wards_after};
use libfuzzer_sys::fuzz_target;

/// The header of each parity scenario's snapshot, taken once.
fn headers() -> &'static [SnapshotHeader] {
    static HEADERS: OnceLock<Vec<SnapshotHeader>> = OnceLock::new();
    HEADERS.get_or_init(|| {
        wards_after()
            .iter()
            .map(|ward| {
                let own = ward.snapshot().expect("a parity ward takes a snapshot");
                SnapshotHeader::read(&own).expect("its own header reads").0
            })
            .collect()
    })
}

fuzz_target!(init: gridward_fuzz::seeds::on_request(), |data: &[u8]| {
    let Some((&pick, rest)) = data.split_first() else {
        return;
    };
    let n = usize::from(pick & 0x7f) % scenarios().len();
    let config = scenarios()[n].config.clone();
    let snapshot = if pick & 0x80 != 0 {
        rest.to_vec()
    } else {
        let mut header = headers()[n].clone();
        header.body = Hash::of_bytes(rest);
        header.bytes = rest.len() as u64;
        let mut forged = header.lines().expect("a header writes").into_bytes();
        forged.extend_from_slice(rest);
        forged
    };
    let Ok(ward) = Ward::from_snapshot(config.clone(), &snapshot) else {
        return;
    };
    let (header, _) = SnapshotHeader::read(&snapshot).expect("a loaded snapshot's header reads");
    assert_eq!(ward.state_digest(), header.state, "the state the header names");
    let again = ward.snapshot().expect("a loaded ward takes a snapshot");
    let back = Ward::from_snapshot(config, &again).expect("its own snapshot loads");
    assert_eq!(back.state_digest(), ward.state_digest());
});

//! Snapshots in a store: taken on request or every N entries, restored on opening with
//! only the journal's tail replayed, and passed over, with the reason, when damaged or
//! stale; the journal is verified whole either way.

mod support;

use std::path::PathBuf;

use gridward::{Command, Context, Ward, WardConfig};
use gridward_store::{Follower, Store, StoreError, StoreOptions};
use support::{command, district, replayed, Folder, Random};

fn commands(n: u64) -> Vec<(Context, Command)> {
    let mut random = Random::new(5);
    let mut out = vec![district()];
    out.extend((1..n).map(|i| command(&mut random, i)));
    out
}

/// A store holding `n` commands (some refused), with a snapshot taken after each of
/// `at`.
fn store_with(folder: &Folder, n: u64, at: &[usize], options: StoreOptions) -> Store {
    let mut store = Store::create(&folder.0, WardConfig::default(), options).unwrap();
    for (i, (ctx, command)) in commands(n).into_iter().enumerate() {
        let _ = store.execute(&ctx, command);
        if at.contains(&(i + 1)) {
            store.snapshot().unwrap();
        }
    }
    store
}

fn snapshots(folder: &Folder) -> Vec<PathBuf> {
    let mut found: Vec<PathBuf> = std::fs::read_dir(&folder.0)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "bin"))
        .collect();
    found.sort();
    found
}

#[test]
fn opening_restores_the_snapshot_and_replays_only_the_tail() {
    let folder = Folder::new("snap-open");
    let store = store_with(&folder, 60, &[30], StoreOptions::default());
    let (head, digest, entries) = (
        store.ward().head(),
        store.ward().state_digest(),
        store.ward().journal().len() as u64,
    );
    let at = snapshots(&folder);
    assert_eq!(at.len(), 1);
    drop(store);

    let mut reopened = Store::open(&folder.0, StoreOptions::default()).unwrap();
    let opened = reopened.opened().clone();
    let snapshot = opened.snapshot.expect("opened from the snapshot");
    assert!(snapshot > 0 && snapshot < entries);
    assert_eq!(opened.entries, entries);
    assert_eq!(opened.replayed(), entries - snapshot);
    assert!(opened.skipped.is_empty());
    assert_eq!(reopened.ward().head(), head);
    assert_eq!(reopened.ward().state_digest(), digest);
    assert_eq!(
        reopened.ward().state_digest(),
        replayed(&folder).state_digest()
    );

    // It goes on as any store: new entries chain on, and the next opening agrees.
    let mut random = Random::new(77);
    for n in 0..10 {
        let (ctx, c) = command(&mut random, 500 + n);
        let _ = reopened.execute(&ctx, c);
    }
    let (head, digest) = (reopened.ward().head(), reopened.ward().state_digest());
    drop(reopened);
    let again = Store::open(&folder.0, StoreOptions::default()).unwrap();
    assert_eq!(again.opened().snapshot, Some(snapshot));
    assert_eq!(again.ward().head(), head);
    assert_eq!(again.ward().state_digest(), digest);
    assert_eq!(replayed(&folder).state_digest(), digest);
}

#[test]
fn snapshots_every_n_entries_keep_the_newest_two() {
    let folder = Folder::new("snap-every");
    let options = StoreOptions::default().with_snapshots_every(10);
    let store = store_with(&folder, 80, &[], options);
    let entries = store.ward().journal().len() as u64;
    assert!(store.snapshot_failure().is_none());
    drop(store);
    let names: Vec<String> = snapshots(&folder)
        .iter()
        .map(|p| p.file_name().unwrap().to_string_lossy().into_owned())
        .collect();
    assert_eq!(names.len(), 2, "{names:?}");
    let newest = entries / 10 * 10;
    assert_eq!(names[1], format!("snapshot-{newest:012}.bin"));
    let reopened = Store::open(&folder.0, StoreOptions::default()).unwrap();
    assert_eq!(reopened.opened().snapshot, Some(newest));
    assert_eq!(
        reopened.ward().state_digest(),
        replayed(&folder).state_digest()
    );
}

#[test]
fn a_damaged_snapshot_is_passed_over_for_the_one_before() {
    let folder = Folder::new("snap-damaged");
    let store = store_with(&folder, 60, &[20, 40], StoreOptions::default());
    let digest = store.ward().state_digest();
    drop(store);
    let [older, newer] = <[PathBuf; 2]>::try_from(snapshots(&folder)).unwrap();
    let mut bytes = std::fs::read(&newer).unwrap();
    let last = bytes.len() - 1;
    bytes[last] ^= 1;
    std::fs::write(&newer, bytes).unwrap();

    let reopened = Store::open(&folder.0, StoreOptions::default()).unwrap();
    let opened = reopened.opened();
    assert_eq!(opened.skipped.len(), 1);
    assert_eq!(opened.skipped[0].path, newer);
    assert!(
        opened.skipped[0].reason.contains("damaged snapshot"),
        "{}",
        opened.skipped[0].reason
    );
    let stem = older.file_stem().unwrap().to_string_lossy().into_owned();
    let older_seq: u64 = stem.strip_prefix("snapshot-").unwrap().parse().unwrap();
    assert_eq!(opened.snapshot, Some(older_seq));
    assert_eq!(reopened.ward().state_digest(), digest);

    // Both damaged: the journal alone.
    drop(reopened);
    std::fs::write(&older, b"GRIDWARD-SNAPSHOT 1\n{}\n").unwrap();
    let reopened = Store::open(&folder.0, StoreOptions::default()).unwrap();
    assert_eq!(reopened.opened().snapshot, None);
    assert_eq!(reopened.opened().skipped.len(), 2);
    assert_eq!(reopened.ward().state_digest(), digest);
}

#[test]
fn a_stale_snapshot_is_passed_over() {
    // A snapshot ahead of the journal: the journal was cut back behind it (by hand; the
    // store never writes one ahead, as it syncs the journal first).
    let folder = Folder::new("snap-ahead");
    let store = store_with(&folder, 50, &[50], StoreOptions::default());
    drop(store);
    let text = std::fs::read_to_string(folder.journal()).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    let kept = lines.len() / 2;
    let cut: String = lines[..kept].iter().map(|l| format!("{l}\n")).collect();
    std::fs::write(folder.journal(), &cut).unwrap();
    let reopened = Store::open(&folder.0, StoreOptions::default()).unwrap();
    let opened = reopened.opened();
    assert_eq!(opened.snapshot, None);
    assert_eq!(opened.entries, kept as u64);
    assert!(opened.skipped[0]
        .reason
        .contains(&format!("the journal has {kept} whole entries")));
    assert_eq!(
        reopened.ward().state_digest(),
        Ward::from_jsonl(WardConfig::default(), &cut)
            .unwrap()
            .state_digest()
    );

    // Another store's snapshot, at an entry this journal has: the heads differ.
    let other = Folder::new("snap-other");
    let mut store =
        Store::create(&other.0, WardConfig::default(), StoreOptions::default()).unwrap();
    let mut random = Random::new(999);
    for n in 0..200 {
        let (ctx, c) = if n == 0 {
            district()
        } else {
            command(&mut random, n)
        };
        let _ = store.execute(&ctx, c);
        if store.ward().journal().len() == 3 {
            break;
        }
    }
    let theirs = store.snapshot().unwrap();
    drop(store);
    drop(reopened);
    let mine = folder.0.join(theirs.file_name().unwrap());
    std::fs::copy(&theirs, &mine).unwrap();
    let reopened = Store::open(&folder.0, StoreOptions::default()).unwrap();
    let skipped = &reopened.opened().skipped;
    assert!(
        skipped
            .iter()
            .any(|s| s.path == mine && s.reason.contains("entry 3 of the journal has hash")),
        "{skipped:?}"
    );
}

#[test]
fn damage_before_the_snapshot_is_still_an_error_naming_the_line() {
    let folder = Folder::new("snap-verify");
    drop(store_with(&folder, 40, &[40], StoreOptions::default()));
    let text = std::fs::read_to_string(folder.journal()).unwrap();
    let mut lines: Vec<String> = text.lines().map(str::to_owned).collect();
    lines[1] = lines[1]
        .replacen("青羊区", "锦江区", 1)
        .replacen("单元", "单位", 1);
    let body: String = lines.iter().map(|l| format!("{l}\n")).collect();
    assert_ne!(body, text);
    std::fs::write(folder.journal(), body).unwrap();
    match Store::open(&folder.0, StoreOptions::default()) {
        Err(e @ StoreError::Damaged { line: 2, .. }) => assert_eq!(e.code(), "store_damaged"),
        Err(other) => panic!("expected damage at line 2, got {other}"),
        Ok(_) => panic!("a damaged journal opened"),
    }
}

#[test]
fn a_ward_that_keeps_its_journal_gets_the_entries_before_the_snapshot_back() {
    let folder = Folder::new("snap-keep");
    drop(store_with(&folder, 40, &[25], StoreOptions::default()));
    let text = std::fs::read_to_string(folder.journal()).unwrap();
    let keep = StoreOptions::default().keeping_journal(true);
    let store = Store::open(&folder.0, keep).unwrap();
    assert!(store.opened().snapshot.is_some());
    assert_eq!(store.ward().journal().held_from(), 1);
    assert_eq!(store.ward().to_jsonl(), text);
}

#[test]
fn a_follower_opens_from_the_snapshot_too() {
    let folder = Folder::new("snap-follow");
    let mut store = store_with(&folder, 40, &[30], StoreOptions::default());
    let follower = Follower::open(&folder.0).unwrap();
    assert_eq!(follower.ward().unwrap().head(), store.ward().head());
    let mut random = Random::new(3);
    let mut follower = follower;
    for n in 0..20 {
        let (ctx, c) = command(&mut random, 900 + n);
        let _ = store.execute(&ctx, c);
    }
    follower.poll().unwrap();
    assert_eq!(
        follower.ward().unwrap().state_digest(),
        store.ward().state_digest()
    );
}

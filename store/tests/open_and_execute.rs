//! A store writes what the ward accepts and nothing else, reads back to the same ward,
//! cuts off a torn last line and names the line of any other damage.

mod support;

use std::fs::{self, OpenOptions};
use std::io::Write;

use gridward::grid::GridCommand;
use gridward::journal::Journal;
use gridward::WardConfig;
use gridward_store::{Follower, Store, StoreError, StoreOptions, SyncPolicy, TornTail};
use support::{codes, command, context, district, replayed, Folder, Random};

fn filled(folder: &Folder, commands: u64, options: StoreOptions) -> Store {
    let mut store = Store::create(&folder.0, WardConfig::default(), options).unwrap();
    let (ctx, first) = district();
    store.execute(&ctx, first).unwrap();
    let mut random = Random::new(7);
    for n in 1..=commands {
        let (ctx, command) = command(&mut random, n);
        let _ = store.execute(&ctx, command);
    }
    store
}

#[test]
fn the_file_is_the_journal_and_reopens_to_the_same_ward() {
    let folder = Folder::new("reopen");
    let store = filled(&folder, 200, StoreOptions::default());
    let (head, digest, len) = (
        store.ward().head(),
        store.ward().state_digest(),
        store.ward().journal().len(),
    );
    assert!(len > 20, "only {len} of 200 commands were accepted");
    // The ward holds its state, not its journal.
    assert!(store.ward().journal().entries().is_empty());
    drop(store);

    // The file verifies with the core alone, and replays to the same state.
    let text = fs::read_to_string(folder.journal()).unwrap();
    let report = Journal::verify_jsonl(&text);
    assert!(report.intact && report.entries == len as u64 && report.head == head);
    assert_eq!(replayed(&folder).state_digest(), digest);

    let store = Store::open(&folder.0, StoreOptions::default()).unwrap();
    assert_eq!(store.opened().entries, len as u64);
    assert_eq!(store.opened().torn, None);
    assert_eq!(store.ward().head(), head);
    assert_eq!(store.ward().state_digest(), digest);
}

#[test]
fn refused_commands_and_retries_write_nothing() {
    let folder = Folder::new("refused");
    let mut store = filled(&folder, 50, StoreOptions::default());
    let bytes = fs::metadata(folder.journal()).unwrap().len();
    let head = store.ward().head();
    let district = codes()[0];
    let again = GridCommand::AddUnit {
        code: district,
        name: "again".into(),
        domains: None,
    };
    let refused = store.execute(&context(999), again.clone()).unwrap_err();
    assert!(matches!(refused, StoreError::Refused(_)), "{refused}");
    assert_eq!(refused.code(), "unit_exists", "{refused}");
    assert_eq!(fs::metadata(folder.journal()).unwrap().len(), bytes);
    assert_eq!(store.ward().head(), head);

    let keyed = context(1000).with_key("rename-once");
    let rename = GridCommand::RenameUnit {
        code: district,
        name: "青羊".into(),
    };
    let first = store.execute(&keyed, rename.clone()).unwrap();
    let bytes = fs::metadata(folder.journal()).unwrap().len();
    let retry = store.execute(&keyed, rename).unwrap();
    assert!(retry.duplicate && retry.seq == first.seq);
    assert_eq!(fs::metadata(folder.journal()).unwrap().len(), bytes);
    drop(store);
    // The key is remembered across reopening.
    let mut store = Store::open(&folder.0, StoreOptions::default()).unwrap();
    let renamed_again = GridCommand::RenameUnit {
        code: district,
        name: "青羊".into(),
    };
    assert!(store.execute(&keyed, renamed_again).unwrap().duplicate);
}

#[test]
fn a_torn_last_line_is_cut_off_and_reported() {
    let folder = Folder::new("torn");
    let store = filled(&folder, 60, StoreOptions::default());
    let (head, len) = (store.ward().head(), store.ward().journal().len() as u64);
    drop(store);
    let whole = fs::metadata(folder.journal()).unwrap().len();
    for tail in [
        "{\"seq\":",
        "\u{0}\u{0}\u{0}\u{0}",
        "{\"seq\":999,\"prev\":\"00\"}",
    ] {
        let mut file = OpenOptions::new()
            .append(true)
            .open(folder.journal())
            .unwrap();
        file.write_all(tail.as_bytes()).unwrap();
        drop(file);
        let store = Store::open(&folder.0, StoreOptions::default()).unwrap();
        assert_eq!(
            store.opened().torn,
            Some(TornTail {
                line: len + 1,
                offset: whole,
                bytes: tail.len() as u64
            })
        );
        assert_eq!(store.ward().head(), head);
        assert_eq!(fs::metadata(folder.journal()).unwrap().len(), whole);
    }
}

#[test]
fn damage_before_the_last_line_is_an_error_naming_the_line() {
    let folder = Folder::new("damage");
    let store = filled(&folder, 60, StoreOptions::default());
    let len = store.ward().journal().len();
    drop(store);
    let text = fs::read_to_string(folder.journal()).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    let cases: Vec<(u64, String)> = vec![
        // An edited body: its hash no longer holds.
        (
            3,
            text.replacen(lines[2], &lines[2].replacen("单元", "单位", 1), 1),
        ),
        // A line dropped: the next one does not link.
        (4, text.replacen(&format!("{}\n", lines[3]), "", 1)),
        // Garbage in the middle, and a damaged last whole line.
        (5, text.replacen(lines[4], "not json", 1)),
        (len as u64, text.replacen(lines[len - 1], "{}", 1)),
    ];
    for (line, damaged) in cases {
        fs::write(folder.journal(), &damaged).unwrap();
        match Store::open(&folder.0, StoreOptions::default()) {
            Err(StoreError::Damaged { line: at, .. }) => assert_eq!(at, line),
            Err(other) => panic!("line {line}: {other}"),
            Ok(_) => panic!("line {line}: damage was not found"),
        }
        // Nothing was cut: the damage is left for a person to look at.
        assert_eq!(fs::read_to_string(folder.journal()).unwrap(), damaged);
    }
}

#[test]
fn batched_sync_policies_write_every_entry_before_acknowledging() {
    for sync in [SyncPolicy::EveryEntries(16), SyncPolicy::OnRequest] {
        let folder = Folder::new("batched");
        let mut store = filled(&folder, 100, StoreOptions::default().with_sync(sync));
        store.sync().unwrap();
        let digest = store.ward().state_digest();
        // Written to the operating system already: a follower sees everything.
        let follower = Follower::open(&folder.0).unwrap();
        assert_eq!(follower.ward().unwrap().state_digest(), digest);
        drop(store);
        assert_eq!(replayed(&folder).state_digest(), digest);
    }
}

#[test]
fn a_follower_follows_the_writer() {
    let folder = Folder::new("follow");
    let mut store = filled(&folder, 30, StoreOptions::default());
    let mut follower = Follower::open(&folder.0).unwrap();
    assert_eq!(follower.ward().unwrap().head(), store.ward().head());
    let mut random = Random::new(99);
    let mut added = 0;
    for n in 100..160 {
        let (ctx, command) = command(&mut random, n);
        if let Ok(r) = store.execute(&ctx, command) {
            added += u64::from(r.seq.is_some() && !r.duplicate);
        }
    }
    // A line being written is left for the next poll.
    let mut file = OpenOptions::new()
        .append(true)
        .open(folder.journal())
        .unwrap();
    file.write_all(b"{\"seq\":").unwrap();
    assert_eq!(follower.poll().unwrap(), added);
    assert_eq!(follower.ward().unwrap().head(), store.ward().head());
    assert_eq!(
        follower.ward().unwrap().state_digest(),
        store.ward().state_digest()
    );
}

#[test]
fn a_folder_without_a_store_is_named() {
    let folder = Folder::new("none");
    let err = Store::open(&folder.0, StoreOptions::default())
        .err()
        .unwrap();
    assert_eq!(err.code(), "store_not_a_store", "{err}");
    let store = filled(&folder, 1, StoreOptions::default());
    drop(store);
    let err = Store::create(&folder.0, WardConfig::default(), StoreOptions::default())
        .err()
        .unwrap();
    assert_eq!(err.code(), "store_not_a_store", "{err}");
    fs::write(folder.0.join("ward.json"), "{\"grid\": 5}").unwrap();
    let err = Store::open(&folder.0, StoreOptions::default())
        .err()
        .unwrap();
    assert!(err.to_string().contains("ward.json"), "{err}");
}

#[test]
fn an_appender_refuses_a_ward_changed_without_it() {
    let folder = Folder::new("apart");
    let store = filled(&folder, 10, StoreOptions::default().keeping_journal(true));
    let (mut ward, mut appender) = store.into_parts();
    assert_eq!(ward.journal().len() as u64, appender.entries());
    let mut random = Random::new(5);
    let mut n = 500;
    // Changed in memory only: the file no longer says what the ward holds.
    loop {
        let (ctx, command) = command(&mut random, n);
        n += 1;
        if ward.execute(&ctx, command).is_ok_and(|r| r.seq.is_some()) {
            break;
        }
    }
    let (ctx, command) = command(&mut random, n);
    let err = appender.execute(&mut ward, &ctx, command).unwrap_err();
    assert_eq!(err.code(), "store_must_reopen", "{err}");
    assert!(err.to_string().contains("without the store"), "{err}");
}

#[test]
fn progress_is_reported_and_any_journal_file_reads_line_by_line() {
    let folder = Folder::new("progress");
    let store = filled(&folder, 80, StoreOptions::default());
    let (head, digest) = (store.ward().head(), store.ward().state_digest());
    drop(store);
    let size = fs::metadata(folder.journal()).unwrap().len();
    let mut seen = Vec::new();
    let store =
        Store::open_reporting(&folder.0, StoreOptions::default(), |p| seen.push(*p)).unwrap();
    assert_eq!(store.ward().head(), head);
    let last = seen.last().unwrap();
    assert_eq!(
        (last.bytes, last.total, last.lines),
        (size, size, store.opened().entries)
    );
    drop(store);

    let ward =
        gridward_store::read_journal(folder.journal(), WardConfig::default(), &mut |_| {}).unwrap();
    assert_eq!((ward.head(), ward.state_digest()), (head, digest));
    // The entries are kept: it is a ward in memory.
    assert_eq!(
        ward.to_jsonl(),
        fs::read_to_string(folder.journal()).unwrap()
    );
}

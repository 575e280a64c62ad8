//! Real processes: writers killed with SIGKILL at random moments lose no acknowledged
//! command, and a second writer in another process is refused with `store_locked`.
//!
//! The child processes are this test binary run again with `GRIDWARD_STORE_CHILD` set,
//! which makes the `child` test do a child's work; without it, `child` does nothing.

mod support;

use std::io::{BufRead, BufReader};
use std::process::{Child, Command as Process, Stdio};
use std::sync::{Mutex, MutexGuard, PoisonError};
use std::time::Duration;

use gridward::{Hash, Journal, Ward, WardConfig};
use gridward_store::{Store, StoreError, StoreOptions};
use support::{command, district, temporary_files, Folder, Random};

/// The tests that spawn writers run one at a time: a child forked while another test
/// holds a store shares that store's open file, and with it its lock, until the child
/// replaces itself with this binary (its descriptors close on exec).
static ONE_AT_A_TIME: Mutex<()> = Mutex::new(());

fn one_at_a_time() -> MutexGuard<'static, ()> {
    ONE_AT_A_TIME.lock().unwrap_or_else(PoisonError::into_inner)
}

/// Runs this binary's `child` test as a child process with its stdout piped.
fn spawn(mode: &str, folder: &Folder, seed: u64) -> Child {
    Process::new(std::env::current_exe().unwrap())
        .args(["--exact", "child", "--nocapture", "--test-threads", "1"])
        .env("GRIDWARD_STORE_CHILD", mode)
        .env("GRIDWARD_STORE_DIR", &folder.0)
        .env("GRIDWARD_STORE_SEED", seed.to_string())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap()
}

/// A child's work: `write` executes random commands until it is killed, printing
/// `ack <seq> <head>` once each recorded command's `execute` has returned; `lock` tries
/// to open the store for writing and prints what happened.
#[test]
fn child() {
    let Ok(mode) = std::env::var("GRIDWARD_STORE_CHILD") else {
        return;
    };
    let dir = std::env::var("GRIDWARD_STORE_DIR").unwrap();
    let seed: u64 = std::env::var("GRIDWARD_STORE_SEED")
        .unwrap()
        .parse()
        .unwrap();
    match mode.as_str() {
        "write" => {
            // A snapshot every 7 entries: kills land in snapshots' writing too.
            let options = StoreOptions::default().with_snapshots_every(7);
            let mut store = Store::open(&dir, options).unwrap();
            let mut random = Random::new(seed);
            for n in 1.. {
                let (ctx, command) = command(&mut random, seed * 1_000_000 + n);
                if let Ok(receipt) = store.execute(&ctx, command) {
                    if let (Some(seq), false) = (receipt.seq, receipt.duplicate) {
                        println!("ack {seq} {}", receipt.head);
                    }
                }
            }
        }
        "lock" => match Store::open(&dir, StoreOptions::default()) {
            Ok(_) => println!("opened"),
            Err(e) => println!("refused {}", e.code()),
        },
        other => panic!("no child mode {other}"),
    }
}

fn ack(line: &str) -> Option<(u64, Hash)> {
    let mut words = line.strip_prefix("ack ")?.split(' ');
    let seq = words.next()?.parse().ok()?;
    let head = Hash::from_hex(words.next()?)?;
    Some((seq, head))
}

#[test]
fn writers_killed_at_random_moments_lose_no_acknowledged_command() {
    let _alone = one_at_a_time();
    let folder = Folder::new("crash");
    let mut store =
        Store::create(&folder.0, WardConfig::default(), StoreOptions::default()).unwrap();
    let (ctx, first) = district();
    store.execute(&ctx, first).unwrap();
    drop(store);

    let mut random = Random::new(2026);
    let mut acknowledged: Vec<(u64, Hash)> = Vec::new();
    let (mut torn, mut kills, mut from_snapshot) = (0, 0, 0);
    for round in 1..=200 {
        let mut child = spawn("write", &folder, round);
        let mut lines = BufReader::new(child.stdout.take().unwrap()).lines();
        // Kill after a random number of acknowledgements (none: while it opens), and
        // a random moment after that.
        for _ in 0..random.below(40) {
            match lines.next() {
                Some(Ok(line)) => acknowledged.extend(ack(&line)),
                _ => break,
            }
        }
        std::thread::sleep(Duration::from_micros(random.below(3_000)));
        child.kill().unwrap();
        child.wait().unwrap();
        kills += 1;
        // What it printed before it died was acknowledged too.
        acknowledged.extend(lines.map_while(Result::ok).filter_map(|l| ack(&l)));

        let store = Store::open(&folder.0, StoreOptions::default()).unwrap();
        torn += usize::from(store.opened().torn.is_some());
        from_snapshot += usize::from(store.opened().snapshot.is_some());
        // A snapshot cut short by the kill is a temporary file, never one in place.
        assert_eq!(store.opened().skipped, vec![], "round {round}");
        assert_eq!(
            temporary_files(&folder.0),
            Vec::<String>::new(),
            "round {round}"
        );
        let text = std::fs::read_to_string(folder.journal()).unwrap();
        let journal = Journal::from_jsonl(&text).unwrap();
        for (seq, head) in &acknowledged {
            let entry = journal.entries().get(*seq as usize - 1);
            assert_eq!(
                entry.map(|e| e.hash()),
                Some(head),
                "round {round}: entry {seq}"
            );
        }
        let replayed = Ward::from_jsonl(WardConfig::default(), &text).unwrap();
        assert_eq!(replayed.state_digest(), store.ward().state_digest());
        assert_eq!(replayed.head(), store.ward().head());
    }
    eprintln!(
        "{kills} writers killed; {} commands acknowledged; {torn} torn last lines cut off; \
         {from_snapshot} reopenings from a snapshot",
        acknowledged.len()
    );
    assert!(from_snapshot >= 100, "{from_snapshot}");
    assert_eq!(kills, 200);
    assert!(acknowledged.len() >= 1_000, "{}", acknowledged.len());
}

#[test]
fn a_second_writer_is_refused_in_another_process_and_in_this_one() {
    let _alone = one_at_a_time();
    let folder = Folder::new("lock");
    let store = Store::create(&folder.0, WardConfig::default(), StoreOptions::default()).unwrap();
    let output = spawn("lock", &folder, 0).wait_with_output().unwrap();
    let said = String::from_utf8(output.stdout).unwrap();
    assert!(said.contains("refused store_locked"), "{said}");
    match Store::open(&folder.0, StoreOptions::default()) {
        Err(e @ StoreError::Locked { .. }) => assert_eq!(e.code(), "store_locked"),
        Err(other) => panic!("{other}"),
        Ok(_) => panic!("two writers"),
    }
    // Readers are not writers.
    assert!(gridward_store::Follower::open(&folder.0).is_ok());
    drop(store);
    let output = spawn("lock", &folder, 0).wait_with_output().unwrap();
    let said = String::from_utf8(output.stdout).unwrap();
    assert!(said.contains("opened"), "{said}");
}

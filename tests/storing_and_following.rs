//! The core's support for durable storage: `execute_storing` takes effect only when its
//! entry is stored, a journal released from memory chains on, and `follow` rebuilds a
//! ward line by line to the same state as a replay.

mod common;

use gridward::journal::{Entry, JournalError};
use gridward::{Error, StoringError, Ward, WardConfig};
use proptest::prelude::*;

proptest! {
    #![proptest_config(ProptestConfig { failure_persistence: None, ..ProptestConfig::with_cases(100) })]

    #[test]
    fn storing_released_and_followed_wards_equal_the_plain_one(
        steps in proptest::collection::vec(common::step(), 1..40),
        failing in proptest::collection::vec(any::<bool>(), 40),
    ) {
        let mut plain = common::seeded();
        let mut stored = common::seeded();
        let mut lines = common::seeded().to_jsonl();
        stored.release_journal();
        for (n, ((actor, command, key), fail)) in steps.iter().zip(&failing).enumerate() {
            let ctx = common::context(n + 1, *actor, *key);
            let (head, digest) = (stored.head(), stored.state_digest());
            let outcome = stored.execute_storing(&ctx, command.clone(), |entry: &Entry| {
                if *fail {
                    Err("the disk is full")
                } else {
                    lines.push_str(&entry.to_jsonl_line());
                    Ok(())
                }
            });
            stored.release_journal();
            match outcome {
                Err(StoringError::Store(_)) => {
                    // Not stored: not taken, and the plain ward is not given it either.
                    prop_assert_eq!(stored.head(), head);
                    prop_assert_eq!(stored.state_digest(), digest);
                }
                Err(StoringError::Refused(e)) => {
                    prop_assert_eq!(plain.execute(&ctx, command.clone()).unwrap_err(), e);
                }
                Ok(receipt) => {
                    prop_assert_eq!(plain.execute(&ctx, command.clone()).unwrap(), receipt);
                }
            }
            prop_assert!(stored.journal().entries().is_empty());
            prop_assert_eq!(stored.journal().len(), plain.journal().len());
        }
        prop_assert_eq!(stored.head(), plain.head());
        prop_assert_eq!(stored.state_digest(), plain.state_digest());
        prop_assert_eq!(&lines, &plain.to_jsonl());

        // Followed line by line, the lines make the same ward.
        let mut followed = Ward::new(WardConfig::default());
        for (i, line) in lines.lines().enumerate() {
            let entry = Entry::from_jsonl_line(i as u64 + 1, line).unwrap();
            followed = followed.follow(entry).unwrap();
        }
        prop_assert_eq!(followed.state_digest(), plain.state_digest());
        prop_assert_eq!(followed.journal(), plain.journal());
    }
}

#[test]
fn a_released_journal_chains_on_and_refuses_what_needs_its_entries() {
    let mut ward = common::seeded();
    let (len, head) = (ward.journal().len(), ward.head());
    ward.release_journal();
    assert_eq!((ward.journal().len(), ward.head()), (len, head));
    assert_eq!(ward.journal().held_from(), len as u64 + 1);
    assert!(ward.journal().verify().intact);
    assert!(matches!(
        ward.journal().prefix(1),
        Err(JournalError::Released { held_from }) if held_from == len as u64 + 1
    ));
    let err = Ward::replay(WardConfig::default(), ward.journal().clone()).unwrap_err();
    assert_eq!(err.code(), "journal_released");
    assert!(err.to_string().contains("were released"), "{err}");
}

#[test]
fn follow_refuses_an_entry_out_of_place_or_forged() {
    let ward = common::seeded();
    let text = ward.to_jsonl();
    let lines: Vec<&str> = text.lines().collect();
    assert!(lines.len() >= 2);
    let second = Entry::from_jsonl_line(2, lines[1]).unwrap();
    let err = Ward::new(WardConfig::default()).follow(second).unwrap_err();
    assert!(
        matches!(&err, Error::Journal(JournalError::Broken(b)) if b.line == 1),
        "{err}"
    );
    let forged = lines[0]
        .replacen("\"seq\":1", "\"seq\":1 ", 1)
        .replacen('a', "b", 1);
    assert!(Entry::from_jsonl_line(7, &forged).is_err());
    let err = Entry::from_jsonl_line(7, "not json").unwrap_err();
    assert!(err.to_string().contains("line 7"), "{err}");
}

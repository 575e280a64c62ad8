//! Property: a refused command leaves the state and the journal exactly as they were, and
//! a retried command under the same idempotency key has one effect.

mod common;

use gridward::grid::{GridCommand, NodeCode};
use gridward::{Actor, Context, Ward, WardConfig};
use proptest::prelude::*;

proptest! {
    #![proptest_config(ProptestConfig { failure_persistence: None, ..ProptestConfig::with_cases(300) })]

    #[test]
    fn refusals_change_nothing(steps in proptest::collection::vec(common::step(), 1..60)) {
        let mut ward = common::seeded();
        let mut refused = 0;
        for (n, (actor, cmd, key)) in steps.iter().enumerate() {
            let (head, digest, len) = (ward.head(), ward.state_digest(), ward.journal().len());
            let ctx = common::context(n, *actor, *key);
            match ward.execute(&ctx, cmd.clone()) {
                Err(_) => {
                    refused += 1;
                    prop_assert_eq!(ward.head(), head);
                    prop_assert_eq!(ward.state_digest(), digest);
                    prop_assert_eq!(ward.journal().len(), len);
                }
                Ok(receipt) => {
                    // An accepted command either recorded one entry or changed nothing.
                    let grew = ward.journal().len() - len;
                    prop_assert_eq!(grew, usize::from(receipt.seq.is_some() && !receipt.duplicate));
                    if grew == 0 {
                        prop_assert_eq!(ward.state_digest(), digest);
                    }
                }
            }
        }
        let _ = refused;
    }
}

#[test]
fn a_retry_under_the_same_key_has_one_effect() {
    let mut ward = Ward::new(WardConfig::default());
    let at = chrono::DateTime::parse_from_rfc3339("2026-01-05T08:00:00+08:00").unwrap();
    let ctx = Context::new(Actor::System, at).with_key("create-district");
    let cmd = GridCommand::AddUnit {
        code: NodeCode::parse("510105").unwrap(),
        name: "青羊区".into(),
        domains: None,
    };
    let first = ward.execute(&ctx, cmd.clone()).unwrap();
    let second = ward.execute(&ctx, cmd).unwrap();
    assert!(!first.duplicate && second.duplicate);
    assert_eq!(first.seq, second.seq);
    assert_eq!(ward.journal().len(), 1);
    let other = GridCommand::AddUnit {
        code: NodeCode::parse("510106").unwrap(),
        name: "金牛区".into(),
        domains: None,
    };
    let err = ward.execute(&ctx, other).unwrap_err();
    assert_eq!(err.code(), "idempotency_conflict");
    assert_eq!(ward.journal().len(), 1);
    // Keys survive a replay: the retry is still recognised afterwards.
    let mut again = Ward::from_jsonl(WardConfig::default(), &ward.to_jsonl()).unwrap();
    let retry = GridCommand::AddUnit {
        code: NodeCode::parse("510105").unwrap(),
        name: "青羊区".into(),
        domains: None,
    };
    assert!(again.execute(&ctx, retry).unwrap().duplicate);
}

//! Batched execution: a batch decides each command as `execute` would at that point,
//! records the accepted ones in one entry, leaves no trace of the refused ones, and its
//! journal replays to the same state as the same commands given one at a time.

mod common;

use gridward::grid::{GridCommand, Level};
use gridward::journal::JournalError;
use gridward::tasks::Period;
use gridward::{Actor, Command, Context, Ward, WardConfig};
use gridward_scenarios::at;
use gridward_scenarios::city::Shape;
use gridward_scenarios::requests::{
    requests_city, simulate, simulate_batched, simulate_batched_releasing,
};
use proptest::prelude::*;

proptest! {
    #![proptest_config(ProptestConfig { failure_persistence: None, ..ProptestConfig::with_cases(200) })]

    #[test]
    fn a_batch_decides_each_command_as_execute_would(
        steps in proptest::collection::vec(common::step(), 1..60),
        cuts in proptest::collection::vec(1..12usize, 1..20),
    ) {
        let commands: Vec<(Context, Command)> = steps
            .iter()
            .enumerate()
            .map(|(n, (actor, command, key))| {
                (common::context(n + 1, *actor, *key), command.clone().into())
            })
            .collect();

        let mut single = common::seeded();
        let mut expected = Vec::new();
        for (ctx, command) in &commands {
            expected.push(single.execute(ctx, command.clone()));
        }

        let mut batched = common::seeded();
        let base = batched.journal().len();
        let mut got = Vec::new();
        let mut rest = commands.as_slice();
        let mut cut = cuts.iter().cycle();
        while !rest.is_empty() {
            let (now, later) = rest.split_at((*cut.next().unwrap()).min(rest.len()));
            let before = batched.journal().len();
            let receipt = batched.execute_batch(now.iter().cloned());
            // One entry for the accepted commands that changed something, none otherwise.
            let recorded = receipt.outcomes.iter().flatten().any(|r| r.events > 0);
            prop_assert_eq!(batched.journal().len() - before, usize::from(recorded));
            prop_assert_eq!(receipt.head, batched.head());
            got.extend(receipt.outcomes);
            rest = later;
        }

        for (n, (e, g)) in expected.iter().zip(&got).enumerate() {
            match (e, g) {
                (Ok(e), Ok(g)) => {
                    prop_assert_eq!(e.events, g.events, "step {}", n);
                    prop_assert_eq!(e.duplicate, g.duplicate, "step {}", n);
                    prop_assert_eq!(e.seq.is_some(), g.seq.is_some(), "step {}", n);
                }
                (Err(e), Err(g)) => prop_assert_eq!(e.code(), g.code(), "step {}: {}", n, e),
                _ => prop_assert!(false, "step {}: one at a time {:?}, batched {:?}", n, e, g),
            }
        }
        prop_assert_eq!(batched.state_digest(), single.state_digest());
        prop_assert!(batched.journal().len() - base <= commands.len());

        let imported = Ward::from_jsonl(WardConfig::default(), &batched.to_jsonl()).unwrap();
        prop_assert_eq!(imported.state_digest(), batched.state_digest());
        prop_assert_eq!(imported.head(), batched.head());
        // The keys replayed too: retrying any step under its key now is a duplicate or the
        // same conflict as in the ward that wrote the journal.
        for (ctx, command) in commands.iter().filter(|(c, _)| c.idempotency_key.is_some()) {
            let a = batched.clone().execute(ctx, command.clone()).map(|r| r.duplicate);
            let b = imported.clone().execute(ctx, command.clone()).map(|r| r.duplicate);
            prop_assert_eq!(a, b);
        }
    }
}

#[test]
fn a_refused_command_in_a_batch_leaves_no_trace() {
    let mut ward = common::seeded();
    let before = ward.journal().len();
    let ctx = common::context(1, None, None);
    let person = |id: &str| -> Command {
        GridCommand::AddPerson {
            id: id.to_owned(),
            name: "某人".into(),
            phone: None,
            party_member: false,
        }
        .into()
    };
    let receipt = ward.execute_batch(vec![
        (ctx.clone(), person("q1")),
        (ctx.clone(), person("q1")),
        (ctx.clone(), person("q2")),
    ]);
    assert_eq!(receipt.refused(), 1);
    assert_eq!(
        receipt.outcomes[1].as_ref().unwrap_err().code(),
        "person_exists"
    );
    assert_eq!(receipt.entries, [before as u64 + 1]);
    let body: serde_json::Value =
        serde_json::from_str(ward.journal().entries()[before].body()).unwrap();
    let items = body["batch"].as_array().unwrap();
    assert_eq!(items.len(), 2);
    assert_eq!(items[0]["events"][0]["grid"]["id"], "q1");
    assert_eq!(items[1]["events"][0]["grid"]["id"], "q2");
    assert_eq!(items[0]["actor"], serde_json::json!(Actor::System));
}

#[test]
fn a_month_simulated_in_daily_batches_equals_one_command_at_a_time() {
    let (base, sites) = requests_city(&Shape::SMALL, at("2026-01-05T08:00:00+08:00")).unwrap();
    let start = at("2026-03-02T08:30:00+08:00");

    let mut single = base.clone();
    let one = simulate(&mut single, &sites, start, 30, 3000, 3).unwrap();
    let mut batched = base.clone();
    let all = simulate_batched(&mut batched, &sites, start, 30, 3000, 3).unwrap();

    assert_eq!(one, all);
    assert_eq!(batched.state_digest(), single.state_digest());
    // One entry a day at most (a day whose commands changed nothing writes none): the
    // filing days, and the days after until the slowest lives are over.
    let entries = batched.journal().len() - base.journal().len();
    assert!(
        all.days > 30 && (30..=all.days as usize).contains(&entries),
        "{entries}"
    );
    // One at a time, every command that changed something has its own entry.
    assert!(single.journal().len() - base.journal().len() >= 5 * one.requests as usize);
    let period = Period {
        from: at("2026-03-01T00:00:00+08:00"),
        to: at("2026-05-01T00:00:00+08:00"),
    };
    assert_eq!(
        batched.indicators_by(Level::Community, &period),
        single.indicators_by(Level::Community, &period)
    );
    let again = Ward::from_jsonl(WardConfig::default(), &batched.to_jsonl()).unwrap();
    assert_eq!(again.state_digest(), batched.state_digest());
    assert_eq!(again.head(), batched.head());
}

#[test]
fn a_month_released_daily_keeps_the_state_head_and_count_but_not_the_entries() {
    let (base, sites) = requests_city(&Shape::SMALL, at("2026-01-05T08:00:00+08:00")).unwrap();
    let start = at("2026-03-02T08:30:00+08:00");

    let mut kept = base.clone();
    let all = simulate_batched(&mut kept, &sites, start, 30, 3000, 3).unwrap();
    let mut released = base.clone();
    let same = simulate_batched_releasing(&mut released, &sites, start, 30, 3000, 3).unwrap();

    assert_eq!(same, all);
    assert_eq!(released.state_digest(), kept.state_digest());
    assert_eq!(released.head(), kept.head());
    assert_eq!(released.journal().len(), kept.journal().len());
    assert!(released.journal().entries().is_empty());
    assert_eq!(
        released.journal().held_from(),
        kept.journal().len() as u64 + 1
    );
    assert!(matches!(
        released.journal().prefix(base.journal().len()),
        Err(JournalError::Released { .. })
    ));

    // Work goes on after it: the next command chains onto the kept head.
    let ctx = Context::new(Actor::System, at("2026-06-01T09:00:00+08:00"));
    let sweep = gridward::tasks::TaskCommand::Sweep { scope: None };
    let a = kept.execute(&ctx, sweep.clone()).unwrap();
    let b = released.execute(&ctx, sweep).unwrap();
    assert_eq!((a.seq, a.head), (b.seq, b.head));
}

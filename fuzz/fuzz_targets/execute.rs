//! `Ward::execute` driven by structured random commands: a parity scenario's steps, each
//! kept, changed in one place, skipped, repeated or replaced by another step, with its
//! actor and time changed too. Every refused command must leave the journal and the
//! state as they were, and the journal the ward wrote must replay into the same state.
//!
//! The same commands given again as one batch, to a fresh ward, must each be accepted or
//! refused as they were one at a time, and reach the same state.
//!
//! Up to the first change the steps are the fixture's, whose refusals the parity tests
//! check; from there on every refusal's state is compared, digest against digest, for at
//! most [`AFTER_CHANGE`] steps: comparing digests costs the whole state each time, and
//! an input that repeats a step thousands of times would otherwise run for seconds
//! without reaching anything new.
#![no_main]

use arbitrary::{Result, Unstructured};
use gridward::Ward;
use gridward_fuzz::mutate::{mutate, value_for};
use gridward_fuzz::{assert_replays, catalog, context, execute_checking, scenarios, shifted};
use libfuzzer_sys::fuzz_target;

/// Steps run after the first change, at most.
const AFTER_CHANGE: usize = 16;

fuzz_target!(init: gridward_fuzz::seeds::on_request(), |data: &[u8]| {
    let mut u = Unstructured::new(data);
    let _ = run(&mut u);
});

fn run(u: &mut Unstructured<'_>) -> Result<()> {
    let scenarios = scenarios();
    let scenario = &scenarios[u.choose_index(scenarios.len())?];
    let mut ward = Ward::new(scenario.config.clone());
    let steps = &scenario.steps;
    let mut next = 0;
    let mut changed = false;
    let mut after_change = 0;
    // Every command that parsed, with its context and whether it was accepted.
    let mut given = Vec::new();
    let result = (|| -> Result<()> {
        // The bytes run out before the steps do: each step takes at least one.
        while next < steps.len() && !u.is_empty() && after_change < AFTER_CHANGE {
            let mut step = steps[next].clone();
            next += 1;
            let how = u.int_in_range(0u8..=15)?;
            changed |= how > 7;
            after_change += usize::from(changed);
            match how {
                0..=7 => {}
                8 | 9 => mutate(u, &mut step.command)?,
                10 => continue,
                11 => next -= 1,
                12 => step = steps[u.choose_index(steps.len())?].clone(),
                13 => step.actor = value_for(u, "actor")?.as_str().map(str::to_owned),
                14 => step.at = shifted(step.at, u.int_in_range(-20_000i64..=200_000)?),
                _ => step.key = Some(u.arbitrary::<String>()?),
            }
            let ctx = context(step.actor, step.at, step.key);
            let parsed = catalog().any_command(step.command.clone()).ok();
            let accepted = execute_checking(&mut ward, &ctx, step.command, changed);
            if let Some(command) = parsed {
                given.push((ctx, command, accepted));
            }
        }
        Ok(())
    })();
    assert_replays(&ward);
    let mut batched = Ward::new(scenario.config.clone());
    let batch = batched.execute_batch(
        given
            .iter()
            .map(|(c, command, _)| (c.clone(), command.clone())),
    );
    for (n, ((_, _, accepted), outcome)) in given.iter().zip(&batch.outcomes).enumerate() {
        assert_eq!(
            *accepted,
            outcome.is_ok(),
            "command {n}: one at a time and in a batch differ"
        );
    }
    assert_eq!(
        batched.state_digest(),
        ward.state_digest(),
        "the batch reached another state"
    );
    assert_replays(&batched);
    result
}

// Parity for the tasks capability: tests/fixtures/parity/tasks_scenario.json, run through
// the JavaScript face's generated typed methods (never the generic execute), must reach
// the journal head, digest, request states, routes and indicators the Rust face wrote
// down.
import { test } from "node:test";
import assert from "node:assert/strict";

import { Ward, indicators_from_counts, merge_indicator_counts } from "gridward";
import { parityFixture, runSteps } from "./support.mjs";

const scenario = parityFixture("tasks_scenario.json");
const expected = parityFixture("tasks_expected.json");

/** The request fields the faces compare (as the Rust runner picks them). */
function requestFields(row) {
  return {
    id: row.id,
    category: row.category,
    status: row.status,
    responsible: row.responsible,
    filer: row.filer,
    handled_by: row.handled_by,
    verified_by: row.verified_by,
    claimed_by: row.claimed_by,
    rating: row.rating,
    reopens: row.reopens,
    returns: row.returns,
    extended: row.extended,
    supervised: row.supervised,
    parked: row.parked,
    on_time: row.on_time,
    resolution_due: row.resolution_due,
    closed_at: row.closed_at,
    late_reports: row.whistles.filter((w) => w.late).length,
  };
}

/** The fields of a routing decision the faces compare. */
function routeFields(d) {
  switch (d.kind) {
    case "person": return { kind: d.kind, person: d.person };
    case "department": return { kind: d.kind, department: d.department };
    default: return { kind: d.kind, unit: d.unit };
  }
}

test("the tasks parity scenario gives the Rust face's numbers", () => {
  const ward = new Ward(scenario.config ?? undefined);
  const { errors, duplicates } = runSteps(ward, scenario.steps);

  const q = scenario.queries;
  const period = { start: q.period.from, end: q.period.to };
  const observed = {
    head: ward.head,
    digest: ward.state_digest(),
    journal_entries: ward.journal_length,
    duplicates,
    errors,
    requests: ward.tasks.requests().map(requestFields),
    indicators: ward.tasks.indicators({ scope: q.scope, ...period }),
    indicators_by: ward.tasks.indicators_by({ level: q.level, ...period }),
    indicator_counts: ward.tasks.indicator_counts({ scope: q.scope, ...period }),
    // The counts of every unit of the level, each row's unit dropped, merged into one.
    merged_indicators: indicators_from_counts({
      counts: merge_indicator_counts({
        parts: ward.tasks.indicator_counts_by({ level: q.level, ...period })
          .map((row) => ({ ...row, unit: null })),
      })[0],
    }),
    routes: q.routes.map((r) => routeFields(ward.tasks.route(r))),
    claimable: Object.fromEntries(q.claimable_by.map((person) =>
      [person, ward.tasks.claimable_by({ person }).map((r) => r.id)])),
  };
  assert.deepEqual(observed, expected);
});

test("the scenario in one batch reaches the same head as the Rust face's batch", () => {
  const batched = parityFixture("tasks_batched_expected.json");
  const ward = new Ward(scenario.config ?? null);
  const outcomes = ward.execute_batch(
    scenario.steps.map((s) => ({ command: s.command, actor: s.actor, at: s.at, key: s.key ?? null })),
  );
  const refused = (o) => o instanceof Error;
  assert.deepEqual(
    {
      head: ward.head,
      digest: ward.state_digest(),
      journal_entries: ward.journal_length,
      duplicates: outcomes.filter((o) => !refused(o) && o.duplicate).length,
      outcomes: outcomes.map((o) => (refused(o) ? o.code : null)),
    },
    batched,
  );
  // The same state as one command at a time.
  assert.equal(batched.digest, expected.digest);
  ward.free();
});

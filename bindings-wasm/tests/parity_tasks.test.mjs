// Parity for the tasks capability: tests/fixtures/parity/tasks_scenario.json, run through
// the JavaScript face's typed methods (never the generic execute), must reach the journal
// head, digest, request states, routes and indicators the Rust face wrote down.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import path from "node:path";
import { Ward, gridMethods, taskMethods, repoRoot } from "./support.mjs";

const fixtures = path.join(repoRoot, "tests", "fixtures", "parity");
const scenario = JSON.parse(readFileSync(path.join(fixtures, "tasks_scenario.json"), "utf8"));
const expected = JSON.parse(readFileSync(path.join(fixtures, "tasks_expected.json"), "utf8"));

/** Capability and command type → the typed method that runs it. */
const methods = {
  grid: gridMethods,
  tasks: taskMethods,
};

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
  const errors = [];
  let duplicates = 0;
  scenario.steps.forEach((step, i) => {
    const [capability] = Object.keys(step.command);
    const { type, ...args } = step.command[capability];
    const run = methods[capability]?.[type];
    assert.ok(run, `step ${i}: no typed method for ${capability} command ${type}`);
    const ctx = { actor: step.actor, at: step.at };
    if (step.key !== undefined) ctx.key = step.key;
    if (step.expect_error === undefined) {
      const receipt = run(ward, args, ctx);
      if (receipt.duplicate) duplicates += 1;
      return;
    }
    const head = ward.head;
    assert.throws(() => run(ward, args, ctx), (e) => {
      assert.ok(e instanceof Error);
      assert.equal(e.name, "GridwardError");
      assert.equal(e.code, step.expect_error, `step ${i}: ${e.message}`);
      return true;
    }, `step ${i} should fail with ${step.expect_error}`);
    assert.equal(ward.head, head, `step ${i}: a refused command moved the head`);
    errors.push(step.expect_error);
  });

  const q = scenario.queries;
  const observed = {
    head: ward.head,
    digest: ward.stateDigest(),
    journal_entries: ward.journalLength,
    duplicates,
    errors,
    requests: ward.requests().map(requestFields),
    indicators: ward.indicators({ scope: q.scope, from: q.period.from, to: q.period.to }),
    indicators_by: ward.indicatorsBy(q.level, q.period),
    routes: q.routes.map((r) => routeFields(ward.route(r.category, r.location))),
    claimable: Object.fromEntries(q.claimable_by.map((p) => [p, ward.claimableBy(p).map((r) => r.id)])),
  };
  assert.deepEqual(observed, expected);
});

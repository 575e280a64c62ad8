// Parity for the scoring and points capabilities: tests/fixtures/parity/points_scenario.json
// run through the JavaScript face's generated typed methods (never the generic execute)
// must reach the journal head, digest, service records, volunteers, passbooks, catalog,
// redemptions, obligations, handlers' scores, star grant preview and community rating the
// Rust face wrote down in points_expected.json.
import { test } from "node:test";
import assert from "node:assert/strict";

import { Ward, evaluate_communities } from "gridward";
import { parityFixture, runSteps } from "./support.mjs";

const scenario = parityFixture("points_scenario.json");
const expected = parityFixture("points_expected.json");
const config = scenario.config ?? undefined;

/** A person's passbook with its history, as the Rust runner writes it. */
function passbookOf(ward, person) {
  const book = ward.points.passbook({ person }) ?? { earned: 0, spent: 0, expired: 0, balance: 0, lots: [] };
  const { earned, spent, expired, balance, lots } = book;
  return { person, earned, spent, expired, balance, lots,
    history: ward.points.passbook_history({ person }) };
}

/**
 * Every service record and every redemption as the core holds them (the Rust runner's
 * form): the list queries give flat rows, so each row's id is looked up one by one; the
 * rows must name the same records, in the same order, with the same status.
 */
function structured(ward) {
  const rows = ward.scoring.service_records();
  const records = rows.map(({ id }) => ward.scoring.service_record({ id }));
  assert.deepEqual(rows.map((r) => [r.id, r.status]), records.map((r) => [r.id, r.status.status]));
  const flat = ward.points.redemptions();
  const redemptions = flat.map(({ id }) => ward.points.redemption({ id }));
  assert.deepEqual(flat.map((r) => [r.id, r.reversed_on]), redemptions.map((r) => [r.id, r.reversed?.on ?? null]));
  return { records, redemptions };
}

test("the points parity scenario gives the Rust face's numbers", () => {
  const ward = new Ward(config);
  const { errors, duplicates } = runSteps(ward, scenario.steps);

  const q = scenario.queries;
  const observed = {
    head: ward.head,
    digest: ward.state_digest(),
    journal_entries: ward.journal_length,
    errors,
    duplicates,
    ...structured(ward),
    volunteers: ward.scoring.volunteers(),
    passbooks: q.people.map((p) => passbookOf(ward, p)),
    items: ward.points.items(),
    totals: ward.points.totals(),
    obligations: ward.scoring.obligations({ unit: q.unit, start: q.from_month, end: q.to_month }),
    handler_scores: ward.scoring.handler_scores({ unit: q.unit, start: q.period_from, end: q.period_to }),
    grant_preview: ward.scoring.grant_preview({ on: q.grant_preview_on }),
    evaluation: evaluate_communities({ tree: scenario.rating.tree, data: scenario.rating.data }),
  };
  // Field by field first, so that a difference names its part.
  for (const key of Object.keys(expected)) {
    assert.deepEqual(observed[key], expected[key], key);
  }
  assert.deepEqual(observed, expected);
});

test("the journal of the points scenario replays to the same state", () => {
  const ward = new Ward(config);
  runSteps(ward, scenario.steps);
  const again = Ward.from_journal(ward.export_journal(), config);
  assert.equal(again.state_digest(), ward.state_digest());
  assert.deepEqual(again.scoring.volunteers(), ward.scoring.volunteers());
  assert.deepEqual(again.points.redemptions(), ward.points.redemptions());
});

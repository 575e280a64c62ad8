// Parity for the scoring and points capabilities: tests/fixtures/parity/points_scenario.json
// run through the JavaScript face's typed methods (never the generic execute) must reach
// the journal head, digest, service records, volunteers, passbooks, catalog, redemptions,
// obligations, handlers' scores, star grant preview and community rating the Rust face
// wrote down in points_expected.json.
import { test } from "node:test";
import assert from "node:assert/strict";
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { Ward, gridward, gridMethods, taskMethods, runSteps, repoRoot } from "./support.mjs";

const fixtures = path.join(repoRoot, "tests", "fixtures", "parity");
const scenarioFile = path.join(fixtures, "points_scenario.json");
const expectedFile = path.join(fixtures, "points_expected.json");
const missing = [scenarioFile, expectedFile].filter((f) => !existsSync(f));
// The fixtures come from the Rust parity test; without them there is nothing to compare.
const skip = missing.length > 0 ? `missing ${missing.map((f) => path.basename(f)).join(", ")}` : false;

/** Capability and command type → the typed method that runs it. */
const methods = {
  grid: gridMethods,
  tasks: taskMethods,
  scoring: {
    record_service: (w, a, c) => w.recordService(a, c),
    certify_service: (w, a, c) => w.certifyService(a, c),
    reject_service: (w, a, c) => w.rejectService(a, c),
    grant_stars: (w, a, c) => w.grantStars(a, c),
  },
  points: {
    add_item: (w, a, c) => w.addItem(a, c),
    restock: (w, a, c) => w.restock(a, c),
    earn_for_service: (w, a, c) => w.earnForService(a, c),
    earn_for_request: (w, a, c) => w.earnForRequest(a, c),
    award: (w, a, c) => w.award(a, c),
    redeem: (w, a, c) => w.redeem(a, c),
    reverse: (w, a, c) => w.reverseRedemption(a, c),
    expire: (w, a, c) => w.expirePoints(a, c),
  },
};

/** A person's passbook with its history, as the Rust runner writes it. */
function passbookOf(ward, person) {
  const book = ward.passbook(person) ?? { earned: 0, spent: 0, expired: 0, balance: 0, lots: [] };
  const { earned, spent, expired, balance, lots } = book;
  return { person, earned, spent, expired, balance, lots, history: ward.passbookHistory(person) };
}

test("the points parity scenario gives the Rust face's numbers", { skip }, () => {
  const scenario = JSON.parse(readFileSync(scenarioFile, "utf8"));
  const expected = JSON.parse(readFileSync(expectedFile, "utf8"));
  const ward = new Ward(scenario.config ?? undefined);
  const { errors, duplicates } = runSteps(ward, scenario.steps, methods);

  const q = scenario.queries;
  const observed = {
    head: ward.head,
    digest: ward.stateDigest(),
    journal_entries: ward.journalLength,
    errors,
    duplicates,
    records: ward.serviceRecords(),
    volunteers: ward.volunteers(),
    passbooks: q.people.map((p) => passbookOf(ward, p)),
    items: ward.items(),
    redemptions: ward.redemptions(),
    totals: ward.pointsTotals(),
    obligations: ward.obligations(q.unit, q.from_month, q.to_month),
    handler_scores: ward.handlerScores(q.unit, { from: q.period_from, to: q.period_to }),
    grant_preview: ward.grantPreview(q.grant_preview_on),
  };
  if ("evaluation" in expected) {
    assert.equal(typeof gridward.evaluateCommunities, "function", "evaluateCommunities is not bound");
    observed.evaluation = gridward.evaluateCommunities(scenario.rating.tree, scenario.rating.data);
  }
  // Field by field first, so that a difference names its part.
  for (const key of Object.keys(expected)) {
    assert.deepEqual(observed[key], expected[key], key);
  }
  assert.deepEqual(observed, expected);
});

test("the journal of the points scenario replays to the same state", { skip }, () => {
  const scenario = JSON.parse(readFileSync(scenarioFile, "utf8"));
  const ward = new Ward(scenario.config ?? undefined);
  runSteps(ward, scenario.steps, methods);
  const again = Ward.fromJournal(ward.exportJournal(), scenario.config ?? undefined);
  assert.equal(again.stateDigest(), ward.stateDigest());
  assert.deepEqual(again.volunteers(), ward.volunteers());
  assert.deepEqual(again.redemptions(), ward.redemptions());
});

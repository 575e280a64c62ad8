// Parity for the projects capability: tests/fixtures/parity/projects_scenario.json, a
// year of a community's project fund, run through the JavaScript face's generated typed
// methods (never the generic execute), must reach the journal head, digest, fund,
// proposals, projects, report, statement, statement check, books and every rule's
// selection the Rust face wrote down in projects_expected.json.
import { test } from "node:test";
import assert from "node:assert/strict";
import { createHash } from "node:crypto";

import { Ward, verify_projects_statement } from "gridward";
import { parityFixture, runSteps } from "./support.mjs";

const scenario = parityFixture("projects_scenario.json");
const expected = parityFixture("projects_expected.json");
const config = scenario.config ?? undefined;

const sha256 = (text) => createHash("sha256").update(text, "utf8").digest("hex");

test("the projects parity scenario gives the Rust face's numbers", () => {
  const ward = new Ward(config);
  const { errors } = runSteps(ward, scenario.steps);
  const q = scenario.queries;
  const fund = { fund: q.fund };
  const statement = ward.projects.statement(fund);
  const observed = {
    head: ward.head,
    digest: ward.state_digest(),
    journal_entries: ward.journal_length,
    errors,
    fund: ward.projects.fund({ id: q.fund }),
    proposals: ward.projects.proposals(fund),
    projects: ward.projects.projects(fund),
    report: ward.projects.report(fund),
    statement,
    verify: verify_projects_statement({ journal: ward.export_journal(), statement, config }),
    balances: ward.projects.balances(fund),
    what_if: q.what_if.map((rule) => ward.projects.what_if({ ...fund, rule })),
    // The statement's compact JSON, its fields in the order the core writes them.
    statement_sha256: sha256(JSON.stringify(statement)),
  };
  // Field by field first, so that a difference names its part.
  for (const key of Object.keys(expected)) {
    assert.deepEqual(observed[key], expected[key], key);
  }
  assert.deepEqual(observed, expected);
});

test("the generic execute reaches the same head, and the journal replays to the same state", () => {
  const ward = new Ward(config);
  for (const step of scenario.steps) {
    if (step.expect_error) continue;
    ward.execute(step.command, { actor: step.actor, at: step.at, key: step.key });
  }
  assert.equal(ward.head, expected.head);
  assert.equal(ward.state_digest(), expected.digest);
  const again = Ward.from_journal(ward.export_journal(), config);
  assert.equal(again.state_digest(), expected.digest);
  assert.deepEqual(again.projects.statement({ fund: scenario.queries.fund }), expected.statement);
});

test("the statement published as JSON verifies against the journal, and a forged figure does not", () => {
  const ward = new Ward(config);
  runSteps(ward, scenario.steps);
  const journal = ward.export_journal();
  const published = JSON.parse(JSON.stringify(expected.statement));
  assert.deepEqual(verify_projects_statement({ journal, statement: published }), expected.verify);
  const forged = { ...published, balance: "70249.00" };
  const check = verify_projects_statement({ journal, statement: forged });
  assert.equal(check.head_matches, true);
  assert.equal(check.verified, false);
});

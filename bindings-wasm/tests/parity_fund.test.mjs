// Parity for the fund and assembly capabilities: tests/fixtures/parity/fund_scenario.json,
// a year of a 24-home compound, run through the JavaScript face's generated typed methods
// (never the generic execute), must reach the journal head, digest, statement, trial
// balance, vote counts, statement check and export hashes the Rust face wrote down.
import { test } from "node:test";
import assert from "node:assert/strict";
import { createHash } from "node:crypto";

import { Ward, verify_statement } from "gridward";
import { parityFixture, runSteps } from "./support.mjs";

const sha256 = (text) => createHash("sha256").update(text, "utf8").digest("hex");

test("the fund parity scenario gives the Rust face's numbers", () => {
  const scenario = parityFixture("fund_scenario.json");
  const expected = parityFixture("fund_expected.json");
  const config = scenario.config ?? undefined;
  const ward = new Ward(config);
  const { errors, duplicates } = runSteps(ward, scenario.steps);
  const q = scenario.queries;
  const fund = { fund: q.fund };
  const statement = ward.fund.statement({ ...fund, start: q.from, end: q.to });
  const observed = {
    head: ward.head,
    digest: ward.state_digest(),
    journal_entries: ward.journal_length,
    errors,
    duplicates,
    statement,
    trial_balance: ward.fund.trial_balance(fund),
    motions: ward.assembly.motions().map((m) => ({ id: m.id, outcome: m.tally.outcome, tally: m.tally })),
    verify: verify_statement({ journal: ward.export_journal(), statement, config }),
    hledger_sha256: sha256(ward.fund.export_hledger(fund)),
    beancount_sha256: sha256(ward.fund.export_beancount(fund)),
  };
  // Field by field first, so that a difference names its part.
  for (const key of Object.keys(expected)) {
    assert.deepEqual(observed[key], expected[key], key);
  }
  assert.deepEqual(observed, expected);
});

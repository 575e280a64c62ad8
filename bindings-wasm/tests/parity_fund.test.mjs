// Parity for the fund and assembly capabilities: tests/fixtures/parity/fund_scenario.json,
// a year of a 24-home compound, run through the JavaScript face's typed methods (never
// the generic execute), must reach the journal head, digest, statement, trial balance,
// vote counts, statement check and export hashes the Rust face wrote down.
import { test } from "node:test";
import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { Ward, gridMethods, repoRoot } from "./support.mjs";

const fixtures = path.join(repoRoot, "tests", "fixtures", "parity");
const scenarioFile = path.join(fixtures, "fund_scenario.json");
const expectedFile = path.join(fixtures, "fund_expected.json");

/** Capability and command type → the typed method that runs it. */
const methods = {
  grid: gridMethods,
  fund: {
    open_fund: (w, a, c) => w.openFund(a, c),
    open_account: (w, a, c) => w.openAccount(a, c),
    post: (w, a, c) => w.post(a, c),
    reverse: (w, a, c) => w.reverse(a, c),
    bill_fees: (w, a, c) => w.billFees(a, c),
    record_payment: (w, a, c) => w.recordPayment(a, c),
    record_income: (w, a, c) => w.recordIncome(a, c),
    propose_budget: (w, a, c) => w.proposeBudget(a, c),
    propose_amendment: (w, a, c) => w.proposeAmendment(a, c),
    request_payment: (w, a, c) => w.requestPayment(a, c),
    approve_payment: (w, a, c) => w.approvePayment(a, c),
    reject_payment: (w, a, c) => w.rejectPayment(a, c),
    accrue_remuneration: (w, a, c) => w.accrueRemuneration(a, c),
    pay_remuneration: (w, a, c) => w.payRemuneration(a, c),
    propose_dividend: (w, a, c) => w.proposeDividend(a, c),
    pay_dividend: (w, a, c) => w.payDividend(a, c),
  },
  assembly: {
    set_owner: (w, a, c) => w.setOwner(a, c),
    open_motion: (w, a, c) => w.openMotion(a, c),
    cast_vote: (w, a, c) => w.castVote(a, c),
    close_motion: (w, a, c) => w.closeMotion(a, c),
  },
};

const sha256 = (text) => createHash("sha256").update(text, "utf8").digest("hex");

/** Runs the scenario's steps through the typed methods; returns the ward and what it saw. */
function runFundScenario(scenario) {
  const ward = new Ward(scenario.config ?? undefined);
  const errors = [];
  let duplicates = 0;
  scenario.steps.forEach((step, i) => {
    const [capability] = Object.keys(step.command);
    const { type, ...args } = step.command[capability];
    const run = methods[capability]?.[type];
    assert.ok(run, `step ${i}: no typed method for ${capability} command ${type}`);
    const ctx = { actor: step.actor, at: step.at };
    if (step.key !== undefined && step.key !== null) ctx.key = step.key;
    if (step.expect_error === undefined || step.expect_error === null) {
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
  return { ward, errors, duplicates };
}

test("the fund parity scenario gives the Rust face's numbers", { skip: !existsSync(expectedFile) && "fund_expected.json not written yet" }, () => {
  const scenario = JSON.parse(readFileSync(scenarioFile, "utf8"));
  const expected = JSON.parse(readFileSync(expectedFile, "utf8"));
  const { ward, errors, duplicates } = runFundScenario(scenario);
  const q = scenario.queries;
  const statement = ward.statement(q.fund, q.from, q.to);
  const observed = {
    head: ward.head,
    digest: ward.stateDigest(),
    journal_entries: ward.journalLength,
    errors,
    duplicates,
    statement,
    trial_balance: ward.trialBalance(q.fund),
    motions: ward.motions().map((m) => ({ id: m.id, outcome: m.tally.outcome, tally: m.tally })),
    verify: Ward.verifyStatement(ward.exportJournal(), statement, scenario.config ?? undefined),
    hledger_sha256: sha256(ward.exportHledger(q.fund)),
    beancount_sha256: sha256(ward.exportBeancount(q.fund)),
  };
  assert.deepEqual(observed, expected);
});

// Parity: the scenario in tests/fixtures/parity, run through the JavaScript face's typed
// methods, must reach the same head, digest and numbers as the Rust face wrote down.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import path from "node:path";
import { Ward, repoRoot } from "./support.mjs";

const fixtures = path.join(repoRoot, "tests", "fixtures", "parity");
const scenario = JSON.parse(readFileSync(path.join(fixtures, "grid_scenario.json"), "utf8"));
const expected = JSON.parse(readFileSync(path.join(fixtures, "grid_expected.json"), "utf8"));

/** Command type → the typed method that runs it (never the generic execute). */
const methods = {
  add_unit: (w, a, c) => w.addUnit(a, c),
  rename_unit: (w, a, c) => w.renameUnit(a, c),
  set_domains: (w, a, c) => w.setDomains(a, c),
  retire_unit: (w, a, c) => w.retireUnit(a, c),
  add_household: (w, a, c) => w.addHousehold(a, c),
  move_household: (w, a, c) => w.moveHousehold(a, c),
  add_person: (w, a, c) => w.addPerson(a, c),
  register_resident: (w, a, c) => w.registerResident(a, c),
  grant_role: (w, a, c) => w.grantRole(a, c),
  revoke_role: (w, a, c) => w.revokeRole(a, c),
  add_department: (w, a, c) => w.addDepartment(a, c),
  add_paired_unit: (w, a, c) => w.addPairedUnit(a, c),
  import: (w, a, c) => w.importRows(a.rows, c),
  issue_directive: (w, a, c) => w.issueDirective(a, c),
  acknowledge: (w, a, c) => w.acknowledge(a, c),
};

function pick(object, keys) {
  return Object.fromEntries(keys.map((k) => [k, object[k]]));
}

test("the parity scenario gives the Rust face's numbers", () => {
  const ward = new Ward();
  const errors = [];
  scenario.steps.forEach((step, i) => {
    const { type, ...args } = step.command;
    const run = methods[type];
    assert.ok(run, `step ${i}: no typed method for command type ${type}`);
    const ctx = { actor: step.actor, at: step.at };
    if (step.key !== undefined) ctx.key = step.key;
    if (step.expect_error === undefined) {
      run(ward, args, ctx);
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
  const coverage = ward.coverage();
  const progress = ward.directiveProgress(q.directive);
  const chain = ward.chain(q.chain_household, q.chain_domain);
  const observed = {
    head: ward.head,
    digest: ward.stateDigest(),
    journal_entries: ward.journalLength,
    counts: ward.counts(),
    coverage: pick(coverage, ["scope", "households", "micro_grids", "unassigned_households",
      "out_of_band", "without_party_member", "without_leader"]),
    progress: pick(progress, ["targets", "acknowledged", "completion_rate", "late",
      "first_after_secs", "last_after_secs"]),
    progress_by: ward.directiveProgressBy(q.directive, q.progress_level),
    chain: {
      household: chain.household,
      domain: chain.domain,
      links: chain.links.map((l) => ({
        code: l.code,
        responders: l.responders.map((r) => ({ person: r.person, role: r.role })),
      })),
      departments: chain.departments.map((d) => d.id),
    },
    errors,
  };
  assert.deepEqual(observed, expected);
});

// Shared helpers of the Node tests: the built package (pkg/node) and a small community.
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import path from "node:path";
import assert from "node:assert/strict";

const require = createRequire(import.meta.url);
const here = path.dirname(fileURLToPath(import.meta.url));

/** The repository root. */
export const repoRoot = path.resolve(here, "..", "..");

/** The built Node package; build it first with scripts/build-wasm.sh. */
export const gridward = require("../pkg/node/gridward.js");
export const { Ward, verifyJournal, isGridwardError } = gridward;

export const AT = "2026-03-02T09:00:00+08:00";
export const DISTRICT = "510105";
export const STREET = "510105001";
export const COMMUNITY = "510105001001";
export const GRID = "510105001001001";
export const MICRO1 = "510105001001001001";
export const MICRO2 = "510105001001001002";

/**
 * A small community: district → street → community → one grid → two micro-grids, three
 * households, a chief grid leader, a micro-grid worker at MICRO1 and a resident.
 */
export function smallWard(config) {
  const ward = new Ward(config);
  const sys = { at: AT };
  ward.addUnit({ code: DISTRICT, name: "青羊区" }, sys);
  ward.addUnit({ code: STREET, name: "草市街街道" }, sys);
  ward.addUnit({ code: COMMUNITY, name: "吉福社区" }, sys);
  ward.addUnit({ code: GRID, name: "一号院落网格" }, sys);
  ward.addUnit({ code: MICRO1, name: "1栋微网格" }, sys);
  ward.addUnit({ code: MICRO2, name: "2栋微网格" }, sys);
  ward.addPerson({ id: "chief", name: "李书记", phone: "13800000001" }, sys);
  ward.grantRole({ person: "chief", role: "chief_grid_leader", unit: COMMUNITY }, sys);
  ward.addPerson({ id: "w1", name: "王网格员" }, sys);
  ward.grantRole({ person: "w1", role: "micro_grid_worker", unit: MICRO1 }, sys);
  ward.addHousehold({ id: "1-101", unit: MICRO1, area: "72.00" }, sys);
  ward.addHousehold({ id: "1-102", unit: MICRO1, area: "89.50" }, sys);
  ward.addHousehold({ id: "2-101", unit: MICRO2, area: "101.25" }, sys);
  ward.addPerson({ id: "r1", name: "赵居民", party_member: true }, sys);
  ward.registerResident({ person: "r1", household: "1-101" }, sys);
  return ward;
}

/** Asserts that `fn` throws a GridwardError with this code (and kind, if given). */
export function assertGridwardError(fn, code, kind) {
  let caught;
  try {
    fn();
  } catch (e) {
    caught = e;
  }
  assert.ok(caught !== undefined, `expected a GridwardError ${code}, nothing was thrown`);
  assert.ok(caught instanceof Error, `expected an Error, got ${typeof caught}: ${caught}`);
  assert.equal(caught.name, "GridwardError");
  assert.equal(caught.code, code, `code of: ${caught.message}`);
  if (kind !== undefined) assert.equal(caught.kind, kind, `kind of: ${caught.message}`);
  assert.equal(typeof caught.message, "string");
  assert.ok(caught.message.length > 0);
  assert.ok(isGridwardError(caught));
  return caught;
}

/** Asserts that an area came out as a decimal string of this value ("66" or "66.00"). */
export function assertArea(area, expected) {
  assert.equal(typeof area, "string");
  assert.match(area, /^\d+(\.\d+)?$/);
  assert.equal(Number(area), Number(expected), `${area} vs ${expected}`);
}

/** Grid command type → the typed method that runs it, for the parity tests' dispatchers. */
export const gridMethods = {
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

/** Task command type → the typed method that runs it, for the parity tests' dispatchers. */
export const taskMethods = {
  file: (w, a, c) => w.fileRequest(a, c),
  dispatch: (w, a, c) => w.dispatch(a, c),
  claim: (w, a, c) => w.claim(a, c),
  release_claim: (w, a, c) => w.releaseClaim(a, c),
  offer_handover: (w, a, c) => w.offerHandover(a, c),
  accept_handover: (w, a, c) => w.acceptHandover(a, c),
  start: (w, a, c) => w.start(a, c),
  handle: (w, a, c) => w.handle(a, c),
  verify: (w, a, c) => w.verify(a, c),
  return: (w, a, c) => w.returnRequest(a, c),
  cancel: (w, a, c) => w.cancel(a, c),
  mark_duplicate: (w, a, c) => w.markDuplicate(a, c),
  reopen: (w, a, c) => w.reopen(a, c),
  rate: (w, a, c) => w.rate(a, c),
  extend: (w, a, c) => w.extend(a, c),
  whistle: (w, a, c) => w.whistle(a, c),
  report: (w, a, c) => w.report(a, c),
  supervise: (w, a, c) => w.supervise(a, c),
  sweep: (w, a, c) => w.sweep(a, c),
  set_skills: (w, a, c) => w.setSkills(a, c),
  appoint_officer: (w, a, c) => w.appointOfficer(a, c),
  remove_officer: (w, a, c) => w.removeOfficer(a, c),
  import: (w, a, c) => w.importRequests(a.requests, c),
};

/**
 * Runs a parity scenario's steps on `ward` through the typed methods of `methods`
 * (capability → command type → method): each expected error must be thrown with its code
 * and leave the head where it was. Returns the codes of the refused steps, in order, and
 * how many receipts were duplicates.
 */
export function runSteps(ward, steps, methods) {
  const errors = [];
  let duplicates = 0;
  steps.forEach((step, i) => {
    const [capability] = Object.keys(step.command);
    const { type, ...args } = step.command[capability];
    const run = methods[capability]?.[type];
    assert.ok(run, `step ${i}: no typed method for ${capability} command ${type}`);
    const ctx = { actor: step.actor, at: step.at };
    if (step.key !== undefined && step.key !== null) ctx.key = step.key;
    if (step.expect_error === undefined || step.expect_error === null) {
      if (run(ward, args, ctx).duplicate) duplicates += 1;
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
  return { errors, duplicates };
}

// Refusals: typed errors, permission, idempotency, bad input — and a refused command
// leaves the journal exactly as it was.
import { test } from "node:test";
import assert from "node:assert/strict";
import {
  smallWard, assertGridwardError, isGridwardError, AT, GRID, MICRO1, MICRO2, COMMUNITY,
} from "./support.mjs";

const sys = { at: AT };

/** Runs `fn`, expects the error, and checks that the ward did not change. */
function refused(ward, fn, code, kind) {
  const head = ward.head;
  const length = ward.journalLength;
  const digest = ward.stateDigest();
  const err = assertGridwardError(fn, code, kind);
  assert.equal(ward.head, head, "a refused command must leave the head unchanged");
  assert.equal(ward.journalLength, length);
  assert.equal(ward.stateDigest(), digest);
  return err;
}

test("a resident may not change the structure; nothing changes", () => {
  const ward = smallWard();
  const err = refused(ward,
    () => ward.renameUnit({ code: MICRO1, name: "改名" }, { actor: "r1", at: AT }),
    "permission_denied", "permission_denied");
  assert.match(err.message, /r1/);
  assert.equal(ward.unit(MICRO1).name, "1栋微网格");
});

test("a micro-grid worker keeps households only in their own micro-grid", () => {
  const ward = smallWard();
  ward.addHousehold({ id: "ok", unit: MICRO1, area: "50" }, { actor: "w1", at: AT });
  refused(ward,
    () => ward.addHousehold({ id: "x", unit: MICRO2, area: "50" }, { actor: "w1", at: AT }),
    "permission_denied", "permission_denied");
  refused(ward,
    () => ward.addUnit({ code: "510105001001001003", name: "x" }, { actor: "ghost", at: AT }),
    "unknown_actor", "permission_denied");
});

test("errors are real Error objects with a stable code and kind", () => {
  const ward = smallWard();
  const cases = [
    [() => ward.addUnit({ code: GRID, name: "重复" }, sys), "unit_exists", "conflict"],
    [() => ward.addUnit({ code: "510105001001009001", name: "孤儿" }, sys), "parent_missing", "not_found"],
    [() => ward.addUnit({ code: "5101x5", name: "x" }, sys), "invalid_code", "invalid"],
    [() => ward.addHousehold({ id: "b", unit: MICRO1, area: "-3" }, sys), "bad_area", "invalid"],
    [() => ward.addHousehold({ id: "b", unit: MICRO1, area: "72.555" }, sys), "bad_area", "invalid"],
    [() => ward.moveHousehold({ id: "nobody", to: MICRO1 }, sys), "unknown_household", "not_found"],
    [() => ward.grantRole({ person: "r1", role: "grid_leader", unit: MICRO1 }, sys), "role_level", "invalid"],
    [() => ward.retireUnit({ code: MICRO1 }, sys), "unit_not_empty", "conflict"],
    [() => ward.acknowledge({ directive: "none", households: ["1-101"] }, sys), "unknown_directive", "not_found"],
    [() => ward.importRows([
      { kind: "household", id: "i1", unit: MICRO1, area: "50" },
      { kind: "household", id: "i1", unit: MICRO1, area: "50" },
    ], sys), "household_exists", "conflict"],
  ];
  for (const [fn, code, kind] of cases) refused(ward, fn, code, kind);
  assert.equal(ward.household("i1"), null, "a refused import applies no row");
});

test("queries throw for unknown or malformed names", () => {
  const ward = smallWard();
  assertGridwardError(() => ward.subtree("510105009"), "unknown_unit", "not_found");
  assertGridwardError(() => ward.subtree("abc"), "invalid_code", "invalid");
  assertGridwardError(() => ward.children("510105009"), "unknown_unit", "not_found");
  assertGridwardError(() => ward.chain("nobody", "fire_safety"), "unknown_household", "not_found");
  assertGridwardError(() => ward.directiveProgress("none"), "unknown_directive", "not_found");
  assertGridwardError(() => ward.directiveProgressBy("none", "grid"), "unknown_directive", "not_found");
  ward.issueDirective({ id: "d", unit: GRID, title: "t" }, sys);
  assertGridwardError(() => ward.directiveProgressBy("d", "block"), "invalid_level", "invalid");
  assertGridwardError(() => ward.counts("510105009"), "unknown_unit", "not_found");
});

test("JavaScript input of the wrong shape is an invalid error with its own code", () => {
  const ward = smallWard();
  const code = "510105001001001003";
  const bad = [
    [() => ward.addPerson({ id: "p", name: "x", partyMember: true }, sys), "invalid_command"],
    [() => ward.addUnit({ code }, sys), "invalid_command"],
    [() => ward.addUnit(code, sys), "invalid_command"],
    [() => ward.addUnit({ code, name: "x", type: "rename_unit" }, sys), "invalid_command"],
    [() => ward.execute({ type: "fly", code: GRID }, sys), "invalid_command"],
    [() => ward.addUnit({ code, name: "x" }, { at: "2026-03-02T09:00:00" }), "invalid_datetime"],
    [() => ward.addUnit({ code, name: "x" }, { at: "yesterday" }), "invalid_datetime"],
    [() => ward.addUnit({ code, name: "x" }, { at: new Date(NaN) }), "invalid_datetime"],
    [() => ward.issueDirective({ id: "d", unit: GRID, title: "t", due: "tomorrow" }, sys),
      "invalid_datetime"],
    [() => ward.addUnit({ code, name: "x" }, { actor: 7, at: AT }), "invalid_context"],
    [() => ward.addUnit({ code, name: "x" }, { idempotencyKey: "k" }), "invalid_context"],
    [() => ward.addUnit({ code, name: "x" }, "chief"), "invalid_context"],
    [() => ward.addHousehold({ id: "n", unit: MICRO1, area: NaN }, sys), "invalid_decimal"],
    [() => ward.addHousehold({ id: "n", unit: MICRO1, area: "lots" }, sys), "invalid_decimal"],
    [() => ward.importRows([{ kind: "household", id: "n", unit: MICRO1, area: Infinity }], sys),
      "invalid_decimal"],
    [() => ward.importRows({ kind: "unit" }, sys), "invalid_row"],
    [() => ward.importRows([{ kind: "unit", code, name: "x" }, { kind: "flat" }], sys),
      "invalid_row"],
    [() => ward.execute({ type: "import", rows: [{ kind: "flat" }] }, sys), "invalid_row"],
  ];
  for (const [fn, code_] of bad) {
    const err = refused(ward, fn, code_, "invalid");
    assert.ok(err.message.length > 10, err.message);
  }
  const rowError = assertGridwardError(
    () => ward.importRows([{ kind: "unit", code, name: "x" }, { kind: "flat" }], sys), "invalid_row");
  assert.match(rowError.message, /import row 1/);
  assertGridwardError(() => new (ward.constructor)({ grid: { coverage: { band: 3 } } }),
    "invalid_config", "invalid");
  assertGridwardError(() => ward.chain("1-101", "weather"), "invalid_domain", "invalid");
  assertGridwardError(() => ward.coverage(null, { band: "wide" }), "invalid_rules", "invalid");
});

test("a retry under the same key is a duplicate; another command under it conflicts", () => {
  const ward = smallWard();
  const ctx = { actor: "chief", at: AT, key: "issue-d1" };
  const cmd = { id: "d1", unit: COMMUNITY, title: "燃气安全入户排查" };
  const first = ward.issueDirective(cmd, ctx);
  assert.equal(first.duplicate, false);
  assert.equal(first.events, 1);
  const head = ward.head;
  const retry = ward.issueDirective(cmd, { ...ctx, at: "2026-03-02T09:05:00+08:00" });
  assert.deepEqual(retry, { seq: first.seq, events: 0, head, duplicate: true });
  assert.equal(ward.journalLength, first.seq);
  const err = refused(ward,
    () => ward.renameUnit({ code: GRID, name: "x" }, ctx),
    "idempotency_conflict", "conflict");
  assert.match(err.message, /issue-d1/);
  // The same key from another actor is another command, hence a conflict too.
  refused(ward, () => ward.issueDirective(cmd, { ...ctx, actor: null }),
    "idempotency_conflict", "conflict");
  refused(ward, () => ward.renameUnit({ code: GRID, name: "x" }, { at: AT, key: "" }),
    "bad_text", "invalid");
});

test("isGridwardError tells Gridward's errors from others", () => {
  assert.equal(isGridwardError(new Error("x")), false);
  assert.equal(isGridwardError("unit_exists"), false);
  assert.equal(isGridwardError(undefined), false);
  const e = new Error("y");
  e.name = "GridwardError";
  e.code = "made_up";
  assert.equal(isGridwardError(e), true);
});

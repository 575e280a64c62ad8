// Refusals: typed errors, permission, idempotency, bad input — and a refused command
// leaves the journal exactly as it was.
import { test } from "node:test";
import assert from "node:assert/strict";

import { Ward, is_gridward_error } from "gridward";
import {
  smallWard, assertGridwardError, assertBadInput, refused, AT, GRID, MICRO1, MICRO2, COMMUNITY,
} from "./support.mjs";

const sys = { at: AT };

test("a resident may not change the structure; nothing changes", () => {
  const ward = smallWard();
  const err = refused(ward,
    () => ward.grid.rename_unit({ code: MICRO1, name: "改名" }, { actor: "r1", at: AT }),
    "permission_denied", "permission_denied");
  assert.match(err.message, /r1/);
  assert.equal(err.field, null);
  assert.equal(ward.grid.unit({ code: MICRO1 }).name, "1栋微网格");
});

test("a micro-grid worker keeps households only in their own micro-grid", () => {
  const ward = smallWard();
  ward.grid.add_household({ id: "ok", unit: MICRO1, area: "50" }, { actor: "w1", at: AT });
  refused(ward,
    () => ward.grid.add_household({ id: "x", unit: MICRO2, area: "50" }, { actor: "w1", at: AT }),
    "permission_denied", "permission_denied");
  refused(ward,
    () => ward.grid.add_unit({ code: "510105001001001003", name: "x" }, { actor: "ghost", at: AT }),
    "unknown_actor", "permission_denied");
});

test("errors are real Error objects with a stable code and kind", () => {
  const ward = smallWard();
  const { grid } = ward;
  const cases = [
    [() => grid.add_unit({ code: GRID, name: "重复" }, sys), "unit_exists", "conflict"],
    [() => grid.add_unit({ code: "510105001001009001", name: "孤儿" }, sys), "parent_missing", "not_found"],
    [() => grid.add_household({ id: "b", unit: MICRO1, area: "-3" }, sys), "bad_area", "invalid"],
    [() => grid.add_household({ id: "b", unit: MICRO1, area: "72.555" }, sys), "bad_area", "invalid"],
    [() => grid.move_household({ id: "nobody", to: MICRO1 }, sys), "unknown_household", "not_found"],
    [() => grid.grant_role({ person: "r1", role: "grid_leader", unit: MICRO1 }, sys), "role_level", "invalid"],
    [() => grid.retire_unit({ code: MICRO1 }, sys), "unit_not_empty", "conflict"],
    [() => grid.acknowledge({ directive: "none", households: ["1-101"] }, sys), "unknown_directive", "not_found"],
    [() => grid.import_rows({ rows: [
      { kind: "household", id: "i1", unit: MICRO1, area: "50" },
      { kind: "household", id: "i1", unit: MICRO1, area: "50" },
    ] }, sys), "household_exists", "conflict"],
  ];
  for (const [fn, code, kind] of cases) {
    const err = refused(ward, fn, code, kind);
    // The core's own refusals name no field; only bad input does.
    assert.equal(err.field, null, code);
  }
  assert.equal(grid.household({ id: "i1" }), null, "a refused import applies no row");
});

test("queries throw for unknown or malformed names", () => {
  const ward = smallWard();
  const { grid } = ward;
  assertGridwardError(() => grid.subtree({ code: "510105009" }), "unknown_unit", "not_found");
  assertGridwardError(() => grid.children({ code: "510105009" }), "unknown_unit", "not_found");
  assertGridwardError(() => grid.chain({ household: "nobody", domain: "fire_safety" }),
    "unknown_household", "not_found");
  assertGridwardError(() => grid.directive_progress({ id: "none" }), "unknown_directive", "not_found");
  assertGridwardError(() => grid.directive_progress_by({ id: "none", level: "grid" }),
    "unknown_directive", "not_found");
  assertGridwardError(() => grid.counts({ scope: "510105009" }), "unknown_unit", "not_found");
  grid.issue_directive({ id: "d", unit: GRID, title: "t" }, sys);
  // Malformed names are bad input, refused by their described type with the field named.
  const malformed = [
    [() => grid.subtree({ code: "abc" }), "bad_format", "code"],
    [() => grid.directive_progress_by({ id: "d", level: "block" }), "unknown_value", "level"],
    [() => grid.chain({ household: "1-101", domain: "weather" }), "unknown_value", "domain"],
    [() => grid.coverage({ rules: { band: "wide" } }), "wrong_type", "rules.band"],
  ];
  for (const [fn, code, field] of malformed) {
    assertBadInput(fn, code, field);
  }
});

test("input of the wrong shape is refused with a generic code naming the field", () => {
  const ward = smallWard();
  const { grid } = ward;
  const code = "510105001001001003";
  const bad = [
    [() => grid.add_unit({ code: "5101x5", name: "x" }, sys), "bad_format", "code"],
    [() => grid.add_person({ id: "p", name: "x", partyMember: true }, sys), "unknown_field", "partyMember"],
    [() => grid.add_unit({ code }, sys), "missing_field", "name"],
    [() => grid.add_unit(code, sys), "wrong_type", null],
    [() => grid.add_unit({ code, name: "x", type: "rename_unit" }, sys), "unknown_field", "type"],
    [() => ward.execute({ grid: { type: "fly", code: GRID } }, sys), "unknown_value", "grid.type"],
    [() => grid.add_unit({ code, name: "x" }, { at: "2026-03-02T09:00:00" }), "naive_datetime", "context.at"],
    [() => grid.add_unit({ code, name: "x" }, { at: "yesterday" }), "bad_format", "context.at"],
    [() => grid.add_unit({ code, name: "x" }, { at: new Date(NaN) }), "bad_format", "context.at"],
    [() => grid.issue_directive({ id: "d", unit: GRID, title: "t", due: "tomorrow" }, sys), "bad_format", "due"],
    [() => grid.add_unit({ code, name: "x" }, { actor: 7, at: AT }), "wrong_type", "context.actor"],
    [() => grid.add_unit({ code, name: "x" }, { idempotencyKey: "k" }), "unknown_field", "context.idempotencyKey"],
    [() => grid.add_unit({ code, name: "x" }, "chief"), "wrong_type", "context"],
    [() => grid.add_household({ id: "n", unit: MICRO1, area: NaN }, sys), "float_not_allowed", "area"],
    [() => grid.add_household({ id: "n", unit: MICRO1, area: "lots" }, sys), "bad_format", "area"],
    [() => grid.import_rows({ rows: [{ kind: "household", id: "n", unit: MICRO1, area: Infinity }] }, sys),
      "float_not_allowed", "rows[0].area"],
    [() => grid.import_rows({ rows: { kind: "unit" } }, sys), "wrong_type", "rows"],
    [() => grid.import_rows({ rows: [{ kind: "unit", code, name: "x" }, { kind: "flat" }] }, sys),
      "unknown_value", "rows[1].kind"],
    [() => ward.execute({ grid: { type: "import", rows: [{ kind: "flat" }] } }, sys),
      "unknown_value", "grid.rows[0].kind"],
  ];
  for (const [fn, code_, field] of bad) {
    const err = refused(ward, fn, code_, "invalid");
    assert.equal(err.field, field, err.message);
    assert.ok(err.message.length > 10, err.message);
    // The whole value at fault names no field; its message speaks of "the value".
    assert.ok(err.message.startsWith(field ?? "the value"), err.message);
  }
  assertBadInput(() => new Ward({ grid: { coverage: { band: 3 } } }), "wrong_type", "config.grid.coverage.band");
});

test("a retry under the same key is a duplicate; another command under it conflicts", () => {
  const ward = smallWard();
  const ctx = { actor: "chief", at: AT, key: "issue-d1" };
  const cmd = { id: "d1", unit: COMMUNITY, title: "燃气安全入户排查" };
  const first = ward.grid.issue_directive(cmd, ctx);
  assert.equal(first.duplicate, false);
  assert.equal(first.events, 1);
  const head = ward.head;
  const retry = ward.grid.issue_directive(cmd, { ...ctx, at: "2026-03-02T09:05:00+08:00" });
  assert.deepEqual(retry, { seq: first.seq, events: 0, head, duplicate: true });
  assert.equal(ward.journal_length, first.seq);
  const err = refused(ward,
    () => ward.grid.rename_unit({ code: GRID, name: "x" }, ctx),
    "idempotency_conflict", "conflict");
  assert.match(err.message, /issue-d1/);
  // The same key from another actor is another command, hence a conflict too.
  refused(ward, () => ward.grid.issue_directive(cmd, { ...ctx, actor: null }),
    "idempotency_conflict", "conflict");
  refused(ward, () => ward.grid.rename_unit({ code: GRID, name: "x" }, { at: AT, key: "" }),
    "bad_text", "invalid");
});

test("is_gridward_error tells Gridward's errors from others", () => {
  assert.equal(is_gridward_error(new Error("x")), false);
  assert.equal(is_gridward_error("unit_exists"), false);
  assert.equal(is_gridward_error(undefined), false);
  const e = new Error("y");
  e.name = "GridwardError";
  e.code = "made_up";
  assert.equal(is_gridward_error(e), true);
});

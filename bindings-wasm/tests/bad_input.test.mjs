// Bad input gets the same typed error on every face: the cases the Python face runs,
// from the shared fixture generated from the description and confirmed against the
// core. Each gives one field of a command a value of the wrong type; the method must
// throw a GridwardError with the fixture's code, naming its field, and change nothing.
import { test } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";

import { Ward } from "gridward";
import { repoRoot } from "./support.mjs";

const fixture = path.join(repoRoot, "tests", "fixtures", "parity", "bad_input.json");
const { cases } = JSON.parse(fs.readFileSync(fixture, "utf8"));

function ward() {
  const w = new Ward();
  w.grid.add_unit({ code: "510105", name: "青羊区" }, { at: "2026-03-02T09:00:00+08:00" });
  return w;
}

test("every field of every command refuses a value of the wrong type", () => {
  assert.ok(cases.length > 100);
  for (const c of cases) {
    const w = ward();
    const before = [w.head, w.state_digest()];
    let caught;
    try {
      w[c.capability][c.method](c.args);
    } catch (e) {
      caught = e;
    }
    const where = `${c.capability}.${c.method} ${c.field}`;
    assert.ok(caught instanceof Error, `${where}: nothing was thrown`);
    assert.equal(caught.name, "GridwardError", where);
    assert.deepEqual([caught.code, caught.field, caught.kind], [c.code, c.field, "invalid"], where);
    assert.ok(caught.message.includes(c.field), `${where}: ${caught.message}`);
    assert.deepEqual([w.head, w.state_digest()], before, `${where}: the ward changed`);
  }
});

test("a Date is a date-time with its offset, and only a whole number is a decimal", () => {
  const w = ward();
  const at = new Date("2026-03-02T01:00:00Z");
  for (const [code, name] of [["510105001", "街道"], ["510105001001", "社区"], ["510105001001001", "网格"], ["510105001001001001", "1栋"]]) {
    w.grid.add_unit({ code, name }, { at });
  }
  assert.throws(
    () => w.grid.add_household({ id: "h", unit: "510105001001001001", area: 72.5 }),
    (e) => e.code === "float_not_allowed" && e.field === "area",
  );
  // A whole number is exact, and reads as the decimal it is.
  w.grid.add_household({ id: "h", unit: "510105001001001001", area: 72 }, { at });
  assert.equal(w.grid.household({ id: "h" }).area, "72.00");
});

// Holiday presets through the JavaScript face: the State Council's tables of 2025 and 2026
// are in the default calendar, a configuration selects them by name, a deadline through a
// year without a table carries a typed warning, and a strict calendar refuses it.
import { test } from "node:test";
import assert from "node:assert/strict";

import { Ward, deadline } from "gridward";
import { assertBadInput, assertGridwardError, refused } from "./support.mjs";
import { requestsWard, file } from "./tasks_support.mjs";

/** Friday 3 April 2026, before Qingming (Saturday 4 to Monday 6 April off). */
const BEFORE_QINGMING = "2026-04-03T09:00:00+08:00";
/** Friday 5 February 2027: no State Council table for 2027 is built in. */
const IN_2027 = "2027-02-05T09:00:00+08:00";

const withCalendar = (calendar) => requestsWard({ tasks: { calendar } });

test("the default calendar keeps Qingming", () => {
  const ward = requestsWard();
  file(ward, "r1", BEFORE_QINGMING, "q1", "exposed_rubbish");
  const q1 = ward.tasks.request({ id: "q1" });
  assert.equal(q1.resolution_due, "2026-04-07T09:00:00+08:00");
  assert.deepEqual(q1.calendar_warnings, []);
  assert.deepEqual(ward.config().tasks.calendar.presets, ["cn-2025", "cn-2026"]);
});

test("a preset is selected by name", () => {
  const ward = withCalendar({ presets: ["cn-2026"] });
  file(ward, "r1", BEFORE_QINGMING, "q1", "exposed_rubbish");
  assert.equal(ward.tasks.request({ id: "q1" }).resolution_due, "2026-04-07T09:00:00+08:00");
});

test("no presets counts the holiday as a working day and warns of it", () => {
  const ward = withCalendar({ presets: [] });
  file(ward, "r1", BEFORE_QINGMING, "q1", "exposed_rubbish");
  const q1 = ward.tasks.request({ id: "q1" });
  assert.equal(q1.resolution_due, "2026-04-06T09:00:00+08:00");
  assert.deepEqual(q1.calendar_warnings, [{ code: "uncovered_year", year: 2026 }]);
});

test("a year without a table is warned of, unless declared covered", () => {
  const ward = requestsWard();
  file(ward, "r1", IN_2027, "q1", "exposed_rubbish");
  const q1 = ward.tasks.request({ id: "q1" });
  assert.equal(q1.resolution_due, "2027-02-08T09:00:00+08:00");
  assert.deepEqual(q1.calendar_warnings, [{ code: "uncovered_year", year: 2027 }]);

  const declared = withCalendar({ covered_years: [2027] });
  file(declared, "r1", IN_2027, "q1", "exposed_rubbish");
  assert.deepEqual(declared.tasks.request({ id: "q1" }).calendar_warnings, []);
});

test("a strict calendar refuses a deadline through 2027 and the ward stays", () => {
  const ward = withCalendar({ strict: true });
  const error = refused(ward, () => file(ward, "r1", IN_2027, "q1", "exposed_rubbish"),
    "uncovered_year", "invalid");
  assert.match(error.message, /2027/);
  assert.equal(ward.tasks.request({ id: "q1" }), null);
  file(ward, "r1", BEFORE_QINGMING, "q2", "exposed_rubbish");
  assert.equal(ward.tasks.request({ id: "q2" }).resolution_due, "2026-04-07T09:00:00+08:00");
});

test("an unknown preset is refused with its field named", () => {
  for (const presets of [["cn-2099"], ["2026"]]) {
    assertBadInput(() => new Ward({ tasks: { calendar: { presets } } }), "unknown_value",
      "config.tasks.calendar.presets[0]");
  }
});

test("the deadline function counts on any calendar", () => {
  assert.deepEqual(deadline({ start: BEFORE_QINGMING, limit: "1wd" }),
    { due: "2026-04-07T09:00:00+08:00", warnings: [] });
  assert.equal(deadline({ start: "2026-02-14T10:00:00+08:00",
    limit: { amount: 1, unit: "working_days" } }).due, "2026-02-24T10:00:00+08:00");
  assert.deepEqual(deadline({ start: IN_2027, limit: "24h" }),
    { due: "2027-02-06T09:00:00+08:00", warnings: [] });
  assert.deepEqual(deadline({ start: IN_2027, limit: "5wd" }).warnings,
    [{ code: "uncovered_year", year: 2027 }]);
  assertGridwardError(() => deadline({ start: IN_2027, limit: "5wd",
    calendar: { presets: ["cn-2026"], strict: true } }), "uncovered_year", "invalid");
});

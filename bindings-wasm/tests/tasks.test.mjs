// Task routing through the JavaScript face: the request cycle file → dispatch → claim →
// start → handle → verify → rate, and returns, escalations, sweeps, extensions,
// duplicates, cancellations, handovers, imports, refusals and indicators.
import { test } from "node:test";
import assert from "node:assert/strict";

import { Ward } from "gridward";
import { COMMUNITY, GRID, MICRO1, MICRO2, STREET, assertGridwardError, assertBadInput, refused } from "./support.mjs";
import { requestsWard, file, MONDAY, on, HOME1, HOME2 } from "./tasks_support.mjs";

test("the whole cycle: file → dispatch → claim → start → handle → verify → rate", () => {
  const ward = requestsWard({ tasks: { dispatch_on_filing: false } });
  const filed = file(ward, "r1", MONDAY, "h1", "neighbour_help");
  assert.equal(filed.events, 1);
  let row = ward.tasks.request({ id: "h1" });
  assert.equal(row.status, "filed");
  assert.equal(row.filer, "r1");
  assert.equal(row.household, HOME1);
  assert.equal(row.unit, MICRO1);
  assert.equal(row.dispatcher, COMMUNITY);
  assert.equal(row.filed_at, MONDAY);
  assert.equal(row.response_due, null);
  assert.equal(ward.tasks.request({ id: "nope" }), null);

  // The routing rules would pool it where a party member can claim it.
  assert.deepEqual(ward.tasks.route({ category: "neighbour_help", location: { household: HOME1 } }),
    { kind: "pool", unit: MICRO1, status: "pooled" });
  ward.tasks.dispatch({ request: "h1" }, { actor: "chief", at: on(2, "09:10") });
  row = ward.tasks.request({ id: "h1" });
  assert.equal(row.status, "pooled");
  assert.deepEqual(row.responsible, { unit: MICRO1 });
  // neighbour_help: response 1 working day, resolution 5 working days, from dispatch.
  assert.equal(row.response_due, "2026-03-03T09:10:00+08:00");
  assert.equal(row.resolution_due, "2026-03-09T09:10:00+08:00");
  assert.deepEqual(ward.tasks.claimable_by({ person: "pm1" }).map((r) => r.id), ["h1"]);
  assert.deepEqual(ward.tasks.claimable_by({ person: "w1" }), []);
  assert.deepEqual(ward.tasks.requests({ scope: COMMUNITY, status: "pooled" }).map((r) => r.id), ["h1"]);
  assert.deepEqual(ward.tasks.requests({ scope: MICRO2 }), []);

  ward.tasks.claim({ request: "h1" }, { actor: "pm1", at: on(2, "09:20") });
  assert.equal(ward.tasks.request({ id: "h1" }).status, "claimed");
  assert.equal(ward.tasks.request({ id: "h1" }).claimed_by, "pm1");
  assert.deepEqual(ward.tasks.claimable_by({ person: "vol" }), []);
  ward.tasks.start({ request: "h1" }, { actor: "pm1", at: on(2, "09:30") });
  assert.equal(ward.tasks.request({ id: "h1" }).status, "in_progress");
  assert.equal(ward.tasks.request({ id: "h1" }).responded_at, "2026-03-02T09:20:00+08:00");
  ward.tasks.handle({ request: "h1", report: "已帮忙搬运", photos: ["p/1.jpg"] },
    { actor: "pm1", at: on(2, "10:00") });
  row = ward.tasks.request({ id: "h1" });
  assert.equal(row.status, "handled");
  assert.equal(row.handled_by, "pm1");
  assert.equal(row.report, "已帮忙搬运");

  refused(ward, () => ward.tasks.verify({ request: "h1", passed: true }, { actor: "pm1", at: on(2, "10:10") }),
    "verifier_is_handler", "permission_denied");
  ward.tasks.verify({ request: "h1", passed: true, note: "现场核查通过" }, { actor: "w1", at: on(2, "10:30") });
  row = ward.tasks.request({ id: "h1" });
  assert.equal(row.status, "closed");
  assert.equal(row.verified_by, "w1");
  assert.equal(row.closed_at, "2026-03-02T10:30:00+08:00");
  assert.equal(row.on_time, true);

  refused(ward, () => ward.tasks.rate({ request: "h1", level: "satisfied" }, { actor: "r2", at: on(2, "11:00") }),
    "not_filer", "permission_denied");
  const rated = ward.tasks.rate({ request: "h1", level: "very_satisfied", comment: "谢谢" },
    { actor: "r1", at: on(2, "11:00") });
  assert.equal(rated.events, 1);
  assert.equal(ward.tasks.request({ id: "h1" }).rating, "very_satisfied");
  refused(ward, () => ward.tasks.rate({ request: "h1", level: "satisfied" }, { actor: "r1", at: on(2, "11:05") }),
    "already_rated", "conflict");
});

test("a bad rating reopens the request with a 15-working-day correction window", () => {
  const ward = requestsWard();
  file(ward, "r1", MONDAY, "q1", "exposed_rubbish");
  assert.deepEqual(ward.tasks.request({ id: "q1" }).responsible, { person: "w1" });
  assert.equal(ward.tasks.request({ id: "q1" }).status, "assigned");
  ward.tasks.handle({ request: "q1", report: "已清运" }, { actor: "w1", at: on(2, "10:00") });
  ward.tasks.verify({ request: "q1", passed: true }, { actor: "gl", at: on(2, "11:00") });
  const receipt = ward.tasks.rate({ request: "q1", level: "dissatisfied" }, { actor: "r1", at: on(2, "15:00") });
  assert.equal(receipt.events, 2);
  const row = ward.tasks.request({ id: "q1" });
  assert.equal(row.status, "in_progress");
  assert.equal(row.rating, "dissatisfied");
  assert.equal(row.reopens, 1);
  assert.deepEqual(row.responsible, { person: "w1" });
  // Three working weeks later, no holidays in the way.
  assert.equal(row.correction_due, "2026-03-23T15:00:00+08:00");
  ward.tasks.handle({ request: "q1", report: "再次清运" }, { actor: "w1", at: on(3, "10:00") });
  ward.tasks.verify({ request: "q1", passed: true }, { actor: "gl", at: on(3, "11:00") });
  ward.tasks.rate({ request: "q1", level: "satisfied" }, { actor: "r1", at: on(3, "12:00") });
  assert.equal(ward.tasks.request({ id: "q1" }).rating, "satisfied");
  assert.equal(ward.tasks.request({ id: "q1" }).status, "closed");
});

test("a wrongly assigned request is returned and dispatched again by hand", () => {
  const ward = requestsWard();
  file(ward, "r2", MONDAY, "q2", "exposed_rubbish", { household: HOME2 });
  assert.deepEqual(ward.tasks.request({ id: "q2" }).responsible, { person: "w2" });
  ward.tasks.return_request({ request: "q2", reason: "不属本微网格" }, { actor: "w2", at: on(2, "09:30") });
  let row = ward.tasks.request({ id: "q2" });
  assert.equal(row.status, "filed");
  assert.equal(row.returns, 1);
  assert.deepEqual(row.responsible, { unit: COMMUNITY });
  // Someone without a role in the community cannot be given the work.
  refused(ward, () => ward.tasks.dispatch({ request: "q2", to: { person: "r1" } }, { actor: "chief", at: on(2, "09:40") }),
    "not_eligible", "permission_denied");
  ward.tasks.dispatch({ request: "q2", to: { person: "gl" } }, { actor: "chief", at: on(2, "09:45") });
  row = ward.tasks.request({ id: "q2" });
  assert.equal(row.status, "assigned");
  assert.deepEqual(row.responsible, { person: "gl" });
});

test("the street whistles a department in and it reports", () => {
  const ward = requestsWard();
  file(ward, "r1", MONDAY, "c1", "illegal_construction");
  assert.deepEqual(ward.tasks.request({ id: "c1" }).responsible, { department: "cg" });
  refused(ward, () => ward.tasks.whistle({ request: "c1", departments: ["sj"], reason: "占道经营" },
    { actor: "chief", at: on(2, "10:00") }), "permission_denied", "permission_denied");
  ward.tasks.whistle({ request: "c1", departments: ["sj"], reason: "占道经营" }, { actor: "sa", at: on(2, "10:00") });
  let [call] = ward.tasks.request({ id: "c1" }).whistles;
  assert.equal(call.department, "sj");
  assert.equal(call.called_at, "2026-03-02T10:00:00+08:00");
  assert.equal(call.due, "2026-03-04T10:00:00+08:00"); // two working days
  assert.equal(call.reported_at, null);
  refused(ward, () => ward.tasks.report({ request: "c1", department: "sj", report: "x" }, { actor: "o1", at: on(3, "10:00") }),
    "not_responsible", "permission_denied");
  ward.tasks.report({ request: "c1", department: "sj", report: "已到场处置" }, { actor: "o2", at: on(3, "10:00") });
  [call] = ward.tasks.request({ id: "c1" }).whistles;
  assert.equal(call.reported_at, "2026-03-03T10:00:00+08:00");
  assert.equal(call.report, "已到场处置");
  assert.equal(call.late, false);
  refused(ward, () => ward.tasks.report({ request: "c1", department: "sj", report: "again" }, { actor: "o2", at: on(3, "11:00") }),
    "no_open_call", "conflict");
  // The department that holds it handles it through its officer.
  ward.tasks.handle({ request: "c1", report: "已拆除" }, { actor: "o1", at: on(4, "10:00") });
  assert.equal(ward.tasks.request({ id: "c1" }).handled_by, "o1");
});

test("a sweep supervises overdue work and parks work past its limit and extension", () => {
  const ward = requestsWard();
  file(ward, "r1", MONDAY, "q3", "exposed_rubbish");
  file(ward, "r2", MONDAY, "q4", "exposed_rubbish", { household: HOME2 });
  // exposed_rubbish: resolution 1 working day (Tue 09:00), extension 1 more (Wed 09:00).
  assert.equal(ward.tasks.request({ id: "q3" }).resolution_due, "2026-03-03T09:00:00+08:00");
  refused(ward, () => ward.tasks.sweep({}, { actor: "chief", at: on(3, "10:00") }), "permission_denied");
  const quiet = ward.tasks.sweep({ scope: COMMUNITY }, { actor: "chief", at: on(2, "10:00") });
  assert.equal(quiet.events, 0);
  assert.equal(quiet.seq, null);
  const tuesday = ward.tasks.sweep({ scope: MICRO1 }, { actor: "chief", at: on(3, "10:00") });
  assert.equal(tuesday.events, 1);
  assert.equal(ward.tasks.request({ id: "q3" }).supervised, true);
  assert.equal(ward.tasks.request({ id: "q3" }).parked, false);
  assert.equal(ward.tasks.request({ id: "q4" }).supervised, false);
  ward.tasks.sweep(undefined, { at: on(4, "10:00") });
  for (const id of ["q3", "q4"]) {
    assert.equal(ward.tasks.request({ id }).supervised, true, id);
    assert.equal(ward.tasks.request({ id }).parked, true, id);
  }
  // Supervision by hand, too (督办).
  file(ward, "r1", on(4, "11:00"), "q5", "exposed_rubbish");
  ward.tasks.supervise({ request: "q5", reason: "群众反映强烈" }, { actor: "chief", at: on(4, "11:30") });
  assert.equal(ward.tasks.request({ id: "q5" }).supervised, true);
});

test("the one extension moves the resolution deadline", () => {
  const ward = requestsWard();
  file(ward, "r1", MONDAY, "q6", "exposed_rubbish");
  ward.tasks.extend({ request: "q6", reason: "需协调物业" }, { actor: "chief", at: on(2, "10:00") });
  const row = ward.tasks.request({ id: "q6" });
  assert.equal(row.extended, true);
  assert.equal(row.resolution_due, "2026-03-04T09:00:00+08:00");
  refused(ward, () => ward.tasks.extend({ request: "q6", reason: "again" }, { actor: "chief", at: on(2, "11:00") }),
    "already_extended", "conflict");
});

test("duplicates, cancellations and reopening", () => {
  const ward = requestsWard();
  file(ward, "r1", MONDAY, "d1", "exposed_rubbish");
  file(ward, "r2", on(2, "09:05"), "d2", "exposed_rubbish", { household: HOME2 });
  ward.tasks.mark_duplicate({ request: "d2", of: "d1" }, { actor: "chief", at: on(2, "09:30") });
  assert.equal(ward.tasks.request({ id: "d2" }).status, "duplicate");
  assert.equal(ward.tasks.request({ id: "d2" }).duplicate_of, "d1");
  ward.tasks.cancel({ request: "d1", reason: "已自行处理" }, { actor: "r1", at: on(2, "10:00") });
  assert.equal(ward.tasks.request({ id: "d1" }).status, "cancelled");
  refused(ward, () => ward.tasks.cancel({ request: "d1", reason: "x" }, { actor: "r1", at: on(2, "10:10") }),
    "wrong_status", "conflict");

  file(ward, "r1", MONDAY, "d3", "exposed_rubbish");
  ward.tasks.handle({ request: "d3", report: "done" }, { actor: "w1", at: on(2, "10:00") });
  ward.tasks.verify({ request: "d3", passed: false, note: "未清理干净" }, { actor: "gl", at: on(2, "10:30") });
  assert.equal(ward.tasks.request({ id: "d3" }).status, "in_progress");
  ward.tasks.handle({ request: "d3", report: "done again" }, { actor: "w1", at: on(2, "11:00") });
  ward.tasks.verify({ request: "d3", passed: true }, { actor: "gl", at: on(2, "11:30") });
  ward.tasks.reopen({ request: "d3", reason: "垃圾又出现" }, { actor: "chief", at: on(2, "14:00") });
  assert.equal(ward.tasks.request({ id: "d3" }).reopens, 1);
  assert.equal(ward.tasks.request({ id: "d3" }).closed_at, null);
});

test("claims: handover, release, skills and the claim limit", () => {
  const ward = requestsWard({ tasks: { max_open_claims: 1 } });
  file(ward, "r1", MONDAY, "h3", "neighbour_help");
  file(ward, "r1", MONDAY, "h4", "neighbour_help");
  ward.tasks.claim({ request: "h3" }, { actor: "pm1", at: on(2, "09:30") });
  refused(ward, () => ward.tasks.claim({ request: "h4" }, { actor: "pm1", at: on(2, "09:40") }),
    "claim_limit", "conflict");
  refused(ward, () => ward.tasks.claim({ request: "h4" }, { actor: "w1", at: on(2, "09:40") }),
    "not_eligible", "permission_denied");

  ward.tasks.offer_handover({ request: "h3", to: "vol" }, { actor: "pm1", at: on(2, "10:00") });
  refused(ward, () => ward.tasks.accept_handover({ request: "h3" }, { actor: "w1", at: on(2, "10:05") }),
    "no_handover", "conflict");
  ward.tasks.accept_handover({ request: "h3" }, { actor: "vol", at: on(2, "10:10") });
  assert.equal(ward.tasks.request({ id: "h3" }).claimed_by, "vol");
  assert.deepEqual(ward.tasks.request({ id: "h3" }).responsible, { person: "vol" });
  ward.tasks.release_claim({ request: "h3" }, { actor: "vol", at: on(2, "10:20") });
  assert.equal(ward.tasks.request({ id: "h3" }).status, "pooled");
  assert.equal(ward.tasks.request({ id: "h3" }).claimed_by, null);

  // elder_care needs the skill; nobody has it until it is set.
  file(ward, "r1", MONDAY, "e1", "elder_care");
  assert.deepEqual(ward.tasks.claimable_by({ person: "pm1" }).map((r) => r.id), ["h3", "h4"]);
  const skills = ward.tasks.set_skills({ person: "pm1", skills: ["elder_care", "first_aid"] },
    { actor: "w1", at: on(2, "11:00") });
  assert.equal(skills.events, 1);
  assert.deepEqual(ward.tasks.claimable_by({ person: "pm1" }).map((r) => r.id), ["h3", "h4", "e1"]);
  assertGridwardError(() => ward.tasks.claimable_by({ person: "nobody" }), "unknown_person", "not_found");
});

test("department officers are appointed and removed", () => {
  const ward = requestsWard();
  const removed = ward.tasks.remove_officer({ department: "cg", person: "o1" }, { at: MONDAY });
  assert.equal(removed.events, 1);
  const again = ward.tasks.remove_officer({ department: "cg", person: "o1" }, { at: MONDAY });
  assert.equal(again.events, 0);
  assert.equal(again.seq, null);
  file(ward, "r1", MONDAY, "c2", "illegal_construction");
  refused(ward, () => ward.tasks.start({ request: "c2" }, { actor: "o1", at: on(2, "10:00") }),
    "not_responsible", "permission_denied");
  ward.tasks.appoint_officer({ department: "cg", person: "o1" }, { at: on(2, "10:00") });
  ward.tasks.start({ request: "c2" }, { actor: "o1", at: on(2, "10:10") });
  assert.equal(ward.tasks.request({ id: "c2" }).status, "in_progress");
});

test("filing needs a key, and the same key files once", () => {
  const ward = requestsWard();
  const args = { id: "k1", category: "dirty_road", location: { unit: GRID }, description: "路面油污" };
  refused(ward, () => ward.tasks.file(args, { actor: "r1", at: MONDAY }), "key_required", "invalid");
  const ctx = { actor: "r1", at: MONDAY, key: "app-7781" };
  const first = ward.tasks.file(args, ctx);
  assert.equal(first.duplicate, false);
  assert.equal(first.events, 2); // filed and routed
  const head = ward.head;
  const retry = ward.tasks.file(args, { ...ctx, at: on(2, "09:01") });
  assert.equal(retry.duplicate, true);
  assert.equal(retry.seq, first.seq);
  assert.equal(retry.events, 0);
  assert.equal(ward.head, head);
  assert.equal(ward.tasks.requests().length, 1);
  refused(ward, () => ward.tasks.file({ ...args, id: "k2" }, ctx), "idempotency_conflict", "conflict");
  refused(ward, () => ward.tasks.file({ ...args, id: "k3" }, { actor: "nobody", at: MONDAY, key: "k3" }),
    "unknown_actor", "permission_denied");
  refused(ward, () => ward.tasks.file({ ...args, id: "k4", location: { household: "9-999" } }, { at: MONDAY, key: "k4" }),
    "bad_location", "invalid");
  const code = refused(ward, () => ward.tasks.file({ ...args, id: "k5", location: { unit: "12" } },
    { at: MONDAY, key: "k5" }), "bad_format", "invalid");
  assert.equal(code.field, "location.unit");
  refused(ward, () => ward.tasks.dispatch({ request: "nope" }, { at: MONDAY }), "unknown_request", "not_found");
  const number = refused(ward, () => ward.tasks.start({ request: 42 }, { at: MONDAY }), "wrong_type", "invalid");
  assert.equal(number.field, "request");
});

test("execute and decide take commands by capability", () => {
  const ward = requestsWard();
  file(ward, "r1", MONDAY, "x1", "exposed_rubbish");
  const command = { tasks: { type: "start", request: "x1" } };
  const ctx = { actor: "w1", at: on(2, "09:30") };
  const events = ward.decide(command, ctx);
  assert.deepEqual(events, [{ tasks: { type: "started", request: "x1", by: "w1" } }]);
  assert.equal(ward.tasks.request({ id: "x1" }).status, "assigned");
  ward.execute(command, ctx);
  assert.equal(ward.tasks.request({ id: "x1" }).status, "in_progress");
  ward.execute({ grid: { type: "rename_unit", code: GRID, name: "新名" } }, { at: MONDAY });
  assert.equal(ward.grid.unit({ code: GRID }).name, "新名");
  const [event] = ward.decide({ grid: { type: "rename_unit", code: GRID, name: "x" } }, { at: MONDAY });
  assert.equal(event.grid.type, "unit_renamed");
  assertBadInput(() => ward.execute({ tasks: { type: "fly", request: "x1" } }), "unknown_value", "tasks.type");
  // A journal with tasks replays to the same state.
  const again = Ward.from_journal(ward.export_journal());
  assert.equal(again.state_digest(), ward.state_digest());
  assert.deepEqual(again.tasks.requests(), ward.tasks.requests());
});

test("categories list their limits as short text; the config takes them so", () => {
  const ward = requestsWard();
  const categories = ward.tasks.categories();
  const road = categories.find((c) => c.code === "dirty_road");
  assert.deepEqual(
    [road.response_limit, road.resolution_limit, road.extension, road.handler, road.domain],
    ["1wh", "5wh", "5wh", "grid_staff", "urban_management"]);
  assert.equal(categories.find((c) => c.code === "illegal_construction").resolution_limit, "15wd");
  assert.equal(ward.config().tasks.max_open_claims, 3);
  assert.deepEqual(ward.config().tasks.correction_window, { amount: 15, unit: "working_days" });
  const custom = requestsWard({ tasks: { categories: [{ code: "noise", name: "噪音", domain: "urban_management",
    handler: "grid_staff", response_limit: "2wh", resolution_limit: "3wd", extension: { amount: 1, unit: "days" } }] } });
  assert.deepEqual(custom.tasks.categories().map((c) => [c.code, c.resolution_limit, c.extension]), [["noise", "3wd", "1d"]]);
  assertBadInput(() => new Ward({ tasks: { claim_release: "3 weeks" } }), "wrong_type", "config.tasks.claim_release");
  assertGridwardError(() => ward.tasks.route({ category: "weather", location: { unit: GRID } }),
    "unknown_category", "not_found");
  assertBadInput(() => ward.tasks.route({ category: "dirty_road", location: { street: STREET } }),
    "wrong_type", "location");
  assert.deepEqual(ward.tasks.route({ category: "food_safety", location: { unit: GRID } }),
    { kind: "department", department: "sj", status: "assigned" });
  assert.deepEqual(ward.tasks.route({ category: "dirty_road", location: { household: HOME2 } }),
    { kind: "person", person: "w2", status: "assigned" });
});

test("requests come in from another system, dates as text or Date", () => {
  const ward = requestsWard();
  const receipt = ward.tasks.import_requests({ requests: [
    { id: "ext-1", category: "dirty_road", location: { unit: GRID }, description: "路面油污",
      filed_at: new Date("2026-03-02T02:00:00Z"), status: "open" },
    { id: "ext-2", category: "exposed_rubbish", location: { household: HOME2 },
      filed_at: "2026-03-01T10:00:00+08:00", status: "closed", updated_at: "2026-03-01T16:00:00+08:00",
      // Left undefined, an optional field is absent (`description?: string` is not nullable).
      status_notes: "已清理", photos: ["ext/2.jpg"], description: undefined },
  ] }, { actor: "chief", at: MONDAY });
  assert.equal(receipt.events, 2);
  const [one, two] = ward.tasks.requests();
  assert.equal(one.filed_at, "2026-03-02T02:00:00Z"); // a Date comes in as UTC
  assert.equal(one.imported, true);
  assert.equal(two.status, "closed");
  assert.equal(two.closed_at, "2026-03-01T16:00:00+08:00");
  assert.equal(two.note, "已清理");
  const bad = refused(ward, () => ward.tasks.import_requests({ requests: [
    { id: "ext-3", category: "dirty_road", location: { unit: GRID }, filed_at: MONDAY, status: "open" },
    { id: "ext-4", category: "dirty_road", location: { unit: GRID }, filed_at: MONDAY, status: "closed" },
  ] }, { at: MONDAY }), "bad_text", "invalid");
  assert.match(bad.message, /row 1/);
  const time = refused(ward, () => ward.tasks.import_requests({ requests: [{ id: "ext-5", category: "dirty_road",
    location: { unit: GRID }, filed_at: "yesterday", status: "open" }] }), "bad_format", "invalid");
  assert.equal(time.field, "requests[0].filed_at");
  const row = refused(ward, () => ward.tasks.import_requests({ requests: { id: "ext-6" } }), "wrong_type", "invalid");
  assert.equal(row.field, "requests");
});

/** percent(part, whole) as the rules define it: two decimals, half away from zero. */
function percent(part, whole) {
  return whole === 0 ? null : (Math.round((part * 10000) / whole) / 100).toFixed(2);
}

test("indicators recomputed by hand for a small month", () => {
  const ward = requestsWard();
  // a: closed on time and rated; b: handled late, closed late, rated; c: never touched,
  // overdue; d: cancelled; e: filed in April, outside the period.
  file(ward, "r1", MONDAY, "a", "exposed_rubbish");
  ward.tasks.start({ request: "a" }, { actor: "w1", at: on(2, "09:30") });
  ward.tasks.handle({ request: "a", report: "ok" }, { actor: "w1", at: on(2, "10:00") });
  ward.tasks.verify({ request: "a", passed: true }, { actor: "gl", at: on(2, "10:30") });
  ward.tasks.rate({ request: "a", level: "very_satisfied" }, { actor: "r1", at: on(2, "11:00") });
  file(ward, "r2", MONDAY, "b", "exposed_rubbish", { household: HOME2 });
  ward.tasks.handle({ request: "b", report: "ok" }, { actor: "w2", at: on(4, "10:00") });
  ward.tasks.verify({ request: "b", passed: true }, { actor: "gl", at: on(4, "11:00") });
  ward.tasks.rate({ request: "b", level: "basically_satisfied" }, { actor: "r2", at: on(4, "12:00") });
  file(ward, "r1", MONDAY, "c", "exposed_rubbish");
  file(ward, "r1", MONDAY, "d", "exposed_rubbish");
  ward.tasks.cancel({ request: "d", reason: "误报" }, { actor: "r1", at: on(2, "09:10") });
  file(ward, "r1", "2026-04-02T09:00:00+08:00", "e", "exposed_rubbish");

  const march = { start: "2026-03-01T00:00:00+08:00", end: new Date("2026-03-31T16:00:00Z") };
  const got = ward.tasks.indicators(march);
  const counts = {
    unit: null, filed: 4, withdrawn: 1, due: 3, closed: 2, closed_on_time: 1, open: 1, overdue: 1,
    closed_once: 2, reopened: 0, extended: 0, response_due: 3, responded_on_time: 1, rated: 2,
    satisfied: 2, whistled: 0, supervised: 0, parked: 0,
  };
  assert.deepEqual(got, {
    ...counts,
    closure_rate: percent(2, 3), // "66.67"
    on_time_rate: percent(1, 3), // "33.33"
    rework_rate: percent(0, 2),
    extension_rate: percent(0, 3),
    response_rate: percent(1, 3),
    satisfaction_rate: percent(2, 2), // "100.00"
    whistle_rate: percent(0, 3),
    // Only a street's indicators carry its whistle band.
    whistle_band: null,
    whistle_flag: null,
  });
  assert.equal(got.closure_rate, "66.67");
  assert.equal(got.satisfaction_rate, "100.00");

  const second = ward.tasks.indicators({ ...march, scope: MICRO2 });
  assert.equal(second.unit, MICRO2);
  assert.deepEqual([second.filed, second.closed, second.closed_on_time, second.on_time_rate],
    [1, 1, 0, "0.00"]);
  const byMicroGrid = ward.tasks.indicators_by({ level: "micro_grid", ...march });
  assert.deepEqual(byMicroGrid.map((i) => [i.unit, i.filed, i.closed]), [[MICRO1, 3, 1], [MICRO2, 1, 1]]);
  const empty = ward.tasks.indicators({ scope: COMMUNITY, start: "2025-01-01T00:00:00+08:00",
    end: "2025-02-01T00:00:00+08:00" });
  assert.equal(empty.filed, 0);
  assert.equal(empty.closure_rate, null);

  assertGridwardError(() => ward.tasks.indicators({ ...march, scope: "510105009" }), "unknown_unit", "not_found");
  for (const [fn, code, field] of [
    [() => ward.tasks.indicators({ start: march.start }), "missing_field", "end"],
    [() => ward.tasks.indicators({ ...march, month: 3 }), "unknown_field", "month"],
    [() => ward.tasks.indicators_by({ level: "building", ...march }), "unknown_value", "level"],
    [() => ward.tasks.requests({ scope: null, status: "done" }), "unknown_value", "status"],
  ]) {
    assertBadInput(fn, code, field);
  }
});

test("a past month does not move when April changes its requests", () => {
  const ward = requestsWard();
  // a: closed and rated; b: closed, then rated badly (reopened) and closed again; c: open.
  file(ward, "r1", MONDAY, "a", "exposed_rubbish");
  file(ward, "r2", MONDAY, "b", "exposed_rubbish", { household: HOME2 });
  file(ward, "r1", MONDAY, "c", "exposed_rubbish");
  for (const [id, worker] of [["a", "w1"], ["b", "w2"]]) {
    ward.tasks.handle({ request: id, report: "ok" }, { actor: worker, at: on(2, "10:00") });
    ward.tasks.verify({ request: id, passed: true }, { actor: "gl", at: on(2, "11:00") });
  }
  ward.tasks.rate({ request: "a", level: "satisfied" }, { actor: "r1", at: on(2, "12:00") });
  ward.tasks.rate({ request: "b", level: "dissatisfied" }, { actor: "r2", at: on(2, "12:00") });
  ward.tasks.handle({ request: "b", report: "again" }, { actor: "w2", at: on(3, "10:00") });
  ward.tasks.verify({ request: "b", passed: true }, { actor: "gl", at: on(3, "11:00") });
  const march = { start: "2026-03-01T00:00:00+08:00", end: "2026-04-01T00:00:00+08:00" };
  const before = ward.tasks.indicators(march);
  assert.deepEqual([before.closed, before.closed_once, before.reopened, before.rework_rate],
    [2, 2, 1, "50.00"]);

  const april = (time) => `2026-04-01T${time}:00+08:00`;
  ward.tasks.reopen({ request: "a", reason: "居民再次反映" }, { actor: "chief", at: april("09:00") });
  ward.tasks.extend({ request: "a", reason: "需要协调" }, { actor: "chief", at: april("09:30") });
  ward.tasks.whistle({ request: "c", departments: ["cg"], reason: "联合执法" }, { actor: "sa", at: april("10:00") });
  ward.tasks.rate({ request: "b", level: "very_satisfied" }, { actor: "r2", at: april("11:00") });
  ward.tasks.cancel({ request: "c", reason: "已自行解决" }, { actor: "r1", at: april("12:00") });
  ward.tasks.sweep({}, { at: "2026-04-20T18:00:00+08:00" });
  assert.equal(ward.tasks.request({ id: "a" }).status, "in_progress");
  assert.deepEqual(ward.tasks.indicators(march), before);
  // Over March and April, a is reworked and open: counted below the line too.
  const spring = ward.tasks.indicators({ ...march, end: "2026-05-01T00:00:00+08:00" });
  assert.deepEqual([spring.closed, spring.closed_once, spring.reopened, spring.rework_rate],
    [1, 2, 2, "100.00"]);
});

test("a street's whistle rate is watched against its band", () => {
  const bands = { default: { low: "30", high: "60" },
    streets: [{ street: STREET, band: { low: "0", high: "10" } }] };
  const run = (whistleBands) => {
    const ward = requestsWard({ tasks: { whistle_bands: whistleBands } });
    for (const id of ["a", "b", "c"]) file(ward, "r1", MONDAY, id, "exposed_rubbish");
    ward.tasks.whistle({ request: "a", departments: ["cg"], reason: "联合执法" }, { actor: "sa", at: on(2, "10:00") });
    return ward;
  };
  const march = { start: "2026-03-01T00:00:00+08:00", end: "2026-04-01T00:00:00+08:00" };
  let ward = run(bands);
  const street = ward.tasks.indicators({ ...march, scope: STREET });
  assert.equal(street.whistle_rate, "33.33");
  assert.deepEqual(street.whistle_band, { low: "0", high: "10" });
  assert.equal(street.whistle_flag, "too_high");
  assert.deepEqual(ward.tasks.indicators_by({ level: "street", ...march }), [street]);
  const community = ward.tasks.indicators({ ...march, scope: COMMUNITY });
  assert.deepEqual([community.whistle_band, community.whistle_flag], [null, null]);
  ward = run({ default: { low: "40", high: "60" } });
  assert.equal(ward.tasks.indicators({ ...march, scope: STREET }).whistle_flag, "too_low");
  ward = run({ default: { low: "30", high: "60" } });
  assert.equal(ward.tasks.indicators({ ...march, scope: STREET }).whistle_flag, null);

  for (const [whistleBands, field, words] of [
    [{ default: { low: "-1", high: "10" } }, "default.low", "not a percentage from 0 to 100"],
    [{ default: { low: "5", high: "101" } }, "default.high", "not a percentage from 0 to 100"],
    [{ streets: [{ street: STREET, band: { low: "12", high: "10" } }] }, "streets[0].band",
      "high 10 is below low (12)"],
  ]) {
    const error = assertBadInput(() => new Ward({ tasks: { whistle_bands: whistleBands } }),
      "invalid_value", `config.tasks.whistle_bands.${field}`);
    assert.match(error.message, new RegExp(words.replace(/[()]/g, "\\$&")));
  }
});

// The scoring capability through the JavaScript face: service records, certification,
// volunteers' hours and stars, obligations, handlers' scores, and the RULES vectors of
// star levels and the satisfaction rate.
import { test } from "node:test";
import assert from "node:assert/strict";

import { Ward, star_level, satisfaction_rate } from "gridward";
import { COMMUNITY, GRID, assertGridwardError, assertBadInput, refused } from "./support.mjs";
import { volunteerWard, certifiedService, sys, as } from "./points_support.mjs";
import { requestsWard, file, MONDAY, on, HOME2 } from "./tasks_support.mjs";

test("star levels by the national profile (RULES vectors)", () => {
  const vectors = [["99.99", 0], ["100", 1], ["299.5", 1], ["300", 2], ["999", 3],
    ["1000", 4], ["1500", 5], [0, 0], ["1499.99", 4], [100000, 5]];
  for (const [hours, level] of vectors) {
    assert.equal(star_level({ hours }), level, `${hours} h`);
  }
  assert.equal(star_level({ hours: "45", thresholds: ["30", "60", "100", "200", "300"] }), 1);
  assert.equal(star_level({ hours: 60, thresholds: [30, 60, 100, 200, 300] }), 2);
  assertGridwardError(() => star_level({ hours: "1", thresholds: ["60", "30"] }), "bad_star_profile", "invalid");
  assertBadInput(() => star_level({ hours: "ten" }), "bad_format", "hours");
  assertBadInput(() => star_level({ hours: NaN }), "float_not_allowed", "hours");
  assertBadInput(() => star_level({ hours: 1499.99 }), "float_not_allowed", "hours");
});

test("the satisfaction rate: the top three levels over all rated", () => {
  const rate = (counts) => satisfaction_rate({ counts });
  assert.equal(rate([70, 20, 0, 10, 0]), "90.00");
  assert.equal(rate([0, 70, 20, 10, 0]), "90.00");
  assert.equal(rate([1, 1, 1, 0, 0]), "100.00");
  assert.equal(rate([1, 0, 0, 1, 1]), "33.33");
  assert.equal(rate([0, 0, 0, 0, 0]), null);
  for (const [bad, code, field] of [
    [[1, 2, 3], "invalid_value", "counts"],
    [[1, 2, 3, 4, -5], "out_of_range", "counts[4]"],
    [[1, 2, 3, 4, 0.5], "wrong_type", "counts[4]"],
    ["70,20", "wrong_type", "counts"],
    [[1, 2, 3, 4, "5"], "wrong_type", "counts[4]"],
  ]) {
    assertBadInput(() => rate(bad), code, field);
  }
});

test("a service is recorded, certified by staff and counted in hours", () => {
  const ward = volunteerWard();
  const { scoring } = ward;
  const r = scoring.record_service({ id: "s-1", person: "v1", unit: COMMUNITY, activity: "elder_care",
    started_at: "2026-03-07T09:00:00+08:00", minutes: 150, travel_minutes: 40, note: "陪护" },
  as("v1", "03-07T12:00"));
  assert.equal(r.events, 1);
  assert.deepEqual(scoring.service_record({ id: "s-1" }), {
    id: "s-1", person: "v1", unit: COMMUNITY, activity: "elder_care", request: null,
    started_at: "2026-03-07T09:00:00+08:00", minutes: 150, travel_minutes: 40, note: "陪护",
    status: { status: "pending" },
  });
  assert.equal(scoring.volunteer({ person: "v1" }), null);
  // Neither the volunteer nor a resident without a staff role may certify.
  refused(ward, () => scoring.certify_service({ id: "s-1" }, as("v1")), "permission_denied");
  refused(ward, () => scoring.certify_service({ id: "s-1" }, as("r1")), "permission_denied");
  // Nobody certifies their own service, staff included.
  scoring.record_service({ id: "own", person: "chief", unit: COMMUNITY, activity: "patrol",
    started_at: "2026-03-07T20:00:00+08:00", minutes: 60 }, as("chief", "03-07T22:00"));
  refused(ward, () => scoring.certify_service({ id: "own" }, as("chief")), "own_service", "permission_denied");
  scoring.certify_service({ id: "s-1" }, as("chief", "03-07T18:00"));
  assert.deepEqual(scoring.service_record({ id: "s-1" }).status, { status: "certified", by: "chief", counted: 150 });
  assert.deepEqual(scoring.volunteer({ person: "v1" }),
    { person: "v1", hours: "2.50", minutes: 150, services: 1, level: 0, since: null });
  refused(ward, () => scoring.certify_service({ id: "s-1" }, as("chief")), "service_not_pending", "conflict");
  assert.equal(scoring.service_record({ id: "nope" }), null);
  // The list gives flat rows: the status as a name, who certified and what counted.
  assert.deepEqual(scoring.service_records().map((s) => [s.id, s.status, s.certified_by, s.counted_minutes]),
    [["s-1", "certified", "chief", 150], ["own", "pending", null, 0]]);
});

test("a rejected record never counts; staff may record for a volunteer", () => {
  const { scoring } = volunteerWard();
  scoring.record_service({ id: "s-2", person: "v2", unit: COMMUNITY, activity: "patrol",
    started_at: new Date("2026-03-08T01:00:00Z"), minutes: 60 }, as("chief", "03-08T12:00"));
  assert.equal(scoring.service_record({ id: "s-2" }).started_at, "2026-03-08T01:00:00Z");
  scoring.reject_service({ id: "s-2", reason: "no sign-in sheet" }, as("chief"));
  assert.deepEqual(scoring.service_record({ id: "s-2" }).status, { status: "rejected", reason: "no sign-in sheet" });
  assert.equal(scoring.service_records()[0].rejected_reason, "no sign-in sheet");
  assert.equal(scoring.volunteer({ person: "v2" }), null);
  assert.deepEqual(scoring.volunteers(), []);
});

test("refused scoring commands leave the head unchanged", () => {
  const ward = volunteerWard();
  const { scoring } = ward;
  const args = { id: "s-1", person: "v1", unit: COMMUNITY, activity: "charity",
    started_at: "2026-03-07T09:00:00+08:00", minutes: 60 };
  const record = (patch) => () => scoring.record_service({ ...args, ...patch }, as("v1", "03-07T12:00"));
  refused(ward, () => scoring.record_service(args, as("v1", "03-07T08:00")), "future_service", "invalid");
  refused(ward, record({ minutes: 0 }), "bad_minutes", "invalid");
  refused(ward, record({ person: "ghost" }), "unknown_person", "not_found");
  for (const [patch, code, field] of [
    [{ minutes: 1.5 }, "wrong_type", "minutes"],
    [{ minutes: -30 }, "out_of_range", "minutes"],
    [{ minutes: "60" }, "wrong_type", "minutes"],
    [{ travel_minutes: NaN }, "float_not_allowed", "travel_minutes"],
    [{ activity: "dancing" }, "unknown_value", "activity"],
    [{ started_at: "2026-03-07T09:00:00" }, "naive_datetime", "started_at"],
    [{ unit: "51A" }, "bad_format", "unit"],
    [{ colour: "red" }, "unknown_field", "colour"],
  ]) {
    assert.equal(refused(ward, record(patch), code, "invalid").field, field);
  }
  refused(ward, () => scoring.certify_service({ id: "s-9" }, sys()), "unknown_service_record", "not_found");
  assert.equal(refused(ward, () => scoring.grant_stars({ on: "2026-13-01" }, sys()), "bad_format", "invalid").field, "on");
  refused(ward, () => scoring.grant_stars({ on: "2026-12-31" }, as("chief")), "permission_denied");
  scoring.record_service(args, as("v1", "03-07T12:00"));
  refused(ward, record({}), "service_record_exists", "conflict");
});

test("stars are granted from certified hours; a preview records nothing", () => {
  const config = { scoring: { stars: { name: "zhangjiagang", thresholds: ["30", "60", "100", "200", "300"] } } };
  const ward = volunteerWard(config);
  const { scoring } = ward;
  assert.deepEqual(ward.config().scoring.stars.thresholds, ["30", "60", "100", "200", "300"]);
  // 31 days of 2 hours for v1 (62 h), 16 days of 2 hours for v2 (32 h).
  for (let d = 1; d <= 31; d += 1) {
    const day = `03-${String(d).padStart(2, "0")}`;
    certifiedService(ward, `a-${d}`, "v1", 120, { day });
    if (d <= 16) certifiedService(ward, `b-${d}`, "v2", 120, { day });
  }
  assert.equal(scoring.volunteer({ person: "v1" }).hours, "62.00");
  assert.equal(scoring.volunteer({ person: "v2" }).services, 16);
  const head = ward.head;
  const on = "2026-04-01";
  const both = [{ person: "v1", from: 0, to: 2 }, { person: "v2", from: 0, to: 1 }];
  assert.deepEqual(scoring.grant_preview({ on }), both);
  assert.deepEqual(scoring.grant_preview({ on, profile: { name: "national", thresholds: ["100", "300"] } }), []);
  assert.deepEqual(scoring.grant_preview({ on, profile: { name: "x", thresholds: [10, 40] } }), both);
  assert.equal(ward.head, head);
  scoring.grant_stars({ on }, sys("04-01T09:00"));
  assert.deepEqual(scoring.volunteers().map((v) => [v.person, v.level, v.since]),
    [["v1", 2, "2026-04-01"], ["v2", 1, "2026-04-01"]]);
  refused(ward, () => scoring.grant_stars({ on: "2026-03-31" }, sys("04-02T09:00")), "grant_backdated", "conflict");
  assertGridwardError(() => scoring.grant_preview({ on: "2026-03-01" }), "grant_backdated");
  assertGridwardError(() => scoring.grant_preview({ on: "2026-05-01", profile: { name: "x", thresholds: ["60", "30"] } }),
    "bad_star_profile");
  assertBadInput(() => scoring.grant_preview({ on: "2026/05/01" }), "bad_format", "on");
  // A profile is an object with its name: a bare list of thresholds is not one.
  assertBadInput(() => scoring.grant_preview({ on: "2026-05-01", profile: ["60", "100"] }), "wrong_type", "profile");
  assertBadInput(() => scoring.grant_preview({ on: "2026-05-01", profile: { name: "x", thresholds: "x" } }),
    "wrong_type", "profile.thresholds");
});

test("sent-down party members' monthly obligation", () => {
  const ward = volunteerWard();
  const { scoring } = ward;
  ward.grid.grant_role({ person: "v1", role: "sent_down_party_member", unit: GRID }, sys());
  ward.grid.grant_role({ person: "v2", role: "sent_down_party_member", unit: GRID }, sys());
  certifiedService(ward, "o-1", "v1", 90, { day: "03-07" });
  certifiedService(ward, "o-2", "v1", 60, { day: "03-21" });
  certifiedService(ward, "o-3", "v2", 60, { day: "04-11" });
  certifiedService(ward, "o-4", "v2", 120, { day: "04-18" });
  const obligations = (unit, start, end) => scoring.obligations({ unit, start, end });
  // At least once a month, at least 2 hours each time: v1's 90 and 60 minutes in March are
  // two short visits, not a month met; v2's 2-hour visit in April meets it.
  const row = (person, month, services, hours, qualifying_visits, short_visits, met) =>
    ({ person, unit: GRID, month, services, hours, qualifying_visits, short_visits, met });
  assert.deepEqual(obligations(COMMUNITY, "2026-03", "2026-04"), [
    row("v1", "2026-03", 2, "2.50", 0, 2, false),
    row("v1", "2026-04", 0, "0.00", 0, 0, false),
    row("v2", "2026-03", 0, "0.00", 0, 0, false),
    row("v2", "2026-04", 2, "3.00", 1, 1, true),
  ]);
  assertGridwardError(() => obligations(COMMUNITY, "2026-04", "2026-03"), "bad_months", "invalid");
  assertGridwardError(() => obligations("510105009", "2026-03", "2026-04"), "unknown_unit", "not_found");
  assertBadInput(() => obligations(COMMUNITY, "2026-3", "2026-04"), "bad_format", "start");
  assertBadInput(() => obligations("x", "2026-03", "2026-04"), "bad_format", "unit");
});

test("handlers' scores take a unit and a period like indicators_by", () => {
  const { scoring } = volunteerWard();
  const month = { start: "2026-03-01T00:00:00+08:00", end: new Date("2026-04-01T00:00:00+08:00") };
  assert.deepEqual(scoring.handler_scores({ unit: COMMUNITY, ...month }), []);
  assertBadInput(() => scoring.handler_scores({ unit: COMMUNITY, start: month.start }), "missing_field", "end");
  assertGridwardError(() => scoring.handler_scores({ unit: "510105009", ...month }), "unknown_unit");
});

test("handlers' scores count an overdue request against the person who holds it", () => {
  const ward = requestsWard();
  // q1 goes to w1, who handles it within the hour; q2 goes to w2, who lets it run past its
  // limit (3 March 09:00) without handling it.
  file(ward, "r1", MONDAY, "q1", "exposed_rubbish");
  file(ward, "r2", MONDAY, "q2", "exposed_rubbish", { household: HOME2 });
  ward.tasks.handle({ request: "q1", report: "已清运" }, { actor: "w1", at: on(2, "10:00") });
  ward.tasks.verify({ request: "q1", passed: true }, { actor: "gl", at: on(2, "11:00") });
  const month = { start: "2026-03-01T00:00:00+08:00", end: "2026-04-01T00:00:00+08:00" };
  const rows = ward.scoring.handler_scores({ unit: COMMUNITY, ...month });
  assert.deepEqual(rows.map((r) => [r.person, r.rank, r.score, r.handled, r.held_overdue, r.due, r.closed]), [
    ["w1", 1, "100.00", 1, 0, 1, 1],
    ["w2", 2, "0.00", 0, 1, 1, 0],
  ]);
  // Before the limit, w2 answers for nothing yet.
  const early = ward.scoring.handler_scores({ unit: COMMUNITY, start: month.start, end: on(3, "09:00") });
  assert.deepEqual(early.map((r) => r.person), ["w1"]);
});

test("scoring commands through execute and decide, in their JSON form", () => {
  const ward = volunteerWard();
  const command = { scoring: { type: "record_service", id: "s-1", person: "v1", unit: COMMUNITY,
    activity: "mediation", started_at: "2026-03-07T09:00:00+08:00", minutes: 45 } };
  const events = ward.decide(command, as("v1", "03-07T12:00"));
  assert.equal(events.length, 1);
  assert.equal(events[0].scoring.type, "service_recorded");
  assert.equal(events[0].scoring.travel_minutes, 0);
  assert.equal(ward.scoring.service_records().length, 0);
  ward.execute(command, as("v1", "03-07T12:00"));
  ward.execute({ scoring: { type: "certify_service", id: "s-1" } }, as("chief"));
  assert.equal(ward.scoring.volunteer({ person: "v1" }).minutes, 45);
  // A typed method takes its own fields only: no `type` to make it another command.
  assertBadInput(() => ward.scoring.certify_service({ type: "reject_service", id: "s-1" }), "unknown_field", "type");
  // The journal replays to the same state.
  const again = Ward.from_journal(ward.export_journal());
  assert.equal(again.state_digest(), ward.state_digest());
  assert.deepEqual(again.scoring.volunteers(), ward.scoring.volunteers());
});

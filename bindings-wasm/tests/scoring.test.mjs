// The scoring capability through the JavaScript face: service records, certification,
// volunteers' hours and stars, obligations, handlers' scores, and the RULES vectors of
// star levels and the satisfaction rate.
import { test } from "node:test";
import assert from "node:assert/strict";
import { gridward, COMMUNITY, GRID, assertGridwardError } from "./support.mjs";
import { volunteerWard, certifiedService, assertRefused, sys, as } from "./points_support.mjs";

const { starLevel, satisfactionRate } = gridward;

test("star levels by the national profile (RULES vectors)", () => {
  const vectors = [["99.99", 0], ["100", 1], ["299.5", 1], ["300", 2], ["999", 3],
    ["1000", 4], ["1500", 5], [0, 0], [1499.99, 4], [100000, 5]];
  for (const [hours, level] of vectors) {
    assert.equal(starLevel(hours), level, `${hours} h`);
  }
  assert.equal(starLevel("45", ["30", "60", "100", "200", "300"]), 1);
  assert.equal(starLevel(60, [30, 60, 100, 200, 300]), 2);
  assertGridwardError(() => starLevel("1", ["60", "30"]), "bad_star_profile", "invalid");
  assertGridwardError(() => starLevel("ten"), "invalid_decimal", "invalid");
  assertGridwardError(() => starLevel(NaN), "invalid_decimal", "invalid");
});

test("the satisfaction rate: the top three levels over all rated", () => {
  assert.equal(satisfactionRate([70, 20, 0, 10, 0]), "90.00");
  assert.equal(satisfactionRate([0, 70, 20, 10, 0]), "90.00");
  assert.equal(satisfactionRate([1, 1, 1, 0, 0]), "100.00");
  assert.equal(satisfactionRate([1, 0, 0, 1, 1]), "33.33");
  assert.equal(satisfactionRate([0, 0, 0, 0, 0]), null);
  for (const bad of [[1, 2, 3], [1, 2, 3, 4, -5], [1, 2, 3, 4, 0.5], "70,20", [1, 2, 3, 4, "5"]]) {
    assertGridwardError(() => satisfactionRate(bad), "invalid_integer", "invalid");
  }
});

test("a service is recorded, certified by staff and counted in hours", () => {
  const ward = volunteerWard();
  const r = ward.recordService({ id: "s-1", person: "v1", unit: COMMUNITY, activity: "elder_care",
    started_at: "2026-03-07T09:00:00+08:00", minutes: 150, travel_minutes: 40, note: "陪护" },
  as("v1", "03-07T12:00"));
  assert.equal(r.events, 1);
  const pending = ward.serviceRecord("s-1");
  assert.deepEqual(pending, {
    id: "s-1", person: "v1", unit: COMMUNITY, activity: "elder_care", request: null,
    started_at: "2026-03-07T09:00:00+08:00", minutes: 150, travel_minutes: 40, note: "陪护",
    status: { status: "pending" },
  });
  assert.equal(ward.volunteer("v1"), null);
  // Neither the volunteer nor a resident without a staff role may certify.
  assertRefused(ward, () => ward.certifyService({ id: "s-1" }, as("v1")), "permission_denied");
  assertRefused(ward, () => ward.certifyService({ id: "s-1" }, as("r1")), "permission_denied");
  // Nobody certifies their own service, staff included.
  ward.recordService({ id: "own", person: "chief", unit: COMMUNITY, activity: "patrol",
    started_at: "2026-03-07T20:00:00+08:00", minutes: 60 }, as("chief", "03-07T22:00"));
  assertRefused(ward, () => ward.certifyService({ id: "own" }, as("chief")), "own_service", "permission_denied");
  ward.certifyService({ id: "s-1" }, as("chief", "03-07T18:00"));
  assert.deepEqual(ward.serviceRecord("s-1").status, { status: "certified", by: "chief", counted: 150 });
  assert.deepEqual(ward.volunteer("v1"),
    { person: "v1", hours: "2.50", minutes: 150, services: 1, level: 0, since: null });
  assertRefused(ward, () => ward.certifyService({ id: "s-1" }, as("chief")), "service_not_pending", "conflict");
  assert.equal(ward.serviceRecord("nope"), null);
  assert.deepEqual(ward.serviceRecords().map((s) => s.id), ["s-1", "own"]);
});

test("a rejected record never counts; staff may record for a volunteer", () => {
  const ward = volunteerWard();
  ward.recordService({ id: "s-2", person: "v2", unit: COMMUNITY, activity: "patrol",
    started_at: new Date("2026-03-08T01:00:00Z"), minutes: 60 }, as("chief", "03-08T12:00"));
  assert.equal(ward.serviceRecord("s-2").started_at, "2026-03-08T01:00:00Z");
  ward.rejectService({ id: "s-2", reason: "no sign-in sheet" }, as("chief"));
  assert.deepEqual(ward.serviceRecord("s-2").status, { status: "rejected", reason: "no sign-in sheet" });
  assert.equal(ward.volunteer("v2"), null);
  assert.deepEqual(ward.volunteers(), []);
});

test("refused scoring commands leave the head unchanged", () => {
  const ward = volunteerWard();
  const args = { id: "s-1", person: "v1", unit: COMMUNITY, activity: "charity",
    started_at: "2026-03-07T09:00:00+08:00", minutes: 60 };
  const record = (patch) => () => ward.recordService({ ...args, ...patch }, as("v1", "03-07T12:00"));
  assertRefused(ward, () => ward.recordService(args, as("v1", "03-07T08:00")), "future_service", "invalid");
  assertRefused(ward, record({ minutes: 0 }), "bad_minutes", "invalid");
  assertRefused(ward, record({ minutes: 1.5 }), "invalid_integer", "invalid");
  assertRefused(ward, record({ minutes: -30 }), "invalid_integer", "invalid");
  assertRefused(ward, record({ minutes: "60" }), "invalid_integer", "invalid");
  assertRefused(ward, record({ travel_minutes: NaN }), "invalid_integer", "invalid");
  assertRefused(ward, record({ activity: "dancing" }), "invalid_activity", "invalid");
  assertRefused(ward, record({ started_at: "2026-03-07T09:00:00" }), "invalid_datetime", "invalid");
  assertRefused(ward, record({ unit: "51A" }), "invalid_code", "invalid");
  assertRefused(ward, record({ person: "ghost" }), "unknown_person", "not_found");
  assertRefused(ward, record({ colour: "red" }), "invalid_command", "invalid");
  assertRefused(ward, () => ward.certifyService({ id: "s-9" }, sys()), "unknown_service_record", "not_found");
  assertRefused(ward, () => ward.grantStars({ on: "2026-13-01" }, sys()), "invalid_date", "invalid");
  assertRefused(ward, () => ward.grantStars({ on: "2026-12-31" }, as("chief")), "permission_denied");
  ward.recordService(args, as("v1", "03-07T12:00"));
  assertRefused(ward, record({}), "service_record_exists", "conflict");
});

test("stars are granted from certified hours; a preview records nothing", () => {
  const config = { scoring: { stars: { name: "zhangjiagang", thresholds: ["30", "60", "100", "200", "300"] } } };
  const ward = volunteerWard(config);
  assert.deepEqual(ward.config.scoring.stars.thresholds, ["30", "60", "100", "200", "300"]);
  // 31 days of 2 hours for v1 (62 h), 16 days of 2 hours for v2 (32 h).
  for (let d = 1; d <= 31; d += 1) {
    const day = `03-${String(d).padStart(2, "0")}`;
    certifiedService(ward, `a-${d}`, "v1", 120, { day });
    if (d <= 16) certifiedService(ward, `b-${d}`, "v2", 120, { day });
  }
  assert.equal(ward.volunteer("v1").hours, "62.00");
  assert.equal(ward.volunteer("v2").services, 16);
  const head = ward.head;
  const preview = ward.grantPreview("2026-04-01");
  assert.deepEqual(preview, [{ person: "v1", from: 0, to: 2 }, { person: "v2", from: 0, to: 1 }]);
  assert.deepEqual(ward.grantPreview("2026-04-01", ["100", "300"]), []);
  assert.deepEqual(ward.grantPreview("2026-04-01", { name: "x", thresholds: [10, 40] }),
    [{ person: "v1", from: 0, to: 2 }, { person: "v2", from: 0, to: 1 }]);
  assert.equal(ward.head, head);
  ward.grantStars({ on: "2026-04-01" }, sys("04-01T09:00"));
  assert.deepEqual(ward.volunteers().map((v) => [v.person, v.level, v.since]),
    [["v1", 2, "2026-04-01"], ["v2", 1, "2026-04-01"]]);
  assertRefused(ward, () => ward.grantStars({ on: "2026-03-31" }, sys("04-02T09:00")), "grant_backdated", "conflict");
  assertGridwardError(() => ward.grantPreview("2026-03-01"), "grant_backdated");
  assertGridwardError(() => ward.grantPreview("2026-05-01", ["60", "30"]), "bad_star_profile");
  assertGridwardError(() => ward.grantPreview("2026/05/01"), "invalid_date");
  assertGridwardError(() => ward.grantPreview("2026-05-01", { thresholds: "x" }), "invalid_profile");
});

test("sent-down party members' monthly obligation", () => {
  const ward = volunteerWard();
  ward.grantRole({ person: "v1", role: "sent_down_party_member", unit: GRID }, sys());
  ward.grantRole({ person: "v2", role: "sent_down_party_member", unit: GRID }, sys());
  certifiedService(ward, "o-1", "v1", 90, { day: "03-07" });
  certifiedService(ward, "o-2", "v1", 60, { day: "03-21" });
  certifiedService(ward, "o-3", "v2", 60, { day: "04-11" });
  const rows = ward.obligations(COMMUNITY, "2026-03", "2026-04");
  assert.deepEqual(rows, [
    { person: "v1", unit: GRID, month: "2026-03", services: 2, hours: "2.50", met: true },
    { person: "v1", unit: GRID, month: "2026-04", services: 0, hours: "0.00", met: false },
    { person: "v2", unit: GRID, month: "2026-03", services: 0, hours: "0.00", met: false },
    { person: "v2", unit: GRID, month: "2026-04", services: 1, hours: "1.00", met: false },
  ]);
  assertGridwardError(() => ward.obligations(COMMUNITY, "2026-04", "2026-03"), "bad_months", "invalid");
  assertGridwardError(() => ward.obligations(COMMUNITY, "2026-3", "2026-04"), "bad_months");
  assertGridwardError(() => ward.obligations("510105009", "2026-03", "2026-04"), "unknown_unit", "not_found");
  assertGridwardError(() => ward.obligations("x", "2026-03", "2026-04"), "invalid_code");
});

test("handlers' scores take a unit and a period like indicatorsBy", () => {
  const ward = volunteerWard();
  const month = { from: "2026-03-01T00:00:00+08:00", to: new Date("2026-04-01T00:00:00+08:00") };
  assert.deepEqual(ward.handlerScores(COMMUNITY, month), []);
  assertGridwardError(() => ward.handlerScores(COMMUNITY, { from: month.from }), "invalid_period");
  assertGridwardError(() => ward.handlerScores("510105009", month), "unknown_unit");
});

test("scoring commands through execute and decide, in their JSON form", () => {
  const ward = volunteerWard();
  const command = { scoring: { type: "record_service", id: "s-1", person: "v1", unit: COMMUNITY,
    activity: "mediation", started_at: "2026-03-07T09:00:00+08:00", minutes: 45 } };
  const events = ward.decide(command, as("v1", "03-07T12:00"));
  assert.equal(events.length, 1);
  assert.equal(events[0].scoring.type, "service_recorded");
  assert.equal(events[0].scoring.travel_minutes, 0);
  assert.equal(ward.serviceRecords().length, 0);
  ward.execute(command, as("v1", "03-07T12:00"));
  ward.execute({ scoring: { type: "certify_service", id: "s-1" } }, as("chief"));
  assert.equal(ward.volunteer("v1").minutes, 45);
  assertGridwardError(() => ward.certifyService({ type: "reject_service", id: "s-1" }), "invalid_command");
  // The journal replays to the same state.
  const again = gridward.Ward.fromJournal(ward.exportJournal());
  assert.equal(again.stateDigest(), ward.stateDigest());
  assert.deepEqual(again.volunteers(), ward.volunteers());
});

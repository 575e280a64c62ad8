// The points capability through the JavaScript face: earning, the passbook's lots and
// history, the catalog, redemption and its reversal, expiry, and the RULES vectors of
// spending order, insufficient points, stock and per-person limits.
import { test } from "node:test";
import assert from "node:assert/strict";

import { COMMUNITY, assertGridwardError, refused } from "./support.mjs";
import { volunteerWard, certifiedService, sys, as } from "./points_support.mjs";

const chief = (when) => as("chief", when);
const item = (id, cost, stock, extra = {}) => ({ id, unit: COMMUNITY, name: id, cost, stock, ...extra });
/** A person redeeming under an idempotency key. */
const keyed = (person, when, key) => ({ ...as(person, when), key });

test("spending takes the older lot first; 131 of 130 is refused and changes nothing", () => {
  const ward = volunteerWard();
  const { points } = ward;
  points.award({ id: "A", person: "v1", unit: COMMUNITY, points: 100, reason: "春节慰问" }, chief("01-05T09:00"));
  points.award({ id: "B", person: "v1", unit: COMMUNITY, points: 50, reason: "清洁" }, chief("02-05T09:00"));
  points.add_item(item("big", 120, 5), chief("03-01T09:00"));
  points.add_item(item("huge", 131, 5), chief("03-01T09:00"));
  assert.equal(points.available_points({ person: "v1", on: "2026-03-01" }), 150);
  points.redeem({ id: "red-1", person: "v1", item: "big", quantity: 1 }, keyed("v1", "03-01T10:00", "k-1"));
  const book = points.passbook({ person: "v1" });
  assert.deepEqual(book.lots.map((l) => [l.id, l.left]), [["award:A", 0], ["award:B", 30]]);
  assert.deepEqual(points.redemption({ id: "red-1" }).taken, [{ lot: 0, points: 100 }, { lot: 1, points: 20 }]);
  points.award({ id: "C", person: "v1", unit: COMMUNITY, points: 100, reason: "调解" }, chief("03-01T11:00"));
  assert.equal(points.available_points({ person: "v1", on: "2026-03-01" }), 130);
  const before = { book: points.passbook({ person: "v1" }), items: points.items() };
  refused(ward, () => points.redeem({ id: "red-2", person: "v1", item: "huge", quantity: 1 },
    keyed("v1", "03-01T12:00", "k-2")), "insufficient_points", "conflict");
  assert.deepEqual({ book: points.passbook({ person: "v1" }), items: points.items() }, before);
  assert.deepEqual(book, { person: "v1", earned: 150, spent: 120, expired: 0, balance: 30, lots: book.lots });
});

test("stock 10 and one per person: the 11th redemption is out of stock, a second is over the limit", () => {
  const ward = volunteerWard(undefined, 11);
  const { points } = ward;
  points.add_item(item("rice", 10, 10, { per_person: 1 }), chief());
  for (let i = 1; i <= 11; i += 1) {
    points.award({ id: `w${i}`, person: `v${i}`, unit: COMMUNITY, points: 50, reason: "活动" }, chief());
  }
  const redeem = (id, person) => () =>
    points.redeem({ id, person, item: "rice", quantity: 1 }, keyed(person, undefined, id));
  for (let i = 1; i <= 10; i += 1) redeem(`r${i}`, `v${i}`)();
  assert.equal(points.item({ id: "rice" }).stock, 0);
  refused(ward, redeem("r11", "v11"), "out_of_stock", "conflict");
  points.restock({ item: "rice", quantity: 5 }, chief());
  refused(ward, redeem("r1b", "v1"), "limit_reached", "conflict");
  redeem("r11", "v11")();
  assert.equal(points.item({ id: "rice" }).stock, 4);
  assert.equal(points.redemptions().length, 11);
  assert.deepEqual(points.totals(), { people: 11, earned: 550, spent: 110, expired: 0,
    balance: 440, redemptions: 11, reversed: 0 });
});

test("a reversed redemption restores its lots with their original expiry", () => {
  const ward = volunteerWard({ points: { expiry: { rule: "end_of_month" } } });
  const { points } = ward;
  points.award({ id: "jan", person: "v1", unit: COMMUNITY, points: 40, reason: "a" }, chief("01-20T09:00"));
  points.add_item(item("oil", 20, 3), chief("01-20T09:00"));
  points.redeem({ id: "o1", person: "v1", item: "oil", quantity: 2 }, keyed("v1", "01-25T09:00", "o1"));
  points.award({ id: "feb", person: "v1", unit: COMMUNITY, points: 30, reason: "b" }, chief("02-02T09:00"));
  assert.deepEqual(points.passbook({ person: "v1" }).lots.map((l) => [l.left, l.expires_on]),
    [[0, "2026-01-31"], [30, "2026-02-28"]]);
  // The reversal comes after January's lot has lapsed: its points return to it, still
  // expiring on January 31.
  points.reverse({ id: "o1", reason: "领错了" }, chief("02-03T09:00"));
  const lots = points.passbook({ person: "v1" }).lots;
  assert.deepEqual(lots.map((l) => [l.id, l.left, l.expires_on]),
    [["award:jan", 40, "2026-01-31"], ["award:feb", 30, "2026-02-28"]]);
  assert.equal(points.item({ id: "oil" }).stock, 3);
  assert.deepEqual(points.redemption({ id: "o1" }).reversed, { on: "2026-02-03", reason: "领错了" });
  // The list of redemptions gives the reversal as flat columns.
  assert.deepEqual(points.redemptions().map((r) => [r.id, r.reversed_on, r.reversal_reason]),
    [["o1", "2026-02-03", "领错了"]]);
  refused(ward, () => points.reverse({ id: "o1", reason: "again" }, chief()), "already_reversed", "conflict");
  // January's lot is past its last day: not spendable, and the run expires it.
  assert.equal(points.available_points({ person: "v1", on: "2026-02-03" }), 30);
  points.expire({ on: "2026-02-03" }, sys("02-03T23:00"));
  assert.deepEqual(points.passbook({ person: "v1" }), { person: "v1", earned: 70, spent: 0, expired: 40, balance: 30,
    lots: [{ ...lots[0], left: 0, expired: 40 }, lots[1]] });
  assert.deepEqual(points.passbook_history({ person: "v1" }).map((h) => [h.on, h.movement, h.points, h.balance, h.reference]), [
    ["2026-01-20", "earned", 40, 40, "award:jan"],
    ["2026-01-25", "redeemed", 40, 0, "o1"],
    ["2026-02-02", "earned", 30, 30, "award:feb"],
    ["2026-02-03", "reversed", 40, 70, "o1"],
    ["2026-02-03", "expired", 40, 30, "award:jan"],
  ]);
});

test("certified service earns hours at the hourly rate plus the activity's points, once", () => {
  const ward = volunteerWard({ points: { per_hour: "10", per_activity: { mediation: 5 } } });
  const { points } = ward;
  certifiedService(ward, "s-1", "v1", 90, { activity: "mediation" });
  ward.scoring.record_service({ id: "s-2", person: "v1", unit: COMMUNITY, activity: "charity",
    started_at: "2026-03-08T09:00:00+08:00", minutes: 60 }, as("v1", "03-08T12:00"));
  const r = points.earn_for_service({ record: "s-1" }, chief());
  assert.equal(r.events, 1);
  const again = points.earn_for_service({ record: "s-1" }, chief());
  assert.deepEqual([again.seq, again.events], [null, 0]);
  assert.deepEqual(points.passbook({ person: "v1" }).lots.map((l) => [l.id, l.source, l.points]),
    [["service:s-1", "service", 20]]);
  refused(ward, () => points.earn_for_service({ record: "s-2" }, chief()), "not_earnable");
  refused(ward, () => points.earn_for_service({ record: "s-9" }, chief()), "unknown_service_record", "not_found");
  refused(ward, () => points.earn_for_request({ request: "req-9" }, chief()), "unknown_request", "not_found");
  refused(ward, () => points.earn_for_service({ record: "s-1" }, as("v1")), "permission_denied");
});

test("refused points commands leave the head unchanged", () => {
  const ward = volunteerWard();
  const { points } = ward;
  points.award({ id: "w", person: "v1", unit: COMMUNITY, points: 100, reason: "x" }, chief());
  points.add_item(item("bus", 10, 5, { min_star: 1, valid_until: "2026-12-31" }), chief());
  points.add_item(item("later", 10, 5, { valid_from: "2026-06-01" }), chief());
  const redeem = (args, key = "k") => () =>
    points.redeem({ id: "r", person: "v1", quantity: 1, ...args }, keyed("v1", undefined, key));
  refused(ward, redeem({ item: "bus" }, null), "key_required", "invalid");
  refused(ward, redeem({ item: "bus" }), "stars_needed");
  refused(ward, redeem({ item: "later" }), "not_on_offer");
  refused(ward, redeem({ item: "ghost" }), "unknown_item", "not_found");
  const award = (patch) => () =>
    points.award({ id: "w2", person: "v1", unit: COMMUNITY, points: 5, reason: "y", ...patch }, chief());
  refused(ward, award({ points: 0 }), "bad_number", "invalid");
  refused(ward, award({ id: "w" }), "earning_exists", "conflict");
  refused(ward, () => points.award({ id: "w3", person: "v1", unit: COMMUNITY, points: 5, reason: "y" }, as("v2")),
    "permission_denied");
  refused(ward, () => points.add_item(item("bus", 10, 5), chief()), "item_exists", "conflict");
  refused(ward, () => points.add_item(item("bad", 10, 5, { valid_from: "2026-06-01", valid_until: "2026-05-01" }),
    chief()), "bad_window");
  refused(ward, () => points.restock({ item: "ghost", quantity: 1 }, chief()), "unknown_item");
  refused(ward, () => points.reverse({ id: "ghost", reason: "x" }, chief()), "unknown_redemption");
  // Bad input is refused by its described type, naming the field.
  for (const [fn, code, field] of [
    [redeem({ item: "later", quantity: 0.5 }), "wrong_type", "quantity"],
    [award({ points: -5 }), "out_of_range", "points"],
    [award({ points: 2.5 }), "wrong_type", "points"],
    [award({ points: "5" }), "wrong_type", "points"],
    [award({ points: NaN }), "float_not_allowed", "points"],
    [award({ points: Infinity }), "float_not_allowed", "points"],
    [() => points.add_item(item("bad", 10, 5, { valid_from: "June" }), chief()), "bad_format", "valid_from"],
    [() => points.expire({ on: "2026-02-30" }, sys()), "bad_format", "on"],
  ]) {
    assert.equal(refused(ward, fn, code, "invalid").field, field);
  }
  assertGridwardError(() => points.available_points({ person: "ghost", on: "2026-03-01" }), "unknown_person", "not_found");
  const day = assertGridwardError(() => points.available_points({ person: "v1", on: "03/01/2026" }), "bad_format");
  assert.equal(day.field, "on");
});

test("queries of people and things that are not there", () => {
  const { points } = volunteerWard();
  assert.equal(points.passbook({ person: "v1" }), null);
  assert.equal(points.available_points({ person: "v1", on: "2026-03-01" }), 0);
  assert.deepEqual(points.passbook_history({ person: "v1" }), []);
  assert.equal(points.item({ id: "x" }), null);
  assert.equal(points.redemption({ id: "x" }), null);
  assert.deepEqual(points.items(), []);
  assert.deepEqual(points.redemptions(), []);
  assert.deepEqual(points.totals(), { people: 0, earned: 0, spent: 0, expired: 0, balance: 0, redemptions: 0, reversed: 0 });
});

test("a redemption retried with its key has one effect; execute takes points commands", () => {
  const ward = volunteerWard();
  const { points } = ward;
  ward.execute({ points: { type: "award", id: "w", person: "v1", unit: COMMUNITY, points: 100, reason: "x" } }, chief());
  ward.execute({ points: { type: "add_item", id: "soap", unit: COMMUNITY, name: "肥皂", cost: 10, stock: 9 } }, chief());
  const args = { id: "s1", person: "v1", item: "soap", quantity: 2 };
  const first = points.redeem(args, keyed("v1", undefined, "once"));
  const retry = points.redeem(args, keyed("v1", undefined, "once"));
  assert.equal(retry.duplicate, true);
  assert.equal(retry.head, first.head);
  assert.equal(points.passbook({ person: "v1" }).balance, 80);
  assert.deepEqual(points.item({ id: "soap" }), { id: "soap", unit: COMMUNITY, name: "肥皂", cost: 10, stock: 7,
    per_person: null, valid_from: null, valid_until: null, min_star: null });
  const events = ward.decide({ points: { type: "reverse", id: "s1", reason: "r" } }, chief());
  assert.equal(events[0].points.type, "reversed");
});

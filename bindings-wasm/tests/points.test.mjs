// The points capability through the JavaScript face: earning, the passbook's lots and
// history, the catalog, redemption and its reversal, expiry, and the RULES vectors of
// spending order, insufficient points, stock and per-person limits.
import { test } from "node:test";
import assert from "node:assert/strict";
import { COMMUNITY, assertGridwardError } from "./support.mjs";
import { volunteerWard, certifiedService, assertRefused, sys, as } from "./points_support.mjs";

const chief = (when) => as("chief", when);
const item = (id, cost, stock, extra = {}) => ({ id, unit: COMMUNITY, name: id, cost, stock, ...extra });

test("spending takes the older lot first; 131 of 130 is refused and changes nothing", () => {
  const ward = volunteerWard();
  ward.award({ id: "A", person: "v1", unit: COMMUNITY, points: 100, reason: "春节慰问" }, chief("01-05T09:00"));
  ward.award({ id: "B", person: "v1", unit: COMMUNITY, points: 50, reason: "清洁" }, chief("02-05T09:00"));
  ward.addItem(item("big", 120, 5), chief("03-01T09:00"));
  ward.addItem(item("huge", 131, 5), chief("03-01T09:00"));
  assert.equal(ward.availablePoints("v1", "2026-03-01"), 150);
  ward.redeem({ id: "red-1", person: "v1", item: "big", quantity: 1 }, { ...as("v1", "03-01T10:00"), key: "k-1" });
  const book = ward.passbook("v1");
  assert.deepEqual(book.lots.map((l) => [l.id, l.left]), [["award:A", 0], ["award:B", 30]]);
  assert.deepEqual(ward.redemption("red-1").taken, [{ lot: 0, points: 100 }, { lot: 1, points: 20 }]);
  ward.award({ id: "C", person: "v1", unit: COMMUNITY, points: 100, reason: "调解" }, chief("03-01T11:00"));
  assert.equal(ward.availablePoints("v1", "2026-03-01"), 130);
  const before = { book: ward.passbook("v1"), items: ward.items(), digest: ward.stateDigest() };
  assertRefused(ward, () => ward.redeem({ id: "red-2", person: "v1", item: "huge", quantity: 1 },
    { ...as("v1", "03-01T12:00"), key: "k-2" }), "insufficient_points", "conflict");
  assert.deepEqual({ book: ward.passbook("v1"), items: ward.items(), digest: ward.stateDigest() }, before);
  assert.deepEqual(book, { person: "v1", earned: 150, spent: 120, expired: 0, balance: 30, lots: book.lots });
});

test("stock 10 and one per person: the 11th redemption is out of stock, a second is over the limit", () => {
  const ward = volunteerWard(undefined, 11);
  ward.addItem(item("rice", 10, 10, { per_person: 1 }), chief());
  for (let i = 1; i <= 11; i += 1) {
    ward.award({ id: `w${i}`, person: `v${i}`, unit: COMMUNITY, points: 50, reason: "活动" }, chief());
  }
  for (let i = 1; i <= 10; i += 1) {
    ward.redeem({ id: `r${i}`, person: `v${i}`, item: "rice", quantity: 1 }, { ...as(`v${i}`), key: `r${i}` });
  }
  assert.equal(ward.item("rice").stock, 0);
  assertRefused(ward, () => ward.redeem({ id: "r11", person: "v11", item: "rice", quantity: 1 },
    { ...as("v11"), key: "r11" }), "out_of_stock", "conflict");
  ward.restock({ item: "rice", quantity: 5 }, chief());
  assertRefused(ward, () => ward.redeem({ id: "r1b", person: "v1", item: "rice", quantity: 1 },
    { ...as("v1"), key: "r1b" }), "limit_reached", "conflict");
  ward.redeem({ id: "r11", person: "v11", item: "rice", quantity: 1 }, { ...as("v11"), key: "r11" });
  assert.equal(ward.item("rice").stock, 4);
  assert.equal(ward.redemptions().length, 11);
  assert.deepEqual(ward.pointsTotals(), { people: 11, earned: 550, spent: 110, expired: 0,
    balance: 440, redemptions: 11, reversed: 0 });
});

test("a reversed redemption restores its lots with their original expiry", () => {
  const ward = volunteerWard({ points: { expiry: { rule: "end_of_month" } } });
  ward.award({ id: "jan", person: "v1", unit: COMMUNITY, points: 40, reason: "a" }, chief("01-20T09:00"));
  ward.addItem(item("oil", 20, 3), chief("01-20T09:00"));
  ward.redeem({ id: "o1", person: "v1", item: "oil", quantity: 2 }, { ...as("v1", "01-25T09:00"), key: "o1" });
  ward.award({ id: "feb", person: "v1", unit: COMMUNITY, points: 30, reason: "b" }, chief("02-02T09:00"));
  assert.deepEqual(ward.passbook("v1").lots.map((l) => [l.left, l.expires_on]),
    [[0, "2026-01-31"], [30, "2026-02-28"]]);
  // The reversal comes after January's lot has lapsed: its points return to it, still
  // expiring on January 31.
  ward.reverseRedemption({ id: "o1", reason: "领错了" }, chief("02-03T09:00"));
  const lots = ward.passbook("v1").lots;
  assert.deepEqual(lots.map((l) => [l.id, l.left, l.expires_on]),
    [["award:jan", 40, "2026-01-31"], ["award:feb", 30, "2026-02-28"]]);
  assert.equal(ward.item("oil").stock, 3);
  assert.deepEqual(ward.redemption("o1").reversed, { on: "2026-02-03", reason: "领错了" });
  assertRefused(ward, () => ward.reverseRedemption({ id: "o1", reason: "again" }, chief()), "already_reversed", "conflict");
  // January's lot is past its last day: not spendable, and the run expires it.
  assert.equal(ward.availablePoints("v1", "2026-02-03"), 30);
  ward.expirePoints({ on: "2026-02-03" }, sys("02-03T23:00"));
  assert.deepEqual(ward.passbook("v1"), { person: "v1", earned: 70, spent: 0, expired: 40, balance: 30,
    lots: [{ ...lots[0], left: 0, expired: 40 }, lots[1]] });
  assert.deepEqual(ward.passbookHistory("v1").map((h) => [h.on, h.movement, h.points, h.balance, h.reference]), [
    ["2026-01-20", "earned", 40, 40, "award:jan"],
    ["2026-01-25", "redeemed", 40, 0, "o1"],
    ["2026-02-02", "earned", 30, 30, "award:feb"],
    ["2026-02-03", "reversed", 40, 70, "o1"],
    ["2026-02-03", "expired", 40, 30, "award:jan"],
  ]);
});

test("certified service earns hours at the hourly rate plus the activity's points, once", () => {
  const ward = volunteerWard({ points: { per_hour: "10", per_activity: { mediation: 5 } } });
  certifiedService(ward, "s-1", "v1", 90, { activity: "mediation" });
  ward.recordService({ id: "s-2", person: "v1", unit: COMMUNITY, activity: "charity",
    started_at: "2026-03-08T09:00:00+08:00", minutes: 60 }, as("v1", "03-08T12:00"));
  const r = ward.earnForService({ record: "s-1" }, chief());
  assert.equal(r.events, 1);
  const again = ward.earnForService({ record: "s-1" }, chief());
  assert.deepEqual([again.seq, again.events], [null, 0]);
  assert.deepEqual(ward.passbook("v1").lots.map((l) => [l.id, l.source, l.points]), [["service:s-1", "service", 20]]);
  assertRefused(ward, () => ward.earnForService({ record: "s-2" }, chief()), "not_earnable");
  assertRefused(ward, () => ward.earnForService({ record: "s-9" }, chief()), "unknown_service_record", "not_found");
  assertRefused(ward, () => ward.earnForRequest({ request: "req-9" }, chief()), "unknown_request", "not_found");
  assertRefused(ward, () => ward.earnForService({ record: "s-1" }, as("v1")), "permission_denied");
});

test("refused points commands leave the head unchanged", () => {
  const ward = volunteerWard();
  ward.award({ id: "w", person: "v1", unit: COMMUNITY, points: 100, reason: "x" }, chief());
  ward.addItem(item("bus", 10, 5, { min_star: 1, valid_until: "2026-12-31" }), chief());
  ward.addItem(item("later", 10, 5, { valid_from: "2026-06-01" }), chief());
  const redeem = (args, key = "k") => () => ward.redeem({ id: "r", person: "v1", quantity: 1, ...args }, { ...as("v1"), key });
  assertRefused(ward, redeem({ item: "bus" }, null), "key_required", "invalid");
  assertRefused(ward, redeem({ item: "bus" }), "stars_needed");
  assertRefused(ward, redeem({ item: "later" }), "not_on_offer");
  assertRefused(ward, redeem({ item: "ghost" }), "unknown_item", "not_found");
  assertRefused(ward, redeem({ item: "later", quantity: 0.5 }), "invalid_integer", "invalid");
  const award = (patch) => () => ward.award({ id: "w2", person: "v1", unit: COMMUNITY, points: 5, reason: "y", ...patch }, chief());
  for (const points of [-5, 2.5, "5", NaN, Infinity]) {
    assertRefused(ward, award({ points }), "invalid_integer", "invalid");
  }
  assertRefused(ward, award({ points: 0 }), "bad_number", "invalid");
  assertRefused(ward, award({ id: "w" }), "earning_exists", "conflict");
  assertRefused(ward, () => ward.award({ id: "w3", person: "v1", unit: COMMUNITY, points: 5, reason: "y" }, as("v2")), "permission_denied");
  assertRefused(ward, () => ward.addItem(item("bus", 10, 5), chief()), "item_exists", "conflict");
  assertRefused(ward, () => ward.addItem(item("bad", 10, 5, { valid_from: "2026-06-01", valid_until: "2026-05-01" }), chief()), "bad_window");
  assertRefused(ward, () => ward.addItem(item("bad", 10, 5, { valid_from: "June" }), chief()), "invalid_date", "invalid");
  assertRefused(ward, () => ward.restock({ item: "ghost", quantity: 1 }, chief()), "unknown_item");
  assertRefused(ward, () => ward.reverseRedemption({ id: "ghost", reason: "x" }, chief()), "unknown_redemption");
  assertRefused(ward, () => ward.expirePoints({ on: "2026-02-30" }, sys()), "invalid_date");
  assertGridwardError(() => ward.availablePoints("ghost", "2026-03-01"), "unknown_person", "not_found");
  assertGridwardError(() => ward.availablePoints("v1", "03/01/2026"), "invalid_date");
});

test("queries of people and things that are not there", () => {
  const ward = volunteerWard();
  assert.equal(ward.passbook("v1"), null);
  assert.equal(ward.availablePoints("v1", "2026-03-01"), 0);
  assert.deepEqual(ward.passbookHistory("v1"), []);
  assert.equal(ward.item("x"), null);
  assert.equal(ward.redemption("x"), null);
  assert.deepEqual(ward.items(), []);
  assert.deepEqual(ward.pointsTotals(), { people: 0, earned: 0, spent: 0, expired: 0, balance: 0, redemptions: 0, reversed: 0 });
});

test("a redemption retried with its key has one effect; execute takes points commands", () => {
  const ward = volunteerWard();
  ward.execute({ points: { type: "award", id: "w", person: "v1", unit: COMMUNITY, points: 100, reason: "x" } }, chief());
  ward.execute({ points: { type: "add_item", id: "soap", unit: COMMUNITY, name: "肥皂", cost: 10, stock: 9 } }, chief());
  const args = { id: "s1", person: "v1", item: "soap", quantity: 2 };
  const first = ward.redeem(args, { ...as("v1"), key: "once" });
  const retry = ward.redeem(args, { ...as("v1"), key: "once" });
  assert.equal(retry.duplicate, true);
  assert.equal(retry.head, first.head);
  assert.equal(ward.passbook("v1").balance, 80);
  assert.deepEqual(ward.item("soap"), { id: "soap", unit: COMMUNITY, name: "肥皂", cost: 10, stock: 7,
    per_person: null, valid_from: null, valid_until: null, min_star: null });
  const events = ward.decide({ points: { type: "reverse", id: "s1", reason: "r" } }, chief());
  assert.equal(events[0].points.type, "reversed");
});

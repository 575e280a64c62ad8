// Open311 GeoReport v2 through the JavaScript face: the service list, the requests as
// another system reads them, and a round trip of that export into a second ward.
import { test } from "node:test";
import assert from "node:assert/strict";
import { COMMUNITY, GRID, MICRO2, assertGridwardError } from "./support.mjs";
import { requestsWard, file, MONDAY, on, HOME2 } from "./tasks_support.mjs";

/** A ward with an open, a closed and a cancelled request. */
function busyWard() {
  const ward = requestsWard();
  file(ward, "r1", MONDAY, "o-1", "exposed_rubbish");
  file(ward, "r2", MONDAY, "o-2", "dirty_road", { household: HOME2 });
  ward.handle({ request: "o-2", report: "已清扫", photos: ["p/o-2.jpg"] }, { actor: "w2", at: on(2, "10:00") });
  ward.verify({ request: "o-2", passed: true }, { actor: "gl", at: on(2, "10:30") });
  file(ward, "r1", MONDAY, "o-3", "neighbour_help");
  ward.cancel({ request: "o-3", reason: "已解决" }, { actor: "r1", at: on(2, "11:00") });
  return ward;
}

test("the service list: one service per category, parsed and as text", () => {
  const ward = requestsWard();
  const services = ward.open311Services();
  assert.equal(services.length, ward.categories().length);
  assert.deepEqual(services.map((s) => s.service_code), ward.categories().map((c) => c.code));
  assert.deepEqual(JSON.parse(ward.open311ServicesJson()), services);
  const road = services.find((s) => s.service_code === "dirty_road");
  assert.equal(road.service_name, "道路不洁");
  assert.equal(road.type, "realtime");
  assert.equal(road.metadata, false);
});

test("requests as Open311 reads them: open or closed, no filer named", () => {
  const ward = busyWard();
  const all = ward.open311Requests();
  assert.deepEqual(all.map((r) => [r.service_request_id, r.status]),
    [["o-1", "open"], ["o-2", "closed"], ["o-3", "closed"]]);
  assert.deepEqual(JSON.parse(ward.open311RequestsJson()), all);
  assert.deepEqual(ward.open311Requests(null, "open").map((r) => r.service_request_id), ["o-1"]);
  assert.deepEqual(ward.open311Requests(MICRO2).map((r) => r.service_request_id), ["o-2"]);
  assert.deepEqual(JSON.parse(ward.open311RequestsJson(COMMUNITY, "closed")).map((r) => r.service_request_id),
    ["o-2", "o-3"]);
  const closed = all[1];
  assert.equal(closed.requested_datetime, MONDAY);
  assert.equal(closed.address_id, HOME2);
  assert.equal(closed.media_url, "p/o-2.jpg");
  assert.ok(!JSON.stringify(all).includes("r2"), "the filer is never named");
  assertGridwardError(() => ward.open311Requests(null, "pending"), "invalid_status", "invalid");
});

test("an Open311 export imports into another ward, all or nothing", () => {
  const source = busyWard();
  const text = source.open311RequestsJson();
  const target = requestsWard();
  const receipt = target.importOpen311(text, { actor: "chief", at: on(3, "09:00") });
  assert.equal(receipt.events, 3);
  const exported = source.open311Requests();
  const back = target.open311Requests();
  const key = (r) => [r.service_request_id, r.service_code, r.status, r.requested_datetime,
    r.address_id, r.description, r.media_url ?? null];
  assert.deepEqual(back.map(key), exported.map(key));
  assert.deepEqual(back.filter((r) => r.status === "closed").map((r) => r.updated_datetime),
    exported.filter((r) => r.status === "closed").map((r) => r.updated_datetime));
  assert.ok(target.requests().every((r) => r.imported));

  // The same feed again: every id exists now, nothing changes.
  const head = target.head;
  assertGridwardError(() => target.importOpen311(text, { actor: "chief", at: on(3, "10:00") }),
    "request_exists", "conflict");
  assert.equal(target.head, head);
  const fresh = requestsWard();
  const before = fresh.head;
  assertGridwardError(() => fresh.importOpen311("{not json", { at: MONDAY }), "open311_not_json", "invalid");
  const nowhere = JSON.stringify([{ service_request_id: "x", status: "open", service_code: "dirty_road",
    requested_datetime: MONDAY, address_id: "9-999" }]);
  assertGridwardError(() => fresh.importOpen311(nowhere, { at: MONDAY }), "open311_unknown_address");
  assert.equal(fresh.head, before);
  fresh.importOpen311(JSON.stringify([{ service_request_id: "y", status: "open", service_code: "dirty_road",
    requested_datetime: MONDAY, address_id: GRID, lat: 30.66, long: 104.05 }]), { actor: "chief", at: MONDAY });
  assert.equal(fresh.request("y").unit, GRID);
});

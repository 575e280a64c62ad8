// Open311 GeoReport v2 through the JavaScript face: the service list, the requests as
// another system reads them, and a round trip of that export into a second ward.
import { test } from "node:test";
import assert from "node:assert/strict";

import { COMMUNITY, GRID, MICRO2, assertBadInput, refused } from "./support.mjs";
import { requestsWard, file, MONDAY, on, HOME2 } from "./tasks_support.mjs";

/** A ward with an open, a closed and a cancelled request. */
function busyWard() {
  const ward = requestsWard();
  file(ward, "r1", MONDAY, "o-1", "exposed_rubbish");
  file(ward, "r2", MONDAY, "o-2", "dirty_road", { household: HOME2 });
  ward.tasks.handle({ request: "o-2", report: "已清扫", photos: ["p/o-2.jpg"] }, { actor: "w2", at: on(2, "10:00") });
  ward.tasks.verify({ request: "o-2", passed: true }, { actor: "gl", at: on(2, "10:30") });
  file(ward, "r1", MONDAY, "o-3", "neighbour_help");
  ward.tasks.cancel({ request: "o-3", reason: "已解决" }, { actor: "r1", at: on(2, "11:00") });
  return ward;
}

const ids = (requests) => requests.map((r) => r.service_request_id);

test("the service list: one service per category, parsed and as text", () => {
  const { tasks } = requestsWard();
  const services = tasks.open311_services();
  assert.equal(services.length, tasks.categories().length);
  assert.deepEqual(services.map((s) => s.service_code), tasks.categories().map((c) => c.code));
  assert.deepEqual(JSON.parse(tasks.open311_services_json()), services);
  const road = services.find((s) => s.service_code === "dirty_road");
  assert.equal(road.service_name, "道路不洁");
  assert.equal(road.type, "realtime");
  assert.equal(road.metadata, false);
});

test("requests as Open311 reads them: open or closed, no filer named", () => {
  const { tasks } = busyWard();
  const all = tasks.open311_requests();
  assert.deepEqual(all.map((r) => [r.service_request_id, r.status]),
    [["o-1", "open"], ["o-2", "closed"], ["o-3", "closed"]]);
  assert.deepEqual(JSON.parse(tasks.open311_requests_json()), all);
  assert.deepEqual(ids(tasks.open311_requests({ status: "open" })), ["o-1"]);
  assert.deepEqual(ids(tasks.open311_requests({ scope: MICRO2 })), ["o-2"]);
  assert.deepEqual(ids(JSON.parse(tasks.open311_requests_json({ scope: COMMUNITY, status: "closed" }))),
    ["o-2", "o-3"]);
  const closed = all[1];
  assert.equal(closed.requested_datetime, MONDAY);
  assert.equal(closed.address_id, HOME2);
  assert.equal(closed.media_url, "p/o-2.jpg");
  assert.ok(!JSON.stringify(all).includes("r2"), "the filer is never named");
  assertBadInput(() => tasks.open311_requests({ status: "pending" }), "unknown_value", "status");
});

test("an Open311 export imports into another ward, all or nothing", () => {
  const source = busyWard();
  const feed = source.tasks.open311_requests_json();
  const target = requestsWard();
  const receipt = target.tasks.import_open311({ feed }, { actor: "chief", at: on(3, "09:00") });
  assert.equal(receipt.events, 3);
  const exported = source.tasks.open311_requests();
  const back = target.tasks.open311_requests();
  const key = (r) => [r.service_request_id, r.service_code, r.status, r.requested_datetime,
    r.address_id, r.description, r.media_url ?? null];
  assert.deepEqual(back.map(key), exported.map(key));
  assert.deepEqual(back.filter((r) => r.status === "closed").map((r) => r.updated_datetime),
    exported.filter((r) => r.status === "closed").map((r) => r.updated_datetime));
  assert.ok(target.tasks.requests().every((r) => r.imported));

  // The same feed again: every id exists now, nothing changes.
  refused(target, () => target.tasks.import_open311({ feed }, { actor: "chief", at: on(3, "10:00") }),
    "request_exists", "conflict");
  const fresh = requestsWard();
  refused(fresh, () => fresh.tasks.import_open311({ feed: "{not json" }, { at: MONDAY }),
    "open311_not_json", "invalid");
  const nowhere = JSON.stringify([{ service_request_id: "x", status: "open", service_code: "dirty_road",
    requested_datetime: MONDAY, address_id: "9-999" }]);
  refused(fresh, () => fresh.tasks.import_open311({ feed: nowhere }, { at: MONDAY }), "open311_unknown_address");
  fresh.tasks.import_open311({ feed: JSON.stringify([{ service_request_id: "y", status: "open",
    service_code: "dirty_road", requested_datetime: MONDAY, address_id: GRID, lat: 30.66, long: 104.05 }]) },
  { actor: "chief", at: MONDAY });
  assert.equal(fresh.tasks.request({ id: "y" }).unit, GRID);
});

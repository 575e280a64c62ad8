// Requests in 吉福社区 (群众点单 → 社区派单 → 党员领单 → 群众评单): a resident files a
// request, the routing rules pool it where a party member can claim it, the party member
// claims, starts and handles it, the micro-grid worker verifies it on site and the
// resident rates it. Four more requests give the community's indicators something to
// count: one closed on time, one closed late, one overdue and put under supervision.
//
// Pure data and calls on a `Ward` already built by buildCommunity(): the page (main.js)
// runs it in the browser, and the browser test runs it in Node to know what to expect.

import { COMMUNITY } from "./community.js";

/** The request followed step by step. */
export const REQUEST = "req-1";
/** The month the indicators cover: from `start` (included) to `end` (excluded). */
export const MONTH = { start: "2026-03-01T00:00:00+08:00", end: "2026-04-01T00:00:00+08:00" };

const MICRO1 = `${COMMUNITY}001001`;
const at = (day, time) => `2026-03-${String(day).padStart(2, "0")}T${time}:00+08:00`;

/** The people the requests need: a resident, and claimers with their roles. */
function addPeople(ward) {
  const platform = { at: at(3, "08:30") };
  const { grid } = ward;
  grid.add_person({ id: "res1", name: "王阿姨", phone: "13900000011" }, platform);
  grid.register_resident({ person: "res1", household: "1-102" }, platform);
  // pm1 (1栋党员) reports to building 1's micro-grid; vol1 volunteers for the community.
  grid.grant_role({ person: "pm1", role: "reporting_party_member", unit: MICRO1 }, platform);
  grid.add_person({ id: "vol1", name: "志愿者小李" }, platform);
  grid.grant_role({ person: "vol1", role: "volunteer", unit: COMMUNITY }, platform);
}

/** A person's request, keyed by its id so that a retry files it once. */
function file(ward, actor, when, id, category, household, description) {
  return ward.tasks.file({ id, category, location: { household }, description },
    { actor, at: when, key: `file-${id}` });
}

/**
 * Runs the requests and returns the followed request's journey: one entry per step with
 * the row as it stood after it.
 */
export function runRequests(ward) {
  addPeople(ward);
  const { tasks } = ward;
  const journey = [];
  const step = (label, actor, run) => {
    const receipt = run();
    journey.push({ label, actor, events: receipt.events, row: tasks.request({ id: REQUEST }) });
  };
  step("filed by the resident (点单), routed by the rules (派单)", "res1", () =>
    file(ward, "res1", at(3, "09:00"), REQUEST, "neighbour_help", "1-102", "家中旧衣柜需要搬到楼下"));
  step("claimed by a party member (领单)", "pm1", () =>
    tasks.claim({ request: REQUEST }, { actor: "pm1", at: at(3, "09:40") }));
  step("work started", "pm1", () =>
    tasks.start({ request: REQUEST }, { actor: "pm1", at: at(3, "10:00") }));
  step("handled and reported", "pm1", () =>
    tasks.handle({ request: REQUEST, report: "已帮忙把衣柜搬到楼下" }, { actor: "pm1", at: at(3, "11:30") }));
  step("verified on site and closed (核查结案)", "w1", () =>
    tasks.verify({ request: REQUEST, passed: true, note: "住户确认" }, { actor: "w1", at: at(3, "14:00") }));
  step("rated by the resident (评单)", "res1", () =>
    tasks.rate({ request: REQUEST, level: "very_satisfied", comment: "谢谢党员同志" },
      { actor: "res1", at: at(3, "15:00") }));

  // Building 4: a fire hazard the micro-grid worker reports and handles the same morning.
  file(ward, "w4", at(3, "09:30"), "req-2", "fire_hazard", "4-101", "楼道电动车充电");
  tasks.handle({ request: "req-2", report: "已劝离并张贴告知" }, { actor: "w4", at: at(3, "10:30") });
  tasks.verify({ request: "req-2", passed: true }, { actor: "gl2", at: at(3, "11:00") });
  // Building 6: a dispute nobody takes up; the sweep on the 20th puts it under supervision.
  file(ward, "w6", at(3, "10:00"), "req-3", "neighbour_dispute", "6-101", "楼上漏水邻里纠纷");
  // Building 7 has no worker: its grid leader takes the hazard and closes it late.
  file(ward, "gl3", at(3, "10:30"), "req-4", "fire_hazard", "7-101", "消防通道堆放杂物");
  tasks.handle({ request: "req-4", report: "已清理" }, { actor: "gl3", at: at(10, "10:00") });
  tasks.verify({ request: "req-4", passed: true }, { actor: "chief", at: at(10, "15:00") });
  // Building 2: a neighbour-help request a volunteer of the community claims.
  file(ward, "pm2", at(4, "09:00"), "req-5", "neighbour_help", "2-101", "独居老人需要代买药品");
  tasks.claim({ request: "req-5" }, { actor: "vol1", at: at(4, "09:30") });
  tasks.handle({ request: "req-5", report: "药品已送到" }, { actor: "vol1", at: at(4, "11:00") });
  tasks.verify({ request: "req-5", passed: true }, { actor: "w2", at: at(4, "14:00") });
  tasks.rate({ request: "req-5", level: "satisfied" }, { actor: "pm2", at: at(4, "16:00") });

  tasks.sweep({ scope: COMMUNITY }, { actor: "chief", at: at(20, "09:00") });
  return journey;
}

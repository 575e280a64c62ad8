// A small community for the request tests, shaped like the core's own test world: staff,
// claimers, residents and two departments with their officers.
import { Ward } from "gridward";
import { addUnits, UNITS, STREET, COMMUNITY, GRID, MICRO1, MICRO2 } from "./support.mjs";

/** Monday 2 March 2026, 09:00 in Chengdu: a working day. */
export const MONDAY = "2026-03-02T09:00:00+08:00";
/** A time on Monday 2 March 2026 ("10:30" → "2026-03-02T10:30:00+08:00"), or another day. */
export const on = (day, time) => `2026-03-${String(day).padStart(2, "0")}T${time}:00+08:00`;
export const HOME1 = "1-101";
export const HOME2 = "2-101";

/**
 * Units district → micro-grids (merged grids plus urban management and housing below the
 * street); staff chief (community), gl (grid), w1 / w2 (micro-grids); claimers pm1
 * (party member at MICRO1) and vol (volunteer of the community); residents r1 (HOME1)
 * and r2 (HOME2); street administrator sa; departments cg (城管, officer o1) and sj
 * (市场监管, officer o2).
 */
export function requestsWard(config) {
  const ward = new Ward(config);
  const { grid, tasks } = ward;
  const sys = { at: MONDAY };
  addUnits(ward, UNITS, sys);
  const domains = [...ward.config().grid.default_domains, "urban_management", "housing"];
  for (const code of [COMMUNITY, GRID, MICRO1, MICRO2]) grid.set_domains({ code, domains }, sys);
  grid.add_household({ id: HOME1, unit: MICRO1, area: "72.00" }, sys);
  grid.add_household({ id: "1-102", unit: MICRO1, area: "89.50" }, sys);
  grid.add_household({ id: HOME2, unit: MICRO2, area: "101.25" }, sys);
  for (const [person, role, unit] of [["chief", "chief_grid_leader", COMMUNITY],
    ["gl", "grid_leader", GRID], ["w1", "micro_grid_worker", MICRO1],
    ["w2", "micro_grid_worker", MICRO2], ["pm1", "reporting_party_member", MICRO1],
    ["vol", "volunteer", COMMUNITY], ["sa", "administrator", STREET]]) {
    grid.add_person({ id: person, name: person, party_member: person === "pm1" }, sys);
    grid.grant_role({ person, role, unit }, sys);
  }
  for (const [person, home] of [["r1", HOME1], ["r2", HOME2]]) {
    grid.add_person({ id: person, name: person }, sys);
    grid.register_resident({ person, household: home }, sys);
  }
  for (const [id, name, domain, officer] of [["cg", "城管执法中队", "urban_management", "o1"],
    ["sj", "市场监管所", "market_supervision", "o2"]]) {
    grid.add_department({ id, name, street: STREET, domains: [domain] }, sys);
    grid.add_person({ id: officer, name: officer }, sys);
    tasks.appoint_officer({ department: id, person: officer }, sys);
  }
  return ward;
}

/** Files a request as a person, keyed by its id. */
export function file(ward, who, at, id, category, location = { household: HOME1 }) {
  return ward.tasks.file({ id, category, location, description: "楼道堆放杂物" },
    { actor: who, at, key: `file-${id}` });
}

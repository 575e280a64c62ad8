// The thirteen Pabulib elections of tests/fixtures/pabulib, as text for the face's
// `read_pabulib`, and a ward with a fund to import them into through
// `ward.projects.import_election`.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";

import { Ward } from "gridward";
import { repoRoot } from "./support.mjs";

export const PABULIB = path.join(repoRoot, "tests", "fixtures", "pabulib");

/** The fixture files' names, sorted. */
export function pabulibFiles() {
  return readdirSync(PABULIB).filter((f) => f.endsWith(".pb")).sort();
}

/** A fixture file's text, line ends as written. */
export function pabulibText(name) {
  return readFileSync(path.join(PABULIB, name), "utf8");
}

export const STAFF = "cs";
const UNITS = [["510105", "青羊区"], ["510105001", "草市街街道"], ["510105001001", "吉福社区"]];
export const COMMUNITY = "510105001001";

/** A ward with a community and its staff member, and a fund of `amount` for 2026. */
export function fundWard(fund, amount, source = "guarantee") {
  const ward = new Ward();
  const at = "2026-02-01T09:00:00+08:00";
  for (const [code, name] of UNITS) ward.grid.add_unit({ code, name }, { at });
  ward.grid.add_person({ id: STAFF, name: "社区工作者" }, { at });
  ward.grid.grant_role({ person: STAFF, role: "community_staff", unit: COMMUNITY }, { at });
  ward.projects.open_fund({ fund, community: COMMUNITY, year: 2026, source, amount },
    { actor: STAFF, at: "2026-02-02T10:00:00+08:00" });
  return ward;
}

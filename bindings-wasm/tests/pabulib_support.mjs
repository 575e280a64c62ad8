// The thirteen Pabulib elections of tests/fixtures/pabulib, read by a small reader of the
// tests' own (semicolon-separated sections META, PROJECTS and VOTES, quoted fields, a
// byte-order mark and CRLF accepted) into the face's `ElectionIn`, with the rule the
// file's META declares and the projects its `selected` column names: what the files
// are checked against when imported through `ward.projects.import_election`.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";

import { Ward } from "gridward";
import { repoRoot } from "./support.mjs";

export const PABULIB = path.join(repoRoot, "tests", "fixtures", "pabulib");

/** The fixture files' names, sorted. */
export function pabulibFiles() {
  return readdirSync(PABULIB).filter((f) => f.endsWith(".pb")).sort();
}

/** A file's rows: each a list of fields, blank lines dropped; quotes keep their text. */
function rows(text) {
  const out = [];
  let fields = [];
  let field = "";
  let quoted = false;
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const finish = () => {
    fields.push(quoted ? field : field.trim());
    field = "";
    quoted = false;
  };
  for (; i < text.length; i += 1) {
    const c = text[i];
    if (c === '"' && field.trim() === "" && !quoted) {
      field = "";
      quoted = true;
      for (i += 1; i < text.length; i += 1) {
        if (text[i] !== '"') field += text[i];
        else if (text[i + 1] === '"') { field += '"'; i += 1; } else break;
      }
    } else if (c === ";") {
      finish();
    } else if (c === "\n" || c === "\r") {
      if (c === "\r" && text[i + 1] === "\n") i += 1;
      finish();
      if (!(fields.length === 1 && fields[0] === "")) out.push(fields);
      fields = [];
    } else {
      quoted = false;
      field += c;
    }
  }
  if (field !== "" || fields.length > 0) {
    finish();
    if (!(fields.length === 1 && fields[0] === "")) out.push(fields);
  }
  return out;
}

const list = (text) => (text.trim() === "" ? [] : text.split(",").map((s) => s.trim()));
const KINDS = { approval: "approval", cumulative: "cumulative", "choose-1": "choose_one", ordinal: "ordinal" };
const RULES = {
  greedy: "greedy",
  "greedy-no-skip": "greedy_no_skip",
  "greedy-threshold": "greedy_threshold",
  "equalshares/add1": "equal_shares",
  "equalshares/add1-comparison": "equal_shares_comparison",
};

/** A Pabulib file's text as `{ meta, election, rule, selected }`. */
export function readPabulib(text) {
  const sections = {};
  let current = null;
  for (const fields of rows(text)) {
    const head = fields[0].trim().toUpperCase();
    if (fields.length === 1 && ["META", "PROJECTS", "VOTES"].includes(head)) {
      current = { header: null, rows: [] };
      sections[head] = current;
    } else if (current.header === null) {
      current.header = fields;
    } else {
      current.rows.push(Object.fromEntries(current.header.map((h, k) => [h, fields[k]])));
    }
  }
  const meta = Object.fromEntries(sections.META.rows.map((r) => [r.key, r.value]));
  const kind = KINDS[meta.vote_type ?? "approval"];
  const whole = (key) => (meta[key] === undefined ? null : Number.parseInt(meta[key], 10));
  const form = {
    kind,
    min_length: whole("min_length"),
    max_length: whole("max_length"),
    max_points_per_project: whole("max_points"),
    min_sum_points: whole("min_sum_points"),
    max_sum_points: whole("max_sum_points"),
    max_sum_cost: meta.max_sum_cost ?? null,
  };
  const projects = sections.PROJECTS.rows;
  const candidates = projects.map((p) => ({
    id: p.project_id,
    cost: p.cost,
    name: p.name ?? "",
    category: p.category ? p.category : null,
  }));
  const ballots = sections.VOTES.rows.map((v) => {
    const choices = list(v.vote);
    const points = kind === "cumulative" ? list(v.points).map((p) => Number.parseInt(p, 10)) : [];
    return { voter: v.voter_id, choices, points };
  });
  const name = RULES[meta.rule];
  const rule = name === "greedy_threshold"
    ? { rule: name, min_score: meta.min_project_score_threshold } : name && { rule: name };
  const selected = projects.filter((p) => Number(p.selected) !== 0).map((p) => p.project_id);
  return { meta, election: { budget: meta.budget, form, candidates, ballots }, rule, selected };
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

/** A fixture file's text. */
export function pabulibText(name) {
  return readFileSync(path.join(PABULIB, name), "utf8");
}

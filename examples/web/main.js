// The page: builds 吉福社区 in a Ward running as WebAssembly and shows its grid tree,
// the coverage report, a directive's completion, a resident's request from filing to
// rating with the community's indicators, and the verified journal; beside it, a year of
// a compound's common fund in a second Ward, its public statement (公示) verified against
// the fund's exported journal; and, in a third Ward, volunteers' certified hours, star
// levels and points passbooks with the community's catalog, and the street's communities
// rated on an indicator tree; and, in a fourth Ward, a year of the community's project
// fund: residents' proposals, the council's vote under Equal Shares set against the other
// rules, delivery and acceptance, and the fund's public statement verified against its
// journal.
// No build step: the page imports the package by name, as a browser app does, through the
// import map in index.html (`gridward` → /bindings-wasm/pkg/index.js); open it through any
// static server from the repository root.
import init, {
  Ward, verify_journal, verify_statement, verify_projects_statement, evaluate_communities,
} from "gridward";
import { buildCommunity, COMMUNITY, DIRECTIVE } from "./community.js";
import { runRequests, REQUEST, MONTH } from "./requests.js";
import { buildCompoundYear } from "./fund.js";
import { buildVolunteerPoints, CONFIG as POINTS_CONFIG } from "./points.js";
import { TREE, DATA } from "./rating.js";
import { buildProjectFund } from "./projects.js";

const LEVELS = {
  district: "区", street: "街道", community: "社区", grid: "网格", micro_grid: "微网格",
};

const $ = (id) => document.getElementById(id);

function element(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (k === "class") el.className = v;
    else if (k.startsWith("data-")) el.setAttribute(k, String(v));
    else el[k] = v;
  }
  el.append(...children);
  return el;
}

function percent(rate) {
  return `${(rate * 100).toFixed(1)}%`;
}

/** The subtree rows (depth first, with depth) as nested lists. */
function showTree(ward) {
  const rows = ward.grid.subtree({ code: COMMUNITY });
  const root = $("tree");
  const lists = [root];
  for (const row of rows) {
    const item = element("li",
      { "data-code": row.code, "data-level": row.level, "data-households": row.households },
      element("span", { class: "level" }, LEVELS[row.level]),
      element("span", { class: "name" }, row.name),
      element("span", { class: "code" }, row.code),
      element("span", { class: "count" }, `${row.households} 户`));
    lists[row.depth].append(item);
    const children = element("ul");
    item.append(children);
    lists[row.depth + 1] = children;
  }
  for (const empty of root.querySelectorAll("ul:empty")) empty.remove();
  $("tree-units").textContent = rows.length;
  $("tree-households").textContent = rows[0].households;
}

function fillList(id, items) {
  const list = $(id);
  list.replaceChildren(...items.map(([text, code]) => element("li", { "data-code": code }, text)));
  $(`${id}-count`).textContent = items.length;
}

function showCoverage(ward) {
  const report = ward.grid.coverage({ scope: COMMUNITY });
  const name = (code) => ward.grid.unit({ code })?.name ?? code;
  $("cov-households").textContent = report.households;
  $("cov-micro-grids").textContent = report.micro_grids;
  $("cov-compliance").textContent = percent(report.micro_grid_compliance);
  $("cov-compliance").dataset.rate = report.micro_grid_compliance;
  $("cov-clean").textContent = report.is_clean ? "yes" : "no";
  fillList("cov-unassigned", report.unassigned_households.map((id) => [id, id]));
  fillList("cov-out-of-band", report.out_of_band.map((o) =>
    [`${name(o.code)}: ${o.households} households`, o.code]));
  fillList("cov-without-party", report.without_party_member.map((c) => [name(c), c]));
  fillList("cov-without-leader", report.without_leader.map((m) =>
    [`${name(m.code)}: no ${m.role}`, m.code]));
}

function showDirective(ward) {
  const p = ward.grid.directive_progress({ id: DIRECTIVE });
  $("dir-title").textContent = `${p.title} — issued ${p.issued_at}, due ${p.due}`;
  $("dir-targets").textContent = p.targets;
  $("dir-acknowledged").textContent = p.acknowledged;
  $("dir-late").textContent = p.late;
  $("dir-completion").textContent = percent(p.completion_rate);
  $("dir-completion").dataset.rate = p.completion_rate;
  $("dir-bar").style.width = percent(p.completion_rate);
  $("dir-by-grid").replaceChildren(...ward.grid.directive_progress_by({ id: DIRECTIVE, level: "grid" }).map((u) =>
    element("tr", { "data-code": u.code },
      element("td", {}, u.name),
      element("td", { class: "num" }, u.targets),
      element("td", { class: "num" }, u.acknowledged),
      element("td", { class: "num" }, percent(u.completion_rate)))));
}

/** Who answers for a request, by name. */
function answering(ward, responsible) {
  if (responsible.person) return ward.grid.person({ id: responsible.person })?.name ?? responsible.person;
  if (responsible.unit) return ward.grid.unit({ code: responsible.unit })?.name ?? responsible.unit;
  return responsible.department;
}

/** A rate string ("93.72") shown as a percentage, or a dash when there is none. */
function rateText(rate) {
  return rate === null ? "—" : `${rate}%`;
}

function indicatorCells(i, label) {
  return [
    element("td", {}, label),
    element("td", { class: "num" }, i.filed),
    element("td", { class: "num" }, i.due),
    element("td", { class: "num" }, i.closed),
    element("td", { class: "num", "data-rate": i.closure_rate ?? "" }, rateText(i.closure_rate)),
    element("td", { class: "num", "data-rate": i.on_time_rate ?? "" }, rateText(i.on_time_rate)),
    element("td", { class: "num", "data-rate": i.satisfaction_rate ?? "" }, rateText(i.satisfaction_rate)),
    element("td", { class: "num" }, i.supervised),
  ];
}

function showRequests(ward, journey) {
  const row = ward.tasks.request({ id: REQUEST });
  const person = (id) => (id ? ward.grid.person({ id })?.name ?? id : "—");
  $("req-title").textContent = `${REQUEST} · ${row.category} · ${row.description} (${person(row.filer)}, ${row.household})`;
  $("req-journey").replaceChildren(...journey.map((s) => element("li",
    { "data-status": s.row.status, "data-actor": s.actor },
    element("span", { class: "status" }, s.row.status), " ", s.label,
    ` — ${person(s.actor)}; now with ${answering(ward, s.row.responsible)}`)));
  $("req-status").textContent = row.status;
  $("req-handled-by").textContent = person(row.handled_by);
  $("req-verified-by").textContent = person(row.verified_by);
  $("req-rating").textContent = row.rating ?? "—";
  $("req-on-time").textContent = row.on_time ? "yes" : "no";
  $("req-month").textContent = `${MONTH.start.slice(0, 7)}`;
  const unitName = (code) => ward.grid.unit({ code })?.name ?? code;
  $("req-indicators").replaceChildren(...ward.tasks.indicators_by({ level: "grid", ...MONTH }).map((i) =>
    element("tr", { "data-code": i.unit }, ...indicatorCells(i, unitName(i.unit)))));
  const total = ward.tasks.indicators({ scope: COMMUNITY, ...MONTH });
  $("req-total").replaceChildren(element("tr", { "data-code": total.unit },
    ...indicatorCells(total, unitName(COMMUNITY))));
}

/** Recomputes every entry's hash with Web Crypto, trusting nothing but SHA-256. */
async function recomputeHashes(text) {
  let prev = "0".repeat(64);
  let count = 0;
  for (const line of text.split("\n").filter((l) => l.trim() !== "")) {
    const entry = JSON.parse(line);
    const bytes = new TextEncoder().encode(`${entry.seq}\n${entry.prev}\n${JSON.stringify(entry.body)}`);
    const digest = new Uint8Array(await crypto.subtle.digest("SHA-256", bytes));
    const hex = Array.from(digest, (b) => b.toString(16).padStart(2, "0")).join("");
    if (entry.prev !== prev || hex !== entry.hash) return { ok: false, count, line: count + 1 };
    prev = hex;
    count += 1;
  }
  return { ok: true, count, head: prev };
}

async function showJournal(ward) {
  const text = ward.export_journal();
  const published = ward.head;
  const report = verify_journal({ text, expected_head: published });
  $("journal-entries").textContent = report.entries;
  $("journal-head").textContent = published;
  $("journal-verified-head").textContent = report.head;
  const intact = report.intact && report.head_matches === true;
  const status = $("journal-status");
  status.textContent = intact ? "journal intact" : `journal broken: ${report.first_break?.reason}`;
  status.className = intact ? "ok" : "bad";
  status.dataset.intact = intact;

  const own = await recomputeHashes(text);
  const webcrypto = $("journal-webcrypto");
  webcrypto.textContent = own.ok && own.head === published
    ? `${own.count} hashes recomputed, head matches`
    : `mismatch at line ${own.line}`;
  webcrypto.className = own.ok && own.head === published ? "ok" : "bad";
  webcrypto.dataset.head = own.head ?? "";

  const forged = text.replace("\"area\":\"89\"", "\"area\":\"98\"");
  const broken = verify_journal({ text: forged, expected_head: published });
  const tamper = $("journal-tamper");
  if (broken.intact) {
    tamper.textContent = "the edit went unnoticed!";
  } else {
    tamper.replaceChildren(
      element("span", { class: "ok" }, `edit found at line ${broken.first_break.line}`),
      element("div", { class: "hash" }, broken.first_break.reason));
  }
  tamper.className = broken.intact ? "bad" : "";
  tamper.dataset.line = broken.first_break?.line ?? "";
}

/** Table cells: the first as text, the rest as right-aligned figures. */
function cells(first, ...figures) {
  return [element("td", {}, first), ...figures.map((f) => element("td", { class: "num" }, f))];
}

const INCOME = { fees: "物业费 fees billed", parking: "停车 parking", advertising: "广告 advertising", other: "其他 other" };

/**
 * A compound's year in a Ward of its own: the public statement as published (plain
 * JSON), then checked in this page against the fund's exported journal.
 */
function showFund() {
  const ward = new Ward();
  const s = buildCompoundYear(ward);
  $("fund-title").textContent = `${s.name} · ${s.from} – ${s.to}`;
  const figures = {
    "fund-opening-bank": s.opening_bank, "fund-closing-bank": s.closing_bank,
    "fund-billed": s.fees.billed, "fund-collected": s.fees.collected,
    "fund-collection-rate": s.fees.collection_rate === null ? "—" : `${s.fees.collection_rate}%`,
    "fund-arrears": s.fees.arrears_closing, "fund-remuneration": s.remuneration,
    "fund-surplus": s.surplus,
  };
  for (const [id, value] of Object.entries(figures)) $(id).textContent = value;
  $("fund-income").replaceChildren(...s.income.map((r) =>
    element("tr", { "data-source": r.source }, ...cells(INCOME[r.source] ?? r.source, r.amount))));
  $("fund-spending").replaceChildren(...s.spending.map((r) =>
    element("tr", { "data-line": r.line }, ...cells(r.line, r.budgeted, r.spent, r.remaining))));
  $("fund-arrears-by-building").replaceChildren(...s.arrears_by_building.map((r) =>
    element("tr", { "data-unit": r.unit }, ...cells(r.name, r.households, r.amount))));
  $("fund-vouchers").replaceChildren(...s.vouchers.map((v) =>
    element("tr", { "data-payment": v.payment, "data-approved": v.supervisor_approved },
      element("td", {}, v.date), ...cells(v.line, v.amount), element("td", {}, v.payee),
      element("td", { class: "hash", title: v.document_hash }, v.reference))));
  $("fund-head").textContent = s.head;

  const journal = ward.export_journal();
  const check = verify_statement({ journal, statement: s });
  const verified = $("fund-verified");
  verified.textContent = check.verified
    ? "verified" : `not verified (head ${check.head_matches}, figures ${check.figures_match})`;
  verified.className = check.verified ? "ok" : "bad";
  verified.dataset.verified = check.verified;
  $("fund-verified-entries").textContent = `${s.journal_entries} of ${check.entries} entries`;
  // Someone republishes the statement with the arrears written down: the check catches it.
  const doctored = { ...s, fees: { ...s.fees, arrears_closing: "0.00" } };
  const caught = verify_statement({ journal, statement: doctored });
  const edit = $("fund-doctored");
  edit.textContent = caught.verified ? "the edit went unnoticed!" : "edited copy: figures do not match";
  edit.className = caught.verified ? "bad" : "ok";
  edit.dataset.verified = caught.verified;
  document.body.dataset.fundHead = s.head;
}

/** A right-aligned figure. */
const num = (figure) => element("td", { class: "num" }, figure);

/** Stars as ★ marks, and the level as a number for the test. */
function stars(level) {
  return element("td", { "data-level": level }, level > 0 ? "★".repeat(level) : "—");
}

/**
 * Volunteers' months in a Ward of its own: hours certified by staff, stars by 张家港's
 * profile, points earned and spent on the catalog, and one volunteer's passbook.
 */
function showPoints() {
  const ward = new Ward(POINTS_CONFIG);
  const p = buildVolunteerPoints(ward);
  const name = (id) => ward.grid.person({ id })?.name ?? id;
  $("points-title").textContent = `吉福社区 · January–February 2026 · ${p.totals.people} volunteers`;
  $("points-volunteers").replaceChildren(...p.volunteers.map((v) =>
    element("tr", { "data-person": v.person },
      element("td", {}, name(v.person)), num(v.services), num(v.hours), stars(v.level),
      num(ward.points.passbook({ person: v.person })?.balance ?? 0))));
  const limits = (it) => [it.per_person && `${it.per_person} per person`,
    it.min_star && `${"★".repeat(it.min_star)} and up`].filter(Boolean).join(", ") || "—";
  $("points-catalog").replaceChildren(...p.items.map((it) =>
    element("tr", { "data-item": it.id }, ...cells(it.name, it.cost, it.stock), element("td", {}, limits(it)))));
  $("points-earned").textContent = p.totals.earned;
  $("points-spent").textContent = p.totals.spent;
  $("points-balance").textContent = p.totals.balance;
  $("points-redemptions").textContent = `${p.totals.redemptions} (${p.totals.reversed})`;
  const book = p.passbook;
  $("passbook-title").textContent = `Passbook (积分存折) of ${name(book.person)}`;
  for (const k of ["earned", "spent", "expired", "balance"]) $(`passbook-${k}`).textContent = book[k];
  $("passbook-lots").replaceChildren(...book.lots.map((l) =>
    element("tr", { "data-lot": l.id }, element("td", {}, l.id), element("td", {}, l.earned_on),
      element("td", {}, l.expires_on ?? "never"), num(l.points), num(l.left))));
  $("passbook-history").replaceChildren(...p.history.map((h) =>
    element("tr", { "data-movement": h.movement }, element("td", {}, h.on), element("td", {}, h.movement),
      num(h.points), num(h.balance), element("td", {}, h.reference))));
  document.body.dataset.pointsHead = p.head;
}

/** The street's communities rated on the tree: score, grade, rank and the worst loss. */
function showRating() {
  const result = evaluate_communities({ tree: TREE, data: DATA });
  $("rating-title").textContent = `社区考核 Community rating · ${TREE.name}`;
  $("rating-table").replaceChildren(...result.map((e) => {
    const worst = e.lost[0];
    const note = e.vetoed.length > 0
      ? `一票否决: ${e.vetoed.map((id) => TREE.vetoes.find((v) => v.id === id)?.name ?? id).join(", ")}`
      : worst ? `${worst.name} −${worst.points_lost}` : "—";
    return element("tr", { "data-community": e.community, "data-grade": e.grade },
      element("td", {}, e.community), num(e.score), element("td", {}, e.grade), num(e.rank),
      element("td", {}, note));
  }));
}

/** Why a project was or was not chosen, in words; `title` names a project by id. */
function why(result, title) {
  switch (result.reason) {
    case "selected": return `chosen ${ordinal(result.position)}`;
    case "does_not_fit": return `does not fit: ${result.left} left`;
    case "after_stop": return `stopped at ${title(result.stopped_at)}`;
    case "below_threshold": return "score under the threshold";
    case "no_support": return "no ballot names it";
    case "supporters_cannot_pay": return "its supporters' shares cannot pay for it";
    case "lost_comparison": return "chosen by Equal Shares, but greedy's outcome stood";
    default: return result.reason;
  }
}

function ordinal(n) {
  return `${n}${n % 10 === 1 && n !== 11 ? "st" : n % 10 === 2 && n !== 12 ? "nd" : n % 10 === 3 && n !== 13 ? "rd" : "th"}`;
}

/** A proposal's outcome when staff sorted the proposals. */
function sorted(p, title) {
  switch (p.status) {
    case "admitted": return `admitted at ${p.cost}`;
    case "merged": return `merged into ${title(p.into)}`;
    case "declined": return `declined: ${p.reason}`;
    default: return p.status;
  }
}

/** The verdicts of a delivery's last round: "3 of 4" accepting, or a dash before any. */
const accepts = (verdicts) => (verdicts.length === 0 ? "—"
  : `${verdicts.filter((v) => v.verdict === "accept").length} of ${verdicts.length}`);

/** A percentage string ("91.50") shown as such, or a dash. */
const share = (rate) => (rate === null ? "—" : `${rate}%`);

/**
 * The community's project fund in a Ward of its own: the proposals and how they were
 * sorted, the council's selection under Equal Shares with why each project was or was
 * not chosen, the same ballots under the other rules, delivery, the report, and the
 * public statement checked against the journal.
 */
function showProjects() {
  const ward = new Ward();
  const p = buildProjectFund(ward);
  const titles = new Map(p.proposals.map((x) => [x.id, x.title]));
  const title = (id) => titles.get(id) ?? id;
  const name = (id) => ward.grid.person({ id })?.name ?? id;
  const d = p.fund.decision;
  const selection = d.selection;
  $("projects-title").textContent = `吉福社区 · ${p.fund.year} ${p.fund.source} fund ${p.fund.amount} · `
    + `${d.eligible} council members, approval ballots of up to ${d.form.max_length}, rule ${d.rule.rule}`;
  $("projects-proposals").replaceChildren(...p.proposals.map((x) =>
    element("tr", { "data-proposal": x.id, "data-status": x.status },
      element("td", {}, x.title), element("td", {}, x.category), element("td", {}, name(x.proposer)),
      num(x.supporters.length), num(x.estimate), element("td", {}, sorted(x, title)))));
  $("projects-results").replaceChildren(...selection.projects.map((r) =>
    element("tr", { "data-project": r.id, "data-selected": r.selected, "data-reason": r.reason },
      element("td", {}, title(r.id)), num(r.cost), num(r.score),
      element("td", { class: r.selected ? "ok" : "" }, r.selected ? "selected" : "not selected"),
      element("td", {}, why(r, title)))));
  $("projects-voter-budget").textContent = selection.voter_budget ?? "—";
  $("projects-selected-cost").textContent = `${selection.cost} of ${selection.budget}`;
  $("projects-rules").replaceChildren(...p.what_if.map((s) =>
    element("tr", { "data-rule": s.rule.rule },
      element("td", {}, s.rule.rule), num(s.selected.length), num(s.cost),
      element("td", {}, s.selected.map(title).join("、")))));
  const r = p.report;
  const figures = {
    "projects-proposals-count": `${r.proposals} (${r.admitted} admitted, ${r.merged} merged, ${r.declined} declined)`,
    "projects-residents": r.proposers_and_supporters,
    "projects-participation": `${r.ballots} of ${r.eligible} · ${share(r.participation)}`,
    "projects-allocated": `${r.allocated} · ${share(r.allocated_share)}`,
    "projects-contracted": r.contracted,
    "projects-spent": `${r.spent} · ${share(r.spent_share)}`,
    "projects-returned": r.returned,
    "projects-available": r.available,
    "projects-funded": `${r.voters_with_a_funded_project} · ${share(r.funded_share)}`,
  };
  for (const [id, value] of Object.entries(figures)) $(id).textContent = value;
  $("projects-participation").dataset.rate = r.participation ?? "";
  $("projects-allocated").dataset.rate = r.allocated_share ?? "";
  $("projects-spent").dataset.rate = r.spent_share ?? "";
  const s = p.statement;
  $("projects-delivery").replaceChildren(...s.projects.map((x) =>
    element("tr", { "data-project": x.id, "data-stage": x.stage },
      element("td", {}, x.title), element("td", {}, x.deliverer ?? "—"), element("td", {}, x.stage),
      num(x.contracted ?? "—"), num(x.paid), num(x.returned ?? "—"), num(accepts(x.verdicts)),
      num(x.rejections))));
  // The statement as published, checked in this page against the fund's journal.
  const journal = ward.export_journal();
  const check = verify_projects_statement({ journal, statement: s });
  const verified = $("projects-verified");
  verified.textContent = check.verified
    ? "verified" : `not verified (head ${check.head_matches}, figures ${check.figures_match})`;
  verified.className = check.verified ? "ok" : "bad";
  verified.dataset.verified = check.verified;
  $("projects-verified-entries").textContent = `${s.journal_entries} of ${check.entries} entries`;
  // Someone republishes the statement with the playground among the chosen: caught.
  const doctored = { ...s, results: s.results.map((x) => (x.selected ? x : { ...x, selected: true })) };
  const caught = verify_projects_statement({ journal, statement: doctored });
  const edit = $("projects-doctored");
  edit.textContent = caught.verified ? "the edit went unnoticed!" : "edited copy: figures do not match";
  edit.className = caught.verified ? "bad" : "ok";
  edit.dataset.verified = caught.verified;
  $("projects-head").textContent = s.head;
  document.body.dataset.projectsHead = s.head;
}

async function main() {
  await init();
  const ward = buildCommunity(new Ward());
  const journey = runRequests(ward);
  showTree(ward);
  showCoverage(ward);
  showDirective(ward);
  showRequests(ward, journey);
  await showJournal(ward);
  showFund();
  showPoints();
  showRating();
  showProjects();
  document.body.dataset.head = ward.head;
  document.body.dataset.state = "ready";
}

main().catch((e) => {
  $("error").textContent = `${e.name}${e.code ? ` [${e.code}]` : ""}: ${e.message}`;
  document.body.dataset.state = "error";
  console.error(e);
});

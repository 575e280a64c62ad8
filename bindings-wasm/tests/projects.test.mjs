// The projects capability through the JavaScript face on real elections: each of the
// thirteen Pabulib files of tests/fixtures/pabulib, read with `read_pabulib`, is decided
// by `select_projects` under the rule its META declares and, imported into a ward's fund
// with `ward.projects.import_election`, must fund exactly the projects its `selected`
// column names; `write_pabulib` writes a file that reads back the same; a bad file is
// refused with its line number, and CRLF and a byte-order mark are accepted; `what_if`
// tries other rules on the same ballots without moving the journal; an imported decision
// goes on to delivery, its journal replays and its statement verifies; a broken election
// is refused and leaves no trace.
//
// Each file's election is decided once by `select_projects` and once by the import, no
// more (the Wieliczka election is the slow one in wasm).
import { test } from "node:test";
import assert from "node:assert/strict";

import { read_pabulib, select_projects, verify_projects_statement, Ward, write_pabulib } from "gridward";
import { assertGridwardError, refused } from "./support.mjs";
import { fundWard, pabulibFiles, pabulibText, STAFF } from "./pabulib_support.mjs";

const FUND = "pb-2026";
const staff = { actor: STAFF, at: "2026-03-01T09:00:00+08:00" };
const sorted = (ids) => [...ids].sort();
const FILES = pabulibFiles();

/** Each file read once. */
const read = new Map();
function readFile(name) {
  if (!read.has(name)) read.set(name, read_pabulib({ text: pabulibText(name) }));
  return read.get(name);
}

/** A file imported into a fresh ward's fund under its declared rule. */
function imported(name) {
  const file = readFile(name);
  const ward = fundWard(FUND, file.election.budget);
  ward.projects.import_election({ fund: FUND, election: file.election, rule: file.rule }, staff);
  return { file, ward };
}

/** The error `call` throws: an Error with a `code`. */
function thrown(call) {
  try {
    call();
  } catch (e) {
    assert.ok(e instanceof Error, "an Error");
    return e;
  }
  assert.fail("no error thrown");
}

test("there are thirteen files, declaring the five rules between them", () => {
  assert.equal(FILES.length, 13);
  const rules = new Set(FILES.map((f) => readFile(f).rule.rule));
  assert.deepEqual(sorted(rules),
    ["equal_shares", "equal_shares_comparison", "greedy", "greedy_no_skip", "greedy_threshold"]);
});

for (const name of FILES) {
  test(`${name}: select_projects under its rule selects the official projects`, () => {
    const file = readFile(name);
    const selection = select_projects({ election: file.election, rule: file.rule });
    assert.deepEqual(selection.rule, file.rule);
    assert.deepEqual(sorted(selection.selected), sorted(file.selected), `${name} under ${file.rule.rule}`);
    const costs = new Map(file.election.candidates.map((c) => [c.id, Number(c.cost)]));
    assert.equal(Number(selection.cost), selection.selected.reduce((sum, id) => sum + costs.get(id), 0));
    assert.ok(Number(selection.cost) <= Number(file.election.budget), "within the budget");
  });

  test(`${name}: imported under its rule, the official projects are selected`, () => {
    const { file, ward } = imported(name);
    const fund = ward.projects.fund({ id: FUND });
    assert.equal(fund.stage, "decided");
    const decision = fund.decision;
    assert.equal(decision.voters, "imported");
    assert.equal(decision.ballots, file.election.ballots.length);
    assert.deepEqual(decision.rule, file.rule);
    assert.deepEqual(decision.candidates, file.election.candidates.map((c) => c.id));
    const selection = decision.selection;
    assert.deepEqual(sorted(selection.selected), sorted(file.selected), `${name} under ${file.rule.rule}`);
    assert.ok(Number(selection.cost) <= Number(file.election.budget), "within the budget");
    const costs = new Map(file.election.candidates.map((c) => [c.id, Number(c.cost)]));
    const total = selection.selected.reduce((sum, id) => sum + costs.get(id), 0);
    assert.equal(Number(selection.cost), total);
    // Every project admitted at its cost, and the selected ones awaiting delivery.
    assert.equal(ward.projects.proposals({ fund: FUND }).length, file.election.candidates.length);
    assert.deepEqual(sorted(ward.projects.projects({ fund: FUND }).map((p) => p.id)), sorted(file.selected));
  });

  test(`${name}: written with write_pabulib, it reads back the same`, () => {
    const file = readFile(name);
    const again = read_pabulib({ text: write_pabulib({ file }) });
    assert.deepEqual(again.election, file.election);
    assert.deepEqual(again.rule, file.rule);
    assert.deepEqual(again.selected, file.selected);
    assert.deepEqual(again, file);
  });
}

test("a bad file is refused with a pabulib_ code and its line number", () => {
  const lines = pabulibText("Netherlands_Assen_2024.pb").replace(/\r\n/g, "\n").split("\n");
  // Line 22 is project 8's row: project_id;cost;votes;name;selected;description.
  assert.equal(lines[18], "project_id;cost;votes;name;selected;description");
  assert.ok(lines[21].startsWith("8;40000;"));
  const bad = (line, replacement) => [...lines.slice(0, line - 1), replacement, ...lines.slice(line)].join("\n");
  for (const text of [bad(22, "8;40000;25"), bad(22, "8;lots;25;Crossbaan in Peelo;0;Een baan")]) {
    const error = thrown(() => read_pabulib({ text }));
    assert.match(error.code, /^pabulib_/);
    assert.match(error.message, /\bline 22\b/);
  }
  const noProjects = [...lines.slice(0, 17), ...lines.slice(lines.indexOf("VOTES"))].join("\n");
  assert.match(thrown(() => read_pabulib({ text: noProjects })).code, /^pabulib_/);
});

test("the reader accepts a byte-order mark and CRLF", () => {
  const name = "Poland_Katowice_2020_Kostuchna.pb";
  const source = pabulibText(name);
  assert.ok(!source.includes("\r"), "the file is written with LF");
  const file = readFile(name);
  const crlf = source.replace(/\n/g, "\r\n");
  assert.deepEqual(read_pabulib({ text: `\ufeff${source}` }), file);
  assert.deepEqual(read_pabulib({ text: crlf }), file);
  assert.deepEqual(read_pabulib({ text: `\ufeff${crlf}` }), file);
});

test("what_if tries the greedy rules on an imported decision and moves nothing", () => {
  const { file, ward } = imported("Poland_Warszawa_2019_RudaMarymontLas_Bielanski.pb");
  const before = [ward.head, ward.journal_length, ward.state_digest()];
  const declared = ward.projects.what_if({ fund: FUND, rule: file.rule });
  assert.deepEqual(declared, ward.projects.fund({ id: FUND }).decision.selection);
  const noSkip = ward.projects.what_if({ fund: FUND, rule: { rule: "greedy_no_skip" } });
  const threshold = ward.projects.what_if({ fund: FUND, rule: { rule: "greedy_threshold", min_score: 400 } });
  assert.deepEqual(noSkip.rule, { rule: "greedy_no_skip" });
  // Stopping at the first project that does not fit selects a prefix of greedy's order.
  assert.deepEqual(noSkip.selected, declared.selected.slice(0, noSkip.selected.length));
  for (const s of [declared, noSkip, threshold]) assert.ok(Number(s.cost) <= Number(file.election.budget));
  for (const p of threshold.projects.filter((p) => p.selected)) assert.ok(Number(p.score) >= 400, p.id);
  assert.deepEqual([ward.head, ward.journal_length, ward.state_digest()], before);
});

test("an imported decision goes on to delivery; its journal replays and its statement verifies", () => {
  const { file, ward } = imported("Poland_Gdynia_2022_Pogorze__small.pb");
  const [first] = file.selected;
  const cost = file.election.candidates.find((c) => c.id === first).cost;
  const at = "2026-04-01T09:00:00+08:00";
  ward.grid.add_person({ id: "org-a", name: "锦城社工服务中心" }, { at });
  ward.projects.register_organisation({ organisation: "sg-jc", name: "锦城社工服务中心", contact: "org-a" },
    { actor: STAFF, at });
  ward.projects.apply_to_deliver({ project: first, organisation: "sg-jc", quote: cost, plan: "两个月完成" },
    { actor: "org-a", at });
  ward.projects.choose_deliverer({ project: first, organisation: "sg-jc" }, { actor: STAFF, at });
  ward.projects.pay_tranche({ project: first, payment: `${first}-t1`, amount: "100.00", voucher: "PZ-1" },
    { actor: STAFF, at });
  const project = ward.projects.project({ id: first });
  assert.equal(project.deliverer, "sg-jc");
  assert.equal(Number(project.contracted), Number(cost));
  assert.equal(Number(ward.projects.fund({ id: FUND }).balance), Number(file.election.budget) - 100);
  const journal = ward.export_journal();
  assert.equal(Ward.from_journal(journal).state_digest(), ward.state_digest());
  const statement = ward.projects.statement({ fund: FUND });
  assert.equal(statement.head, ward.head);
  assert.equal(verify_projects_statement({ journal, statement }).verified, true);
});

test("a broken election is refused and leaves the ward as it was", () => {
  const { election } = readFile("Poland_Gdynia_2022_Pogorze__small.pb");
  const ward = fundWard(FUND, election.budget);
  const rule = { rule: "greedy" };
  const unknown = { ...election, ballots: [{ voter: "x", choices: ["no-such-project"] }, ...election.ballots] };
  refused(ward, () => ward.projects.import_election({ fund: FUND, election: unknown, rule }, staff),
    "ballot_unknown_project");
  const twice = { ...election, ballots: [election.ballots[0], ...election.ballots] };
  refused(ward, () => ward.projects.import_election({ fund: FUND, election: twice, rule }, staff), "bad_text");
  const other = { ...election, budget: "1.00" };
  refused(ward, () => ward.projects.import_election({ fund: FUND, election: other, rule }, staff), "bad_text");
  const nobody = { ...election, ballots: [] };
  refused(ward, () => ward.projects.import_election({ fund: FUND, election: nobody, rule }, staff), "empty_roll");
  // Only community staff import.
  assertGridwardError(() => ward.projects.import_election({ fund: FUND, election, rule },
    { actor: "someone", at: staff.at }), "unknown_actor");
  // The intact election then imports once; a second time the fund has decided.
  ward.projects.import_election({ fund: FUND, election, rule }, staff);
  refused(ward, () => ward.projects.import_election({ fund: FUND, election, rule }, staff), "project_fund_stage");
});

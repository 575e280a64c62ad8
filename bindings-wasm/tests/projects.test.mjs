// The projects capability through the JavaScript face on real elections: each of the
// thirteen Pabulib files of tests/fixtures/pabulib, imported into a ward's fund with
// `ward.projects.import_election` under the rule its META declares, must fund exactly the
// projects its `selected` column names; `what_if` tries other rules on the same ballots
// without moving the journal; an imported decision goes on to delivery, its journal
// replays and its statement verifies; a broken election is refused and leaves no trace.
import { test } from "node:test";
import assert from "node:assert/strict";

import { Ward, verify_projects_statement } from "gridward";
import { assertGridwardError, refused } from "./support.mjs";
import { fundWard, pabulibFiles, pabulibText, readPabulib, STAFF } from "./pabulib_support.mjs";

const FUND = "pb-2026";
const staff = { actor: STAFF, at: "2026-03-01T09:00:00+08:00" };
const sorted = (ids) => [...ids].sort();

/** A file imported into a fresh ward's fund under its declared rule. */
function imported(name) {
  const file = readPabulib(pabulibText(name));
  const ward = fundWard(FUND, file.election.budget);
  ward.projects.import_election({ fund: FUND, election: file.election, rule: file.rule }, staff);
  return { file, ward };
}

test("there are thirteen files, declaring the five rules between them", () => {
  const files = pabulibFiles();
  assert.equal(files.length, 13);
  const rules = new Set(files.map((f) => readPabulib(pabulibText(f)).rule.rule));
  assert.deepEqual(sorted(rules),
    ["equal_shares", "equal_shares_comparison", "greedy", "greedy_no_skip", "greedy_threshold"]);
});

for (const name of pabulibFiles()) {
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
}

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
  const { election } = readPabulib(pabulibText("Poland_Gdynia_2022_Pogorze__small.pb"));
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
